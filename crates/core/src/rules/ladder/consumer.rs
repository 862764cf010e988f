//! The steps of the consumer regime (Code de la consommation): a professional seller, or one whose
//! status is not known yet.

use super::{done_on, Draft};
use crate::dossier::{validate::fr_date, Problem};
use crate::rules::calendar::add_months;
use crate::rules::context::{Context, ServiceClaim};
use crate::rules::model::{EventKind, StepId};
use crate::rules::sites::OfficialSite;

pub(super) fn complaint(ctx: &Context) -> Draft {
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
        Problem::Service | Problem::DigitalContent => service_request(ctx),
        // A fake shop has its own ladder (scam.rs); the words of « other » if ever asked here.
        Problem::Scam | Problem::Other => "Exposez le problème, les dates, et ce que vous demandez précisément.",
    }
    .into();
    s.to_whom = if p == Problem::UnauthorizedPayment {
        "Le service réclamations de votre banque.".into()
    } else if p.is_service() {
        "Le service client du professionnel (adresse, e-mail ou formulaire des mentions légales du site).".into()
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

pub(super) fn formal_notice(ctx: &Context) -> Draft {
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
        Problem::Service | Problem::DigitalContent => service_notice(ctx, &mut s),
        Problem::Scam | Problem::Other => {
            s.law = "Une mise en demeure fixe un délai au vendeur et prouve que vous avez réclamé : c'est le point de départ des recours suivants.".into();
        }
    }
    s
}

fn service_request(ctx: &Context) -> &'static str {
    match (ctx.service_claim(), ctx.facts.problem) {
        (ServiceClaim::WithdrawalRefund, Problem::DigitalContent) => "Rappelez la date de votre rétractation et demandez le remboursement de tout ce que vous avez payé, dans les 14 jours (art. L221-24).",
        (ServiceClaim::WithdrawalRefund, _) => "Rappelez la date de votre rétractation et demandez le remboursement de tout ce que vous avez payé, moins la part du service déjà fournie si vous aviez expressément demandé qu'il commence tout de suite (art. L221-24 et L221-25).",
        (ServiceClaim::AfterCancellation, _) => "Rappelez la date de votre résiliation et demandez l'arrêt des prélèvements et le remboursement des sommes prélevées depuis. Exemple : « résilié le 3 mars, encore prélevé le 5 avril ».",
        (ServiceClaim::Performance, Problem::DigitalContent) => "Décrivez ce qui ne fonctionne pas (captures d'écran, message d'erreur) et demandez la mise en conformité du contenu, sinon le remboursement.",
        (ServiceClaim::Performance, _) => "Décrivez ce qui était promis et ce qui n'a pas été fait (dates, captures d'écran), et demandez l'exécution du service ou le remboursement.",
    }
}

fn service_notice(ctx: &Context, s: &mut Draft) {
    match (ctx.service_claim(), ctx.facts.problem) {
        (ServiceClaim::WithdrawalRefund, p) => {
            s.law = if p == Problem::DigitalContent {
                "Après une rétractation, le professionnel doit rembourser tout ce que vous avez payé dans les 14 jours suivant le jour où il en a été informé (art. L221-24). Tout retard majore la somme due (art. L242-4).".into()
            } else {
                "Après une rétractation, le professionnel doit rembourser tout ce que vous avez payé dans les 14 jours suivant le jour où il en a été informé (art. L221-24), moins la part du service déjà fournie si vous aviez expressément demandé qu'il commence pendant le délai (art. L221-25). Tout retard majore la somme due (art. L242-4).".into()
            };
            s.legal = if p == Problem::DigitalContent {
                vec!["SVC_WD_REFUND", "WD_PENALTY"]
            } else {
                vec!["SVC_WD_REFUND", "SVC_EARLY_START", "WD_PENALTY"]
            };
            s.deadline = Some("refund_due");
        }
        (ServiceClaim::AfterCancellation, _) => {
            s.law = "Une fois l'abonnement résilié, ce qui est prélevé pour la période qui suit sa date d'effet n'est pas dû et doit être rendu (art. 1302 du Code civil). Après une reconduction dont vous n'avez pas été prévenu, les avances versées depuis la reconduction vous sont remboursées dans les 30 jours de la résiliation, moins le service rendu jusque-là (art. L215-1).".into();
            s.legal = vec!["UNDUE_PAYMENT", "RENEWAL_REFUND"];
            if ctx.renewed_without_notice() {
                s.deadline = Some("renewal_refund_due");
            }
        }
        (ServiceClaim::Performance, Problem::DigitalContent) => {
            s.law = "Le professionnel doit un contenu numérique conforme : il répond des défauts pendant 2 ans après une fourniture unique, ou pendant tout l'abonnement (art. L224-25-12). Sans mise en conformité, vous obtenez une réduction du prix ou la résolution du contrat et le remboursement sous 14 jours (art. L224-25-20 et suivants).".into();
            s.legal = vec![
                "DIGITAL_CONFORMITY",
                "DIGITAL_PRESUMPTION",
                "DIGITAL_REMEDIES",
            ];
        }
        (ServiceClaim::Performance, _) => {
            s.law = "Le professionnel doit exécuter le service à la date convenue, ou sans date dans les 30 jours (art. L216-1). Sinon, mettez-le en demeure de l'exécuter dans un délai raisonnable ; à défaut, vous pouvez résoudre le contrat et être remboursé dans les 14 jours (art. L216-6 et L216-7).".into();
            s.legal = vec!["SVC_PERFORMANCE", "DELIV_NOTICE_DAYS", "DELIV_REFUND"];
        }
    }
}

pub(super) fn termination(ctx: &Context) -> Draft {
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
        Problem::Scam | Problem::Other | Problem::Service | Problem::DigitalContent => {
            s.applies = Err("Selon votre situation : Recours ne la propose pas par défaut pour ce type de problème.".into());
        }
    }
    s
}

pub(super) fn mediation(ctx: &Context) -> Draft {
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

pub(super) fn cec(ctx: &Context) -> Draft {
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
