//! The steps when there is no merchant to write to: a fake shop, a seller who vanished. No complaint,
//! mise en demeure, mediator or civil court (each said « sans objet » with why): the payment route
//! first, then the online complaint (THESEE), a SignalConso report, and Perceval if the card is
//! used again.

use super::{done_on, Draft};
use crate::dossier::PaymentMethod;
use crate::rules::context::Context;
use crate::rules::model::{EventKind, StepId};
use crate::rules::sites::OfficialSite;

const NO_ONE: &str = "Il n'y a personne à qui écrire : un site frauduleux ne répond pas, et l'adresse qu'il affiche, s'il en affiche une, est en général fausse. Le temps compte davantage pour votre paiement et votre plainte.";

pub(super) fn complaint(_ctx: &Context) -> Draft {
    let mut s = Draft::new(StepId::Complaint, "Réclamation écrite au vendeur");
    s.applies = Err(NO_ONE.into());
    s
}

pub(super) fn formal_notice(_ctx: &Context) -> Draft {
    let mut s = Draft::new(StepId::FormalNotice, "Mise en demeure");
    s.applies = Err("Une mise en demeure suppose un vendeur identifié, joignable à une vraie adresse : ce n'est pas le cas d'un site frauduleux. Si le vendeur réapparaît avec une identité réelle (société, numéro SIREN), changez le problème du dossier.".into());
    s
}

pub(super) fn scam_report(ctx: &Context) -> Draft {
    let mut s = Draft::new(
        StepId::ScamReport,
        "Porter plainte ou signaler l'arnaque en ligne (THESEE)",
    );
    s.law = "Un faux site qui encaisse sans livrer commet une escroquerie (art. 313-1 du Code pénal). THESEE, le service en ligne du ministère de l'Intérieur, reçoit les plaintes et les signalements d'arnaques sur internet : pour un faux site, il faut une commande passée, rien reçu et un service client injoignable.".into();
    s.what_to_do = "Déposez plainte en ligne sur THESEE (en votre nom, via FranceConnect), ou à défaut faites un signalement (anonyme, sans suite). Recours prépare une « aide au remplissage » avec les faits, le montant, le moyen de paiement, l'adresse du site, la chronologie et la liste des pièces à joindre. Gardez le récépissé : votre banque peut le demander.".into();
    s.to_whom =
        "Le ministère de l'Intérieur, par le service en ligne THESEE (service-public.fr).".into();
    s.how = "En ligne, avec FranceConnect pour une plainte. Info-escroqueries : 0805 805 817 (gratuit).".into();
    s.cost = "Gratuit.".into();
    s.legal = vec!["SCAM", "THESEE"];
    s.sites = vec![OfficialSite::ScamComplaint];
    s.record = vec![EventKind::ScamReported];
    s.done = done_on(
        ctx,
        EventKind::ScamReported,
        "Plainte ou signalement déposé",
    );
    s
}

pub(super) fn report(ctx: &Context) -> Draft {
    let mut s = Draft::new(StepId::Report, "Signaler le site à la DGCCRF (SignalConso)");
    s.parallel = true;
    s.law = "SignalConso transmet votre signalement à la DGCCRF, qui surveille les sites qui trompent les consommateurs. Cela ne vous rembourse pas, mais aide à faire fermer le site et à prévenir d'autres victimes.".into();
    s.what_to_do = "Signalez le site sur SignalConso : son adresse, ce qui s'est passé, et joignez une capture de la commande.".into();
    s.to_whom = "La DGCCRF, par SignalConso.".into();
    s.how = "En ligne.".into();
    s.cost = "Gratuit.".into();
    s.legal = vec!["SIGNALCONSO"];
    s.sites = vec![OfficialSite::Signalconso];
    s.record = vec![EventKind::SignalconsoReported];
    s.done = done_on(ctx, EventKind::SignalconsoReported, "Site signalé");
    s
}

pub(super) fn card_reuse(ctx: &Context) -> Draft {
    let mut s = Draft::new(
        StepId::CardReuse,
        "Si votre carte est à nouveau débitée : Perceval",
    );
    s.parallel = true;
    s.hidden = ctx.facts.order.payment_method != PaymentMethod::Card;
    s.law = "Vous avez donné les numéros de votre carte à un faux site : ils peuvent resservir. Un paiement que vous n'avez pas autorisé doit vous être remboursé par la banque au plus tard à la fin du jour ouvrable suivant votre signalement (art. L133-18 du Code monétaire et financier), et vous avez 13 mois pour le contester (art. L133-24).".into();
    s.what_to_do = "Faites opposition à votre carte si ce n'est pas déjà fait. Si un autre paiement apparaît que vous n'avez pas fait, signalez-le sur Perceval (vous avez toujours votre carte) et contestez-le auprès de la banque avec le récépissé ; créez pour cela un dossier « Paiement non autorisé ».".into();
    s.to_whom = "Votre banque (opposition), puis Perceval.".into();
    s.how = "Opposition par téléphone ou dans l'appli de la banque ; Perceval en ligne, via FranceConnect, avec le numéro d'opposition.".into();
    s.cost = "Gratuit.".into();
    s.legal = vec!["PERCEVAL", "CARD_FRAUD", "CARD_LIMIT"];
    s.sites = vec![OfficialSite::Perceval];
    s
}

pub(super) fn mediation(_ctx: &Context) -> Draft {
    let mut s = Draft::new(StepId::Mediation, "Médiateur de la consommation");
    s.applies = Err("Un médiateur de la consommation règle un litige avec un professionnel identifié, qui adhère à son dispositif : un site frauduleux n'en a pas.".into());
    s
}

pub(super) fn court(_ctx: &Context) -> Draft {
    let mut s = Draft::new(StepId::Court, "Tribunal");
    s.applies = Err("Sans personne identifiée à convoquer, aucune procédure civile n'est possible. C'est la plainte qui permet l'enquête ; si l'auteur est retrouvé et jugé, vous pourrez demander réparation en vous constituant partie civile.".into());
    s
}
