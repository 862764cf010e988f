//! From a document's facts to a proposed dossier (or, for an e-mail dropped on a dossier, a proposed
//! journal entry): who the merchant and the platform are, which values to propose, and where each
//! was read. The person confirms or corrects every value before anything is saved.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;
use ts_rs::TS;

use super::facts::{read_facts, Facts, Read};
use super::{labels, read_document, DocumentKind, DocumentText, IntakeError, Source};
use crate::dossier::validate::fr_date;
use crate::dossier::PaymentMethod;
use crate::platforms::{directory, PlatformEntry};
use crate::rules::model::EventKind;
use crate::store::fold;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
pub struct ProposedMerchant {
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub website: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub email: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub country: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ProposedPlatform {
    pub name: String,
    pub country: String,
    pub directory_id: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
pub struct ProposedOrder {
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub reference: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub date: Option<NaiveDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional, type = "number")]
    pub amount_cents: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub payment_method: Option<PaymentMethod>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub lender: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub promised_delivery_date: Option<NaiveDate>,
}

/// The dossier as `create` takes it, with only what the document says.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
pub struct ProposedDossier {
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub title: Option<String>,
    pub merchant: ProposedMerchant,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub platform: Option<ProposedPlatform>,
    pub order: ProposedOrder,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct DeliveryWindow {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct EmailSummary {
    pub from_name: Option<String>,
    pub from_address: Option<String>,
    pub date: Option<NaiveDate>,
    pub subject: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct AttachmentSummary {
    pub name: String,
    pub mime: String,
    #[ts(type = "number")]
    pub size: usize,
}

/// A proposed dossier with the passage each value was read from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Proposal {
    pub kind: DocumentKind,
    pub dossier: ProposedDossier,
    /// Where each value was read, by its path in `dossier` (« order.reference »).
    pub sources: BTreeMap<String, Source>,
    /// Two days promised (« entre le 5 et le 8 novembre »): the promised date is the last one.
    pub delivery_window: Option<DeliveryWindow>,
    pub email: Option<EmailSummary>,
    pub attachments: Vec<AttachmentSummary>,
    /// Nothing of the order was found: the person types it, as without a document.
    pub found_nothing: bool,
}

/// A journal entry proposed from an e-mail dropped on a dossier.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct EventProposal {
    pub kind: EventKind,
    pub date: Option<NaiveDate>,
    pub note: String,
    pub email: EmailSummary,
    pub attachments: Vec<AttachmentSummary>,
}

/// Reads the document and proposes a dossier.
pub fn propose(bytes: &[u8]) -> Result<Proposal, IntakeError> {
    Ok(propose_from(&read_document(bytes)?))
}

/// The lines put before an e-mail's body so that its headers are read, and shown, like any passage.
fn email_prelude(doc: &DocumentText) -> String {
    let Some(email) = &doc.email else {
        return String::new();
    };
    let mut lines = Vec::new();
    match (&email.from_name, &email.from_address) {
        (Some(n), Some(a)) => lines.push(format!("De : {n} <{a}>")),
        (None, Some(a)) => lines.push(format!("De : {a}")),
        (Some(n), None) => lines.push(format!("De : {n}")),
        (None, None) => {}
    }
    if let Some(d) = email.date {
        lines.push(format!("Date : {}", fr_date(d)));
    }
    if let Some(s) = &email.subject {
        lines.push(format!("Objet : {s}"));
    }
    lines.push(String::new());
    lines.join("\n")
}

/// The part of a host that names the site: « email.fnac.com » → « fnac.com ».
fn registrable(host: &str) -> String {
    let host = host
        .trim_start_matches("https://")
        .trim_start_matches("http://");
    let host = host
        .split(['/', '?', '#'])
        .next()
        .unwrap_or(host)
        .trim_start_matches("www.");
    let labels: Vec<&str> = host.split('.').filter(|l| !l.is_empty()).collect();
    let keep = match labels.as_slice() {
        [.., second, tld] if tld.len() == 2 && matches!(*second, "co" | "com" | "org" | "gouv") => {
            3
        }
        _ => 2,
    };
    labels
        .get(labels.len().saturating_sub(keep)..)
        .unwrap_or(&[])
        .join(".")
}

/// The brand a domain names: « fnac.com » → « fnac ».
fn brand(domain: &str) -> &str {
    domain.split('.').next().unwrap_or(domain)
}

fn platform_of(domain: &str) -> Option<&'static PlatformEntry> {
    let domain = registrable(domain);
    directory().iter().find(|p| {
        let theirs = registrable(&p.domain);
        theirs == domain || (brand(&theirs).len() >= 4 && brand(&theirs) == brand(&domain))
    })
}

fn is_no_reply(address: &str) -> bool {
    let local = address.split('@').next().unwrap_or("");
    labels::NO_REPLY.iter().any(|n| local.contains(n))
}

/// A display name fit to be a merchant's name: « Fnac.com - Service client » → « Fnac.com ».
fn clean_name(name: &str) -> Option<String> {
    let name = name.split(" - ").next().unwrap_or(name);
    let name = name.split(" | ").next().unwrap_or(name).trim();
    (!name.is_empty() && !name.contains('@') && !is_no_reply(&fold(name))).then(|| name.to_owned())
}

fn capitalised(word: &str) -> String {
    let mut c = word.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

struct Builder {
    dossier: ProposedDossier,
    sources: BTreeMap<String, Source>,
}

impl Builder {
    fn source(&mut self, path: &str, source: &Source) {
        self.sources.insert(path.to_owned(), source.clone());
    }
}

/// The source of the « De : » line of an e-mail's prelude.
fn sender_source(prelude: &str, words: &str) -> Option<Source> {
    if words.is_empty() {
        return None;
    }
    let line = prelude.lines().next()?;
    let start = line.find(words)?;
    Some(Source {
        passage: line.to_owned(),
        words: words.to_owned(),
        start,
        end: start + words.len(),
    })
}

/// The text the facts are read from, which the sources' offsets refer to: for an e-mail, its sender,
/// date and subject lines, then its body.
pub fn text_as_read(doc: &DocumentText) -> String {
    format!("{}{}", email_prelude(doc), doc.text)
}

pub fn propose_from(doc: &DocumentText) -> Proposal {
    let prelude = email_prelude(doc);
    let text = format!("{prelude}{}", doc.text);
    let email = doc.email.as_ref();
    let facts: Facts = read_facts(&text, email.and_then(|e| e.date).map(|d| d.year()));
    let mut b = Builder {
        dossier: ProposedDossier::default(),
        sources: BTreeMap::new(),
    };

    // The order.
    let order_date = facts.order_date.clone().or_else(|| {
        // An order confirmation is sent the day of the order: its date is the order's.
        let date = email?.date?;
        let line = prelude.lines().find(|l| l.starts_with("Date : "))?;
        let at = prelude.find(line)?;
        Some(Read {
            value: date,
            source: Source {
                passage: line.to_owned(),
                words: line.trim_start_matches("Date : ").to_owned(),
                start: at + "Date : ".len(),
                end: at + line.len(),
            },
        })
    });
    if let Some(r) = &facts.reference {
        b.dossier.order.reference = Some(r.value.clone());
        b.source("order.reference", &r.source);
    }
    if let Some(d) = &order_date {
        b.dossier.order.date = Some(d.value);
        b.source("order.date", &d.source);
    }
    if let Some(a) = &facts.amount_cents {
        b.dossier.order.amount_cents = Some(a.value);
        b.source("order.amount_cents", &a.source);
    }
    if let Some(p) = &facts.payment {
        b.dossier.order.payment_method = PaymentMethod::parse(&p.value.0);
        b.source("order.payment_method", &p.source);
        if let Some(lender) = &p.value.1 {
            b.dossier.order.lender = Some(lender.clone());
            b.source("order.lender", &p.source);
        }
    }
    let mut delivery_window = None;
    if let Some(d) = &facts.delivery {
        let (from, to) = d.value;
        b.dossier.order.promised_delivery_date = Some(to);
        b.source("order.promised_delivery_date", &d.source);
        if from != to {
            delivery_window = Some(DeliveryWindow { from, to });
        }
    }

    // Who sold, and on which platform.
    let sender_domain = email
        .and_then(|e| e.from_address.as_deref())
        .and_then(|a| a.split('@').nth(1))
        .map(registrable);
    let text_domains = facts.hosts.iter().map(|h| registrable(&h.value)).chain(
        facts
            .emails
            .iter()
            .filter_map(|e| e.value.split('@').nth(1).map(registrable)),
    );
    let platform = match &sender_domain {
        Some(d) => platform_of(d),
        None => text_domains.clone().find_map(|d| platform_of(&d)),
    };
    let marketplace = platform.is_some_and(|p| p.marketplace.value == Some(true));
    let sender_line = prelude.lines().next().unwrap_or("").to_owned();
    let seller = facts.seller.as_ref().filter(|s| {
        // « Vendu et expédié par Amazon » on Amazon: the platform sold it itself.
        let sold_by = fold(&s.value);
        !platform.is_some_and(|p| {
            sold_by.contains(&fold(&p.name)) || sold_by.contains(brand(&registrable(&p.domain)))
        })
    });
    let merchant_is_sender = seller.is_none();
    match (seller, platform) {
        // « Vendu par » someone else on a platform's document: a marketplace sale, two parties.
        (Some(s), Some(p)) => {
            b.dossier.merchant.name = Some(s.value.clone());
            b.source("merchant.name", &s.source);
            b.dossier.platform = Some(ProposedPlatform {
                name: p.name.clone(),
                country: p.country.value.clone().unwrap_or_else(|| "FR".to_owned()),
                directory_id: Some(p.id.clone()),
            });
            if let Some(src) = sender_source(&sender_line, sender_domain.as_deref().unwrap_or("")) {
                b.source("platform.name", &src);
            } else if let Some(src) = facts.hosts.first().map(|h| h.source.clone()) {
                b.source("platform.name", &src);
            }
        }
        (Some(s), None) => {
            b.dossier.merchant.name = Some(s.value.clone());
            b.source("merchant.name", &s.source);
        }
        (None, _) => {
            let from_name = email
                .and_then(|e| e.from_name.as_deref())
                .and_then(clean_name);
            if let Some(name) = from_name {
                if let Some(src) = sender_source(&sender_line, &name) {
                    b.source("merchant.name", &src);
                }
                b.dossier.merchant.name = Some(name);
            } else if let Some(p) = platform {
                b.dossier.merchant.name = Some(p.name.clone());
                if let Some(src) =
                    sender_source(&sender_line, sender_domain.as_deref().unwrap_or(""))
                {
                    b.source("merchant.name", &src);
                }
            } else if let Some(shop) = &facts.shop_name {
                b.dossier.merchant.name = Some(shop.value.clone());
                b.source("merchant.name", &shop.source);
            } else if let Some(d) = &sender_domain {
                b.dossier.merchant.name = Some(capitalised(brand(d)));
                if let Some(src) = sender_source(&sender_line, d) {
                    b.source("merchant.name", &src);
                }
            }
            if let Some(p) = platform.filter(|_| !marketplace) {
                if let Some(country) = &p.country.value {
                    b.dossier.merchant.country = Some(country.clone());
                }
            }
        }
    }

    // How to reach the merchant: only when the merchant is the sender (a marketplace's seller has
    // its own addresses, which the document seldom gives).
    if merchant_is_sender {
        let site = sender_domain
            .clone()
            .or_else(|| text_domains.clone().next());
        if let Some(site) = site {
            let source = sender_source(&sender_line, &site).or_else(|| {
                facts
                    .hosts
                    .iter()
                    .find(|h| registrable(&h.value) == site)
                    .map(|h| h.source.clone())
            });
            if let Some(source) = source {
                b.dossier.merchant.website = Some(format!("https://www.{site}"));
                b.source("merchant.website", &source);
            }
        }
        let reply_to = email
            .and_then(|e| e.from_address.as_deref())
            .filter(|a| !is_no_reply(a))
            .and_then(|a| sender_source(&sender_line, a).map(|s| (a.to_owned(), s)))
            .or_else(|| {
                facts
                    .emails
                    .iter()
                    .find(|e| {
                        let local = e.value.split('@').next().unwrap_or("");
                        !is_no_reply(&e.value)
                            && labels::SERVICE_ADDRESS.iter().any(|s| local.contains(s))
                    })
                    .map(|e| (e.value.clone(), e.source.clone()))
            });
        if let Some((address, source)) = reply_to {
            b.dossier.merchant.email = Some(address);
            b.source("merchant.email", &source);
        }
    }

    b.dossier.title = b.dossier.merchant.name.as_ref().map(|name| {
        match (&b.dossier.order.reference, &b.dossier.order.date) {
            (Some(r), _) => format!("{name} – commande {r}"),
            (None, Some(d)) => format!("{name} – commande du {}", fr_date(*d)),
            (None, None) => format!("{name} – commande"),
        }
    });
    let o = &b.dossier.order;
    let found_nothing = o.reference.is_none()
        && facts.order_date.is_none()
        && o.amount_cents.is_none()
        && o.promised_delivery_date.is_none()
        && facts.seller.is_none();
    Proposal {
        kind: doc.kind,
        dossier: b.dossier,
        sources: b.sources,
        delivery_window,
        email: email.map(summary),
        attachments: attachments(doc),
        found_nothing,
    }
}

fn summary(e: &super::Email) -> EmailSummary {
    EmailSummary {
        from_name: e.from_name.clone(),
        from_address: e.from_address.clone(),
        date: e.date,
        subject: e.subject.clone(),
    }
}

fn attachments(doc: &DocumentText) -> Vec<AttachmentSummary> {
    doc.email
        .iter()
        .flat_map(|e| &e.attachments)
        .map(|a| AttachmentSummary {
            name: a.name.clone(),
            mime: a.mime.clone(),
            size: a.bytes.len(),
        })
        .collect()
}

/// An e-mail dropped on a dossier: the person's own message (sent from their address) is the
/// complaint they sent; any other is the merchant's answer. Dated from its Date header.
pub fn propose_event(doc: &DocumentText, own_address: Option<&str>) -> Option<EventProposal> {
    let email = doc.email.as_ref()?;
    let mine = match (own_address, email.from_address.as_deref()) {
        (Some(own), Some(from)) => own.trim().eq_ignore_ascii_case(from),
        _ => false,
    };
    let who = email
        .from_name
        .clone()
        .or_else(|| email.from_address.clone())
        .unwrap_or_else(|| "expéditeur inconnu".to_owned());
    let subject = email
        .subject
        .as_deref()
        .filter(|s| !s.is_empty())
        .unwrap_or("(sans objet)");
    let (kind, note) = if mine {
        (
            EventKind::ComplaintSent,
            format!("E-mail envoyé : « {subject} »"),
        )
    } else {
        (
            EventKind::MerchantReplied,
            format!("E-mail de {who} : « {subject} »"),
        )
    };
    Some(EventProposal {
        kind,
        date: email.date,
        note,
        email: summary(email),
        attachments: attachments(doc),
    })
}
