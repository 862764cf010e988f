//! The environment variables the end-to-end tests use in place of the system's dialogs and viewer
//! (a folder to save into, a file to restore, files to add, a log of what would be opened). They
//! name paths, so they exist only in a build with the `test-hooks` feature: a release ignores them.

use std::ffi::OsString;

#[cfg(feature = "test-hooks")]
pub fn var_os(name: &str) -> Option<OsString> {
    std::env::var_os(name)
}

#[cfg(not(feature = "test-hooks"))]
#[inline(always)]
pub fn var_os(_name: &str) -> Option<OsString> {
    None
}
