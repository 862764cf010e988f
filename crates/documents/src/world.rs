//! The smallest Typst world: our templates, one JSON data file and the fonts embedded in the binary.
//! No file system, no system fonts, no packages, no clock: the same PDF on every machine.

use std::sync::LazyLock;

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

struct Fonts {
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
}

/// Only the faces the templates use, so the binary carries no other font: Libertinus Serif (text)
/// and DejaVu Sans Mono (hashes), under open licences (fonts/NOTICE.txt).
const FONT_FILES: [&[u8]; 4] = [
    include_bytes!("../fonts/LibertinusSerif-Regular.otf"),
    include_bytes!("../fonts/LibertinusSerif-Bold.otf"),
    include_bytes!("../fonts/LibertinusSerif-Italic.otf"),
    include_bytes!("../fonts/DejaVuSansMono.ttf"),
];

static FONTS: LazyLock<Fonts> = LazyLock::new(|| {
    let fonts: Vec<Font> = FONT_FILES
        .into_iter()
        .flat_map(|data| Font::iter(Bytes::new(data)))
        .collect();
    Fonts {
        book: LazyHash::new(FontBook::from_fonts(&fonts)),
        fonts,
    }
});

static LIBRARY: LazyLock<LazyHash<Library>> = LazyLock::new(|| LazyHash::new(Library::default()));

const STYLE: &str = include_str!("../templates/style.typ");

fn file_id(path: &str) -> FileId {
    // The paths are constants of ours: a bad one is a programming error caught by every test.
    let vpath =
        VirtualPath::new(path).unwrap_or_else(|_| panic!("chemin de modèle invalide {path}"));
    RootedPath::new(VirtualRoot::Project, vpath).intern()
}

pub struct DocWorld {
    main: Source,
    style: Source,
    data: Bytes,
}

impl DocWorld {
    /// `template` is the text of one `.typ` file; `data` the JSON it reads as `/data.json`.
    pub fn new(template: &str, data: Vec<u8>) -> DocWorld {
        DocWorld {
            main: Source::new(file_id("/main.typ"), template.to_owned()),
            style: Source::new(file_id("/style.typ"), STYLE.to_owned()),
            data: Bytes::new(data),
        }
    }
}

impl World for DocWorld {
    fn library(&self) -> &LazyHash<Library> {
        &LIBRARY
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &FONTS.book
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else if id == self.style.id() {
            Ok(self.style.clone())
        } else {
            Err(FileError::AccessDenied)
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == file_id("/data.json") {
            Ok(self.data.clone())
        } else {
            self.source(id).map(Bytes::from_string)
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        FONTS.fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        None
    }
}
