//! The size floor of an app like Recours: the hello-world Tauri app of bench/startup plus the bundled
//! SQLite every Recours install carries (the product's required stack). Only for bench/package.

#[tauri::command]
fn ready() {}

fn main() {
    // Opened for real so that the linker keeps SQLite in the binary.
    if let Some(path) = std::env::args().nth(1) {
        match rusqlite::Connection::open(path) {
            Ok(db) => {
                let version: rusqlite::Result<String> =
                    db.query_row("select sqlite_version()", [], |row| row.get(0));
                println!("{version:?}");
            }
            Err(error) => eprintln!("{error}"),
        }
    }
    tauri::Builder::default()
        .invoke_handler(tauri::generate_handler![ready])
        .run(tauri::generate_context!())
        .expect("hello-sqlite");
}
