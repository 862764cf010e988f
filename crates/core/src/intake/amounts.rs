//! Amounts as French receipts write them — « 1 234,56 € », « 49,90 EUR », « €12.99 », « 12 € » —
//! read into cents. A number without a currency is never an amount (it may be a reference).

use std::sync::OnceLock;

use regex::Regex;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AmountHit {
    pub cents: i64,
    pub start: usize,
    pub end: usize,
}

fn pattern() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        super::compiled(
            r"(?x)
            (?P<pre>€|\beur\b)\s*(?P<a>\d{1,3}(?:[\x20.,]\d{3})*(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?)
          | (?P<b>\d{1,3}(?:[\x20.,]\d{3})*(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?)\s*(?:€|\beur(?:os?)?\b)",
        )
    })
}

/// « 1 234,56 » → 123456; « 1,234.56 » → 123456; « 12 » → 1200. The last separator followed by one
/// or two digits is the decimal one.
pub fn parse_cents(number: &str) -> Option<i64> {
    let digits_after = |i: usize| number.len() - i - 1;
    let last_sep = number.rfind([',', '.']);
    let (whole, frac) = match last_sep {
        Some(i) if (1..=2).contains(&digits_after(i)) => (number.get(..i)?, number.get(i + 1..)?),
        _ => (number, ""),
    };
    let whole: String = whole.chars().filter(|c| c.is_ascii_digit()).collect();
    if whole.len() > 12 {
        return None;
    }
    let euros: i64 = if whole.is_empty() {
        0
    } else {
        whole.parse().ok()?
    };
    let cents: i64 = match frac.len() {
        0 => 0,
        1 => frac.parse::<i64>().ok()? * 10,
        _ => frac.parse().ok()?,
    };
    Some(euros * 100 + cents)
}

/// Every amount with a currency in a folded line, left to right.
pub fn find_amounts(folded: &str) -> Vec<AmountHit> {
    pattern()
        .captures_iter(folded)
        .filter_map(|c| {
            let whole = c.get(0)?;
            let number = c.name("a").or_else(|| c.name("b"))?;
            let cents = parse_cents(number.as_str().trim())?;
            Some(AmountHit {
                cents,
                start: whole.start(),
                end: whole.end(),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cents(line: &str) -> Vec<i64> {
        find_amounts(line).iter().map(|h| h.cents).collect()
    }

    #[test]
    fn french_and_english_amounts() {
        assert_eq!(cents("total ttc : 1 234,56 €"), vec![123456]);
        assert_eq!(cents("total ttc : 1.234,56 €"), vec![123456]);
        assert_eq!(cents("order total: €1,234.56"), vec![123456]);
        assert_eq!(cents("49,90 eur"), vec![4990]);
        assert_eq!(cents("12 euros"), vec![1200]);
        assert_eq!(cents("0,5 €"), vec![50]);
        assert_eq!(
            cents("sous-total 40,00 € livraison 4,99 €"),
            vec![4000, 499]
        );
        assert_eq!(cents("commande n° 402-1234567-1234567"), Vec::<i64>::new());
        assert_eq!(cents("europe"), Vec::<i64>::new());
    }
}
