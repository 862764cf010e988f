//! Reads every row of a database through Recours' own types, as the app would read them one day:
//! a restored database whose rows would fail later (an unknown problem, a hash that is not one, a
//! date that is not a date) is refused before it replaces anything.

use rusqlite::{Connection, Row};

use super::dossiers::{dossier_from_row, DOSSIER_COLUMNS};
use super::events::{event_from_row, EVENT_COLUMNS};
use super::pieces::{piece_from_row, PIECE_COLUMNS};
use crate::evidence::Sha256Hex;
use crate::letters::LetterKind;

fn all_rows<T>(
    conn: &Connection,
    sql: &str,
    read: impl Fn(&Row<'_>) -> rusqlite::Result<T>,
    what: &str,
) -> Result<usize, String> {
    let fail = |e: rusqlite::Error| format!("{what} : {e}");
    let mut stmt = conn.prepare(sql).map_err(fail)?;
    let mut rows = stmt.query([]).map_err(fail)?;
    let mut n = 0;
    while let Some(row) = rows.next().map_err(fail)? {
        read(row).map_err(fail)?;
        n += 1;
    }
    Ok(n)
}

/// Reads everything of a database at the current schema; says what failed.
pub(super) fn read_everything(conn: &Connection) -> Result<(), String> {
    all_rows(
        conn,
        &format!("SELECT {DOSSIER_COLUMNS} FROM dossier"),
        dossier_from_row,
        "dossiers",
    )?;
    all_rows(
        conn,
        &format!("SELECT {EVENT_COLUMNS} FROM event"),
        event_from_row,
        "journal",
    )?;
    all_rows(
        conn,
        "SELECT sha256 FROM blob",
        |r| r.get::<_, Sha256Hex>(0),
        "fichiers",
    )?;
    let pieces = all_rows(
        conn,
        &format!("SELECT {PIECE_COLUMNS} FROM piece p JOIN blob b ON b.sha256 = p.blob_sha256"),
        piece_from_row,
        "pièces",
    )?;
    let all_pieces: i64 = conn
        .query_row("SELECT count(*) FROM piece", [], |r| r.get(0))
        .map_err(|e| e.to_string())?;
    if pieces as i64 != all_pieces {
        return Err("une pièce n'a pas de fichier".into());
    }
    all_rows(
        conn,
        "SELECT kind FROM letter_draft",
        |r| {
            let kind: String = r.get(0)?;
            LetterKind::parse(&kind).ok_or_else(|| {
                rusqlite::Error::FromSqlConversionFailure(
                    0,
                    rusqlite::types::Type::Text,
                    "sorte de courrier inconnue".into(),
                )
            })
        },
        "brouillons",
    )?;
    all_rows(
        conn,
        "SELECT key, value FROM setting",
        |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)),
        "réglages",
    )?;
    Ok(())
}
