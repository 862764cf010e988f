//! The letters between private persons: only the Code civil. A formal notice that sets a reasonable
//! deadline and warns expressly that the sale will otherwise be résolue (1344, 1224, 1226); the
//! résolution by a reasoned notice (1226); interest at the legal rate on the price (1231-6); the
//! seller's delivery (1603, 1604, 1610) and hidden defects (1641). No Code de la consommation.

use super::super::LetterContext;
use super::{Body, CLOSING, OPENING};
use crate::dossier::validate::fr_date;
use crate::dossier::Problem;
use crate::rules::model::{EventKind, Goal};

/// The purchase between private persons: on which platform, from whom, for how much.
fn purchase(ctx: &LetterContext<'_>) -> String {
    let d = ctx.dossier;
    let place = d
        .platform
        .as_ref()
        .map(|p| format!(" sur {}", p.name))
        .unwrap_or_default();
    let reference = d
        .order
        .reference
        .as_deref()
        .map(|r| format!(" (annonce ou commande n° {r})"))
        .unwrap_or_default();
    format!(
        "Le {}, je vous ai acheté{place} un bien{reference} pour un prix de {}, que j'ai payé.",
        fr_date(d.order.date),
        ctx.amount()
    )
}

/// What went wrong, as a private seller owes it under the Code civil.
fn facts(ctx: &LetterContext<'_>) -> Vec<String> {
    let d = ctx.dossier;
    match d.problem {
        Problem::NonDelivery => vec![
            match d.order.promised_delivery_date {
                Some(date) => format!("Vous deviez me livrer ce bien au plus tard le {}.", fr_date(date)),
                None => "Vous deviez me livrer ce bien dans un délai raisonnable.".into(),
            },
            "À ce jour, je ne l'ai pas reçu. Or le vendeur est tenu de délivrer le bien vendu (articles 1603 et 1604 du Code civil) ; à défaut, l'acheteur peut demander, à son choix, la résolution de la vente ou la livraison (article 1610).".into(),
        ],
        Problem::NonConforming => vec![
            match d.order.delivered_date {
                Some(date) => format!("J'ai reçu le bien le {}.", fr_date(date)),
                None => "J'ai reçu le bien.".into(),
            },
            "Il ne correspond pas à ce qui était convenu (annonce, description, photos, état indiqué). Or le vendeur doit délivrer un bien conforme à ce qui a été convenu (article 1604 du Code civil), et il répond des défauts cachés qui rendent le bien impropre à son usage (article 1641).".into(),
        ],
        Problem::HiddenDefect => vec![format!(
            "Le bien est atteint d'un défaut caché qui le rend impropre à l'usage auquel il est destiné{} ; je ne pouvais pas le déceler, et je ne l'aurais pas acheté, ou pas à ce prix, si je l'avais connu (article 1641 du Code civil).",
            ctx.first_event(EventKind::DefectDiscovered)
                .map(|date| format!(", défaut que j'ai découvert le {}", fr_date(date)))
                .unwrap_or_default()
        )],
        _ => vec!["Vous n'avez pas exécuté ce qui avait été convenu entre nous (article 1217 du Code civil).".into()],
    }
}

/// What is asked, under the Code civil.
fn request(ctx: &LetterContext<'_>) -> String {
    let d = ctx.dossier;
    match (d.problem, d.goal) {
        (Problem::NonDelivery, Goal::Performance) => "de me livrer le bien".into(),
        (Problem::NonDelivery, Goal::Refund) => format!(
            "de me livrer le bien ou, si vous ne le pouvez pas, de me rembourser le prix de {}",
            ctx.amount()
        ),
        (Problem::HiddenDefect, _) => format!(
            "de me rembourser le prix de {} contre la restitution du bien (article 1644 du Code civil)",
            ctx.amount()
        ),
        (_, Goal::Performance) => "de me remettre un bien conforme à ce qui était convenu".into(),
        (_, Goal::Refund) => format!(
            "de me rembourser le prix de {} contre la restitution du bien",
            ctx.amount()
        ),
    }
}

fn next_steps() -> String {
    "À défaut, je saisirai le conciliateur de justice puis, si nécessaire, le tribunal judiciaire."
        .into()
}

fn rules_of(p: Problem) -> Vec<&'static str> {
    match p {
        Problem::NonDelivery => vec!["CIV_DELIVERY", "CIV_REMEDIES"],
        Problem::NonConforming => vec!["CIV_CONFORMITY", "VICE", "CIV_REMEDIES"],
        Problem::HiddenDefect => vec!["VICE"],
        _ => vec!["CIV_REMEDIES"],
    }
}

pub(super) fn complaint(reminder: bool, ctx: &LetterContext<'_>) -> Body {
    let days = ctx.notice_days();
    let mut p = vec![OPENING.to_owned()];
    if reminder {
        p.push(match ctx.first_event(EventKind::ComplaintSent) {
            Some(date) => format!(
                "Je reviens vers vous au sujet de ma demande du {}, restée sans réponse satisfaisante.",
                fr_date(date)
            ),
            None => "Je reviens vers vous au sujet de ma précédente demande, restée sans réponse satisfaisante.".into(),
        });
    }
    p.push(purchase(ctx));
    p.extend(facts(ctx));
    p.extend(ctx.description());
    p.push(format!("Je vous demande {}.", request(ctx)));
    p.push(format!(
        "Je vous remercie de me répondre par écrit dans un délai de {days} jours."
    ));
    p.push(CLOSING.into());
    Body {
        object: if reminder {
            format!("Relance — {}", ctx.order_name())
        } else {
            format!("Demande — {}", ctx.order_name())
        },
        paragraphs: p,
        rules: rules_of(ctx.dossier.problem),
        warnings: Vec::new(),
    }
}

pub(super) fn formal_notice(ctx: &LetterContext<'_>) -> Body {
    let days = ctx.notice_days();
    let mut p = vec![OPENING.to_owned(), purchase(ctx)];
    p.extend(facts(ctx));
    p.extend(ctx.description());
    p.push(format!(
        "En conséquence, je vous mets en demeure, en application de l'article 1344 du Code civil, {} dans un délai de {days} jours à compter de la réception de la présente lettre.",
        request(ctx)
    ));
    p.push("À défaut d'exécution dans ce délai, je considérerai la vente comme résolue et vous le notifierai (articles 1224 et 1226 du Code civil) ; vous devrez alors me restituer le prix payé, augmenté des intérêts au taux légal à compter de la présente mise en demeure (articles 1344-1 et 1231-6).".into());
    p.push(next_steps());
    p.push(CLOSING.into());
    Body {
        object: format!("Mise en demeure — {}", ctx.order_name()),
        paragraphs: p,
        rules: [
            vec!["CIV_NOTICE", "CIV_TERMINATION", "CIV_INTEREST"],
            rules_of(ctx.dossier.problem),
        ]
        .concat(),
        warnings: Vec::new(),
    }
}

pub(super) fn termination(ctx: &LetterContext<'_>) -> Body {
    let mut p = vec![OPENING.to_owned(), purchase(ctx)];
    p.extend(facts(ctx));
    let notice = ctx.last_event(EventKind::FormalNoticeSent);
    p.push(match notice {
        Some(sent) => format!(
            "Par lettre du {}, je vous ai mis en demeure d'exécuter la vente dans un délai raisonnable, en vous avertissant qu'à défaut elle serait résolue (article 1225 du Code civil).",
            fr_date(sent)
        ),
        None => "Par lettre du [à compléter : date de la mise en demeure], je vous ai mis en demeure d'exécuter la vente dans un délai raisonnable, en vous avertissant qu'à défaut elle serait résolue.".into(),
    });
    let expiry = ctx
        .assessment
        .deadlines
        .iter()
        .find(|dl| dl.id == "formal_notice_expiry");
    p.push(match expiry {
        Some(dl) if dl.passed => format!(
            "Ce délai a expiré le {} sans que vous ayez exécuté vos obligations.",
            fr_date(dl.date)
        ),
        Some(dl) => format!(
            "Le délai que je vous ai accordé expire le {}. [à compléter : n'envoyez cette lettre qu'après cette date ; supprimez ensuite ce passage]",
            fr_date(dl.date)
        ),
        None => "Ce délai a expiré sans que vous ayez exécuté vos obligations.".into(),
    });
    p.push("En conséquence, je vous notifie par la présente la résolution de la vente, en application des articles 1224 et 1226 du Code civil, pour les motifs exposés ci-dessus.".into());
    p.push(format!(
        "Je vous demande de me restituer le prix de {}, augmenté des intérêts au taux légal à compter de ma mise en demeure (article 1231-6 du Code civil){}.",
        ctx.amount(),
        if ctx.dossier.order.delivered_date.is_some() {
            ", et je tiens le bien à votre disposition"
        } else {
            ""
        }
    ));
    p.push(next_steps());
    p.push(CLOSING.into());
    Body {
        object: format!("Résolution de la vente — {}", ctx.order_name()),
        paragraphs: p,
        rules: vec!["CIV_TERMINATION", "CIV_INTEREST", "CIV_REMEDIES"],
        warnings: Vec::new(),
    }
}

pub(super) fn conciliator_referral(ctx: &LetterContext<'_>) -> Body {
    let d = ctx.dossier;
    let mut p = vec![
        OPENING.to_owned(),
        format!(
            "Je sollicite votre intervention en tant que conciliateur de justice dans le litige qui m'oppose à {}, un particulier qui m'a vendu un bien{}.",
            d.merchant.name,
            d.platform
                .as_ref()
                .map(|pl| format!(" sur {}", pl.name))
                .unwrap_or_default()
        ),
        purchase(ctx).replacen("je vous ai acheté", "je lui ai acheté", 1),
    ];
    p.extend(ctx.description());
    p.push(format!(
        "Mes démarches amiables sont restées sans effet{}. Je souhaite parvenir à un accord portant sur {}.",
        ctx.first_event(EventKind::FormalNoticeSent)
            .map(|n| format!(" (mise en demeure du {})", fr_date(n)))
            .unwrap_or_default(),
        if d.goal == Goal::Performance {
            "l'exécution de la vente".to_owned()
        } else {
            format!("le remboursement de la somme de {}", ctx.amount())
        }
    ));
    p.push("Je me tiens à votre disposition pour convenir d'un rendez-vous et vous communiquer les pièces de mon dossier.".into());
    p.push(CLOSING.into());
    Body {
        object: format!("Demande de conciliation — litige avec {}", d.merchant.name),
        paragraphs: p,
        rules: vec!["CONCILIATION", "PRE_ACTION"],
        warnings: Vec::new(),
    }
}
