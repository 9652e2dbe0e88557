//! Monte-Carlo estimates for large graphs (spec-protocol.md §6.2 "Probabilities"): wealth
//! distributions drawn uniformly from W(C, n) and kept when in W_G (rejection; r(G) is the
//! acceptance rate), or channel states drawn uniformly per channel; each kept sample is tested
//! with the i → j maximum flow in the liquidity network of its state (§6.1: the answer depends
//! only on ω, so any witness state will do). Wilson intervals; deterministic for a seed.

use super::check::{internal, max_flow_in_state, transport, Shifted, Transport};
use super::estimate::Estimate;
use super::graph::Graph;
use super::rng::Rng;
use super::WealthModel;
use crate::{Error, Result};

/// Monte-Carlo settings.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SampleOptions {
    /// Samples to keep (accepted distributions, or drawn states).
    pub samples: u64,
    /// PRNG seed.
    pub seed: u64,
    /// z of the Wilson interval.
    pub z: f64,
    /// Cap on draws from W(C, n) (rejection sampling gets worse as the network grows).
    pub max_attempts: u64,
}

impl Default for SampleOptions {
    fn default() -> Self {
        SampleOptions { samples: 10_000, seed: 1, z: super::estimate::Z95, max_attempts: 1_000_000 }
    }
}

/// What one sampling run measured.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Sampled {
    /// Acceptance rate of uniform draws from W(C, n): the estimate of r(G).
    pub r: Estimate,
    /// Per amount: P(feasible) over the kept samples.
    pub feasible: Vec<Estimate>,
}

fn draw_pair(rng: &mut Rng, n: usize) -> (usize, usize) {
    let i = rng.below(n as u64) as usize;
    let mut j = rng.below(n.saturating_sub(1) as u64) as usize;
    if j >= i {
        j += 1;
    }
    (i, j)
}

/// Draws a channel state uniformly (each channel independently, uniform over the ways its
/// members can share its capacity); returns the shifted state and its wealth.
fn draw_state(rng: &mut Rng, graph: &Graph) -> Result<(Shifted, Vec<u64>)> {
    let mut wealth = vec![0u64; graph.node_count()];
    let mut state = Vec::with_capacity(graph.channels().len());
    for ch in graph.channels() {
        let mut bal = rng.composition(ch.capacity, ch.members.len())?;
        for (&v, b) in ch.members.iter().zip(bal.iter_mut()) {
            let w = wealth.get_mut(v).ok_or_else(internal)?;
            *w = w.checked_add(*b).ok_or_else(internal)?;
            *b = b.checked_add(ch.credit).ok_or_else(internal)?;
        }
        state.push(bal);
    }
    Ok((state, wealth))
}

/// Samples payments of each amount, between `pair` or a uniform ordered pair of distinct
/// nodes, and r(G).
pub(crate) fn run(
    graph: &Graph,
    model: WealthModel,
    pair: Option<(usize, usize)>,
    amounts: &[u64],
    opts: &SampleOptions,
) -> Result<Sampled> {
    let n = graph.node_count();
    if opts.samples == 0 {
        return Err(Error::invalid("the sample count must be positive"));
    }
    if n < 2 {
        return Err(Error::invalid("a payment needs at least two nodes"));
    }
    let c = graph.total_capacity();
    let top = amounts.iter().copied().max().unwrap_or(0);
    let mut rng = Rng::from_seed(opts.seed);
    let mut hits = vec![0u64; amounts.len()];
    let mut kept = 0u64;
    let mut test = |rng: &mut Rng, state: &Shifted, wealth: &[u64]| -> Result<()> {
        let (i, j) = pair.unwrap_or_else(|| draw_pair(rng, n));
        let sender = wealth.get(i).copied().ok_or_else(internal)?;
        let payable = max_flow_in_state(graph, state, i, j, top.min(sender))?;
        for (h, &a) in hits.iter_mut().zip(amounts) {
            if payable >= a {
                *h += 1;
            }
        }
        kept += 1;
        Ok(())
    };
    let mut attempts = 0u64;
    let mut accepted = 0u64;
    match model {
        WealthModel::UniformWealth => {
            while accepted < opts.samples && attempts < opts.max_attempts {
                let wealth = rng.composition(c, n)?;
                attempts += 1;
                if let Transport::Feasible(state) = transport(graph, &wealth)? {
                    accepted += 1;
                    test(&mut rng, &state, &wealth)?;
                }
            }
        }
        WealthModel::UniformBalances => {
            for _ in 0..opts.samples {
                let (state, wealth) = draw_state(&mut rng, graph)?;
                test(&mut rng, &state, &wealth)?;
            }
            // r(G) is about W(C, n), not about the state model: estimate it separately.
            while attempts < opts.samples.min(opts.max_attempts) {
                let wealth = rng.composition(c, n)?;
                attempts += 1;
                if matches!(transport(graph, &wealth)?, Transport::Feasible(_)) {
                    accepted += 1;
                }
            }
        }
    }
    Ok(Sampled {
        r: Estimate::sampled(accepted, attempts, opts.z),
        feasible: hits.iter().map(|&h| Estimate::sampled(h, kept, opts.z)).collect(),
    })
}
