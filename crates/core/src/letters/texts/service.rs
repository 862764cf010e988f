//! The letters of a service, a subscription or digital content (Code de la consommation): the
//! withdrawal from the contract (L221-18, L221-25), the cancellation (L215-1-1, and L215-1 after a
//! renewal without notice), the refund of what was taken after it, and the mise en demeure (a
//! service not performed, L216-6; digital content not in conformity, L224-25-12 and following; a
//! refund after a withdrawal, L221-24 and L242-4). Only what the dossier shows is asserted.

use super::super::LetterContext;
use super::{Body, CLOSING, OPENING, TO_COMPLETE};
use crate::dossier::validate::fr_date;
use crate::dossier::{Problem, ServiceTerms};
use crate::rules::model::EventKind;
use crate::rules::{renewed_without_notice, ServiceClaim};

fn terms(ctx: &LetterContext<'_>) -> ServiceTerms {
    ctx.dossier.order.service.clone().unwrap_or_default()
}

fn claim(ctx: &LetterContext<'_>) -> ServiceClaim {
    ServiceClaim::from_kinds(ctx.events.iter().map(|e| e.kind))
}

/// The renewal without the L215-1 notice, told as the dossier records it.
fn renewal_paragraph(ctx: &LetterContext<'_>) -> Option<String> {
    let t = terms(ctx);
    if !renewed_without_notice(&t, ctx.today) {
        return None;
    }
    let renewal = t.renewal_date.map(fr_date)?;
    Some(format!("Ce contrat a été reconduit tacitement le {renewal}, sans que vous m'ayez adressé, entre trois mois et un mois avant le terme de la période autorisant le rejet de la reconduction, l'information prévue à l'article L215-1 du Code de la consommation. Je peux donc y mettre fin gratuitement à tout moment depuis cette date, et les avances effectuées depuis la reconduction doivent m'être remboursées dans un délai de trente jours à compter de la date de résiliation, déduction faite des sommes correspondant à l'exécution du contrat jusqu'à celle-ci (article L215-1)."))
}

/// When the person asked for the service to start during the period, what remains owed (L221-25):
/// nothing when the information on the right of withdrawal was not given.
fn early_start_paragraph(ctx: &LetterContext<'_>, t: &ServiceTerms) -> Option<&'static str> {
    (ctx.dossier.problem == Problem::Service
        && t.early_start_requested == Some(true)
        && !ctx.dossier.order.withdrawal_info_missing())
        .then_some(
        "Le service ayant commencé à ma demande pendant le délai de rétractation, je reste redevable du seul montant correspondant au service fourni jusqu'à la communication de ma décision, proportionnellement au prix total (article L221-25 du Code de la consommation).",
    )
}

pub(super) fn withdrawal(ctx: &LetterContext<'_>) -> Body {
    let d = ctx.dossier;
    let t = terms(ctx);
    let mut p = vec![OPENING.to_owned(), ctx.purchase()];
    let mut rules = vec!["SVC_WD_PERIOD", "SVC_WD_REFUND", "WD_PENALTY"];
    let mut warnings = Vec::new();
    let extended = d.order.withdrawal_info_missing();
    p.push(format!(
        "Conformément à l'article L221-18 du Code de la consommation{}, je vous notifie par la présente ma décision de me rétracter de ce contrat.",
        if extended {
            ", le délai étant prolongé faute d'information sur le droit de rétractation (article L221-20)"
        } else {
            ""
        }
    ));
    if extended {
        rules.push("WD_EXT");
    }
    let early = early_start_paragraph(ctx, &t);
    if let Some(text) = early {
        p.push(text.into());
        rules.push("SVC_EARLY_START");
        p.push("Je vous demande de me rembourser les sommes versées, déduction faite de ce montant, au plus tard dans les 14 jours suivant la réception de la présente lettre (article L221-24), par le même moyen de paiement que celui que j'ai utilisé. À défaut, les sommes dues seront de plein droit majorées (article L242-4).".into());
    } else {
        p.push(format!("Je vous demande de me rembourser la totalité des sommes versées, soit {}, au plus tard dans les 14 jours suivant la réception de la présente lettre (article L221-24), par le même moyen de paiement que celui que j'ai utilisé. À défaut, cette somme sera de plein droit majorée (article L242-4).", ctx.amount()));
        if d.problem == Problem::Service && t.early_start_requested.is_none() {
            warnings.push("Si vous aviez demandé que le service commence tout de suite, vous devez la part déjà fournie (art. L221-25) : indiquez-le dans le dossier, Recours adaptera la lettre.".into());
        }
    }
    if d.problem == Problem::DigitalContent && t.withdrawal_waived.is_none() {
        warnings.push("Vérifiez qu'à l'achat vous n'avez pas coché une case acceptant la fourniture immédiate du contenu et la perte du droit de rétractation, avec une confirmation par e-mail : dans ce cas il n'y a plus de rétractation (art. L221-28, 13°).".into());
    }
    warnings.extend(late_warning(ctx));
    p.push("Je vous remercie de m'accuser réception de cette rétractation sur un support durable (un e-mail).".into());
    p.push(CLOSING.into());
    Body {
        object: format!("Rétractation — {}", ctx.order_name()),
        paragraphs: p,
        rules,
        warnings,
    }
}

/// The withdrawal sent (or, not yet sent, sent today) after the end of its period.
fn late_warning(ctx: &LetterContext<'_>) -> Option<String> {
    let (end, _) = ctx.deadline("withdrawal_period_end")?;
    let sent = ctx
        .first_event(EventKind::WithdrawalNotified)
        .unwrap_or(ctx.today);
    (sent > end).then(|| format!("Le délai de rétractation a pris fin le {} : le professionnel peut refuser cette rétractation.", fr_date(end)))
}

/// What the professional owes back after a renewal without notice (L215-1), or after the date the
/// cancellation took effect (what was taken without being due).
fn owed_after_cancellation(ctx: &LetterContext<'_>, rules: &mut Vec<&'static str>) -> String {
    match renewal_paragraph(ctx) {
        Some(_) => {
            rules.extend(["RENEWAL_NOTICE", "RENEWAL_REFUND"]);
            "les avances versées depuis la reconduction, déduction faite des sommes correspondant à l'exécution du contrat jusqu'à la résiliation (article L215-1 du Code de la consommation)".into()
        }
        None => {
            rules.push("UNDUE_PAYMENT");
            "les sommes prélevées pour la période qui suit la date d'effet de la résiliation, qui ne sont pas dues (articles 1302 et 1302-1 du Code civil)".into()
        }
    }
}

pub(super) fn cancellation(ctx: &LetterContext<'_>) -> Body {
    let t = terms(ctx);
    let mut p = vec![OPENING.to_owned(), ctx.purchase()];
    let mut rules = vec!["CANCEL_ONLINE", "CANCEL_CONFIRM"];
    let mut warnings = Vec::new();
    p.push("Par la présente, je résilie ce contrat.".into());
    if let Some(text) = renewal_paragraph(ctx) {
        p.push(text);
        rules.extend(["RENEWAL_NOTICE", "RENEWAL_REFUND"]);
    } else {
        warnings.push("Si votre contrat prévoit une durée minimale d'engagement, une résiliation avant son terme peut être facturée selon le contrat : relisez-le.".to_owned());
    }
    match t.online_cancellation {
        Some(false) => {
            p.push("La fonctionnalité gratuite de résiliation par voie électronique prévue à l'article L215-1-1 du Code de la consommation est absente de votre site ou ne fonctionne pas : je vous adresse donc ma résiliation par écrit.".into());
            rules.push("CANCEL_FUNCTION");
        }
        Some(true) => warnings.push("Le site propose une fonction « résilier votre contrat » : c'est la voie la plus simple. Gardez la capture d'écran et l'e-mail de confirmation ; cette lettre en est une trace de plus.".into()),
        None => {}
    }
    p.push("Je vous demande de me confirmer cette résiliation sur un support durable, en précisant la date à laquelle elle prend effet, et de cesser tout prélèvement à compter de cette date (article L215-1-1 du Code de la consommation).".into());
    p.extend(ctx.description());
    p.push(CLOSING.into());
    Body {
        object: format!("Résiliation — {}", ctx.order_name()),
        paragraphs: p,
        rules,
        warnings,
    }
}

fn cancelled_on(ctx: &LetterContext<'_>) -> String {
    match ctx.first_event(EventKind::CancellationSent) {
        Some(date) => format!("J'ai résilié ce contrat le {}.", fr_date(date)),
        None => format!("J'ai résilié ce contrat le {TO_COMPLETE} : date de votre résiliation]."),
    }
}

pub(super) fn cancellation_refund(ctx: &LetterContext<'_>) -> Body {
    let days = ctx.notice_days();
    let mut p = vec![OPENING.to_owned(), ctx.purchase(), cancelled_on(ctx)];
    let mut rules = Vec::new();
    p.push(format!(
        "Vous avez prélevé depuis : {TO_COMPLETE} : dates et montants des prélèvements]."
    ));
    if let Some(text) = renewal_paragraph(ctx) {
        p.push(text);
    }
    let owed = owed_after_cancellation(ctx, &mut rules);
    p.push(format!("Je vous demande de cesser tout prélèvement et de me rembourser {owed}. Je vous remercie de me répondre dans un délai de {days} jours à compter de la réception de la présente lettre."));
    p.extend(ctx.description());
    p.push(ctx.next_steps());
    p.push(CLOSING.into());
    Body {
        object: format!("Remboursement des prélèvements après résiliation — {}", ctx.order_name()),
        paragraphs: p,
        rules,
        warnings: vec!["Relevez sur vos relevés de compte les dates et montants prélevés après la résiliation, et joignez la confirmation de la résiliation.".into()],
    }
}

pub(super) fn formal_notice(ctx: &LetterContext<'_>) -> Body {
    let d = ctx.dossier;
    let t = terms(ctx);
    let days = ctx.notice_days();
    let mut p = vec![OPENING.to_owned(), ctx.purchase()];
    let mut warnings = Vec::new();
    let rules = match (claim(ctx), d.problem) {
        (ServiceClaim::WithdrawalRefund, _) => {
            let sent = ctx
                .first_event(EventKind::WithdrawalNotified)
                .map(fr_date)
                .unwrap_or_default();
            p.push(format!("Le {sent}, je me suis rétracté de ce contrat (article L221-18 du Code de la consommation). Vous deviez me rembourser au plus tard dans les 14 jours suivant la réception de ma rétractation (article L221-24) ; je n'ai rien reçu à ce jour."));
            let mut rules = vec!["SVC_WD_PERIOD", "SVC_WD_REFUND", "WD_PENALTY"];
            warnings.extend(late_warning(ctx));
            let owed = match early_start_paragraph(ctx, &t) {
                Some(text) => {
                    p.push(text.into());
                    rules.push("SVC_EARLY_START");
                    "les sommes versées, déduction faite de ce montant".to_owned()
                }
                None => format!("la totalité des sommes versées, soit {}", ctx.amount()),
            };
            p.push(format!("En conséquence, je vous mets en demeure de me rembourser {owed}, dans un délai de {days} jours à compter de la réception de la présente lettre. Je vous rappelle que ces sommes sont de plein droit majorées en cas de retard (article L242-4)."));
            rules
        }
        (ServiceClaim::AfterCancellation, _) => {
            p.push(cancelled_on(ctx));
            p.push(format!(
                "Vous avez prélevé depuis : {TO_COMPLETE} : dates et montants des prélèvements]."
            ));
            let mut rules = Vec::new();
            if let Some(text) = renewal_paragraph(ctx) {
                p.push(text);
            }
            let owed = owed_after_cancellation(ctx, &mut rules);
            p.push(format!("En conséquence, je vous mets en demeure de cesser tout prélèvement et de me rembourser {owed}, dans un délai de {days} jours à compter de la réception de la présente lettre."));
            rules
        }
        (ServiceClaim::Performance, Problem::DigitalContent) => {
            p.push(format!("Le contenu numérique fourni n'est pas conforme au contrat : {TO_COMPLETE} : ce qui ne fonctionne pas, depuis quand]."));
            p.push(if t.subscription {
                "Vous répondez des défauts de conformité pendant toute la durée de la fourniture, et il vous appartient de prouver la conformité pendant cette durée (articles L224-25-12 et L224-25-16 du Code de la consommation).".to_owned()
            } else {
                "Vous répondez des défauts de conformité qui apparaissent dans les deux ans de la fourniture ; un défaut apparu dans les douze mois est présumé exister dès la fourniture (articles L224-25-12 et L224-25-16 du Code de la consommation).".to_owned()
            });
            p.push(format!("En conséquence, je vous mets en demeure de mettre ce contenu en conformité, sans frais, dans un délai de {days} jours à compter de la réception de la présente lettre. À défaut, je demanderai la résolution du contrat et le remboursement des sommes versées, soit {}, dans les 14 jours (articles L224-25-20 à L224-25-23).", ctx.amount()));
            warnings.push("Les articles L224-25-12 et suivants ne sont pas confirmés par la référence juridique de Recours : vérifiez leur numérotation sur Légifrance avant l'envoi.".into());
            vec![
                "DIGITAL_CONFORMITY",
                "DIGITAL_PRESUMPTION",
                "DIGITAL_REMEDIES",
            ]
        }
        (ServiceClaim::Performance, _) => {
            p.push(format!("Le service convenu n'a pas été exécuté : {TO_COMPLETE} : ce qui était prévu, et à quelle date]."));
            p.push(format!("En conséquence, je vous mets en demeure, sur le fondement de l'article L216-6 du Code de la consommation, d'exécuter ce service dans un délai de {days} jours à compter de la réception de la présente lettre."));
            p.push(format!("À défaut, je pourrai résoudre le contrat (article L216-6). Vous devrez alors me rembourser la totalité des sommes versées, soit {}, au plus tard dans les 14 jours suivant la date à laquelle le contrat aura été dénoncé (article L216-7) ; à défaut, cette somme sera de plein droit majorée (article L241-4).", ctx.amount()));
            warnings.push("L'application des articles L216-1 et L216-6 à un service n'est pas confirmée par la référence juridique de Recours : vérifiez-la avant l'envoi.".into());
            vec!["SVC_PERFORMANCE", "DELIV_REFUND", "DELIV_PENALTY"]
        }
    };
    p.extend(ctx.description());
    p.push(ctx.next_steps());
    p.push(CLOSING.into());
    Body {
        object: format!("Mise en demeure — {}", ctx.order_name()),
        paragraphs: p,
        rules,
        warnings,
    }
}

/// The facts and the request of a complaint about a service or digital content.
pub(super) fn complaint_parts(ctx: &LetterContext<'_>) -> (Vec<String>, String, Vec<&'static str>) {
    let d = ctx.dossier;
    match (claim(ctx), d.problem) {
        (ServiceClaim::WithdrawalRefund, _) => {
            let sent = ctx
                .first_event(EventKind::WithdrawalNotified)
                .map(fr_date)
                .unwrap_or_default();
            (
                vec![format!("Le {sent}, je me suis rétracté de ce contrat (article L221-18 du Code de la consommation).")],
                "Je vous demande de me rembourser les sommes versées dans les 14 jours suivant la réception de ma rétractation, comme le prévoit l'article L221-24.".into(),
                vec!["SVC_WD_PERIOD", "SVC_WD_REFUND"],
            )
        }
        (ServiceClaim::AfterCancellation, _) => {
            let mut rules = Vec::new();
            let owed = owed_after_cancellation(ctx, &mut rules);
            (
                vec![cancelled_on(ctx), format!("Des sommes ont été prélevées depuis : {TO_COMPLETE} : dates et montants].")],
                format!("Je vous demande de cesser tout prélèvement et de me rembourser {owed}."),
                rules,
            )
        }
        (ServiceClaim::Performance, Problem::DigitalContent) => (
            vec![format!("Le contenu numérique fourni ne fonctionne pas comme prévu : {TO_COMPLETE} : ce qui ne fonctionne pas].")],
            "Je vous demande de le mettre en conformité sans frais ou, à défaut, de me rembourser (articles L224-25-12 et suivants du Code de la consommation).".into(),
            vec!["DIGITAL_CONFORMITY"],
        ),
        (ServiceClaim::Performance, _) => (
            vec![format!("Le service convenu n'a pas été exécuté : {TO_COMPLETE} : ce qui était prévu, et à quelle date].")],
            "Je vous demande d'exécuter ce service sans délai ou, à défaut, de me rembourser.".into(),
            vec!["SVC_PERFORMANCE"],
        ),
    }
}
