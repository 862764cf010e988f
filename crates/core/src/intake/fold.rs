//! Matching French text without caring about case or accents: « Commande N° », « COMMANDE n° » and
//! « commande nº » read alike. The folded text keeps one character per original character, so a
//! match in it points back at the exact passage of the document.

/// A line folded for matching, with the way back to the original's byte offsets.
pub struct Folded<'a> {
    pub original: &'a str,
    pub text: String,
    /// For each byte offset of `text` (and its end), the byte offset in `original`.
    back: Vec<usize>,
}

impl<'a> Folded<'a> {
    pub fn new(original: &'a str) -> Self {
        let mut text = String::with_capacity(original.len());
        let mut back = Vec::with_capacity(original.len() + 1);
        for (at, c) in original.char_indices() {
            let f = fold_char(c);
            for _ in 0..f.len_utf8() {
                back.push(at);
            }
            text.push(f);
        }
        back.push(original.len());
        Folded {
            original,
            text,
            back,
        }
    }

    /// The original byte offset of a folded byte offset (clamped to the end).
    pub fn orig(&self, folded_at: usize) -> usize {
        self.back
            .get(folded_at)
            .copied()
            .unwrap_or(self.original.len())
    }

    /// The original text behind a folded range.
    pub fn original_of(&self, start: usize, end: usize) -> &'a str {
        let (s, e) = (self.orig(start), self.orig(end));
        self.original.get(s..e).unwrap_or("")
    }
}

/// One character, lower case and without its accent; the French typographic spaces and quotes
/// become their plain forms.
pub fn fold_char(c: char) -> char {
    match c {
        'à' | 'â' | 'ä' | 'á' | 'ã' | 'å' | 'À' | 'Â' | 'Ä' | 'Á' | 'Ã' | 'Å' | 'æ' | 'Æ' => {
            'a'
        }
        'ç' | 'Ç' => 'c',
        'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' => 'e',
        'î' | 'ï' | 'í' | 'ì' | 'Î' | 'Ï' | 'Í' | 'Ì' => 'i',
        'ô' | 'ö' | 'ó' | 'ò' | 'õ' | 'Ô' | 'Ö' | 'Ó' | 'Ò' | 'Õ' | 'œ' | 'Œ' => 'o',
        'ù' | 'û' | 'ü' | 'ú' | 'Ù' | 'Û' | 'Ü' | 'Ú' => 'u',
        'ÿ' | 'Ÿ' => 'y',
        'ñ' | 'Ñ' => 'n',
        'º' => '°',
        '\u{a0}' | '\u{202f}' | '\u{2009}' | '\t' => ' ',
        '’' | '‘' | '`' => '\'',
        '–' | '—' => '-',
        c if c.is_ascii() => c.to_ascii_lowercase(),
        c => c.to_lowercase().next().unwrap_or(c),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_keeps_the_way_back_to_the_original() {
        let f = Folded::new("Réf. COMMANDE nº 42 – Œuvre");
        assert_eq!(f.text, "ref. commande n° 42 - ouvre");
        let at = f.text.find("commande").unwrap_or(0);
        assert_eq!(f.original_of(at, at + 8), "COMMANDE");
        let at = f.text.find("ouvre").unwrap_or(0);
        assert_eq!(f.original_of(at, at + 5), "Œuvre");
    }
}
