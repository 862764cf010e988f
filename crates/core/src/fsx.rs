//! File-system helpers shared by the store: private folders and files, and durable renames.
//! The data folder holds a person's dossiers: on Unix it is readable by its owner only (0700,
//! files 0600) whatever the umask; on Windows, `%APPDATA%` is already private to the user and
//! new files inherit its permissions.

use std::fs::{self, File, OpenOptions};
use std::io;
use std::path::Path;

/// Creates `dir` and its missing parents; the folders created here are private (0700 on Unix).
/// An existing folder keeps its permissions (it may be one the person chose for other uses).
pub fn create_private_dir_all(dir: &Path) -> io::Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir)
}

/// Options for a new file that only its owner may read (0600 on Unix); fails if it exists.
pub fn new_private_file() -> OpenOptions {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options
}

/// Creates (or truncates) a private file.
pub fn create_private_file(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path)
}

/// Makes the entries of `dir` (a rename, a new or removed file) durable.
pub fn sync_dir(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        File::open(dir)?.sync_all()
    }
    #[cfg(windows)]
    {
        // A folder handle needs FILE_FLAG_BACKUP_SEMANTICS; FlushFileBuffers (sync_all) then
        // flushes its metadata. NTFS journals renames anyway, so a refusal is not an error.
        use std::os::windows::fs::OpenOptionsExt;
        const FILE_FLAG_BACKUP_SEMANTICS: u32 = 0x0200_0000;
        match OpenOptions::new()
            .write(true)
            .custom_flags(FILE_FLAG_BACKUP_SEMANTICS)
            .open(dir)
        {
            Ok(handle) => {
                let _ = handle.sync_all();
                Ok(())
            }
            Err(_) => Ok(()),
        }
    }
    #[cfg(not(any(unix, windows)))]
    {
        let _ = dir;
        Ok(())
    }
}

/// Renames `from` to `to` and makes both folders' entries durable.
pub fn durable_rename(from: &Path, to: &Path) -> io::Result<()> {
    fs::rename(from, to)?;
    if let Some(parent) = to.parent() {
        sync_dir(parent)?;
    }
    match from.parent() {
        Some(parent) if Some(parent) != to.parent() => sync_dir(parent),
        _ => Ok(()),
    }
}

/// Writes `bytes` to `path` atomically: a temporary file beside it, fsync'd, renamed, folder fsync'd.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    use std::io::Write;
    let dir = path.parent().unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temp = dir.join(format!(".{name}.tmp"));
    let _ = fs::remove_file(&temp);
    let result = (|| {
        let mut file = new_private_file().open(&temp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        drop(file);
        durable_rename(&temp, path)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    }
    result
}

/// Removes a file that may be read-only (Windows refuses to delete those).
pub fn remove_file_forced(path: &Path) -> io::Result<()> {
    match fs::remove_file(path) {
        Err(e) if e.kind() == io::ErrorKind::PermissionDenied => {
            let mut perms = fs::symlink_metadata(path)?.permissions();
            #[allow(clippy::permissions_set_readonly_false)]
            perms.set_readonly(false);
            fs::set_permissions(path, perms)?;
            fs::remove_file(path)
        }
        other => other,
    }
}

/// Removes a whole tree Recours made itself (a restore's staging or replaced folder), read-only
/// files included: the opened copies are read-only, and Windows refuses to delete such a file until
/// the flag is cleared. A link inside is removed, never followed. Gone already is fine.
pub fn remove_tree(dir: &Path) -> io::Result<()> {
    match fs::remove_dir_all(dir) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        // What is left is removed entry by entry, clearing the read-only flag where needed.
        Err(_) => remove_tree_entries(dir),
    }
}

fn remove_tree_entries(dir: &Path) -> io::Result<()> {
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        let path = entry.path();
        let kind = entry.file_type()?;
        if kind.is_dir() {
            remove_tree_entries(&path)?;
        } else if kind.is_symlink() {
            // A link to a folder is a folder entry on Windows, a file entry elsewhere.
            fs::remove_file(&path).or_else(|_| fs::remove_dir(&path))?;
        } else {
            remove_file_forced(&path)?;
        }
    }
    fs::remove_dir(dir)
}

/// Removes the plain files directly inside `dir`, then `dir` itself if it is then empty. Used for
/// folders Recours made itself (opened copies, field sheets): never recursive, never following a
/// link, so a folder that somehow holds anything else is left as it is.
pub fn remove_own_folder(dir: &Path) -> io::Result<()> {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(e),
    };
    for entry in entries.flatten() {
        if entry.file_type().is_ok_and(|t| t.is_file()) {
            remove_file_forced(&entry.path())?;
        }
    }
    match fs::remove_dir(dir) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        other => other,
    }
}

/// Bytes free for this user on the file system holding `dir` (None when the system cannot say).
pub fn available_space(dir: &Path) -> Option<u64> {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let path = std::ffi::CString::new(dir.as_os_str().as_bytes()).ok()?;
        let mut stat = std::mem::MaybeUninit::<libc::statvfs>::zeroed();
        // SAFETY: `path` is NUL-terminated; `stat` is a valid place for statvfs to write into, and
        // is read only when the call reports success.
        let ok = unsafe { libc::statvfs(path.as_ptr(), stat.as_mut_ptr()) } == 0;
        if !ok {
            return None;
        }
        // SAFETY: statvfs succeeded and filled the structure.
        let stat = unsafe { stat.assume_init() };
        // The field types differ between systems (u32 on some, u64 here).
        #[allow(clippy::unnecessary_cast)]
        let (blocks, size) = (stat.f_bavail as u64, stat.f_frsize as u64);
        Some(blocks.saturating_mul(size))
    }
    #[cfg(windows)]
    {
        use std::os::windows::ffi::OsStrExt;
        use windows_sys::Win32::Storage::FileSystem::GetDiskFreeSpaceExW;
        let wide: Vec<u16> = dir.as_os_str().encode_wide().chain(Some(0)).collect();
        let mut free_to_caller: u64 = 0;
        // SAFETY: `wide` is NUL-terminated and outlives the call; the out-pointers are valid or null.
        let ok = unsafe {
            GetDiskFreeSpaceExW(
                wide.as_ptr(),
                &mut free_to_caller,
                std::ptr::null_mut(),
                std::ptr::null_mut(),
            )
        };
        (ok != 0).then_some(free_to_caller)
    }
    #[cfg(not(any(unix, windows)))]
    {
        let _ = dir;
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tree_with_read_only_files_is_removed_and_a_link_is_not_followed() {
        let dir = tempfile::tempdir().expect("temp");
        let outside = dir.path().join("ailleurs.txt");
        fs::write(&outside, b"ne pas toucher").expect("write");
        let tree = dir.path().join(".ancien-x");
        let nested = tree.join("ouvertures").join("0123456789abcdef");
        fs::create_dir_all(&nested).expect("dirs");
        let copy = nested.join("facture.pdf");
        fs::write(&copy, b"%PDF").expect("write");
        let mut perms = fs::metadata(&copy).expect("meta").permissions();
        perms.set_readonly(true);
        fs::set_permissions(&copy, perms).expect("read-only");
        #[cfg(unix)]
        std::os::unix::fs::symlink(&outside, tree.join("lien")).expect("link");
        // The slow path is the one Windows takes when a read-only file stops remove_dir_all.
        remove_tree_entries(&tree).expect("removed");
        assert!(!tree.exists());
        assert_eq!(fs::read(&outside).expect("kept"), b"ne pas toucher");
        remove_tree(&tree).expect("gone already is fine");
    }
}
