//! What each letter says: the facts in order, the legal basis with its articles (current numbering,
//! checked against shared/domain/french-law-2026.md), the precise request, the deadline granted and
//! what comes next. Plain paragraphs: the person can edit them before the PDF is made. What the
//! dossier does not show is not asserted: it is marked « [à compléter : …] » or said in a warning.

mod bank;
mod civil;
mod payment;
mod platform;
mod sentences;
mod service;

use super::LetterContext;
use crate::dossier::validate::fr_date;
use crate::dossier::Problem;
use crate::rules::model::{EventKind, Goal};
use sentences::WithdrawalTiming;

/// Marks what the person must complete by hand; a PDF is refused while one is left.
pub const TO_COMPLETE: &str = "[à compléter";

pub struct Body {
    pub object: String,
    pub paragraphs: Vec<String>,
    /// Rule ids (rules::law) the letter relies on.
    pub rules: Vec<&'static str>,
    /// What the person should check before sending (shown above the text, never printed).
    pub warnings: Vec<String>,
}

const OPENING: &str = "Madame, Monsieur,";
const CLOSING: &str =
    "Je vous prie d'agréer, Madame, Monsieur, l'expression de mes salutations distinguées.";

/// The object line and paragraphs of one letter, in the words of the dossier's regime.
pub fn body(kind: super::LetterKind, ctx: &LetterContext<'_>) -> Body {
    use super::LetterKind as K;
    use crate::rules::model::Regime;
    // The payment routes: the same words in every regime (none goes to the seller).
    match kind {
        K::PaypalDispute => return payment::paypal_dispute(ctx),
        K::TransferRecall => return payment::transfer_recall(ctx),
        K::LenderRequest => return payment::lender_request(ctx),
        K::BankDispute => return bank::dispute(ctx),
        K::PlatformClaim => return platform::claim(ctx),
        _ => {}
    }
    if ctx.assessment.regime == Regime::NoMerchant {
        // No letter to a merchant is offered without one (LetterKind::fits); the bank's is the
        // nearest if one is asked for anyway.
        return bank::dispute(ctx);
    }
    if ctx.assessment.regime == Regime::Civil {
        return match kind {
            K::Complaint | K::Reminder => civil::complaint(kind == K::Reminder, ctx),
            K::FormalNoticeDelivery | K::FormalNoticeConformity => civil::formal_notice(ctx),
            K::Termination => civil::termination(ctx),
            K::ConciliatorReferral => civil::conciliator_referral(ctx),
            // Not offered between private persons (LetterKind::fits): the consumer texts never
            // reach a private seller.
            _ => civil::complaint(false, ctx),
        };
    }
    match kind {
        K::ServiceWithdrawal => service::withdrawal(ctx),
        K::Cancellation => service::cancellation(ctx),
        K::CancellationRefund => service::cancellation_refund(ctx),
        K::FormalNoticeService => service::formal_notice(ctx),
        K::Complaint | K::Reminder => complaint(kind == K::Reminder, ctx),
        K::FormalNoticeDelivery => formal_notice_delivery(ctx),
        K::FormalNoticeConformity => formal_notice_conformity(ctx),
        K::FormalNoticeWithdrawal => formal_notice_withdrawal(ctx),
        K::Termination if ctx.dossier.problem == Problem::NonConforming => {
            termination_conformity(ctx)
        }
        K::Termination => termination_delivery(ctx),
        K::WithdrawalForm => withdrawal_form(ctx),
        K::MediatorReferral => mediator_referral(ctx),
        K::ConciliatorReferral => conciliator_referral(ctx),
        // The payment routes returned above.
        K::BankDispute
        | K::PlatformClaim
        | K::PaypalDispute
        | K::TransferRecall
        | K::LenderRequest => bank::dispute(ctx),
    }
}

/// The rules of the withdrawal period: L221-18, and L221-20 when it was extended.
fn withdrawal_rules(ctx: &LetterContext<'_>) -> Vec<&'static str> {
    match ctx.withdrawal_timing() {
        WithdrawalTiming::InTime { extended: true } => vec!["WD_PERIOD", "WD_EXT"],
        _ => vec!["WD_PERIOD"],
    }
}

fn complaint(reminder: bool, ctx: &LetterContext<'_>) -> Body {
    let d = ctx.dossier;
    let order = ctx.order_name();
    let days = ctx.notice_days();
    let object = if reminder {
        format!("Relance — réclamation — {order}")
    } else {
        format!("Réclamation — {order}")
    };
    let mut p = vec![OPENING.to_owned()];
    let mut warnings = Vec::new();
    if reminder {
        p.push(match ctx.first_event(EventKind::ComplaintSent) {
            Some(date) => format!(
                "Je reviens vers vous au sujet de ma réclamation du {}, restée à ce jour sans réponse satisfaisante.",
                fr_date(date)
            ),
            None => "Je reviens vers vous au sujet de ma précédente réclamation, restée à ce jour sans réponse satisfaisante.".into(),
        });
    }
    p.push(ctx.purchase());
    let (facts, request, r): (Vec<String>, String, Vec<&'static str>) = match d.problem {
        Problem::NonDelivery => (
            ctx.delivery_facts(),
            if d.goal == Goal::Performance {
                "Je vous demande de me livrer le bien commandé sans délai, ou de m'indiquer par écrit la date à laquelle il me sera livré.".into()
            } else {
                "Je vous demande de me livrer le bien commandé sans délai ou, à défaut, de me rembourser.".into()
            },
            vec!["DELIV_DEFAULT", "RISK"],
        ),
        Problem::HiddenDefect => (
            ctx.conformity_facts(),
            "Je vous demande, sur le fondement des articles 1641 et 1644 du Code civil, de me restituer le prix contre restitution du bien, ou une partie du prix si je le conserve.".into(),
            vec!["VICE"],
        ),
        Problem::NonConforming => (
            ctx.conformity_facts(),
            if d.goal == Goal::Performance {
                "Je vous demande de réparer ou de remplacer le bien gratuitement, dans un délai de 30 jours (articles L217-9 et L217-10 du Code de la consommation).".into()
            } else {
                "Je vous demande de procéder à la mise en conformité du bien ou, si elle est impossible, de me rembourser (articles L217-9 et L217-14 du Code de la consommation).".into()
            },
            vec!["GLC_DURATION", "GLC_PRESUMPTION", "RESERVES", "GLC_FIX"],
        ),
        Problem::WithdrawalRefund => {
            warnings = ctx.withdrawal_warnings();
            (
                ctx.withdrawal_facts(),
                ctx.refund_request(),
                [withdrawal_rules(ctx), vec!["WD_REFUND"]].concat(),
            )
        }
        Problem::Service | Problem::DigitalContent => service::complaint_parts(ctx),
        _ => (
            Vec::new(),
            "Je vous demande de bien vouloir régler ce litige.".into(),
            vec!["MED_WINDOW"],
        ),
    };
    p.extend(facts);
    p.extend(ctx.description());
    p.push(request);
    p.push(format!(
        "Je vous remercie de me répondre par écrit dans un délai de {days} jours."
    ));
    p.push("Cette réclamation écrite me permettra, si le litige persiste, de saisir le médiateur de la consommation (article L612-2 du Code de la consommation).".into());
    p.push(CLOSING.into());
    Body {
        object,
        paragraphs: p,
        rules: [r, vec!["MED_WINDOW"]].concat(),
        warnings,
    }
}

fn formal_notice_delivery(ctx: &LetterContext<'_>) -> Body {
    let days = ctx.notice_days();
    let mut p = vec![OPENING.to_owned(), ctx.purchase()];
    p.extend(ctx.delivery_facts());
    p.extend(ctx.description());
    p.push(format!(
        "En conséquence, je vous mets en demeure, sur le fondement de l'article L216-6 du Code de la consommation, de me livrer le bien commandé dans un délai de {days} jours à compter de la réception de la présente lettre."
    ));
    p.push(format!(
        "Si la livraison n'intervient pas dans ce délai, je pourrai résoudre le contrat (article L216-6). Vous devrez alors me rembourser la totalité des sommes versées, soit {}, au plus tard dans les 14 jours suivant la date à laquelle le contrat aura été dénoncé (article L216-7) ; à défaut, cette somme sera de plein droit majorée de 10 %, 20 % puis 50 % selon la durée du retard (article L241-4).",
        ctx.amount()
    ));
    p.push(ctx.next_steps());
    p.push(CLOSING.into());
    Body {
        object: format!("Mise en demeure de livrer — {}", ctx.order_name()),
        paragraphs: p,
        rules: vec![
            "DELIV_DEFAULT",
            "DELIV_NOTICE",
            "RISK",
            "DELIV_REFUND",
            "DELIV_PENALTY",
        ],
        warnings: Vec::new(),
    }
}

fn formal_notice_conformity(ctx: &LetterContext<'_>) -> Body {
    let d = ctx.dossier;
    let order = ctx.order_name();
    let days = ctx.notice_days();
    let mut p = vec![OPENING.to_owned(), ctx.purchase()];
    p.extend(ctx.conformity_facts());
    p.extend(ctx.description());
    let (object, rules) = if d.problem == Problem::HiddenDefect {
        let ask = if d.goal == Goal::Performance {
            "de me proposer, à vos frais, la réparation ou le remplacement du bien ; à défaut, je demanderai la restitution du prix (article 1644 du Code civil),".to_owned()
        } else {
            format!(
                "de me rembourser le prix, soit {}, contre restitution du bien",
                ctx.amount()
            )
        };
        p.push(format!(
            "En conséquence, je vous mets en demeure, sur le fondement de la garantie des vices cachés (articles 1641 et 1644 du Code civil), {ask} dans un délai de {days} jours à compter de la réception de la présente lettre."
        ));
        (
            format!("Mise en demeure — vice caché — {order}"),
            vec!["VICE"],
        )
    } else {
        let request = if d.goal == Goal::Performance {
            "de réparer ou de remplacer le bien, à mon choix et sans frais pour moi, dans un délai de 30 jours suivant ma demande (articles L217-9 et L217-10 du Code de la consommation)".to_owned()
        } else {
            format!("de mettre le bien en conformité ; si la réparation et le remplacement sont impossibles ou n'interviennent pas dans les 30 jours, je demande la résolution de la vente et le remboursement du prix, soit {} (article L217-14 du Code de la consommation)", ctx.amount())
        };
        p.push(format!(
            "En conséquence, je vous mets en demeure, au titre de la garantie légale de conformité, {request}."
        ));
        p.push(format!(
            "Je vous remercie de me confirmer par écrit, dans un délai de {days} jours à compter de la réception de la présente, les dispositions que vous prenez."
        ));
        (
            format!("Mise en demeure — bien non conforme — {order}"),
            vec![
                "GLC_DURATION",
                "GLC_PRESUMPTION",
                "RESERVES",
                "GLC_FIX",
                "GLC_FALLBACK",
            ],
        )
    };
    p.push(ctx.next_steps());
    p.push(CLOSING.into());
    Body {
        object,
        paragraphs: p,
        rules,
        warnings: Vec::new(),
    }
}

fn formal_notice_withdrawal(ctx: &LetterContext<'_>) -> Body {
    let days = ctx.notice_days();
    let mut p = vec![OPENING.to_owned(), ctx.purchase()];
    p.extend(ctx.withdrawal_facts());
    p.extend(ctx.description());
    p.push(format!(
        "En conséquence, je vous mets en demeure de procéder au remboursement dans un délai de {days} jours à compter de la réception de la présente lettre, par le même moyen de paiement que celui utilisé pour la commande."
    ));
    p.push(ctx.refund_request());
    p.push("Je vous rappelle qu'en application de l'article L242-4 du Code de la consommation, les sommes dues sont de plein droit majorées du taux d'intérêt légal jusqu'à 10 jours de retard, puis de 5 %, 10 %, 20 % et 50 % selon la durée du retard, puis de 5 points par mois supplémentaire jusqu'au prix du produit, puis du taux d'intérêt légal.".into());
    p.push(ctx.next_steps());
    p.push(CLOSING.into());
    Body {
        object: format!(
            "Mise en demeure de rembourser — rétractation — {}",
            ctx.order_name()
        ),
        paragraphs: p,
        rules: [withdrawal_rules(ctx), vec!["WD_REFUND", "WD_PENALTY"]].concat(),
        warnings: ctx.withdrawal_warnings(),
    }
}

fn termination_delivery(ctx: &LetterContext<'_>) -> Body {
    let mut p = vec![OPENING.to_owned(), ctx.purchase()];
    let notice = ctx.last_event(EventKind::FormalNoticeSent);
    let received = ctx.last_event(EventKind::FormalNoticeReceived);
    p.push(match notice {
        Some(sent) => format!(
            "Par lettre recommandée du {}{}, je vous ai mis en demeure de me livrer dans un délai supplémentaire raisonnable, conformément à l'article L216-6 du Code de la consommation.",
            fr_date(sent),
            received
                .map(|r| format!(", que vous avez reçue le {}", fr_date(r)))
                .unwrap_or_default()
        ),
        None => "Je vous ai mis en demeure de me livrer dans un délai supplémentaire raisonnable, par lettre du [à compléter : date de la mise en demeure], conformément à l'article L216-6 du Code de la consommation.".into(),
    });
    let expiry = ctx
        .assessment
        .deadlines
        .iter()
        .find(|dl| dl.id == "formal_notice_expiry");
    p.push(match expiry {
        Some(dl) if dl.passed => format!(
            "Ce délai a expiré le {} sans que le bien m'ait été livré.",
            fr_date(dl.date)
        ),
        Some(dl) => format!(
            "Le délai que je vous ai accordé expire le {}. [à compléter : n'envoyez cette lettre qu'après cette date, sauf si le vendeur refuse de livrer ou si la date était essentielle (article L216-6 II) ; supprimez ensuite ce passage]",
            fr_date(dl.date)
        ),
        None => "Ce délai a expiré sans que le bien m'ait été livré.".into(),
    });
    p.push("En conséquence, je vous notifie par la présente la résolution du contrat, en application de l'article L216-6 du Code de la consommation. Le contrat est considéré comme résolu à la réception de cette lettre, à moins que vous ne vous soyez exécuté entre-temps.".into());
    p.push(format!(
        "Conformément à l'article L216-7 du même code, vous devez me rembourser la totalité des sommes versées, soit {}, au plus tard dans les 14 jours suivant cette date. À défaut, cette somme sera de plein droit majorée de 10 % si le remboursement intervient au plus tard 14 jours après ce terme, de 20 % jusqu'à 30 jours et de 50 % au-delà (article L241-4).",
        ctx.amount()
    ));
    p.push(ctx.next_steps_after(true));
    p.push(CLOSING.into());
    Body {
        object: format!("Résolution du contrat — {}", ctx.order_name()),
        paragraphs: p,
        rules: vec!["DELIV_NOTICE", "DELIV_REFUND", "DELIV_PENALTY"],
        warnings: Vec::new(),
    }
}

/// L217-14: the sale is résolue when repair or replacement failed (refused, impossible, or not
/// done within the 30 days of L217-10); only then is the price a sum owed.
fn termination_conformity(ctx: &LetterContext<'_>) -> Body {
    let mut p = vec![OPENING.to_owned(), ctx.purchase()];
    p.extend(ctx.conformity_facts());
    let asked = [
        ctx.first_event(EventKind::RepairRequested),
        ctx.first_event(EventKind::FormalNoticeSent),
    ]
    .into_iter()
    .flatten()
    .min();
    p.push(match asked {
        Some(date) => format!(
            "Le {}, je vous ai demandé de mettre le bien en conformité, par sa réparation ou son remplacement (article L217-9 du Code de la consommation).",
            fr_date(date)
        ),
        None => "Le [à compléter : date de votre demande], je vous ai demandé de mettre le bien en conformité, par sa réparation ou son remplacement (article L217-9 du Code de la consommation).".into(),
    });
    p.push(match ctx.deadline("repair_due") {
        Some((due, false)) if due < ctx.today => format!(
            "Le délai de 30 jours dont vous disposiez (article L217-10) a expiré le {} sans que le bien ait été mis en conformité.",
            fr_date(due)
        ),
        Some((due, true)) if due < ctx.today => format!(
            "Le délai de 30 jours dont vous disposiez à compter de ma demande (article L217-10) est écoulé sans que le bien ait été mis en conformité. [à compléter : vérifiez que 30 jours ont passé depuis la réception de votre demande par le vendeur, au plus tôt le {}, puis supprimez ce passage]",
            fr_date(due)
        ),
        Some((due, earliest)) => format!(
            "Vous disposez de 30 jours à compter de ma demande (article L217-10), soit jusqu'au {}{}. [à compléter : n'envoyez cette lettre qu'après cette date, sauf si vous avez refusé la réparation et le remplacement ; supprimez ensuite ce passage]",
            if earliest { "au plus tôt " } else { "" },
            fr_date(due)
        ),
        None => "Le bien n'a pas été mis en conformité dans le délai de 30 jours prévu par l'article L217-10 [à compléter : ou précisez que la réparation et le remplacement ont été refusés].".into(),
    });
    p.extend(ctx.description());
    p.push(format!(
        "En conséquence, je vous notifie par la présente la résolution de la vente, en application de l'article L217-14 du Code de la consommation, et vous demande de me rembourser le prix, soit {}. Je tiens le bien à votre disposition et vous remercie de m'indiquer comment vous souhaitez le reprendre, à vos frais.",
        ctx.amount()
    ));
    p.push(ctx.next_steps_after(true));
    p.push(CLOSING.into());
    Body {
        object: format!("Résolution de la vente — {}", ctx.order_name()),
        paragraphs: p,
        rules: vec!["GLC_DURATION", "RESERVES", "GLC_FIX", "GLC_FALLBACK"],
        warnings: Vec::new(),
    }
}

fn withdrawal_form(ctx: &LetterContext<'_>) -> Body {
    let d = ctx.dossier;
    let o = &d.order;
    let mut p = vec![
        "Je vous notifie par la présente ma rétractation du contrat portant sur la vente du bien ci-dessous :".to_owned(),
        format!(
            "Commandé le {}{}{}.",
            fr_date(o.date),
            o.delivered_date
                .map(|r| format!(", reçu le {}", fr_date(r)))
                .unwrap_or_default(),
            o.reference
                .as_deref()
                .map(|r| format!(" (commande n° {r}, {})", ctx.amount()))
                .unwrap_or_else(|| format!(" ({})", ctx.amount()))
        ),
        format!("Nom du consommateur : {}", ctx.sender.name),
        format!(
            "Adresse du consommateur : {}",
            ctx.sender
                .lines()
                .iter()
                .skip(1)
                .take_while(|l| !l.contains('@') && !l.starts_with("Tél."))
                .cloned()
                .collect::<Vec<_>>()
                .join(", ")
        ),
    ];
    p.push("Je vous remercie de me rembourser la totalité des sommes versées, frais de livraison initiaux compris, dans les 14 jours suivant la réception de la présente (article L221-24 du Code de la consommation), sous réserve de votre faculté de différer ce remboursement jusqu'à la récupération du bien ou jusqu'à ce que je vous aie fourni la preuve de son expédition, et de m'indiquer l'adresse de retour du bien.".into());
    // Sent today: say so when today is past the period the dossier's dates give.
    let warnings = match ctx.deadline("withdrawal_period_end") {
        Some((end, _)) if ctx.today > end => vec![format!(
            "D'après les dates du dossier, le délai de rétractation a pris fin le {} (articles L221-18 et L221-19) : une rétractation envoyée aujourd'hui serait tardive, sauf si le vendeur ne vous a pas informé de ce droit (article L221-20). Vérifiez la date de réception du bien.",
            fr_date(end)
        )],
        Some(_) => Vec::new(),
        None => vec!["Le délai de 14 jours court de la réception du bien (article L221-18) : notez sa date dans le dossier pour que Recours le vérifie.".into()],
    };
    Body {
        object: format!("Rétractation — {}", ctx.order_name()),
        paragraphs: p,
        rules: vec!["WD_PERIOD", "WD_RETURN", "WD_REFUND"],
        warnings,
    }
}

fn mediator_referral(ctx: &LetterContext<'_>) -> Body {
    let d = ctx.dossier;
    let mut p = vec![
        OPENING.to_owned(),
        format!(
            "Je vous saisis du litige qui m'oppose à la société {}, dont vous êtes le médiateur de la consommation.",
            d.merchant.name
        ),
        ctx.purchase_told(),
        ctx.problem_summary().to_owned(),
    ];
    p.extend(ctx.description());
    let complaint = [
        ctx.first_event(EventKind::ComplaintSent),
        ctx.first_event(EventKind::FormalNoticeSent),
    ]
    .into_iter()
    .flatten()
    .min();
    p.push(match complaint {
        Some(date) if ctx.today <= crate::rules::calendar::add_months(date, 12) => format!(
            "J'ai adressé une réclamation écrite au professionnel le {}, sans obtenir satisfaction. Ma demande intervient moins d'un an après cette réclamation, comme l'exige l'article L612-2 du Code de la consommation.",
            fr_date(date)
        ),
        Some(date) => format!(
            "J'ai adressé une réclamation écrite au professionnel le {}, sans obtenir satisfaction (article L612-2 du Code de la consommation). [à compléter : plus d'un an a passé depuis cette réclamation ; vérifiez auprès du médiateur que votre demande reste recevable, puis supprimez ce passage]",
            fr_date(date)
        ),
        None => "J'ai adressé une réclamation écrite au professionnel le [à compléter : date de votre réclamation écrite], sans obtenir satisfaction (article L612-2 du Code de la consommation).".into(),
    });
    p.push(format!(
        "Je souhaite obtenir {}. Vous trouverez ci-joint les pièces de mon dossier.",
        if d.goal == Goal::Performance {
            "l'exécution de la commande (livraison, réparation ou remplacement)".to_owned()
        } else {
            format!("le remboursement de la somme de {}", ctx.amount())
        }
    ));
    p.push(CLOSING.into());
    Body {
        object: format!(
            "Demande de médiation — litige avec {} — {}",
            d.merchant.name,
            ctx.order_name()
        ),
        paragraphs: p,
        rules: vec!["MED_FREE", "MED_WINDOW", "MED_TIMES"],
        warnings: Vec::new(),
    }
}

fn conciliator_referral(ctx: &LetterContext<'_>) -> Body {
    let d = ctx.dossier;
    let mut p = vec![
        OPENING.to_owned(),
        format!(
            "Je sollicite votre intervention en tant que conciliateur de justice dans le litige qui m'oppose à la société {}{}.",
            d.merchant.name,
            d.merchant
                .postal_address
                .as_deref()
                .map(|a| format!(", {}", a.replace('\n', ", ")))
                .unwrap_or_default()
        ),
        ctx.purchase_told(),
        ctx.problem_summary().to_owned(),
    ];
    p.extend(ctx.description());
    p.push(format!(
        "Mes démarches amiables sont restées sans effet{}. Je souhaite parvenir à un accord portant sur {}.",
        ctx.first_event(EventKind::FormalNoticeSent)
            .map(|n| format!(" (mise en demeure du {})", fr_date(n)))
            .unwrap_or_default(),
        if d.goal == Goal::Performance {
            "l'exécution de la commande".to_owned()
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
