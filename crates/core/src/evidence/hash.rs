//! The name of a stored file: a SHA-256 written as 64 lower-case hexadecimal characters, and nothing
//! else. Every text that claims to be one (a database row, a backup's manifest, a folder name) is
//! parsed into this type once, at the boundary; paths inside the store are built only from it, so a
//! row holding `/home/…`, `..` or any other text can never name a file outside the store.

use std::fmt;

use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Sha256Hex(String);

impl Sha256Hex {
    /// Exactly 64 characters among `0-9a-f`; anything else is refused.
    pub fn parse(text: &str) -> Option<Sha256Hex> {
        let ok = text.len() == 64
            && text
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
        ok.then(|| Sha256Hex(text.to_owned()))
    }

    /// From a digest's 32 bytes.
    pub fn from_digest(bytes: &[u8; 32]) -> Sha256Hex {
        Sha256Hex(bytes.iter().map(|b| format!("{b:02x}")).collect())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The two-character folder and the 62-character file name of the store's layout.
    pub fn split(&self) -> (&str, &str) {
        // ASCII by construction: the split falls on a character boundary.
        self.0.split_at(2)
    }

    /// The first 16 characters (a short, still unique enough, folder name).
    pub fn short(&self) -> &str {
        self.0.split_at(16).0
    }

    /// The first 12 characters, for messages.
    pub fn abbrev(&self) -> &str {
        self.0.split_at(12).0
    }
}

impl fmt::Display for Sha256Hex {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for Sha256Hex {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Sha256Hex({})", self.0)
    }
}

impl PartialEq<str> for Sha256Hex {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

impl PartialEq<String> for Sha256Hex {
    fn eq(&self, other: &String) -> bool {
        &self.0 == other
    }
}

impl PartialEq<&str> for Sha256Hex {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

impl Serialize for Sha256Hex {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Sha256Hex {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        Sha256Hex::parse(&text).ok_or_else(|| {
            serde::de::Error::custom("empreinte SHA-256 invalide (64 caractères 0-9 a-f attendus)")
        })
    }
}

impl FromSql for Sha256Hex {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        let text = value.as_str()?;
        Sha256Hex::parse(text).ok_or_else(|| {
            FromSqlError::Other("empreinte SHA-256 invalide dans la base de données".into())
        })
    }
}

impl ToSql for Sha256Hex {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::from(self.0.as_str()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    #[test]
    fn only_64_lower_case_hex_characters_are_a_hash() {
        let h = Sha256Hex::parse(GOOD).expect("valid");
        assert_eq!(h.split(), (&GOOD[..2], &GOOD[2..]));
        assert_eq!(h.short(), &GOOD[..16]);
        for bad in [
            "",
            &GOOD[..63],
            &format!("{GOOD}0"),
            &GOOD.to_uppercase(),
            "/etc/passwd",
            "../../../../../../../../../../../../../../../../../../../../../..",
            // 64 bytes, but not 64 hex characters (multi-byte letters).
            "éééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé",
            &format!("/{}", &GOOD[1..]),
            &format!("{}g", &GOOD[..63]),
        ] {
            assert!(Sha256Hex::parse(bad).is_none(), "{bad:?} must be refused");
        }
    }

    #[test]
    fn json_and_sql_refuse_what_is_not_a_hash() {
        assert!(serde_json::from_str::<Sha256Hex>("\"/home/x\"").is_err());
        let h: Sha256Hex = serde_json::from_str(&format!("\"{GOOD}\"")).expect("json");
        assert_eq!(
            serde_json::to_string(&h).expect("out"),
            format!("\"{GOOD}\"")
        );
        let conn = rusqlite::Connection::open_in_memory().expect("db");
        let bad: rusqlite::Result<Sha256Hex> =
            conn.query_row("SELECT '/root/.ssh/id_ed25519'", [], |r| r.get(0));
        assert!(bad.is_err());
        let good: Sha256Hex = conn
            .query_row("SELECT ?1", [&h], |r| r.get(0))
            .expect("row");
        assert_eq!(good, h);
    }
}
