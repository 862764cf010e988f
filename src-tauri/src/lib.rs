//! The Tauri shell of Recours: opens the store, registers the commands, and nothing more.
//! Everything that decides or stores lives in `recours-core`.

mod commands;
mod error;
mod state;

use tauri::Manager;

use state::AppState;

pub fn run() {
    let app = tauri::Builder::default()
        .setup(|app| {
            let data_dir =
                recours_core::paths::data_dir_from_env().or_else(|| app.path().app_data_dir().ok());
            app.manage(AppState::open(data_dir));
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::app::app_info,
            commands::app::app_ready,
            commands::dossiers::list_dossiers,
            commands::dossiers::get_dossier,
            commands::dossiers::create_dossier,
            commands::dossiers::update_dossier,
            commands::dossiers::set_dossier_status,
            commands::dossiers::delete_dossier,
        ])
        .build(tauri::generate_context!());
    match app {
        Ok(app) => app.run(|_, _| {}),
        Err(error) => {
            eprintln!("Recours n'a pas pu démarrer : {error}");
            std::process::exit(1);
        }
    }
}
