//! The sentences several letters share: the purchase, the facts of each problem, the sum asked for,
//! and what comes next. Each sentence states only what the dossier shows; where a date decides
//! whether a statement is true (a withdrawal in time), it is checked first.

use chrono::NaiveDate;

use super::super::typo::{de, euros};
use super::super::LetterContext;
use crate::dossier::validate::fr_date;
use crate::dossier::{PaymentMethod, Problem};
use crate::rules::model::{CarrierChoice, CourtRoute, EventKind};
use crate::rules::ServiceClaim;

/// What the letters know of the withdrawal's timing.
pub enum WithdrawalTiming {
    /// Sent on or before the end of the period (extended by L221-20 when `extended`).
    InTime { extended: bool },
    /// Sent after the end of the period.
    Late { period_end: NaiveDate },
    /// The delivery or the withdrawal date is not recorded: nothing can be asserted.
    Unknown,
}

impl LetterContext<'_> {
    pub(super) fn first_event(&self, kind: EventKind) -> Option<NaiveDate> {
        self.events
            .iter()
            .filter(|e| e.kind == kind)
            .map(|e| e.date)
            .min()
    }

    pub(super) fn last_event(&self, kind: EventKind) -> Option<NaiveDate> {
        self.events
            .iter()
            .filter(|e| e.kind == kind)
            .map(|e| e.date)
            .max()
    }

    /// A deadline of the assessment: its date and whether it is only the earliest possible one.
    pub(super) fn deadline(&self, id: &str) -> Option<(NaiveDate, bool)> {
        self.assessment
            .deadlines
            .iter()
            .find(|d| d.id == id)
            .map(|d| (d.date, d.earliest))
    }

    pub(super) fn amount(&self) -> String {
        euros(self.dossier.order.amount_cents)
    }

    /// "commande n° A-123 du 12 mars 2026", for the object line.
    pub(super) fn order_name(&self) -> String {
        let date = fr_date(self.dossier.order.date);
        let what = if self.dossier.problem.is_service() {
            "contrat"
        } else {
            "commande"
        };
        match &self.dossier.order.reference {
            Some(r) => format!("{what} n° {r} du {date}"),
            None => format!("{what} du {date}"),
        }
    }

    /// The opening fact: what was bought, when, for how much, how it was paid.
    pub(super) fn purchase(&self) -> String {
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
            .map(|r| {
                if d.problem.is_service() {
                    format!(" (référence {r})")
                } else {
                    format!(" (commande n° {r})")
                }
            })
            .unwrap_or_default();
        let paid = match d.order.payment_method {
            PaymentMethod::Card => ", réglé par carte bancaire".to_owned(),
            PaymentMethod::Paypal => ", réglé par PayPal".to_owned(),
            PaymentMethod::Transfer => ", réglé par virement".to_owned(),
            PaymentMethod::Bnpl => match d.order.lender.as_deref() {
                Some(lender) => format!(
                    ", réglé en plusieurs fois par l'intermédiaire {}",
                    de(lender)
                ),
                None => ", réglé en plusieurs fois (paiement fractionné)".to_owned(),
            },
            PaymentMethod::Other => ", que j'ai réglé".to_owned(),
        };
        let bought = match (d.problem, &d.order.service) {
            (Problem::Service | Problem::DigitalContent, Some(t)) if t.subscription => {
                "j'ai souscrit un abonnement"
            }
            (Problem::Service, _) => "j'ai conclu un contrat de prestation de services",
            (Problem::DigitalContent, _) => "j'ai acheté un contenu numérique",
            _ => "j'ai passé commande",
        };
        format!(
            "Le {}, {bought}{site}{reference} pour un montant de {}{paid}.",
            fr_date(d.order.date),
            self.amount()
        )
    }

    /// The purchase told to a third party (mediator, conciliator, bank).
    pub(super) fn purchase_told(&self) -> String {
        self.purchase().replacen("sur votre site", "sur le site", 1)
    }

    /// The person's own words, when they wrote some.
    pub(super) fn description(&self) -> Option<String> {
        let text = self.dossier.description.trim();
        (!text.is_empty()).then(|| format!("Précisions : {text}"))
    }

    pub(super) fn delivery_facts(&self) -> Vec<String> {
        let o = &self.dossier.order;
        let mut p = vec![match o.promised_delivery_date {
            Some(date) => format!(
                "Vous vous étiez engagé à me livrer au plus tard le {}.",
                fr_date(date)
            ),
            None => format!(
                "Aucune date de livraison n'ayant été convenue, vous deviez me livrer sans retard injustifié et au plus tard 30 jours après la commande, soit le {} (article L216-1 du Code de la consommation).",
                self.deadline("delivery_due")
                    .map(|(d, _)| fr_date(d))
                    .unwrap_or_else(|| "[à compléter : date limite de livraison]".into())
            ),
        }];
        p.push(
            "À ce jour, je n'ai pas reçu le bien commandé. Je vous rappelle que la délivrance s'entend du transfert au consommateur de la possession physique ou du contrôle du bien (article L216-1) : un suivi indiquant « livré » ne la prouve pas."
                .into(),
        );
        match self.dossier.carrier_chosen_by {
            Some(CarrierChoice::Merchant) => p.push("Le transporteur ayant été choisi parmi vos offres, vous supportez le risque de perte ou d'avarie jusqu'à ce que j'aie pris physiquement possession du bien (article L216-2 du Code de la consommation).".into()),
            None => p.push("Vous supportez le risque de perte ou d'avarie jusqu'à ce que j'aie pris physiquement possession du bien, sauf si j'avais choisi un transporteur que vous ne proposiez pas (article L216-2 du Code de la consommation).".into()),
            Some(CarrierChoice::Consumer) => {}
        }
        p
    }

    pub(super) fn conformity_facts(&self) -> Vec<String> {
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
            "L'absence de réserves sur le bon de livraison ne me prive pas de cette garantie (article L216-5 du même code).".into(),
        ]
    }

    /// Whether the withdrawal was sent in time, from the assessment's own period end.
    pub(super) fn withdrawal_timing(&self) -> WithdrawalTiming {
        let Some(sent) = self.first_event(EventKind::WithdrawalNotified) else {
            return WithdrawalTiming::Unknown;
        };
        let Some(end) = self
            .assessment
            .deadlines
            .iter()
            .find(|d| d.id == "withdrawal_period_end")
        else {
            return WithdrawalTiming::Unknown;
        };
        if sent <= end.date {
            WithdrawalTiming::InTime {
                extended: end.basis == "L221-20",
            }
        } else {
            WithdrawalTiming::Late {
                period_end: end.date,
            }
        }
    }

    /// What the person should know before sending a letter about this withdrawal.
    pub(super) fn withdrawal_warnings(&self) -> Vec<String> {
        match self.withdrawal_timing() {
            WithdrawalTiming::InTime { .. } => Vec::new(),
            WithdrawalTiming::Late { period_end } => vec![format!(
                "Votre rétractation semble tardive : d'après les dates du dossier, le délai finissait le {} (articles L221-18 et L221-19). Le courrier ne dit donc pas qu'elle était dans le délai. Vérifiez la date de réception du bien (et si le vendeur vous a informé de ce droit, article L221-20) avant de l'envoyer.",
                fr_date(period_end)
            )],
            WithdrawalTiming::Unknown => vec!["Recours ne connaît pas la date de réception du bien ou celle de votre rétractation : il ne peut pas vérifier qu'elle était dans le délai, et le courrier ne l'affirme pas. Notez ces dates dans le dossier si vous les avez.".into()],
        }
    }

    pub(super) fn withdrawal_facts(&self) -> Vec<String> {
        let mut p = Vec::new();
        match (self.first_event(EventKind::WithdrawalNotified), self.withdrawal_timing()) {
            (Some(date), WithdrawalTiming::InTime { extended }) => p.push(format!(
                "Le {}, je vous ai notifié ma rétractation, dans le délai prévu par l'article L221-18 du Code de la consommation{}.",
                fr_date(date),
                if extended {
                    ", prolongé de douze mois faute pour vous de m'avoir informé de ce droit (article L221-20)"
                } else {
                    ""
                }
            )),
            (Some(date), _) => p.push(format!(
                "Le {}, je vous ai notifié ma rétractation.",
                fr_date(date)
            )),
            (None, _) => p.push(
                "Je vous ai notifié ma rétractation le [à compléter : date de votre rétractation]."
                    .into(),
            ),
        }
        let returned = self.first_event(EventKind::GoodsReturned);
        match returned {
            Some(date) => p.push(format!("Je vous ai renvoyé le bien le {}.", fr_date(date))),
            None => p.push("Je vous ai renvoyé le bien le [à compléter : date du renvoi du bien, ou de la preuve d'expédition fournie].".into()),
        }
        p.push("L'article L221-24 vous oblige à me rembourser la totalité des sommes versées, frais de livraison initiaux compris, au plus tard dans les 14 jours suivant la date à laquelle vous avez été informé de ma rétractation ; vous pouvez différer ce remboursement jusqu'à la récupération du bien ou jusqu'à ce que je vous aie fourni la preuve de son expédition, la date retenue étant celle du premier de ces faits.".into());
        if returned.is_some() {
            match self.deadline("refund_due") {
                Some((due, false)) => p.push(format!(
                    "Ce remboursement devait donc intervenir au plus tard le {}. À ce jour, je ne l'ai pas reçu.",
                    fr_date(due)
                )),
                // Counted from the sending: the true term may be later, so no date is asserted.
                Some((_, true)) => p.push("À ce jour, je n'ai pas reçu ce remboursement.".into()),
                None => {}
            }
        }
        p
    }

    /// The sum asked for, with any increase the law adds, and the sentence that says so.
    pub(super) fn refund_request(&self) -> String {
        match &self.assessment.penalty {
            Some(pen) if pen.increase_cents > 0 => format!(
                "Je vous demande de me rembourser la somme de {}, {} ({} jours de retard) en application de l'article {} du Code de la consommation, soit {} à ce jour. Cette majoration augmente avec la durée du retard, dans les limites fixées par ce texte.",
                euros(pen.principal_cents),
                match (pen.legal_interest, pen.rate_percent) {
                    (true, 100) => "majorée de plein droit d'une somme égale au prix du produit, puis des intérêts au taux légal".to_owned(),
                    (true, _) => "majorée de plein droit des intérêts au taux légal".to_owned(),
                    (false, rate) => format!("majorée de plein droit de {rate} %"),
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

    pub(super) fn notice_days(&self) -> u32 {
        crate::rules::DEFAULT_NOTICE_DAYS
    }

    /// Who will hear of it next, from the assessment: the mediator or the CEC, then the conciliator or
    /// the court route that fits.
    pub(super) fn next_steps(&self) -> String {
        self.next_steps_after(false)
    }

    /// After a termination only a sum is owed: the court route is the injonction de payer.
    pub(super) fn next_steps_after(&self, terminated: bool) -> String {
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
            CourtRoute::InjonctionDeFaire | CourtRoute::ResolutionFirst if terminated => {
                CourtRoute::InjonctionDePayer
            }
            r => r,
        };
        let court = match route {
            CourtRoute::InjonctionDePayer => "le tribunal judiciaire d'une requête en injonction de payer",
            CourtRoute::InjonctionDeFaire | CourtRoute::ResolutionFirst => {
                "le tribunal judiciaire d'une requête en injonction de faire"
            }
            CourtRoute::EuropeanSmallClaims => {
                "la juridiction compétente selon la procédure européenne de règlement des petits litiges"
            }
            CourtRoute::EuropeanOrderForPayment => {
                "la juridiction compétente d'une demande d'injonction de payer européenne"
            }
            CourtRoute::ForeignMerchant | CourtRoute::Denmark => "la juridiction compétente",
            _ => "le tribunal judiciaire",
        };
        format!(
            "À défaut de réponse satisfaisante dans ce délai, je saisirai {mediator}, puis, si nécessaire, le conciliateur de justice ou {court}, sans autre avis. Je me réserve également la possibilité de signaler ces faits sur SignalConso (DGCCRF)."
        )
    }

    /// The problem in one sentence, for a mediator or a conciliator.
    pub(super) fn problem_summary(&self) -> &'static str {
        match self.dossier.problem {
            Problem::NonDelivery => "Le bien commandé ne m'a jamais été livré.",
            Problem::NonConforming => "Le bien livré n'est pas conforme au contrat (garantie légale de conformité, articles L217-3 et suivants du Code de la consommation).",
            Problem::WithdrawalRefund => match self.withdrawal_timing() {
                WithdrawalTiming::InTime { .. } => "Je me suis rétracté dans le délai légal et je n'ai pas été remboursé (article L221-24 du Code de la consommation).",
                _ => "Je me suis rétracté et je n'ai pas été remboursé (article L221-24 du Code de la consommation).",
            },
            Problem::HiddenDefect => "Le bien est atteint d'un défaut caché (articles 1641 et suivants du Code civil).",
            Problem::UnauthorizedPayment => "Un paiement a été effectué sans mon autorisation.",
            Problem::Scam => "J'ai payé une commande qui ne m'a jamais été livrée, à un vendeur devenu injoignable.",
            Problem::Service | Problem::DigitalContent => {
                let claim = ServiceClaim::from_kinds(self.events.iter().map(|e| e.kind));
                match (claim, self.dossier.problem) {
                    (ServiceClaim::WithdrawalRefund, _) => "Je me suis rétracté du contrat et je n'ai pas été remboursé (article L221-24 du Code de la consommation).",
                    (ServiceClaim::AfterCancellation, _) => "J'ai résilié le contrat, et le professionnel continue de prélever des sommes qui ne sont plus dues.",
                    (ServiceClaim::Performance, Problem::DigitalContent) => "Le contenu numérique acheté n'est pas conforme au contrat (articles L224-25-12 et suivants du Code de la consommation).",
                    (ServiceClaim::Performance, _) => "Le professionnel n'a pas exécuté le service convenu.",
                }
            }
            Problem::Other => "Le professionnel n'a pas exécuté ses engagements.",
        }
    }
}
