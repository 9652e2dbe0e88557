//! `ln-ptlc sim explore`: exhaustive enumeration of every message interleaving of a small case
//! (notes/spec-protocol.md §2.3 "model-checking"). A state is both peers, both link queues, how
//! far each side's script has run, and the connection; a transition delivers the next message
//! in one direction, runs a side's next scripted action, or (if allowed) drops the connection and
//! reconnects (`channel_reestablish`, BOLT 2 "Message Retransmission"). Visited states are kept as
//! 64-bit fingerprints; `max_states` and `max_depth` bound the search.
//!
//! Bad states: a node would fail the channel (a commitment it signs or receives breaks its
//! reserve / fee-buffer / dust policy), a protocol error, or a quiescent end state where the two
//! nodes disagree or work is stuck.

use std::collections::hash_map::DefaultHasher;
use std::collections::{BTreeMap, HashSet, VecDeque};
use std::hash::{Hash, Hasher};
use std::rc::Rc;

use serde_json::{json, Map, Value};

use super::chan::{Pair, Params, Side};
use super::engine::compare;
use super::msg::Msg;
use super::peer::{Action, Ctx, Mode, Peer, Work};
use super::{parse_channel, parse_modes, ChannelConfig, Keys};
use crate::{Error, Result};

/// What `sim explore` runs.
#[derive(Debug, Clone, PartialEq)]
pub struct ExploreConfig {
    /// Protocols.
    pub modes: Vec<Mode>,
    /// Each side's scripted actions, in order.
    pub scripts: Pair<Vec<Work>>,
    /// Stop after this many distinct states.
    pub max_states: u64,
    /// Do not expand states deeper than this.
    pub max_depth: u32,
    /// Disconnections allowed per path.
    pub disconnects: u8,
    /// Receivers fulfil an HTLC as soon as it is irrevocable on their side (as in `sim`).
    pub auto_fulfill: bool,
    /// Channel.
    pub channel: ChannelConfig,
}

/// Most scripted actions per side.
pub const MAX_SCRIPT: usize = 4;

fn parse_script(s: &str, side: Side, what: &'static str) -> Result<Vec<Work>> {
    let mut out = Vec::new();
    for (i, item) in s.split(',').map(str::trim).filter(|x| !x.is_empty()).enumerate() {
        let (kind, val) = item.split_once(':').ok_or_else(|| {
            Error::invalid(format!("{item:?}: expected add:SAT or fee:PERKW")).within(what)
        })?;
        let n: u64 = val
            .trim()
            .parse()
            .map_err(|_| Error::invalid(format!("{val:?} is not a number")).within(what))?;
        let tag = i as u64;
        out.push(match kind.trim() {
            "add" if n > 0 && n <= super::MAX_SAT => Work::Add { amount_msat: n * 1000, tag },
            "fee" if side == Side::A && (253..=10_000_000).contains(&n) => {
                Work::Fee { feerate_per_kw: n as u32, tag }
            }
            "fee" if side == Side::B => {
                return Err(Error::invalid("only the opener (a) sends update_fee").within(what))
            }
            _ => return Err(Error::invalid(format!("bad action {item:?}")).within(what)),
        });
    }
    if out.len() > MAX_SCRIPT {
        return Err(Error::invalid(format!("at most {MAX_SCRIPT} actions per side")).within(what));
    }
    Ok(out)
}

impl Default for ExploreConfig {
    /// The opener's balance leaves room for a feerate of 12 000 sat/kW on an empty commitment
    /// but not with one more HTLC output: the fee / add race of BOLT 2 "Updating Fees".
    fn default() -> Self {
        let base = ChannelConfig::default();
        let channel = ChannelConfig {
            capacity_sat: 1_000_000,
            balance_a_sat: 20_000,
            params: Params { reserve_sat: 10_000, ..base.params.clone() },
            ..base
        };
        ExploreConfig {
            modes: vec![Mode::Async, Mode::Turn],
            scripts: Pair::new(
                vec![Work::Fee { feerate_per_kw: 12_000, tag: 0 }],
                vec![Work::Add { amount_msat: 20_000_000, tag: 0 }],
            ),
            max_states: 1_000_000,
            max_depth: 200,
            disconnects: 0,
            auto_fulfill: false,
            channel,
        }
    }
}

impl ExploreConfig {
    /// Parses a config object (keys of the channel as in `sim`, plus `mode`, `script_a`,
    /// `script_b`, `max_states`, `max_depth`, `disconnects`).
    pub fn from_json(v: &Value) -> Result<Self> {
        let dflt = ExploreConfig::default();
        let mut k = Keys::new(v)?;
        let modes = parse_modes(&mut k)?;
        let a = match k.str("script_a")? {
            Some(s) => parse_script(s, Side::A, "script_a")?,
            None => dflt.scripts.a.clone(),
        };
        let b = match k.str("script_b")? {
            Some(s) => parse_script(s, Side::B, "script_b")?,
            None => dflt.scripts.b.clone(),
        };
        let cfg = ExploreConfig {
            modes,
            scripts: Pair::new(a, b),
            max_states: k.u64("max_states", dflt.max_states, 1, 10_000_000)?,
            max_depth: k.u64("max_depth", u64::from(dflt.max_depth), 1, 10_000)? as u32,
            disconnects: k.u64("disconnects", u64::from(dflt.disconnects), 0, 2)? as u8,
            auto_fulfill: match k.get("auto_fulfill") {
                None => dflt.auto_fulfill,
                Some(v) => v.as_bool().ok_or_else(|| {
                    Error::invalid("expected true or false").within("auto_fulfill")
                })?,
            },
            channel: parse_channel(&mut k, &dflt.channel)?,
        };
        k.finish()?;
        Ok(cfg)
    }
}

#[derive(Debug, Clone, Hash)]
struct State {
    peers: Pair<Peer>,
    /// Messages on their way to each side.
    links: Pair<VecDeque<Vec<u8>>>,
    next: Pair<usize>,
    connected: bool,
    disconnects: u8,
}

/// A path as a shared linked list (cheap to extend per stack entry).
struct Trace {
    step: String,
    parent: Option<Rc<Trace>>,
}

fn trace_vec(t: Option<&Rc<Trace>>) -> Vec<String> {
    let mut v = Vec::new();
    let mut cur = t;
    while let Some(n) = cur {
        v.push(n.step.clone());
        cur = n.parent.as_ref();
    }
    v.reverse();
    v
}

#[derive(Default)]
struct Findings {
    states: u64,
    transitions: u64,
    terminal: u64,
    depth_cut: u64,
    max_depth: u32,
    nacks: u64,
    refusals: u64,
    bad: BTreeMap<String, u64>,
    examples: Vec<Value>,
}

/// Applies a node's actions to the state (and, with `auto_fulfill`, the fulfils they trigger);
/// returns the bad-state label if any.
fn apply(
    s: &mut State,
    from: Side,
    acts: Vec<Action>,
    f: &mut Findings,
    fulfill: Option<Ctx<'_>>,
) -> Option<String> {
    let mut bad = None;
    let mut incoming = Vec::new();
    for a in acts {
        match a {
            Action::Send(b) => s.links.get_mut(from.other()).push_back(b),
            Action::Violation { holder, reason, .. } => {
                bad.get_or_insert(format!(
                    "force_close: {} commitment breaks {}'s {} policy",
                    holder.name(),
                    from.name(),
                    reason.name()
                ));
            }
            Action::ProtocolError(e) => {
                bad.get_or_insert(format!("protocol_error: {e}"));
            }
            Action::NackSent { .. } => f.nacks += 1,
            Action::Refused { .. } => f.refusals += 1,
            Action::Incoming { id } => incoming.push(id),
            _ => {}
        }
    }
    if let Some(ctx) = fulfill {
        for id in incoming {
            let acts = s.peers.get_mut(from).push_work(ctx, Work::Fulfill { id, tag: 0 });
            let b = apply(s, from, acts, f, Some(ctx));
            bad = bad.or(b);
        }
    }
    bad
}

fn fingerprint(s: &State) -> u64 {
    let mut h = DefaultHasher::new();
    s.hash(&mut h);
    h.finish()
}

fn label(s: &State, to: Side) -> String {
    let what = s.links.get(to).front().and_then(|b| Msg::decode(b).ok()).map_or("?", |m| m.name());
    format!("{} -> {}: {what}", to.other().name(), to.name())
}

/// Explores one protocol.
pub fn explore_mode(cfg: &ExploreConfig, mode: Mode) -> Value {
    let ch = &cfg.channel;
    let ctx = |side: Side| Ctx { params: &ch.params, policy: ch.policies.get(side), mode };
    let ff = |side: Side| if cfg.auto_fulfill { Some(ctx(side)) } else { None };
    let bal = ch.balances_msat();
    let init = State {
        peers: Pair::new(
            Peer::new(Side::A, bal, ch.feerate_per_kw),
            Peer::new(Side::B, bal, ch.feerate_per_kw),
        ),
        links: Pair::default(),
        next: Pair::default(),
        connected: true,
        disconnects: 0,
    };
    let mut f = Findings::default();
    let mut seen: HashSet<u64> = HashSet::new();
    let mut stack: Vec<(State, u32, Option<Rc<Trace>>)> = vec![(init, 0, None)];
    let mut truncated = false;
    while let Some((s, depth, trace)) = stack.pop() {
        if !seen.insert(fingerprint(&s)) {
            continue;
        }
        f.states += 1;
        f.max_depth = f.max_depth.max(depth);
        if f.states >= cfg.max_states {
            truncated = true;
            break;
        }
        if depth >= cfg.max_depth {
            f.depth_cut += 1;
            continue;
        }
        let mut succ: Vec<(State, String, Option<String>)> = Vec::new();
        for side in [Side::A, Side::B] {
            if !s.links.get(side).is_empty() {
                let mut n = s.clone();
                let step = label(&n, side);
                if let Some(bytes) = n.links.get_mut(side).pop_front() {
                    let acts = n.peers.get_mut(side).handle(ctx(side), &bytes);
                    let bad = apply(&mut n, side, acts, &mut f, ff(side));
                    succ.push((n, step, bad));
                }
            }
            let i = *s.next.get(side);
            if let Some(w) = cfg.scripts.get(side).get(i) {
                let mut n = s.clone();
                *n.next.get_mut(side) += 1;
                let acts = n.peers.get_mut(side).push_work(ctx(side), w.clone());
                let bad = apply(&mut n, side, acts, &mut f, ff(side));
                succ.push((n, format!("{}: starts {w:?}", side.name()), bad));
            }
        }
        if s.connected && s.disconnects < cfg.disconnects {
            let mut n = s.clone();
            n.disconnects += 1;
            n.links = Pair::default();
            let mut bad = None;
            for side in [Side::A, Side::B] {
                n.peers.get_mut(side).disconnect();
            }
            for side in [Side::A, Side::B] {
                let acts = n.peers.get_mut(side).connect();
                bad = bad.or(apply(&mut n, side, acts, &mut f, ff(side)));
            }
            succ.push((n, "disconnect + reconnect".into(), bad));
        }
        if succ.is_empty() {
            f.terminal += 1;
            let mut problems = compare(&s.peers.a, &s.peers.b);
            if !problems.is_empty() {
                problems.insert(0, "end state: nodes disagree or work is stuck".into());
                record(&mut f, &problems.join("; "), trace.as_ref());
            }
            continue;
        }
        for (n, step, bad) in succ {
            f.transitions += 1;
            let t = Some(Rc::new(Trace { step, parent: trace.clone() }));
            if let Some(b) = bad {
                // The node would close the channel here: record, do not expand.
                if seen.insert(fingerprint(&n)) {
                    f.states += 1;
                    record(&mut f, &b, t.as_ref());
                }
                continue;
            }
            stack.push((n, depth + 1, t));
        }
    }
    let bad_total: u64 = f.bad.values().sum();
    json!({
        "states_explored": f.states,
        "transitions": f.transitions,
        "terminal_states": f.terminal,
        "max_depth_reached": f.max_depth,
        "depth_cut_states": f.depth_cut,
        "truncated_by_max_states": truncated,
        "nacks_seen": f.nacks,
        "local_refusals_seen": f.refusals,
        "bad_states": bad_total,
        "bad_states_by_kind": f.bad,
        "examples": f.examples,
    })
}

fn record(f: &mut Findings, what: &str, trace: Option<&Rc<Trace>>) {
    let kind = what.split(':').next().unwrap_or(what).to_string();
    *f.bad.entry(kind).or_default() += 1;
    if f.examples.len() < 3 && !f.examples.iter().any(|e| e["what"] == what) {
        f.examples.push(json!({ "what": what, "trace": trace_vec(trace) }));
    }
}

/// Explores every configured protocol.
pub fn run(cfg: &ExploreConfig) -> Result<Value> {
    let mut modes = Map::new();
    for &m in &cfg.modes {
        modes.insert(m.name().into(), explore_mode(cfg, m));
    }
    let mut c = Map::new();
    c.insert("mode".into(), super::modes_name(&cfg.modes).into());
    c.insert("script_a".into(), script_text(&cfg.scripts.a).into());
    c.insert("script_b".into(), script_text(&cfg.scripts.b).into());
    c.insert("max_states".into(), cfg.max_states.into());
    c.insert("max_depth".into(), cfg.max_depth.into());
    c.insert("disconnects".into(), cfg.disconnects.into());
    c.insert("auto_fulfill".into(), cfg.auto_fulfill.into());
    cfg.channel.to_json(&mut c);
    Ok(json!({ "config": c, "modes": modes }))
}

fn script_text(w: &[Work]) -> String {
    w.iter()
        .map(|w| match w {
            Work::Add { amount_msat, .. } => format!("add:{}", amount_msat / 1000),
            Work::Fee { feerate_per_kw, .. } => format!("fee:{feerate_per_kw}"),
            Work::Fulfill { id, .. } => format!("fulfill:{id}"),
        })
        .collect::<Vec<_>>()
        .join(",")
}
