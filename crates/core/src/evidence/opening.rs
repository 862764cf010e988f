//! Opening a piece in the system's viewer. The stored file is never handed out: a fresh read-only
//! copy is made under `ouvertures/<16 hex>/`, named after the original (so the viewer knows its type)
//! but made valid on every file system, and marked as coming from outside on Windows and macOS (the
//! mark a browser puts on a download). A copy whose name or content would make the system run it
//! (a program, a script, a shortcut, a document with macros) is not opened: its folder is shown.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::blobs::BlobStore;
use super::hash::Sha256Hex;
use super::Piece;
use crate::fsx;

/// The folder of the copies, inside the data folder.
pub const OPENED_COPIES: &str = "ouvertures";

/// `ouvertures/<first 16 hex characters>`: built from the parsed hash only.
pub fn opened_dir(data_dir: &Path, sha: &Sha256Hex) -> PathBuf {
    data_dir.join(OPENED_COPIES).join(sha.short())
}

/// Names Windows keeps for devices, with or without an extension (`NUL.txt` is a device too).
const RESERVED: &[&str] = &[
    "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8",
    "com9", "com¹", "com²", "com³", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8",
    "lpt9", "lpt¹", "lpt²", "lpt³", "conin$", "conout$",
];

/// Longest name kept, in characters (Windows paths stay well under 260 with the data folder's).
const MAX_NAME: usize = 120;

/// A name every file system accepts, as close to `name` as possible: the characters Windows forbids
/// (`\ / : * ? " < > |` and controls) become `_`, trailing dots and spaces go, a reserved device name
/// (`CON`, `NUL`, `COM1`…) gets a `_` in front, and a long name is cut, keeping its extension.
pub fn portable_name(name: &str) -> String {
    let replaced: String = name
        .chars()
        .map(|c| match c {
            '\\' | '/' | ':' | '*' | '?' | '"' | '<' | '>' | '|' => '_',
            c if c.is_control() => '_',
            c => c,
        })
        .collect();
    let trimmed = replaced.trim_end_matches(['.', ' ']).trim_start();
    let mut out = if trimmed.trim_matches(['.', '_', ' ']).is_empty() {
        "piece".to_owned()
    } else {
        trimmed.to_owned()
    };
    let stem = out
        .split('.')
        .next()
        .unwrap_or_default()
        .trim_end()
        .to_lowercase();
    if RESERVED.contains(&stem.as_str()) {
        out.insert(0, '_');
    }
    if out.chars().count() > MAX_NAME {
        let ext: String = match out.rsplit_once('.') {
            Some((_, ext)) if (1..=10).contains(&ext.chars().count()) => format!(".{ext}"),
            _ => String::new(),
        };
        let keep = MAX_NAME - ext.chars().count();
        let stem: String = out.chars().take(keep).collect();
        out = format!("{}{ext}", stem.trim_end_matches(['.', ' ']));
    }
    out
}

/// Extensions the system would run, install or follow rather than show (Windows, Linux, macOS),
/// and office documents that may hold macros.
const RISKY_EXTENSIONS: &[&str] = &[
    // Windows programs, installers, scripts, shortcuts and control-panel items.
    "exe",
    "com",
    "scr",
    "pif",
    "bat",
    "cmd",
    "msi",
    "msp",
    "mst",
    "cpl",
    "dll",
    "ocx",
    "sys",
    "drv",
    "lnk",
    "url",
    "website",
    "scf",
    "inf",
    "reg",
    "ps1",
    "psm1",
    "psd1",
    "ps1xml",
    "psc1",
    "vb",
    "vbs",
    "vbe",
    "js",
    "jse",
    "wsf",
    "wsh",
    "wsc",
    "hta",
    "jar",
    "msc",
    "application",
    "appref-ms",
    "gadget",
    "chm",
    "hlp",
    "iso",
    "img",
    "vhd",
    "vhdx",
    "appx",
    "appxbundle",
    "msix",
    "msixbundle",
    "settingcontent-ms",
    "library-ms",
    "search-ms",
    "diagcab",
    "xll",
    "xbap",
    // Office documents with macros.
    "docm",
    "dotm",
    "xlsm",
    "xltm",
    "xlam",
    "xlsb",
    "pptm",
    "potm",
    "ppam",
    "ppsm",
    "sldm",
    // Linux and macOS.
    "desktop",
    "sh",
    "bash",
    "zsh",
    "csh",
    "run",
    "appimage",
    "deb",
    "rpm",
    "app",
    "command",
    "tool",
    "pkg",
    "dmg",
    "mpkg",
    "terminal",
    "workflow",
    "scpt",
    "action",
    "py",
    "pl",
    "rb",
];

/// Content types that are programs whatever the name says.
const RISKY_TYPES: &[&str] = &[
    "application/vnd.microsoft.portable-executable",
    "application/x-msdownload",
    "application/x-executable",
    "application/x-sharedlib",
    "application/x-mach-binary",
    "application/x-elf",
    "application/x-sh",
    "application/x-shellscript",
    "application/vnd.ms-cab-compressed",
    "application/x-ms-shortcut",
];

/// Whether opening a file of this name and content type could run something.
pub fn is_risky(name: &str, mime: &str) -> bool {
    let ext = name
        .trim_end_matches(['.', ' '])
        .rsplit_once('.')
        .map(|(_, ext)| ext.trim().to_lowercase())
        .unwrap_or_default();
    RISKY_EXTENSIONS.contains(&ext.as_str()) || RISKY_TYPES.contains(&mime)
}

/// What « Ouvrir » did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum OpenOutcome {
    Opened,
    /// The file could run a program: its folder was shown instead.
    FolderShown,
}

/// A copy ready to be shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenedCopy {
    pub path: PathBuf,
    /// The system could run it: show its folder, do not open it.
    pub show_folder_only: bool,
}

/// Makes (or replaces) the read-only copy of `piece` for the system's viewer.
pub fn make_opened_copy(
    blobs: &BlobStore,
    data_dir: &Path,
    piece: &Piece,
) -> io::Result<OpenedCopy> {
    let name = portable_name(&piece.original_name);
    let dir = opened_dir(data_dir, &piece.sha256);
    fsx::create_private_dir_all(&dir)?;
    let copy = dir.join(&name);
    let temp = dir.join(format!(".{name}.partiel"));
    let _ = fsx::remove_file_forced(&temp);
    let result = (|| {
        fs::copy(blobs.path_of(&piece.sha256), &temp)?;
        mark_downloaded(&temp);
        let mut perms = fs::metadata(&temp)?.permissions();
        perms.set_readonly(true);
        fs::set_permissions(&temp, perms)?;
        // A copy left by an earlier opening is replaced (it is read-only: Windows needs it writable).
        if fs::symlink_metadata(&copy).is_ok() {
            fsx::remove_file_forced(&copy)?;
        }
        fs::rename(&temp, &copy)
    })();
    if let Err(e) = result {
        let _ = fsx::remove_file_forced(&temp);
        return Err(e);
    }
    Ok(OpenedCopy {
        show_folder_only: is_risky(&name, &piece.mime),
        path: copy,
    })
}

/// Marks a file as downloaded from the internet, as browsers do: Windows then opens it in its
/// protected view and asks before running anything; macOS asks before opening it the first time.
/// Best effort: a file system without the mark still gets the copy.
fn mark_downloaded(path: &Path) {
    #[cfg(windows)]
    {
        let mut stream = path.as_os_str().to_owned();
        stream.push(":Zone.Identifier");
        let _ = fs::write(
            PathBuf::from(stream),
            "[ZoneTransfer]\r\nZoneId=3\r\nReferrerUrl=about:internet\r\n",
        );
    }
    #[cfg(target_os = "macos")]
    {
        use std::ffi::CString;
        use std::os::unix::ffi::OsStrExt;
        let stamp = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or_default();
        let value = format!("0081;{stamp:x};Recours;");
        if let (Ok(file), Ok(attr)) = (
            CString::new(path.as_os_str().as_bytes()),
            CString::new("com.apple.quarantine"),
        ) {
            // SAFETY: both strings are NUL-terminated and live across the call; the value's
            // pointer and length describe one initialised buffer.
            unsafe {
                libc::setxattr(
                    file.as_ptr(),
                    attr.as_ptr(),
                    value.as_ptr().cast(),
                    value.len(),
                    0,
                    0,
                );
            }
        }
    }
    #[cfg(not(any(windows, target_os = "macos")))]
    {
        let _ = path;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_windows_forbids_become_portable() {
        assert_eq!(portable_name("Facture mars.pdf"), "Facture mars.pdf");
        assert_eq!(portable_name("Réçu n°12 — été.pdf"), "Réçu n°12 — été.pdf");
        assert_eq!(portable_name("a:b?c*d\"e<f>g|h.pdf"), "a_b_c_d_e_f_g_h.pdf");
        assert_eq!(portable_name("../../etc/passwd"), ".._.._etc_passwd");
        assert_eq!(portable_name("C:\\Windows\\x.txt"), "C__Windows_x.txt");
        assert_eq!(portable_name("photo. . ."), "photo");
        assert_eq!(portable_name("CON"), "_CON");
        assert_eq!(portable_name("nul.txt"), "_nul.txt");
        assert_eq!(portable_name("Com1.pdf"), "_Com1.pdf");
        assert_eq!(portable_name("console.pdf"), "console.pdf");
        assert_eq!(portable_name("..."), "piece");
        assert_eq!(portable_name("tab\there"), "tab_here");
        let long = format!("{}.pdf", "é".repeat(300));
        let cut = portable_name(&long);
        assert_eq!(cut.chars().count(), MAX_NAME);
        assert!(cut.ends_with(".pdf"));
    }

    #[test]
    fn programs_scripts_shortcuts_and_macros_are_risky() {
        for name in [
            "facture.pdf.exe",
            "Facture.PDF.EXE",
            "raccourci.lnk",
            "commande.docm",
            "lancer.sh",
            "app.desktop",
            "script.ps1",
            "x.exe. . ",
        ] {
            assert!(is_risky(name, "application/octet-stream"), "{name}");
        }
        for name in [
            "facture.pdf",
            "photo.jpg",
            "mail.eml",
            "page.html",
            "sans extension",
        ] {
            assert!(!is_risky(name, "application/pdf"), "{name}");
        }
        assert!(is_risky(
            "facture.pdf",
            "application/vnd.microsoft.portable-executable"
        ));
    }
}
