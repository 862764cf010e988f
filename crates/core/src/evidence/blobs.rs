//! The content-addressed blob store: each file is kept once, under `blobs/sha256/ab/cdef…`, named by
//! the SHA-256 of its bytes. A file is streamed (memory stays flat whatever its size), hashed while
//! it is copied into a temporary file in the same directory, fsync'd, then renamed into place: a crash
//! leaves at worst a temporary file, never a half-written blob under a real name.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use super::error::EvidenceError;
use super::hash::Sha256Hex;
use crate::fsx;

const BUFFER: usize = 1 << 20;
pub const TEMP_PREFIX: &str = ".tmp-";

#[derive(Debug, Clone)]
pub struct BlobStore {
    root: PathBuf,
}

/// A file copied into the store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ingested {
    pub sha256: Sha256Hex,
    pub size: u64,
    pub mime: String,
    /// The same bytes were already stored.
    pub already_stored: bool,
}

impl BlobStore {
    /// The store under `data_dir/blobs/sha256`.
    pub fn new(data_dir: &Path) -> BlobStore {
        BlobStore {
            root: data_dir.join("blobs").join("sha256"),
        }
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Where the blob of this hash lives. Built only from a parsed hash: no stored text becomes a path.
    pub fn path_of(&self, sha256: &Sha256Hex) -> PathBuf {
        let (dir, rest) = sha256.split();
        self.root.join(dir).join(rest)
    }

    /// Hashes `source` without copying it: a re-dropped file costs one reading pass, plus one of the
    /// stored copy, which must hold the same bytes to count as stored (else it is repaired by a copy).
    pub fn hash_only(&self, source: &Path, limit: u64) -> Result<Ingested, EvidenceError> {
        let (mut input, expected) = open_source(source, limit)?;
        let Streamed { sha256, size, mime } =
            stream(&mut input, |_| Ok(())).map_err(|e| EvidenceError::from_io(source, &e))?;
        if size != expected {
            return Err(EvidenceError::ChangedDuringCopy(display_name(source)));
        }
        let stored = self.path_of(&sha256);
        let already_stored = fs::metadata(&stored).is_ok_and(|m| m.len() == size)
            && self.rehash(&sha256).ok().as_ref() == Some(&sha256);
        Ok(Ingested {
            sha256,
            size,
            mime,
            already_stored,
        })
    }

    /// Copies `source` into the store. `limit` is the largest size accepted, in bytes.
    pub fn ingest(&self, source: &Path, limit: u64) -> Result<Ingested, EvidenceError> {
        let (mut input, expected) = open_source(source, limit)?;
        self.place(&mut input, expected, limit, source)
    }

    /// Stores bytes already in memory (an attachment taken out of an e-mail); `name` is only for
    /// messages. The same checks as for a file: not empty, not over `limit`.
    pub fn ingest_bytes(
        &self,
        bytes: &[u8],
        name: &str,
        limit: u64,
    ) -> Result<Ingested, EvidenceError> {
        if bytes.is_empty() {
            return Err(EvidenceError::Empty(name.to_owned()));
        }
        let size = bytes.len() as u64;
        if size > limit {
            return Err(EvidenceError::TooLarge {
                name: name.to_owned(),
                size,
                limit,
            });
        }
        let mut input = bytes;
        self.place(&mut input, size, limit, Path::new(name))
    }

    /// Streams `input` into a temporary file, then renames it to its hash (the crash-safe way).
    fn place(
        &self,
        input: &mut impl Read,
        expected: u64,
        limit: u64,
        source: &Path,
    ) -> Result<Ingested, EvidenceError> {
        fsx::create_private_dir_all(&self.root)
            .map_err(|e| EvidenceError::from_io(&self.root, &e))?;
        let temp = self.root.join(format!(
            "{TEMP_PREFIX}{}-{}",
            std::process::id(),
            unique_suffix()
        ));
        let result = self.copy_and_hash(input, &temp, expected, limit);
        let (sha256, size, mime) = match result {
            Ok(done) => done,
            Err(e) => {
                let _ = fs::remove_file(&temp);
                return Err(e.with_name(source));
            }
        };
        let target = self.path_of(&sha256);
        let already_stored = target.exists();
        // The verified copy always replaces what is there: a damaged blob is repaired by adding the
        // original again, and identical bytes change nothing.
        let parent = target.parent().unwrap_or(&self.root).to_path_buf();
        let placed = fsx::create_private_dir_all(&parent)
            .and_then(|()| fs::rename(&temp, &target))
            // Make the new names durable: the blob's folder, and the store's root (temp entry gone,
            // maybe a new `ab/` folder).
            .and_then(|()| fsx::sync_dir(&parent))
            .and_then(|()| fsx::sync_dir(&self.root))
            .and_then(|()| self.root.parent().map_or(Ok(()), fsx::sync_dir));
        if let Err(e) = placed {
            let _ = fs::remove_file(&temp);
            return Err(EvidenceError::from_io(source, &e));
        }
        Ok(Ingested {
            sha256,
            size,
            mime,
            already_stored,
        })
    }

    fn copy_and_hash(
        &self,
        input: &mut impl Read,
        temp: &Path,
        expected: u64,
        limit: u64,
    ) -> Result<(Sha256Hex, u64, String), EvidenceError> {
        let mut output = fsx::new_private_file()
            .open(temp)
            .map_err(|e| EvidenceError::from_io(temp, &e))?;
        // The file may grow while it is read: stop writing once past the limit.
        let mut written: u64 = 0;
        let mut over_limit = false;
        let streamed = stream(input, |chunk| {
            written += chunk.len() as u64;
            if written > limit {
                over_limit = true;
                return Err(io::Error::other("over the size limit"));
            }
            output.write_all(chunk)
        });
        let Streamed { sha256, size, mime } = match streamed {
            Ok(s) => s,
            Err(_) if over_limit => {
                return Err(EvidenceError::TooLarge {
                    name: String::new(),
                    size: written,
                    limit,
                })
            }
            Err(e) => return Err(EvidenceError::from_io(temp, &e)),
        };
        if size != expected {
            return Err(EvidenceError::ChangedDuringCopy(String::new()));
        }
        output
            .sync_all()
            .map_err(|e| EvidenceError::from_io(temp, &e))?;
        Ok((sha256, size, mime))
    }

    /// Hashes a stored blob again (for the full integrity check).
    pub fn rehash(&self, sha256: &Sha256Hex) -> io::Result<Sha256Hex> {
        let mut file = File::open(self.path_of(sha256))?;
        Ok(stream(&mut file, |_| Ok(()))?.sha256)
    }

    pub fn remove(&self, sha256: &Sha256Hex) -> io::Result<()> {
        match fs::remove_file(self.path_of(sha256)) {
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
            other => other,
        }
    }

    /// Every file under the store, named by what its path says it is.
    pub fn files(&self) -> Vec<StoreFile> {
        let mut out = Vec::new();
        let Ok(top) = fs::read_dir(&self.root) else {
            return out;
        };
        for entry in top.flatten() {
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().into_owned();
            let is_dir = entry.file_type().is_ok_and(|t| t.is_dir());
            if name.starts_with(TEMP_PREFIX) {
                out.push(StoreFile::Temp(path));
            } else if is_dir {
                for inner in fs::read_dir(&path).into_iter().flatten().flatten() {
                    let rest = inner.file_name().to_string_lossy().into_owned();
                    let file = if rest.starts_with(TEMP_PREFIX) {
                        StoreFile::Temp(inner.path())
                    } else {
                        match Sha256Hex::parse(&format!("{name}{rest}")) {
                            Some(sha) if name.len() == 2 => StoreFile::Blob(sha, inner.path()),
                            _ => StoreFile::Unknown(inner.path()),
                        }
                    };
                    out.push(file);
                }
            } else {
                out.push(StoreFile::Unknown(path));
            }
        }
        out
    }
}

/// A file found under the store's folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreFile {
    /// At the place of this hash.
    Blob(Sha256Hex, PathBuf),
    /// Left by a copy (running, or interrupted).
    Temp(PathBuf),
    /// Anything else: nothing Recours wrote.
    Unknown(PathBuf),
}

/// Opens a file offered by the person, once: never through a symbolic link, never blocking on a
/// pipe or a device, and checked on the open handle itself, so that what is read is what was
/// checked (a swap after the check cannot slip another file in). Returns the handle and its size.
pub fn open_source(source: &Path, limit: u64) -> Result<(File, u64), EvidenceError> {
    // A first look by name gives the clearer messages (a folder, a link); the handle decides.
    if let Ok(meta) = fs::symlink_metadata(source) {
        if meta.file_type().is_symlink() {
            return Err(EvidenceError::Symlink(display_name(source)));
        }
        if meta.is_dir() {
            return Err(EvidenceError::Folder {
                name: display_name(source),
                files: count_files(source),
            });
        }
    }
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK | libc::O_NOCTTY);
    }
    #[cfg(windows)]
    {
        // Open a reparse point (symbolic link, junction) itself rather than what it points to.
        use std::os::windows::fs::OpenOptionsExt;
        const FILE_FLAG_OPEN_REPARSE_POINT: u32 = 0x0020_0000;
        options.custom_flags(FILE_FLAG_OPEN_REPARSE_POINT);
    }
    let file = match options.open(source) {
        Ok(f) => f,
        #[cfg(unix)]
        Err(e) if e.raw_os_error() == Some(libc::ELOOP) => {
            return Err(EvidenceError::Symlink(display_name(source)))
        }
        Err(e) => return Err(EvidenceError::from_io(source, &e)),
    };
    let meta = file
        .metadata()
        .map_err(|e| EvidenceError::from_io(source, &e))?;
    if meta.file_type().is_symlink() {
        return Err(EvidenceError::Symlink(display_name(source)));
    }
    if meta.is_dir() {
        return Err(EvidenceError::Folder {
            name: display_name(source),
            files: count_files(source),
        });
    }
    if !meta.is_file() {
        return Err(EvidenceError::NotAFile(display_name(source)));
    }
    if meta.len() == 0 {
        return Err(EvidenceError::Empty(display_name(source)));
    }
    if meta.len() > limit {
        return Err(EvidenceError::TooLarge {
            name: display_name(source),
            size: meta.len(),
            limit,
        });
    }
    Ok((file, meta.len()))
}

/// What reading a whole file gives: its hash, size and sniffed type.
pub struct Streamed {
    pub sha256: Sha256Hex,
    pub size: u64,
    pub mime: String,
}

/// Lower-case hexadecimal, as `sha256sum` prints it.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Reads `input` to the end in large chunks, hashing every byte and sniffing the type from the first
/// chunk; `sink` sees each chunk (to copy it). One pass, flat memory whatever the size. Backups and
/// exports copy through it too.
pub fn stream(
    input: &mut impl Read,
    mut sink: impl FnMut(&[u8]) -> io::Result<()>,
) -> io::Result<Streamed> {
    let mut hasher = Sha256::new();
    let mut buffer = vec![0u8; BUFFER];
    let mut size = 0u64;
    let mut mime = None;
    loop {
        let n = match input.read(&mut buffer) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        let chunk = &buffer[..n];
        if mime.is_none() {
            mime = Some(sniff(chunk));
        }
        hasher.update(chunk);
        sink(chunk)?;
        size += n as u64;
    }
    let digest: [u8; 32] = hasher.finalize().into();
    Ok(Streamed {
        sha256: Sha256Hex::from_digest(&digest),
        size,
        mime: mime.unwrap_or_else(|| "application/octet-stream".into()),
    })
}

/// A temporary file is stale when the process that wrote it is gone (on Linux, by its pid in the
/// name), or, elsewhere, when it is over an hour old: a running copy is never removed.
pub fn is_stale_temp(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let pid = name
        .strip_prefix(TEMP_PREFIX)
        .and_then(|rest| rest.split('-').next())
        .and_then(|pid| pid.parse::<u32>().ok());
    if let Some(pid) = pid {
        if Path::new("/proc/self").exists() {
            return pid != std::process::id() && !Path::new(&format!("/proc/{pid}")).exists();
        }
    }
    fs::metadata(path)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.elapsed().ok())
        .is_some_and(|age| age > std::time::Duration::from_secs(3600))
}

/// The MIME type from the first bytes (never from the name).
pub fn sniff(head: &[u8]) -> String {
    if let Some(kind) = infer::get(head) {
        return kind.mime_type().to_owned();
    }
    let window = &head[..head.len().min(8192)];
    let utf8 = match std::str::from_utf8(window) {
        Ok(_) => true,
        // A character cut by the end of the window is still text.
        Err(e) => e.error_len().is_none(),
    };
    let control = window
        .iter()
        .any(|&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c));
    if !utf8 || control {
        return "application/octet-stream".into();
    }
    // An e-mail first: a saved HTML e-mail has « <html » in its body, and it is still an e-mail.
    // Intake decides what an e-mail is; the store agrees with it (whatever header comes first).
    if crate::intake::email::looks_like_email(window) {
        return "message/rfc822".into();
    }
    let start = String::from_utf8_lossy(&window[..window.len().min(4096)]).to_lowercase();
    if start.contains("<html") || start.contains("<!doctype html") {
        "text/html".into()
    } else {
        "text/plain".into()
    }
}

/// The file's name as the person knows it (the whole path when it has no name).
pub fn display_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

fn count_files(dir: &Path) -> usize {
    fs::read_dir(dir)
        .map(|it| {
            it.flatten()
                .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
                .count()
        })
        .unwrap_or(0)
}

fn unique_suffix() -> String {
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or_default();
    format!("{nanos}-{}", COUNTER.fetch_add(1, Ordering::Relaxed))
}
