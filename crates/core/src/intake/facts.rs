//! Reading the facts of an order out of a document's text: each finder looks for the words that
//! announce a fact (`labels`), then reads the value after them, and keeps where it read it.
//! Pure and deterministic: the same text always gives the same facts.

use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate};
use regex::Regex;

use super::amounts::find_amounts;
use super::dates::{day_before, find_dates, DateHit};
use super::fold::Folded;
use super::{compiled, labels, Source};

/// A value read, with where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Read<T> {
    pub value: T,
    pub source: Source,
}

/// What the text says of the order. Every field may be missing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Facts {
    pub reference: Option<Read<String>>,
    pub order_date: Option<Read<NaiveDate>>,
    pub amount_cents: Option<Read<i64>>,
    /// The method's JSON name (`card`, `paypal`…) and, for a paiement fractionné, the lender.
    pub payment: Option<Read<(String, Option<String>)>>,
    /// The first and last day promised (the same day when one date is given).
    pub delivery: Option<Read<(NaiveDate, NaiveDate)>>,
    /// « Vendu par … » on a marketplace.
    pub seller: Option<Read<String>>,
    /// « Merci pour votre commande chez … ».
    pub shop_name: Option<Read<String>>,
    /// E-mail addresses and web addresses written in the text, in order.
    pub emails: Vec<Read<String>>,
    pub hosts: Vec<Read<String>>,
}

struct Line<'a> {
    /// Byte offset of the line in the whole text.
    at: usize,
    folded: Folded<'a>,
}

impl Line<'_> {
    fn source(&self, start: usize, end: usize) -> Source {
        let words = self.folded.original_of(start, end).trim().to_owned();
        let (s, e) = (self.folded.orig(start), self.folded.orig(end));
        Source {
            passage: passage(self.folded.original, s, e),
            words,
            start: self.at + s,
            end: self.at + e,
        }
    }
}

/// The line, shortened to about 160 characters around the words when it is longer.
fn passage(line: &str, start: usize, end: usize) -> String {
    const AROUND: usize = 70;
    if line.chars().count() <= 160 {
        return line.trim().to_owned();
    }
    let from = line
        .get(..start)
        .map(|b| b.chars().count().saturating_sub(AROUND))
        .unwrap_or(0);
    let words = line.get(start..end).map(|w| w.chars().count()).unwrap_or(0);
    let before_len = line.get(..start).map(|b| b.chars().count()).unwrap_or(0);
    let text: String = line
        .chars()
        .skip(from)
        .take(before_len - from + words + AROUND)
        .collect();
    format!("{}{}…", if from > 0 { "…" } else { "" }, text.trim())
}

fn table(
    patterns: &'static [&'static str],
    cell: &'static OnceLock<Vec<Regex>>,
) -> &'static [Regex] {
    cell.get_or_init(|| {
        patterns
            .iter()
            .map(|p| compiled(&format!(r"\b{p}")))
            .collect()
    })
}

/// Reads every fact it can. `default_year` dates a « 5 novembre » written without its year (the
/// year of the e-mail, when there is one).
pub fn read_facts(text: &str, default_year: Option<i32>) -> Facts {
    static EMAIL: OnceLock<Regex> = OnceLock::new();
    static HOST: OnceLock<Regex> = OnceLock::new();
    let mut at = 0;
    let lines: Vec<Line> = text
        .split('\n')
        .map(|l| {
            let line = Line {
                at,
                folded: Folded::new(l),
            };
            at += l.len() + 1;
            line
        })
        .collect();
    let reference = reference(&lines);
    let order_date = order_date(&lines, default_year);
    let year_base = order_date
        .as_ref()
        .map(|d| d.value)
        .or_else(|| default_year.and_then(|y| NaiveDate::from_ymd_opt(y, 1, 1)));
    Facts {
        reference,
        delivery: delivery(&lines, year_base),
        order_date,
        amount_cents: amount(&lines),
        payment: payment(&lines),
        seller: seller(&lines),
        shop_name: shop_name(&lines),
        emails: addresses(
            &lines,
            EMAIL.get_or_init(|| {
                compiled(r"[a-z0-9._%+\-]+@[a-z0-9\-]+(?:\.[a-z0-9\-]+)*\.[a-z]{2,}")
            }),
        ),
        hosts: addresses(
            &lines,
            HOST.get_or_init(|| {
                compiled(r"\b(?:https?://)?(?:www\.)[a-z0-9\-]+(?:\.[a-z0-9\-]+)*\.[a-z]{2,}")
            }),
        ),
    }
}

fn reference(lines: &[Line]) -> Option<Read<String>> {
    static LABELS: OnceLock<Vec<Regex>> = OnceLock::new();
    static VALUE: OnceLock<Regex> = OnceLock::new();
    let value = VALUE.get_or_init(|| compiled(labels::REFERENCE_VALUE));
    for label in table(labels::REFERENCE, &LABELS) {
        for line in lines {
            for m in label.find_iter(&line.folded.text) {
                let rest = line.folded.text.get(m.end()..).unwrap_or("");
                let Some(c) = value.captures(rest).and_then(|c| c.get(1)) else {
                    continue;
                };
                let token = c.as_str().trim_end_matches(['.', '-', '/', '_']);
                let looks_like_a_reference = token.len() >= 4
                    && token.chars().any(|ch| ch.is_ascii_digit())
                    && find_dates(token).is_empty();
                if looks_like_a_reference {
                    let start = m.end() + c.start();
                    let source = line.source(start, start + token.len());
                    return Some(Read {
                        value: source.words.clone(),
                        source,
                    });
                }
            }
        }
    }
    None
}

/// The first full date after `from` on the line, or else the first on the next line.
fn date_after(
    lines: &[Line],
    index: usize,
    from: usize,
    year: Option<i32>,
) -> Option<(usize, DateHit)> {
    let here = lines.get(index)?;
    let on_line = find_dates(&here.folded.text)
        .into_iter()
        .find(|h| h.start >= from && h.date(year).is_some());
    if let Some(hit) = on_line {
        return Some((index, hit));
    }
    let next = lines.get(index + 1)?;
    find_dates(&next.folded.text)
        .into_iter()
        .next()
        .filter(|h| h.date(year).is_some())
        .map(|h| (index + 1, h))
}

fn order_date(lines: &[Line], default_year: Option<i32>) -> Option<Read<NaiveDate>> {
    static LABELS: OnceLock<Vec<Regex>> = OnceLock::new();
    for label in table(labels::ORDER_DATE, &LABELS) {
        for (i, line) in lines.iter().enumerate() {
            let Some(m) = label.find(&line.folded.text) else {
                continue;
            };
            if let Some((at, hit)) = date_after(lines, i, m.end(), default_year) {
                let date = hit.date(default_year)?;
                return Some(Read {
                    value: date,
                    source: lines.get(at)?.source(hit.start, hit.end),
                });
            }
        }
    }
    None
}

fn amount(lines: &[Line]) -> Option<Read<i64>> {
    static STRONG: OnceLock<Vec<Regex>> = OnceLock::new();
    static WEAK: OnceLock<Regex> = OnceLock::new();
    static NOT: OnceLock<Regex> = OnceLock::new();
    let strong = table(labels::AMOUNT_STRONG, &STRONG);
    let weak = WEAK.get_or_init(|| compiled(labels::AMOUNT_WEAK));
    let not = NOT.get_or_init(|| compiled(labels::AMOUNT_NOT));
    // (strength, line, amount): the strongest label wins, and of equals the last (a total follows
    // its subtotals).
    let mut best: Option<(u8, Read<i64>)> = None;
    for (i, line) in lines.iter().enumerate() {
        let text = &line.folded.text;
        let excluded: Vec<(usize, usize)> =
            not.find_iter(text).map(|m| (m.start(), m.end())).collect();
        let inside_excluded = |at: usize| excluded.iter().any(|&(s, e)| at >= s && at < e);
        let label = strong
            .iter()
            .filter_map(|re| re.find(text))
            .filter(|m| !inside_excluded(m.start()))
            .map(|m| (2u8, m.end()))
            .next()
            .or_else(|| {
                weak.find_iter(text)
                    .find(|m| !inside_excluded(m.start()))
                    .map(|m| (1u8, m.end()))
            });
        let Some((strength, label_end)) = label else {
            continue;
        };
        let on_line = find_amounts(text)
            .into_iter()
            .rfind(|a| a.start >= label_end);
        let hit = match on_line {
            Some(hit) => Some((line, hit)),
            None => lines.get(i + 1).and_then(|next| {
                find_amounts(&next.folded.text)
                    .into_iter()
                    .next()
                    .map(|h| (next, h))
            }),
        };
        let Some((where_, hit)) = hit else { continue };
        if best.as_ref().is_none_or(|(s, _)| strength >= *s) {
            best = Some((
                strength,
                Read {
                    value: hit.cents,
                    source: where_.source(hit.start, hit.end),
                },
            ));
        }
    }
    best.map(|(_, read)| read)
}

fn payment(lines: &[Line]) -> Option<Read<(String, Option<String>)>> {
    static LINE: OnceLock<Regex> = OnceLock::new();
    static METHODS: OnceLock<Vec<Regex>> = OnceLock::new();
    let payment_line = LINE.get_or_init(|| compiled(labels::PAYMENT_LINE));
    let methods = METHODS.get_or_init(|| {
        labels::PAYMENT_METHODS
            .iter()
            .map(|(p, _, _)| compiled(p))
            .collect()
    });
    let method_in = |line: &Line| -> Option<Read<(String, Option<String>)>> {
        for (re, (_, method, lender)) in methods.iter().zip(labels::PAYMENT_METHODS) {
            if let Some(m) = re.find(&line.folded.text) {
                return Some(Read {
                    value: ((*method).to_owned(), lender.map(str::to_owned)),
                    source: line.source(m.start(), m.end()),
                });
            }
        }
        None
    };
    for (i, line) in lines.iter().enumerate() {
        if payment_line.is_match(&line.folded.text) {
            if let Some(found) = method_in(line).or_else(|| lines.get(i + 1).and_then(method_in)) {
                return Some(found);
            }
        }
    }
    // No line names the payment: a method is proposed only if it is the only one the text names.
    let found: Vec<_> = lines.iter().filter_map(method_in).collect();
    let first = found.first()?;
    found
        .iter()
        .all(|f| f.value.0 == first.value.0)
        .then(|| first.clone())
}

fn delivery(lines: &[Line], order_date: Option<NaiveDate>) -> Option<Read<(NaiveDate, NaiveDate)>> {
    static LABELS: OnceLock<Vec<Regex>> = OnceLock::new();
    // A date written without its year is the first such day on or after the order.
    let dated = |hit: &DateHit| -> Option<NaiveDate> {
        if hit.year.is_some() {
            return hit.date(None);
        }
        let base = order_date?;
        let this_year = hit.date(Some(base.year()))?;
        if this_year >= base {
            Some(this_year)
        } else {
            hit.date(Some(base.year() + 1))
        }
    };
    for label in table(labels::DELIVERY, &LABELS) {
        for (i, line) in lines.iter().enumerate() {
            let Some(m) = label.find(&line.folded.text) else {
                continue;
            };
            let mut hits: Vec<DateHit> = find_dates(&line.folded.text)
                .into_iter()
                .filter(|h| h.start >= m.end())
                .collect();
            let mut on = line;
            if hits.is_empty() {
                let Some(next) = lines.get(i + 1) else {
                    continue;
                };
                hits = find_dates(&next.folded.text);
                on = next;
            }
            let Some(first) = hits.first() else { continue };
            let (start_hit, end_hit) = match hits.get(1) {
                Some(second) if second.start < first.end + 40 => {
                    let mut first = *first;
                    // « du 5 nov. au 8 nov. 2026 »: the first takes the second's year.
                    if first.year.is_none() {
                        first.year = second.year;
                    }
                    (first, *second)
                }
                _ => match day_before(&on.folded.text, first) {
                    Some(day) if day.start >= m.end() || !std::ptr::eq(on, line) => (day, *first),
                    _ => (*first, *first),
                },
            };
            let (Some(start), Some(end)) = (dated(&start_hit), dated(&end_hit)) else {
                continue;
            };
            if start > end {
                continue;
            }
            return Some(Read {
                value: (start, end),
                source: on.source(start_hit.start, end_hit.end),
            });
        }
    }
    None
}

/// The name after a label, up to where a name stops.
fn name_after(line: &Line, from: usize) -> Option<Read<String>> {
    let rest = line.folded.text.get(from..)?;
    let mut end = rest.len().min(80);
    while !rest.is_char_boundary(end) {
        end -= 1;
    }
    for stop in labels::SELLER_END
        .iter()
        .chain(&[" !", "!", ".\u{20}", " merci"])
    {
        if let Some(i) = rest.get(..end)?.find(stop) {
            end = end.min(i);
        }
    }
    let raw = rest.get(..end)?.trim_end_matches(['.', ' ', ':', '!', '*']);
    let trimmed_start = raw.len() - raw.trim_start().len();
    let name_len = raw.trim().len();
    if raw.trim().chars().filter(|c| c.is_alphabetic()).count() < 2 {
        return None;
    }
    let source = line.source(from + trimmed_start, from + trimmed_start + name_len);
    Some(Read {
        value: source.words.clone(),
        source,
    })
}

fn seller(lines: &[Line]) -> Option<Read<String>> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| compiled(&format!(r"\b{}", labels::SELLER)));
    lines.iter().find_map(|line| {
        let m = re.find(&line.folded.text)?;
        name_after(line, m.end())
    })
}

fn shop_name(lines: &[Line]) -> Option<Read<String>> {
    static LABELS: OnceLock<Vec<Regex>> = OnceLock::new();
    let labels = table(labels::SHOP_NAME, &LABELS);
    lines.iter().find_map(|line| {
        let m = labels.iter().find_map(|re| re.find(&line.folded.text))?;
        name_after(line, m.end())
    })
}

fn addresses(lines: &[Line], re: &Regex) -> Vec<Read<String>> {
    let mut found = Vec::new();
    for line in lines {
        for m in re.find_iter(&line.folded.text) {
            let value = m.as_str().to_owned();
            if found.iter().all(|f: &Read<String>| f.value != value) {
                found.push(Read {
                    value,
                    source: line.source(m.start(), m.end()),
                });
            }
        }
    }
    found
}
