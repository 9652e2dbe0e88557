//! `ln-ptlc sim`: a discrete-event simulator of channel update protocols (notes/spec-protocol.md
//! §2.3): BOLT 2 full-duplex updates ("Normal Operation", "Message Retransmission") against bolts
//! PR #867 `option_simplified_update` turn taking plus the summit's NACK (§2.1, §2.2), and the
//! four PTLC signing flows of §1.5 (single-signer / MuSig2 adaptor × synchronous / asynchronous
//! commitments). Two real protocol state machines ([`peer::Peer`]) exchange encoded messages
//! ([`msg`]) over a simulated link; [`explore`] enumerates every interleaving of small cases.
//!
//! Configuration is a JSON object (every key optional, unknown keys rejected); see
//! [`SimConfig::from_json`] and [`explore::ExploreConfig::from_json`].

pub mod chan;
pub mod engine;
pub mod explore;
pub mod msg;
pub mod peer;
pub mod rng;
pub mod variants;

use serde_json::{json, Map, Value};

use crate::tx::{weight, ChannelType};
use crate::{Error, Result};
use chan::{Pair, Params, Policy};
use peer::Mode;

/// Channel set-up shared by the simulator and the explorer.
#[derive(Debug, Clone, PartialEq)]
pub struct ChannelConfig {
    /// Funding amount.
    pub capacity_sat: u64,
    /// The opener's (A's) initial balance; B holds the rest.
    pub balance_a_sat: u64,
    /// Initial feerate.
    pub feerate_per_kw: u32,
    /// Agreed parameters.
    pub params: Params,
    /// Each node's acceptance policy.
    pub policies: Pair<Policy>,
}

impl ChannelConfig {
    /// Initial balances in msat.
    pub fn balances_msat(&self) -> Pair<u64> {
        Pair::new(self.balance_a_sat * 1000, (self.capacity_sat - self.balance_a_sat) * 1000)
    }

    fn to_json(&self, m: &mut Map<String, Value>) {
        m.insert("capacity_sat".into(), self.capacity_sat.into());
        m.insert("balance_a_sat".into(), self.balance_a_sat.into());
        m.insert("feerate_per_kw".into(), self.feerate_per_kw.into());
        m.insert("channel_type".into(), self.params.channel_type.name().into());
        m.insert("reserve_sat".into(), self.params.reserve_sat.into());
        m.insert("dust_limit_sat".into(), self.params.dust_limit_sat.into());
        m.insert("max_accepted_htlcs".into(), (self.params.max_accepted_htlcs as u64).into());
        m.insert("fee_spike_buffer".into(), json!(self.params.fee_spike_buffer));
        m.insert("fee_buffer_a".into(), json!(self.policies.a.fee_buffer));
        m.insert("fee_buffer_b".into(), json!(self.policies.b.fee_buffer));
        m.insert(
            "max_dust_exposure_a_sat".into(),
            (self.policies.a.max_dust_exposure_msat / 1000).into(),
        );
        m.insert(
            "max_dust_exposure_b_sat".into(),
            (self.policies.b.max_dust_exposure_msat / 1000).into(),
        );
    }
}

/// Everything `ln-ptlc sim` runs with.
#[derive(Debug, Clone, PartialEq)]
pub struct SimConfig {
    /// PRNG seed.
    pub seed: u64,
    /// Simulated time during which payments arrive and fees move.
    pub duration_s: f64,
    /// Link round-trip time.
    pub rtt_ms: f64,
    /// Time a node spends on each received message.
    pub processing_ms: f64,
    /// Poisson payment arrival rates (A offers to B, B offers to A).
    pub rate_per_s: Pair<f64>,
    /// Payment sizes, log-uniform.
    pub amount_min_sat: u64,
    /// Largest payment.
    pub amount_max_sat: u64,
    /// Delay between an HTLC becoming irrevocable at its receiver and the fulfil.
    pub hold_ms: f64,
    /// Poisson rate of market feerate moves.
    pub feerate_move_rate_per_s: f64,
    /// Size of each move (the market feerate is multiplied or divided by `1 + pct/100`).
    pub feerate_move_pct: f64,
    /// Probability that a message delivery fails by dropping the connection.
    pub disconnect_prob: f64,
    /// Time until the peers reconnect.
    pub reconnect_ms: f64,
    /// Protocols to run.
    pub modes: Vec<Mode>,
    /// Bound on processed events (the run fails past it).
    pub max_events: u64,
    /// Channel.
    pub channel: ChannelConfig,
}

/// Reads a JSON object's keys with types and ranges, then rejects whatever was not read.
struct Keys<'a> {
    map: &'a Map<String, Value>,
    seen: Vec<&'static str>,
}

impl<'a> Keys<'a> {
    fn new(v: &'a Value) -> Result<Self> {
        let map = v.as_object().ok_or_else(|| Error::invalid("config must be a JSON object"))?;
        Ok(Keys { map, seen: Vec::new() })
    }

    fn get(&mut self, k: &'static str) -> Option<&'a Value> {
        self.seen.push(k);
        self.map.get(k).filter(|v| !v.is_null())
    }

    fn f64(&mut self, k: &'static str, default: f64, lo: f64, hi: f64) -> Result<f64> {
        let Some(v) = self.get(k) else { return Ok(default) };
        let x = v.as_f64().ok_or_else(|| Error::invalid("expected a number").within(k))?;
        if !x.is_finite() || x < lo || x > hi {
            return Err(Error::invalid(format!("{x} is outside [{lo}, {hi}]")).within(k));
        }
        Ok(x)
    }

    fn u64(&mut self, k: &'static str, default: u64, lo: u64, hi: u64) -> Result<u64> {
        let Some(v) = self.get(k) else { return Ok(default) };
        let x = v
            .as_u64()
            .ok_or_else(|| Error::invalid("expected a non-negative integer").within(k))?;
        if x < lo || x > hi {
            return Err(Error::invalid(format!("{x} is outside [{lo}, {hi}]")).within(k));
        }
        Ok(x)
    }

    fn str(&mut self, k: &'static str) -> Result<Option<&'a str>> {
        match self.get(k) {
            None => Ok(None),
            Some(v) => {
                Ok(Some(v.as_str().ok_or_else(|| Error::invalid("expected a string").within(k))?))
            }
        }
    }

    fn finish(self) -> Result<()> {
        for k in self.map.keys() {
            if !self.seen.contains(&k.as_str()) {
                return Err(Error::invalid(format!("unknown config key {k:?}")));
            }
        }
        Ok(())
    }
}

/// Bitcoin's supply in satoshis bounds every amount.
const MAX_SAT: u64 = 2_100_000_000_000_000;

fn parse_modes(k: &mut Keys<'_>) -> Result<Vec<Mode>> {
    Ok(match k.str("mode")?.unwrap_or("both") {
        "async" => vec![Mode::Async],
        "turn" => vec![Mode::Turn],
        "both" => vec![Mode::Async, Mode::Turn],
        other => {
            return Err(Error::invalid(format!("unknown mode {other:?} (async, turn, both)"))
                .within("mode"))
        }
    })
}

fn parse_channel(k: &mut Keys<'_>, d: &ChannelConfig) -> Result<ChannelConfig> {
    let capacity_sat = k.u64("capacity_sat", d.capacity_sat, 1000, MAX_SAT)?;
    let balance_a_sat =
        k.u64("balance_a_sat", d.balance_a_sat.min(capacity_sat), 0, capacity_sat)?;
    let feerate_per_kw =
        u32::try_from(k.u64("feerate_per_kw", u64::from(d.feerate_per_kw), 253, 10_000_000)?)
            .map_err(|_| Error::invalid("feerate").within("feerate_per_kw"))?;
    let channel_type = match k.str("channel_type")? {
        None => d.params.channel_type,
        Some(s) => {
            let t = ChannelType::from_name(s).map_err(|e| e.within("channel_type"))?;
            if t == ChannelType::ZeroFeeCommitments {
                return Err(Error::invalid("zero_fee_commitments have no update_fee to simulate")
                    .within("channel_type"));
            }
            t
        }
    };
    let dust_limit_sat = k.u64("dust_limit_sat", d.params.dust_limit_sat, 354, capacity_sat)?;
    let reserve_sat = k.u64("reserve_sat", d.params.reserve_sat, 0, capacity_sat)?;
    if reserve_sat < dust_limit_sat {
        return Err(Error::invalid(format!(
            "reserve_sat {reserve_sat} is below dust_limit_sat {dust_limit_sat} (BOLT 2 open_channel)"
        )));
    }
    let max_accepted_htlcs =
        k.u64("max_accepted_htlcs", d.params.max_accepted_htlcs as u64, 1, 483)? as usize;
    let fee_spike_buffer = k.f64("fee_spike_buffer", d.params.fee_spike_buffer, 1.0, 100.0)?;
    let mut policies = d.policies.clone();
    policies.a.fee_buffer = k.f64("fee_buffer_a", policies.a.fee_buffer, 1.0, 100.0)?;
    policies.b.fee_buffer = k.f64("fee_buffer_b", policies.b.fee_buffer, 1.0, 100.0)?;
    policies.a.max_dust_exposure_msat =
        k.u64("max_dust_exposure_a_sat", policies.a.max_dust_exposure_msat / 1000, 0, MAX_SAT)?
            * 1000;
    policies.b.max_dust_exposure_msat =
        k.u64("max_dust_exposure_b_sat", policies.b.max_dust_exposure_msat / 1000, 0, MAX_SAT)?
            * 1000;
    let params =
        Params { channel_type, dust_limit_sat, reserve_sat, max_accepted_htlcs, fee_spike_buffer };
    let ch = ChannelConfig { capacity_sat, balance_a_sat, feerate_per_kw, params, policies };
    // The opener must pay the empty commitment's fee above its reserve from the start.
    let fee = weight::fee_sat(feerate_per_kw, weight::commitment_base_weight(channel_type))?;
    let anchors =
        if channel_type == ChannelType::Anchors { 2 * weight::ANCHOR_OUTPUT_SAT } else { 0 };
    if balance_a_sat < reserve_sat + fee + anchors {
        return Err(Error::invalid(format!(
            "balance_a_sat {balance_a_sat} cannot pay the initial fee {} sat above reserve_sat {reserve_sat}",
            fee + anchors
        )));
    }
    Ok(ch)
}

impl Default for ChannelConfig {
    fn default() -> Self {
        ChannelConfig {
            capacity_sat: 2_000_000,
            balance_a_sat: 200_000,
            feerate_per_kw: 2500,
            params: Params {
                channel_type: ChannelType::StaticRemoteKey,
                dust_limit_sat: 546,
                reserve_sat: 20_000,
                max_accepted_htlcs: 30,
                fee_spike_buffer: 2.0,
            },
            policies: Pair::new(
                Policy { fee_buffer: 1.0, max_dust_exposure_msat: 50_000_000 },
                Policy { fee_buffer: 1.0, max_dust_exposure_msat: 50_000_000 },
            ),
        }
    }
}

impl Default for SimConfig {
    fn default() -> Self {
        SimConfig {
            seed: 1,
            duration_s: 60.0,
            rtt_ms: 100.0,
            processing_ms: 5.0,
            rate_per_s: Pair::new(4.0, 4.0),
            amount_min_sat: 1000,
            amount_max_sat: 50_000,
            hold_ms: 0.0,
            feerate_move_rate_per_s: 0.2,
            feerate_move_pct: 25.0,
            disconnect_prob: 0.002,
            reconnect_ms: 500.0,
            modes: vec![Mode::Async, Mode::Turn],
            max_events: 5_000_000,
            channel: ChannelConfig::default(),
        }
    }
}

impl SimConfig {
    /// Parses a config object; every key is optional (defaults above), unknown keys and
    /// out-of-range values are errors.
    pub fn from_json(v: &Value) -> Result<Self> {
        let d = SimConfig::default();
        let mut k = Keys::new(v)?;
        let c = SimConfig {
            seed: k.u64("seed", d.seed, 0, u64::MAX)?,
            duration_s: k.f64("duration_s", d.duration_s, 0.001, 86_400.0)?,
            rtt_ms: k.f64("rtt_ms", d.rtt_ms, 0.0, 600_000.0)?,
            processing_ms: k.f64("processing_ms", d.processing_ms, 0.0, 600_000.0)?,
            rate_per_s: Pair::new(
                k.f64("rate_a_per_s", d.rate_per_s.a, 0.0, 10_000.0)?,
                k.f64("rate_b_per_s", d.rate_per_s.b, 0.0, 10_000.0)?,
            ),
            amount_min_sat: k.u64("amount_min_sat", d.amount_min_sat, 1, MAX_SAT)?,
            amount_max_sat: k.u64("amount_max_sat", d.amount_max_sat, 1, MAX_SAT)?,
            hold_ms: k.f64("hold_ms", d.hold_ms, 0.0, 86_400_000.0)?,
            feerate_move_rate_per_s: k.f64(
                "feerate_move_rate_per_s",
                d.feerate_move_rate_per_s,
                0.0,
                1000.0,
            )?,
            feerate_move_pct: k.f64("feerate_move_pct", d.feerate_move_pct, 0.0, 1000.0)?,
            disconnect_prob: k.f64("disconnect_prob", d.disconnect_prob, 0.0, 0.5)?,
            reconnect_ms: k.f64("reconnect_ms", d.reconnect_ms, 0.0, 86_400_000.0)?,
            modes: parse_modes(&mut k)?,
            max_events: k.u64("max_events", d.max_events, 1, 20_000_000)?,
            channel: parse_channel(&mut k, &d.channel)?,
        };
        k.finish()?;
        if c.amount_min_sat > c.amount_max_sat {
            return Err(Error::invalid("amount_min_sat exceeds amount_max_sat"));
        }
        if c.amount_max_sat > c.channel.capacity_sat {
            return Err(Error::invalid("amount_max_sat exceeds capacity_sat"));
        }
        Ok(c)
    }

    /// The config as JSON (every key, normalised), echoed in the report.
    pub fn to_json(&self) -> Value {
        let mut m = Map::new();
        m.insert("seed".into(), self.seed.into());
        m.insert("mode".into(), modes_name(&self.modes).into());
        m.insert("duration_s".into(), json!(self.duration_s));
        m.insert("rtt_ms".into(), json!(self.rtt_ms));
        m.insert("processing_ms".into(), json!(self.processing_ms));
        m.insert("rate_a_per_s".into(), json!(self.rate_per_s.a));
        m.insert("rate_b_per_s".into(), json!(self.rate_per_s.b));
        m.insert("amount_min_sat".into(), self.amount_min_sat.into());
        m.insert("amount_max_sat".into(), self.amount_max_sat.into());
        m.insert("hold_ms".into(), json!(self.hold_ms));
        m.insert("feerate_move_rate_per_s".into(), json!(self.feerate_move_rate_per_s));
        m.insert("feerate_move_pct".into(), json!(self.feerate_move_pct));
        m.insert("disconnect_prob".into(), json!(self.disconnect_prob));
        m.insert("reconnect_ms".into(), json!(self.reconnect_ms));
        m.insert("max_events".into(), self.max_events.into());
        self.channel.to_json(&mut m);
        Value::Object(m)
    }
}

fn modes_name(modes: &[Mode]) -> &'static str {
    match modes {
        [Mode::Async] => "async",
        [Mode::Turn] => "turn",
        _ => "both",
    }
}

/// Runs the simulation: one report per protocol, the isolated-update round trips of HTLCs and
/// of the four PTLC flows, and notes on what the model assumes.
pub fn run(cfg: &SimConfig) -> Result<Value> {
    let mut modes = Map::new();
    for &mode in &cfg.modes {
        modes.insert(mode.name().into(), engine::run(cfg, mode)?);
    }
    let mut out = Map::new();
    out.insert("config".into(), cfg.to_json());
    out.insert("modes".into(), Value::Object(modes));
    out.insert("isolated_update".into(), engine::isolated(cfg)?);
    out.insert("ptlc_variants".into(), variants::run_all(cfg)?);
    out.insert("notes".into(), notes());
    Ok(Value::Object(out))
}

fn notes() -> Value {
    json!([
        "A is the opener (pays the commitment fee) and has the lesser node_id (first turn).",
        "Signatures, secrets, points and onions are zero-filled at their BOLT sizes: flow and bytes are measured, not cryptography.",
        "force_close_events: distinct commitments (holder, number) that the node signing or receiving them finds in breach of its reserve / fee-buffer / dust policy; BOLT 2 says to fail the channel. The simulation counts them and carries on so the run can keep measuring.",
        "Turn mode never sends updates out of turn: a node without the turn sends update_noop and waits for yield (PR #867's simple implementation). The NACK (type 32769) is not in any spec: the receiver of a batch answers it instead of revoke_and_ack; both sides drop the batch (fulfils are retried, adds fail back).",
        "With equal policies, turn mode's proposer sees the whole state, so races cannot produce a bad commitment: NACKs there come only from policies that differ between the nodes (fee_buffer_a/b, max_dust_exposure_a/b_sat).",
        "commitments_in_flight counts signed, unrevoked commitment transactions of both chains (a commitment counts as revoked when its holder sends revoke_and_ack): 2 + one per commitment_signed whose holder has not yet answered. Async reaches 4; turn mode 3, or 4 right after a NACK: the NACKed commitment was signed by the proposer and is never revoked by its holder, so the proposer must watch for it on chain until that commitment number is revoked (as PR #867 says of optimistic commitment_signed).",
        "Payments arrive at the offerer and are fulfilled by the receiver hold_ms after the HTLC is irrevocable on its side; after duration_s no new work arrives, no further disconnects happen, and the run drains before the replay check.",
        "round_trips = (time the last message making the update irrevocable for both sides is received − time the first message leaves) / RTT, measured with zero processing time.",
        "PTLC types 32771-32781 and commitment_signed TLVs 1001/1003 are placeholders: no BOLT assigns them (notes §1.5)."
    ])
}
