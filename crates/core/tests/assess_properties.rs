//! Property tests of the rules engine over many generated dossiers (a fixed-seed generator, so a
//! failure is reproducible): deadlines never come before their event, the L242-4 increase never
//! exceeds the price, and the assessment is the same for the same input.

use chrono::{Duration, NaiveDate};
use recours_core::dossier::{Merchant, Order, PaymentMethod, Problem};
use recours_core::rules::assess;
use recours_core::rules::calendar::HolidayRegion;
use recours_core::rules::model::{CarrierChoice, EventFact, EventKind, Facts, Goal};

/// xorshift64*: small, deterministic.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len() as u64) as usize]
    }
}

const PROBLEMS: &[Problem] = &[
    Problem::NonDelivery,
    Problem::NonConforming,
    Problem::WithdrawalRefund,
    Problem::HiddenDefect,
    Problem::UnauthorizedPayment,
    Problem::Other,
];

fn generate(rng: &mut Rng) -> (Facts, NaiveDate) {
    let base = NaiveDate::from_ymd_opt(2024, 1, 1).expect("date");
    let order_date = base + Duration::days(rng.below(900) as i64);
    let today = order_date + Duration::days(rng.below(800) as i64);
    let span = (today - order_date).num_days().max(0) as u64;
    let within = |rng: &mut Rng| order_date + Duration::days(rng.below(span + 1) as i64);
    let mut events = Vec::new();
    for _ in 0..rng.below(7) {
        let kind = rng.pick(EventKind::ALL);
        events.push(EventFact {
            kind,
            date: within(rng),
            deadline_days: (kind == EventKind::FormalNoticeSent && rng.below(2) == 0)
                .then(|| 1 + rng.below(60) as u32),
            amount_cents: (kind == EventKind::RefundReceived && rng.below(2) == 0)
                .then(|| rng.below(300_000) as i64),
        });
    }
    let delivered = (rng.below(2) == 0).then(|| within(rng));
    let facts = Facts {
        problem: rng.pick(PROBLEMS),
        goal: rng.pick(&[Goal::Refund, Goal::Performance]),
        merchant: Merchant {
            name: "Vendeur".into(),
            country: rng
                .pick(&["FR", "DE", "BE", "CN", "US", "NO", "CH", "DK"])
                .into(),
            fevad_mediator: rng.pick(&[None, Some(true), Some(false)]),
            mediator_name: None,
            status: Default::default(),
            website: None,
            email: None,
            phone: None,
            postal_address: None,
            siren_siret: None,
        },
        platform: None,
        order: Order {
            reference: None,
            date: order_date,
            amount_cents: rng.pick(&[
                0, 1, 999, 49_990, 499_999, 500_000, 500_001, 1_000_000, 1_000_001, 5_000_000,
            ]),
            payment_method: rng.pick(&[
                PaymentMethod::Card,
                PaymentMethod::Paypal,
                PaymentMethod::Transfer,
                PaymentMethod::Other,
            ]),
            promised_delivery_date: (rng.below(2) == 0)
                .then(|| order_date + Duration::days(rng.below(40) as i64)),
            delivered_date: delivered,
            used_goods: rng.below(2) == 0,
            withdrawal_info_given: match rng.below(8) {
                0 => None,
                1 | 2 => Some(false),
                _ => Some(true),
            },
            card_lost_or_stolen: rng.pick(&[None, Some(true), Some(false)]),
            lender: None,
            service: None,
        },
        carrier_chosen_by: rng.pick(&[
            None,
            Some(CarrierChoice::Merchant),
            Some(CarrierChoice::Consumer),
        ]),
        holiday_region: rng.pick(&[HolidayRegion::Metropole, HolidayRegion::AlsaceMoselle]),
        events,
    };
    (facts, today)
}

#[test]
fn properties_hold_for_many_generated_dossiers() {
    let mut rng = Rng(0x5EED_1234_ABCD_0001);
    for case in 0..3_000 {
        let (facts, today) = generate(&mut rng);
        let a = assess(&facts, today).unwrap_or_else(|e| panic!("case {case}: {e}\n{facts:?}"));

        // Deterministic: same input, same output.
        assert_eq!(assess(&facts, today).expect("again"), a, "case {case}");

        // Deadlines never before their event: nothing before the order, and each after its trigger.
        let first = |kind: EventKind| {
            facts
                .events
                .iter()
                .filter(|e| e.kind == kind)
                .map(|e| e.date)
                .min()
        };
        let last = |kind: EventKind| {
            facts
                .events
                .iter()
                .filter(|e| e.kind == kind)
                .map(|e| e.date)
                .max()
        };
        for d in &a.deadlines {
            assert!(
                d.date >= facts.order.date,
                "case {case}: {} before the order",
                d.id
            );
            assert_eq!(d.passed, d.date < today, "case {case}: {}", d.id);
            let trigger = match d.id.as_str() {
                "formal_notice_expiry" => last(EventKind::FormalNoticeSent),
                "refund_due" if facts.problem == Problem::NonDelivery => [
                    first(EventKind::TerminationNotified),
                    first(EventKind::TerminationReceived),
                ]
                .into_iter()
                .flatten()
                .min(),
                "refund_due" => [
                    first(EventKind::WithdrawalNotified),
                    first(EventKind::WithdrawalReceived),
                ]
                .into_iter()
                .flatten()
                .min(),
                "payment_order_service_limit" => first(EventKind::PaymentOrderReceived),
                "withdrawal_period_end"
                | "conformity_guarantee_end"
                | "conformity_presumption_end" => {
                    first(EventKind::Delivered).or(facts.order.delivered_date)
                }
                "repair_due" => [
                    first(EventKind::RepairRequested),
                    first(EventKind::FormalNoticeSent),
                    first(EventKind::FormalNoticeReceived),
                ]
                .into_iter()
                .flatten()
                .min(),
                "mediation_window_end" => [
                    first(EventKind::ComplaintSent),
                    first(EventKind::FormalNoticeSent),
                ]
                .into_iter()
                .flatten()
                .min(),
                "hidden_defect_action_end" => first(EventKind::DefectDiscovered),
                "withdrawal_return_due" => first(EventKind::WithdrawalNotified),
                _ => Some(facts.order.date),
            };
            let trigger =
                trigger.unwrap_or_else(|| panic!("case {case}: {} without its event", d.id));
            assert!(
                d.date >= trigger,
                "case {case}: {} on {} before its event on {trigger}",
                d.id,
                d.date
            );
        }

        // Only a refund deadline counted from a sending date is « au plus tôt », and then no
        // increase is claimed from it.
        for d in &a.deadlines {
            if d.earliest {
                assert!(
                    ["refund_due", "repair_due"].contains(&d.id.as_str()),
                    "case {case}: {}",
                    d.id
                );
            }
            if d.earliest && d.id == "refund_due" {
                assert!(
                    a.penalty.is_none(),
                    "case {case}: an increase from a sending date"
                );
            }
        }

        // The increase never exceeds the price — but for L242-4 past its cap, where legal interest
        // runs on top — and the total adds up.
        if let Some(p) = &a.penalty {
            assert!(p.days_late > 0, "case {case}");
            let past_cap = p.basis == "L242-4" && p.rate_percent == 100 && p.legal_interest;
            let ceiling = if past_cap {
                2 * facts.order.amount_cents
            } else {
                facts.order.amount_cents
            };
            assert!(
                p.increase_cents >= 0 && p.increase_cents <= ceiling,
                "case {case}: {p:?}"
            );
            if past_cap {
                assert!(p.increase_cents >= facts.order.amount_cents, "case {case}");
            }
            assert_eq!(
                p.total_due_cents,
                p.principal_cents + p.increase_cents,
                "case {case}"
            );
        }

        // Exactly one current step unless resolved, and it is the one named.
        let currents: Vec<_> = a
            .steps
            .iter()
            .filter(|s| s.status == recours_core::rules::model::StepStatus::Current)
            .collect();
        assert!(currents.len() <= 1, "case {case}");
        if let Some(c) = currents.first() {
            assert_eq!(c.id, a.current_step, "case {case}");
        }
    }
}
