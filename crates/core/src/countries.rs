//! Countries as the merchant's country field knows them.

use serde::Serialize;
use ts_rs::TS;

#[path = "countries_data.rs"]
mod data;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
pub struct Country {
    pub code: &'static str,
    pub name: &'static str,
    /// In the European Union or the European Economic Area (Iceland, Liechtenstein, Norway).
    pub eea: bool,
}

/// All countries, sorted by French name.
pub fn all() -> impl Iterator<Item = Country> {
    data::COUNTRIES
        .iter()
        .map(|&(code, name, eea)| Country { code, name, eea })
}

pub fn by_code(code: &str) -> Option<Country> {
    all().find(|c| c.code == code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn knows_france_and_the_eea() {
        let fr = by_code("FR").expect("France");
        assert_eq!(fr.name, "France");
        assert!(fr.eea);
        assert!(by_code("NO").expect("Norway").eea);
        assert!(!by_code("CH").expect("Switzerland").eea);
        assert!(by_code("XX").is_none());
        assert_eq!(all().filter(|c| c.eea).count(), 30);
    }
}
