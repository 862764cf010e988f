//! A saved e-mail (`.eml`, RFC 5322 with MIME) read with mail-parser: its sender, date and subject,
//! its readable text (the plain part, or the HTML one made plain), and its attachments.

use chrono::{FixedOffset, NaiveDate, TimeZone};
use mail_parser::{MessageParser, MimeHeaders, PartType};

use super::html::{html_to_text, tidy_lines};
use super::IntakeError;

/// More parts than any real order confirmation or reply has: a crafted file is refused whole.
pub const MAX_PARTS: usize = 500;
/// Attachments offered as pieces, at most.
pub const MAX_ATTACHMENTS: usize = 50;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Email {
    pub from_name: Option<String>,
    pub from_address: Option<String>,
    /// The day in the sender's own time zone, as the Date header writes it.
    pub date: Option<NaiveDate>,
    pub subject: Option<String>,
    pub text: String,
    pub attachments: Vec<Attachment>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Attachment {
    pub name: String,
    pub mime: String,
    pub bytes: Vec<u8>,
}

/// Whether the bytes start like an e-mail: header lines, one of them From, Date or Subject.
pub fn looks_like_email(bytes: &[u8]) -> bool {
    let head = String::from_utf8_lossy(bytes.get(..4096).unwrap_or(bytes)).to_ascii_lowercase();
    let mut headers = 0;
    for line in head.lines().take(60) {
        if line.is_empty() {
            break;
        }
        if [
            "from:",
            "date:",
            "subject:",
            "to:",
            "message-id:",
            "mime-version:",
            "received:",
            "return-path:",
        ]
        .iter()
        .any(|h| line.starts_with(h))
        {
            headers += 1;
        }
    }
    headers >= 2
}

/// The name an attachment is kept under: the sender chose it, so it is only a name (no folder, no
/// control character, not `..`), of a sensible length; « piece-jointe » when nothing is left.
pub fn attachment_name(raw: Option<&str>) -> String {
    let last = raw
        .unwrap_or_default()
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or_default();
    let clean: String = last.chars().filter(|c| !c.is_control()).take(200).collect();
    let clean = clean.trim();
    if clean.is_empty() || clean.chars().all(|c| c == '.') {
        "piece-jointe".to_owned()
    } else {
        clean.to_owned()
    }
}

pub fn read_email(bytes: &[u8]) -> Result<Email, IntakeError> {
    let message = MessageParser::default()
        .parse(bytes)
        .ok_or(IntakeError::Unreadable("un e-mail"))?;
    if message.parts.len() > MAX_PARTS {
        return Err(IntakeError::TooComplex(format!(
            "cet e-mail a {} parties (au plus {MAX_PARTS})",
            message.parts.len()
        )));
    }
    let from = message.from().and_then(|a| a.first());
    let date = message.date().and_then(|d| {
        let offset = (i32::from(d.tz_hour) * 3600 + i32::from(d.tz_minute) * 60)
            * if d.tz_before_gmt { -1 } else { 1 };
        let tz = FixedOffset::east_opt(offset)?;
        tz.timestamp_opt(d.to_timestamp(), 0)
            .single()
            .map(|t| t.date_naive())
    });
    // The plain part as written; an HTML-only message is made plain here (rows stay lines), not by
    // the parser's own conversion, which runs a table into one line.
    let text = match message.text_part(0).map(|p| &p.body) {
        Some(PartType::Text(plain)) if !plain.trim().is_empty() => tidy_lines(plain),
        _ => match message.html_part(0).map(|p| &p.body) {
            Some(PartType::Html(html)) => html_to_text(html),
            Some(PartType::Text(plain)) => tidy_lines(plain),
            _ => String::new(),
        },
    };
    let attachments = message
        .attachments()
        .filter(|p| !p.is_message())
        .take(MAX_ATTACHMENTS)
        .map(|part| Attachment {
            name: attachment_name(part.attachment_name()),
            mime: part
                .content_type()
                .map(|ct| format!("{}/{}", ct.ctype(), ct.subtype().unwrap_or("octet-stream")))
                .unwrap_or_else(|| "application/octet-stream".to_owned()),
            bytes: part.contents().to_vec(),
        })
        .collect();
    Ok(Email {
        from_name: from
            .and_then(|a| a.name())
            .map(|n| n.trim().trim_matches('"').trim().to_owned())
            .filter(|n| !n.is_empty()),
        from_address: from
            .and_then(|a| a.address())
            .map(|a| a.trim().to_ascii_lowercase()),
        date,
        subject: message.subject().map(|s| s.trim().to_owned()),
        text,
        attachments,
    })
}

#[cfg(test)]
mod tests {
    use super::attachment_name;

    #[test]
    fn an_attachment_name_is_only_a_name() {
        assert_eq!(attachment_name(Some("facture.pdf")), "facture.pdf");
        assert_eq!(
            attachment_name(Some("../../.config/autostart/x.desktop")),
            "x.desktop"
        );
        assert_eq!(attachment_name(Some("C:\\Users\\a\\bon.pdf")), "bon.pdf");
        assert_eq!(attachment_name(Some("bon\u{0}\r\n.pdf")), "bon.pdf");
        assert_eq!(attachment_name(Some("..")), "piece-jointe");
        assert_eq!(attachment_name(Some("dir/")), "piece-jointe");
        assert_eq!(attachment_name(None), "piece-jointe");
        assert_eq!(attachment_name(Some(&"a".repeat(500))).len(), 200);
    }
}
