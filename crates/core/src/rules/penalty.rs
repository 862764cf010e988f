//! Late-refund increases, exactly, in cents: L241-4 (refund after a cancelled non-delivery) and
//! L242-4 (refund after a withdrawal). Days late = refund date (or today) − due date.

use chrono::{Datelike, NaiveDate};

use super::context::Context;
use super::law;
use super::model::Penalty;
use crate::dossier::Problem;

/// Legal interest rate for creditors who are individuals, per half-year, in hundredths of a percent
/// (arrêtés; domain reference §11). Past the last entry the last rate is used and marked unverified.
pub const LEGAL_INTEREST: &[(i32, u32, u32)] = &[(2025, 1, 721), (2025, 2, 665), (2026, 1, 667)];

/// The rate for the half-year of `date`, and whether the table really has it.
pub fn legal_interest_rate(date: NaiveDate) -> (u32, bool) {
    let half = if date.month() <= 6 { 1 } else { 2 };
    if let Some(&(_, _, bp)) = LEGAL_INTEREST
        .iter()
        .find(|&&(y, h, _)| y == date.year() && h == half)
    {
        return (bp, true);
    }
    let (_, _, last) = LEGAL_INTEREST[LEGAL_INTEREST.len() - 1];
    let (_, _, first) = LEGAL_INTEREST[0];
    if (date.year(), half) < (LEGAL_INTEREST[0].0, LEGAL_INTEREST[0].1) {
        (first, false)
    } else {
        (last, false)
    }
}

/// `amount × numerator / denominator`, rounded to the nearest cent (halves up).
fn share(amount: i64, numerator: i64, denominator: i64) -> i64 {
    let product = i128::from(amount) * i128::from(numerator);
    let d = i128::from(denominator);
    i64::try_from((product * 2 + d) / (2 * d)).unwrap_or(i64::MAX)
}

/// L241-4: +10 % up to 14 days late, +20 % up to 30, +50 % beyond.
pub fn l241_4_rate(days_late: i64) -> u32 {
    match days_late {
        i64::MIN..=0 => 0,
        1..=14 => 10,
        15..=30 => 20,
        _ => 50,
    }
}

/// Days late after which the L242-4 increase is the price of the product: from 50 % at 90 days,
/// ten more (started) months of 5 points — the tenth starts on day 361.
pub const L242_4_CAP_DAYS: i64 = 90 + 9 * 30;

/// L242-4: legal interest up to 10 days late, then 5, 10, 20, 50 %, then 5 points per further
/// (started) month of 30 days, capped at 100 % (the price of the product).
pub fn l242_4_rate(days_late: i64) -> u32 {
    match days_late {
        i64::MIN..=10 => 0,
        11..=20 => 5,
        21..=30 => 10,
        31..=60 => 20,
        61..=90 => 50,
        d => {
            let months = (d - 90 + 29) / 30;
            (50 + 5 * months).min(100) as u32
        }
    }
}

pub fn compute(ctx: &Context) -> Option<Penalty> {
    // Both increases are rules of the Code de la consommation: none between private persons.
    if ctx.regime() == super::model::Regime::Civil {
        return None;
    }
    let (basis, rule) = match ctx.facts.problem {
        Problem::NonDelivery => ("L241-4", "DELIV_PENALTY"),
        Problem::WithdrawalRefund => ("L242-4", "WD_PENALTY"),
        // A service withdrawn from: the same refund, the same increase (L221-24, L242-4).
        Problem::Service | Problem::DigitalContent
            if ctx.has(super::model::EventKind::WithdrawalNotified) =>
        {
            ("L242-4", "WD_PENALTY")
        }
        _ => return None,
    };
    // A service started at the person's request: only part of the price is owed back (L221-25),
    // an amount the dossier does not hold; no increase is computed on the whole price.
    if ctx.facts.problem.is_service() && ctx.service().early_start_requested == Some(true) {
        return None;
    }
    if basis == "L242-4" && !ctx.goods_sent_back() {
        // L221-24: the merchant may wait for the goods or the proof they were sent.
        return None;
    }
    // An increase counted from a sending date could be claimed too early: none until the receipt
    // of the cancellation or the withdrawal is recorded (L216-6 I, L221-24).
    let due = ctx.refund_due().filter(|d| !d.earliest)?.date;
    let refunded_on = ctx.refunded_on();
    let end = refunded_on.unwrap_or(ctx.today);
    let days_late = (end - due).num_days();
    if days_late <= 0 {
        return None;
    }
    let principal = ctx.amount();
    let when = if refunded_on.is_some() {
        "remboursé"
    } else {
        "toujours pas remboursé aujourd'hui"
    };
    let (rate, legal_interest, rate_bp, verified, explanation) = if basis == "L241-4" {
        let rate = l241_4_rate(days_late);
        (
            rate,
            false,
            None,
            true,
            format!(
                "{days_late} jour{} de retard ({when}) : majoration de {rate} % du montant payé (art. L241-4).",
                plural(days_late)
            ),
        )
    } else {
        let rate = l242_4_rate(days_late);
        if rate == 0 {
            let (bp, known) = legal_interest_rate(due);
            (
                0,
                true,
                Some(bp),
                known,
                format!(
                    "{days_late} jour{} de retard ({when}) : intérêts au taux légal de {},{:02} % par an{} (art. L242-4).",
                    plural(days_late),
                    bp / 100,
                    bp % 100,
                    if known { "" } else { ", taux à vérifier pour cette période" }
                ),
            )
        } else if days_late > L242_4_CAP_DAYS {
            // « … jusqu'à concurrence du prix du produit, puis du taux d'intérêt légal » : once the
            // increase is the price, legal interest runs on top, from the day the cap was reached
            // (our reading: the domain reference leaves the start of the interest open).
            let capped_on = due + chrono::TimeDelta::days(L242_4_CAP_DAYS + 1);
            let (bp, known) = legal_interest_rate(capped_on);
            let after = days_late - L242_4_CAP_DAYS;
            (
                100,
                true,
                Some(bp),
                false,
                format!(
                    "{days_late} jours de retard ({when}) : majoration de 100 % du prix, plafond atteint le {} ; \
                     s'y ajoutent les intérêts au taux légal ({},{:02} % par an) depuis cette date, soit {after} jour{} \
                     (art. L242-4 ; mode de calcul à vérifier{}).",
                    crate::dossier::validate::fr_date(capped_on),
                    bp / 100,
                    bp % 100,
                    plural(after),
                    if known { "" } else { ", taux à vérifier pour cette période" }
                ),
            )
        } else {
            (
                rate,
                false,
                None,
                true,
                format!(
                    "{days_late} jours de retard ({when}) : majoration de {rate} % du prix{} (art. L242-4).",
                    if rate == 100 { ", plafonnée au prix du produit (des intérêts au taux légal s'y ajoutent ensuite)" } else { "" }
                ),
            )
        }
    };
    let increase = match (rate, rate_bp) {
        // Past the cap: the price, plus legal interest on the price since the cap was reached.
        (100, Some(bp)) => principal.saturating_add(share(
            principal,
            i64::from(bp) * (days_late - L242_4_CAP_DAYS),
            365 * 10_000,
        )),
        (_, Some(bp)) => share(principal, i64::from(bp) * days_late, 365 * 10_000).min(principal),
        (_, None) => share(principal, i64::from(rate), 100).min(principal),
    };
    Some(Penalty {
        basis: basis.to_owned(),
        due_date: due,
        refunded_on,
        days_late,
        rate_percent: rate,
        legal_interest,
        legal_interest_rate_bp: rate_bp,
        principal_cents: principal,
        increase_cents: increase,
        total_due_cents: principal.saturating_add(increase),
        explanation,
        verified,
        legal: law::legal(rule),
    })
}

fn plural(n: i64) -> &'static str {
    if n > 1 {
        "s"
    } else {
        ""
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounding_is_to_the_nearest_cent() {
        assert_eq!(share(12_345, 10, 100), 1_235); // 1 234,5 → 1 235
        assert_eq!(share(12_344, 10, 100), 1_234);
        assert_eq!(share(0, 50, 100), 0);
    }

    #[test]
    fn l242_4_after_90_days_adds_5_points_a_month_up_to_the_price() {
        assert_eq!(l242_4_rate(90), 50);
        assert_eq!(l242_4_rate(91), 55);
        assert_eq!(l242_4_rate(120), 55);
        assert_eq!(l242_4_rate(121), 60);
        assert_eq!(L242_4_CAP_DAYS, 360);
        assert_eq!(l242_4_rate(L242_4_CAP_DAYS), 95);
        assert_eq!(l242_4_rate(L242_4_CAP_DAYS + 1), 100);
        assert_eq!(l242_4_rate(10_000), 100);
    }

    #[test]
    fn legal_interest_table() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).expect("date");
        assert_eq!(legal_interest_rate(d(2025, 3, 1)), (721, true));
        assert_eq!(legal_interest_rate(d(2025, 7, 1)), (665, true));
        assert_eq!(legal_interest_rate(d(2026, 6, 30)), (667, true));
        assert_eq!(legal_interest_rate(d(2026, 7, 1)), (667, false));
    }
}
