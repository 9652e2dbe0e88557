//! BOLT 12 recurrence (bolts PR #1240, "Offer Period Calculation"): the start of period N in
//! seconds, days (same time of day) or months (same day of month, clamped to the month's last
//! day), pay windows, and proportional amounts within a period.
//!
//! <https://github.com/lightning/bolts/pull/1240> (`12-offer-encoding.md`, "Recurrence")
//!
//! Unix time has no leap seconds, so the spec's "period #0 starts on a leap second" rule never
//! applies to a `basetime` (it cannot name 23:59:60).

use serde_json::{json, Value};

use super::decode::Decoded;
use crate::encoding::decode_truncated;
use crate::error::{Error, Result};

const DAY: i64 = 86_400;
const MONTHS: [&str; 12] =
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

// Single-letter names follow the published civil-date algorithm.
#[allow(clippy::many_single_char_names)]
/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[allow(clippy::many_single_char_names)]
/// (year, month 1–12, day 1–31) of a day count since 1970-01-01.
fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

fn days_in_month(y: i64, m: i64) -> i64 {
    let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    days_from_civil(ny, nm, 1) - days_from_civil(y, m, 1)
}

/// `31 Dec 1970 10:00:01 UTC`.
pub fn timestring(time: u64) -> String {
    let time = i64::try_from(time).unwrap_or(i64::MAX);
    let (year, month, day) = civil_from_days(time.div_euclid(DAY));
    let secs = time.rem_euclid(DAY);
    let mon = usize::try_from(month - 1).ok().and_then(|i| MONTHS.get(i)).copied().unwrap_or("?");
    format!("{day} {mon} {year} {:02}:{:02}:{:02} UTC", secs / 3600, secs / 60 % 60, secs % 60)
}

/// Start of period `n` (seconds since 1970) for a period #0 starting at `basetime`.
pub fn period_start(basetime: u64, time_unit: u8, period: u32, index: u64) -> Result<u64> {
    let overflow = || Error::invalid("period start out of range");
    let steps = u64::from(period).checked_mul(index).ok_or_else(overflow)?;
    match time_unit {
        0 => basetime.checked_add(steps).ok_or_else(overflow),
        1 => steps.checked_mul(86_400).and_then(|s| basetime.checked_add(s)).ok_or_else(overflow),
        2 => {
            let base = i64::try_from(basetime).map_err(|_| overflow())?;
            let (year, month, mday) = civil_from_days(base.div_euclid(DAY));
            let sod = base.rem_euclid(DAY);
            let months = i64::try_from(steps).map_err(|_| overflow())?;
            let total = (month - 1).checked_add(months).ok_or_else(overflow)?;
            let (ny, nm) = (
                year.checked_add(total.div_euclid(12)).ok_or_else(overflow)?,
                total.rem_euclid(12) + 1,
            );
            if ny > 1_000_000 {
                return Err(overflow());
            }
            let day = mday.min(days_in_month(ny, nm));
            let t = days_from_civil(ny, nm, day) * DAY + sod;
            u64::try_from(t).map_err(|_| overflow())
        }
        u => {
            Err(Error::invalid(format!("time_unit {u} is not 0 (seconds), 1 (days) or 2 (months)")))
        }
    }
}

/// `amount` scaled to the time left in [start, end) at `now` (never increased).
pub fn proportional(amount: u64, start: u64, end: u64, now: u64) -> u64 {
    if now <= start || end <= start {
        return amount;
    }
    if now >= end {
        return 0;
    }
    let left = u128::from(end - now);
    let len = u128::from(end - start);
    u64::try_from(u128::from(amount) * left / len).unwrap_or(amount)
}

/// The recurrence of an offer, with what `periods` needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Schedule {
    /// 0 seconds, 1 days, 2 months.
    pub time_unit: u8,
    /// Period length in `time_unit`s (non-zero).
    pub period: u32,
    /// Start of period #0.
    pub basetime: u64,
    /// `offer_recurrence_paywindow` (seconds_before, seconds_after).
    pub paywindow: Option<(u32, u32)>,
    /// `offer_recurrence_limit` max_period_index.
    pub limit: Option<u32>,
    /// Amount per period (offer units).
    pub amount: Option<u64>,
    /// `proportional_amount` = 1.
    pub proportional: bool,
}

/// One period of a schedule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Period {
    /// Period index.
    pub index: u64,
    /// Start (inclusive).
    pub start: u64,
    /// End (= start of the next period).
    pub end: u64,
    /// Earliest time to pay (None: no lower bound, the first period without a paywindow).
    pub window_start: Option<u64>,
    /// Pay before this time.
    pub window_end: u64,
    /// Amount due if paid at `now` (proportional offers are scaled inside the period).
    pub amount: Option<u64>,
}

impl Schedule {
    /// Reads the recurrence of an offer (or the offer part of an invoice_request / invoice).
    /// Without `offer_recurrence_base`, period #0 starts at `first_invoice_time` (the first
    /// invoice's `invoice_created_at`), falling back to `invoice_recurrence_basetime`.
    pub fn from_decoded(d: &Decoded, first_invoice_time: Option<u64>) -> Result<Schedule> {
        let r = d
            .value(24)
            .or_else(|| d.value(25))
            .ok_or_else(|| Error::invalid("no offer_recurrence_compulsory/optional"))?;
        let time_unit = *r.first().ok_or_else(|| Error::invalid("empty recurrence"))?;
        let period = decode_truncated(r.get(1..).unwrap_or(&[]), 4)?;
        let period = u32::try_from(period).map_err(|_| Error::invalid("period over u32"))?;
        let (basetime, proportional) = match d.value(26) {
            Some(b) => {
                (decode_truncated(b.get(1..).unwrap_or(&[]), 8)?, b.first().copied() == Some(1))
            }
            None => (
                first_invoice_time.or_else(|| d.tu64(177)).ok_or_else(|| {
                    Error::invalid("no offer_recurrence_base: give the first invoice's time")
                })?,
                false,
            ),
        };
        let paywindow = d.value(27).and_then(|w| {
            let before = u32::from_be_bytes(w.get(..4)?.try_into().ok()?);
            let after = decode_truncated(w.get(4..)?, 4).ok()?;
            Some((before, u32::try_from(after).ok()?))
        });
        let limit = d.tu64(29).and_then(|l| u32::try_from(l).ok());
        let amount = d.tu64(8);
        Ok(Schedule { time_unit, period, basetime, paywindow, limit, amount, proportional })
    }

    /// Periods `first .. first+count` (stopping at the limit).
    pub fn periods(&self, first: u64, count: u64, now: Option<u64>) -> Result<Vec<Period>> {
        if self.period == 0 {
            return Err(Error::invalid("period is 0"));
        }
        let mut out = Vec::new();
        for index in first..first.saturating_add(count.min(10_000)) {
            if self.limit.is_some_and(|l| index > u64::from(l)) {
                break;
            }
            let start = period_start(self.basetime, self.time_unit, self.period, index)?;
            let end = period_start(self.basetime, self.time_unit, self.period, index + 1)?;
            let (window_start, window_end) = match self.paywindow {
                Some((before, after)) => (
                    Some(start.saturating_sub(u64::from(before))),
                    start.saturating_add(u64::from(after)),
                ),
                // No paywindow: payable during the prior period and the paid-for period.
                None => (
                    match index.checked_sub(1) {
                        Some(p) => {
                            Some(period_start(self.basetime, self.time_unit, self.period, p)?)
                        }
                        None => None,
                    },
                    end,
                ),
            };
            let amount = self.amount.map(|a| match (self.proportional, now) {
                (true, Some(t)) => proportional(a, start, end, t),
                _ => a,
            });
            out.push(Period { index, start, end, window_start, window_end, amount });
        }
        Ok(out)
    }
}

impl Period {
    /// JSON row.
    pub fn to_json(&self) -> Value {
        json!({
            "index": self.index,
            "start": self.start,
            "start_utc": timestring(self.start),
            "end": self.end,
            "pay_window_start": self.window_start,
            "pay_window_end": self.window_end,
            "amount": self.amount,
        })
    }
}

/// The expected amount for an invoice_request, scaled down when the offer has
/// `proportional_amount` = 1 and `now` falls inside the requested period.
pub fn scaled_expected(d: &Decoded, expected: u64, now: Option<u64>) -> u64 {
    let (Some(now), Some(base)) = (now, d.value(26)) else { return expected };
    if base.first().copied() != Some(1) {
        return expected;
    }
    let Ok(s) = Schedule::from_decoded(d, None) else { return expected };
    let index = d.tu64(92).unwrap_or(0).saturating_add(d.tu64(93).unwrap_or(0));
    match (
        period_start(s.basetime, s.time_unit, s.period, index),
        period_start(s.basetime, s.time_unit, s.period, index.saturating_add(1)),
    ) {
        (Ok(start), Ok(end)) => proportional(expected, start, end, now),
        _ => expected,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_roundtrip() {
        for z in [-1000i64, 0, 59, 365, 11_016, 16_860, 100_000] {
            let (y, m, d) = civil_from_days(z);
            assert_eq!(days_from_civil(y, m, d), z);
        }
        assert_eq!(timestring(31_485_600), "31 Dec 1970 10:00:00 UTC");
        assert_eq!(proportional(1000, 0, 1500, 150), 900);
    }
}
