// The app package lives at the repository root with its sources in src-tauri/, so the capabilities
// folder is named explicitly. Our commands are listed so that each needs a permission in a capability.
fn main() {
    let commands = &[
        "app_info",
        "app_ready",
        "startup_notice",
        "list_dossiers",
        "get_dossier",
        "create_dossier",
        "update_dossier",
        "set_dossier_status",
        "delete_dossier",
        "list_events",
        "add_event",
        "update_event",
        "delete_event",
        "assess_dossier",
        "open_site",
        "open_source",
        "get_settings",
        "save_settings",
        "pick_files",
        "stage_folder_contents",
        "cancel_staged",
        "attach_staged",
        "list_pieces",
        "update_piece",
        "remove_piece",
        "piece_preview",
        "open_piece",
        "check_integrity",
        "letter_options",
        "draft_letter",
        "save_letter_edit",
        "discard_letter_edit",
        "produce_letter",
        "open_field_sheet",
        "export_dossier",
        "reveal_export",
        "backup_data",
        "restore_data",
        "reveal_data_dir",
        "start_screen",
        "platform_directory",
        "open_platform_source",
        "travel_triage",
        "propose_staged",
        "create_from_document",
        "propose_event_staged",
        "record_email",
    ];
    // generate_context! embeds ui/dist; make sure the folder exists so `cargo check` works on a fresh
    // clone before the frontend is built (the real build always builds ui/ first).
    let dist = std::path::Path::new("ui/dist");
    if !dist.exists() {
        let _ = std::fs::create_dir_all(dist);
    }
    let attributes = tauri_build::Attributes::new()
        .capabilities_path_pattern("./src-tauri/capabilities/**/*")
        .app_manifest(tauri_build::AppManifest::new().commands(commands));
    if let Err(error) = tauri_build::try_build(attributes) {
        panic!("tauri-build: {error:#}");
    }
}
