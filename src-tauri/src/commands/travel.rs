//! The travel triage: what applies to a flight, a train or a package holiday (no dossier, no letter).

use recours_core::rules::travel::{self, TravelKind, TravelTriage};

#[tauri::command]
pub fn travel_triage(kind: TravelKind) -> TravelTriage {
    travel::triage(kind)
}
