//! Exact enumeration for small graphs (spec-protocol.md §6.2 "Exact enumeration for tiny
//! graphs"): the set W_G of feasible wealth distributions, built channel by channel over all
//! channel-balance states with duplicates merged (dynamic programming over partial wealth
//! vectors), so the work is Σ_e |partial set| × states(e) instead of Π states(e).
//!
//! Wealth vectors are keyed by a mixed-radix u128 (digit v = ω(v), radix = the most v can
//! own + 1). Exact mode refuses, before allocating, any graph whose a-priori bound on that
//! work exceeds the caller's `max_states`.

use std::collections::{HashMap, HashSet};

use super::check::{check_pair, internal};
use super::estimate::Estimate;
use super::graph::Graph;
use super::WealthModel;
use crate::{Error, ErrorKind, Result};

/// Default bound on enumeration work (partial states × channel states visited).
pub const DEFAULT_MAX_STATES: u64 = 4_000_000;

fn too_large(what: &str, bound: u64) -> Error {
    Error::new(
        ErrorKind::TooLarge,
        format!("exact mode: {what} exceeds the bound of {bound} states; use sampling"),
    )
}

/// |W(C, n)| = C(C + n − 1, n − 1): the ways to split C coins among n nodes; `None` past u128.
pub fn wealth_distributions(total: u64, nodes: usize) -> Option<u128> {
    let mut acc: u128 = 1;
    for i in 1..nodes as u128 {
        // acc = C(total + i − 1, i − 1) → C(total + i, i), exact at every step.
        acc = acc.checked_mul(u128::from(total) + i)? / i;
    }
    Some(acc)
}

/// The number of states of a channel whose members share `total` (compositions), as f64.
fn states_f64(total: u64, members: usize) -> f64 {
    let mut acc = 1.0f64;
    for i in 1..members {
        acc = acc * (total as f64 + i as f64) / i as f64;
    }
    acc
}

/// Every way to split `total` among `parts` members, as key deltas `Σ x_m · radix(member m)`.
fn channel_deltas(total: u64, members: &[usize], radix: &[u128]) -> Result<Vec<u128>> {
    let weight = |i: usize| members.get(i).and_then(|&m| radix.get(m)).copied();
    let k = members.len();
    let mut parts = vec![0u64; k];
    let (Some(first), Some(last_index)) = (parts.first_mut(), k.checked_sub(1)) else {
        return Err(internal());
    };
    *first = total;
    let mut out = Vec::new();
    loop {
        let mut d: u128 = 0;
        for (i, &x) in parts.iter().enumerate() {
            let w = weight(i).ok_or_else(internal)?;
            d = w.checked_mul(u128::from(x)).and_then(|t| t.checked_add(d)).ok_or_else(internal)?;
        }
        out.push(d);
        // Next composition: move one unit right from the last non-zero part before the end,
        // gathering the tail there.
        let tail = parts.get(last_index).copied().ok_or_else(internal)?;
        if let Some(t) = parts.get_mut(last_index) {
            *t = 0;
        }
        let Some(i) = (0..last_index).rev().find(|&i| parts.get(i).is_some_and(|&x| x > 0)) else {
            break;
        };
        if let Some(x) = parts.get_mut(i) {
            *x -= 1;
        }
        if let Some(x) = parts.get_mut(i + 1) {
            *x = tail + 1;
        }
    }
    Ok(out)
}

/// Mixed-radix weights for per-node maxima; `None` when the key space exceeds u128.
fn radices(max: &[u64]) -> Option<Vec<u128>> {
    let mut out = Vec::with_capacity(max.len());
    let mut r: u128 = 1;
    for &m in max {
        out.push(r);
        r = r.checked_mul(u128::from(m) + 1)?;
    }
    Some(out)
}

/// All wealth vectors reachable when channel e's members share `totals[e]`, with the number
/// of channel states giving each; keys use `radix` over digit maxima `max`. The bool is true
/// when a count saturated.
fn reachable(
    graph: &Graph,
    totals: &[u64],
    max: &[u64],
    budget: &mut u64,
    bound: u64,
) -> Result<(HashMap<u128, u128>, Vec<u128>, bool)> {
    let radix =
        radices(max).ok_or_else(|| too_large("the wealth-vector key space (2^128)", bound))?;
    // A-priori work bound: partial sets are at most min(Π states so far, key space so far).
    let mut work = 0f64;
    let mut product = 1f64;
    let mut partial_max = vec![0u64; graph.node_count()];
    let mut key_space = 1f64;
    for (ch, &t) in graph.channels().iter().zip(totals) {
        let states = states_f64(t, ch.members.len());
        work += product.min(key_space) * states;
        if work > *budget as f64 {
            return Err(too_large("the channel-state space", bound));
        }
        product *= states;
        for &m in &ch.members {
            if let Some(p) = partial_max.get_mut(m) {
                key_space = key_space / (*p as f64 + 1.0) * ((*p + t) as f64 + 1.0);
                *p += t;
            }
        }
    }
    *budget = budget.saturating_sub(work as u64);
    let mut saturated = false;
    let mut cur: HashMap<u128, u128> = HashMap::from([(0u128, 1u128)]);
    for (ch, &t) in graph.channels().iter().zip(totals) {
        let deltas = channel_deltas(t, &ch.members, &radix)?;
        let mut next: HashMap<u128, u128> =
            HashMap::with_capacity(cur.len().saturating_mul(deltas.len()).min(1 << 20));
        for (&key, &count) in &cur {
            for &d in &deltas {
                let k = key.checked_add(d).ok_or_else(internal)?;
                let slot = next.entry(k).or_insert(0);
                *slot = slot.checked_add(count).unwrap_or_else(|| {
                    saturated = true;
                    u128::MAX
                });
            }
        }
        cur = next;
    }
    Ok((cur, radix, saturated))
}

/// W_G of a small graph, ready for exact probabilities.
#[derive(Debug, Clone)]
pub struct Exact {
    model: WealthModel,
    n: usize,
    total: u64,
    /// Real-wealth key radix and per-node maximum wealth.
    radix: Vec<u128>,
    max: Vec<u64>,
    feasible: HashSet<u128>,
    /// Wealth distributions with their weight under the model.
    population: Vec<(u128, u128)>,
    weight_total: u128,
    max_states: u64,
}

/// Enumerates W_G (and, for [`WealthModel::UniformBalances`], how many channel states give
/// each distribution). Fails with `TooLarge` when the work bound exceeds `max_states`.
pub fn enumerate(graph: &Graph, model: WealthModel, max_states: u64) -> Result<Exact> {
    let n = graph.node_count();
    let chans = graph.channels();
    let mut budget = max_states;
    let real_max = graph.max_wealths().to_vec();
    let radix =
        radices(&real_max).ok_or_else(|| too_large("the wealth-vector key space", max_states))?;
    let decode = |key: u128, dp_radix: &[u128], dp_max: &[u64], v: usize| -> Option<u64> {
        let r = *dp_radix.get(v)?;
        let m = u128::from(*dp_max.get(v)?) + 1;
        u64::try_from((key / r) % m).ok()
    };
    // Converts keys over (shifted) partial digits into real-wealth keys, dropping vectors with
    // a negative entry (balances below zero only pay for credit, not for owning less than 0).
    let convert = |map: HashMap<u128, u128>, dp_radix: &[u128], dp_max: &[u64], shifted: bool| {
        let mut out = Vec::with_capacity(map.len());
        let mut digits = vec![0u64; n];
        'entries: for (key, count) in map {
            for (v, slot) in digits.iter_mut().enumerate() {
                let d = decode(key, dp_radix, dp_max, v).ok_or_else(internal)?;
                let s = if shifted { graph.shift(v) } else { 0 };
                let Some(w) = d.checked_sub(s) else { continue 'entries };
                *slot = w;
            }
            let mut real: u128 = 0;
            for ((&w, &r), &m) in digits.iter().zip(&radix).zip(&real_max) {
                if w > m {
                    return Err(internal());
                }
                real = r
                    .checked_mul(u128::from(w))
                    .and_then(|x| x.checked_add(real))
                    .ok_or_else(internal)?;
            }
            out.push((real, count));
        }
        Ok::<_, Error>(out)
    };
    let dp_max = |totals: &[u64]| -> Vec<u64> {
        let mut m = vec![0u64; n];
        for (ch, &t) in chans.iter().zip(totals) {
            for &v in &ch.members {
                if let Some(x) = m.get_mut(v) {
                    *x = x.saturating_add(t);
                }
            }
        }
        m
    };
    let credit = graph.has_credit();
    let plain: Vec<u64> = chans.iter().map(|c| c.capacity).collect();
    let shifted: Vec<u64> = chans.iter().map(Graph::shifted_capacity).collect();
    let (membership_totals, shifted_keys) = if credit { (&shifted, true) } else { (&plain, false) };
    let mmax = dp_max(membership_totals);
    let (map, dp_radix, saturated) =
        reachable(graph, membership_totals, &mmax, &mut budget, max_states)?;
    let members = convert(map, &dp_radix, &mmax, shifted_keys)?;
    let feasible: HashSet<u128> = members.iter().map(|&(k, _)| k).collect();
    let population = match model {
        WealthModel::UniformWealth => members.into_iter().map(|(k, _)| (k, 1)).collect(),
        WealthModel::UniformBalances if !credit => {
            if saturated {
                return Err(too_large("the channel-state count (2^128)", max_states));
            }
            members
        }
        WealthModel::UniformBalances => {
            // Initial states have no debt; credit only widens what payments can reach.
            let pmax = dp_max(&plain);
            let (map, r, saturated) = reachable(graph, &plain, &pmax, &mut budget, max_states)?;
            if saturated {
                return Err(too_large("the channel-state count (2^128)", max_states));
            }
            convert(map, &r, &pmax, false)?
        }
    };
    let mut weight_total: u128 = 0;
    for &(_, w) in &population {
        weight_total = weight_total
            .checked_add(w)
            .ok_or_else(|| too_large("the channel-state count (2^128)", max_states))?;
    }
    Ok(Exact {
        model,
        n,
        total: graph.total_capacity(),
        radix,
        max: real_max,
        feasible,
        population,
        weight_total,
        max_states,
    })
}

impl Exact {
    /// The model the population weights follow.
    pub fn model(&self) -> WealthModel {
        self.model
    }

    /// |W_G|.
    pub fn feasible_count(&self) -> usize {
        self.feasible.len()
    }

    /// |W(C, n)|, when it fits in u128.
    pub fn wealth_distributions(&self) -> Option<u128> {
        wealth_distributions(self.total, self.n)
    }

    /// r(G) = |W_G| / |W(C, n)| (§6.1 "relative volume").
    pub fn r(&self) -> Result<Estimate> {
        let all = self
            .wealth_distributions()
            .ok_or_else(|| too_large("|W(C, n)| (2^128)", self.max_states))?;
        Ok(Estimate::exact(self.feasible.len() as u128, all))
    }

    fn key(&self, wealth: &[u64]) -> Option<u128> {
        if wealth.len() != self.n {
            return None;
        }
        let mut key: u128 = 0;
        for ((&w, &r), &m) in wealth.iter().zip(&self.radix).zip(&self.max) {
            if w > m {
                return None;
            }
            key = key.checked_add(r.checked_mul(u128::from(w))?)?;
        }
        Some(key)
    }

    fn digit(&self, key: u128, v: usize) -> Option<u64> {
        let r = *self.radix.get(v)?;
        let m = u128::from(*self.max.get(v)?) + 1;
        u64::try_from((key / r) % m).ok()
    }

    /// ω ∈ W_G?
    pub fn contains(&self, wealth: &[u64]) -> bool {
        self.key(wealth).is_some_and(|k| self.feasible.contains(&k))
    }

    /// Every ω ∈ W_G, in no particular order.
    pub fn feasible_wealths(&self) -> impl Iterator<Item = Vec<u64>> + '_ {
        self.feasible.iter().map(|&k| (0..self.n).map(|v| self.digit(k, v).unwrap_or(0)).collect())
    }

    /// Is the payment feasible from the distribution with key `key` (§6.1): the sender has the
    /// amount and ω' ∈ W_G.
    fn pays(&self, key: u128, from: usize, to: usize, amount: u64) -> bool {
        let (Some(wf), Some(wt), Some(&rf), Some(&rt), Some(&mt)) = (
            self.digit(key, from),
            self.digit(key, to),
            self.radix.get(from),
            self.radix.get(to),
            self.max.get(to),
        ) else {
            return false;
        };
        if wf < amount || wt.checked_add(amount).is_none_or(|x| x > mt) {
            return false;
        }
        let a = u128::from(amount);
        a.checked_mul(rf)
            .and_then(|d| key.checked_sub(d))
            .zip(a.checked_mul(rt))
            .and_then(|(k, d)| k.checked_add(d))
            .is_some_and(|k| self.feasible.contains(&k))
    }

    /// P(a payment of `amount` from `from` to `to` is feasible) under the model, a sender
    /// without the funds counting as infeasible (§6.2 "[calc]").
    pub fn payment(&self, from: usize, to: usize, amount: u64) -> Result<Estimate> {
        if from >= self.n || to >= self.n || from == to {
            return Err(Error::invalid("sender and receiver must be two distinct nodes"));
        }
        let ok = self
            .population
            .iter()
            .filter(|&&(k, _)| self.pays(k, from, to, amount))
            .map(|&(_, w)| w)
            .sum::<u128>();
        Ok(Estimate::exact(ok, self.weight_total))
    }

    /// ρ(a): the probability that a payment of `amount` between a uniformly chosen ordered
    /// pair of distinct nodes is infeasible, for each amount.
    pub fn rho(&self, amounts: &[u64]) -> Result<Vec<Estimate>> {
        let pairs = (self.n as u128) * (self.n.saturating_sub(1) as u128);
        if pairs == 0 {
            return Err(Error::invalid("a payment needs at least two nodes"));
        }
        let work = (self.population.len() as u128)
            .saturating_mul(pairs)
            .saturating_mul(amounts.len() as u128);
        if work > u128::from(self.max_states) {
            return Err(too_large("distributions × node pairs × amounts", self.max_states));
        }
        let mut out = Vec::with_capacity(amounts.len());
        for &a in amounts {
            let mut bad: u128 = 0;
            for &(k, w) in &self.population {
                for i in 0..self.n {
                    for j in (0..self.n).filter(|&j| j != i) {
                        if !self.pays(k, i, j, a) {
                            bad = bad.saturating_add(w);
                        }
                    }
                }
            }
            let total = self
                .weight_total
                .checked_mul(pairs)
                .ok_or_else(|| too_large("the channel-state count (2^128)", self.max_states))?;
            out.push(Estimate::exact(bad, total));
        }
        Ok(out)
    }
}

/// Same as [`Exact::payment`] but from a graph (validates the pair first).
pub fn payment(
    graph: &Graph,
    model: WealthModel,
    from: usize,
    to: usize,
    amount: u64,
    max_states: u64,
) -> Result<Estimate> {
    check_pair(graph, from, to)?;
    enumerate(graph, model, max_states)?.payment(from, to, amount)
}
