//! Reader requirements as named checks: the `{check, ok, detail}` rows the BOLT 11 reader
//! ("Requirements": the reader MUST / SHOULD lines of 11-payment-encoding.md) and the BOLT 12
//! readers ("Requirements for offers / invoice requests / invoices" in 12-offer-encoding.md)
//! report, so one decode tells which rule holds and which fails.
//!
//! <https://github.com/lightning/bolts/blob/master/11-payment-encoding.md#requirements>
//! <https://github.com/lightning/bolts/blob/master/12-offer-encoding.md#requirements-for-offers>

use serde_json::{json, Value};

/// One reader requirement and whether the input meets it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Check {
    /// Short name, e.g. `offer_amount_has_description` or `payment_secret`.
    pub check: &'static str,
    /// True when the requirement holds.
    pub ok: bool,
    /// What was found or compared.
    pub detail: String,
}

impl Check {
    /// A check row.
    pub fn new(check: &'static str, ok: bool, detail: impl Into<String>) -> Self {
        Check { check, ok, detail: detail.into() }
    }

    /// `{"check", "ok", "detail"}`.
    pub fn to_json(&self) -> Value {
        json!({"check": self.check, "ok": self.ok, "detail": self.detail})
    }
}

/// Checks in the order they were made.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Checks(pub Vec<Check>);

impl Checks {
    /// Records one check.
    pub fn add(&mut self, check: &'static str, ok: bool, detail: impl Into<String>) {
        self.0.push(Check::new(check, ok, detail));
    }
}

/// The JSON array of a list of checks.
pub fn to_json(checks: &[Check]) -> Value {
    Value::Array(checks.iter().map(Check::to_json).collect())
}
