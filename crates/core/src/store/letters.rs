//! What letters and exports read from the store, gathered in one go so that the typesetting (slow,
//! in the documents crate) runs without holding the store.

use chrono::NaiveDate;

use super::Store;
use crate::dossier::Dossier;
use crate::error::{CoreError, CoreResult};
use crate::events::Event;
use crate::evidence::Piece;
use crate::letters::docs::DossierFacts;
use crate::letters::{compose, LetterContext, LetterDraft, LetterKind, SenderIdentity};
use crate::rules::model::Assessment;

/// An owned snapshot of a dossier, as letters and exports need it.
#[derive(Debug, Clone)]
pub struct DossierSnapshot {
    pub dossier: Dossier,
    pub events: Vec<Event>,
    pub assessment: Assessment,
    pub sender: SenderIdentity,
    pub pieces: Vec<Piece>,
    pub today: NaiveDate,
}

impl DossierSnapshot {
    pub fn letter_context(&self) -> LetterContext<'_> {
        LetterContext {
            dossier: &self.dossier,
            events: &self.events,
            assessment: &self.assessment,
            sender: &self.sender,
            pieces: &self.pieces,
            today: self.today,
        }
    }

    pub fn facts(&self) -> DossierFacts<'_> {
        DossierFacts {
            dossier: &self.dossier,
            events: &self.events,
            assessment: &self.assessment,
            sender: &self.sender,
            today: self.today,
        }
    }

    /// The pieces to export, in the order given (all, in the dossier's order, when `None`).
    /// Refuses an id that is not a piece of this dossier, or one given twice.
    pub fn select_pieces(&self, ids: Option<&[i64]>) -> CoreResult<Vec<Piece>> {
        let Some(ids) = ids else {
            return Ok(self.pieces.clone());
        };
        let mut chosen: Vec<Piece> = Vec::with_capacity(ids.len());
        for id in ids {
            if chosen.iter().any(|p| p.id == *id) {
                return Err(CoreError::InvalidInput(format!(
                    "La pièce n° {id} est choisie deux fois."
                )));
            }
            match self.pieces.iter().find(|p| p.id == *id) {
                Some(p) => chosen.push(p.clone()),
                None => {
                    return Err(CoreError::InvalidInput(format!(
                        "La pièce n° {id} n'appartient pas à ce dossier (ou n'existe plus)."
                    )))
                }
            }
        }
        Ok(chosen)
    }
}

impl Store {
    pub fn dossier_snapshot(
        &self,
        dossier_id: i64,
        today: NaiveDate,
    ) -> CoreResult<DossierSnapshot> {
        Ok(DossierSnapshot {
            dossier: self.get_dossier(dossier_id)?,
            events: self.list_events(dossier_id)?,
            assessment: self.assess_dossier(dossier_id, today)?,
            sender: self.sender()?,
            pieces: self.list_pieces(dossier_id)?,
            today,
        })
    }

    /// The first draft of a letter for this dossier (or what must be filled in first).
    pub fn draft_letter(
        &self,
        dossier_id: i64,
        kind: LetterKind,
        today: NaiveDate,
    ) -> CoreResult<LetterDraft> {
        let snap = self.dossier_snapshot(dossier_id, today)?;
        compose(kind, &snap.letter_context())
    }
}
