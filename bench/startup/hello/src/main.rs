//! The floor of bench/startup: a window with one heading that says when it was painted, with the same
//! milestones as Recours (RECOURS_STARTUP_TRACE), so that the two starts can be compared step by step.

use std::io::Write;

fn epoch_ms() -> f64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs_f64() * 1000.0)
        .unwrap_or_default()
}

fn trace(marks: &[(String, f64)]) {
    let Some(path) = std::env::var_os("RECOURS_STARTUP_TRACE") else {
        return;
    };
    if let Ok(mut file) = std::fs::OpenOptions::new().create(true).append(true).open(path) {
        for (label, ms) in marks {
            let _ = writeln!(file, "{label} {ms:.1}");
        }
    }
}

fn mark(label: &str) {
    trace(&[(label.to_owned(), epoch_ms())]);
}

/// Writes the time the page was painted, as Recours' `app_ready` does.
#[tauri::command]
fn ready(marks: Option<Vec<(String, f64)>>) {
    trace(&marks.unwrap_or_default());
    mark("ready");
    if let Some(path) = std::env::var_os("RECOURS_READY_FILE") {
        let millis = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_millis())
            .unwrap_or_default();
        let _ = std::fs::write(path, millis.to_string());
    }
}

fn main() {
    mark("main");
    tauri::Builder::default()
        .on_page_load(|_, payload| {
            if matches!(payload.event(), tauri::webview::PageLoadEvent::Started) {
                mark("page:started");
            } else {
                mark("page:finished");
            }
        })
        .setup(|_| {
            mark("setup:start");
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![ready])
        .run(tauri::generate_context!())
        .expect("hello-tauri");
}
