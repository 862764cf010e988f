//! The person's identity, printed at the top left of every letter. Kept in the settings.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::FieldError;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct SenderIdentity {
    /// "Camille Martin"
    #[serde(default)]
    pub name: String,
    /// Street and number, one line or more ("12 rue des Lilas\nAppartement 4").
    #[serde(default)]
    pub address: String,
    #[serde(default)]
    pub postal_code: String,
    #[serde(default)]
    pub city: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub phone: String,
}

const MAX_FIELD: usize = 200;

impl SenderIdentity {
    /// Trims every field and checks lengths and the e-mail's shape. Every field may be empty: what a
    /// letter needs is checked when the letter is written.
    pub fn normalized(&self) -> Result<SenderIdentity, Vec<FieldError>> {
        let t = |s: &str| s.trim().to_owned();
        let s = SenderIdentity {
            name: t(&self.name),
            address: self
                .address
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .collect::<Vec<_>>()
                .join("\n"),
            postal_code: t(&self.postal_code),
            city: t(&self.city),
            email: t(&self.email),
            phone: t(&self.phone),
        };
        let mut errors = Vec::new();
        for (field, value, label) in [
            ("sender.name", &s.name, "Le nom"),
            ("sender.address", &s.address, "L'adresse"),
            ("sender.city", &s.city, "La ville"),
            ("sender.email", &s.email, "L'adresse e-mail"),
            ("sender.phone", &s.phone, "Le téléphone"),
        ] {
            if value.chars().count() > MAX_FIELD {
                errors.push(FieldError::new(
                    field,
                    format!("{label} dépasse {MAX_FIELD} caractères."),
                ));
            }
        }
        if s.postal_code.chars().count() > 12 {
            errors.push(FieldError::new(
                "sender.postal_code",
                "Le code postal est trop long (12 caractères au plus).",
            ));
        }
        if !s.email.is_empty() && !looks_like_email(&s.email) {
            errors.push(FieldError::new(
                "sender.email",
                "Cette adresse e-mail ne semble pas valide (exemple : camille.martin@exemple.fr).",
            ));
        }
        if errors.is_empty() {
            Ok(s)
        } else {
            Err(errors)
        }
    }

    /// What a letter needs and is missing, as field errors that say where to fill it in.
    pub fn missing_for_letter(&self) -> Vec<FieldError> {
        let mut missing = Vec::new();
        if self.name.trim().is_empty() {
            missing.push(FieldError::new(
                "sender.name",
                "Indiquez votre nom dans les Réglages (« Vos coordonnées ») : il signe la lettre.",
            ));
        }
        if self.address.trim().is_empty()
            || self.postal_code.trim().is_empty()
            || self.city.trim().is_empty()
        {
            missing.push(FieldError::new(
                "sender.address",
                "Indiquez votre adresse postale complète (rue, code postal, ville) dans les Réglages (« Vos coordonnées ») : le vendeur doit pouvoir vous répondre.",
            ));
        }
        missing
    }

    /// The lines of the sender block, top left of the letter.
    pub fn lines(&self) -> Vec<String> {
        let mut lines = vec![self.name.clone()];
        lines.extend(self.address.lines().map(str::to_owned));
        lines.push(
            format!("{} {}", self.postal_code, self.city)
                .trim()
                .to_owned(),
        );
        if !self.email.is_empty() {
            lines.push(self.email.clone());
        }
        if !self.phone.is_empty() {
            lines.push(format!("Tél. {}", self.phone));
        }
        lines.retain(|l| !l.is_empty());
        lines
    }
}

fn looks_like_email(text: &str) -> bool {
    match text.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !text.chars().any(char::is_whitespace)
        }
        None => false,
    }
}
