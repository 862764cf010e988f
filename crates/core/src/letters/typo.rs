//! French typography for printed letters: no-break spaces where French puts them, amounts written
//! the French way. Pure text functions, so the letters, the summary and the tests agree.

/// U+00A0, before « : » and « € », inside guillemets.
pub const NBSP: char = '\u{a0}';
/// U+202F (espace fine insécable), before « ; ! ? » and between thousands.
pub const NNBSP: char = '\u{202f}';

/// `123456` cents → `1 234,56 €` (thin no-break space between thousands, no-break space before €).
pub fn euros(cents: i64) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let abs = cents.unsigned_abs();
    let units = (abs / 100).to_string();
    let mut grouped = String::new();
    for (i, c) in units.chars().enumerate() {
        if i > 0 && (units.len() - i).is_multiple_of(3) {
            grouped.push(NNBSP);
        }
        grouped.push(c);
    }
    format!("{sign}{grouped},{:02}{NBSP}€", abs % 100)
}

/// « de » before a name, elided before a vowel: « d'Électro Dépôt », « d'Alma », « de Klarna ».
pub fn de(name: &str) -> String {
    let vowel = name
        .chars()
        .next()
        .is_some_and(|c| "aeiouyàâäéèêëîïôöùûüAEIOUYÀÂÄÉÈÊËÎÏÔÖÙÛÜ".contains(c));
    if vowel {
        format!("d'{name}")
    } else {
        format!("de {name}")
    }
}

/// Puts the no-break spaces French typography wants: before `; ! ?` (thin) and `:` (normal), after
/// `«` and before `»`. Ordinary spaces there are replaced; missing ones are added. Leaves URLs, times
/// (`10:30`) and `://` alone.
pub fn french_spacing(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 8);
    for (i, &c) in chars.iter().enumerate() {
        let prev = if i > 0 { Some(chars[i - 1]) } else { None };
        let next = chars.get(i + 1).copied();
        match c {
            ';' | '!' | '?' | ':' | '»' => {
                let wanted = if c == ':' || c == '»' { NBSP } else { NNBSP };
                // "http://", "10:30", "?!" and a sign at the very start stay as they are.
                let glued_word = prev.is_some_and(|p| !p.is_whitespace())
                    && (c == ':' && next.is_some_and(|n| n == '/' || n.is_ascii_digit())
                        || matches!(prev, Some('!' | '?'))
                        || c == ':'
                            && prev.is_some_and(|p| p.is_ascii_digit())
                            && next.is_some_and(|n| n.is_ascii_digit()));
                if glued_word || prev.is_none() || prev == Some('\n') {
                    out.push(c);
                    continue;
                }
                while out.ends_with([' ', NBSP, NNBSP, '\t']) {
                    out.pop();
                }
                out.push(wanted);
                out.push(c);
            }
            '«' => {
                out.push(c);
                out.push(NBSP);
            }
            ' ' | '\t' if prev == Some('«') => {}
            // "10 %", "49 €", "n° 12": the number never ends a line alone.
            ' ' if prev.is_some_and(|p| p.is_ascii_digit()) && matches!(next, Some('%')) => {
                out.push(NNBSP)
            }
            ' ' if matches!(next, Some('€')) => out.push(NBSP),
            ' ' if prev == Some('°') && i >= 2 && chars[i - 2] == 'n' => out.push(NBSP),
            _ => out.push(c),
        }
    }
    out
}

/// Removes a trailing `\n` run and the spaces before line ends; keeps the person's paragraphs.
pub fn tidy(text: &str) -> String {
    text.replace("\r\n", "\n")
        .lines()
        .map(str::trim_end)
        .collect::<Vec<_>>()
        .join("\n")
        .trim()
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn de_is_elided_before_a_vowel() {
        assert_eq!(de("Électro Dépôt"), "d'Électro Dépôt");
        assert_eq!(de("Alma"), "d'Alma");
        assert_eq!(de("Oney"), "d'Oney");
        assert_eq!(de("Klarna"), "de Klarna");
        assert_eq!(de("Scalapay"), "de Scalapay");
        assert_eq!(de(""), "de ");
    }

    #[test]
    fn amounts_are_written_the_french_way() {
        assert_eq!(euros(123_456), "1\u{202f}234,56\u{a0}€");
        assert_eq!(euros(5), "0,05\u{a0}€");
        assert_eq!(euros(100_000_000), "1\u{202f}000\u{202f}000,00\u{a0}€");
        assert_eq!(euros(-1999), "-19,99\u{a0}€");
    }

    #[test]
    fn punctuation_gets_no_break_spaces() {
        assert_eq!(french_spacing("Objet : test"), "Objet\u{a0}: test");
        assert_eq!(french_spacing("Vraiment?"), "Vraiment\u{202f}?");
        assert_eq!(french_spacing("« bonjour »"), "«\u{a0}bonjour\u{a0}»");
        assert_eq!(french_spacing("a ; b"), "a\u{202f}; b");
        assert_eq!(
            french_spacing("10 % puis 50 €"),
            "10\u{202f}% puis 50\u{a0}€"
        );
        assert_eq!(french_spacing("commande n° 12"), "commande n°\u{a0}12");
    }

    #[test]
    fn urls_and_times_are_left_alone() {
        assert_eq!(
            french_spacing("https://www.example.fr à 10:30"),
            "https://www.example.fr à 10:30"
        );
        assert_eq!(french_spacing("Quoi ?!"), "Quoi\u{202f}?!");
    }
}
