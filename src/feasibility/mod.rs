//! Payment feasibility in payment-channel networks (Pickhardt), spec-protocol.md §6: the
//! library behind `ln-gossip feasibility`.
//!
//! Model (§6.1): a graph of channels with integer capacities; a channel state gives each
//! member a balance, balances of a channel sum to its capacity; a node's wealth ω(v) is the sum
//! of its balances. W(C, n) is every split of the C coins among the n nodes, W_G ⊆ W(C, n) the
//! splits some channel state realises, and r(G) = |W_G| / |W(C, n)|. A payment of a from i to j
//! is feasible iff ω' = ω − a·b_i + a·b_j ∈ W_G (a sender without the funds is infeasible);
//! for a fixed state that is "the i → j maximum flow in the liquidity network is ≥ a". With ρ
//! the expected share of infeasible payments and ζ on-chain transactions per second, the
//! network supports S = ζ / ρ payments per second.
//!
//! Probabilities need a distribution over wealth. [`WealthModel::UniformWealth`] (uniform
//! over W_G) is the one of the notes' golden numbers (§6.2 "[calc]": triangle r = 60.47 %,
//! 0→1 amount 5 = 39.22 %); [`WealthModel::UniformBalances`] (each channel's balance uniform,
//! independently) weighs distributions by how many states give them and yields other numbers.
//!
//! | item | what |
//! |---|---|
//! | [`Graph`] | nodes + 2-party / k-party channels; text and JSON input; what-ifs (`merge`, `with_credit`, `with_channel`, `without_channel`) |
//! | [`check_wealth`] | ω ∈ W_G? witness state or violated cut |
//! | [`check_payment`], [`max_payment_in_state`] | one payment from a distribution / from a fixed state |
//! | [`payment_probability`] | P(feasible) for a pair and amount, exact or sampled |
//! | [`network`] | r(G), ρ(a) per amount, S = ζ / ρ |
//! | [`exact::enumerate`] | W_G itself for small graphs |
//! | [`rng`] | the seeded PRNG (xoshiro256**) |

mod check;
pub mod estimate;
pub mod exact;
mod flow;
mod graph;
pub mod rng;
pub mod sample;

use serde_json::{json, Map, Value};

pub use check::{
    check_payment, check_wealth, max_payment_in_state, ChannelBalance, Cut, Infeasible,
    PaymentCheck, WealthCheck,
};
pub use estimate::{Estimate, Method};
pub use exact::{Exact, DEFAULT_MAX_STATES};
pub use graph::{Channel, ChannelSpec, Graph, MAX_TOTAL};
pub use sample::SampleOptions;

use crate::{Error, ErrorKind, Result};

/// Which wealth distributions are equally likely.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum WealthModel {
    /// Every ω ∈ W_G equally likely (the notes' model; [PICK], [DLV973]).
    #[default]
    UniformWealth,
    /// Every channel state equally likely (each channel's split uniform, independently).
    UniformBalances,
}

impl WealthModel {
    /// snake_case name (`uniform_wealth`, `uniform_balances`).
    pub fn name(self) -> &'static str {
        match self {
            WealthModel::UniformWealth => "uniform_wealth",
            WealthModel::UniformBalances => "uniform_balances",
        }
    }

    /// Parses a [`WealthModel::name`] (also `wealth`, `balances`).
    pub fn parse(s: &str) -> Result<Self> {
        match s {
            "uniform_wealth" | "uniform-wealth" | "wealth" => Ok(WealthModel::UniformWealth),
            "uniform_balances" | "uniform-balances" | "balances" => {
                Ok(WealthModel::UniformBalances)
            }
            _ => Err(Error::invalid(format!(
                "unknown wealth model {s:?} (uniform_wealth, uniform_balances)"
            ))),
        }
    }
}

/// Exact enumeration, sampling, or exact when the graph is small enough.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    /// Exact if within `max_states`, else sampling.
    #[default]
    Auto,
    /// Exact or a `TooLarge` error.
    Exact,
    /// Monte-Carlo.
    Sample,
}

impl Mode {
    /// Parses `auto`, `exact` or `sample`.
    pub fn parse(s: &str) -> Result<Self> {
        match s {
            "auto" => Ok(Mode::Auto),
            "exact" => Ok(Mode::Exact),
            "sample" | "sampled" => Ok(Mode::Sample),
            _ => Err(Error::invalid(format!("unknown mode {s:?} (auto, exact, sample)"))),
        }
    }
}

/// Settings shared by the probability functions.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Options {
    /// Wealth model.
    pub model: WealthModel,
    /// Exact / sample / auto.
    pub mode: Mode,
    /// Bound on exact-enumeration work.
    pub max_states: u64,
    /// Monte-Carlo settings.
    pub sample: SampleOptions,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            model: WealthModel::default(),
            mode: Mode::default(),
            max_states: DEFAULT_MAX_STATES,
            sample: SampleOptions::default(),
        }
    }
}

/// Runs `exact`, or falls back to sampling in auto mode when exact is too large.
fn exact_or<T>(
    opts: &Options,
    exact: impl FnOnce() -> Result<T>,
    sampled: impl FnOnce() -> Result<T>,
) -> Result<T> {
    match opts.mode {
        Mode::Exact => exact(),
        Mode::Sample => sampled(),
        Mode::Auto => match exact() {
            Err(e) if e.kind() == ErrorKind::TooLarge => sampled(),
            other => other,
        },
    }
}

/// P(a payment is feasible) for one pair and amount.
#[derive(Debug, Clone, PartialEq)]
pub struct PaymentProbability {
    /// Sender name.
    pub from: String,
    /// Receiver name.
    pub to: String,
    /// Amount.
    pub amount: u64,
    /// Wealth model.
    pub model: WealthModel,
    /// P(feasible).
    pub feasible: Estimate,
}

impl PaymentProbability {
    /// `{"from", "to", "amount", "model", "feasible": {estimate}}`.
    pub fn to_json(&self) -> Value {
        json!({
            "from": self.from,
            "to": self.to,
            "amount": self.amount,
            "model": self.model.name(),
            "feasible": self.feasible.to_json(),
        })
    }
}

/// P(a payment of `amount` from `from` to `to` is feasible), exact for small graphs or sampled.
pub fn payment_probability(
    graph: &Graph,
    from: usize,
    to: usize,
    amount: u64,
    opts: &Options,
) -> Result<PaymentProbability> {
    check::check_pair(graph, from, to)?;
    let feasible = exact_or(
        opts,
        || exact::enumerate(graph, opts.model, opts.max_states)?.payment(from, to, amount),
        || {
            let s = sample::run(graph, opts.model, Some((from, to)), &[amount], &opts.sample)?;
            s.feasible.first().copied().ok_or_else(check::internal)
        },
    )?;
    Ok(PaymentProbability {
        from: graph.node_name(from).to_string(),
        to: graph.node_name(to).to_string(),
        amount,
        model: opts.model,
        feasible,
    })
}

/// S = ζ / ρ payments per second; `None` when ρ = 0 (no bound) or the inputs are not finite.
pub fn supported_payments(zeta: f64, rho: f64) -> Option<f64> {
    let s = zeta / rho;
    (rho > 0.0 && s.is_finite()).then_some(s)
}

/// The largest ρ that supports `target` payments per second with ζ on-chain transactions per
/// second (the summit's R = Q / T: 14 / 47 000 ≈ 0.0298 %).
pub fn max_infeasible_rate(zeta: f64, target: f64) -> Result<f64> {
    if !(zeta.is_finite() && target.is_finite() && zeta >= 0.0 && target > 0.0) {
        return Err(Error::invalid("ζ must be ≥ 0 and the target rate > 0"));
    }
    Ok(zeta / target)
}

/// ρ and S at one amount.
#[derive(Debug, Clone, PartialEq)]
pub struct Rate {
    /// Payment amount.
    pub amount: u64,
    /// ρ(a): P(infeasible) for a uniform ordered pair of distinct nodes.
    pub infeasible: Estimate,
    /// S = ζ / ρ at the point estimate and at the interval ends (low S from high ρ); `None`
    /// when ζ was not given or ρ = 0.
    pub supported: Option<(f64, Option<f64>, Option<f64>)>,
}

impl Rate {
    /// `{"amount", "infeasible": {estimate}, "supported_payments_per_second"?, ...}`.
    pub fn to_json(&self) -> Value {
        let mut o = Map::new();
        o.insert("amount".into(), json!(self.amount));
        o.insert("infeasible".into(), self.infeasible.to_json());
        if let Some((s, low, high)) = self.supported {
            o.insert("supported_payments_per_second".into(), estimate::float(s));
            if self.infeasible.method == Method::Sampled {
                let f = |x: Option<f64>| x.map_or(Value::Null, estimate::float);
                o.insert("supported_low".into(), f(low));
                o.insert("supported_high".into(), f(high));
            }
        }
        Value::Object(o)
    }
}

/// Network-level figures: r(G) and, per amount, ρ(a) and S = ζ / ρ(a).
#[derive(Debug, Clone, PartialEq)]
pub struct NetworkReport {
    /// Wealth model used for ρ.
    pub model: WealthModel,
    /// n.
    pub nodes: usize,
    /// m.
    pub channels: usize,
    /// C.
    pub total_capacity: u64,
    /// |W(C, n)| when it fits in u128.
    pub wealth_distributions: Option<u128>,
    /// r(G) = |W_G| / |W(C, n)|.
    pub r: Estimate,
    /// ζ, on-chain transactions per second, when given.
    pub zeta: Option<f64>,
    /// One entry per amount.
    pub rates: Vec<Rate>,
}

impl NetworkReport {
    /// `{"model", "nodes", "channels", "total_capacity", "wealth_distributions", "r", "zeta",
    /// "rates": [..]}`.
    pub fn to_json(&self) -> Value {
        let mut o = Map::new();
        o.insert("model".into(), json!(self.model.name()));
        o.insert("nodes".into(), json!(self.nodes));
        o.insert("channels".into(), json!(self.channels));
        o.insert("total_capacity".into(), json!(self.total_capacity));
        o.insert(
            "wealth_distributions".into(),
            self.wealth_distributions.map_or(Value::Null, estimate::big),
        );
        o.insert("r".into(), self.r.to_json());
        o.insert("zeta".into(), self.zeta.map_or(Value::Null, estimate::float));
        o.insert("rates".into(), self.rates.iter().map(Rate::to_json).collect());
        Value::Object(o)
    }
}

/// r(G), and ρ(a) and S = ζ / ρ(a) for each amount, exact or sampled.
pub fn network(
    graph: &Graph,
    amounts: &[u64],
    zeta: Option<f64>,
    opts: &Options,
) -> Result<NetworkReport> {
    if graph.node_count() < 2 {
        return Err(Error::invalid("a payment needs at least two nodes"));
    }
    if let Some(z) = zeta {
        if !(z.is_finite() && z >= 0.0) {
            return Err(Error::invalid("ζ must be a finite non-negative rate"));
        }
    }
    let (r, infeasible) = exact_or(
        opts,
        || {
            let e = exact::enumerate(graph, opts.model, opts.max_states)?;
            Ok((e.r()?, e.rho(amounts)?))
        },
        || {
            let s = sample::run(graph, opts.model, None, amounts, &opts.sample)?;
            Ok((s.r, s.feasible.iter().map(Estimate::complement).collect()))
        },
    )?;
    let rates = amounts
        .iter()
        .zip(infeasible)
        .map(|(&amount, rho)| Rate {
            amount,
            supported: zeta.and_then(|z| {
                supported_payments(z, rho.p)
                    .map(|s| (s, supported_payments(z, rho.high), supported_payments(z, rho.low)))
            }),
            infeasible: rho,
        })
        .collect();
    Ok(NetworkReport {
        model: opts.model,
        nodes: graph.node_count(),
        channels: graph.channels().len(),
        total_capacity: graph.total_capacity(),
        wealth_distributions: exact::wealth_distributions(
            graph.total_capacity(),
            graph.node_count(),
        ),
        r,
        zeta,
        rates,
    })
}
