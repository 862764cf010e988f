//! The committed TypeScript bindings must match the Rust types.

use std::path::PathBuf;

#[test]
fn bindings_are_current() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../ui/src/lib/bindings.ts");
    let generated = recours_core::bindings::typescript();
    if std::env::var_os("RECOURS_UPDATE_BINDINGS").is_some() {
        std::fs::write(&path, &generated).expect("write ui/src/lib/bindings.ts");
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "ui/src/lib/bindings.ts is out of date with the Rust types: run \
         `RECOURS_UPDATE_BINDINGS=1 cargo test -p recours-core --test bindings` and commit the result"
    );
}
