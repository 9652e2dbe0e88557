//! Channel state as BOLT 2 "Normal Operation" defines it: two update logs (one per proposer),
//! commitments as prefixes of both logs, balances and HTLCs per commitment, and the affordability
//! rules of `update_add_htlc` / `update_fee` (reserve, fee, "fee spike buffer",
//! `max_dust_htlc_exposure_msat`) with BOLT 3 weights, fees and trimming from [`crate::tx::weight`].

use std::collections::BTreeMap;

use crate::tx::{weight, ChannelType};
use crate::{Error, Result};

pub use super::msg::NackReason as Violation;

/// A channel party. `A` is the opener (pays the commitment fee, BOLT 2 "Updating Fees") and has
/// the lesser node_id (takes the first turn, PR #867).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Side {
    /// The opener.
    A,
    /// The other party.
    B,
}

impl Side {
    /// The other party.
    pub fn other(self) -> Side {
        match self {
            Side::A => Side::B,
            Side::B => Side::A,
        }
    }

    /// "a" / "b".
    pub fn name(self) -> &'static str {
        match self {
            Side::A => "a",
            Side::B => "b",
        }
    }
}

/// One value per side (no indexing, so no panics).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Pair<T> {
    /// A's value.
    pub a: T,
    /// B's value.
    pub b: T,
}

impl<T> Pair<T> {
    /// Both values.
    pub fn new(a: T, b: T) -> Self {
        Pair { a, b }
    }
    /// `side`'s value.
    pub fn get(&self, side: Side) -> &T {
        match side {
            Side::A => &self.a,
            Side::B => &self.b,
        }
    }
    /// `side`'s value, mutable.
    pub fn get_mut(&mut self, side: Side) -> &mut T {
        match side {
            Side::A => &mut self.a,
            Side::B => &mut self.b,
        }
    }
}

/// One channel update (the effect of an `update_*` message).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Update {
    /// `update_add_htlc` by the log's owner.
    Add {
        /// HTLC id (per offerer).
        id: u64,
        /// Amount.
        amount_msat: u64,
    },
    /// `update_fulfill_htlc` of an HTLC the other side offered.
    Fulfill {
        /// The HTLC's id.
        id: u64,
    },
    /// `update_fee` (opener only).
    Fee {
        /// New feerate.
        feerate_per_kw: u32,
    },
}

impl Update {
    /// "add" / "fulfill" / "fee".
    pub fn kind(&self) -> &'static str {
        match self {
            Update::Add { .. } => "add",
            Update::Fulfill { .. } => "fulfill",
            Update::Fee { .. } => "fee",
        }
    }
}

/// A log entry: the update plus an opaque tag the driver gave it (never on the wire; only the
/// proposer's own copy carries it).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Entry {
    /// The update.
    pub update: Update,
    /// Driver's tag.
    pub tag: u64,
}

/// What one commitment transaction holds: the first `counts` updates of each log applied.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct CommitState {
    /// How many updates of A's and B's logs are included.
    pub counts: Pair<usize>,
    /// Main balances (HTLCs excluded, fee not deducted).
    pub balance_msat: Pair<u64>,
    /// Live HTLCs: (offerer, id) → amount.
    pub htlcs: BTreeMap<(Side, u64), u64>,
    /// Feerate.
    pub feerate_per_kw: u32,
}

impl CommitState {
    /// The funding state.
    pub fn initial(balance_msat: Pair<u64>, feerate_per_kw: u32) -> Self {
        CommitState {
            counts: Pair::default(),
            balance_msat,
            htlcs: BTreeMap::new(),
            feerate_per_kw,
        }
    }

    /// Applies both logs up to `to`: removals first, then adds and fees, so the result does not
    /// depend on how the two logs interleave and a balance never dips mid-way. (A fulfil never
    /// needs an add of the same step: only irrevocably committed HTLCs are fulfilled, and those
    /// are in every commitment either node builds on.)
    pub fn advance(&self, logs: &Pair<Vec<Entry>>, to: Pair<usize>) -> Result<CommitState> {
        let mut s = self.clone();
        for pass in 0..2 {
            for side in [Side::A, Side::B] {
                let from = *self.counts.get(side);
                let upto = *to.get(side);
                if upto < from {
                    return Err(Error::invalid("commitment would drop committed updates"));
                }
                let entries = logs
                    .get(side)
                    .get(from..upto)
                    .ok_or_else(|| Error::invalid("commitment covers updates never received"))?;
                for e in entries {
                    s.apply(side, &e.update, pass == 1)?;
                }
            }
        }
        s.counts = to;
        Ok(s)
    }

    /// This state with one more update by `by` (removal or add/fee).
    pub fn with(&self, by: Side, u: &Update) -> Result<CommitState> {
        let mut s = self.clone();
        s.apply(by, u, false)?;
        s.apply(by, u, true)?;
        Ok(s)
    }

    fn apply(&mut self, by: Side, u: &Update, adds_pass: bool) -> Result<()> {
        match (u, adds_pass) {
            (Update::Add { id, amount_msat }, true) => {
                let bal = self.balance_msat.get_mut(by);
                *bal = bal
                    .checked_sub(*amount_msat)
                    .ok_or_else(|| Error::invalid("htlc amount exceeds the offerer's balance"))?;
                if self.htlcs.insert((by, *id), *amount_msat).is_some() {
                    return Err(Error::invalid(format!("duplicate htlc id {id}")));
                }
            }
            (Update::Fee { feerate_per_kw }, true) => {
                if by != Side::A {
                    return Err(Error::invalid("update_fee from the non-opener"));
                }
                self.feerate_per_kw = *feerate_per_kw;
            }
            (Update::Fulfill { id }, false) => {
                let amt = self
                    .htlcs
                    .remove(&(by.other(), *id))
                    .ok_or_else(|| Error::invalid(format!("fulfill of unknown htlc {id}")))?;
                let bal = self.balance_msat.get_mut(by);
                *bal = bal.checked_add(amt).ok_or_else(|| Error::invalid("balance overflow"))?;
            }
            _ => {}
        }
        Ok(())
    }
}

/// Channel parameters both sides agreed at opening.
#[derive(Debug, Clone, PartialEq)]
pub struct Params {
    /// Commitment format.
    pub channel_type: ChannelType,
    /// `dust_limit_satoshis` (both sides).
    pub dust_limit_sat: u64,
    /// `channel_reserve_satoshis` (each side must keep this much).
    pub reserve_sat: u64,
    /// `max_accepted_htlcs` (both sides).
    pub max_accepted_htlcs: usize,
    /// The opener's "fee spike buffer" multiplier for its own adds (BOLT 2 recommends 2).
    pub fee_spike_buffer: f64,
}

/// One node's local acceptance policy (node policy, so the two sides may differ).
#[derive(Debug, Clone, PartialEq)]
pub struct Policy {
    /// The opener must afford the fee at `feerate × fee_buffer` above its reserve (1 = the
    /// spec's hard rule).
    pub fee_buffer: f64,
    /// `max_dust_htlc_exposure_msat`.
    pub max_dust_exposure_msat: u64,
}

/// Fee, HTLC outputs and dust of one commitment for one holder.
#[derive(Debug, Clone, Copy)]
pub struct Eval {
    /// Commitment fee (plus anchors) the opener pays.
    pub fee_msat: u64,
    /// HTLC outputs (untrimmed).
    pub untrimmed: usize,
    /// Sum of trimmed HTLCs.
    pub trimmed_msat: u64,
}

fn scaled(feerate: u32, mult: f64) -> u32 {
    let f = (f64::from(feerate) * mult).ceil();
    if f >= f64::from(u32::MAX) {
        u32::MAX
    } else {
        f as u32
    }
}

impl Params {
    /// Evaluates `s` as `holder`'s commitment at feerate `feerate` with `extra` more HTLC
    /// outputs (the fee spike buffer's "future additional non-dust HTLC").
    pub fn eval(&self, s: &CommitState, holder: Side, feerate: u32, extra: usize) -> Result<Eval> {
        let mut untrimmed = extra;
        let mut trimmed_msat = 0u64;
        for (&(offerer, _), &amt) in &s.htlcs {
            let offered = offerer == holder;
            if weight::is_trimmed(self.channel_type, offered, amt, self.dust_limit_sat, feerate)? {
                trimmed_msat = trimmed_msat.saturating_add(amt);
            } else {
                untrimmed += 1;
            }
        }
        let w = weight::commitment_weight(self.channel_type, untrimmed)?;
        let mut fee = weight::fee_sat(feerate, w)?;
        if self.channel_type == ChannelType::Anchors {
            fee = fee.saturating_add(2 * weight::ANCHOR_OUTPUT_SAT);
        }
        Ok(Eval { fee_msat: fee.saturating_mul(1000), untrimmed, trimmed_msat })
    }

    /// HTLC outputs of `holder`'s commitment (what `num_htlcs` must equal).
    pub fn num_htlcs(&self, s: &CommitState, holder: Side) -> Result<usize> {
        Ok(self.eval(s, holder, s.feerate_per_kw, 0)?.untrimmed)
    }

    /// Whether `holder`'s commitment `s` satisfies `policy`: the opener pays the fee (at
    /// `fee_buffer ×` the feerate) above its reserve, dust exposure within the limit.
    pub fn check(
        &self,
        s: &CommitState,
        holder: Side,
        policy: &Policy,
    ) -> Result<std::result::Result<(), Violation>> {
        let e = self.eval(s, holder, scaled(s.feerate_per_kw, policy.fee_buffer), 0)?;
        let need = e.fee_msat.saturating_add(self.reserve_sat.saturating_mul(1000));
        if s.balance_msat.a < need {
            return Ok(Err(Violation::FeeBuffer));
        }
        let dust = self.eval(s, holder, s.feerate_per_kw, 0)?.trimmed_msat;
        if dust > policy.max_dust_exposure_msat {
            return Ok(Err(Violation::DustExposure));
        }
        Ok(Ok(()))
    }

    /// Both commitments of a projected state.
    pub fn check_both(
        &self,
        s: &CommitState,
        policy: &Policy,
    ) -> Result<std::result::Result<(), Violation>> {
        for holder in [Side::A, Side::B] {
            if let Err(v) = self.check(s, holder, policy)? {
                return Ok(Err(v));
            }
        }
        Ok(Ok(()))
    }

    /// The sender's rules for a new HTLC of `amount_msat` by `by` on top of its projected view
    /// `s` (already including the add): its own reserve, HTLC count, both commitments under its
    /// policy, and for the opener the fee spike buffer (BOLT 2 `update_add_htlc`).
    pub fn check_add(
        &self,
        s: &CommitState,
        by: Side,
        policy: &Policy,
    ) -> Result<std::result::Result<(), Violation>> {
        let reserve = self.reserve_sat.saturating_mul(1000);
        let offered = s.htlcs.keys().filter(|(o, _)| *o == by).count();
        if offered > self.max_accepted_htlcs || *s.balance_msat.get(by) < reserve {
            return Ok(Err(Violation::Reserve));
        }
        if let Err(v) = self.check_both(s, policy)? {
            return Ok(Err(v));
        }
        if by == Side::A {
            for holder in [Side::A, Side::B] {
                let f = scaled(s.feerate_per_kw, self.fee_spike_buffer.max(policy.fee_buffer));
                let e = self.eval(s, holder, f, 1)?;
                if s.balance_msat.a < e.fee_msat.saturating_add(reserve) {
                    return Ok(Err(Violation::FeeBuffer));
                }
            }
        }
        Ok(Ok(()))
    }
}
