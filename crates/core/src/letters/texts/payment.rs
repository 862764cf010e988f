//! The other payment routes, each for the one who holds the money: the PayPal dispute (a text to
//! paste in the Resolution Center: PayPal's contract, not the law), the recall of a transfer (SEPA
//! rules: only with the payee's consent, said plainly), and the lender of a paiement fractionné
//! (consumer credit for purchases from 20 November 2026; its own terms before). None goes to the
//! merchant: a dossier without the merchant's address still gets them.

use super::super::typo::de;
use super::super::LetterContext;
use super::{Body, CLOSING, OPENING};
use crate::dossier::validate::fr_date;
use crate::dossier::Problem;
use crate::rules::model::EventKind;

/// What the dossier shows was already done, with its dates (nothing is claimed that it does not).
pub(super) fn steps_taken(ctx: &LetterContext<'_>) -> Vec<String> {
    let mut done = Vec::new();
    for (kind, what) in [
        (EventKind::ComplaintSent, "réclamation"),
        (EventKind::FormalNoticeSent, "mise en demeure"),
        (
            EventKind::PlatformClaimOpened,
            "réclamation à la plateforme",
        ),
    ] {
        if let Some(date) = ctx.first_event(kind) {
            done.push(format!("{what} du {}", fr_date(date)));
        }
    }
    let mut p = Vec::new();
    if !done.is_empty() {
        p.push(format!(
            "Mes démarches sont restées sans effet : {}.",
            done.join(", ")
        ));
    }
    if let Some(date) = ctx.first_event(EventKind::ScamReported) {
        p.push(format!(
            "J'ai déposé plainte ou un signalement en ligne (THESEE) le {} ; je vous en communique le récépissé.",
            fr_date(date)
        ));
    }
    p
}

/// What went wrong, in one sentence for a payment provider.
fn what_happened(ctx: &LetterContext<'_>) -> String {
    match ctx.dossier.problem {
        Problem::NonConforming => "Le bien reçu ne correspond pas à sa description.".into(),
        Problem::WithdrawalRefund => {
            "Je me suis rétracté, et le vendeur ne m'a pas remboursé.".into()
        }
        Problem::Scam => "Je n'ai jamais reçu le bien, et le vendeur est injoignable : je pense avoir été victime d'un site frauduleux.".into(),
        _ => "Je n'ai jamais reçu le bien.".into(),
    }
}

/// The dispute opened in PayPal's Resolution Center: a text to paste, short and factual.
pub(super) fn paypal_dispute(ctx: &LetterContext<'_>) -> Body {
    let d = ctx.dossier;
    let mut p = vec![OPENING.to_owned()];
    p.push(format!(
        "Le {}, j'ai payé {} par PayPal à {}{}.",
        fr_date(d.order.date),
        ctx.amount(),
        d.merchant.name,
        d.order
            .reference
            .as_deref()
            .map(|r| format!(" (commande n° {r})"))
            .unwrap_or_default()
    ));
    p.push(what_happened(ctx));
    p.extend(steps_taken(ctx));
    p.push(format!(
        "J'ouvre un litige au titre de la protection des achats PayPal ({}) et vous demande le remboursement de la totalité du paiement, frais de livraison compris.",
        if d.problem == Problem::NonConforming {
            "objet très différent de sa description"
        } else {
            "objet non reçu"
        }
    ));
    p.extend(ctx.description());
    p.push(CLOSING.into());
    let mut warnings = vec!["Ce texte se colle dans le Centre des résolutions de votre compte PayPal (« Signaler un problème »), dans les 180 jours du paiement. Si le vendeur ne règle pas le litige, transformez-le en réclamation dans les 20 jours : sinon PayPal le clôt. Ce sont les règles du contrat PayPal, pas la loi.".to_owned()];
    if ctx.today > crate::rules::calendar::add_days(d.order.date, 180) {
        warnings.push("Plus de 180 jours ont passé depuis le paiement : PayPal peut refuser d'ouvrir le litige.".into());
    }
    Body {
        object: format!("Litige PayPal — {}", ctx.order_name()),
        paragraphs: p,
        rules: vec!["PAYPAL"],
        warnings,
    }
}

/// The recall of a transfer one ordered oneself: only with the payee's consent (SEPA rules).
pub(super) fn transfer_recall(ctx: &LetterContext<'_>) -> Body {
    let d = ctx.dossier;
    let mut p = vec![OPENING.to_owned()];
    p.push(format!(
        "Le {}, j'ai ordonné depuis mon compte un virement de {} au profit {}, pour régler une commande{}.",
        fr_date(d.order.date),
        ctx.amount(),
        de(&d.merchant.name),
        d.merchant
            .website
            .as_deref()
            .map(|w| format!(" passée sur le site {w}"))
            .unwrap_or_default()
    ));
    p.push(what_happened(ctx));
    p.extend(steps_taken(ctx));
    p.push("Je vous demande de solliciter sans délai, auprès de la banque du bénéficiaire, le retour des fonds (rappel du virement pour fraude), et de me tenir informé de sa réponse. Je sais que ce retour suppose en principe l'accord du bénéficiaire ; je vous demande d'agir au plus vite, tant que les fonds sont peut-être encore sur son compte.".into());
    p.push("Je vous demande également de m'indiquer les coordonnées de la banque du bénéficiaire, utiles à ma plainte.".into());
    p.extend(ctx.description());
    p.push(CLOSING.into());
    Body {
        object: format!("Demande de rappel d'un virement — {}", ctx.order_name()),
        paragraphs: p,
        rules: vec!["TRANSFER_RECALL"],
        warnings: vec!["Appelez d'abord votre banque : chaque heure compte pour un rappel de virement. Cette lettre le confirme par écrit.".into()],
    }
}

/// The lender of a paiement fractionné: suspend the repayments while the dispute lasts.
pub(super) fn lender_request(ctx: &LetterContext<'_>) -> Body {
    let d = ctx.dossier;
    let lender = d
        .order
        .lender
        .clone()
        .unwrap_or_else(|| "votre établissement".to_owned());
    let credit = d.order.date >= crate::rules::bnpl_credit_from();
    let undelivered = matches!(d.problem, Problem::NonDelivery | Problem::Scam);
    let mut p = vec![OPENING.to_owned()];
    p.push(format!(
        "Le {}, j'ai réglé en plusieurs fois, par l'intermédiaire {}, un achat de {} auprès {}{}.",
        fr_date(d.order.date),
        de(&lender),
        ctx.amount(),
        de(&d.merchant.name),
        d.order
            .reference
            .as_deref()
            .map(|r| format!(" (commande n° {r})"))
            .unwrap_or_default()
    ));
    p.push(what_happened(ctx));
    p.extend(steps_taken(ctx));
    let mut rules = vec!["BNPL_CREDIT"];
    if credit {
        p.push(format!(
            "Cet achat ayant été conclu le {}, ce paiement fractionné est un crédit à la consommation au sens de l'ordonnance n° 2025-880 du 3 septembre 2025, applicable depuis le 20 novembre 2026, et ce crédit finance cet achat précis.",
            fr_date(d.order.date)
        ));
        if undelivered {
            p.push("Les obligations de l'emprunteur ne prennent effet qu'à compter de la livraison du bien (article L312-48 du Code de la consommation). Le bien ne m'ayant pas été livré, je vous demande de suspendre toute échéance jusqu'à sa livraison et de me rembourser celles déjà prélevées.".into());
            rules.push("BNPL_DELIVERY");
        } else {
            p.push(
                "Je vous demande de suspendre les échéances pendant la durée de ce litige.".into(),
            );
        }
        p.push("Je vous informe que si la vente est annulée ou résolue par le juge, le crédit qui la finance le sera aussi, et que le juge peut le suspendre pendant le litige (article L312-55 du Code de la consommation).".into());
        rules.push("BNPL_LINKED");
    } else {
        p.push(format!(
            "Je vous demande, conformément à votre procédure de traitement des litiges, de suspendre les échéances de ce paiement jusqu'à la résolution du litige, et de me rembourser celles déjà prélevées si la commande est annulée{}.",
            if undelivered { " ou n'est jamais livrée" } else { "" }
        ));
    }
    p.extend(ctx.description());
    p.push(CLOSING.into());
    let mut warnings = Vec::new();
    if credit {
        warnings.push("Les numéros d'articles du Code de la consommation sur le crédit affecté (L312-48, L312-55) sont ceux d'avant la réforme du 20 novembre 2026 : à vérifier avant l'envoi.".to_owned());
    } else {
        warnings.push("Votre achat date d'avant le 20 novembre 2026 : ce paiement fractionné n'était pas alors un crédit à la consommation. La lettre s'appuie donc sur la procédure de litige du prêteur (ses conditions générales), pas sur la loi.".to_owned());
    }
    Body {
        object: format!(
            "Demande de suspension des échéances — paiement fractionné — {}",
            ctx.order_name()
        ),
        paragraphs: p,
        rules,
        warnings,
    }
}
