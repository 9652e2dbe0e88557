//! Probabilities as exact fractions or as sampled proportions with a Wilson score interval
//! (spec-protocol.md §6.3 "P(feasible) per pair/amount with confidence intervals").

use serde_json::{json, Map, Value};

/// z for a two-sided 95 % interval.
pub const Z95: f64 = 1.959_963_984_540_054;

/// How a probability was obtained.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// Exact enumeration: `count / total` is the probability.
    Exact,
    /// Monte-Carlo: `count` successes in `total` samples.
    Sampled,
}

impl Method {
    /// snake_case name used in JSON.
    pub fn name(self) -> &'static str {
        match self {
            Method::Exact => "exact",
            Method::Sampled => "sampled",
        }
    }
}

/// A probability: exact fraction, or sampled proportion with its interval.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Estimate {
    /// Exact or sampled.
    pub method: Method,
    /// Favourable cases (exact: weight of the favourable states) or successes.
    pub count: u128,
    /// All cases or samples.
    pub total: u128,
    /// `count / total`; NaN when `total` is 0.
    pub p: f64,
    /// Interval bounds (equal to `p` when exact).
    pub low: f64,
    /// Interval bounds (equal to `p` when exact).
    pub high: f64,
    /// z of the interval (0 when exact).
    pub z: f64,
}

impl Estimate {
    /// An exact fraction.
    pub fn exact(count: u128, total: u128) -> Self {
        let p = ratio(count, total);
        Estimate { method: Method::Exact, count, total, p, low: p, high: p, z: 0.0 }
    }

    /// A sampled proportion with the Wilson score interval for `z`; with no samples the
    /// probability is unknown (NaN) and the interval is [0, 1].
    pub fn sampled(count: u64, total: u64, z: f64) -> Self {
        let (low, high) = wilson(count, total, z);
        Estimate {
            method: Method::Sampled,
            count: u128::from(count),
            total: u128::from(total),
            p: ratio(u128::from(count), u128::from(total)),
            low,
            high,
            z,
        }
    }

    /// The complementary event (infeasible ↔ feasible), interval mirrored.
    pub fn complement(&self) -> Self {
        Estimate {
            method: self.method,
            count: self.total.saturating_sub(self.count),
            total: self.total,
            p: 1.0 - self.p,
            low: 1.0 - self.high,
            high: 1.0 - self.low,
            z: self.z,
        }
    }

    /// `{"method", "count", "total", "probability", "ci_low"?, "ci_high"?, "z"?}`; counts
    /// above 2^64 are strings, unknown probabilities null.
    pub fn to_json(&self) -> Value {
        let mut o = Map::new();
        o.insert("method".into(), json!(self.method.name()));
        o.insert("count".into(), big(self.count));
        o.insert("total".into(), big(self.total));
        o.insert("probability".into(), float(self.p));
        if self.method == Method::Sampled {
            o.insert("ci_low".into(), float(self.low));
            o.insert("ci_high".into(), float(self.high));
            o.insert("z".into(), float(self.z));
        }
        Value::Object(o)
    }
}

fn ratio(count: u128, total: u128) -> f64 {
    if total == 0 {
        return f64::NAN;
    }
    count as f64 / total as f64
}

/// Wilson score interval for `k` successes in `n` trials; [0, 1] when `n` is 0.
pub fn wilson(k: u64, n: u64, z: f64) -> (f64, f64) {
    if n == 0 || k > n || !z.is_finite() {
        return (0.0, 1.0);
    }
    let n = n as f64;
    let p = k as f64 / n;
    let z2 = z * z;
    let denom = 1.0 + z2 / n;
    let centre = (p + z2 / (2.0 * n)) / denom;
    let half = z / denom * (p * (1.0 - p) / n + z2 / (4.0 * n * n)).sqrt();
    ((centre - half).max(0.0), (centre + half).min(1.0))
}

/// A JSON number, or a string when it exceeds u64.
pub(crate) fn big(x: u128) -> Value {
    u64::try_from(x).map_or_else(|_| json!(x.to_string()), |v| json!(v))
}

/// A JSON number, or null when not finite.
pub(crate) fn float(x: f64) -> Value {
    serde_json::Number::from_f64(x).map_or(Value::Null, Value::Number)
}
