//! Search inside everything: what the list's search finds and the passage that matched. Two derived
//! tables answer it (migration v12): `dossier_key`, the dossier's own title, seller and reference
//! folded, for text anywhere inside them; and the FTS5 index of the dossiers, pieces (with the text
//! read from their files), journal notes and letters, whose row ids say which dossier and which row
//! matched. Both are made again from the rows and the stored files (a restored backup's are never
//! trusted).

use std::collections::HashMap;
use std::rc::Rc;

use rusqlite::types::Value;
use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::migrations::{DOSSIER_KEY_FILL, SEARCH_FILL, SEARCH_INDEX};
use super::{fold, Store};
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

/// The words of what a person typed, at most 8, as FTS5 reads them: letters and digits only, so that
/// no FTS5 syntax can come through.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(8)
        .map(str::to_lowercase)
        .collect()
}

/// The FTS5 query for what a person typed: every word required, as a prefix (« aspi » finds
/// « aspirateur ») — but a word of one character only as itself: as a prefix it would be every word
/// that starts with that letter, which costs a whole index to read (« F-1234 » is « f » and « 1234* »).
/// `None` when no word remains.
pub(crate) fn fts_query(text: &str) -> Option<String> {
    let words: Vec<String> = words(text)
        .into_iter()
        .map(|w| {
            if w.chars().count() == 1 {
                format!("\"{w}\"")
            } else {
                format!("\"{w}\"*")
            }
        })
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

/// Where a row of the index belongs: `dossier << 32 | source << 30 | row` (migration v12).
const SOURCE_SHIFT: u32 = 30;
const DOSSIER_SHIFT: u32 = 32;
const SOURCE_DOSSIER: i64 = 0;

fn dossier_of(rowid: i64) -> i64 {
    rowid >> DOSSIER_SHIFT
}

fn source_of(rowid: i64) -> i64 {
    (rowid >> SOURCE_SHIFT) & 3
}

/// What a search found: the dossiers (ids in increasing order), and for each dossier found by a
/// piece, a note or a letter, the first such row of the index (for its passage).
#[derive(Debug, Default)]
pub(crate) struct Found {
    pub ids: Vec<i64>,
    pub rows: HashMap<i64, i64>,
}

impl Found {
    /// The ids as a parameter for `rarray(?)`.
    pub fn id_array(&self) -> Rc<Vec<Value>> {
        id_array(&self.ids)
    }
}

/// Dossier ids as one parameter for `rarray(?)` (loaded in `store::mod`).
pub(crate) fn id_array(ids: &[i64]) -> Rc<Vec<Value>> {
    Rc::new(ids.iter().copied().map(Value::from).collect())
}

/// The passage of `body` around the first word that starts with one of `words` (folded), about a
/// dozen words either side, the words found between U+0002 and U+0003 as FTS5's snippet marks them,
/// « … » where the text was cut. `None` when no word of the body matches.
pub(crate) fn passage(body: &str, words: &[String]) -> Option<String> {
    const AROUND: usize = 6;
    const LONGEST: usize = 12;
    let wanted: Vec<String> = words.iter().map(|w| fold::fold(w)).collect();
    let hit = |&(s, e): &(usize, usize)| {
        let word = fold::fold(body.get(s..e).unwrap_or_default());
        wanted.iter().any(|w| word.starts_with(w.as_str()))
    };
    // The body's words with their byte ranges (letters and digits, as the index cuts them), read
    // only as far as the passage needs: a piece's text can be a megabyte.
    let mut spans: Vec<(usize, usize)> = Vec::new();
    let mut first: Option<usize> = None;
    let mut start = None;
    let ends = body.char_indices().map(|(i, c)| (i, c.is_alphanumeric()));
    for (i, alnum) in ends.chain(std::iter::once((body.len(), false))) {
        match (alnum, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                start = None;
                spans.push((s, i));
                if first.is_none() && spans.last().is_some_and(hit) {
                    first = Some(spans.len() - 1);
                }
                // One word past the passage tells whether it was cut.
                if first.is_some_and(|f| spans.len() > f.saturating_sub(AROUND) + LONGEST) {
                    break;
                }
            }
            _ => {}
        }
    }
    let first = first?;
    let from = first.saturating_sub(AROUND);
    let to = (from + LONGEST).min(spans.len());
    let mut out = String::new();
    if from > 0 {
        out.push('…');
    }
    let begin = spans.get(from).map_or(0, |s| s.0);
    let mut at = begin;
    for span in spans.get(from..to).unwrap_or_default() {
        out.push_str(body.get(at..span.0).unwrap_or_default());
        let word = body.get(span.0..span.1).unwrap_or_default();
        if hit(span) {
            out.push('\u{2}');
            out.push_str(word);
            out.push('\u{3}');
        } else {
            out.push_str(word);
        }
        at = span.1;
    }
    if to < spans.len() {
        out.push('…');
    } else {
        out.push_str(body.get(at..).unwrap_or_default());
    }
    Some(out)
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

/// Drops the index and the dossiers' folded keys and makes them again from the rows (the pieces'
/// texts as recorded).
pub(crate) fn rebuild(conn: &Connection) -> rusqlite::Result<()> {
    super::fold::register(conn)?;
    conn.execute_batch(&format!(
        "DROP TABLE IF EXISTS search_index;\n{SEARCH_INDEX}\n{SEARCH_FILL}\n\
         DELETE FROM dossier_key;\n{DOSSIER_KEY_FILL}"
    ))
}

/// Makes the index and the folded keys again when one of them is gone (a damaged or hand-edited
/// database): the triggers that keep them would otherwise refuse every write. One look at the schema.
pub(crate) fn repair_if_lost(conn: &Connection) -> rusqlite::Result<bool> {
    let present: i64 = conn.query_row(
        "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name IN ('search_index', 'dossier_key')",
        [],
        |r| r.get(0),
    )?;
    if present == 2 {
        return Ok(false);
    }
    conn.execute_batch(
        "CREATE TABLE IF NOT EXISTS dossier_key (
             id  INTEGER PRIMARY KEY REFERENCES dossier (id) ON DELETE CASCADE,
             key TEXT NOT NULL
         ) STRICT;",
    )?;
    rebuild(conn)?;
    Ok(true)
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

    /// The dossiers whose title, seller or reference holds `text` anywhere (accents and case
    /// ignored), or whose index rows hold every word of it: one pass over the keys in memory and one
    /// read of the index, no dossier row.
    pub(crate) fn find(&self, text: &str) -> CoreResult<Found> {
        let mut ids = self
            .keys
            .borrow_mut()
            .containing(&self.conn, &fold::fold(text.trim()))?;
        let mut rows = HashMap::new();
        if let Some(fts) = fts_query(text) {
            let mut stmt = self
                .conn
                .prepare_cached("SELECT rowid FROM search_index WHERE search_index MATCH ?1")?;
            let found = stmt.query_map([fts], |r| r.get::<_, i64>(0))?;
            for rowid in found {
                let rowid = rowid?;
                let dossier = dossier_of(rowid);
                ids.push(dossier);
                if source_of(rowid) != SOURCE_DOSSIER {
                    // Row ids come in increasing order: a piece before a note, a note before a letter.
                    rows.entry(dossier).or_insert(rowid);
                }
            }
        }
        ids.sort_unstable();
        ids.dedup();
        Ok(Found { ids, rows })
    }

    /// The passage of each of these dossiers that the search found in a piece, a note or a letter
    /// (none for a match in its own title, seller or reference).
    pub(crate) fn search_hits(
        &self,
        text: &str,
        found: &Found,
        shown: &[i64],
    ) -> CoreResult<HashMap<i64, SearchHit>> {
        let words = words(text);
        let mut stmt = self
            .conn
            .prepare_cached("SELECT source, label, body FROM search_index WHERE rowid = ?1")?;
        let mut hits = HashMap::new();
        for id in shown {
            let Some(rowid) = found.rows.get(id) else {
                continue;
            };
            let (source, label, body): (String, String, String) =
                stmt.query_row([rowid], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
            // The index found the words; a word it folds differently from Rust still shows its start.
            let passage = passage(&body, &words).unwrap_or_else(|| {
                let mut start: String = body.chars().take(80).collect();
                if start.len() < body.len() {
                    start.push('…');
                }
                start
            });
            hits.insert(
                *id,
                SearchHit {
                    source,
                    label,
                    passage,
                },
            );
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
            fts_query("ab\" OR NEAR(xy"),
            Some("\"ab\"* \"or\"* \"near\"* \"xy\"*".to_owned())
        );
        assert_eq!(fts_query(" -*\"() "), None);
        // One character is itself, not every word starting with it.
        assert_eq!(fts_query("F-1234"), Some("\"f\" \"1234\"*".to_owned()));
    }

    #[test]
    fn a_passage_marks_the_words_found_and_says_where_it_was_cut() {
        let words = |t: &str| super::words(t);
        assert_eq!(
            passage("Facture : Aspirateur balai V12, livré.", &words("aspi")).as_deref(),
            Some("Facture : \u{2}Aspirateur\u{3} balai V12, livré.")
        );
        // Accents and case folded like the index: « electro » marks « ÉLECTRO ».
        assert_eq!(
            passage("Vendu par ÉLECTRO Dépôt", &words("electro depot")).as_deref(),
            Some("Vendu par \u{2}ÉLECTRO\u{3} \u{2}Dépôt\u{3}")
        );
        let long = (1..=40)
            .map(|i| format!("mot{i}"))
            .collect::<Vec<_>>()
            .join(" ");
        let cut = passage(&long, &words("mot20")).expect("found");
        assert_eq!(
            cut,
            "…mot14 mot15 mot16 mot17 mot18 mot19 \u{2}mot20\u{3} mot21 mot22 mot23 mot24 mot25…"
        );
        assert_eq!(passage("rien ici", &words("absent")), None);
        assert_eq!(passage("", &words("x")), None);
    }
}
