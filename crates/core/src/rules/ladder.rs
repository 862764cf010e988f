//! The escalation ladder for a dossier: which steps apply to its problem, which are done, which one is
//! current, with what the law says, what to do, to whom, how, and what it costs — in plain French.

use super::calendar::add_months;
use super::context::Context;
use super::law;
use super::model::{Court, CourtRoute, EventKind, Step, StepId, StepStatus};
use super::sites::OfficialSite;
use crate::dossier::{validate::fr_date, PaymentMethod, Problem};

/// A step before its status is decided.
struct Draft {
    id: StepId,
    title: String,
    parallel: bool,
    /// Err(reason) when the step does not apply to this dossier.
    applies: Result<(), String>,
    /// Some(reason) when done.
    done: Option<String>,
    /// Said when the step is current (what to wait for, or what is under way).
    now: String,
    law: String,
    what_to_do: String,
    to_whom: String,
    how: String,
    cost: String,
    deadline: Option<&'static str>,
    legal: Vec<&'static str>,
    sites: Vec<OfficialSite>,
    record: Vec<EventKind>,
    /// Done, but something is still to do here (an order to have served): it stays current.
    still_open: bool,
}

impl Draft {
    fn new(id: StepId, title: impl Into<String>) -> Draft {
        Draft {
            id,
            title: title.into(),
            parallel: false,
            applies: Ok(()),
            done: None,
            now: String::new(),
            law: String::new(),
            what_to_do: String::new(),
            to_whom: String::new(),
            how: String::new(),
            cost: "Gratuit.".into(),
            deadline: None,
            legal: Vec::new(),
            sites: Vec::new(),
            record: Vec::new(),
            still_open: false,
        }
    }
}

fn done_on(ctx: &Context, kind: EventKind, what: &str) -> Option<String> {
    ctx.first(kind)
        .map(|d| format!("{what} le {}.", fr_date(d)))
}

fn complaint(ctx: &Context) -> Draft {
    let p = ctx.facts.problem;
    let mut s = Draft::new(
        StepId::Complaint,
        if p == Problem::UnauthorizedPayment {
            "Réclamation écrite à votre banque"
        } else {
            "Réclamation écrite au vendeur"
        },
    );
    s.law = "Une réclamation écrite laisse une trace datée de votre demande. Elle est nécessaire avant de saisir un médiateur, qui peut l'être pendant un an ensuite (art. L612-2).".into();
    s.what_to_do = match p {
        Problem::NonDelivery => "Écrivez au service client : rappelez le numéro et la date de la commande, la date de livraison promise, et demandez la livraison ou le remboursement.",
        Problem::NonConforming => "Décrivez le défaut (avec des photos) et demandez, au choix, la réparation ou le remplacement gratuit (art. L217-9). Exemple : « l'écran est fissuré à l'ouverture du colis, je demande son remplacement ».",
        Problem::WithdrawalRefund => "Rappelez la date de votre rétractation et celle du renvoi du bien, et demandez le remboursement complet, frais de livraison initiaux compris (art. L221-24).",
        Problem::HiddenDefect => "Décrivez le défaut, quand et comment vous l'avez découvert, et demandez la reprise du bien contre remboursement ou une baisse du prix.",
        Problem::UnauthorizedPayment => "Si la banque refuse de rembourser ou ne répond pas, écrivez à son service réclamations en rappelant l'article L133-18.",
        Problem::Other => "Exposez le problème, les dates, et ce que vous demandez précisément.",
    }
    .into();
    s.to_whom = if p == Problem::UnauthorizedPayment {
        "Le service réclamations de votre banque.".into()
    } else {
        "Le service client du vendeur (adresse, e-mail ou formulaire des mentions légales du site)."
            .into()
    };
    s.how = "Par écrit : e-mail, formulaire du site (faites une capture d'écran) ou lettre. Gardez une copie datée.".into();
    s.cost = "Gratuit (ou le prix d'un timbre).".into();
    s.legal = vec!["MED_WINDOW"];
    s.sites = vec![OfficialSite::Signalconso];
    s.record = if p == Problem::WithdrawalRefund {
        // The withdrawal itself, and the day the merchant got it: the refund runs from then.
        vec![
            EventKind::WithdrawalNotified,
            EventKind::WithdrawalReceived,
            EventKind::ComplaintSent,
        ]
    } else {
        vec![EventKind::ComplaintSent]
    };
    s.done = done_on(ctx, EventKind::ComplaintSent, "Réclamation envoyée").or_else(|| {
        ctx.first(EventKind::FormalNoticeSent)
            .map(|_| "Votre mise en demeure vaut réclamation écrite.".to_owned())
    });
    if p == Problem::NonDelivery {
        let due = ctx.delivery_due();
        if s.done.is_none() && ctx.delivered().is_none() && ctx.today > due {
            s.applies = Err(format!(
                "La livraison devait avoir lieu au plus tard le {} : la mise en demeure, qui vaut réclamation écrite, est l'étape utile maintenant.",
                fr_date(due)
            ));
        }
        s.now = format!(
            "La livraison est attendue au plus tard le {}. Vous pouvez déjà demander au vendeur où en est la commande.",
            fr_date(due)
        );
        s.deadline = Some("delivery_due");
    }
    s
}

fn formal_notice(ctx: &Context) -> Draft {
    let p = ctx.facts.problem;
    let mut s = Draft::new(StepId::FormalNotice, "Mise en demeure (lettre recommandée)");
    s.what_to_do = "Envoyez une mise en demeure : les faits, les articles de loi, ce que vous demandez, et le délai accordé (8 jours par défaut ; l'usage est de 8 à 15 jours). Sans réponse dans ce délai, vous passerez à l'étape suivante.".into();
    s.to_whom =
        "Le siège du vendeur, à l'adresse des mentions légales ou des conditions générales.".into();
    s.how = "Lettre recommandée avec avis de réception, ou lettre recommandée en ligne de La Poste (même valeur), ou recommandé électronique qualifié. Gardez la preuve de dépôt et l'avis de réception.".into();
    s.cost = "Le prix d'un envoi recommandé avec avis de réception (quelques euros).".into();
    s.sites = vec![OfficialSite::LaPosteRecommande, OfficialSite::Signalconso];
    if ctx.has(EventKind::FormalNoticeSent) {
        s.sites.insert(0, OfficialSite::LaPosteTracking);
    }
    s.record = vec![EventKind::FormalNoticeSent, EventKind::FormalNoticeReceived];
    s.done = done_on(ctx, EventKind::FormalNoticeSent, "Mise en demeure envoyée");
    match p {
        Problem::NonDelivery => {
            s.law = "La date de livraison est dépassée : mettez le vendeur en demeure de livrer dans un délai supplémentaire raisonnable. S'il ne livre pas dans ce délai, vous pourrez annuler la commande (art. L216-6). Vous pouvez annuler tout de suite s'il refuse de livrer ou si la date était essentielle pour vous.".into();
            s.legal = vec![
                "DELIV_NOTICE",
                "DELIV_NOTICE_DAYS",
                "DELIV_IMMEDIATE",
                "DELIV_DEFAULT",
            ];
            s.deadline = Some("delivery_due");
            let due = ctx.delivery_due();
            s.now = if ctx.today > due {
                format!(
                    "La date limite de livraison, le {}, est passée.",
                    fr_date(due)
                )
            } else {
                format!("Possible si rien n'est livré au {}.", fr_date(due))
            };
        }
        Problem::NonConforming => {
            s.law = "Le vendeur doit un bien conforme. Vous choisissez la réparation ou le remplacement, qu'il doit faire gratuitement dans les 30 jours ; sinon, réduction du prix ou annulation (art. L217-3, L217-10, L217-14). Pendant 24 mois (12 pour un bien d'occasion), vous n'avez pas à prouver que le défaut existait à la livraison.".into();
            s.legal = vec!["GLC_DURATION", "GLC_PRESUMPTION", "GLC_FIX", "GLC_FALLBACK"];
            s.deadline = Some("repair_due");
        }
        Problem::WithdrawalRefund => {
            s.law = "Après une rétractation, le vendeur doit tout rembourser, frais de livraison initiaux compris, dans les 14 jours (art. L221-24). Tout retard majore automatiquement la somme due (art. L242-4) : la lettre le rappelle avec le montant exact.".into();
            s.legal = vec!["WD_REFUND", "WD_PENALTY"];
            s.deadline = Some("refund_due");
        }
        Problem::HiddenDefect => {
            s.law = "Le vendeur, même particulier, répond des défauts cachés qui rendent le bien impropre à son usage (art. 1641 du Code civil). L'action en justice doit être engagée dans les 2 ans de la découverte du défaut (art. 1648).".into();
            s.legal = vec!["VICE"];
            s.deadline = Some("hidden_defect_action_end");
        }
        Problem::UnauthorizedPayment => {
            s.applies = Err("C'est votre banque qui doit rembourser un paiement non autorisé : la contestation auprès d'elle suffit.".into());
        }
        Problem::Other => {
            s.law = "Une mise en demeure fixe un délai au vendeur et prouve que vous avez réclamé : c'est le point de départ des recours suivants.".into();
        }
    }
    s
}

fn termination(ctx: &Context) -> Draft {
    let p = ctx.facts.problem;
    let mut s = Draft::new(
        StepId::Termination,
        "Annulation de la commande (résolution)",
    );
    s.to_whom = "Le siège du vendeur.".into();
    s.how = "Lettre recommandée avec avis de réception (ou recommandé en ligne). L'annulation prend effet quand le vendeur la reçoit.".into();
    s.cost = "Le prix d'un envoi recommandé (quelques euros).".into();
    s.record = vec![
        EventKind::TerminationNotified,
        EventKind::TerminationReceived,
    ];
    s.done = done_on(ctx, EventKind::TerminationNotified, "Annulation notifiée");
    match p {
        Problem::NonDelivery => {
            s.law = "Si le vendeur ne livre pas dans le délai de la mise en demeure, vous pouvez annuler la commande ; elle est annulée quand il reçoit votre lettre, sauf s'il a livré entre-temps (art. L216-6). Il doit alors rembourser toutes les sommes versées dans les 14 jours (art. L216-7), sinon la somme est majorée de 10 % à 50 % (art. L241-4).".into();
            s.what_to_do = "Sans livraison à la fin du délai de la mise en demeure, envoyez la lettre d'annulation et demandez le remboursement sous 14 jours.".into();
            s.legal = vec![
                "DELIV_NOTICE",
                "DELIV_IMMEDIATE",
                "DELIV_REFUND",
                "DELIV_PENALTY",
            ];
            s.deadline = Some("formal_notice_expiry");
            s.now = match ctx.formal_notice_expiry() {
                Some(end) if end > ctx.today => format!(
                    "Le délai de la mise en demeure court jusqu'au {} : sans livraison d'ici là, vous pourrez annuler.",
                    fr_date(end)
                ),
                Some(end) => format!(
                    "Le délai de la mise en demeure a pris fin le {} : vous pouvez annuler la commande.",
                    fr_date(end)
                ),
                None => String::new(),
            };
        }
        Problem::NonConforming => {
            s.title = "Résolution de la vente (ou réduction du prix)".into();
            s.law = "Si la réparation ou le remplacement est impossible, refusé, ou n'est pas fait dans les 30 jours de votre demande, vous pouvez obtenir une réduction du prix, ou la résolution de la vente : vous rendez le bien, le vendeur rembourse le prix (art. L217-14). Tant que la vente n'est pas résolue, le prix n'est pas une somme due.".into();
            s.what_to_do = "Notifiez au vendeur la résolution de la vente (ou demandez une réduction du prix) et proposez-lui de reprendre le bien à ses frais. Notez ensuite la date à laquelle il a reçu votre lettre.".into();
            s.legal = vec!["GLC_FALLBACK", "GLC_FIX"];
            s.deadline = Some("repair_due");
            s.now = match ctx.repair_requested().map(|d| d.plus_days(30)) {
                Some(due) if due.date >= ctx.today => format!(
                    "Le vendeur a jusqu'au {}{} pour réparer ou remplacer le bien : ensuite, vous pourrez demander la résolution.",
                    if due.earliest { "au plus tôt " } else { "" },
                    fr_date(due.date)
                ),
                Some(due) => format!(
                    "Le délai de 30 jours pour réparer ou remplacer a pris fin le {} : vous pouvez demander la résolution de la vente.",
                    fr_date(due.date)
                ),
                None => "Possible si la réparation ou le remplacement que vous avez demandé est refusé ou n'est pas fait dans les 30 jours.".into(),
            };
        }
        Problem::WithdrawalRefund => {
            s.applies = Err("Votre rétractation a déjà mis fin au contrat : il reste à obtenir le remboursement.".into());
        }
        Problem::HiddenDefect => {
            s.applies = Err("Pour un vice caché, l'annulation de la vente se demande au vendeur à l'amiable, puis au juge.".into());
        }
        Problem::UnauthorizedPayment => {
            s.applies =
                Err("Vous n'avez rien commandé : il n'y a pas de contrat à annuler.".into());
        }
        Problem::Other => {
            s.applies = Err("Selon votre situation : Recours ne la propose pas par défaut pour ce type de problème.".into());
        }
    }
    s
}

fn payment_dispute(ctx: &Context) -> Draft {
    let p = ctx.facts.problem;
    let method = ctx.facts.order.payment_method;
    let mut s = Draft::new(StepId::PaymentDispute, "Contester le paiement");
    s.parallel = p != Problem::UnauthorizedPayment;
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
        (Problem::HiddenDefect, PaymentMethod::Card) => {
            s.applies = Err("Un vice caché découvert après coup n'entre pas dans les motifs de contestation d'un paiement par carte.".into());
        }
        (_, PaymentMethod::Card) => {
            s.title = "Demander à votre banque de contester le paiement (« chargeback »)".into();
            s.law = "Ce n'est pas un droit écrit dans la loi, mais une règle des réseaux Visa et Mastercard : votre banque peut réclamer le remboursement à la banque du vendeur (motif Visa 13.1 pour une commande non livrée). Les délais dépendent du réseau : agissez vite.".into();
            s.what_to_do = "Demandez à votre banque d'ouvrir une contestation (« chargeback »), avec la commande, la preuve du paiement et vos réclamations restées sans effet.".into();
            s.to_whom = "Votre banque.".into();
            s.how = "Par l'appli, l'espace en ligne ou un rendez-vous en agence.".into();
            s.legal = vec!["CHARGEBACK"];
        }
        _ => {
            s.applies = Err("Un virement ou un autre moyen de paiement ne se conteste pas comme une carte ; demandez tout de même à votre banque si un rappel des fonds est possible.".into());
        }
    }
    s
}

fn mediation(ctx: &Context) -> Draft {
    let facts = ctx.facts;
    let fevad = facts.merchant.fevad_mediator == Some(true);
    let named = facts
        .merchant
        .mediator_name
        .as_deref()
        .map(str::trim)
        .filter(|n| !n.is_empty());
    let title = if facts.problem == Problem::UnauthorizedPayment {
        "Médiateur de votre banque".to_owned()
    } else if fevad {
        "Médiateur du e-commerce (FEVAD)".to_owned()
    } else if let Some(name) = named {
        format!("Médiateur de la consommation : {name}")
    } else {
        "Médiateur de la consommation".to_owned()
    };
    let mut s = Draft::new(StepId::Mediation, title);
    s.law = "La médiation est gratuite pour vous (art. L612-1). Elle n'est possible qu'après une réclamation écrite au professionnel, et dans l'année qui suit (art. L612-2). Le médiateur dit en 3 semaines environ s'il prend le dossier et propose une solution en 90 jours ; chacun reste libre de l'accepter.".into();
    s.what_to_do = "Saisissez le médiateur en ligne, avec votre réclamation, la réponse du vendeur (ou son absence) et vos pièces.".into();
    s.to_whom = if facts.problem == Problem::UnauthorizedPayment {
        "Le médiateur indiqué dans la convention de compte de votre banque.".into()
    } else if fevad {
        "Le Médiateur du e-commerce de la FEVAD (le vendeur y adhère).".into()
    } else if named.is_some() {
        "Le médiateur que le vendeur indique (il doit le faire, art. L616-1).".into()
    } else {
        "Le médiateur que le vendeur doit indiquer sur son site ou ses conditions générales (art. L616-1) ; sinon, cherchez-le dans la liste officielle.".into()
    };
    s.how = "En ligne, sur le site du médiateur, ou par courrier. En français.".into();
    s.cost = "Gratuit pour vous.".into();
    s.legal = vec!["MED_FREE", "MED_WINDOW", "MED_TIMES"];
    s.sites = vec![if fevad {
        OfficialSite::MediateurFevad
    } else {
        OfficialSite::MediationConso
    }];
    s.deadline = Some("mediation_window_end");
    s.record = vec![EventKind::MediationRequested, EventKind::MediationEnded];
    s.done = done_on(ctx, EventKind::MediationEnded, "Médiation terminée");
    if s.done.is_none() {
        if let Some(asked) = ctx.first(EventKind::MediationRequested) {
            s.now = format!(
                "Médiation demandée le {} : le médiateur a en principe 90 jours pour conclure.",
                fr_date(asked)
            );
        }
    }
    let window_end = ctx.first_written_complaint().map(|d| add_months(d, 12));
    let up = facts.problem == Problem::UnauthorizedPayment;
    if !up && ctx.cec_applies() {
        s.applies = Err(format!(
            "Le vendeur est établi hors de France ({}) : passez par le CEC France.",
            ctx.country_name()
        ));
    } else if !ctx.has(EventKind::MediationRequested)
        && window_end.is_some_and(|end| ctx.today > end)
    {
        s.applies = Err("Plus d'un an s'est écoulé depuis votre première réclamation écrite : le médiateur ne peut plus être saisi (art. L612-2).".into());
    } else if s.now.is_empty() && ctx.first_written_complaint().is_none() {
        s.now = "Possible seulement après une réclamation écrite au professionnel.".into();
    } else if s.now.is_empty()
        && !ctx.merchant_in_france()
        && facts.problem != Problem::UnauthorizedPayment
    {
        s.now = "Un vendeur établi hors de l'Union européenne n'a pas toujours de médiateur : cherchez-le dans ses conditions générales.".into();
    }
    s
}

fn cec(ctx: &Context) -> Draft {
    let mut s = Draft::new(StepId::Cec, "Centre européen des consommateurs France");
    s.law = "Le CEC France aide gratuitement les consommateurs en litige avec un vendeur établi dans un autre pays de l'Union européenne, en Islande ou en Norvège : il intervient auprès du vendeur, dans sa langue.".into();
    s.what_to_do = "Remplissez le formulaire en ligne du CEC France et joignez votre réclamation et vos pièces.".into();
    s.to_whom = "Le Centre européen des consommateurs France (Kehl).".into();
    s.how = "En ligne, sur son site.".into();
    s.legal = vec!["CEC"];
    s.sites = vec![OfficialSite::CecFrance];
    s.record = vec![EventKind::CecRequested];
    s.done = done_on(ctx, EventKind::CecRequested, "CEC France saisi");
    if ctx.facts.problem == Problem::UnauthorizedPayment {
        s.applies = Err("Le litige vous oppose à votre banque, pas à un vendeur étranger.".into());
    } else if ctx.merchant_in_france() {
        s.applies = Err(
            "Le vendeur est établi en France : c'est le médiateur de la consommation qui convient."
                .into(),
        );
    } else if !ctx.cec_applies() {
        s.applies = Err("Le CEC France n'intervient que pour un vendeur établi dans l'Union européenne, en Islande ou en Norvège.".into());
    }
    s
}

fn conciliation(ctx: &Context, court: &Court) -> Draft {
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

fn court_step(ctx: &Context, court: &Court) -> Draft {
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
    s.legal = court.legal.iter().map(|l| law::rule(&l.rule).id).collect();
    s.sites = court.sites.iter().map(|r| r.site).collect();
    s.deadline = (ctx.facts.problem == Problem::HiddenDefect).then_some("hidden_defect_action_end");
    s.record = vec![EventKind::CourtFiled];
    s.done = done_on(ctx, EventKind::CourtFiled, "Tribunal saisi");
    if court.route == CourtRoute::InjonctionDePayer {
        s.record.push(EventKind::PaymentOrderReceived);
    }
    if let Some(order) = ctx.first(EventKind::PaymentOrderReceived) {
        let months = if order >= super::deadlines::shorter_service_from() {
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

fn resolved(ctx: &Context) -> Draft {
    let mut s = Draft::new(StepId::Resolved, "Litige réglé");
    s.law = "Quand vous avez obtenu ce que vous demandiez, notez-le : le dossier reste conservé comme preuve.".into();
    s.what_to_do = "Enregistrez la solution (remboursement reçu, livraison, réparation) et clôturez le dossier.".into();
    s.record = vec![EventKind::Resolved];
    s.done = done_on(ctx, EventKind::Resolved, "Litige réglé");
    s
}

/// The steps in ladder order for the problem, with their statuses.
pub fn steps(ctx: &Context, court: &Court) -> (Vec<Step>, StepId) {
    let drafts = if ctx.facts.problem == Problem::UnauthorizedPayment {
        vec![
            payment_dispute(ctx),
            complaint(ctx),
            formal_notice(ctx),
            termination(ctx),
            mediation(ctx),
            cec(ctx),
            conciliation(ctx, court),
            court_step(ctx, court),
            resolved(ctx),
        ]
    } else {
        vec![
            complaint(ctx),
            formal_notice(ctx),
            termination(ctx),
            payment_dispute(ctx),
            mediation(ctx),
            cec(ctx),
            conciliation(ctx, court),
            court_step(ctx, court),
            resolved(ctx),
        ]
    };

    let is_resolved = ctx.has(EventKind::Resolved);
    // A step done further up the ladder means the ones before it were passed over.
    let last_done = drafts
        .iter()
        .rposition(|d| !d.parallel && d.applies.is_ok() && d.done.is_some());
    let mut current = None;
    let mut out = Vec::with_capacity(drafts.len());
    for (i, d) in drafts.into_iter().enumerate() {
        let (status, reason) = match (&d.applies, &d.done) {
            (Err(why), _) => (StepStatus::NotApplicable, why.clone()),
            (Ok(()), Some(_)) if d.still_open && !is_resolved && current.is_none() => {
                current = Some(d.id);
                (StepStatus::Current, d.now.clone())
            }
            (Ok(()), Some(why)) => (StepStatus::Done, why.clone()),
            _ if is_resolved => (StepStatus::NotApplicable, "Le litige est réglé.".to_owned()),
            _ if d.parallel => (
                StepStatus::Upcoming,
                "En parallèle des autres étapes, dès maintenant.".to_owned(),
            ),
            // Cancelling is what makes the refund owed (L216-7): never passed over silently.
            _ if d.id != StepId::Termination && last_done.is_some_and(|last| i < last) => (
                StepStatus::NotApplicable,
                "Vous êtes passé à une étape suivante.".to_owned(),
            ),
            _ if current.is_none() => {
                current = Some(d.id);
                (StepStatus::Current, d.now.clone())
            }
            _ => (StepStatus::Upcoming, d.now.clone()),
        };
        out.push(Step {
            id: d.id,
            status,
            reason,
            title: d.title,
            parallel: d.parallel,
            law: d.law,
            what_to_do: d.what_to_do,
            to_whom: d.to_whom,
            how: d.how,
            cost: d.cost,
            deadline: d.deadline.map(str::to_owned),
            legal: law::legals(&d.legal),
            sites: d.sites.into_iter().map(OfficialSite::to_ref).collect(),
            record: d.record,
        });
    }
    let current = if is_resolved {
        StepId::Resolved
    } else {
        current.unwrap_or(StepId::Court)
    };
    (out, current)
}
