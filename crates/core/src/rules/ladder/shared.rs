//! The steps every regime shares: contesting the payment (payment law and the banks' and PayPal's
//! contracts), the conciliator, the court, the end.

use super::{done_on, Draft};
use crate::dossier::{validate::fr_date, PaymentMethod, Problem};
use crate::rules::context::Context;
use crate::rules::law;
use crate::rules::model::{Court, CourtRoute, EventKind, StepId};
use crate::rules::sites::OfficialSite;

pub(super) fn payment_dispute(ctx: &Context) -> Draft {
    let p = ctx.facts.problem;
    let method = ctx.facts.order.payment_method;
    let mut s = Draft::new(StepId::PaymentDispute, "Contester le paiement");
    // For a payment nobody authorised, or a fake shop, the payment is the way, not a side road.
    s.parallel = !matches!(p, Problem::UnauthorizedPayment | Problem::Scam);
    s.record = vec![EventKind::PaymentDisputeOpened];
    s.done = done_on(ctx, EventKind::PaymentDisputeOpened, "Contestation ouverte");
    s.cost = "Gratuit.".into();
    match (p, method) {
        (Problem::UnauthorizedPayment, PaymentMethod::Paypal) => {
            s.title = "Signaler le paiement non autorisé à PayPal".into();
            s.law = "PayPal est un prestataire de paiement : comme une banque, il doit rembourser un paiement que vous n'avez pas autorisé (art. L133-18), et vous avez 13 mois pour le contester (art. L133-24).".into();
            s.what_to_do = "Signalez l'opération non autorisée depuis votre compte PayPal (Centre des résolutions), changez votre mot de passe, et gardez la preuve du signalement.".into();
            s.to_whom = "PayPal, depuis votre compte.".into();
            s.how = "En ligne, dans votre compte PayPal.".into();
            s.legal = vec!["PAYPAL_UNAUTHORIZED", "CARD_LIMIT", "PAYPAL"];
            s.sites = vec![OfficialSite::ScamComplaint];
            s.deadline = Some("card_dispute_limit");
        }
        (_, PaymentMethod::Paypal) => {
            s.title = "Ouvrir un litige PayPal".into();
            s.law = "Ce n'est pas la loi mais le contrat PayPal : sa protection des achats couvre une commande non reçue ou très différente de sa description. Ouvrez un litige dans les 180 jours du paiement, puis transformez-le en réclamation dans les 20 jours, sinon il est clos.".into();
            s.what_to_do = "Dans votre compte PayPal, ouvrez le Centre des résolutions, signalez le problème et joignez vos preuves.".into();
            s.to_whom = "PayPal, depuis votre compte.".into();
            s.how = "En ligne, dans votre compte PayPal.".into();
            s.legal = vec!["PAYPAL"];
            s.deadline = Some("paypal_dispute_limit");
        }
        (Problem::UnauthorizedPayment, _) => {
            s.title = "Contester le paiement auprès de votre banque".into();
            s.law = "Pour un paiement que vous n'avez pas autorisé, la banque doit vous rembourser au plus tard à la fin du jour ouvrable suivant votre signalement (art. L133-18). Vous ne supportez aucune perte si votre carte n'a été ni perdue ni volée (art. L133-19). Vous avez 13 mois après le débit pour contester (art. L133-24).".into();
            s.what_to_do = "Faites opposition à la carte si besoin, puis contestez l'opération auprès de la banque (appli, agence ou lettre). Si votre carte n'a été ni perdue ni volée, signalez la fraude sur Perceval et joignez le récépissé.".into();
            s.to_whom = "Votre banque.".into();
            s.how = "Par l'appli ou l'espace en ligne de la banque, ou par lettre recommandée ; gardez la preuve de votre signalement.".into();
            s.legal = match ctx.facts.order.card_lost_or_stolen {
                Some(true) => vec!["CARD_FRAUD", "CARD_LOST", "CARD_PROOF", "CARD_LIMIT"],
                _ => vec!["CARD_FRAUD", "CARD_PROOF", "CARD_LIMIT"],
            };
            s.sites = vec![OfficialSite::Perceval, OfficialSite::ScamComplaint];
            s.deadline = Some("card_dispute_limit");
        }
        (_, PaymentMethod::Bnpl) => lender(ctx, &mut s),
        (Problem::HiddenDefect, PaymentMethod::Card) => {
            s.applies = Err("Un vice caché découvert après coup n'entre pas dans les motifs de contestation d'un paiement par carte.".into());
        }
        (_, PaymentMethod::Card) => {
            s.title = "Demander à votre banque de contester le paiement (« chargeback »)".into();
            let reason = match p {
                Problem::NonConforming => "un bien très différent de sa description",
                Problem::WithdrawalRefund => "un remboursement promis jamais crédité",
                Problem::Scam => "une marchandise jamais reçue d'un site qui ne répond plus (motif Visa 13.1 « marchandise non reçue »)",
                Problem::Service | Problem::DigitalContent
                    if ctx.has(EventKind::WithdrawalNotified) =>
                {
                    "un remboursement promis jamais crédité"
                }
                Problem::Service | Problem::DigitalContent
                    if ctx.has(EventKind::CancellationSent) =>
                {
                    "un abonnement encore prélevé après sa résiliation"
                }
                Problem::Service => "un service payé et jamais fourni",
                Problem::DigitalContent => "un contenu numérique payé qui ne fonctionne pas",
                _ => "une commande non livrée (motif Visa 13.1 « marchandise non reçue »)",
            };
            s.law = format!("Ce n'est pas un droit écrit dans la loi, mais une règle des réseaux Visa et Mastercard : votre banque peut réclamer le remboursement à la banque du vendeur pour {reason}. Les délais sont ceux du réseau, pas de la loi : agissez vite.");
            s.what_to_do = if p == Problem::Scam {
                "Faites opposition à votre carte (vous avez donné ses numéros à un faux site), puis demandez à votre banque d'ouvrir une contestation (« chargeback ») : joignez la commande, la preuve du paiement, des captures du site et, dès que vous l'avez, le récépissé de votre plainte. Recours rédige la lettre.".into()
            } else {
                "Demandez à votre banque d'ouvrir une contestation (« chargeback »), avec la commande, la preuve du paiement et vos réclamations restées sans effet. Recours rédige la lettre.".into()
            };
            s.to_whom = "Votre banque.".into();
            s.how = "Par l'appli, l'espace en ligne ou un rendez-vous en agence, ou par lettre recommandée.".into();
            s.legal = vec!["CHARGEBACK"];
        }
        (Problem::Scam, PaymentMethod::Transfer) => {
            s.title = "Demander à votre banque un rappel du virement".into();
            s.law = "Un virement que vous avez ordonné vous-même ne se conteste pas comme un paiement par carte : il n'y a pas de « chargeback ». Votre banque peut demander à la banque du bénéficiaire de rendre les fonds, mais en principe seulement avec l'accord du bénéficiaire : les chances sont minces face à un escroc, et meilleures si vous agissez dans les heures qui suivent.".into();
            s.what_to_do = "Appelez votre banque tout de suite et demandez un rappel du virement pour fraude, puis confirmez par écrit (Recours rédige la lettre) avec le récépissé de votre plainte dès que vous l'avez.".into();
            s.to_whom = "Votre banque.".into();
            s.how = "Par téléphone d'abord, puis par lettre recommandée ou par la messagerie de la banque.".into();
            s.legal = vec!["TRANSFER_RECALL"];
        }
        (Problem::Service | Problem::DigitalContent, PaymentMethod::Other) => {
            s.title = "Un prélèvement : demander son remboursement à votre banque".into();
            s.law = "Si l'abonnement est payé par prélèvement SEPA, votre banque rembourse un prélèvement que vous aviez autorisé sur simple demande dans les 8 semaines du débit (à vérifier).".into();
            s.what_to_do = "Si des prélèvements continuent après la résiliation, demandez à votre banque leur remboursement et révoquez le mandat de prélèvement du professionnel (dans l'appli ou en agence).".into();
            s.to_whom = "Votre banque.".into();
            s.how = "Par l'appli, l'espace en ligne ou en agence.".into();
            s.legal = vec!["SEPA_REFUND"];
        }
        _ => {
            s.applies = Err("Un virement ou un autre moyen de paiement ne se conteste pas comme une carte ; demandez tout de même à votre banque si un rappel des fonds est possible.".into());
        }
    }
    s
}

/// A paiement fractionné: the lender paid the seller. From 20 November 2026 it is consumer credit
/// (Ordonnance 2025-880): repayments wait for the delivery, and the credit falls with the sale.
fn lender(ctx: &Context, s: &mut Draft) {
    let p = ctx.facts.problem;
    let name = ctx.lender_name();
    s.title = format!("Demander à {name} de suspendre les échéances");
    s.to_whom = format!("{name}, l'organisme de paiement fractionné.");
    s.how = "Depuis l'application ou l'espace client (rubrique litige), et par lettre recommandée : Recours la rédige.".into();
    if ctx.bnpl_is_credit() {
        let undelivered = matches!(p, Problem::NonDelivery | Problem::Scam);
        s.law = format!(
            "Votre achat date du 20 novembre 2026 ou après : ce paiement fractionné est un crédit à la consommation (ordonnance n° 2025-880). Il finance cet achat précis : {}si la vente est annulée ou résolue par le juge, le crédit l'est aussi, et le juge peut le suspendre pendant le litige (art. L312-55, à vérifier).",
            if undelivered { "les remboursements ne commencent qu'à la livraison (art. L312-48, à vérifier) ; " } else { "" }
        );
        s.legal = if undelivered {
            vec!["BNPL_CREDIT", "BNPL_DELIVERY", "BNPL_LINKED"]
        } else {
            vec!["BNPL_CREDIT", "BNPL_LINKED"]
        };
    } else {
        s.law = format!("Votre achat date d'avant le 20 novembre 2026 : un paiement fractionné gratuit de moins de 3 mois n'était pas alors un crédit à la consommation. Ce sont les conditions de {name} qui disent s'il suspend les échéances pendant un litige ; demandez-le en citant sa procédure de litige.");
        s.legal = vec!["BNPL_CREDIT"];
    }
    s.what_to_do = format!("Signalez le litige à {name} et demandez la suspension des échéances tant qu'il dure{}. Si une échéance a été prélevée sur votre carte, votre banque peut aussi être sollicitée.", if p == Problem::Scam { ", en joignant le récépissé de votre plainte" } else { "" });
}

pub(super) fn conciliation(ctx: &Context, court: &Court) -> Draft {
    let mut s = Draft::new(StepId::Conciliation, "Conciliateur de justice");
    s.law = "Le conciliateur de justice est un bénévole assermenté : il convoque le vendeur et cherche un accord, que le juge peut rendre exécutoire. C'est gratuit, et cela compte comme tentative amiable avant le tribunal (art. 750-1 du Code de procédure civile).".into();
    s.what_to_do = "Prenez rendez-vous avec un conciliateur près de chez vous (permanences en mairie ou au tribunal), ou saisissez-le en ligne.".into();
    s.to_whom = "Un conciliateur de justice de votre secteur.".into();
    s.how = "En ligne, par courrier ou lors d'une permanence.".into();
    s.legal = vec!["CONCILIATION", "PRE_ACTION"];
    s.sites = vec![OfficialSite::Conciliateurs];
    s.record = vec![EventKind::ConciliationRequested];
    s.done = done_on(ctx, EventKind::ConciliationRequested, "Conciliateur saisi");
    s.now = match court.route {
        CourtRoute::Requete if ctx.pre_action_done() => "Facultative : la médiation déjà demandée devrait compter comme tentative amiable avant la requête (art. 750-1 CPC, à vérifier).".into(),
        CourtRoute::Requete => "Obligatoire avant la requête au tribunal (art. 750-1 CPC), sauf exception (par exemple, aucun conciliateur disponible dans les 3 mois).".into(),
        CourtRoute::InjonctionDePayer | CourtRoute::EuropeanOrderForPayment | CourtRoute::EuropeanSmallClaims => "Facultative : l'injonction de payer ne demande pas de tentative amiable avant. Mais c'est gratuit et souvent efficace.".into(),
        _ => "Conseillée avant le tribunal : gratuite, et souvent plus rapide.".into(),
    };
    let up = ctx.facts.problem == Problem::UnauthorizedPayment;
    if !up && ctx.cec_applies() {
        s.applies = Err("Pour un vendeur établi dans un autre pays européen, passez par le CEC France, puis si besoin par la procédure européenne adaptée.".into());
    } else if !up && !ctx.merchant_in_france() {
        s.applies = Err("Un conciliateur ne peut guère faire venir un vendeur établi hors de l'Union européenne.".into());
    }
    s
}

pub(super) fn court_step(ctx: &Context, court: &Court) -> Draft {
    let mut s = Draft::new(
        StepId::Court,
        format!("Tribunal : {}", court.title.to_lowercase()),
    );
    s.law = court.explanation.clone();
    s.what_to_do = match &court.form {
        Some(form) => format!("Remplissez le formulaire officiel ({form}) et joignez le bordereau de vos pièces numérotées (commande, paiement, courriers, preuves d'envoi)."),
        None => "Préparez le bordereau de vos pièces numérotées (commande, paiement, courriers, preuves d'envoi).".into(),
    };
    s.to_whom = format!("Où : {}.", court.where_to_file);
    s.how = "Par courrier ou au greffe du tribunal ; certaines démarches se font en ligne (justice.fr).".into();
    s.cost = if court.contribution_cents > 0 {
        format!(
            "Contribution de 50 € (timbre électronique){}, sauf aide juridictionnelle ; la signification par commissaire de justice peut s'ajouter.",
            if court.contribution_verified { "" } else { " — à vérifier" }
        )
    } else if court.route == CourtRoute::InjonctionDePayer {
        "Gratuit pour déposer la demande (exonération de la contribution de 50 € à vérifier) ; la signification de l'ordonnance par commissaire de justice est à vos frais, puis récupérable sur le vendeur.".into()
    } else {
        "À vérifier selon le tribunal saisi (la contribution de 50 € peut s'appliquer en France) ; des frais de traduction ou de signification peuvent s'ajouter.".into()
    };
    s.legal = court.legal.iter().map(|l| law::rule(l.rule).id).collect();
    s.sites = court.sites.iter().map(|r| r.site).collect();
    s.deadline = (ctx.facts.problem == Problem::HiddenDefect).then_some("hidden_defect_action_end");
    s.record = vec![EventKind::CourtFiled];
    s.done = done_on(ctx, EventKind::CourtFiled, "Tribunal saisi");
    if court.route == CourtRoute::InjonctionDePayer {
        s.record.push(EventKind::PaymentOrderReceived);
    }
    if let Some(order) = ctx.first(EventKind::PaymentOrderReceived) {
        let months = if order >= crate::rules::deadlines::shorter_service_from() {
            3
        } else {
            6
        };
        s.deadline = Some("payment_order_service_limit");
        s.legal.push("IP_SERVICE");
        s.still_open = true;
        s.now = format!(
            "Ordonnance reçue le {} : remettez-la tout de suite à un commissaire de justice, qui la signifiera au vendeur. Sans signification dans les {months} mois, elle ne vaut plus rien (art. 1411 CPC).",
            fr_date(order)
        );
        return s;
    }
    if court.pre_action_required && !court.pre_action_done {
        s.now =
            "Avant la requête, tentez une conciliation ou une médiation (art. 750-1 CPC).".into();
    }
    s
}

pub(super) fn resolved(ctx: &Context) -> Draft {
    let mut s = Draft::new(StepId::Resolved, "Litige réglé");
    s.law = "Quand vous avez obtenu ce que vous demandiez, notez-le : le dossier reste conservé comme preuve.".into();
    s.what_to_do = "Enregistrez la solution (remboursement reçu, livraison, réparation) et clôturez le dossier.".into();
    s.record = vec![EventKind::Resolved];
    s.done = done_on(ctx, EventKind::Resolved, "Litige réglé");
    s
}

/// The platform's own protection, first: a contractual window (Vinted: 2 days after « Livré »)
/// that can stop the seller being paid. Never presented as a legal deadline.
pub(super) fn platform(ctx: &Context) -> Draft {
    let mut s = Draft::new(StepId::Platform, "Signaler le problème à la plateforme");
    let Some(p) = &ctx.facts.platform else {
        s.applies = Err(
            "Vous avez acheté directement au vendeur : il n'y a pas de plateforme entre vous."
                .into(),
        );
        return s;
    };
    let entry = ctx.platform_entry();
    let protection = entry.and_then(|e| e.protection.as_ref());
    s.title = format!("Signaler le problème à {}", p.name);
    let disclosure = ctx.regime() == crate::rules::model::Regime::Consumer;
    s.law = match protection {
        Some(prot) => format!(
            "{} C'est une règle du contrat de {}, pas de la loi : respectez d'abord son délai, car la plateforme peut encore bloquer le paiement du vendeur.",
            prot.text, p.name
        ),
        None => format!(
            "{} n'est pas le vendeur, mais la vente est passée par elle : signalez-lui le problème, elle peut intervenir auprès du vendeur{}.",
            p.name,
            if disclosure {
                " et doit vous dire qui vend et s'il s'agit d'un professionnel (art. L111-7)"
            } else {
                ""
            }
        ),
    };
    s.what_to_do = format!(
        "Depuis votre compte {}, ouvrez une réclamation sur la commande (rubrique d'aide, « J'ai un problème », « Signaler un problème ») et joignez vos preuves : photos, suivi, échanges avec le vendeur.",
        p.name
    );
    s.to_whom = format!("{}, depuis votre compte.", p.name);
    s.how =
        "En ligne, depuis la commande ; faites une capture d'écran de votre réclamation.".into();
    s.cost = "Gratuit.".into();
    s.legal = if disclosure {
        vec!["PLATFORM_TERMS", "PLATFORM_DISCLOSURE"]
    } else {
        vec!["PLATFORM_TERMS"]
    };
    s.record = vec![EventKind::PlatformClaimOpened, EventKind::MarkedDelivered];
    s.done = done_on(ctx, EventKind::PlatformClaimOpened, "Réclamation ouverte");
    if let Some(window) = protection.and_then(|prot| prot.window_days) {
        s.deadline = Some("platform_protection_end");
        s.now = match ctx.platform_protection_end() {
            Some(end) if end >= ctx.today => format!(
                "Votre délai auprès de {} : jusqu'au {} inclus ({window} jours après « Livré »).",
                p.name,
                fr_date(end)
            ),
            Some(end) => format!(
                "Le délai de la protection de {} a pris fin le {} : elle peut encore aider, mais sans y être tenue.",
                p.name,
                fr_date(end)
            ),
            None => format!(
                "Le délai de {window} jours court dès que {} affiche « Livré », même si rien n'est arrivé : notez ce jour-là.",
                p.name
            ),
        };
    }
    s
}
