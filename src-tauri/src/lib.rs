//! The Tauri shell of Recours: opens the store, registers the commands, and nothing more.
//! Everything that decides or stores lives in `recours-core`.

mod commands;
mod drop;
mod error;
mod reminders;
mod rendering;
mod search_indexer;
mod startup_trace;
mod state;
mod test_env;
mod webview_check;
mod window_memory;

use tauri::Manager;

use state::AppState;
use window_memory::WindowMemory;

pub fn run() {
    startup_trace::mark("main");
    rendering::choose();
    if !webview_check::runtime_present() {
        std::process::exit(1);
    }
    let app = tauri::Builder::default()
        // First, so that a second launch hands over to the open window and exits before anything else.
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
            if let Some(window) = app.webview_windows().values().next() {
                let _ = window.unminimize();
                let _ = window.show();
                let _ = window.set_focus();
            }
        }))
        .plugin(
            tauri_plugin_window_state::Builder::default()
                .with_state_flags(window_memory::FLAGS)
                .build(),
        )
        .plugin(tauri_plugin_notification::init())
        .plugin(tauri_plugin_dialog::init())
        .on_window_event(|window, event| {
            drop::on_window_event(window, event);
            // The size and place are written as they change, and when the window goes.
            match event {
                tauri::WindowEvent::Moved(_) | tauri::WindowEvent::Resized(_) => {
                    if let Some(memory) = window.try_state::<WindowMemory>() {
                        memory.changed();
                    }
                }
                tauri::WindowEvent::CloseRequested { .. } | tauri::WindowEvent::Destroyed => {
                    use tauri_plugin_window_state::AppHandleExt;
                    let _ = window.app_handle().save_window_state(window_memory::FLAGS);
                }
                _ => {}
            }
        })
        .on_page_load(|_, payload| {
            if matches!(payload.event(), tauri::webview::PageLoadEvent::Started) {
                startup_trace::mark("page:started");
            } else {
                startup_trace::mark("page:finished");
            }
        })
        .setup(|app| {
            startup_trace::mark("setup:start");
            let data_dir =
                recours_core::paths::data_dir_from_env().or_else(|| app.path().app_data_dir().ok());
            let state = AppState::open(data_dir);
            let (wake, woken) = std::sync::mpsc::channel();
            state.set_reminder_waker(wake);
            let handle = app.handle().clone();
            let slot = state.slot();
            std::thread::spawn(move || reminders::run(handle, slot, woken));
            app.manage(state);
            app.manage(WindowMemory::start(app.handle().clone()));
            startup_trace::mark("setup:end");
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::app::app_info,
            commands::app::app_ready,
            commands::app::startup_notice,
            commands::dossiers::list_dossiers,
            commands::dossiers::get_dossier,
            commands::dossiers::create_dossier,
            commands::dossiers::update_dossier,
            commands::dossiers::set_dossier_status,
            commands::dossiers::delete_dossier,
            commands::events::list_events,
            commands::events::add_event,
            commands::events::update_event,
            commands::events::delete_event,
            commands::events::assess_dossier,
            commands::sites::open_site,
            commands::sites::open_source,
            commands::settings::get_settings,
            commands::settings::save_settings,
            commands::pieces::pick_files,
            commands::pieces::stage_folder_contents,
            commands::pieces::cancel_staged,
            commands::pieces::attach_staged,
            commands::pieces::list_pieces,
            commands::pieces::update_piece,
            commands::pieces::remove_piece,
            commands::pieces::piece_preview,
            commands::pieces::open_piece,
            commands::pieces::check_integrity,
            commands::letters::letter_options,
            commands::letters::draft_letter,
            commands::letters::save_letter_edit,
            commands::letters::discard_letter_edit,
            commands::letters::produce_letter,
            commands::letters::open_field_sheet,
            commands::export::export_dossier,
            commands::export::reveal_export,
            commands::backup::backup_data,
            commands::backup::restore_data,
            commands::backup::reveal_data_dir,
            commands::settings::start_screen,
            commands::platforms::platform_directory,
            commands::platforms::open_platform_source,
            commands::travel::travel_triage,
            commands::intake::propose_staged,
            commands::intake::create_from_document,
            commands::intake::propose_event_staged,
            commands::intake::record_email,
        ])
        .build(tauri::generate_context!());
    startup_trace::mark("built");
    match app {
        Ok(app) => app.run(|_, event| {
            if matches!(event, tauri::RunEvent::Ready) {
                startup_trace::mark("run:ready");
            }
        }),
        Err(error) => {
            eprintln!("Recours n'a pas pu démarrer : {error}");
            std::process::exit(1);
        }
    }
}
