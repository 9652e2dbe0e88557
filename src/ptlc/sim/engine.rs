//! The discrete-event engine of notes/spec-protocol.md §2.3: an event queue ordered by
//! (time, sequence), a link with one-way delay RTT/2 and per-message processing time at the
//! receiver, Poisson payment arrivals and feerate moves, disconnections with
//! `channel_reestablish` (BOLT 2 "Message Retransmission"), and the statistics of the report.

use std::cmp::Reverse;
use std::collections::{BTreeMap, BTreeSet, BinaryHeap, HashSet, VecDeque};

use serde_json::{json, Map, Value};

use super::chan::{Pair, Side, Update, Violation};
use super::msg::Msg;
use super::peer::{Action, Ctx, Mode, Peer, Work};
use super::rng::Rng;
use super::{ChannelConfig, SimConfig};
use crate::{Error, Result};

/// Microseconds.
type Time = u64;

fn us(ms: f64) -> Time {
    (ms * 1000.0).round().max(0.0) as Time
}

#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    Deliver { to: Side, epoch: u64, bytes: Vec<u8> },
    Process(Side),
    Arrival(Side),
    FeeMove,
    Fulfill { side: Side, id: u64 },
    Reconnect,
}

#[derive(Debug, Clone, Copy)]
struct Meta {
    created: Time,
    kind: &'static str,
}

#[derive(Debug, Default)]
struct Stats {
    msg_count: BTreeMap<&'static str, (u64, u64)>,
    latencies: BTreeMap<&'static str, Vec<Time>>,
    first_irrevocable: HashSet<(Side, usize)>,
    violations: BTreeSet<(Side, u64, &'static str)>,
    refused: BTreeMap<&'static str, u64>,
    nacks: BTreeMap<&'static str, u64>,
    nacked_adds: u64,
    arrivals: u64,
    fee_moves: u64,
    fee_superseded: u64,
    disconnects: u64,
    reestablishes: u64,
    retransmitted: u64,
    protocol_errors: Vec<String>,
    inflight_max: u64,
    inflight_area: u128,
    last_t: Time,
}

/// Independent random streams.
struct Rngs {
    arrivals: Pair<Rng>,
    amounts: Pair<Rng>,
    fees: Rng,
    links: Rng,
}

impl Rngs {
    fn new(seed: u64) -> Self {
        Rngs {
            arrivals: Pair::new(Rng::stream(seed, 1), Rng::stream(seed, 2)),
            amounts: Pair::new(Rng::stream(seed, 3), Rng::stream(seed, 4)),
            fees: Rng::stream(seed, 5),
            links: Rng::stream(seed, 6),
        }
    }
}

struct Sim<'a> {
    ch: &'a ChannelConfig,
    mode: Mode,
    peers: Pair<Peer>,
    queue: BinaryHeap<Reverse<(Time, u64, Kind)>>,
    seq: u64,
    busy: Pair<Time>,
    /// Messages received, waiting for the node (processed in arrival order).
    inbox: Pair<VecDeque<Vec<u8>>>,
    /// A `Process` event is scheduled for the node.
    processing_due: Pair<bool>,
    epoch: u64,
    connected: bool,
    stopping: bool,
    one_way: Time,
    processing: Time,
    hold: Time,
    reconnect: Time,
    disconnect_prob: f64,
    metas: Vec<Meta>,
    market_feerate: f64,
    st: Stats,
}

impl<'a> Sim<'a> {
    fn new(cfg: &'a SimConfig, mode: Mode) -> Self {
        let ch = &cfg.channel;
        let bal = ch.balances_msat();
        Sim {
            ch,
            mode,
            peers: Pair::new(
                Peer::new(Side::A, bal, ch.feerate_per_kw),
                Peer::new(Side::B, bal, ch.feerate_per_kw),
            ),
            queue: BinaryHeap::new(),
            seq: 0,
            busy: Pair::default(),
            inbox: Pair::default(),
            processing_due: Pair::default(),
            epoch: 0,
            connected: true,
            stopping: false,
            one_way: us(cfg.rtt_ms / 2.0),
            processing: us(cfg.processing_ms),
            hold: us(cfg.hold_ms),
            reconnect: us(cfg.reconnect_ms),
            disconnect_prob: cfg.disconnect_prob,
            metas: Vec::new(),
            market_feerate: f64::from(ch.feerate_per_kw),
            st: Stats::default(),
        }
    }

    fn ctx(&self, side: Side) -> Ctx<'a> {
        Ctx { params: &self.ch.params, policy: self.ch.policies.get(side), mode: self.mode }
    }

    fn at(&mut self, t: Time, k: Kind) {
        self.seq += 1;
        self.queue.push(Reverse((t, self.seq, k)));
    }

    fn meta(&mut self, created: Time, kind: &'static str) -> u64 {
        self.metas.push(Meta { created, kind });
        self.metas.len() as u64
    }

    fn meta_of(&self, tag: u64) -> Option<Meta> {
        usize::try_from(tag)
            .ok()
            .and_then(|t| t.checked_sub(1))
            .and_then(|i| self.metas.get(i))
            .copied()
    }

    /// Applies a node's actions; messages leave at `depart`.
    fn dispatch(&mut self, from: Side, depart: Time, actions: Vec<Action>) {
        for a in actions {
            match a {
                Action::Send(bytes) => {
                    if let Ok(m) = Msg::decode(&bytes) {
                        let e = self.st.msg_count.entry(m.name()).or_default();
                        e.0 += 1;
                        e.1 += bytes.len() as u64;
                    }
                    if self.connected {
                        let epoch = self.epoch;
                        self.at(
                            depart + self.one_way,
                            Kind::Deliver { to: from.other(), epoch, bytes },
                        );
                    }
                }
                Action::Irrevocable { offerer, index } => {
                    if !self.st.first_irrevocable.remove(&(offerer, index)) {
                        self.st.first_irrevocable.insert((offerer, index));
                        continue;
                    }
                    let tag = self.peers.get(offerer).logs.get(offerer).get(index).map(|e| e.tag);
                    if let Some(m) = tag.and_then(|t| self.meta_of(t)) {
                        let lat = depart.saturating_sub(m.created);
                        self.st.latencies.entry(m.kind).or_default().push(lat);
                    }
                }
                Action::Incoming { id } => {
                    self.at(depart.saturating_add(self.hold), Kind::Fulfill { side: from, id });
                }
                Action::Violation { holder, number, reason } => {
                    self.st.violations.insert((holder, number, reason.name()));
                }
                Action::Refused { tag, .. } => {
                    let kind = self.meta_of(tag).map_or("unknown", |m| m.kind);
                    *self.st.refused.entry(kind).or_default() += 1;
                }
                Action::NackSent { reason } => {
                    *self.st.nacks.entry(reason.name()).or_default() += 1;
                }
                Action::Nacked { dropped } => {
                    for t in dropped {
                        if self.meta_of(t).is_some_and(|m| m.kind == "add") {
                            self.st.nacked_adds += 1;
                        }
                    }
                }
                Action::Retransmitted(n) => {
                    self.st.reestablishes += 1;
                    self.st.retransmitted += n as u64;
                }
                Action::ProtocolError(e) => {
                    if self.st.protocol_errors.len() < 20 {
                        self.st.protocol_errors.push(e);
                    }
                }
            }
        }
    }

    fn local(&mut self, side: Side, t: Time, w: Work) {
        let ctx = self.ctx(side);
        let acts = self.peers.get_mut(side).push_work(ctx, w);
        let depart = t.max(*self.busy.get(side));
        self.dispatch(side, depart, acts);
    }

    fn inflight(&self) -> u64 {
        let pend = |signer: &Peer, holder: &Peer| {
            u64::from(signer.remote_pending.is_some() && holder.local_n == signer.remote_acked_n)
        };
        2 + pend(&self.peers.a, &self.peers.b) + pend(&self.peers.b, &self.peers.a)
    }

    fn step(&mut self, t: Time, k: Kind, cfg: &SimConfig, rng: &mut Rngs, end: Time) {
        match k {
            Kind::Deliver { to, epoch, bytes } => {
                if epoch != self.epoch {
                    return; // lost with the connection
                }
                let reestablish =
                    bytes.get(..2) == Some(&super::msg::CHANNEL_REESTABLISH.to_be_bytes()[..]);
                if !self.stopping && !reestablish && rng.links.chance(self.disconnect_prob) {
                    self.st.disconnects += 1;
                    self.epoch += 1;
                    self.connected = false;
                    self.inbox = Pair::default();
                    self.peers.a.disconnect();
                    self.peers.b.disconnect();
                    self.at(t.saturating_add(self.reconnect), Kind::Reconnect);
                    return;
                }
                self.inbox.get_mut(to).push_back(bytes);
                if !*self.processing_due.get(to) {
                    *self.processing_due.get_mut(to) = true;
                    let at = t.max(*self.busy.get(to));
                    self.at(at, Kind::Process(to));
                }
            }
            Kind::Process(to) => {
                *self.processing_due.get_mut(to) = false;
                let Some(bytes) = self.inbox.get_mut(to).pop_front() else { return };
                let ctx = self.ctx(to);
                let acts = self.peers.get_mut(to).handle(ctx, &bytes);
                let done = t + self.processing;
                *self.busy.get_mut(to) = done;
                self.dispatch(to, done, acts);
                if !self.inbox.get(to).is_empty() {
                    *self.processing_due.get_mut(to) = true;
                    self.at(done, Kind::Process(to));
                }
            }
            Kind::Arrival(side) => {
                if t >= end {
                    return;
                }
                self.st.arrivals += 1;
                let sat =
                    rng.amounts.get_mut(side).log_uniform(cfg.amount_min_sat, cfg.amount_max_sat);
                let tag = self.meta(t, "add");
                self.local(side, t, Work::Add { amount_msat: sat * 1000, tag });
                let gap = rng.arrivals.get_mut(side).exp(*cfg.rate_per_s.get(side));
                let next = t.saturating_add(us(gap * 1000.0));
                if next < end {
                    self.at(next, Kind::Arrival(side));
                }
            }
            Kind::FeeMove => {
                if t >= end {
                    return;
                }
                self.st.fee_moves += 1;
                let f = 1.0 + cfg.feerate_move_pct / 100.0;
                self.market_feerate = if rng.fees.chance(0.5) {
                    self.market_feerate * f
                } else {
                    self.market_feerate / f
                };
                self.market_feerate = self.market_feerate.clamp(253.0, 10_000_000.0);
                // A newer target replaces a queued one (turn mode queues until its turn).
                let before = self.peers.a.work.len();
                self.peers.a.work.retain(|w| !matches!(w, Work::Fee { .. }));
                self.st.fee_superseded += (before - self.peers.a.work.len()) as u64;
                let tag = self.meta(t, "fee");
                let feerate_per_kw = self.market_feerate.round() as u32;
                self.local(Side::A, t, Work::Fee { feerate_per_kw, tag });
                let next = t.saturating_add(us(rng.fees.exp(cfg.feerate_move_rate_per_s) * 1000.0));
                if next < end {
                    self.at(next, Kind::FeeMove);
                }
            }
            Kind::Fulfill { side, id } => {
                let tag = self.meta(t, "fulfill");
                self.local(side, t, Work::Fulfill { id, tag });
            }
            Kind::Reconnect => {
                self.connected = true;
                for side in [Side::A, Side::B] {
                    let acts = self.peers.get_mut(side).connect();
                    let depart = t.max(*self.busy.get(side));
                    self.dispatch(side, depart, acts);
                }
            }
        }
    }

    fn run(&mut self, cfg: &SimConfig, rng: &mut Rngs, end: Time, drain: Time) -> Result<Time> {
        let mut events = 0u64;
        let mut now = 0;
        while let Some(Reverse((t, _, k))) = self.queue.pop() {
            if t > end.saturating_add(drain) {
                break;
            }
            events += 1;
            if events > cfg.max_events {
                return Err(Error::invalid(format!(
                    "more than max_events = {} events; shorten duration_s or raise max_events",
                    cfg.max_events
                )));
            }
            self.account(t);
            now = t;
            if t >= end {
                self.stopping = true;
            }
            self.step(t, k, cfg, rng, end);
        }
        self.account(now);
        Ok(now)
    }

    fn account(&mut self, t: Time) {
        let live = self.inflight();
        let dt = t.saturating_sub(self.st.last_t);
        self.st.inflight_area += u128::from(live) * u128::from(dt);
        self.st.last_t = self.st.last_t.max(t);
        self.st.inflight_max = self.st.inflight_max.max(live);
    }
}

/// Differences between the two nodes' views of the channel (empty = identical).
pub fn compare(a: &Peer, b: &Peer) -> Vec<String> {
    let mut m = Vec::new();
    let strip = |p: &Peer, s: Side| -> Vec<Update> {
        p.logs.get(s).iter().map(|e| e.update.clone()).collect()
    };
    for s in [Side::A, Side::B] {
        if strip(a, s) != strip(b, s) {
            m.push(format!("update logs of {} differ", s.name()));
        }
    }
    if a.local != b.remote_acked || a.local_n != b.remote_acked_n {
        m.push("a's commitment differs from b's copy".into());
    }
    if b.local != a.remote_acked || b.local_n != a.remote_acked_n {
        m.push("b's commitment differs from a's copy".into());
    }
    if a.local.htlcs != b.local.htlcs
        || a.local.balance_msat != b.local.balance_msat
        || a.local.feerate_per_kw != b.local.feerate_per_kw
    {
        m.push("the two commitments hold different balances, htlcs or feerate".into());
    }
    for p in [a, b] {
        if p.remote_pending.is_some() {
            m.push(format!("{} still has a commitment_signed outstanding", p.side.name()));
        }
        if !p.work.is_empty() {
            m.push(format!("{} still has {} unsent updates", p.side.name(), p.work.len()));
        }
        if p.failed {
            m.push(format!("{} stopped on a protocol error", p.side.name()));
        }
        match p.projected() {
            Ok(s) if s == p.local => {}
            _ => m.push(format!("{} has updates not in its commitment", p.side.name())),
        }
    }
    m
}

fn ms(t: Time) -> f64 {
    (t as f64 / 1000.0 * 1000.0).round() / 1000.0
}

fn summary(v: &mut [Time]) -> Value {
    if v.is_empty() {
        return json!({ "count": 0 });
    }
    v.sort_unstable();
    let n = v.len();
    let pct = |p: usize| v.get((n - 1) * p / 100).copied().unwrap_or(0);
    let sum: u128 = v.iter().map(|&x| u128::from(x)).sum();
    let mean = (sum / n as u128) as Time;
    json!({
        "count": n,
        "mean": ms(mean),
        "p50": ms(pct(50)),
        "p99": ms(pct(99)),
        "max": ms(v.last().copied().unwrap_or(0)),
    })
}

/// Runs one protocol over the config and returns its report.
pub fn run(cfg: &SimConfig, mode: Mode) -> Result<Value> {
    let mut sim = Sim::new(cfg, mode);
    // One stream per protocol from the same seed: both modes see the same arrivals.
    let mut rng = Rngs::new(cfg.seed);
    let end = us(cfg.duration_s * 1000.0);
    for side in [Side::A, Side::B] {
        let t = us(rng.arrivals.get_mut(side).exp(*cfg.rate_per_s.get(side)) * 1000.0);
        if t < end {
            sim.at(t, Kind::Arrival(side));
        }
    }
    let t = us(rng.fees.exp(cfg.feerate_move_rate_per_s) * 1000.0);
    if t < end {
        sim.at(t, Kind::FeeMove);
    }
    let drain = us(600_000.0).max(sim.reconnect.saturating_mul(4));
    let stopped = sim.run(cfg, &mut rng, end, drain)?;
    let mismatches = compare(&sim.peers.a, &sim.peers.b);
    Ok(report(&mut sim, cfg, end, stopped, &mismatches))
}

fn report(sim: &mut Sim<'_>, cfg: &SimConfig, end: Time, stopped: Time, mism: &[String]) -> Value {
    let st = &mut sim.st;
    let dur = cfg.duration_s.max(1e-9);
    let mut all: Vec<Time> = st.latencies.values().flatten().copied().collect();
    let by_kind: Map<String, Value> =
        st.latencies.iter_mut().map(|(k, v)| ((*k).to_string(), summary(v))).collect();
    let irrevocable = all.len() as u64;
    let settled = st.latencies.get("fulfill").map_or(0, |v| v.len() as u64);
    let (msgs, bytes) = st.msg_count.values().fold((0, 0), |(a, b), (c, d)| (a + c, b + d));
    let by_type: Map<String, Value> = st
        .msg_count
        .iter()
        .map(|(k, (c, b))| ((*k).to_string(), json!({ "count": c, "bytes": b })))
        .collect();
    let mut fc = BTreeMap::<&str, u64>::new();
    for (_, _, r) in &st.violations {
        *fc.entry(r).or_default() += 1;
    }
    let reasons = [Violation::FeeBuffer, Violation::DustExposure, Violation::Reserve];
    let by_reason = |m: &BTreeMap<&str, u64>| -> Value {
        let mut o = Map::new();
        o.insert("total".into(), m.values().sum::<u64>().into());
        for r in reasons {
            o.insert(r.name().into(), m.get(r.name()).copied().unwrap_or(0).into());
        }
        Value::Object(o)
    };
    let span = st.last_t.max(1);
    json!({
        "updates": {
            "irrevocable": irrevocable,
            "refused_locally": st.refused.values().sum::<u64>(),
        },
        "payments": {
            "arrived": st.arrivals,
            "refused_locally": st.refused.get("add").copied().unwrap_or(0),
            "failed_by_nack": st.nacked_adds,
            "settled": settled,
        },
        "time_to_irrevocable_ms": summary(&mut all),
        "time_to_irrevocable_ms_by_kind": by_kind,
        "throughput": {
            "irrevocable_updates_per_s": round3(irrevocable as f64 / dur),
            "settled_payments_per_s": round3(settled as f64 / dur),
            "bytes_per_s": round3(bytes as f64 / dur),
        },
        "commitments_in_flight": {
            "max": st.inflight_max,
            "mean": round3(st.inflight_area as f64 / span as f64),
        },
        "force_close_events": by_reason(&fc),
        "nacks": by_reason(&st.nacks.iter().map(|(k, v)| (*k, *v)).collect()),
        "fee_updates": {
            "market_moves": st.fee_moves,
            "superseded_before_sent": st.fee_superseded,
            "refused_locally": st.refused.get("fee").copied().unwrap_or(0),
            "irrevocable": st.latencies.get("fee").map_or(0, Vec::len),
        },
        "messages": { "total": msgs, "bytes": bytes, "by_type": by_type },
        "replay": {
            "disconnects": st.disconnects,
            "reestablishes": st.reestablishes,
            "retransmitted_messages": st.retransmitted,
            "consistent": mism.is_empty(),
            "mismatches": mism,
        },
        "protocol_errors": st.protocol_errors,
        "simulated_s": round3(stopped.max(end) as f64 / 1e6),
    })
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// Round trips to irrevocable of one isolated HTLC update, measured by running the engine with
/// no load, RTT = 1 s and no processing time: offered by A (the first turn holder) and by B.
pub fn isolated(cfg: &SimConfig) -> Result<Value> {
    let mut out = Map::new();
    for mode in [Mode::Async, Mode::Turn] {
        let mut m = Map::new();
        for side in [Side::A, Side::B] {
            let (rt, bytes, msgs) = isolated_one(cfg, mode, side)?;
            m.insert(
                format!("offered_by_{}", side.name()),
                json!({ "round_trips": rt, "bytes_on_wire": bytes, "messages": msgs }),
            );
        }
        out.insert(mode.name().into(), Value::Object(m));
    }
    Ok(Value::Object(out))
}

fn isolated_one(cfg: &SimConfig, mode: Mode, side: Side) -> Result<(f64, u64, u64)> {
    let mut c = cfg.clone();
    c.rtt_ms = 1000.0;
    c.processing_ms = 0.0;
    c.disconnect_prob = 0.0;
    c.hold_ms = 1e9; // keep the fulfil out of the measurement
    let mut sim = Sim::new(&c, mode);
    let tag = sim.meta(0, "add");
    let amount_msat = c.amount_min_sat * 1000;
    sim.local(side, 0, Work::Add { amount_msat, tag });
    let mut rng = Rngs::new(c.seed);
    sim.run(&c, &mut rng, 0, us(100_000.0))?;
    let lat = sim.st.latencies.get("add").and_then(|v| v.first().copied()).ok_or_else(|| {
        Error::invalid(
            "the isolated update never became irrevocable (amount_min_sat unaffordable?)",
        )
    })?;
    let (msgs, bytes) = sim.st.msg_count.values().fold((0, 0), |(a, b), (c, d)| (a + c, b + d));
    Ok((lat as f64 / 1e6, bytes, msgs))
}
