//! The claim to the platform, in parallel with the letters to the seller: the platform did not sell,
//! but the sale went through it, and its own buyer protection (a rule of its contract, not of the
//! law) may hold back the seller's payment. A text to paste in its form, or to send as a letter.

use super::super::LetterContext;
use super::{Body, CLOSING, OPENING};
use crate::dossier::validate::fr_date;
use crate::dossier::Problem;
use crate::rules::model::EventKind;

pub(super) fn claim(ctx: &LetterContext<'_>) -> Body {
    let d = ctx.dossier;
    let name = d
        .platform
        .as_ref()
        .map(|p| p.name.clone())
        .unwrap_or_else(|| "[à compléter : nom de la plateforme]".into());
    let mut p = vec![OPENING.to_owned()];
    p.push(format!(
        "Le {}, j'ai acheté sur {name}{} un bien vendu par {}, pour un montant de {}.",
        fr_date(d.order.date),
        d.order
            .reference
            .as_deref()
            .map(|r| format!(" (commande n° {r})"))
            .unwrap_or_default(),
        d.merchant.name,
        ctx.amount()
    ));
    p.push(
        match d.problem {
            Problem::NonDelivery => {
                let marked = ctx
                    .first_event(EventKind::MarkedDelivered)
                    .map(|date| format!(" alors que la commande est indiquée « Livré » depuis le {}", fr_date(date)))
                    .unwrap_or_default();
                format!("Je n'ai pas reçu ce bien{marked}.")
            }
            Problem::NonConforming => "Le bien reçu ne correspond pas à l'annonce (description, photos ou état indiqué).".into(),
            Problem::HiddenDefect => "Le bien est atteint d'un défaut qui le rend inutilisable et que je ne pouvais pas voir.".into(),
            _ => "La vente ne s'est pas déroulée comme convenu.".into(),
        },
    );
    p.extend(ctx.description());
    let complaint = [
        ctx.first_event(EventKind::ComplaintSent),
        ctx.first_event(EventKind::FormalNoticeSent),
    ]
    .into_iter()
    .flatten()
    .min();
    if let Some(date) = complaint {
        p.push(format!(
            "J'ai écrit au vendeur le {}, sans obtenir satisfaction.",
            fr_date(date)
        ));
    }
    p.push(format!(
        "Je vous demande de mettre en œuvre la protection que vous offrez aux acheteurs : ne pas verser le prix au vendeur tant que le litige n'est pas réglé, intervenir auprès de lui et, à défaut de solution, me rembourser la somme de {}. Je joins mes pièces (annonce ou commande, paiement, échanges avec le vendeur, photos).",
        ctx.amount()
    ));
    p.push(
        "Je vous remercie de me confirmer par écrit la suite donnée à cette réclamation.".into(),
    );
    p.push(CLOSING.into());
    Body {
        object: format!(
            "Réclamation — {} — vendeur {}",
            ctx.order_name(),
            d.merchant.name
        ),
        paragraphs: p,
        rules: vec!["PLATFORM_TERMS"],
        warnings: Vec::new(),
    }
}
