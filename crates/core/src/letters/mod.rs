//! Letters: a draft composed from the dossier, its journal and its assessment (so the articles,
//! amounts and dates are the ones the wizard shows), edited by the person, then turned into a
//! `LetterDoc` ready for typesetting. No PDF here: the documents crate typesets.

pub mod docs;
pub mod field_sheets;
pub mod kinds;
pub mod sender;
pub mod texts;
pub mod typo;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use kinds::LetterKind;
pub use sender::SenderIdentity;

use crate::countries;
use crate::dossier::validate::fr_date;
use crate::dossier::Dossier;
use crate::error::{CoreError, CoreResult, FieldError};
use crate::events::Event;
use crate::evidence::{Category, Piece};
use crate::rules::law;
use crate::rules::model::{Assessment, EventKind, LegalRef};
use texts::TO_COMPLETE;
use typo::{euros, french_spacing, tidy};

/// Everything a letter is written from.
pub struct LetterContext<'a> {
    pub dossier: &'a Dossier,
    pub events: &'a [Event],
    pub assessment: &'a Assessment,
    pub sender: &'a SenderIdentity,
    pub pieces: &'a [Piece],
    pub today: NaiveDate,
}

/// A letter as first written, for the person to read and edit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct LetterDraft {
    pub kind: LetterKind,
    pub label: String,
    pub sender: Vec<String>,
    /// Editable: name and postal address of the recipient, one line each.
    pub recipient: String,
    /// "Lyon, le 24 novembre 2026"
    pub place_date: String,
    pub registered: bool,
    /// Editable.
    pub object: String,
    pub references: Vec<String>,
    /// Editable: paragraphs separated by an empty line.
    pub body: String,
    pub signature: String,
    /// Editable: the enclosed pieces, one per line.
    pub enclosures: String,
    /// The articles the letter relies on, with their sources.
    pub legal: Vec<LegalRef>,
    /// The journal event to record once the letter is sent.
    pub sent_event: EventKind,
    /// Days granted to the merchant (formal notices), for that event.
    pub deadline_days: Option<u32>,
    /// What the person still has to write by hand (shown as "[à compléter : …]" in the text).
    pub to_complete: Vec<String>,
    /// What to check before sending (a withdrawal that looks late, a question left open): shown
    /// above the text, never printed.
    pub warnings: Vec<String>,
    /// The text as the person last left it in the window, when they changed it: it is taken up
    /// again rather than the fresh draft, so that closing the window never loses their work.
    pub saved: Option<SavedLetterEdit>,
}

/// An edit kept between two openings of the letter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SavedLetterEdit {
    pub edit: LetterEdit,
    /// RFC 3339, UTC.
    pub saved_at: String,
}

/// What the person changed in the draft.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct LetterEdit {
    pub recipient: String,
    pub object: String,
    pub body: String,
    pub enclosures: String,
}

/// A letter ready to typeset: French spacing applied, paragraphs split. Plain data (the template
/// prints strings as text, so `#`, `$`, `*`, `_` or `<` appear literally).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LetterDoc {
    pub title: String,
    pub sender: Vec<String>,
    pub recipient: Vec<String>,
    pub place_date: String,
    pub registered: Option<String>,
    pub object: String,
    pub references: Vec<String>,
    /// Each paragraph as its lines (a single line break inside a paragraph is kept).
    pub paragraphs: Vec<Vec<String>>,
    pub signature: String,
    pub enclosures: Vec<String>,
    /// Small print at the bottom: the articles cited, and that Recours wrote the draft.
    pub sources: Vec<String>,
}

const MAX_BODY: usize = 30_000;
const MAX_OBJECT: usize = 300;
const MAX_RECIPIENT_LINES: usize = 8;

/// "Pièce n° 3 — Facture du 12/03/2026"
pub fn piece_line(number: usize, piece: &Piece) -> String {
    match piece.document_date {
        Some(d) => format!(
            "Pièce n° {number} — {} du {}",
            piece.title,
            d.format("%d/%m/%Y")
        ),
        None => format!("Pièce n° {number} — {}", piece.title),
    }
}

/// The merchant's name and address block (country added when not France).
fn merchant_block(dossier: &Dossier) -> Option<String> {
    let m = &dossier.merchant;
    let address = m.postal_address.as_deref().map(str::trim).unwrap_or("");
    if address.is_empty() {
        return None;
    }
    // A company's customer service; a private person by name.
    let mut lines = vec![if m.status == crate::dossier::SellerStatus::Private {
        m.name.clone()
    } else {
        format!("{} — Service clients", m.name)
    }];
    lines.extend(
        address
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_owned),
    );
    if m.country != "FR" {
        if let Some(c) = countries::by_code(&m.country) {
            lines.push(c.name.to_uppercase());
        }
    }
    Some(lines.join("\n"))
}

fn recipient(kind: LetterKind, dossier: &Dossier) -> Option<String> {
    let m = &dossier.merchant;
    Some(match kind {
        LetterKind::MediatorReferral if m.fevad_mediator == Some(true) => {
            "Médiateur du e-commerce de la FEVAD\nBP 20015\n75362 Paris Cedex 8".into()
        }
        LetterKind::MediatorReferral => format!(
            "{}\n{TO_COMPLETE} : adresse du médiateur, dans les conditions générales du vendeur]",
            m.mediator_name
                .as_deref()
                .filter(|n| !n.trim().is_empty())
                .unwrap_or("Médiateur de la consommation")
        ),
        LetterKind::ConciliatorReferral => format!(
            "Conciliateur de justice\n{TO_COMPLETE} : adresse de la permanence, sur www.conciliateurs.fr]"
        ),
        LetterKind::PlatformClaim => platform_block(dossier),
        LetterKind::BankDispute if dossier.order.payment_method == crate::dossier::PaymentMethod::Paypal => format!(
            "PayPal (Europe) S.à r.l. et Cie, S.C.A.\n{TO_COMPLETE} : adresse indiquée dans les conditions d'utilisation de PayPal]"
        ),
        LetterKind::BankDispute | LetterKind::TransferRecall => format!(
            "{TO_COMPLETE} : nom de votre banque]\n{TO_COMPLETE} : adresse de votre agence]"
        ),
        // Pasted in PayPal's Resolution Center: no postal address to find.
        LetterKind::PaypalDispute => "PayPal — Centre des résolutions\n(à coller dans votre compte PayPal)".into(),
        LetterKind::LenderRequest => format!(
            "{} — Service clients\n{TO_COMPLETE} : adresse du service réclamations, dans ses conditions générales]",
            dossier
                .order
                .lender
                .as_deref()
                .unwrap_or("[à compléter : nom de l'organisme de paiement fractionné]")
        ),
        _ => return merchant_block(dossier),
    })
}

/// The platform's name and address. An address from Recours' directory was found in a public copy,
/// not confirmed: the person checks it in the site's legal notice before sending.
fn platform_block(dossier: &Dossier) -> String {
    let Some(p) = &dossier.platform else {
        return format!("{TO_COMPLETE} : nom et adresse de la plateforme]");
    };
    let entry = p.directory_id.as_deref().and_then(crate::platforms::by_id);
    let name = entry
        .and_then(|e| e.entity.value.clone())
        .filter(|_| entry.is_some_and(|e| e.entity.verified))
        .unwrap_or_else(|| p.name.clone());
    let address = p
        .postal_address
        .as_deref()
        .map(str::trim)
        .filter(|a| !a.is_empty());
    match (address, entry.and_then(|e| e.address.value.as_deref())) {
        (Some(own), _) => format!("{name}\n{own}"),
        (None, Some(found)) => format!(
            "{name}\n{}\n{TO_COMPLETE} : adresse trouvée dans une copie publique, à vérifier dans les mentions légales du site, puis supprimez ce passage]",
            found.replace(", ", "\n")
        ),
        (None, None) => format!(
            "{name}\n{TO_COMPLETE} : adresse de la plateforme, dans ses mentions légales — ou envoyez ce texte par son formulaire en ligne]"
        ),
    }
}

/// The "[à compléter : …]" marks left in a text.
fn placeholders(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find(TO_COMPLETE) {
        let after = &rest[start..];
        let end = after.find(']').map(|e| e + 1).unwrap_or(after.len());
        found.push(after[..end].to_owned());
        rest = &after[end..];
    }
    found
}

/// Writes the first draft of `kind` for this dossier, or says what must be filled in first.
pub fn compose(kind: LetterKind, ctx: &LetterContext<'_>) -> CoreResult<LetterDraft> {
    let d = ctx.dossier;
    if !kind.fits(d) {
        return Err(CoreError::InvalidInput(format!(
            "Le courrier « {} » ne correspond pas à ce dossier.",
            kind.label()
        )));
    }
    let mut missing = ctx.sender.missing_for_letter();
    let to = recipient(kind, d);
    if to.is_none() {
        missing.push(FieldError::new(
            "merchant.postal_address",
            "Indiquez l'adresse postale du vendeur (dossier → « Modifier » → Vendeur) : elle figure dans les mentions légales ou les conditions générales du site",
        ));
    }
    if !missing.is_empty() {
        return Err(CoreError::LetterIncomplete(missing));
    }
    let body = texts::body(kind, ctx);
    let mut references = Vec::new();
    if kind != LetterKind::MediatorReferral && kind != LetterKind::ConciliatorReferral {
        let reference = d
            .order
            .reference
            .as_deref()
            .map(|r| format!("Commande n° {r} du "))
            .unwrap_or_else(|| "Commande du ".into());
        references.push(format!(
            "{reference}{} — {}",
            fr_date(d.order.date),
            euros(d.order.amount_cents)
        ));
    }
    if let Some(siren) = d
        .merchant
        .siren_siret
        .as_deref()
        .filter(|_| kind.to_merchant())
    {
        references.push(format!("{} — SIREN/SIRET {siren}", d.merchant.name));
    }
    let enclosures = ctx
        .pieces
        .iter()
        .filter(|p| p.category != Category::Letter)
        .enumerate()
        .map(|(i, p)| piece_line(i + 1, p))
        .collect::<Vec<_>>()
        .join("\n");
    let recipient = to.unwrap_or_default();
    let text = body.paragraphs.join("\n\n");
    let mut to_complete: Vec<String> = placeholders(&recipient);
    to_complete.extend(placeholders(&text));
    let mut legal: Vec<LegalRef> = Vec::new();
    for id in &body.rules {
        let l = law::legal(id);
        if !legal.iter().any(|x| x.citation == l.citation) {
            legal.push(l);
        }
    }
    Ok(LetterDraft {
        kind,
        label: kind.label().into(),
        sender: ctx.sender.lines(),
        recipient,
        place_date: format!("{}, le {}", ctx.sender.city, fr_date(ctx.today)),
        registered: kind.registered(),
        object: body.object,
        references,
        body: text,
        signature: ctx.sender.name.clone(),
        enclosures,
        legal,
        sent_event: kind.sent_event(),
        deadline_days: (kind.sent_event() == EventKind::FormalNoticeSent)
            .then_some(crate::rules::DEFAULT_NOTICE_DAYS),
        to_complete,
        warnings: body.warnings,
        saved: None,
    })
}

/// Applies the person's edits to a fresh draft and makes the letter ready to typeset; refuses while
/// a "[à compléter : …]" mark is left or a part is empty or too long.
pub fn finish(draft: &LetterDraft, edit: &LetterEdit) -> CoreResult<LetterDoc> {
    let recipient = tidy(&edit.recipient);
    let object = tidy(&edit.object).replace('\n', " ");
    let body = tidy(&edit.body);
    let enclosures = tidy(&edit.enclosures);
    let mut errors = Vec::new();
    if recipient.is_empty() {
        errors.push(FieldError::new(
            "recipient",
            "Indiquez le destinataire (nom et adresse)",
        ));
    } else if recipient.lines().count() > MAX_RECIPIENT_LINES {
        errors.push(FieldError::new(
            "recipient",
            format!("Le destinataire tient en {MAX_RECIPIENT_LINES} lignes au plus (fenêtre de l'enveloppe)"),
        ));
    }
    if object.is_empty() {
        errors.push(FieldError::new("object", "Indiquez l'objet du courrier"));
    } else if object.chars().count() > MAX_OBJECT {
        errors.push(FieldError::new(
            "object",
            format!("L'objet dépasse {MAX_OBJECT} caractères"),
        ));
    }
    if body.is_empty() {
        errors.push(FieldError::new("body", "Le texte du courrier est vide"));
    } else if body.chars().count() > MAX_BODY {
        errors.push(FieldError::new(
            "body",
            format!("Le texte dépasse {MAX_BODY} caractères"),
        ));
    }
    for (field, text) in [
        ("recipient", &recipient),
        ("object", &object),
        ("body", &body),
        ("enclosures", &enclosures),
    ] {
        for mark in placeholders(text) {
            let what = mark
                .trim_start_matches(TO_COMPLETE)
                .trim_start_matches([' ', ':'])
                .trim_end_matches(']')
                .trim();
            errors.push(FieldError::new(
                field,
                format!("complétez « {what} » dans le courrier (le passage entre crochets)"),
            ));
        }
    }
    if !errors.is_empty() {
        return Err(CoreError::LetterIncomplete(errors));
    }
    let fr = |s: &str| french_spacing(s);
    let lines = |s: &str| -> Vec<String> {
        s.lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(fr)
            .collect()
    };
    let sources = group_citations(draft.legal.iter().map(|l| l.citation));
    Ok(LetterDoc {
        title: fr(&draft.label),
        sender: draft.sender.iter().map(|l| fr(l)).collect(),
        recipient: lines(&recipient),
        place_date: fr(&draft.place_date),
        registered: draft
            .registered
            .then(|| "Lettre recommandée avec accusé de réception".to_owned()),
        object: fr(&object),
        references: draft.references.iter().map(|l| fr(l)).collect(),
        paragraphs: body
            .split("\n\n")
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(lines)
            .collect(),
        signature: fr(&draft.signature),
        enclosures: lines(&enclosures),
        sources,
    })
}

/// "Code de la consommation, art. L216-1" + "…, art. L216-6" → "Code de la consommation, art. L216-1, L216-6"
fn group_citations<'a>(citations: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut groups: Vec<(String, Vec<String>)> = Vec::new();
    for c in citations {
        let (code, article) = match c.split_once(", art. ") {
            Some((code, art)) => (code.to_owned(), art.to_owned()),
            None => (c.to_owned(), String::new()),
        };
        match groups.iter_mut().find(|(g, _)| *g == code) {
            Some((_, arts)) if !article.is_empty() => {
                if !arts.contains(&article) {
                    arts.push(article)
                }
            }
            Some(_) => {}
            None => groups.push((
                code,
                [article].into_iter().filter(|a| !a.is_empty()).collect(),
            )),
        }
    }
    groups
        .into_iter()
        .map(|(code, arts)| {
            if arts.is_empty() {
                code
            } else {
                format!("{code}, art. {}", arts.join(", "))
            }
        })
        .collect()
}

impl LetterDraft {
    /// The draft as it stands, unedited.
    pub fn as_edit(&self) -> LetterEdit {
        LetterEdit {
            recipient: self.recipient.clone(),
            object: self.object.clone(),
            body: self.body.clone(),
            enclosures: self.enclosures.clone(),
        }
    }

    /// "Mise en demeure de livrer — 24/11/2026.pdf"
    pub fn file_name(&self, today: NaiveDate) -> String {
        let label: String = self
            .label
            .chars()
            .map(|c| if "/\\:*?\"<>|".contains(c) { '-' } else { c })
            .collect();
        format!("{label} — {}.pdf", today.format("%Y-%m-%d"))
    }
}
