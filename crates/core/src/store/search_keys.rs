//! The dossiers' folded keys (`dossier_key`: title, seller, reference) kept in memory between two
//! searches, so that a search for text anywhere inside them is one pass over a buffer instead of a
//! `LIKE` over every row at every keystroke (≈ 1 ms at 10 000 dossiers). The table stays the
//! truth: the copy is read again whenever the database may have changed since — a write on this
//! connection (`total_changes`) or a commit by another one (`PRAGMA data_version`: the CLI, a
//! second window).

use rusqlite::Connection;

/// What says whether the database changed since the keys were read.
type Stamp = (i64, u64);

#[derive(Debug, Default)]
pub(crate) struct DossierKeys {
    stamp: Option<Stamp>,
    /// Every key, one after the other.
    text: String,
    /// Each dossier's id and where its key ends in `text` (it starts where the previous one ends),
    /// in increasing id order.
    rows: Vec<(i64, usize)>,
}

fn stamp(conn: &Connection) -> rusqlite::Result<Stamp> {
    let version: i64 = conn
        .prepare_cached("PRAGMA data_version")?
        .query_row([], |r| r.get(0))?;
    Ok((version, conn.total_changes()))
}

impl DossierKeys {
    /// The ids (increasing) of the dossiers whose key holds `needle` (already folded); every
    /// dossier for an empty needle, as `LIKE '%%'` would.
    pub fn containing(&mut self, conn: &Connection, needle: &str) -> rusqlite::Result<Vec<i64>> {
        self.refresh(conn)?;
        if needle.is_empty() {
            return Ok(self.rows.iter().map(|r| r.0).collect());
        }
        let finder = memchr::memmem::Finder::new(needle.as_bytes());
        let mut ids = Vec::new();
        let mut row = 0;
        let mut at = 0;
        // A match counts only inside one key: it never runs from one dossier's key into the next.
        let text = self.text.as_bytes();
        while let Some(found) = text.get(at..).and_then(|rest| finder.find(rest)) {
            let start = at + found;
            let end = start + needle.len();
            // The key the match starts in, past those already passed.
            while self.rows.get(row).is_some_and(|r| r.1 <= start) {
                row += 1;
            }
            let Some(&(id, key_end)) = self.rows.get(row) else {
                break;
            };
            if end <= key_end {
                ids.push(id);
                // One match is enough for a dossier: go on from the next key.
                row += 1;
                at = key_end;
            } else {
                // A match across two keys: look again from the next byte (a match of UTF-8 text
                // can only start on a character's first byte, so none is missed or made up).
                at = start + 1;
            }
        }
        Ok(ids)
    }

    fn refresh(&mut self, conn: &Connection) -> rusqlite::Result<()> {
        let now = stamp(conn)?;
        if self.stamp == Some(now) {
            return Ok(());
        }
        self.text.clear();
        self.rows.clear();
        let mut stmt = conn.prepare_cached("SELECT id, key FROM dossier_key ORDER BY id")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let id: i64 = r.get(0)?;
            let key = r.get_ref(1)?.as_str()?;
            self.text.push_str(key);
            self.rows.push((id, self.text.len()));
        }
        self.stamp = Some(now);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(list: &[(i64, &str)]) -> Connection {
        let conn = Connection::open_in_memory().expect("db");
        conn.execute_batch(
            "CREATE TABLE dossier_key (id INTEGER PRIMARY KEY, key TEXT NOT NULL) STRICT",
        )
        .expect("table");
        for (id, key) in list {
            conn.execute(
                "INSERT INTO dossier_key VALUES (?1, ?2)",
                rusqlite::params![id, key],
            )
            .expect("key");
        }
        conn
    }

    #[test]
    fn text_is_found_inside_one_key_never_across_two() {
        let conn = keys(&[
            (3, "abc\u{1f}déf"),
            (7, "ghi"),
            (8, "xa"),
            (9, "bab\u{1f}50%_off"),
        ]);
        let mut cache = DossierKeys::default();
        let mut find = |needle: &str| cache.containing(&conn, needle).expect("find");
        let none: Vec<i64> = Vec::new();
        assert_eq!(find("b"), vec![3, 9]);
        assert_eq!(find("fgh"), none, "« déf » then « ghi »: across two keys");
        // « ab » first matches across keys 8 and 9 (« xa » + « bab »), then inside key 9.
        assert_eq!(find("ab"), vec![3, 9]);
        assert_eq!(find("xab"), none);
        // Characters of several bytes, and what LIKE would read as wildcards, taken as they are.
        assert_eq!(find("déf"), vec![3]);
        assert_eq!(find("é"), vec![3]);
        assert_eq!(find("50%_off"), vec![9]);
        assert_eq!(find("_"), vec![9]);
        assert_eq!(
            find(""),
            vec![3, 7, 8, 9],
            "an empty needle is every dossier"
        );
    }

    #[test]
    fn a_write_on_the_same_connection_is_seen_by_the_next_search() {
        let conn = keys(&[(1, "darty")]);
        let mut cache = DossierKeys::default();
        assert_eq!(cache.containing(&conn, "art").expect("find"), vec![1]);
        conn.execute("UPDATE dossier_key SET key = 'fnac' WHERE id = 1", [])
            .expect("update");
        assert!(cache.containing(&conn, "art").expect("find").is_empty());
        conn.execute("INSERT INTO dossier_key VALUES (2, 'boulanger')", [])
            .expect("insert");
        assert_eq!(cache.containing(&conn, "an").expect("find"), vec![2]);
    }
}
