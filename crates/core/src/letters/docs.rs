//! The court-ready documents besides letters: the dossier summary (00-synthese.pdf) and the numbered
//! list of pieces (01-bordereau-de-pieces.pdf); the field sheets for the official forms are in
//! `field_sheets`.
//! Plain data built from the dossier and its assessment; the documents crate typesets it.

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

pub use super::field_sheets::{field_sheet, CourtForm, FieldSheetDoc};
use super::typo::{euros, french_spacing};
use super::{piece_line, SenderIdentity};
use crate::countries;
use crate::dossier::validate::fr_date;
use crate::dossier::{Dossier, PaymentMethod, Problem};
use crate::events::Event;
use crate::evidence::Piece;
use crate::rules::model::{Assessment, Goal, StepStatus};

/// A label and its value, one row of a table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Row {
    pub label: String,
    pub value: String,
}

pub(super) fn row(label: &str, value: impl Into<String>) -> Row {
    Row {
        label: french_spacing(label),
        value: french_spacing(&value.into()),
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Section {
    pub heading: String,
    pub rows: Vec<Row>,
    /// A short paragraph under the heading, if any.
    pub note: Option<String>,
}

/// 00-synthese.pdf
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SummaryDoc {
    pub title: String,
    pub subtitle: String,
    pub sections: Vec<Section>,
    pub caution: String,
}

/// One line of the bordereau.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BordereauEntry {
    pub number: usize,
    /// "Pièce n° 1 — Bon de commande du 12/03/2026"
    pub line: String,
    pub file_name: String,
    pub size: String,
    pub sha256: String,
}

/// 01-bordereau-de-pieces.pdf
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BordereauDoc {
    pub title: String,
    pub parties: Vec<Row>,
    pub entries: Vec<BordereauEntry>,
    pub note: String,
    pub place_date: String,
}

/// Everything the summary, bordereau and field sheets are made from.
pub struct DossierFacts<'a> {
    pub dossier: &'a Dossier,
    pub events: &'a [Event],
    pub assessment: &'a Assessment,
    pub sender: &'a SenderIdentity,
    pub today: NaiveDate,
}

pub(super) const CAUTION: &str = "Document préparé avec Recours à partir des informations saisies par l'utilisateur. Recours n'est pas un avocat et ne garantit aucun résultat ; chaque règle citée renvoie à son texte officiel.";

pub(super) fn problem_text(p: Problem) -> &'static str {
    match p {
        Problem::NonDelivery => "Commande jamais livrée",
        Problem::NonConforming => "Bien non conforme ou abîmé",
        Problem::WithdrawalRefund => "Remboursement non reçu après une rétractation",
        Problem::HiddenDefect => "Vice caché",
        Problem::UnauthorizedPayment => "Paiement non autorisé",
        Problem::Scam => "Site frauduleux ou vendeur injoignable",
        Problem::Service => "Abonnement ou service en ligne",
        Problem::DigitalContent => "Contenu numérique",
        Problem::Other => "Autre litige",
    }
}

pub(super) fn payment_text(p: PaymentMethod) -> &'static str {
    match p {
        PaymentMethod::Card => "Carte bancaire",
        PaymentMethod::Paypal => "PayPal",
        PaymentMethod::Transfer => "Virement",
        PaymentMethod::Bnpl => "Paiement fractionné",
        PaymentMethod::Other => "Autre moyen",
    }
}

pub(super) fn merchant_rows(d: &Dossier) -> Vec<Row> {
    let m = &d.merchant;
    let mut rows = vec![row("Nom", &m.name)];
    if let Some(a) = m.postal_address.as_deref().filter(|a| !a.trim().is_empty()) {
        rows.push(row("Adresse", a.replace('\n', ", ")));
    }
    rows.push(row(
        "Pays",
        countries::by_code(&m.country)
            .map(|c| c.name)
            .unwrap_or(&m.country),
    ));
    if let Some(s) = &m.siren_siret {
        rows.push(row("SIREN / SIRET", s));
    }
    for (label, value) in [
        ("Site", &m.website),
        ("E-mail", &m.email),
        ("Téléphone", &m.phone),
    ] {
        if let Some(v) = value.as_deref().filter(|v| !v.is_empty()) {
            rows.push(row(label, v));
        }
    }
    rows
}

pub(super) fn sender_rows(s: &SenderIdentity) -> Vec<Row> {
    let mut rows = vec![row("Nom", &s.name)];
    let address = [
        s.address.replace('\n', ", "),
        format!("{} {}", s.postal_code, s.city).trim().to_owned(),
    ]
    .into_iter()
    .filter(|l| !l.is_empty())
    .collect::<Vec<_>>()
    .join(", ");
    rows.push(row("Adresse", address));
    if !s.email.is_empty() {
        rows.push(row("E-mail", &s.email));
    }
    if !s.phone.is_empty() {
        rows.push(row("Téléphone", &s.phone));
    }
    rows
}

fn order_rows(d: &Dossier) -> Vec<Row> {
    let o = &d.order;
    let mut rows = vec![row("Problème", problem_text(d.problem))];
    if let Some(r) = &o.reference {
        rows.push(row("Référence de commande", r));
    }
    rows.push(row("Date de commande", fr_date(o.date)));
    rows.push(row("Montant payé", euros(o.amount_cents)));
    rows.push(row("Paiement", payment_text(o.payment_method)));
    if let Some(p) = o.promised_delivery_date {
        rows.push(row("Livraison promise", fr_date(p)));
    }
    if let Some(r) = o.delivered_date {
        rows.push(row("Reçu le", fr_date(r)));
    }
    rows.push(row(
        "Demande",
        match d.goal {
            Goal::Refund => "Être remboursé",
            Goal::Performance => "Obtenir le bien (livraison, réparation ou remplacement)",
        },
    ));
    if !d.description.trim().is_empty() {
        rows.push(row("Description", d.description.trim()));
    }
    rows
}

fn penalty_rows(a: &Assessment) -> Option<Section> {
    let p = a.penalty.as_ref()?;
    Some(Section {
        heading: format!("Majoration légale ({})", p.basis),
        rows: vec![
            row("Somme due", euros(p.principal_cents)),
            row("Échéance du remboursement", fr_date(p.due_date)),
            row("Jours de retard", p.days_late.to_string()),
            row("Majoration", euros(p.increase_cents)),
            row("Total dû", euros(p.total_due_cents)),
            row("Fondement", p.legal.citation),
        ],
        note: Some(french_spacing(&format!(
            "{}{}",
            p.explanation,
            if p.verified { "" } else { " (à vérifier)" }
        ))),
    })
}

/// 00-synthese.pdf: the facts, the chronology, where the dossier stands, deadlines and penalty.
pub fn summary(f: &DossierFacts<'_>) -> SummaryDoc {
    let d = f.dossier;
    let a = f.assessment;
    let mut sections = vec![
        Section {
            heading: "Consommateur".into(),
            rows: sender_rows(f.sender),
            note: None,
        },
        Section {
            heading: "Vendeur".into(),
            rows: merchant_rows(d),
            note: None,
        },
        Section {
            heading: "La commande et le litige".into(),
            rows: order_rows(d),
            note: None,
        },
    ];
    let mut events: Vec<&Event> = f.events.iter().collect();
    events.sort_by_key(|e| (e.date, e.id));
    sections.push(Section {
        heading: "Chronologie".into(),
        rows: std::iter::once(row("Commande", fr_date(d.order.date)))
            .map(|r| Row {
                label: fr_date(d.order.date),
                value: r.label,
            })
            .chain(events.iter().map(|e| {
                let mut text = e.kind.label().to_owned();
                if let Some(n) = &e.tracking_number {
                    text.push_str(&format!(" — recommandé n° {n}"));
                }
                if let Some(c) = e.amount_cents {
                    text.push_str(&format!(" — {}", euros(c)));
                }
                if !e.note.is_empty() {
                    text.push_str(&format!(" — {}", e.note));
                }
                row(&fr_date(e.date), text)
            }))
            .collect(),
        note: None,
    });
    if let Some(step) = a.steps.iter().find(|s| s.status == StepStatus::Current) {
        sections.push(Section {
            heading: format!("Étape en cours : {}", step.title),
            rows: Vec::new(),
            note: Some(french_spacing(&step.what_to_do)),
        });
    }
    sections.push(Section {
        heading: "Délais".into(),
        rows: a
            .deadlines
            .iter()
            .map(|dl| {
                row(
                    &fr_date(dl.date),
                    format!(
                        "{} ({}){}{}",
                        dl.label,
                        dl.legal.citation,
                        if dl.passed { " — dépassé" } else { "" },
                        if dl.legal.verified {
                            ""
                        } else {
                            " — à vérifier"
                        }
                    ),
                )
            })
            .collect(),
        note: None,
    });
    sections.extend(penalty_rows(a));
    sections.push(Section {
        heading: format!("Voie judiciaire envisagée : {}", a.court.title),
        rows: a
            .court
            .form
            .iter()
            .map(|form| row("Formulaire", form))
            .chain(std::iter::once(row("Où", &a.court.where_to_file)))
            .collect(),
        note: Some(french_spacing(&a.court.explanation)),
    });
    SummaryDoc {
        title: french_spacing(&format!("Synthèse du dossier : {}", d.title)),
        subtitle: format!("Établie le {}", fr_date(f.today)),
        sections,
        caution: french_spacing(CAUTION),
    }
}

/// A piece as exported: its number and the name of its copy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExportEntry {
    pub number: usize,
    pub piece: Piece,
    /// "Piece-01-facture-mars.pdf"
    pub file_name: String,
}

/// "Facture de mars (2) !" → "facture-de-mars-2"
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in crate::store::fold::fold(text).chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out: String = out.trim_end_matches('-').chars().take(50).collect();
    let out = out.trim_end_matches('-').to_owned();
    if out.is_empty() {
        "piece".into()
    } else {
        out
    }
}

/// The extension the copy gets: the original one when it has one, else one from the sniffed type.
fn extension(piece: &Piece) -> String {
    if let Some((_, ext)) = piece.original_name.rsplit_once('.') {
        if !ext.is_empty() && ext.len() <= 5 && ext.chars().all(|c| c.is_ascii_alphanumeric()) {
            return ext.to_ascii_lowercase();
        }
    }
    match piece.mime.as_str() {
        "application/pdf" => "pdf",
        "image/jpeg" => "jpg",
        "image/png" => "png",
        "text/plain" => "txt",
        "message/rfc822" => "eml",
        _ => "bin",
    }
    .into()
}

/// Numbers the chosen pieces in the chosen order and names their copies.
pub fn export_entries(pieces: Vec<Piece>) -> Vec<ExportEntry> {
    let width = if pieces.len() >= 100 { 3 } else { 2 };
    pieces
        .into_iter()
        .enumerate()
        .map(|(i, piece)| ExportEntry {
            number: i + 1,
            file_name: format!(
                "Piece-{:0width$}-{}.{}",
                i + 1,
                slug(&piece.title),
                extension(&piece)
            ),
            piece,
        })
        .collect()
}

fn human_size(bytes: u64) -> String {
    match bytes {
        b if b < 1_000 => format!("{b} octets"),
        b if b < 1_000_000 => format!("{:.0} ko", b as f64 / 1e3),
        b => format!("{:.1} Mo", b as f64 / 1e6).replace('.', ","),
    }
}

/// 01-bordereau-de-pieces.pdf: exactly the exported pieces, in order, with their SHA-256.
pub fn bordereau(f: &DossierFacts<'_>, entries: &[ExportEntry]) -> BordereauDoc {
    BordereauDoc {
        title: "Bordereau de communication de pièces".into(),
        parties: vec![
            row("Demandeur", &f.sender.name),
            row("Défendeur", &f.dossier.merchant.name),
            row("Affaire", &f.dossier.title),
        ],
        entries: entries
            .iter()
            .map(|e| BordereauEntry {
                number: e.number,
                line: french_spacing(&piece_line(e.number, &e.piece)),
                file_name: e.file_name.clone(),
                size: human_size(e.piece.size),
                sha256: e.piece.sha256.to_string(),
            })
            .collect(),
        note: french_spacing("Chaque pièce est jointe dans le fichier indiqué. Son empreinte SHA-256 permet à chacun de vérifier qu'elle n'a pas été modifiée : sha256sum <fichier> (Linux), shasum -a 256 <fichier> (macOS) ou certutil -hashfile <fichier> SHA256 (Windows)."),
        place_date: if f.sender.city.is_empty() {
            format!("Le {}", fr_date(f.today))
        } else {
            format!("{}, le {}", f.sender.city, fr_date(f.today))
        },
    }
}

/// Where the export stands, for a progress bar.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ExportProgress {
    #[ts(type = "number")]
    pub done_bytes: u64,
    #[ts(type = "number")]
    pub total_bytes: u64,
    /// The file being written.
    pub current: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ExportReport {
    /// The folder or ZIP file made.
    pub path: String,
    /// Pieces copied (the two PDFs besides).
    pub pieces: usize,
    #[ts(type = "number")]
    pub bytes: u64,
}
