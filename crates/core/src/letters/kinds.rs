//! The letters Recours writes, and where in the ladder each one belongs.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::dossier::{Dossier, PaymentMethod, Problem};
use crate::rules::model::{EventKind, Regime, StepId};

const BOTH: &[Regime] = &[Regime::Consumer, Regime::Civil];
const CONSUMER: &[Regime] = &[Regime::Consumer];
const ALL: &[Regime] = &[Regime::Consumer, Regime::Civil, Regime::NoMerchant];

/// The regimes each letter exists in: the consumer mediator, the withdrawal and its refund belong
/// to the Code de la consommation; the letters to a seller are written for a professional and a
/// private person (in their own words); the payment routes and the platform exist in every regime,
/// a fake shop's included.
const REGIMES: &[(LetterKind, &[Regime])] = &[
    (LetterKind::Complaint, BOTH),
    (LetterKind::Reminder, BOTH),
    (LetterKind::FormalNoticeDelivery, BOTH),
    (LetterKind::FormalNoticeConformity, BOTH),
    (LetterKind::FormalNoticeWithdrawal, CONSUMER),
    (LetterKind::Termination, BOTH),
    (LetterKind::WithdrawalForm, CONSUMER),
    (LetterKind::MediatorReferral, CONSUMER),
    (LetterKind::ConciliatorReferral, BOTH),
    (LetterKind::BankDispute, ALL),
    (LetterKind::PaypalDispute, ALL),
    (LetterKind::TransferRecall, ALL),
    (LetterKind::LenderRequest, ALL),
    (LetterKind::PlatformClaim, ALL),
    (LetterKind::ServiceWithdrawal, CONSUMER),
    (LetterKind::Cancellation, CONSUMER),
    (LetterKind::CancellationRefund, CONSUMER),
    (LetterKind::FormalNoticeService, CONSUMER),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum LetterKind {
    /// Réclamation écrite (starts the mediation year, L612-2).
    Complaint,
    /// Relance d'une réclamation restée sans réponse.
    Reminder,
    /// Mise en demeure de livrer (L216-6).
    FormalNoticeDelivery,
    /// Mise en demeure de mettre le bien en conformité (L217-3 et suivants).
    FormalNoticeConformity,
    /// Mise en demeure de rembourser après rétractation (L221-24, L242-4).
    FormalNoticeWithdrawal,
    /// Résolution du contrat après une mise en demeure restée sans effet (L216-6, L216-7), ou de la
    /// vente d'un bien que le vendeur n'a pas mis en conformité (L217-14).
    Termination,
    /// Formulaire type de rétractation (R221-1).
    WithdrawalForm,
    /// Saisine du médiateur de la consommation (L612-1, L612-2).
    MediatorReferral,
    /// Saisine du conciliateur de justice.
    ConciliatorReferral,
    /// Contestation d'un paiement auprès de la banque (ou de PayPal, pour un paiement non autorisé).
    BankDispute,
    /// Litige PayPal : le texte à coller dans le Centre des résolutions (contrat PayPal).
    PaypalDispute,
    /// Demande de rappel d'un virement (règles SEPA : avec l'accord du bénéficiaire).
    TransferRecall,
    /// Paiement fractionné : demande au prêteur de suspendre les échéances.
    LenderRequest,
    /// Réclamation à la plateforme (sa protection des acheteurs), en parallèle du vendeur.
    PlatformClaim,
    /// Rétractation d'un contrat de service ou de contenu numérique (L221-18, L221-25).
    ServiceWithdrawal,
    /// Résiliation d'un abonnement (L215-1-1 ; L215-1 après une reconduction sans information).
    Cancellation,
    /// Remboursement des sommes prélevées après la résiliation.
    CancellationRefund,
    /// Mise en demeure : service non exécuté (L216-6), contenu numérique non conforme (L224-25-12 et
    /// suivants), remboursement après rétractation (L221-24) ou après résiliation.
    FormalNoticeService,
}

impl LetterKind {
    pub const ALL: &'static [LetterKind] = &[
        LetterKind::Complaint,
        LetterKind::Reminder,
        LetterKind::FormalNoticeDelivery,
        LetterKind::FormalNoticeConformity,
        LetterKind::FormalNoticeWithdrawal,
        LetterKind::Termination,
        LetterKind::WithdrawalForm,
        LetterKind::MediatorReferral,
        LetterKind::ConciliatorReferral,
        LetterKind::BankDispute,
        LetterKind::PaypalDispute,
        LetterKind::TransferRecall,
        LetterKind::LenderRequest,
        LetterKind::PlatformClaim,
        LetterKind::ServiceWithdrawal,
        LetterKind::Cancellation,
        LetterKind::CancellationRefund,
        LetterKind::FormalNoticeService,
    ];

    /// The name used by the CLI and the JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            LetterKind::Complaint => "complaint",
            LetterKind::Reminder => "reminder",
            LetterKind::FormalNoticeDelivery => "formal_notice_delivery",
            LetterKind::FormalNoticeConformity => "formal_notice_conformity",
            LetterKind::FormalNoticeWithdrawal => "formal_notice_withdrawal",
            LetterKind::Termination => "termination",
            LetterKind::WithdrawalForm => "withdrawal_form",
            LetterKind::MediatorReferral => "mediator_referral",
            LetterKind::ConciliatorReferral => "conciliator_referral",
            LetterKind::BankDispute => "bank_dispute",
            LetterKind::PaypalDispute => "paypal_dispute",
            LetterKind::TransferRecall => "transfer_recall",
            LetterKind::LenderRequest => "lender_request",
            LetterKind::PlatformClaim => "platform_claim",
            LetterKind::ServiceWithdrawal => "service_withdrawal",
            LetterKind::Cancellation => "cancellation",
            LetterKind::CancellationRefund => "cancellation_refund",
            LetterKind::FormalNoticeService => "formal_notice_service",
        }
    }

    pub fn parse(text: &str) -> Option<LetterKind> {
        LetterKind::ALL.iter().copied().find(|k| k.as_str() == text)
    }

    /// What the letter is, in French (also the piece's title).
    pub fn label(self) -> &'static str {
        match self {
            LetterKind::Complaint => "Réclamation écrite",
            LetterKind::Reminder => "Relance",
            LetterKind::FormalNoticeDelivery => "Mise en demeure de livrer",
            LetterKind::FormalNoticeConformity => "Mise en demeure : bien non conforme",
            LetterKind::FormalNoticeWithdrawal => "Mise en demeure de rembourser (rétractation)",
            LetterKind::Termination => "Annulation (résolution) de la commande",
            LetterKind::WithdrawalForm => "Formulaire de rétractation",
            LetterKind::MediatorReferral => "Saisine du médiateur de la consommation",
            LetterKind::ConciliatorReferral => "Saisine du conciliateur de justice",
            LetterKind::BankDispute => "Contestation du paiement",
            LetterKind::PaypalDispute => "Litige PayPal (texte à coller)",
            LetterKind::TransferRecall => "Demande de rappel du virement",
            LetterKind::LenderRequest => "Suspension des échéances (paiement fractionné)",
            LetterKind::PlatformClaim => "Réclamation à la plateforme",
            LetterKind::ServiceWithdrawal => "Rétractation du contrat",
            LetterKind::Cancellation => "Résiliation de l'abonnement",
            LetterKind::CancellationRefund => "Remboursement des prélèvements après résiliation",
            LetterKind::FormalNoticeService => "Mise en demeure (service ou contenu numérique)",
        }
    }

    /// Sent by registered letter with acknowledgment of receipt (proof of the date of receipt).
    pub fn registered(self) -> bool {
        matches!(
            self,
            LetterKind::FormalNoticeDelivery
                | LetterKind::FormalNoticeConformity
                | LetterKind::FormalNoticeWithdrawal
                | LetterKind::Termination
                | LetterKind::WithdrawalForm
                | LetterKind::BankDispute
                | LetterKind::TransferRecall
                | LetterKind::LenderRequest
                | LetterKind::ServiceWithdrawal
                | LetterKind::Cancellation
                | LetterKind::FormalNoticeService
        )
    }

    /// The journal event that records the letter as sent.
    pub fn sent_event(self) -> EventKind {
        match self {
            LetterKind::Complaint | LetterKind::Reminder | LetterKind::CancellationRefund => {
                EventKind::ComplaintSent
            }
            LetterKind::FormalNoticeDelivery
            | LetterKind::FormalNoticeConformity
            | LetterKind::FormalNoticeWithdrawal
            | LetterKind::FormalNoticeService => EventKind::FormalNoticeSent,
            LetterKind::ServiceWithdrawal => EventKind::WithdrawalNotified,
            LetterKind::Cancellation => EventKind::CancellationSent,
            LetterKind::Termination => EventKind::TerminationNotified,
            LetterKind::WithdrawalForm => EventKind::WithdrawalNotified,
            LetterKind::MediatorReferral => EventKind::MediationRequested,
            LetterKind::ConciliatorReferral => EventKind::ConciliationRequested,
            LetterKind::BankDispute
            | LetterKind::PaypalDispute
            | LetterKind::TransferRecall
            | LetterKind::LenderRequest => EventKind::PaymentDisputeOpened,
            LetterKind::PlatformClaim => EventKind::PlatformClaimOpened,
        }
    }

    /// The ladder step whose panel offers the letter.
    pub fn step(self) -> StepId {
        match self {
            LetterKind::Complaint | LetterKind::Reminder | LetterKind::WithdrawalForm => {
                StepId::Complaint
            }
            LetterKind::FormalNoticeDelivery
            | LetterKind::FormalNoticeConformity
            | LetterKind::FormalNoticeWithdrawal
            | LetterKind::FormalNoticeService => StepId::FormalNotice,
            LetterKind::ServiceWithdrawal => StepId::Withdrawal,
            LetterKind::Cancellation | LetterKind::CancellationRefund => StepId::Cancellation,
            LetterKind::Termination => StepId::Termination,
            LetterKind::MediatorReferral => StepId::Mediation,
            LetterKind::ConciliatorReferral => StepId::Conciliation,
            LetterKind::BankDispute
            | LetterKind::PaypalDispute
            | LetterKind::TransferRecall
            | LetterKind::LenderRequest => StepId::PaymentDispute,
            LetterKind::PlatformClaim => StepId::Platform,
        }
    }

    /// Whether this letter fits the dossier: its problem, its parties and its regime (a consumer
    /// mediator or a withdrawal form has no place between private persons).
    pub fn fits(self, dossier: &Dossier) -> bool {
        let p = dossier.problem;
        let method = dossier.order.payment_method;
        let regime = Regime::of(p, dossier.merchant.status);
        if !REGIMES
            .iter()
            .any(|&(kind, regimes)| kind == self && regimes.contains(&regime))
        {
            return false;
        }
        match self {
            LetterKind::Complaint | LetterKind::Reminder => p != Problem::UnauthorizedPayment,
            LetterKind::FormalNoticeDelivery => p == Problem::NonDelivery,
            // After a failed mise en demeure (L216-6, or 1224 and 1226 of the Code civil), or a
            // failed repair or replacement (L217-14).
            LetterKind::Termination => matches!(p, Problem::NonDelivery | Problem::NonConforming),
            LetterKind::FormalNoticeConformity => {
                matches!(p, Problem::NonConforming | Problem::HiddenDefect)
            }
            LetterKind::FormalNoticeWithdrawal | LetterKind::WithdrawalForm => {
                p == Problem::WithdrawalRefund
            }
            LetterKind::MediatorReferral | LetterKind::ConciliatorReferral => {
                p != Problem::UnauthorizedPayment
            }
            // A card chargeback answers goods not received, not as described, a refund never
            // credited, a fake shop (network rules).
            LetterKind::BankDispute => {
                p == Problem::UnauthorizedPayment
                    || method == PaymentMethod::Card
                        && matches!(
                            p,
                            Problem::NonDelivery
                                | Problem::NonConforming
                                | Problem::WithdrawalRefund
                                | Problem::Scam
                                | Problem::Service
                                | Problem::DigitalContent
                        )
            }
            LetterKind::PaypalDispute => {
                method == PaymentMethod::Paypal
                    && matches!(
                        p,
                        Problem::NonDelivery | Problem::NonConforming | Problem::Scam
                    )
            }
            LetterKind::TransferRecall => method == PaymentMethod::Transfer && p == Problem::Scam,
            LetterKind::LenderRequest => {
                method == PaymentMethod::Bnpl
                    && matches!(
                        p,
                        Problem::NonDelivery
                            | Problem::NonConforming
                            | Problem::WithdrawalRefund
                            | Problem::Scam
                    )
            }
            LetterKind::PlatformClaim => {
                dossier.platform.is_some() && p != Problem::UnauthorizedPayment
            }
            LetterKind::FormalNoticeService => p.is_service(),
            // Digital content supplied with the consent and acknowledgement of L221-28 13° has no
            // withdrawal left.
            LetterKind::ServiceWithdrawal => {
                p.is_service()
                    && !(p == Problem::DigitalContent
                        && dossier
                            .order
                            .service
                            .as_ref()
                            .is_some_and(|t| t.withdrawal_waived == Some(true)))
            }
            // Only a subscription is cancelled.
            LetterKind::Cancellation | LetterKind::CancellationRefund => {
                p.is_service()
                    && dossier
                        .order
                        .service
                        .as_ref()
                        .is_some_and(|t| t.subscription)
            }
        }
    }

    /// The letters for this dossier, in ladder order.
    pub fn for_dossier(dossier: &Dossier) -> Vec<LetterKind> {
        LetterKind::ALL
            .iter()
            .copied()
            .filter(|k| k.fits(dossier))
            .collect()
    }

    /// Written to the merchant (the others go to a mediator, a conciliator, the platform, the
    /// bank, PayPal or the lender).
    pub fn to_merchant(self) -> bool {
        !matches!(
            self,
            LetterKind::MediatorReferral
                | LetterKind::ConciliatorReferral
                | LetterKind::BankDispute
                | LetterKind::PaypalDispute
                | LetterKind::TransferRecall
                | LetterKind::LenderRequest
                | LetterKind::PlatformClaim
        )
    }
}

/// One letter the dossier can use, for the wizard's buttons.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct LetterOption {
    pub kind: LetterKind,
    pub label: String,
    pub step: StepId,
    pub registered: bool,
    pub sent_event: EventKind,
}

impl LetterOption {
    pub fn for_dossier(dossier: &Dossier) -> Vec<LetterOption> {
        LetterKind::for_dossier(dossier)
            .into_iter()
            .map(|kind| LetterOption {
                kind,
                label: kind.label().into(),
                step: kind.step(),
                registered: kind.registered(),
                sent_event: kind.sent_event(),
            })
            .collect()
    }
}
