//! Checks on what a person typed, with messages in plain French naming the field.
//! The same checks run for the window and the CLI; SQLite's CHECK constraints are the last line.

use chrono::NaiveDate;

use super::{DossierInput, Problem, Status, StatusChange};
use crate::countries;
use crate::error::{CoreError, CoreResult, FieldError};

pub const MAX_TITLE: usize = 200;
pub const MAX_NAME: usize = 200;
pub const MAX_SHORT: usize = 300;
pub const MAX_LONG: usize = 20_000;
/// 10 million euros: far above any consumer purchase, low enough to catch a typo in cents.
pub const MAX_AMOUNT_CENTS: i64 = 1_000_000_000;

/// Trims the text fields, turns empty optional fields into "none", then checks everything.
/// Returns every problem at once so a form can show them all.
pub fn normalize_and_validate(input: &DossierInput, today: NaiveDate) -> CoreResult<DossierInput> {
    let mut d = input.clone();
    d.title = d.title.trim().to_owned();
    d.description = d.description.trim().to_owned();
    let m = &mut d.merchant;
    m.name = m.name.trim().to_owned();
    m.country = m.country.trim().to_ascii_uppercase();
    for field in [
        &mut m.website,
        &mut m.email,
        &mut m.phone,
        &mut m.postal_address,
        &mut m.siren_siret,
        &mut m.mediator_name,
        &mut d.order.reference,
        &mut d.order.lender,
    ] {
        *field = field
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned);
    }
    if let Some(p) = &mut d.platform {
        p.name = p.name.trim().to_owned();
        p.country = p.country.trim().to_ascii_uppercase();
        for field in [
            &mut p.directory_id,
            &mut p.postal_address,
            &mut p.email,
            &mut p.siren_siret,
            &mut p.mediator_name,
        ] {
            *field = field
                .as_deref()
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_owned);
        }
    }
    // A platform with no name is no platform (the form's « directly on the seller's site »).
    if d.platform.as_ref().is_some_and(|p| p.name.is_empty()) {
        d.platform = None;
    }

    let mut errors = Vec::new();
    let mut err = |field: &str, message: String| errors.push(FieldError::new(field, message));

    if d.title.is_empty() {
        err(
            "title",
            "Donnez un nom au dossier. Exemple : « Colis jamais reçu — MaBoutique ».".into(),
        );
    } else if too_long(&d.title, MAX_TITLE) {
        err(
            "title",
            format!("Le nom du dossier dépasse {MAX_TITLE} caractères."),
        );
    }
    if too_long(&d.description, MAX_LONG) {
        err(
            "description",
            format!("La description dépasse {MAX_LONG} caractères."),
        );
    }

    let m = &d.merchant;
    if m.name.is_empty() {
        err(
            "merchant.name",
            "Indiquez le nom du vendeur. Exemple : « MaBoutique SAS ».".into(),
        );
    } else if too_long(&m.name, MAX_NAME) {
        err(
            "merchant.name",
            format!("Le nom du vendeur dépasse {MAX_NAME} caractères."),
        );
    }
    if let Some(url) = &m.website {
        if !is_web_address(url) {
            err(
                "merchant.website",
                "Adresse du site invalide. Exemple : https://www.maboutique.fr".into(),
            );
        }
    }
    if let Some(email) = &m.email {
        if !is_email(email) {
            err(
                "merchant.email",
                "Adresse e-mail invalide. Exemple : service-client@maboutique.fr".into(),
            );
        }
    }
    if let Some(phone) = &m.phone {
        if !is_phone(phone) {
            err(
                "merchant.phone",
                "Numéro de téléphone invalide. Exemple : 01 23 45 67 89 ou +33 1 23 45 67 89"
                    .into(),
            );
        }
    }
    if let Some(address) = &m.postal_address {
        if too_long(address, MAX_SHORT * 2) {
            err(
                "merchant.postal_address",
                "L'adresse postale est trop longue.".into(),
            );
        }
    }
    if countries::by_code(&m.country).is_none() {
        err(
            "merchant.country",
            "Choisissez le pays du vendeur dans la liste (code ISO à deux lettres, par exemple FR).".into(),
        );
    }
    if m.mediator_name
        .as_deref()
        .is_some_and(|n| too_long(n, MAX_NAME))
    {
        err(
            "merchant.mediator_name",
            format!("Le nom du médiateur dépasse {MAX_NAME} caractères."),
        );
    }
    if let Some(id) = &m.siren_siret {
        if let Some(problem) = siren_siret_problem(id) {
            err("merchant.siren_siret", problem.into());
        }
    }

    if let Some(p) = &d.platform {
        if too_long(&p.name, MAX_NAME) {
            err(
                "platform.name",
                format!("Le nom de la plateforme dépasse {MAX_NAME} caractères."),
            );
        }
        if countries::by_code(&p.country).is_none() {
            err(
                "platform.country",
                "Choisissez le pays de la plateforme dans la liste (code ISO à deux lettres)."
                    .into(),
            );
        }
        if let Some(id) = &p.directory_id {
            if crate::platforms::by_id(id).is_none() {
                err(
                    "platform.directory_id",
                    format!("Plateforme inconnue de l'annuaire de Recours : « {id} »."),
                );
            }
        }
        if p.email.as_deref().is_some_and(|e| !is_email(e)) {
            err(
                "platform.email",
                "Adresse e-mail invalide. Exemple : contact@plateforme.fr".into(),
            );
        }
        if p.postal_address
            .as_deref()
            .is_some_and(|a| too_long(a, MAX_SHORT * 2))
        {
            err(
                "platform.postal_address",
                "L'adresse postale est trop longue.".into(),
            );
        }
        if let Some(problem) = p.siren_siret.as_deref().and_then(siren_siret_problem) {
            err("platform.siren_siret", problem.into());
        }
        if p.mediator_name
            .as_deref()
            .is_some_and(|n| too_long(n, MAX_NAME))
        {
            err(
                "platform.mediator_name",
                format!("Le nom du médiateur dépasse {MAX_NAME} caractères."),
            );
        }
    }

    let o = &d.order;
    if let Some(reference) = &o.reference {
        if too_long(reference, 100) {
            err(
                "order.reference",
                "La référence de commande dépasse 100 caractères.".into(),
            );
        }
    }
    if let Some(lender) = &o.lender {
        if too_long(lender, MAX_NAME) {
            err(
                "order.lender",
                format!(
                    "Le nom de l'organisme de paiement fractionné dépasse {MAX_NAME} caractères."
                ),
            );
        }
    }
    // Only a paiement fractionné has a lender; another method keeps none (a changed answer).
    if o.payment_method != crate::dossier::PaymentMethod::Bnpl {
        d.order.lender = None;
    }
    // Only a service or digital content has service terms; goods keep none (a changed answer).
    if d.problem.is_service() {
        let terms = d.order.service.get_or_insert_with(Default::default);
        if d.problem != Problem::DigitalContent {
            terms.withdrawal_waived = None;
        }
        if !terms.subscription {
            terms.renewal_date = None;
            terms.renewal_notice_received = None;
            terms.online_cancellation = None;
        }
    } else {
        d.order.service = None;
    }
    let o = &d.order;
    if let Some(terms) = &o.service {
        for (field, date, what) in [
            (
                "order.service.started_on",
                terms.started_on,
                "Le début du service",
            ),
            (
                "order.service.renewal_date",
                terms.renewal_date,
                "La date de reconduction",
            ),
        ] {
            let Some(date) = date else { continue };
            if date < o.date {
                err(
                    field,
                    format!(
                        "{what} ne peut pas être avant la date du contrat ({}).",
                        fr_date(o.date)
                    ),
                );
            } else if date > today && field == "order.service.started_on" {
                err(
                    field,
                    format!("{what} ({}) est dans le futur.", fr_date(date)),
                );
            }
        }
    }
    if o.date > today {
        err(
            "order.date",
            format!(
                "La date de commande ({}) est dans le futur. Indiquez le jour où vous avez commandé.",
                fr_date(o.date)
            ),
        );
    }
    if o.amount_cents < 0 {
        err(
            "order.amount_cents",
            "Le montant payé ne peut pas être négatif. Exemple : 49,90".into(),
        );
    } else if o.amount_cents > MAX_AMOUNT_CENTS {
        err(
            "order.amount_cents",
            "Le montant payé semble trop élevé : vérifiez-le (en euros, par exemple 49,90).".into(),
        );
    }
    if let Some(promised) = o.promised_delivery_date {
        if promised < o.date {
            err(
                "order.promised_delivery_date",
                "La date de livraison promise ne peut pas être avant la date de commande.".into(),
            );
        }
    }
    if let Some(delivered) = o.delivered_date {
        if delivered < o.date {
            err(
                "order.delivered_date",
                "La date de livraison ne peut pas être avant la date de commande.".into(),
            );
        } else if delivered > today {
            err(
                "order.delivered_date",
                "La date de livraison est dans le futur : laissez vide si vous n'avez rien reçu."
                    .into(),
            );
        }
    }

    if errors.is_empty() {
        Ok(d)
    } else {
        Err(CoreError::Validation(errors))
    }
}

/// Checks a status change; returns it with the note trimmed.
pub fn validate_outcome(change: &StatusChange) -> CoreResult<StatusChange> {
    let note = change
        .outcome_note
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned);
    if let Some(n) = &note {
        if too_long(n, MAX_LONG) {
            return Err(CoreError::Validation(vec![FieldError::new(
                "outcome_note",
                format!("La note dépasse {MAX_LONG} caractères."),
            )]));
        }
    }
    Ok(StatusChange {
        status: change.status,
        outcome_note: if change.status == Status::Open && note.is_none() {
            None
        } else {
            note
        },
    })
}

fn too_long(text: &str, max: usize) -> bool {
    text.chars().count() > max
}

/// `12 mars 2026`
pub fn fr_date(date: NaiveDate) -> String {
    use chrono::Datelike;
    const MONTHS: [&str; 12] = [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ];
    let day = date.day();
    let day = if day == 1 {
        "1er".to_owned()
    } else {
        day.to_string()
    };
    format!("{} {} {}", day, MONTHS[date.month0() as usize], date.year())
}

fn is_web_address(url: &str) -> bool {
    let rest = match url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
    {
        Some(rest) => rest,
        None => return false,
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = host.rsplit_once(':').map_or(host, |(h, port)| {
        if port.chars().all(|c| c.is_ascii_digit()) {
            h
        } else {
            host
        }
    });
    url.len() <= 2000
        && !url.chars().any(char::is_whitespace)
        && host.contains('.')
        && !host.starts_with('.')
        && !host.ends_with('.')
        && host
            .chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '.')
}

fn is_email(email: &str) -> bool {
    let Some((local, domain)) = email.rsplit_once('@') else {
        return false;
    };
    email.len() <= 254
        && !local.is_empty()
        && !local.contains('@')
        && !email
            .chars()
            .any(|c| c.is_whitespace() || c == '<' || c == '>' || c == ',')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains("..")
}

fn is_phone(phone: &str) -> bool {
    let digits = phone.chars().filter(char::is_ascii_digit).count();
    (6..=20).contains(&digits)
        && phone
            .chars()
            .enumerate()
            .all(|(i, c)| c.is_ascii_digit() || " .-()".contains(c) || (c == '+' && i == 0))
}

/// SIREN: 9 digits; SIRET: 14 digits; both with a Luhn check digit (La Poste's SIRETs excepted).
fn siren_siret_problem(id: &str) -> Option<&'static str> {
    let digits: String = id.chars().filter(|c| !c.is_whitespace()).collect();
    if !digits.chars().all(|c| c.is_ascii_digit()) || !(digits.len() == 9 || digits.len() == 14) {
        return Some(
            "Un SIREN a 9 chiffres et un SIRET 14 chiffres. Exemple : 123 456 789 (laissez vide si vous ne le trouvez pas).",
        );
    }
    let la_poste = digits.len() == 14 && digits.starts_with("356000000");
    if !la_poste && !luhn_ok(&digits) {
        return Some("Ce numéro SIREN/SIRET n'existe pas (un chiffre est sans doute mal recopié).");
    }
    None
}

fn luhn_ok(digits: &str) -> bool {
    let sum: u32 = digits
        .bytes()
        .rev()
        .enumerate()
        .map(|(i, b)| {
            let d = u32::from(b - b'0');
            if i % 2 == 1 {
                let doubled = d * 2;
                if doubled > 9 {
                    doubled - 9
                } else {
                    doubled
                }
            } else {
                d
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn web_addresses() {
        assert!(is_web_address("https://www.maboutique.fr"));
        assert!(is_web_address("http://shop.example.com:8080/a?b=c"));
        assert!(is_web_address("https://boutique-été.fr"));
        assert!(!is_web_address("www.maboutique.fr"));
        assert!(!is_web_address("https://localhost"));
        assert!(!is_web_address("javascript:alert(1)"));
        assert!(!is_web_address("https://exa mple.fr"));
    }

    #[test]
    fn emails() {
        assert!(is_email("service-client@maboutique.fr"));
        assert!(!is_email("service-client.maboutique.fr"));
        assert!(!is_email("a@b"));
        assert!(!is_email("@maboutique.fr"));
        assert!(!is_email("a b@maboutique.fr"));
    }

    #[test]
    fn phones() {
        assert!(is_phone("01 23 45 67 89"));
        assert!(is_phone("+33 (0)1.23.45.67.89"));
        assert!(!is_phone("appelez-moi"));
        assert!(!is_phone("12"));
        assert!(!is_phone("01+23"));
    }

    #[test]
    fn siren_and_siret() {
        // SIREN of a well-known company (Luhn valid) and a SIRET built from it.
        assert_eq!(siren_siret_problem("552 100 554"), None);
        assert_eq!(siren_siret_problem("55210055400013"), None);
        assert!(siren_siret_problem("552 100 555").is_some());
        assert!(siren_siret_problem("12345").is_some());
        assert!(siren_siret_problem("abcdefghi").is_some());
        // La Poste: SIRETs that do not follow Luhn.
        assert_eq!(siren_siret_problem("35600000000048"), None);
    }

    #[test]
    fn french_dates() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).expect("valid date");
        assert_eq!(fr_date(d(2026, 3, 12)), "12 mars 2026");
        assert_eq!(fr_date(d(2026, 8, 1)), "1er août 2026");
    }
}
