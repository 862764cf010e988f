//! Dates as order confirmations write them: « 3 nov. 2026 », « mardi 3 novembre », « 03/11/2026 »,
//! « 2026-11-03 », and in English « November 3, 2026 » or « 3 Nov 2026 ». Read on folded text.

use std::sync::OnceLock;

use chrono::NaiveDate;
use regex::Regex;

/// A date found in a line: its day and month, its year when written, and where it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateHit {
    pub day: u32,
    pub month: u32,
    pub year: Option<i32>,
    pub start: usize,
    pub end: usize,
}

impl DateHit {
    /// The date, with the given year when none is written (« livraison prévue le 5 novembre »).
    pub fn date(&self, default_year: Option<i32>) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(self.year.or(default_year)?, self.month, self.day)
    }
}

const FR_MONTHS: &str = r"janv(?:ier)?|fevr?(?:ier)?|mars|avr(?:il)?|mai|juin|juil(?:let)?|aout|sept?(?:embre)?|oct(?:obre)?|nov(?:embre)?|dec(?:embre)?";
const EN_MONTHS: &str = r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?";

fn pattern() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let text = format!(
            r"(?x)
            \b(?P<iy>\d{{4}})-(?P<im>\d{{2}})-(?P<id>\d{{2}})
          | \b(?P<nd>\d{{1,2}})[/.](?P<nm>\d{{1,2}})[/.](?P<ny>\d{{4}}|\d{{2}})\b
          | \b(?P<fd>\d{{1,2}})(?:er)?\s+(?P<fm>{FR_MONTHS})\b\.?(?:\s+(?P<fy>\d{{4}}))?
          | \b(?P<em>{EN_MONTHS})\b\.?\s+(?P<ed>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<ey>\d{{4}})\b
          | \b(?P<gd>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<gm>{EN_MONTHS})\b\.?,?\s+(?P<gy>\d{{4}})\b"
        );
        super::compiled(&text)
    })
}

fn month_number(name: &str) -> Option<u32> {
    let m = match name.get(..3)? {
        "jan" => 1,
        "fev" | "feb" => 2,
        "mar" => 3,
        "avr" | "apr" => 4,
        "mai" | "may" => 5,
        "jui" => {
            if name.starts_with("juin") {
                6
            } else {
                7
            }
        }
        "jun" => 6,
        "jul" => 7,
        "aou" | "aug" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => return None,
    };
    Some(m)
}

/// Every date written in a folded line, left to right. A day-only date (« entre le 5 et le 8
/// novembre ») is not a hit of its own: `day_before` reads it.
pub fn find_dates(folded: &str) -> Vec<DateHit> {
    let mut hits = Vec::new();
    for c in pattern().captures_iter(folded) {
        let Some(whole) = c.get(0) else { continue };
        let num = |name: &str| c.name(name).and_then(|m| m.as_str().parse::<u32>().ok());
        let (day, month, year) = if let Some(y) = num("iy") {
            (num("id"), num("im"), Some(y as i32))
        } else if let Some(d) = num("nd") {
            let y = num("ny").map(|y| if y < 100 { 2000 + y as i32 } else { y as i32 });
            (Some(d), num("nm"), y)
        } else if let Some(d) = num("fd") {
            let m = c.name("fm").and_then(|m| month_number(m.as_str()));
            (Some(d), m, num("fy").map(|y| y as i32))
        } else if let Some(d) = num("ed") {
            let m = c.name("em").and_then(|m| month_number(m.as_str()));
            (Some(d), m, num("ey").map(|y| y as i32))
        } else {
            let m = c.name("gm").and_then(|m| month_number(m.as_str()));
            (num("gd"), m, num("gy").map(|y| y as i32))
        };
        let (Some(day), Some(month)) = (day, month) else {
            continue;
        };
        // A year is written only if it makes the date real; « 31/02 » is not a date.
        let valid = NaiveDate::from_ymd_opt(year.unwrap_or(2024), month, day).is_some();
        if valid {
            hits.push(DateHit {
                day,
                month,
                year,
                start: whole.start(),
                end: whole.end(),
            });
        }
    }
    hits
}

/// « entre le 5 et le 8 novembre 2026 »: the bare day written just before a full date, joined by
/// « et » or « au », takes that date's month and year.
pub fn day_before(folded: &str, full: &DateHit) -> Option<DateHit> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE
        .get_or_init(|| super::compiled(r"\b(\d{1,2})(?:er)?\s+(?:et\s+le|et|au|a)\s+(?:le\s+)?$"));
    let before = folded.get(..full.start)?;
    let c = re.captures(before)?;
    let m = c.get(1)?;
    let day: u32 = m.as_str().parse().ok()?;
    NaiveDate::from_ymd_opt(full.year.unwrap_or(2024), full.month, day)?;
    Some(DateHit {
        day,
        month: full.month,
        year: full.year,
        start: m.start(),
        end: m.end(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    fn first(text: &str) -> Option<NaiveDate> {
        find_dates(text).first().and_then(|h| h.date(Some(2026)))
    }

    #[test]
    fn french_english_and_numeric_dates() {
        assert_eq!(first("le 3 nov. 2026 a 10h"), Some(ymd(2026, 11, 3)));
        assert_eq!(first("mardi 1er decembre 2026"), Some(ymd(2026, 12, 1)));
        assert_eq!(first("le 5 fevrier"), Some(ymd(2026, 2, 5)));
        assert_eq!(first("03/11/2026"), Some(ymd(2026, 11, 3)));
        assert_eq!(first("03.11.26"), Some(ymd(2026, 11, 3)));
        assert_eq!(first("2026-11-03t10:00"), Some(ymd(2026, 11, 3)));
        assert_eq!(first("november 3, 2026"), Some(ymd(2026, 11, 3)));
        assert_eq!(first("3 nov 2026"), Some(ymd(2026, 11, 3)));
        assert_eq!(first("juillet: 14 juillet 2026"), Some(ymd(2026, 7, 14)));
        assert_eq!(first("le 31/02/2026"), None);
        assert_eq!(first("ref 12345678"), None);
    }

    #[test]
    fn a_window_lends_its_month_to_the_bare_first_day() {
        let line = "entre le 5 et le 8 novembre 2026";
        let hits = find_dates(line);
        assert_eq!(hits.len(), 1);
        let start = day_before(line, &hits[0]).and_then(|h| h.date(None));
        assert_eq!(start, Some(ymd(2026, 11, 5)));
        assert_eq!(hits[0].date(None), Some(ymd(2026, 11, 8)));
    }
}
