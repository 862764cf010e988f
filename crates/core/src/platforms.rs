//! The directory of the platforms and e-tailers French people use most: who runs each one (the
//! legal entity and its country), the address found for it, whether it is a marketplace, who sells
//! there (professionals only, or private persons too), and its own buyer protection. Compiled by
//! Recours from stored public copies (shared/domain/platforms-research-2026-11-30): every value
//! carries its source, the date the source gives, the day Recours checked it and whether a reliable
//! source confirms it; the rest shows « à vérifier ». No mediator is ever pre-filled (L616-1: the
//! merchant names its own). Data, not code: `data/platforms.json`.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One fact of an entry, with where it comes from (or `missing`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct SourcedText {
    #[serde(default)]
    pub value: Option<String>,
    #[serde(default)]
    pub source: Option<String>,
    /// The date the source itself gives (« non datée » when it gives none).
    #[serde(default)]
    pub source_date: Option<String>,
    /// The day Recours read the source.
    #[serde(default)]
    pub checked: Option<String>,
    #[serde(default)]
    pub verified: bool,
    /// Why the source may not be reliable (kept from the research notes).
    #[serde(default)]
    #[ts(skip)]
    #[serde(skip_serializing)]
    pub reliability: Option<String>,
    #[serde(default)]
    pub missing: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct SourcedFlag {
    #[serde(default)]
    pub value: Option<bool>,
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default)]
    pub source_date: Option<String>,
    #[serde(default)]
    pub checked: Option<String>,
    #[serde(default)]
    pub verified: bool,
    #[serde(default)]
    #[ts(skip)]
    #[serde(skip_serializing)]
    pub reliability: Option<String>,
    #[serde(default)]
    pub missing: bool,
}

/// A platform's own buyer protection: contractual, never a legal deadline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Protection {
    /// What it is and how to use it, in French.
    pub text: String,
    /// Days to report a problem, when the platform sets them.
    pub window_days: Option<u32>,
    /// The event the window runs from (`marked_delivered`: the platform shows « Livré »).
    pub from: Option<String>,
    pub source: String,
    pub source_date: String,
    pub checked: String,
    pub verified: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct PlatformEntry {
    /// Stable id, e.g. "vinted".
    pub id: String,
    pub name: String,
    pub domain: String,
    /// The legal entity the buyer contracts with (for a marketplace: for its own services).
    pub entity: SourcedText,
    /// ISO 3166-1 alpha-2 of that entity.
    pub country: SourcedText,
    /// The registered address found: always to check in the site's legal notice before a letter.
    pub address: SourcedText,
    pub registration: SourcedText,
    /// Third-party sellers sell there: the platform and the seller are two parties.
    pub marketplace: SourcedFlag,
    /// "pro" (professionals only) or "pro_et_particuliers".
    pub sellers: SourcedText,
    pub protection: Option<Protection>,
    /// What the research found and could not confirm (English, for maintainers).
    #[ts(skip)]
    #[serde(skip_serializing, default)]
    pub research_note: String,
}

impl PlatformEntry {
    /// Private persons sell there too (Vinted, Leboncoin…).
    pub fn has_private_sellers(&self) -> bool {
        self.sellers.value.as_deref() == Some("pro_et_particuliers")
    }
}

const DATA: &str = include_str!("../data/platforms.json");

/// The whole directory, in the order of the file (the most used first).
pub fn directory() -> &'static [PlatformEntry] {
    static DIRECTORY: OnceLock<Vec<PlatformEntry>> = OnceLock::new();
    DIRECTORY.get_or_init(|| {
        // The file is part of the build and checked by the tests below: it cannot fail at run time.
        serde_json::from_str(DATA).unwrap_or_default()
    })
}

pub fn by_id(id: &str) -> Option<&'static PlatformEntry> {
    directory().iter().find(|p| p.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn check_text(id: &str, what: &str, fact: &SourcedText) {
        if fact.missing {
            assert!(fact.value.is_none(), "{id}.{what}: missing with a value");
            return;
        }
        let value = fact.value.as_deref().unwrap_or_default();
        assert!(
            !value.trim().is_empty(),
            "{id}.{what}: empty, not marked missing"
        );
        check_source(
            id,
            what,
            fact.source.as_deref(),
            fact.source_date.as_deref(),
            fact.checked.as_deref(),
        );
    }

    fn check_source(
        id: &str,
        what: &str,
        source: Option<&str>,
        date: Option<&str>,
        checked: Option<&str>,
    ) {
        assert!(
            source.is_some_and(|s| s.starts_with("https://") || s.starts_with("http://")),
            "{id}.{what}: no source address"
        );
        let date = date.unwrap_or_default();
        assert!(
            date == "non datée"
                || NaiveDate::parse_from_str(date, "%Y-%m-%d").is_ok()
                || date.len() == 4 && date.chars().all(|c| c.is_ascii_digit())
                || NaiveDate::parse_from_str(&format!("{date}-01"), "%Y-%m-%d").is_ok(),
            "{id}.{what}: source date « {date} »"
        );
        assert!(
            checked.is_some_and(|c| NaiveDate::parse_from_str(c, "%Y-%m-%d").is_ok()),
            "{id}.{what}: no check date"
        );
    }

    #[test]
    fn every_entry_has_its_sources_check_dates_iso_countries_and_addresses_or_says_missing() {
        let all = directory();
        assert!(all.len() >= 30, "the directory did not load: {}", all.len());
        let mut ids: Vec<&str> = all.iter().map(|p| p.id.as_str()).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), all.len(), "ids are unique");
        for p in all {
            assert!(!p.name.is_empty() && !p.domain.is_empty(), "{}", p.id);
            for (what, fact) in [
                ("entity", &p.entity),
                ("country", &p.country),
                ("address", &p.address),
                ("registration", &p.registration),
                ("sellers", &p.sellers),
            ] {
                check_text(&p.id, what, fact);
            }
            if let Some(code) = p.country.value.as_deref() {
                assert!(
                    crate::countries::by_code(code).is_some(),
                    "{}: country {code}",
                    p.id
                );
            }
            // An address is never presented as confirmed: it must be checked in the legal notice.
            assert!(!p.address.verified, "{}: address marked verified", p.id);
            if !p.marketplace.missing {
                assert!(p.marketplace.value.is_some(), "{}: marketplace", p.id);
                check_source(
                    &p.id,
                    "marketplace",
                    p.marketplace.source.as_deref(),
                    p.marketplace.source_date.as_deref(),
                    p.marketplace.checked.as_deref(),
                );
            }
            assert!(
                matches!(
                    p.sellers.value.as_deref(),
                    Some("pro" | "pro_et_particuliers")
                ),
                "{}: sellers",
                p.id
            );
            if let Some(prot) = &p.protection {
                assert!(!prot.text.is_empty(), "{}", p.id);
                check_source(
                    &p.id,
                    "protection",
                    Some(&prot.source),
                    Some(&prot.source_date),
                    Some(&prot.checked),
                );
                assert_eq!(prot.window_days.is_some(), prot.from.is_some(), "{}", p.id);
                if let Some(from) = &prot.from {
                    assert!(
                        crate::rules::model::EventKind::parse(from).is_some(),
                        "{}: window from « {from} »",
                        p.id
                    );
                }
            }
        }
        let vinted = by_id("vinted").expect("vinted");
        assert!(vinted.has_private_sellers());
        assert_eq!(
            vinted.protection.as_ref().and_then(|p| p.window_days),
            Some(2)
        );
        assert_eq!(vinted.country.value.as_deref(), Some("LT"));
        assert_eq!(
            by_id("temu").and_then(|p| p.country.value.as_deref()),
            Some("IE")
        );
    }
}
