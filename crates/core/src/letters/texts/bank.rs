//! The letter to the bank (or to PayPal): a payment made without consent (Code monétaire et
//! financier, L133-18 to L133-24), or a chargeback request (network rules, not law) for goods never
//! delivered, not as described, a refund never credited, a fake shop. It asks whether the card was
//! lost or stolen rather than assume it.

use super::super::typo::de;
use super::super::LetterContext;
use super::{Body, CLOSING, OPENING, TO_COMPLETE};
use crate::dossier::validate::fr_date;
use crate::dossier::{PaymentMethod, Problem};
use crate::rules::model::EventKind;

const NOT_RECEIVED: &str = "marchandise non reçue";

/// What happened, the network's reason in words, and the object's ending, for each problem a card
/// chargeback can answer (network rules: only what the dossier shows is stated).
fn chargeback_facts(ctx: &LetterContext<'_>) -> (Vec<String>, &'static str, &'static str) {
    let d = ctx.dossier;
    match d.problem {
        Problem::NonConforming => (
            vec![match d.order.delivered_date {
                Some(date) => format!("Le bien, reçu le {}, ne correspond pas à sa description.", fr_date(date)),
                None => "Le bien reçu ne correspond pas à sa description.".into(),
            }],
            "marchandise non conforme à sa description",
            " — bien non conforme à sa description",
        ),
        Problem::WithdrawalRefund => (
            vec![match ctx.first_event(EventKind::WithdrawalNotified) {
                Some(date) => format!("Je me suis rétracté le {} ; le remboursement que j'attends du vendeur n'a jamais été crédité sur mon compte.", fr_date(date)),
                None => "Je me suis rétracté ; le remboursement que j'attends du vendeur n'a jamais été crédité sur mon compte.".into(),
            }],
            "remboursement non crédité",
            " — remboursement non crédité",
        ),
        Problem::Service | Problem::DigitalContent
            if ctx.first_event(EventKind::WithdrawalNotified).is_some() =>
        {
            let date = ctx.first_event(EventKind::WithdrawalNotified).map(fr_date).unwrap_or_default();
            (
                vec![format!("Je me suis rétracté de ce contrat le {date} ; le remboursement que j'attends du professionnel n'a jamais été crédité sur mon compte.")],
                "remboursement non crédité",
                " — remboursement non crédité",
            )
        }
        Problem::Service | Problem::DigitalContent
            if ctx.first_event(EventKind::CancellationSent).is_some() =>
        {
            let date = ctx.first_event(EventKind::CancellationSent).map(fr_date).unwrap_or_default();
            (
                vec![format!("J'ai résilié cet abonnement le {date} ; le professionnel a pourtant continué à débiter ma carte depuis : {TO_COMPLETE} : dates et montants des débits].")],
                "abonnement débité après sa résiliation",
                " — abonnement débité après résiliation",
            )
        }
        Problem::Service => (
            vec!["Le service payé n'a pas été fourni.".into()],
            "service non fourni",
            " — service non fourni",
        ),
        Problem::DigitalContent => (
            vec!["Le contenu numérique payé ne fonctionne pas comme décrit.".into()],
            "contenu non conforme à sa description",
            " — contenu non conforme",
        ),
        Problem::Scam => (
            vec!["Je n'ai jamais reçu le bien, et le vendeur est injoignable : je pense avoir été victime d'un site frauduleux.".into()],
            NOT_RECEIVED,
            " non livrée",
        ),
        _ => (
            vec!["Le bien ne m'a jamais été livré.".into()],
            NOT_RECEIVED,
            " non livrée",
        ),
    }
}

pub(super) fn dispute(ctx: &LetterContext<'_>) -> Body {
    let d = ctx.dossier;
    let mut p = vec![OPENING.to_owned()];
    let mut warnings = Vec::new();
    let (object, rules) = if d.problem == Problem::UnauthorizedPayment {
        let paypal = d.order.payment_method == PaymentMethod::Paypal;
        p.push(format!(
            "Je conteste l'opération débitée {} au profit {}, datée du {}, d'un montant de {}, que je n'ai pas autorisée.",
            if paypal { "de mon compte PayPal" } else { "sur mon compte" },
            de(&d.merchant.name),
            fr_date(d.order.date),
            ctx.amount()
        ));
        p.push(if paypal {
            "En application de l'article 73 de la directive (UE) 2015/2366 (en France, l'article L133-18 du Code monétaire et financier), je vous demande de me rembourser immédiatement le montant de cette opération, au plus tard à la fin du premier jour ouvrable suivant la présente notification, et de rétablir mon compte dans l'état où il se serait trouvé si l'opération n'avait pas eu lieu.".to_owned()
        } else {
            "Conformément à l'article L133-18 du Code monétaire et financier, je vous demande de me rembourser immédiatement le montant de cette opération, au plus tard à la fin du premier jour ouvrable suivant la présente notification, et de rétablir mon compte dans l'état où il se serait trouvé si l'opération n'avait pas eu lieu.".to_owned()
        });
        let mut rules = vec![if paypal {
            "PAYPAL_UNAUTHORIZED"
        } else {
            "CARD_FRAUD"
        }];
        if !paypal {
            match d.order.card_lost_or_stolen {
                Some(false) => p.push("Ma carte est toujours en ma possession : elle n'a été ni perdue ni volée, et ses données ont été utilisées à mon insu. En application de l'article L133-19 du même code, aucune somme ne peut rester à ma charge, sauf agissement frauduleux ou négligence grave de ma part.".into()),
                Some(true) => {
                    p.push("Ma carte a été perdue ou volée, et j'ai fait opposition le [à compléter : date de votre opposition]. En application de l'article L133-19 du même code, seules les opérations antérieures à cette opposition peuvent rester à ma charge, dans la limite de 50 €, sauf agissement frauduleux ou négligence grave de ma part.".into());
                    rules.push("CARD_LOST");
                }
                None => {
                    p.push("[à compléter : votre carte a-t-elle été perdue ou volée ? Répondez à cette question dans le dossier (« Modifier »), Recours écrira le paragraphe qui correspond (article L133-19)]".into());
                    warnings.push("Le dossier ne dit pas si votre carte a été perdue ou volée : la réponse change ce qui peut rester à votre charge (jusqu'à 50 € seulement si elle a été perdue ou volée, article L133-19). Répondez dans le dossier avant d'écrire.".into());
                }
            }
        }
        p.push(format!(
            "Je vous rappelle qu'il vous appartient de prouver que l'opération a été authentifiée, dûment enregistrée et comptabilisée, et qu'elle n'a pas été affectée par une déficience technique ; l'utilisation {} telle que vous l'avez enregistrée ne suffit pas, en elle-même, à prouver que j'ai autorisé l'opération, ni que j'ai commis une négligence grave (article L133-23 du Code monétaire et financier).",
            if paypal { "de mon compte" } else { "de ma carte" }
        ));
        rules.push("CARD_PROOF");
        if ctx.today <= crate::rules::calendar::add_months(d.order.date, 13) {
            p.push("Cette contestation intervient dans le délai de 13 mois suivant le débit (article L133-24).".into());
        }
        rules.push("CARD_LIMIT");
        (
            if paypal {
                "Contestation d'un paiement non autorisé — compte PayPal".to_owned()
            } else {
                "Contestation d'un paiement non autorisé par carte bancaire".to_owned()
            },
            rules,
        )
    } else {
        p.push(ctx.purchase_told().replace(
            "j'ai passé commande",
            &format!("j'ai passé commande auprès {}", de(&d.merchant.name)),
        ));
        let (facts, reason, what) = chargeback_facts(ctx);
        if d.problem == Problem::WithdrawalRefund {
            warnings = ctx.withdrawal_warnings();
        }
        p.extend(facts);
        p.extend(super::payment::steps_taken(ctx));
        // The one reason code the domain reference names (Visa 13.1, merchandise not received).
        let code = if reason == NOT_RECEIVED {
            " (par exemple le code Visa 13.1)"
        } else {
            ""
        };
        p.push(format!("Je vous demande d'engager une procédure de rétrofacturation (« chargeback ») auprès du réseau de ma carte, au motif « {reason} »{code}, et de me tenir informé de sa suite. Cette procédure relève des règles du réseau de carte et non de la loi ; je vous la demande sans attendre pour respecter ses délais."));
        (
            format!("Demande de rétrofacturation — {}{what}", ctx.order_name()),
            vec!["CHARGEBACK"],
        )
    };
    p.extend(ctx.description());
    p.push(CLOSING.into());
    Body {
        object,
        paragraphs: p,
        rules,
        warnings,
    }
}
