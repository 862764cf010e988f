//! The rules engine: a pure function of (facts, events, today) → assessment. No clock is read here;
//! the app, the CLI and the letters all call `assess`, so they can never disagree.

pub mod calendar;
mod context;
pub mod court;
pub mod deadlines;
mod ladder;
pub mod law;
pub mod model;
pub mod penalty;
pub mod sites;
pub mod travel;

use chrono::NaiveDate;

use crate::countries;
use crate::dossier::Problem;
use crate::dossier::SellerStatus;
use crate::error::{CoreError, CoreResult, FieldError};
use context::Context;
pub use context::{bnpl_credit_from, renewed_without_notice, ServiceClaim, DEFAULT_NOTICE_DAYS};
use model::{Assessment, CarrierChoice, EventKind, Facts, Note, Regime};

/// Days a formal notice may grant, at most (a year).
pub const MAX_NOTICE_DAYS: u32 = 365;

/// Checks that the facts make sense; every problem names its field (`order.date`, `events[2].date`…).
pub fn validate(facts: &Facts, today: NaiveDate) -> CoreResult<()> {
    let mut errors = Vec::new();
    let mut err = |field: String, message: String| errors.push(FieldError { field, message });
    let order = &facts.order;
    if countries::by_code(&facts.merchant.country).is_none() {
        err(
            "merchant.country".into(),
            format!(
                "Pays inconnu « {} » : utilisez un code ISO à deux lettres, par exemple FR.",
                facts.merchant.country
            ),
        );
    }
    if let Some(p) = &facts.platform {
        if countries::by_code(&p.country).is_none() {
            err(
                "platform.country".into(),
                format!(
                    "Pays inconnu « {} » : utilisez un code ISO à deux lettres, par exemple IE.",
                    p.country
                ),
            );
        }
        if p.directory_id
            .as_deref()
            .is_some_and(|id| crate::platforms::by_id(id).is_none())
        {
            err(
                "platform.directory_id".into(),
                "Plateforme inconnue de l'annuaire de Recours.".into(),
            );
        }
    }
    if order.amount_cents < 0 {
        err(
            "order.amount_cents".into(),
            "Le montant payé ne peut pas être négatif.".into(),
        );
    }
    if order.date > today {
        err(
            "order.date".into(),
            "La date de commande est après la date du jour.".into(),
        );
    }
    if order.promised_delivery_date.is_some_and(|d| d < order.date) {
        err(
            "order.promised_delivery_date".into(),
            "La date de livraison promise est avant la date de commande.".into(),
        );
    }
    if let Some(d) = order.delivered_date {
        if d < order.date {
            err(
                "order.delivered_date".into(),
                "La date de livraison est avant la date de commande.".into(),
            );
        } else if d > today {
            err(
                "order.delivered_date".into(),
                "La date de livraison est après la date du jour.".into(),
            );
        }
    }
    for (i, e) in facts.events.iter().enumerate() {
        if e.date < order.date {
            err(
                format!("events[{i}].date"),
                "Cet événement est daté d'avant la commande.".into(),
            );
        } else if e.date > today {
            err(
                format!("events[{i}].date"),
                "Cet événement est daté d'après aujourd'hui.".into(),
            );
        }
        if let Some(days) = e.deadline_days {
            if e.kind != EventKind::FormalNoticeSent {
                err(
                    format!("events[{i}].deadline_days"),
                    "Un délai accordé n'a de sens que pour une mise en demeure.".into(),
                );
            } else if days == 0 || days > MAX_NOTICE_DAYS {
                err(
                    format!("events[{i}].deadline_days"),
                    format!(
                        "Le délai accordé doit être compris entre 1 et {MAX_NOTICE_DAYS} jours."
                    ),
                );
            }
        }
        if let Some(amount) = e.amount_cents {
            if amount < 0 {
                err(
                    format!("events[{i}].amount_cents"),
                    "Un montant ne peut pas être négatif.".into(),
                );
            }
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(CoreError::Validation(errors))
    }
}

/// `assess` on facts written as JSON (the `recours-cli assess` interface, docs/assess.md).
pub fn assess_json(text: &str, today: NaiveDate) -> CoreResult<Assessment> {
    let facts: Facts = crate::json_input::parse(text)?;
    assess(&facts, today)
}

/// Where the dossier stands today: the ladder, the deadlines, any late-refund increase, the court route.
pub fn assess(facts: &Facts, today: NaiveDate) -> CoreResult<Assessment> {
    validate(facts, today)?;
    let ctx = Context::new(facts, today);
    let court = court::route(&ctx);
    let (steps, current_step) = ladder::steps(&ctx, &court);
    let deadlines = deadlines::compute(&ctx);
    let next_deadline = deadlines.iter().find(|d| !d.passed).cloned();
    Ok(Assessment {
        today,
        problem: facts.problem,
        regime: ctx.regime(),
        seller_status: facts.merchant.status,
        current_step,
        steps,
        penalty: penalty::compute(&ctx),
        court,
        deadlines,
        next_deadline,
        notes: notes(&ctx),
    })
}

fn notes(ctx: &Context) -> Vec<Note> {
    let mut out = Vec::new();
    match ctx.regime() {
        Regime::Consumer => {
            seller_notes(ctx, &mut out);
            consumer_notes(ctx, &mut out);
        }
        Regime::Civil => seller_notes(ctx, &mut out),
        Regime::NoMerchant => scam_notes(ctx, &mut out),
    }
    out
}

/// A fake shop: why the ladder is short, and what not to do next.
fn scam_notes(ctx: &Context, out: &mut Vec<Note>) {
    out.push(Note {
        text: "Vous avez indiqué un site frauduleux ou un vendeur injoignable : il n'y a personne à qui écrire, donc ni réclamation, ni mise en demeure, ni médiateur, ni tribunal civil. Ce qui peut vous rembourser, c'est votre paiement (banque, PayPal, organisme de paiement fractionné) ; la plainte permet l'enquête. Si le vendeur réapparaît avec une identité réelle, changez le problème du dossier (« Modifier »).".into(),
        legal: law::legals(&["SCAM", "THESEE"]),
    });
    if ctx.facts.order.payment_method == crate::dossier::PaymentMethod::Transfer {
        out.push(Note {
            text: "Payé par virement : il n'existe pas de « chargeback » pour un virement que vous avez ordonné vous-même. Le rappel des fonds ne réussit en principe qu'avec l'accord du bénéficiaire ; demandez-le quand même tout de suite.".into(),
            legal: law::legals(&["TRANSFER_RECALL"]),
        });
    }
}

/// Who the seller is, and what the platform says of it.
fn seller_notes(ctx: &Context, out: &mut Vec<Note>) {
    let facts = ctx.facts;
    let platform = facts.platform.as_ref().map(|p| p.name.as_str());
    match facts.merchant.status {
        SellerStatus::Unknown => out.push(Note {
            text: format!(
                "Vous ne savez pas si le vendeur est un professionnel ou un particulier. Cela décide du droit applicable : face à un professionnel, le Code de la consommation (délais, garanties, médiateur) ; face à un particulier, le Code civil seulement. {} En attendant, Recours suit le Code de la consommation{}.",
                match platform {
                    Some(name) => format!("{name} doit l'indiquer sur la page du vendeur ou de l'annonce : « Pro » ou « Particulier », et pour un professionnel son numéro SIREN (art. L111-7). Commencez par lui poser la question."),
                    None => "Regardez les mentions légales du site : un professionnel y indique sa société et son numéro SIREN.".to_owned(),
                },
                if platform.is_some() { " et vous fait commencer par la plateforme" } else { "" }
            ),
            legal: law::legals(&["PLATFORM_DISCLOSURE"]),
        }),
        SellerStatus::Private => out.push(Note {
            text: format!(
                "Le vendeur est un particulier : c'est le Code civil qui s'applique. Il n'y a ni délai de rétractation, ni garantie légale de conformité, ni majoration des remboursements, ni médiateur de la consommation, ni SignalConso, ni Centre européen des consommateurs, ni choix du tribunal de votre domicile{}. Restent : la mise en demeure, la résolution de la vente, la garantie des vices cachés, le conciliateur et le juge.",
                if platform.is_some() { " ; la protection de la plateforme, elle, s'applique" } else { "" }
            ),
            legal: law::legals(&["CIV_REMEDIES", "CIV_TERMINATION", "VICE"]),
        }),
        SellerStatus::Professional => {}
    }
    if let Some(prot) = ctx.platform_entry().and_then(|e| e.protection.as_ref()) {
        if prot.window_days.is_none() {
            out.push(Note {
                text: prot.text.clone(),
                legal: law::legals(&["PLATFORM_TERMS"]),
            });
        }
    }
}

fn consumer_notes(ctx: &Context, out: &mut Vec<Note>) {
    let facts = ctx.facts;
    if matches!(facts.problem, Problem::NonDelivery | Problem::NonConforming) {
        let text = match facts.carrier_chosen_by {
            Some(CarrierChoice::Merchant) => "Le transporteur a été choisi par le vendeur : il répond de la perte ou de l'avarie jusqu'à ce que vous ayez le colis en main (art. L216-2). Ne vous laissez pas renvoyer vers le transporteur.",
            Some(CarrierChoice::Consumer) => "Vous avez choisi vous-même un transporteur que le vendeur ne proposait pas : le risque de perte vous est passé quand le vendeur lui a remis le colis (art. L216-2). Réclamez d'abord auprès de ce transporteur.",
            None => "Qui a choisi le transporteur ? Si c'est une option proposée par le vendeur (le cas habituel), le vendeur répond de la perte ou de l'avarie jusqu'à ce que vous ayez le colis en main (art. L216-2).",
        };
        out.push(Note {
            text: text.into(),
            legal: law::legals(&["RISK"]),
        });
    }
    if facts.problem == Problem::NonDelivery {
        if let Some(d) = ctx.delivered() {
            out.push(Note {
                text: format!(
                    "Le colis est arrivé le {} : si le bien est abîmé ou non conforme, choisissez plutôt le problème « produit abîmé ou différent ».",
                    crate::dossier::validate::fr_date(d)
                ),
                legal: Vec::new(),
            });
        }
    }
    if facts.problem == Problem::WithdrawalRefund && !ctx.goods_sent_back() {
        out.push(Note {
            text: "Notez le renvoi de l'article dès qu'il est parti : le vendeur peut attendre de l'avoir récupéré, ou d'avoir la preuve de son envoi, pour vous rembourser (art. L221-24).".into(),
            legal: law::legals(&["WD_REFUND"]),
        });
    }
    if ctx.refund_due().is_some_and(|d| d.earliest) {
        let (letter, basis) = if facts.problem == Problem::NonDelivery {
            ("d'annulation", "DELIV_REFUND")
        } else {
            ("de rétractation", "WD_REFUND")
        };
        out.push(Note {
            text: format!(
                "La date limite du remboursement est comptée depuis l'envoi de votre lettre {letter} : c'est la plus tôt possible, car le délai court de sa réception par le vendeur. Notez la date de l'avis de réception (le jour même pour un e-mail ou le formulaire du site) : Recours fixera la date exacte et, en cas de retard, la majoration légale."
            ),
            legal: law::legals(&[basis]),
        });
    }
    if facts.problem == Problem::NonConforming {
        out.push(Note {
            text: "Vous n'avez pas écrit de réserves sur le bon de livraison ? Cela ne vous prive pas de la garantie légale de conformité (art. L216-5) : c'est la réponse à un refus fréquent.".into(),
            legal: law::legals(&["RESERVES"]),
        });
        if ctx.has(EventKind::RepairDone) {
            out.push(Note {
                text: "Le bien a été réparé au titre de la garantie : elle est prolongée de 6 mois (art. L217-13). Pour une vente conclue à partir du 31 juillet 2026, une directive européenne prévoit 12 mois quand vous avez choisi la réparation, mais sa transposition en France n'a pas été trouvée : à vérifier.".into(),
                legal: law::legals(&["GLC_EXT"]),
            });
        }
    }
    if facts.order.withdrawal_info_given.is_none()
        && !matches!(facts.problem, Problem::UnauthorizedPayment | Problem::Scam)
    {
        out.push(Note {
            text: "Le vendeur vous a-t-il informé de votre droit de rétractation (dans ses conditions générales ou l'e-mail de commande) ? Sinon, le délai est prolongé de 12 mois (art. L221-20). Tant que vous ne le savez pas, Recours compte le délai le plus court.".into(),
            legal: law::legals(&["WD_EXT"]),
        });
    }
    if facts.order.withdrawal_info_missing() && facts.problem != Problem::UnauthorizedPayment {
        out.push(Note {
            text: "Le vendeur ne vous a pas informé de votre droit de rétractation : le délai est prolongé de 12 mois (art. L221-20).".into(),
            legal: law::legals(&["WD_EXT"]),
        });
    }
}
