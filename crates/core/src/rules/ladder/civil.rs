//! The steps between private persons (Code civil only): a written request, a formal notice that
//! warns of termination (1344, 1224, 1226), termination by notice, and no consumer mediator, CEC or
//! SignalConso — each said « sans objet » with why.

use super::{done_on, Draft};
use crate::dossier::{validate::fr_date, Problem};
use crate::rules::context::Context;
use crate::rules::model::{EventKind, StepId};
use crate::rules::sites::OfficialSite;

/// The articles the seller's obligation rests on, for each problem.
fn obligation_rules(p: Problem) -> Vec<&'static str> {
    match p {
        Problem::NonDelivery => vec!["CIV_DELIVERY", "CIV_REMEDIES"],
        Problem::NonConforming => vec!["CIV_CONFORMITY", "VICE", "CIV_REMEDIES"],
        Problem::HiddenDefect => vec!["VICE"],
        _ => vec!["CIV_REMEDIES"],
    }
}

pub(super) fn complaint(ctx: &Context) -> Draft {
    let p = ctx.facts.problem;
    let mut s = Draft::new(StepId::Complaint, "Demande écrite au vendeur");
    s.law = match p {
        Problem::NonDelivery => "Entre particuliers, c'est le Code civil qui s'applique : le vendeur doit vous livrer le bien convenu, au moment convenu ; sinon, vous pouvez demander la livraison ou la résolution de la vente (art. 1603, 1604 et 1610).",
        Problem::NonConforming => "Entre particuliers, c'est le Code civil qui s'applique : le vendeur doit livrer un bien conforme à l'annonce, et répond des défauts cachés (art. 1604, 1641). La garantie légale de conformité du Code de la consommation ne s'applique pas face à un particulier.",
        Problem::HiddenDefect => "Le vendeur, même particulier, répond des défauts cachés qui rendent le bien impropre à son usage (art. 1641 du Code civil) ; l'action doit être engagée dans les 2 ans de la découverte du défaut (art. 1648).",
        Problem::WithdrawalRefund => "Face à un particulier, il n'y a pas de droit de rétractation de 14 jours : il ne vaut que face à un professionnel. Si le vendeur a accepté que vous rendiez le bien, c'est son engagement qu'il faut lui rappeler (art. 1217 du Code civil).",
        _ => "Entre particuliers, c'est le Code civil qui s'applique : chacun doit exécuter ce qui a été convenu (art. 1217).",
    }
    .into();
    s.what_to_do = "Écrivez au vendeur, de préférence par la messagerie de la plateforme (elle garde la date) : rappelez l'annonce, la date et le prix, et dites précisément ce que vous demandez.".into();
    s.to_whom = "Le vendeur, par la messagerie de la plateforme ou à son adresse.".into();
    s.how = "Par écrit, et gardez une copie datée (capture d'écran de la conversation).".into();
    s.cost = "Gratuit.".into();
    s.legal = obligation_rules(p);
    s.record = vec![EventKind::ComplaintSent];
    s.done = done_on(ctx, EventKind::ComplaintSent, "Demande envoyée").or_else(|| {
        ctx.first(EventKind::FormalNoticeSent)
            .map(|_| "Votre mise en demeure vaut demande écrite.".to_owned())
    });
    s
}

pub(super) fn formal_notice(ctx: &Context) -> Draft {
    let p = ctx.facts.problem;
    let mut s = Draft::new(StepId::FormalNotice, "Mise en demeure (lettre recommandée)");
    s.law = "La mise en demeure constate que le vendeur n'a pas exécuté la vente et fait courir les intérêts au taux légal sur une somme due (art. 1344, 1344-1 et 1231-6 du Code civil). Pour pouvoir ensuite résoudre la vente vous-même, elle doit lui laisser un délai raisonnable et annoncer clairement qu'à défaut, la vente sera résolue (art. 1224 et 1226).".into();
    s.what_to_do = "Envoyez une mise en demeure : les faits, ce que vous demandez, le délai accordé (8 jours par défaut), et l'avertissement qu'à défaut vous résoudrez la vente.".into();
    s.to_whom = "Le vendeur, à son adresse postale (demandez-la par la messagerie de la plateforme si vous ne l'avez pas).".into();
    s.how = "Lettre recommandée avec avis de réception, ou lettre recommandée en ligne de La Poste. Gardez la preuve de dépôt et l'avis de réception.".into();
    s.cost = "Le prix d'un envoi recommandé avec avis de réception (quelques euros).".into();
    s.sites = vec![OfficialSite::LaPosteRecommande];
    if ctx.has(EventKind::FormalNoticeSent) {
        s.sites.insert(0, OfficialSite::LaPosteTracking);
    }
    s.legal = [vec!["CIV_NOTICE", "CIV_TERMINATION"], obligation_rules(p)].concat();
    s.record = vec![EventKind::FormalNoticeSent, EventKind::FormalNoticeReceived];
    s.done = done_on(ctx, EventKind::FormalNoticeSent, "Mise en demeure envoyée");
    if p == Problem::NonDelivery {
        if let Some(due) = ctx.facts.order.promised_delivery_date {
            s.now = if ctx.today > due {
                format!(
                    "La date de livraison convenue, le {}, est passée.",
                    fr_date(due)
                )
            } else {
                format!("Possible si rien n'est livré au {}.", fr_date(due))
            };
        }
    }
    if p == Problem::UnauthorizedPayment {
        s.applies = Err("C'est votre banque qui doit rembourser un paiement non autorisé : la contestation auprès d'elle suffit.".into());
    }
    s
}

pub(super) fn termination(ctx: &Context) -> Draft {
    let p = ctx.facts.problem;
    let mut s = Draft::new(StepId::Termination, "Résolution de la vente");
    s.law = "Si la mise en demeure, qui annonçait la résolution, est restée sans effet à la fin du délai accordé, vous pouvez résoudre la vente par une notification motivée : le vendeur doit alors vous rendre le prix, et vous, le bien s'il vous a été livré (art. 1224 à 1226 du Code civil).".into();
    s.what_to_do = "Envoyez la notification de résolution, en rappelant la mise en demeure et ses motifs, et demandez la restitution du prix.".into();
    s.to_whom = "Le vendeur, à son adresse postale.".into();
    s.how = "Lettre recommandée avec avis de réception. La résolution prend effet à la réception de la notification.".into();
    s.cost = "Le prix d'un envoi recommandé (quelques euros).".into();
    s.legal = vec!["CIV_TERMINATION", "CIV_INTEREST"];
    s.record = vec![
        EventKind::TerminationNotified,
        EventKind::TerminationReceived,
    ];
    s.done = done_on(ctx, EventKind::TerminationNotified, "Résolution notifiée");
    s.deadline = Some("formal_notice_expiry");
    s.now = match ctx.formal_notice_expiry() {
        Some(end) if end > ctx.today => format!(
            "Le délai de la mise en demeure court jusqu'au {} : sans exécution d'ici là, vous pourrez résoudre la vente.",
            fr_date(end)
        ),
        Some(end) => format!(
            "Le délai de la mise en demeure a pris fin le {} : vous pouvez résoudre la vente.",
            fr_date(end)
        ),
        None => "Possible après une mise en demeure restée sans effet.".into(),
    };
    match p {
        Problem::HiddenDefect => {
            s.applies = Err("Pour un vice caché, la restitution du prix se demande au vendeur à l'amiable, puis au juge (art. 1644 du Code civil).".into());
        }
        Problem::UnauthorizedPayment => {
            s.applies = Err("Vous n'avez rien acheté : il n'y a pas de vente à résoudre.".into());
        }
        _ => {}
    }
    s
}

pub(super) fn mediation(_ctx: &Context) -> Draft {
    let mut s = Draft::new(StepId::Mediation, "Médiateur de la consommation");
    s.applies = Err("Sans objet : la médiation de la consommation ne vaut que pour un litige avec un professionnel. Entre particuliers, le conciliateur de justice, gratuit, joue ce rôle.".into());
    s
}

pub(super) fn cec(_ctx: &Context) -> Draft {
    let mut s = Draft::new(StepId::Cec, "Centre européen des consommateurs France");
    s.applies = Err("Sans objet : le CEC France aide face à un vendeur professionnel établi dans un autre pays européen, pas entre particuliers.".into());
    s
}
