/// Writes the time the page was painted, as Recours' `app_ready` does.
#[tauri::command]
fn ready() {
    if let Some(path) = std::env::var_os("RECOURS_READY_FILE") {
        let millis = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_millis())
            .unwrap_or_default();
        let _ = std::fs::write(path, millis.to_string());
    }
}

fn main() {
    tauri::Builder::default()
        .invoke_handler(tauri::generate_handler![ready])
        .run(tauri::generate_context!())
        .expect("hello-tauri");
}
