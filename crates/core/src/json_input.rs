//! Reading JSON that a person wrote (CLI files): serde's English errors become French messages
//! that name the place of the problem.

use serde::de::DeserializeOwned;

use crate::error::CoreError;

/// Parses `text` as `T`, with a French message on failure that names the field at fault.
pub fn parse<T: DeserializeOwned>(text: &str) -> Result<T, CoreError> {
    let de = &mut serde_json::Deserializer::from_str(text);
    serde_path_to_error::deserialize(de).map_err(|e| {
        let path = e.path().to_string();
        let message = french_message(e.inner());
        if path.is_empty() || path == "." {
            CoreError::InvalidInput(message)
        } else {
            CoreError::Validation(vec![crate::error::FieldError {
                message: format!("{path} : {message}"),
                field: path,
            }])
        }
    })
}

/// Converts an already parsed JSON value to `T`, with a French message on failure.
pub fn from_value<T: DeserializeOwned>(value: serde_json::Value) -> Result<T, CoreError> {
    serde_json::from_value(value).map_err(|e| CoreError::InvalidInput(french_message(&e)))
}

pub fn french_message(err: &serde_json::Error) -> String {
    let raw = err.to_string();
    // serde_json appends " at line L column C"; we say it in French.
    let detail = raw.split(" at line ").next().unwrap_or(&raw);
    let place = if err.line() > 0 {
        format!(" (ligne {}, colonne {})", err.line(), err.column())
    } else {
        String::new()
    };
    let what = if let Some(name) = between(detail, "missing field `", "`") {
        format!("champ obligatoire manquant : « {name} »")
    } else if let Some(name) = between(detail, "unknown field `", "`") {
        format!("champ inconnu : « {name} »")
    } else if let Some(value) = between(detail, "unknown variant `", "`") {
        let expected = detail
            .split("expected one of ")
            .nth(1)
            .map(|s| format!(" (valeurs possibles : {})", s.replace('`', "")))
            .unwrap_or_default();
        format!("valeur inconnue « {value} »{expected}")
    } else if detail.starts_with("invalid type") {
        format!(
            "type de valeur inattendu ({})",
            detail
                .trim_start_matches("invalid type: ")
                .replace("expected", "attendu :")
        )
    } else if detail.contains("input contains invalid characters")
        || detail.contains("premature end of input")
        || detail.contains("input is out of range")
        || detail.contains("input is not enough for unique date")
        || detail.contains("trailing input")
    {
        "date invalide : écrivez-la AAAA-MM-JJ, par exemple 2026-03-12".to_owned()
    } else if err.is_eof() {
        "le JSON est incomplet (accolade ou guillemet manquant ?)".to_owned()
    } else if err.is_syntax() {
        "le texte n'est pas du JSON valide".to_owned()
    } else {
        detail.to_owned()
    };
    format!("JSON invalide : {what}{place}.")
}

fn between<'a>(text: &'a str, start: &str, end: &str) -> Option<&'a str> {
    let rest = &text[text.find(start)? + start.len()..];
    Some(&rest[..rest.find(end)?])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dossier::DossierInput;

    fn message(json: &str) -> String {
        parse::<DossierInput>(json)
            .expect_err("must fail")
            .to_string()
    }

    #[test]
    fn messages_are_french_and_precise() {
        assert!(message("{").contains("incomplet"), "{}", message("{"));
        assert!(message("{\"title\": 1}").contains("type de valeur inattendu"));
        assert!(message("{\"titre\": \"x\"}").contains("champ inconnu : « titre »"));
        assert!(message("{\"title\": \"x\"}").contains("champ obligatoire manquant : « problem »"));
        let m = message("{\"title\": \"x\", \"problem\": \"lost\"}");
        assert!(
            m.contains("valeur inconnue « lost »") && m.contains("non_delivery"),
            "{m}"
        );
        let bad_date = r#"{"title":"x","problem":"other","merchant":{"name":"a","country":"FR"},
            "order":{"date":"12/03/2026","amount_cents":1,"payment_method":"card"}}"#;
        assert!(
            message(bad_date).contains("date invalide"),
            "{}",
            message(bad_date)
        );
        assert!(message("[1,").contains("ligne 1"));
    }
}
