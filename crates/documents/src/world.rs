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

#[cfg(test)]
mod tests {
    use super::FONTS;

    /// Every letter of the European Latin alphabets (Latin-1, Latin Extended-A, Romanian's
    /// comma-below letters) and the French punctuation the letters use has a glyph in each text
    /// face: no name or address ever prints as an empty box.
    #[test]
    fn text_faces_cover_every_european_latin_letter_and_french_punctuation() {
        let wanted: Vec<char> = ('\u{00C0}'..='\u{017F}')
            .chain(['\u{0218}', '\u{0219}', '\u{021A}', '\u{021B}'])
            .chain([
                '€', '«', '»', '’', '–', '—', '…', '°', '§', '\u{00A0}', '\u{202F}',
            ])
            .collect();
        let faces: Vec<_> = FONTS
            .fonts
            .iter()
            .filter(|f| f.info().family == "Libertinus Serif")
            .collect();
        assert_eq!(faces.len(), 3, "regular, bold and italic");
        for face in faces {
            let missing: Vec<String> = wanted
                .iter()
                .filter(|c| !face.info().coverage.contains(**c as u32))
                .map(|c| format!("{c} (U+{:04X})", *c as u32))
                .collect();
            assert!(
                missing.is_empty(),
                "{:?} lacks {}",
                face.info().variant,
                missing.join(", ")
            );
        }
    }
}
