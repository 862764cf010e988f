//! Search inside everything (FTS5, migration v11): what the list's search becomes, the passage that
//! matched, the text of the pieces' files read into the index, and the index rebuilt from the rows
//! and the stored files (a restored backup's index is never trusted).

use std::collections::HashMap;

use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::migrations::{SEARCH_FILL, SEARCH_INDEX};
use super::Store;
use crate::error::CoreResult;
use crate::evidence::blobs::BlobStore;
use crate::evidence::Sha256Hex;
use crate::intake;

/// Text kept per piece for search, at most (a long PDF is searched in its first megabyte).
pub const MAX_PIECE_TEXT: usize = 1024 * 1024;

/// Where a search matched inside a dossier, shown under its row in the list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SearchHit {
    /// « piece », « note » (the journal) or « letter ».
    pub source: String,
    /// The piece's title, the journal entry's kind, or the letter's object.
    pub label: String,
    /// The passage; the words found are between the characters U+0002 and U+0003 (never markup).
    pub passage: String,
}

/// The FTS5 query for what a person typed: every word as a prefix, all required. Words are made of
/// letters and digits only, so no FTS5 syntax can come through; `None` when no word remains.
pub(crate) fn fts_query(text: &str) -> Option<String> {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(8)
        .map(|w| format!("\"{}\"*", w.to_lowercase()))
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

/// The readable text of a stored file ("" when it is not a document Recours reads, or is damaged).
pub fn read_piece_text(blobs: &BlobStore, sha256: &Sha256Hex, size: i64) -> String {
    if usize::try_from(size).map_or(true, |s| s > intake::MAX_BYTES) {
        return String::new();
    }
    let Ok(bytes) = std::fs::read(blobs.path_of(sha256)) else {
        return String::new();
    };
    let Ok(doc) = intake::read_document(&bytes) else {
        return String::new();
    };
    let mut text = match &doc.email {
        Some(e) => format!(
            "{} {} {}\n{}",
            e.from_name.as_deref().unwrap_or(""),
            e.from_address.as_deref().unwrap_or(""),
            e.subject.as_deref().unwrap_or(""),
            doc.text
        ),
        None => doc.text,
    };
    if text.len() > MAX_PIECE_TEXT {
        let mut end = MAX_PIECE_TEXT;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        text.truncate(end);
    }
    text
}

/// Drops the index and makes it again from the rows (the pieces' texts as recorded).
pub(crate) fn rebuild(conn: &Connection) -> rusqlite::Result<()> {
    conn.execute_batch(&format!(
        "DROP TABLE IF EXISTS search_index;\n{SEARCH_INDEX}\n{SEARCH_FILL}"
    ))
}

impl Store {
    /// Pieces whose file has not been read for search yet, at most `limit`: id, file, size.
    pub fn pieces_without_text(&self, limit: u32) -> CoreResult<Vec<(i64, Sha256Hex, i64)>> {
        let mut stmt = self.conn.prepare(
            "SELECT p.id, p.blob_sha256, b.size FROM piece p JOIN blob b ON b.sha256 = p.blob_sha256
             WHERE NOT EXISTS (SELECT 1 FROM piece_text t WHERE t.piece_id = p.id)
             ORDER BY p.id LIMIT ?1",
        )?;
        let rows = stmt.query_map([limit], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Records the text read from a piece's file ("" when there is none), and indexes it.
    pub fn save_piece_text(&mut self, piece_id: i64, text: &str) -> CoreResult<()> {
        let tx = self.conn.transaction()?;
        tx.execute("DELETE FROM piece_text WHERE piece_id = ?1", [piece_id])?;
        // The piece may have been removed meanwhile: then nothing is recorded.
        tx.execute(
            "INSERT INTO piece_text (piece_id, text) SELECT id, ?2 FROM piece WHERE id = ?1",
            params![piece_id, text],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Reads the files of the pieces not read yet, at most `limit`, and indexes their text. The app
    /// reads files outside the store's lock instead (`pieces_without_text`, then `save_piece_text`).
    pub fn index_piece_texts(&mut self, limit: u32) -> CoreResult<usize> {
        let todo = self.pieces_without_text(limit)?;
        let blobs = self.blob_store();
        for (id, sha256, size) in &todo {
            let text = read_piece_text(&blobs, sha256, *size);
            self.save_piece_text(*id, &text)?;
        }
        Ok(todo.len())
    }

    /// Makes the index again from the rows and the stored files: every piece's file is read again.
    pub fn rebuild_search_index(&mut self) -> CoreResult<usize> {
        let tx = self.conn.transaction()?;
        tx.execute("DELETE FROM piece_text", [])?;
        rebuild(&tx)?;
        tx.commit()?;
        self.index_piece_texts(u32::MAX)
    }

    /// Where the search matched in each of these dossiers, outside their own title, seller and
    /// reference (a piece, a journal note, a letter): the best passage of each.
    pub(crate) fn search_hits(
        &self,
        fts: &str,
        ids: &[i64],
    ) -> CoreResult<HashMap<i64, SearchHit>> {
        if ids.is_empty() {
            return Ok(HashMap::new());
        }
        // Numbers read from the database, never text from outside.
        let list = ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",");
        let mut stmt = self.conn.prepare(&format!(
            "SELECT dossier_id, source, label, snippet(search_index, 3, char(2), char(3), '…', 12)
             FROM search_index
             WHERE search_index MATCH ?1 AND source != 'dossier' AND dossier_id IN ({list})
             ORDER BY rank"
        ))?;
        let rows = stmt.query_map([fts], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                SearchHit {
                    source: r.get(1)?,
                    label: r.get(2)?,
                    passage: r.get(3)?,
                },
            ))
        })?;
        let mut hits = HashMap::new();
        for row in rows {
            let (id, hit) = row?;
            hits.entry(id).or_insert(hit);
        }
        Ok(hits)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_a_person_types_becomes_words_and_never_fts_syntax() {
        assert_eq!(
            fts_query("Électro  ménager"),
            Some("\"électro\"* \"ménager\"*".to_owned())
        );
        assert_eq!(
            fts_query("a\" OR NEAR(x"),
            Some("\"a\"* \"or\"* \"near\"* \"x\"*".to_owned())
        );
        assert_eq!(fts_query(" -*\"() "), None);
    }
}
