//! What letters and exports read from the store, gathered in one go so that the typesetting (slow,
//! in the documents crate) runs without holding the store.

use chrono::{NaiveDate, Utc};
use rusqlite::{params, OptionalExtension};

use super::Store;
use crate::dossier::Dossier;
use crate::error::{CoreError, CoreResult};
use crate::events::Event;
use crate::evidence::Piece;
use crate::letters::docs::DossierFacts;
use crate::letters::{
    compose, LetterContext, LetterDraft, LetterEdit, LetterKind, SavedLetterEdit, SenderIdentity,
};
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
        let mut draft = compose(kind, &snap.letter_context())?;
        draft.saved = self.saved_letter_edit(dossier_id, kind)?;
        Ok(draft)
    }

    /// The person's edit as last kept, if any.
    pub fn saved_letter_edit(
        &self,
        dossier_id: i64,
        kind: LetterKind,
    ) -> CoreResult<Option<SavedLetterEdit>> {
        Ok(self
            .conn
            .query_row(
                "SELECT recipient, object, body, enclosures, saved_at FROM letter_draft
                 WHERE dossier_id = ?1 AND kind = ?2",
                params![dossier_id, kind.as_str()],
                |row| {
                    Ok(SavedLetterEdit {
                        edit: LetterEdit {
                            recipient: row.get(0)?,
                            object: row.get(1)?,
                            body: row.get(2)?,
                            enclosures: row.get(3)?,
                        },
                        saved_at: row.get(4)?,
                    })
                },
            )
            .optional()?)
    }

    /// Keeps the person's edit of a letter, replacing the previous one. The text is kept as typed,
    /// unfinished or not: it is checked when the PDF is made.
    pub fn save_letter_edit(
        &mut self,
        dossier_id: i64,
        kind: LetterKind,
        edit: &LetterEdit,
    ) -> CoreResult<SavedLetterEdit> {
        let total = [&edit.recipient, &edit.object, &edit.body, &edit.enclosures]
            .iter()
            .map(|t| t.chars().count())
            .sum::<usize>();
        if total > MAX_SAVED_CHARS {
            return Err(CoreError::InvalidInput(
                "Ce courrier dépasse 200 000 caractères : il n'a pas pu être gardé. \
                 Raccourcissez-le."
                    .into(),
            ));
        }
        self.get_dossier(dossier_id)?;
        let saved_at = super::timestamp(Utc::now());
        self.conn.execute(
            "INSERT INTO letter_draft (dossier_id, kind, recipient, object, body, enclosures, saved_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
             ON CONFLICT (dossier_id, kind) DO UPDATE SET recipient = excluded.recipient,
                 object = excluded.object, body = excluded.body,
                 enclosures = excluded.enclosures, saved_at = excluded.saved_at",
            params![
                dossier_id,
                kind.as_str(),
                edit.recipient,
                edit.object,
                edit.body,
                edit.enclosures,
                saved_at
            ],
        )?;
        Ok(SavedLetterEdit {
            edit: edit.clone(),
            saved_at,
        })
    }

    /// Forgets the person's edit: the next opening starts from the fresh draft.
    pub fn discard_letter_edit(&mut self, dossier_id: i64, kind: LetterKind) -> CoreResult<()> {
        self.get_dossier(dossier_id)?;
        self.conn.execute(
            "DELETE FROM letter_draft WHERE dossier_id = ?1 AND kind = ?2",
            params![dossier_id, kind.as_str()],
        )?;
        Ok(())
    }
}

/// Far above any letter (the PDF takes 30 000 characters of text), low enough to refuse a paste gone wrong.
const MAX_SAVED_CHARS: usize = 200_000;
