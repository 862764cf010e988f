//! The steps proper to a service, a subscription or digital content bought from a professional:
//! withdrawing within 14 days of the contract (L221-18; what is owed once it started, L221-25; when
//! digital content leaves no withdrawal, L221-28 13°), cancelling a subscription (L215-1-1, and
//! L215-1 after a renewal without notice), and reporting a missing cancellation function. The
//! complaint, the mise en demeure and what follows are the consumer ladder's (consumer.rs).

use super::{done_on, Draft};
use crate::dossier::{validate::fr_date, Problem};
use crate::rules::context::Context;
use crate::rules::model::{EventKind, StepId};
use crate::rules::sites::OfficialSite;

pub(super) fn withdrawal(ctx: &Context) -> Draft {
    let terms = ctx.service();
    let digital = ctx.facts.problem == Problem::DigitalContent;
    let mut s = Draft::new(
        StepId::Withdrawal,
        "Vous rétracter (14 jours après le contrat)",
    );
    s.law = "Pour un service ou un contenu numérique acheté à distance, vous avez 14 jours pour vous rétracter, sans motif, à compter du jour où le contrat a été conclu (art. L221-18). Un délai qui finit un samedi, un dimanche ou un jour férié va jusqu'au jour ouvrable suivant (art. L221-19).".into();
    s.legal = vec!["SVC_WD_PERIOD", "WD_EXTENSION"];
    if ctx.facts.order.withdrawal_info_missing() {
        s.legal.push("WD_EXT");
    }
    s.legal.push(if digital {
        "DIGITAL_WD_WAIVED"
    } else {
        "SVC_EARLY_START"
    });
    s.to_whom = "Le professionnel : sa fonction de rétractation en ligne, son adresse e-mail ou son adresse postale (mentions légales).".into();
    s.how = "Par la fonction du site (faites une capture d'écran), par e-mail, ou par lettre recommandée : une déclaration claire suffit, le formulaire type n'est pas obligatoire. Gardez une preuve de la date.".into();
    s.cost = if digital {
        "Gratuit."
    } else {
        "Gratuit. Si le service a commencé à votre demande expresse, vous devez la part déjà fournie."
    }
        .into();
    s.record = vec![EventKind::WithdrawalNotified, EventKind::WithdrawalReceived];
    s.deadline = Some("withdrawal_period_end");
    s.done = done_on(ctx, EventKind::WithdrawalNotified, "Rétractation envoyée");
    let Some(end) = ctx.withdrawal_period_end() else {
        // Only digital content supplied with the person's express consent and acknowledgement.
        s.applies = Err("Vous avez accepté que le contenu numérique soit fourni tout de suite et reconnu perdre votre droit de rétractation, avec une confirmation du vendeur : il n'y a plus de rétractation (art. L221-28, 13°). S'il ne fonctionne pas, la garantie de conformité s'applique : voyez la réclamation.".into());
        return s;
    };
    if s.done.is_none() && ctx.today > end {
        s.applies = Err(format!(
            "Le délai de rétractation a pris fin le {}. {}",
            fr_date(end),
            match (digital, terms.subscription) {
                (true, _) => "Restent la réclamation et la garantie de conformité du contenu.",
                (false, true) => "Restent la résiliation et la réclamation.",
                (false, false) => "Reste la réclamation.",
            }
        ));
        return s;
    }
    s.now = format!(
        "Vous pouvez vous rétracter jusqu'au {} inclus.",
        fr_date(end)
    );
    s.what_to_do = if digital {
        match terms.withdrawal_waived {
            Some(false) => format!("Vous n'avez pas renoncé à votre droit : rétractez-vous au plus tard le {} et demandez le remboursement de tout ce que vous avez payé, dans les 14 jours (art. L221-24).", fr_date(end)),
            _ => format!("Vérifiez d'abord si, au moment de l'achat, vous avez coché une case acceptant que le contenu soit fourni tout de suite et que vous perdiez votre droit de rétractation, et reçu une confirmation (un e-mail) : alors il n'y a plus de rétractation (art. L221-28, 13°). Sinon, rétractez-vous au plus tard le {} et demandez le remboursement sous 14 jours.", fr_date(end)),
        }
    } else {
        let owed = match terms.early_start_requested {
            // Without the information on this point, nothing is owed for what was supplied (L221-25).
            Some(true) if ctx.facts.order.withdrawal_info_missing() => " Le service a commencé à votre demande, mais vous n'avez pas été informé de votre droit de rétractation : vous ne devez rien pour la part déjà fournie (art. L221-25).",
            Some(true) => " Le service a commencé à votre demande pendant le délai : vous devrez seulement la part déjà fournie, proportionnelle au prix (art. L221-25) ; rien si votre demande expresse n'a pas été recueillie.",
            Some(false) => " Le service n'a pas commencé à votre demande : vous ne devez rien et tout vous est remboursé.",
            None => " Si vous avez demandé que le service commence tout de suite, vous devrez la part déjà fournie (art. L221-25) ; sinon, rien.",
        };
        format!("Envoyez votre rétractation au plus tard le {} : « Je me rétracte du contrat conclu le … ». Le professionnel doit vous rembourser dans les 14 jours (art. L221-24).{owed}", fr_date(end))
    };
    s
}

pub(super) fn cancellation(ctx: &Context) -> Draft {
    let terms = ctx.service();
    let mut s = Draft::new(StepId::Cancellation, "Résilier l'abonnement");
    // A one-off service or purchase has nothing to cancel.
    s.hidden = !terms.subscription;
    s.law = "Un contrat conclu en ligne doit pouvoir être résilié en ligne, gratuitement, par une fonction « résilier votre contrat » facile à trouver ; le professionnel confirme la résiliation par e-mail, avec sa date (art. L215-1-1, D215-1 à D215-3, depuis le 1er juin 2023).".into();
    s.legal = vec![
        "CANCEL_ONLINE",
        "CANCEL_FUNCTION",
        "CANCEL_CONFIRM",
        "RENEWAL_NOTICE",
    ];
    let renewed = ctx.renewed_without_notice();
    if renewed {
        s.legal.push("RENEWAL_REFUND");
    }
    let mut todo = match terms.online_cancellation {
        Some(true) => "Utilisez la fonction « Résilier votre contrat » du site ; faites une capture d'écran de chaque étape et gardez l'e-mail de confirmation.".to_owned(),
        Some(false) => "La fonction de résiliation en ligne manque ou ne marche pas : envoyez la lettre de résiliation que Recours rédige (elle cite l'article L215-1-1), par e-mail et par lettre recommandée, et signalez l'absence de la fonction sur SignalConso.".to_owned(),
        None => "Cherchez sur le site la fonction « Résilier votre contrat » (souvent en bas de page ou dans votre compte). Si elle manque ou ne marche pas, envoyez la lettre de résiliation que Recours rédige (elle cite l'article L215-1-1).".to_owned(),
    };
    if let (true, Some(renewal)) = (renewed, terms.renewal_date) {
        todo.push_str(&format!(" Vous n'avez pas reçu le courrier qui devait vous rappeler la date limite pour refuser la reconduction : vous pouvez résilier à tout moment, sans frais, et les avances payées depuis la reconduction du {} vous sont remboursées dans les 30 jours de la résiliation, moins le service rendu jusque-là (art. L215-1).", fr_date(renewal)));
    }
    s.what_to_do = todo;
    s.to_whom = "Le professionnel : sa fonction de résiliation en ligne, sinon son service client (e-mail) et son adresse postale.".into();
    s.how = "En ligne par la fonction du site, sinon par e-mail et lettre recommandée. Gardez la confirmation : c'est la preuve de la date.".into();
    s.cost = "Gratuit (ou le prix d'un envoi recommandé).".into();
    s.sites = vec![OfficialSite::Signalconso];
    s.record = vec![EventKind::CancellationSent];
    if renewed {
        s.deadline = Some("renewal_refund_due");
    }
    s.now = "Vous pouvez résilier maintenant ; les prélèvements doivent cesser à la date d'effet."
        .into();
    s.done = done_on(ctx, EventKind::CancellationSent, "Résiliation envoyée");
    s
}

pub(super) fn report(ctx: &Context) -> Draft {
    let mut s = Draft::new(
        StepId::Report,
        "Signaler le professionnel à la DGCCRF (SignalConso)",
    );
    s.parallel = true;
    let missing = ctx.service().online_cancellation == Some(false);
    s.law = if missing {
        "Proposer la fonction « résilier votre contrat » est une obligation (art. L215-1-1) que la DGCCRF contrôle. Votre signalement lui est transmis, ainsi qu'au professionnel, qui peut y répondre.".into()
    } else {
        "SignalConso transmet votre signalement au professionnel, qui peut y répondre, et à la DGCCRF, qui surveille les pratiques des entreprises. Ce n'est pas une plainte et cela ne remplace pas vos démarches.".into()
    };
    s.what_to_do = if missing {
        "Signalez l'absence de la fonction « résilier votre contrat » sur SignalConso, avec une capture d'écran de la page où elle devrait être.".into()
    } else {
        "Signalez ce qui s'est passé sur SignalConso ; joignez une capture d'écran.".into()
    };
    s.to_whom = "La DGCCRF, par SignalConso.".into();
    s.how = "En ligne.".into();
    s.legal = if missing {
        vec!["SIGNALCONSO", "CANCEL_ONLINE"]
    } else {
        vec!["SIGNALCONSO"]
    };
    s.sites = vec![OfficialSite::Signalconso];
    s.record = vec![EventKind::SignalconsoReported];
    s.done = done_on(ctx, EventKind::SignalconsoReported, "Signalement fait");
    s
}
