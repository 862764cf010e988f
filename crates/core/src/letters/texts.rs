//! What each letter says: the facts in order, the legal basis with its articles (current numbering,
//! checked against shared/domain/french-law-2026.md), the precise request, the deadline granted and
//! what comes next. Plain paragraphs: the person can edit them before the PDF is made.

use chrono::NaiveDate;

use super::typo::euros;
use super::LetterContext;
use crate::dossier::validate::fr_date;
use crate::dossier::{PaymentMethod, Problem};
use crate::rules::model::{CourtRoute, EventKind, Goal};

/// Marks what the person must complete by hand; a PDF is refused while one is left.
pub const TO_COMPLETE: &str = "[à compléter";

pub struct Body {
    pub object: String,
    pub paragraphs: Vec<String>,
    /// Rule ids (rules::law) the letter relies on.
    pub rules: Vec<&'static str>,
}

const OPENING: &str = "Madame, Monsieur,";
const CLOSING: &str =
    "Je vous prie d'agréer, Madame, Monsieur, l'expression de mes salutations distinguées.";

impl LetterContext<'_> {
    fn first_event(&self, kind: EventKind) -> Option<NaiveDate> {
        self.events
            .iter()
            .filter(|e| e.kind == kind)
            .map(|e| e.date)
            .min()
    }

    fn last_event(&self, kind: EventKind) -> Option<NaiveDate> {
        self.events
            .iter()
            .filter(|e| e.kind == kind)
            .map(|e| e.date)
            .max()
    }

    fn deadline(&self, id: &str) -> Option<NaiveDate> {
        self.assessment
            .deadlines
            .iter()
            .find(|d| d.id == id)
            .map(|d| d.date)
    }

    fn amount(&self) -> String {
        euros(self.dossier.order.amount_cents)
    }

    /// "commande n° A-123 du 12 mars 2026", for the object line.
    fn order_name(&self) -> String {
        let date = fr_date(self.dossier.order.date);
        match &self.dossier.order.reference {
            Some(r) => format!("commande n° {r} du {date}"),
            None => format!("commande du {date}"),
        }
    }

    /// The opening fact: what was bought, when, for how much, how it was paid.
    fn purchase(&self) -> String {
        let d = self.dossier;
        let site = d
            .merchant
            .website
            .as_deref()
            .map(|w| format!(" sur votre site {w}"))
            .unwrap_or_default();
        let reference = d
            .order
            .reference
            .as_deref()
            .map(|r| format!(" (commande n° {r})"))
            .unwrap_or_default();
        let paid = match d.order.payment_method {
            PaymentMethod::Card => ", réglé par carte bancaire",
            PaymentMethod::Paypal => ", réglé par PayPal",
            PaymentMethod::Transfer => ", réglé par virement",
            PaymentMethod::Other => ", que j'ai réglé",
        };
        format!(
            "Le {}, j'ai passé commande{site}{reference} pour un montant de {}{paid}.",
            fr_date(d.order.date),
            self.amount()
        )
    }

    /// The person's own words, when they wrote some.
    fn description(&self) -> Option<String> {
        let text = self.dossier.description.trim();
        (!text.is_empty()).then(|| format!("Précisions : {text}"))
    }

    fn delivery_facts(&self) -> Vec<String> {
        let o = &self.dossier.order;
        let mut p = vec![match o.promised_delivery_date {
            Some(date) => format!(
                "Vous vous étiez engagé à me livrer au plus tard le {}.",
                fr_date(date)
            ),
            None => format!(
                "Aucune date de livraison n'ayant été convenue, vous deviez me livrer sans retard injustifié et au plus tard 30 jours après la commande, soit le {} (article L216-1 du Code de la consommation).",
                self.deadline("delivery_due")
                    .map(fr_date)
                    .unwrap_or_else(|| "[à compléter : date limite de livraison]".into())
            ),
        }];
        p.push(
            "À ce jour, je n'ai pas reçu le bien commandé. Je vous rappelle que la délivrance s'entend du transfert au consommateur de la possession physique ou du contrôle du bien (article L216-1) : un suivi indiquant « livré » ne la prouve pas."
                .into(),
        );
        match self.dossier.carrier_chosen_by {
            Some(crate::rules::model::CarrierChoice::Merchant) => p.push("Le transporteur ayant été choisi parmi vos offres, vous supportez le risque de perte ou d'avarie jusqu'à ce que j'aie pris physiquement possession du bien (article L216-2 du Code de la consommation).".into()),
            None => p.push("Vous supportez le risque de perte ou d'avarie jusqu'à ce que j'aie pris physiquement possession du bien, sauf si j'avais choisi un transporteur que vous ne proposiez pas (article L216-2 du Code de la consommation).".into()),
            Some(crate::rules::model::CarrierChoice::Consumer) => {}
        }
        p
    }

    fn conformity_facts(&self) -> Vec<String> {
        let o = &self.dossier.order;
        let received = o
            .delivered_date
            .map(|d| format!("J'ai reçu le bien le {}. ", fr_date(d)))
            .unwrap_or_default();
        let subject = if received.is_empty() {
            "Le bien livré"
        } else {
            "Il"
        };
        if self.dossier.problem == Problem::HiddenDefect {
            return vec![format!(
                "{received}{subject} est atteint d'un défaut caché qui le rend impropre à l'usage auquel il est destiné{}. Ce défaut existait avant la vente et je ne pouvais pas le déceler ; si je l'avais connu, je ne l'aurais pas acquis, ou n'en aurais donné qu'un moindre prix (articles 1641 et suivants du Code civil).",
                self.first_event(EventKind::DefectDiscovered)
                    .map(|d| format!(", défaut que j'ai découvert le {}", fr_date(d)))
                    .unwrap_or_default()
            )];
        }
        let months = if o.used_goods { 12 } else { 24 };
        vec![
            format!("{received}{subject} n'est pas conforme au contrat."),
            format!(
                "Vous êtes tenu de livrer un bien conforme et répondez des défauts de conformité qui apparaissent dans les deux ans de la délivrance (article L217-3 du Code de la consommation). Un défaut qui apparaît dans les {months} mois suivant la délivrance est présumé exister au moment de celle-ci (article L217-7) : je n'ai pas à prouver son origine."
            ),
        ]
    }

    fn withdrawal_facts(&self) -> Vec<String> {
        let mut p = Vec::new();
        if let Some(date) = self.first_event(EventKind::WithdrawalNotified) {
            p.push(format!(
                "Le {}, je vous ai notifié ma rétractation, dans le délai de 14 jours prévu par l'article L221-18 du Code de la consommation.",
                fr_date(date)
            ));
        } else {
            p.push(format!(
                "Je vous ai notifié ma rétractation le {} dans le délai prévu par l'article L221-18 du Code de la consommation.",
                "[à compléter : date de votre rétractation]"
            ));
        }
        let returned = self.first_event(EventKind::GoodsReturned);
        match returned {
            Some(date) => p.push(format!("Je vous ai renvoyé le bien le {}.", fr_date(date))),
            None => p.push("Je vous ai renvoyé le bien le [à compléter : date du renvoi du bien, ou de la preuve d'expédition fournie].".into()),
        }
        p.push("L'article L221-24 vous oblige à me rembourser la totalité des sommes versées, frais de livraison initiaux compris, au plus tard dans les 14 jours suivant la date à laquelle vous avez été informé de ma rétractation ; vous pouvez différer ce remboursement jusqu'à la récupération du bien ou jusqu'à ce que je vous aie fourni la preuve de son expédition, la date retenue étant celle du premier de ces faits.".into());
        if let Some(due) = self.deadline("refund_due").filter(|_| returned.is_some()) {
            p.push(format!(
                "Ce remboursement devait donc intervenir au plus tard le {}. À ce jour, je ne l'ai pas reçu.",
                fr_date(due)
            ));
        }
        p
    }

    /// The sum asked for, with any increase the law adds, and the sentence that says so.
    fn refund_request(&self) -> String {
        match &self.assessment.penalty {
            Some(pen) if pen.increase_cents > 0 => format!(
                "Je vous demande de me rembourser la somme de {}, {} ({} jours de retard) en application de l'article {} du Code de la consommation, soit {} à ce jour. Cette majoration augmente avec la durée du retard, dans les limites fixées par ce texte.",
                euros(pen.principal_cents),
                if pen.legal_interest {
                    "majorée de plein droit des intérêts au taux légal".to_owned()
                } else {
                    format!("majorée de plein droit de {} %", pen.rate_percent)
                },
                pen.days_late,
                pen.basis,
                euros(pen.total_due_cents)
            ),
            _ => format!(
                "Je vous demande de me rembourser la somme de {}.",
                self.amount()
            ),
        }
    }

    fn notice_days(&self) -> u32 {
        crate::rules::DEFAULT_NOTICE_DAYS
    }

    /// Who will hear of it next, from the assessment: the mediator or the CEC, then the conciliator or
    /// the court route that fits.
    fn next_steps(&self) -> String {
        self.next_steps_after(false)
    }

    /// After a termination only a sum is owed: the court route is the injonction de payer.
    fn next_steps_after(&self, terminated: bool) -> String {
        let m = &self.dossier.merchant;
        let mediator = if m.fevad_mediator == Some(true) {
            "le Médiateur du e-commerce de la FEVAD".to_owned()
        } else if let Some(name) = m.mediator_name.as_deref().filter(|n| !n.is_empty()) {
            format!("le médiateur de la consommation que vous désignez ({name})")
        } else if m.country != "FR"
            && !matches!(m.country.as_str(), "LI")
            && crate::countries::by_code(&m.country).is_some_and(|c| c.eea)
        {
            "le Centre européen des consommateurs France".to_owned()
        } else {
            "le médiateur de la consommation dont vous relevez (article L612-1 du Code de la consommation)".to_owned()
        };
        let route = match self.assessment.court.route {
            CourtRoute::InjonctionDeFaire if terminated => CourtRoute::InjonctionDePayer,
            r => r,
        };
        let court = match route {
            CourtRoute::InjonctionDePayer => "le tribunal judiciaire d'une requête en injonction de payer",
            CourtRoute::InjonctionDeFaire => "le tribunal judiciaire d'une requête en injonction de faire",
            CourtRoute::EuropeanSmallClaims => {
                "la juridiction compétente selon la procédure européenne de règlement des petits litiges"
            }
            CourtRoute::EuropeanOrderForPayment => {
                "la juridiction compétente d'une demande d'injonction de payer européenne"
            }
            CourtRoute::ForeignMerchant => "la juridiction compétente",
            _ => "le tribunal judiciaire",
        };
        format!(
            "À défaut de réponse satisfaisante dans ce délai, je saisirai {mediator}, puis, si nécessaire, le conciliateur de justice ou {court}, sans autre avis. Je me réserve également la possibilité de signaler ces faits sur SignalConso (DGCCRF)."
        )
    }
}

/// The object line and paragraphs of one letter.
pub fn body(kind: super::LetterKind, ctx: &LetterContext<'_>) -> Body {
    use super::LetterKind as K;
    let d = ctx.dossier;
    let order = ctx.order_name();
    let mut p: Vec<String> = Vec::new();
    let rules: Vec<&'static str>;
    let object;
    let days = ctx.notice_days();
    match kind {
        K::Complaint | K::Reminder => {
            object = if kind == K::Complaint {
                format!("Réclamation — {order}")
            } else {
                format!("Relance — réclamation — {order}")
            };
            p.push(OPENING.into());
            if kind == K::Reminder {
                let first = ctx.first_event(EventKind::ComplaintSent);
                p.push(match first {
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
                    vec!["GLC_DURATION", "GLC_PRESUMPTION", "GLC_FIX"],
                ),
                Problem::WithdrawalRefund => (
                    ctx.withdrawal_facts(),
                    ctx.refund_request(),
                    vec!["WD_PERIOD", "WD_REFUND"],
                ),
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
            rules = [r, vec!["MED_WINDOW"]].concat();
        }
        K::FormalNoticeDelivery => {
            object = format!("Mise en demeure de livrer — {order}");
            p.push(OPENING.into());
            p.push(ctx.purchase());
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
            rules = vec![
                "DELIV_DEFAULT",
                "DELIV_NOTICE",
                "RISK",
                "DELIV_REFUND",
                "DELIV_PENALTY",
            ];
        }
        K::FormalNoticeConformity => {
            object = if d.problem == Problem::HiddenDefect {
                format!("Mise en demeure — vice caché — {order}")
            } else {
                format!("Mise en demeure — bien non conforme — {order}")
            };
            p.push(OPENING.into());
            p.push(ctx.purchase());
            p.extend(ctx.conformity_facts());
            p.extend(ctx.description());
            if d.problem == Problem::HiddenDefect {
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
                rules = vec!["VICE"];
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
                rules = vec!["GLC_DURATION", "GLC_PRESUMPTION", "GLC_FIX", "GLC_FALLBACK"];
            }
            p.push(ctx.next_steps());
            p.push(CLOSING.into());
        }
        K::FormalNoticeWithdrawal => {
            object = format!("Mise en demeure de rembourser — rétractation — {order}");
            p.push(OPENING.into());
            p.push(ctx.purchase());
            p.extend(ctx.withdrawal_facts());
            p.extend(ctx.description());
            p.push(format!(
                "En conséquence, je vous mets en demeure de procéder au remboursement dans un délai de {days} jours à compter de la réception de la présente lettre, par le même moyen de paiement que celui utilisé pour la commande."
            ));
            p.push(ctx.refund_request());
            p.push("Je vous rappelle qu'en application de l'article L242-4 du Code de la consommation, les sommes dues sont de plein droit majorées du taux d'intérêt légal jusqu'à 10 jours de retard, puis de 5 %, 10 %, 20 % et 50 % selon la durée du retard, puis de 5 points par mois supplémentaire jusqu'au prix du produit.".into());
            p.push(ctx.next_steps());
            p.push(CLOSING.into());
            rules = vec!["WD_PERIOD", "WD_REFUND", "WD_PENALTY"];
        }
        K::Termination => {
            object = format!("Résolution du contrat — {order}");
            p.push(OPENING.into());
            p.push(ctx.purchase());
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
            rules = vec!["DELIV_NOTICE", "DELIV_REFUND", "DELIV_PENALTY"];
        }
        K::WithdrawalForm => {
            object = format!("Rétractation — {order}");
            let o = &d.order;
            p.push("Je vous notifie par la présente ma rétractation du contrat portant sur la vente du bien ci-dessous :".into());
            p.push(format!(
                "Commandé le {}{}{}.",
                fr_date(o.date),
                o.delivered_date
                    .map(|r| format!(", reçu le {}", fr_date(r)))
                    .unwrap_or_default(),
                o.reference
                    .as_deref()
                    .map(|r| format!(" (commande n° {r}, {})", ctx.amount()))
                    .unwrap_or_else(|| format!(" ({})", ctx.amount()))
            ));
            p.push(format!("Nom du consommateur : {}", ctx.sender.name));
            p.push(format!(
                "Adresse du consommateur : {}",
                ctx.sender.lines()[1..]
                    .iter()
                    .take_while(|l| !l.contains('@') && !l.starts_with("Tél."))
                    .cloned()
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
            p.push("Je vous remercie de me rembourser la totalité des sommes versées, frais de livraison initiaux compris, dans les 14 jours suivant la réception de la présente (article L221-24 du Code de la consommation), sous réserve de votre faculté de différer ce remboursement jusqu'à la récupération du bien ou jusqu'à ce que je vous aie fourni la preuve de son expédition, et de m'indiquer l'adresse de retour du bien.".into());
            rules = vec!["WD_PERIOD", "WD_RETURN", "WD_REFUND"];
        }
        K::MediatorReferral => {
            object = format!(
                "Demande de médiation — litige avec {} — {order}",
                d.merchant.name
            );
            p.push(OPENING.into());
            p.push(format!(
                "Je vous saisis du litige qui m'oppose à la société {}, dont vous êtes le médiateur de la consommation.",
                d.merchant.name
            ));
            p.push(ctx.purchase().replacen("sur votre site", "sur le site", 1));
            p.push(problem_summary(d.problem).into());
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
            rules = vec!["MED_FREE", "MED_WINDOW", "MED_TIMES"];
        }
        K::ConciliatorReferral => {
            object = format!("Demande de conciliation — litige avec {}", d.merchant.name);
            p.push(OPENING.into());
            p.push(format!(
                "Je sollicite votre intervention en tant que conciliateur de justice dans le litige qui m'oppose à la société {}{}.",
                d.merchant.name,
                d.merchant
                    .postal_address
                    .as_deref()
                    .map(|a| format!(", {}", a.replace('\n', ", ")))
                    .unwrap_or_default()
            ));
            p.push(ctx.purchase().replacen("sur votre site", "sur le site", 1));
            p.push(problem_summary(d.problem).into());
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
            rules = vec!["CONCILIATION", "PRE_ACTION"];
        }
        K::BankDispute => {
            let unauthorized = d.problem == Problem::UnauthorizedPayment;
            object = if unauthorized {
                "Contestation d'un paiement non autorisé par carte bancaire".into()
            } else {
                format!("Demande de rétrofacturation — {order} non livrée")
            };
            p.push(OPENING.into());
            if unauthorized {
                p.push(format!(
                    "Je conteste l'opération débitée sur mon compte au profit de {}, datée du {}, d'un montant de {}, que je n'ai pas autorisée.",
                    d.merchant.name,
                    fr_date(d.order.date),
                    ctx.amount()
                ));
                p.push("Conformément à l'article L133-18 du Code monétaire et financier, je vous demande de me rembourser immédiatement le montant de cette opération, au plus tard à la fin du premier jour ouvrable suivant la présente notification, et de rétablir mon compte dans l'état où il se serait trouvé si l'opération n'avait pas eu lieu.".into());
                p.push("Ma carte n'a été ni perdue ni volée et ses données ont été utilisées à mon insu ; en application de l'article L133-19 du même code, aucune somme ne peut rester à ma charge, sauf agissement frauduleux ou négligence grave de ma part.".into());
                if ctx.today <= crate::rules::calendar::add_months(d.order.date, 13) {
                    p.push("Cette contestation intervient dans le délai de 13 mois suivant le débit (article L133-24).".into());
                }
                rules = vec!["CARD_FRAUD", "CARD_LIMIT"];
            } else {
                p.push(
                    ctx.purchase()
                        .replacen("sur votre site", "sur le site", 1)
                        .replace(
                            "j'ai passé commande",
                            &format!("j'ai passé commande auprès de {}", d.merchant.name),
                        ),
                );
                p.push("Le bien ne m'a jamais été livré, malgré mes démarches auprès du vendeur, dont vous trouverez copie ci-jointe.".into());
                p.push("Je vous demande d'engager une procédure de rétrofacturation (« chargeback ») auprès du réseau de ma carte, au motif « marchandise non reçue » (par exemple le code Visa 13.1), et de me tenir informé de sa suite. Cette procédure relève des règles du réseau de carte et non de la loi ; je vous la demande sans attendre pour respecter ses délais.".into());
                rules = vec!["CHARGEBACK"];
            }
            p.extend(ctx.description());
            p.push(CLOSING.into());
        }
    }
    Body {
        object,
        paragraphs: p,
        rules,
    }
}

fn problem_summary(problem: Problem) -> &'static str {
    match problem {
        Problem::NonDelivery => "Le bien commandé ne m'a jamais été livré.",
        Problem::NonConforming => "Le bien livré n'est pas conforme au contrat (garantie légale de conformité, articles L217-3 et suivants du Code de la consommation).",
        Problem::WithdrawalRefund => "Je me suis rétracté dans le délai légal et je n'ai pas été remboursé (article L221-24 du Code de la consommation).",
        Problem::HiddenDefect => "Le bien est atteint d'un défaut caché (articles 1641 et suivants du Code civil).",
        Problem::UnauthorizedPayment => "Un paiement a été effectué sans mon autorisation.",
        Problem::Other => "Le professionnel n'a pas exécuté ses engagements.",
    }
}
