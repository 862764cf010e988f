//! A saved web page or an HTML e-mail as plain lines: a table row stays one line (« Total TTC
//! 49,90 € »), block elements end lines, scripts and styles are dropped, entities decoded. Not a
//! browser: enough to read what a person would read.

/// The readable text of an HTML document, one visual line per line.
pub fn html_to_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        push_text(&mut out, rest.get(..lt).unwrap_or(""));
        let after = rest.get(lt..).unwrap_or("");
        // A comment, or a tag up to its '>'.
        if after.starts_with("<!--") {
            rest = after
                .find("-->")
                .and_then(|e| after.get(e + 3..))
                .unwrap_or("");
            continue;
        }
        let Some(gt) = after.find('>') else {
            rest = "";
            break;
        };
        let tag = after.get(1..gt).unwrap_or("");
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .map(|c| c.to_ascii_lowercase())
            .collect();
        rest = after.get(gt + 1..).unwrap_or("");
        let closing = tag.starts_with('/');
        if !closing && matches!(name.as_str(), "script" | "style" | "head" | "title") {
            // Skip to the matching end tag; what is inside is not read by a person.
            let end = format!("</{name}");
            let lower = rest.to_ascii_lowercase();
            rest = match lower.find(&end) {
                Some(i) => rest
                    .get(i..)
                    .and_then(|r| r.find('>').and_then(|g| r.get(g + 1..)))
                    .unwrap_or(""),
                None => "",
            };
            continue;
        }
        match name.as_str() {
            "br" | "p" | "div" | "tr" | "li" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6"
            | "table" | "tbody" | "section" | "article" | "header" | "footer" | "ul" | "ol"
            | "hr" | "blockquote" => out.push('\n'),
            "td" | "th" | "span" | "a" | "strong" | "b" | "em" | "i" | "font" => {
                if matches!(name.as_str(), "td" | "th") {
                    out.push(' ');
                }
            }
            _ => out.push(' '),
        }
    }
    push_text(&mut out, rest);
    tidy_lines(&out)
}

fn push_text(out: &mut String, raw: &str) {
    let mut rest = raw;
    while let Some(amp) = rest.find('&') {
        out.push_str(rest.get(..amp).unwrap_or(""));
        let after = rest.get(amp..).unwrap_or("");
        let end = after.find(';').filter(|&e| e <= 10);
        let decoded = end.and_then(|e| after.get(1..e)).and_then(entity);
        match (decoded, end) {
            (Some(c), Some(e)) => {
                out.push(c);
                rest = after.get(e + 1..).unwrap_or("");
            }
            _ => {
                out.push('&');
                rest = after.get(1..).unwrap_or("");
            }
        }
    }
    out.push_str(rest);
}

fn entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(code);
    }
    Some(match name {
        "nbsp" => '\u{a0}',
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" | "rsquo" | "lsquo" => '\'',
        "euro" => '€',
        "eacute" => 'é',
        "Eacute" => 'É',
        "egrave" => 'è',
        "Egrave" => 'È',
        "ecirc" => 'ê',
        "euml" => 'ë',
        "agrave" => 'à',
        "Agrave" => 'À',
        "acirc" => 'â',
        "ccedil" => 'ç',
        "Ccedil" => 'Ç',
        "icirc" => 'î',
        "iuml" => 'ï',
        "ocirc" => 'ô',
        "ucirc" => 'û',
        "ugrave" => 'ù',
        "oelig" => 'œ',
        "laquo" => '«',
        "raquo" => '»',
        "ldquo" | "rdquo" => '"',
        "hellip" => '…',
        "ndash" => '–',
        "mdash" => '—',
        "deg" => '°',
        "ordm" => 'º',
        "times" => '×',
        "middot" => '·',
        "copy" => '©',
        _ => return None,
    })
}

/// Spaces collapsed inside each line, empty lines dropped.
pub fn tidy_lines(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        let words: Vec<&str> = line
            .split([' ', '\t', '\r', '\u{a0}'])
            .filter(|w| !w.is_empty())
            .collect();
        if words.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(&words.join(" "));
    }
    out
}

/// Whether bytes look like an HTML document rather than text that mentions a tag.
pub fn looks_like_html(text: &str) -> bool {
    let head: String = text
        .chars()
        .take(2048)
        .collect::<String>()
        .to_ascii_lowercase();
    head.contains("<html")
        || head.contains("<!doctype html")
        || head.contains("<body")
        || head.contains("<table")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_stay_lines_and_entities_are_decoded() {
        let html =
            "<html><head><style>td{x}</style></head><body><p>Merci pour votre commande&nbsp;!</p>\
            <table><tr><td>Total&nbsp;TTC</td><td>1&#160;234,56&nbsp;&euro;</td></tr>\
            <tr><td>Livraison pr&eacute;vue</td><td>le 5 novembre</td></tr></table>\
            <script>var total = '0 €';</script><!-- <p>caché</p> --></body></html>";
        let text = html_to_text(html);
        assert_eq!(
            text,
            "Merci pour votre commande !\nTotal TTC 1 234,56 €\nLivraison prévue le 5 novembre"
        );
    }

    #[test]
    fn broken_markup_does_not_panic() {
        for bad in [
            "<",
            "<p",
            "&",
            "&#xFFFFFFFF;",
            "<script>never closed",
            "a &eacute b",
            "<!-- open",
        ] {
            let _ = html_to_text(bad);
        }
        assert_eq!(html_to_text("a &eacute b"), "a &eacute b");
    }
}
