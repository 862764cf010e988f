//! Calendar arithmetic for legal periods: days (D + n), months and years ending on the same day-number
//! or the month's last day (art. 641 CPC), and French public holidays (Code du travail L3133-1), with the
//! Alsace-Moselle and overseas additions, for the L221-19 extension to the next working day.

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Where the person lives, for the public holidays that extend a period.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum HolidayRegion {
    #[default]
    Metropole,
    /// Bas-Rhin, Haut-Rhin, Moselle: 26 December and Good Friday as well.
    AlsaceMoselle,
    // Overseas departments: the day of the abolition of slavery as well (décret n° 83-1003 of
    // 23 November 1983 as amended). The dates are not in the checked domain notes: unverified.
    /// 27 May.
    Guadeloupe,
    /// 22 May.
    Martinique,
    /// 10 June.
    Guyane,
    /// 20 December.
    LaReunion,
    /// 27 April.
    Mayotte,
}

impl HolidayRegion {
    /// The abolition-of-slavery day (month, day) of an overseas department.
    pub fn abolition_day(self) -> Option<(u32, u32)> {
        match self {
            HolidayRegion::Metropole | HolidayRegion::AlsaceMoselle => None,
            HolidayRegion::Guadeloupe => Some((5, 27)),
            HolidayRegion::Martinique => Some((5, 22)),
            HolidayRegion::Guyane => Some((6, 10)),
            HolidayRegion::LaReunion => Some((12, 20)),
            HolidayRegion::Mayotte => Some((4, 27)),
        }
    }

    /// Whether the region's own holidays are not yet checked against their source.
    pub fn unverified(self) -> bool {
        self.abolition_day().is_some()
    }

    pub fn as_str(self) -> &'static str {
        match self {
            HolidayRegion::Metropole => "metropole",
            HolidayRegion::AlsaceMoselle => "alsace_moselle",
            HolidayRegion::Guadeloupe => "guadeloupe",
            HolidayRegion::Martinique => "martinique",
            HolidayRegion::Guyane => "guyane",
            HolidayRegion::LaReunion => "la_reunion",
            HolidayRegion::Mayotte => "mayotte",
        }
    }

    pub fn parse(text: &str) -> Option<HolidayRegion> {
        [
            HolidayRegion::Metropole,
            HolidayRegion::AlsaceMoselle,
            HolidayRegion::Guadeloupe,
            HolidayRegion::Martinique,
            HolidayRegion::Guyane,
            HolidayRegion::LaReunion,
            HolidayRegion::Mayotte,
        ]
        .into_iter()
        .find(|r| r.as_str() == text)
    }
}

pub fn add_days(date: NaiveDate, days: i64) -> NaiveDate {
    date.checked_add_signed(Duration::days(days))
        .unwrap_or(date)
}

/// `date` + `months`, ending on the same day-number, or the month's last day when there is none
/// (29 February 2024 + 24 months = 28 February 2026).
pub fn add_months(date: NaiveDate, months: u32) -> NaiveDate {
    date.checked_add_months(chrono::Months::new(months))
        .unwrap_or(date)
}

/// Easter Sunday (anonymous Gregorian algorithm).
pub fn easter_sunday(year: i32) -> NaiveDate {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, month as u32, day as u32).unwrap_or_default()
}

pub fn is_public_holiday(date: NaiveDate, region: HolidayRegion) -> bool {
    let (m, d) = (date.month(), date.day());
    let fixed = matches!(
        (m, d),
        (1, 1) | (5, 1) | (5, 8) | (7, 14) | (8, 15) | (11, 1) | (11, 11) | (12, 25)
    );
    let easter = easter_sunday(date.year());
    let easter_based = date == add_days(easter, 1) // Easter Monday
        || date == add_days(easter, 39) // Ascension Thursday
        || date == add_days(easter, 50); // Whit Monday
    let alsace_moselle = region == HolidayRegion::AlsaceMoselle
        && ((m, d) == (12, 26) || date == add_days(easter, -2));
    let overseas = region.abolition_day() == Some((m, d));
    fixed || easter_based || alsace_moselle || overseas
}

pub fn is_working_day(date: NaiveDate, region: HolidayRegion) -> bool {
    !matches!(date.weekday(), Weekday::Sat | Weekday::Sun) && !is_public_holiday(date, region)
}

/// L221-19: a period that ends on a Saturday, Sunday or public holiday runs to the next working day.
pub fn extend_to_working_day(date: NaiveDate, region: HolidayRegion) -> NaiveDate {
    let mut d = date;
    while !is_working_day(d, region) {
        d = add_days(d, 1);
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("date")
    }

    #[test]
    fn easter_dates() {
        assert_eq!(easter_sunday(2024), day(2024, 3, 31));
        assert_eq!(easter_sunday(2025), day(2025, 4, 20));
        assert_eq!(easter_sunday(2026), day(2026, 4, 5));
        assert_eq!(easter_sunday(2027), day(2027, 3, 28));
    }

    #[test]
    fn overseas_departments_add_the_abolition_of_slavery_day() {
        for (region, (m, d)) in [
            (HolidayRegion::Guadeloupe, (5, 27)),
            (HolidayRegion::Martinique, (5, 22)),
            (HolidayRegion::Guyane, (6, 10)),
            (HolidayRegion::LaReunion, (12, 20)),
            (HolidayRegion::Mayotte, (4, 27)),
        ] {
            assert!(is_public_holiday(day(2027, m, d), region), "{region:?}");
            assert!(!is_public_holiday(
                day(2027, m, d),
                HolidayRegion::Metropole
            ));
            assert!(region.unverified());
            assert_eq!(HolidayRegion::parse(region.as_str()), Some(region));
        }
        // Only its own day: La Réunion's 20 December is a working day in Guadeloupe.
        assert!(is_working_day(day(2027, 12, 20), HolidayRegion::Guadeloupe));
        // Thursday 27 May 2027 in Guadeloupe: a period ending then runs to Friday 28.
        assert_eq!(
            extend_to_working_day(day(2027, 5, 27), HolidayRegion::Guadeloupe),
            day(2027, 5, 28)
        );
        assert!(!HolidayRegion::AlsaceMoselle.unverified());
        assert_eq!(HolidayRegion::parse("atlantide"), None);
    }

    #[test]
    fn holidays_2026() {
        let r = HolidayRegion::Metropole;
        assert!(is_public_holiday(day(2026, 4, 6), r), "Easter Monday");
        assert!(is_public_holiday(day(2026, 5, 14), r), "Ascension");
        assert!(is_public_holiday(day(2026, 5, 25), r), "Whit Monday");
        assert!(is_public_holiday(day(2026, 7, 14), r));
        assert!(!is_public_holiday(day(2026, 12, 26), r));
        assert!(is_public_holiday(
            day(2026, 12, 26),
            HolidayRegion::AlsaceMoselle
        ));
        assert!(
            is_public_holiday(day(2026, 4, 3), HolidayRegion::AlsaceMoselle),
            "Good Friday"
        );
    }

    #[test]
    fn months_end_on_the_last_day_when_needed() {
        assert_eq!(add_months(day(2024, 2, 29), 24), day(2026, 2, 28));
        assert_eq!(add_months(day(2026, 1, 31), 1), day(2026, 2, 28));
        assert_eq!(add_months(day(2026, 3, 12), 12), day(2027, 3, 12));
    }

    #[test]
    fn extension_to_the_next_working_day() {
        let r = HolidayRegion::Metropole;
        // Saturday 14 November 2026 → Monday 16.
        assert_eq!(
            extend_to_working_day(day(2026, 11, 14), r),
            day(2026, 11, 16)
        );
        // Tuesday 14 July 2026 → Wednesday 15.
        assert_eq!(extend_to_working_day(day(2026, 7, 14), r), day(2026, 7, 15));
        // Saturday 4 April 2026 → Sunday → Easter Monday → Tuesday 7.
        assert_eq!(extend_to_working_day(day(2026, 4, 4), r), day(2026, 4, 7));
        assert_eq!(
            extend_to_working_day(day(2026, 11, 24), r),
            day(2026, 11, 24)
        );
    }
}
