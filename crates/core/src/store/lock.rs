//! One advisory lock per data folder, on the file `recours.verrou`: every process that has the store
//! open holds it shared; restoring a backup and changing the schema hold it alone. So the app and
//! `recours-cli` can work side by side, but never restore under each other, nor migrate twice.

use std::fs::{File, OpenOptions, TryLockError};
use std::path::Path;
use std::time::{Duration, Instant};

use crate::error::{CoreError, CoreResult};

pub const LOCK_FILE: &str = "recours.verrou";

/// How long opening waits for a restore in another process to end.
const SHARED_WAIT: Duration = Duration::from_secs(20);

#[derive(Debug)]
pub struct DataLock {
    file: File,
}

fn open_lock_file(data_dir: &Path) -> CoreResult<File> {
    let path = data_dir.join(LOCK_FILE);
    let mut options = OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(&path).map_err(|e| CoreError::DataDir {
        path: path.display().to_string(),
        reason: e.to_string(),
    })
}

fn lock_error(e: std::io::Error) -> CoreError {
    CoreError::Database(format!("le verrou des données n'a pas pu être posé ({e})"))
}

/// Another process holds the data alone (a restore) or shares it (an open window).
pub fn busy_restoring() -> CoreError {
    CoreError::Busy(
        "Une restauration de sauvegarde est en cours (dans une autre fenêtre de Recours ou avec recours-cli) : \
         attendez qu'elle se termine, puis réessayez. Vos données n'ont pas été touchées."
            .into(),
    )
}

pub fn busy_in_use() -> CoreError {
    CoreError::Busy(
        "Ces données sont ouvertes ailleurs (une fenêtre de Recours, ou une commande recours-cli en cours) : \
         fermez-la, puis recommencez. Rien n'a été modifié."
            .into(),
    )
}

impl DataLock {
    /// Shares the data with other readers and writers; waits a while for a restore to end.
    pub fn shared(data_dir: &Path) -> CoreResult<DataLock> {
        let file = open_lock_file(data_dir)?;
        let start = Instant::now();
        loop {
            match file.try_lock_shared() {
                Ok(()) => return Ok(DataLock { file }),
                Err(TryLockError::WouldBlock) if start.elapsed() < SHARED_WAIT => {
                    std::thread::sleep(Duration::from_millis(50));
                }
                Err(TryLockError::WouldBlock) => return Err(busy_restoring()),
                Err(TryLockError::Error(e)) => return Err(lock_error(e)),
            }
        }
    }

    /// The data alone, now, or `None` when another process has it open.
    pub fn try_exclusive(data_dir: &Path) -> CoreResult<Option<DataLock>> {
        let file = open_lock_file(data_dir)?;
        match file.try_lock() {
            Ok(()) => Ok(Some(DataLock { file })),
            Err(TryLockError::WouldBlock) => Ok(None),
            Err(TryLockError::Error(e)) => Err(lock_error(e)),
        }
    }

    /// The data alone, or a clear refusal when another process has it open.
    pub fn exclusive(data_dir: &Path) -> CoreResult<DataLock> {
        Self::try_exclusive(data_dir)?.ok_or_else(busy_in_use)
    }
}

impl Drop for DataLock {
    fn drop(&mut self) {
        let _ = self.file.unlock();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shared_holders_coexist_and_keep_out_an_exclusive_one() {
        let dir = tempfile::tempdir().expect("temp");
        let a = DataLock::shared(dir.path()).expect("a");
        let b = DataLock::shared(dir.path()).expect("b");
        assert!(DataLock::try_exclusive(dir.path()).expect("try").is_none());
        let err = DataLock::exclusive(dir.path()).expect_err("busy");
        assert_eq!(err.code(), "busy");
        drop(a);
        assert!(DataLock::try_exclusive(dir.path()).expect("try").is_none());
        drop(b);
        let alone = DataLock::exclusive(dir.path()).expect("alone");
        assert!(DataLock::try_exclusive(dir.path()).expect("try").is_none());
        drop(alone);
        assert!(DataLock::try_exclusive(dir.path()).expect("try").is_some());
    }
}
