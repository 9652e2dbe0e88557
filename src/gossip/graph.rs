//! The channel graph built from BOLT 7 gossip: channels from `channel_announcement`, the latest
//! `channel_update` per direction ("timestamp greater than the last one", older ones ignored),
//! nodes and their `node_announcement`, and the "Pruning the Network View" rule: a
//! half-channel is *stale* when its latest update is older than two weeks (1,209,600 s); a
//! channel MAY be pruned when either direction is stale or has no update ([`Graph::stats`]
//! counts these as `stale`), and is a *zombie* when both are (lnd's default pruning rule).
//! [`diff`] compares two views: channels each side lacks, fresher updates, and zombies that the
//! other side's fresh updates can resurrect (the 2024 summit's resync lesson).
//!
//! <https://github.com/lightning/bolts/blob/master/07-routing-gossip.md#pruning-the-network-view>

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use serde_json::{json, Map, Value};

use super::gossmap::Snapshot;
use super::msg::{self, ChannelUpdate, Gossip, NodeAnnouncement, NodeId};

/// What the graph keeps of a `channel_update`: the policy and its timestamp (no signature, no
/// chain hash, no trailing data: 32 bytes instead of ~140, since the graph is built after
/// verification).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Policy {
    /// `timestamp`
    pub timestamp: u32,
    /// `message_flags`
    pub message_flags: u8,
    /// `channel_flags`
    pub channel_flags: u8,
    /// `cltv_expiry_delta`
    pub cltv_expiry_delta: u16,
    /// `htlc_minimum_msat`
    pub htlc_minimum_msat: u64,
    /// `fee_base_msat`
    pub fee_base_msat: u32,
    /// `fee_proportional_millionths`
    pub fee_proportional_millionths: u32,
    /// `htlc_maximum_msat`
    pub htlc_maximum_msat: u64,
}

impl Policy {
    /// `direction` bit: 0 = from `node_id_1`.
    pub fn direction(&self) -> u8 {
        self.channel_flags & 1
    }

    /// `disable` bit.
    pub fn disabled(&self) -> bool {
        self.channel_flags & 2 != 0
    }

    /// `dont_forward` bit.
    pub fn dont_forward(&self) -> bool {
        self.message_flags & 2 != 0
    }
}

impl From<&ChannelUpdate> for Policy {
    fn from(u: &ChannelUpdate) -> Self {
        Policy {
            timestamp: u.timestamp,
            message_flags: u.message_flags,
            channel_flags: u.channel_flags,
            cltv_expiry_delta: u.cltv_expiry_delta,
            htlc_minimum_msat: u.htlc_minimum_msat,
            fee_base_msat: u.fee_base_msat,
            fee_proportional_millionths: u.fee_proportional_millionths,
            htlc_maximum_msat: u.htlc_maximum_msat,
        }
    }
}

/// What the graph keeps of a `node_announcement` (features and addresses are left in the
/// message; the graph's outputs do not use them).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Node {
    /// `timestamp`
    pub timestamp: u32,
    /// `rgb_color`
    pub rgb_color: [u8; 3],
    /// `alias` (32 bytes, NUL padded).
    pub alias: [u8; 32],
}

impl Node {
    /// The alias as text up to the first NUL (invalid UTF-8 replaced).
    pub fn alias_text(&self) -> String {
        let end = self.alias.iter().position(|&c| c == 0).unwrap_or(32);
        String::from_utf8_lossy(self.alias.get(..end).unwrap_or(&[])).into_owned()
    }
}

impl From<&NodeAnnouncement> for Node {
    fn from(n: &NodeAnnouncement) -> Self {
        Node { timestamp: n.timestamp, rgb_color: n.rgb_color, alias: n.alias }
    }
}
use super::STALE_AFTER_SECS;
use crate::types::ShortChannelId;

/// BOLT 7: blocks to wait after a funding spend before forgetting the channel.
pub const SPENT_GRACE_BLOCKS: u64 = 72;

/// Parses a chain-source file of spent channels: one `SCID HEIGHT` per line (`BxTxO` or a
/// decimal scid, and the spending block's height); `#` starts a comment.
pub fn parse_spent(text: &str) -> crate::Result<Vec<(u64, u32)>> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        let bad =
            || crate::Error::syntax(format!("spent file line {}: expected SCID HEIGHT", i + 1));
        let mut parts = line.split_whitespace();
        let scid: ShortChannelId = parts.next().ok_or_else(bad)?.parse().map_err(|_| bad())?;
        let height: u32 = parts.next().ok_or_else(bad)?.parse().map_err(|_| bad())?;
        if parts.next().is_some() {
            return Err(bad());
        }
        out.push((scid.0, height));
    }
    Ok(out)
}

/// One channel (or, without `node_ids`, a short_channel_id seen only in updates).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Channel {
    /// `node_id_1`, `node_id_2` from the announcement.
    pub node_ids: Option<[NodeId; 2]>,
    /// Capacity in satoshi when a source gives it (gossip_store, snapshot).
    pub capacity_sat: Option<u64>,
    /// Latest update per direction.
    pub updates: [Option<Policy>; 2],
}

/// Freshness of one direction at a given time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Freshness {
    /// No update.
    Missing,
    /// Latest update older than two weeks.
    Stale,
    /// Within two weeks (or in the future).
    Fresh,
}

/// Freshness of an optional update at `now`.
pub fn freshness(u: Option<&Policy>, now: u64) -> Freshness {
    match u {
        None => Freshness::Missing,
        Some(u) if u64::from(u.timestamp).saturating_add(STALE_AFTER_SECS) < now => {
            Freshness::Stale
        }
        Some(_) => Freshness::Fresh,
    }
}

impl Channel {
    /// BOLT 7: prunable when either direction is stale or has no update.
    pub fn is_stale(&self, now: u64) -> bool {
        self.updates.iter().any(|u| freshness(u.as_ref(), now) != Freshness::Fresh)
    }

    /// Zombie: neither direction fresh.
    pub fn is_zombie(&self, now: u64) -> bool {
        self.updates.iter().all(|u| freshness(u.as_ref(), now) != Freshness::Fresh)
    }
}

/// A graph view.
#[derive(Debug, Clone, Default)]
pub struct Graph {
    /// Channels by short_channel_id.
    pub channels: BTreeMap<u64, Channel>,
    /// Latest node_announcement per node.
    pub nodes: BTreeMap<NodeId, Node>,
    /// Only messages with a timestamp at or before this are taken (`--at`).
    pub at: Option<u32>,
    /// Messages that were older than (or as old as) what the graph holds.
    pub superseded: usize,
    /// Messages skipped because they are dated after `at`.
    pub after_at: usize,
    /// Messages that are not broadcast gossip or do not parse.
    pub skipped: usize,
}

impl Graph {
    /// An empty graph; with `at`, newer messages are ignored.
    pub fn new(at: Option<u32>) -> Self {
        Graph { at, ..Graph::default() }
    }

    /// Adds one whole message (type included). Non-gossip or unparsable messages are counted
    /// in `skipped` and otherwise ignored (the graph is a best-effort view; verify separately).
    pub fn add(&mut self, raw: &[u8]) {
        match msg::parse(raw) {
            Ok(g) => self.add_parsed(g),
            Err(_) => self.skipped += 1,
        }
    }

    /// Adds a parsed message.
    pub fn add_parsed(&mut self, g: Gossip) {
        match g {
            Gossip::ChannelAnnouncement(a) => {
                self.channels.entry(a.scid.0).or_default().node_ids = Some(a.node_ids);
            }
            Gossip::NodeAnnouncement(n) => {
                if self.at.is_some_and(|t| n.timestamp > t) {
                    self.after_at += 1;
                    return;
                }
                match self.nodes.get(&n.node_id) {
                    Some(old) if old.timestamp >= n.timestamp => self.superseded += 1,
                    _ => {
                        self.nodes.insert(n.node_id, Node::from(&n));
                    }
                }
            }
            Gossip::ChannelUpdate(u) => {
                if self.at.is_some_and(|t| u.timestamp > t) {
                    self.after_at += 1;
                    return;
                }
                let c = self.channels.entry(u.scid.0).or_default();
                let slot = if u.direction() == 0 { &mut c.updates[0] } else { &mut c.updates[1] };
                match slot {
                    Some(old) if old.timestamp >= u.timestamp => self.superseded += 1,
                    _ => *slot = Some(Policy::from(&u)),
                }
            }
        }
    }

    /// BOLT 7: a channel whose funding output was spent is forgotten 72 blocks after the spend
    /// (the delay lets a splice's new announcement propagate). `spent` gives, from a chain source,
    /// each spent short_channel_id with the height of its spending block; `tip` is the current
    /// height. Returns (forgotten, still within the grace period).
    pub fn forget_spent(&mut self, spent: &[(u64, u32)], tip: u32) -> (usize, usize) {
        let (mut forgotten, mut grace) = (0, 0);
        for &(scid, height) in spent {
            if !self.channels.contains_key(&scid) {
                continue;
            }
            if u64::from(height) + SPENT_GRACE_BLOCKS <= u64::from(tip) {
                self.channels.remove(&scid);
                forgotten += 1;
            } else {
                grace += 1;
            }
        }
        (forgotten, grace)
    }

    /// Records a capacity (e.g. CLN's `gossip_store_channel_amount`).
    pub fn set_capacity(&mut self, scid: u64, sat: u64) {
        self.channels.entry(scid).or_default().capacity_sat = Some(sat);
    }

    /// A graph from a GOSSMAP snapshot: synthetic short_channel_ids
    /// ([`super::gossmap::synthetic_scid`]) and node ids (`02` + zeros + the node index), every
    /// update stamped `timestamp`; disabled halves keep their policy with the disable bit.
    pub fn from_snapshot(s: &Snapshot, timestamp: u32) -> Graph {
        let mut g = Graph::new(None);
        for (i, c) in s.channels.iter().enumerate() {
            let scid = super::gossmap::synthetic_scid(i as u64);
            let ids = c.nodes.map(index_node_id);
            let swap = ids[0] > ids[1];
            let mut ch = Channel {
                node_ids: Some(if swap { [ids[1], ids[0]] } else { ids }),
                capacity_sat: Some(c.capacity_sat),
                updates: [None, None],
            };
            for (d, h) in c.half.iter().enumerate() {
                let dir = usize::from((d == 1) != swap);
                let u = Policy {
                    timestamp,
                    message_flags: 1,
                    channel_flags: dir as u8 | if h.disabled { 2 } else { 0 },
                    cltv_expiry_delta: h.cltv_expiry_delta as u16,
                    htlc_minimum_msat: h.htlc_minimum_msat,
                    fee_base_msat: h.fee_base_msat as u32,
                    fee_proportional_millionths: h.fee_proportional_millionths as u32,
                    htlc_maximum_msat: h.htlc_maximum_msat,
                };
                if let Some(slot) = ch.updates.get_mut(dir) {
                    *slot = Some(u);
                }
            }
            g.channels.insert(scid, ch);
        }
        g
    }

    /// Distinct node ids of announced channels, with their channel counts.
    pub fn degrees(&self) -> BTreeMap<NodeId, u64> {
        let mut d = BTreeMap::new();
        for ids in self.channels.values().filter_map(|c| c.node_ids) {
            for id in ids {
                *d.entry(id).or_insert(0) += 1;
            }
        }
        d
    }

    /// Summary statistics at time `now` (unix seconds).
    pub fn stats(&self, now: u64) -> Value {
        let degrees = self.degrees();
        let mut node_ids: BTreeSet<&NodeId> = degrees.keys().collect();
        node_ids.extend(self.nodes.keys());
        let announced = self.channels.values().filter(|c| c.node_ids.is_some()).count();
        let caps: Vec<u64> = self.channels.values().filter_map(|c| c.capacity_sat).collect();
        let (mut base, mut ppm, mut cltv, mut htlc_max) = (vec![], vec![], vec![], vec![]);
        let (mut with_update, mut disabled, mut stale, mut future, mut dont_forward) =
            (0, 0, 0, 0, 0);
        let (mut stale_ch, mut zombie_ch) = (0, 0);
        for c in self.channels.values() {
            if c.is_stale(now) {
                stale_ch += 1;
            }
            if c.is_zombie(now) {
                zombie_ch += 1;
            }
            for u in c.updates.iter().flatten() {
                with_update += 1;
                if freshness(Some(u), now) == Freshness::Stale {
                    stale += 1;
                }
                if u64::from(u.timestamp) > now {
                    future += 1;
                }
                if u.dont_forward() {
                    dont_forward += 1;
                }
                if u.disabled() {
                    disabled += 1;
                    continue;
                }
                base.push(u64::from(u.fee_base_msat));
                ppm.push(u64::from(u.fee_proportional_millionths));
                cltv.push(u64::from(u.cltv_expiry_delta));
                htlc_max.push(u.htlc_maximum_msat);
            }
        }
        json!({
            "now": now,
            "at": self.at,
            "nodes": node_ids.len(),
            "nodes_with_announcement": self.nodes.len(),
            "channels": self.channels.len(),
            "announced_channels": announced,
            "update_only_channels": self.channels.len() - announced,
            "capacity_sat": if caps.is_empty() { Value::Null } else { caps.iter().sum::<u64>().into() },
            "channels_with_capacity": caps.len(),
            "half_channels": {
                "with_update": with_update,
                "disabled": disabled,
                "stale": stale,
                "future_dated": future,
                "dont_forward": dont_forward,
            },
            "stale_channels": stale_ch,
            "zombie_channels": zombie_ch,
            "degree": dist(degrees.values().copied().collect()),
            "fee_base_msat": dist(base),
            "fee_proportional_millionths": dist(ppm),
            "cltv_expiry_delta": dist(cltv),
            "htlc_maximum_msat": dist(htlc_max),
            "capacity_sat_per_channel": dist(caps),
            "superseded_messages": self.superseded,
            "after_at_messages": self.after_at,
            "skipped_messages": self.skipped,
        })
    }

    /// The whole graph as JSON: nodes and channels with their latest policies.
    pub fn to_json(&self, now: u64) -> Value {
        let degrees = self.degrees();
        let nodes: Vec<Value> = degrees
            .iter()
            .map(|(id, d)| {
                let mut m = Map::new();
                m.insert("node_id".into(), hex::encode(id).into());
                m.insert("channels".into(), (*d).into());
                if let Some(n) = self.nodes.get(id) {
                    m.insert("alias".into(), n.alias_text().into());
                    m.insert("rgb_color".into(), hex::encode(n.rgb_color).into());
                    m.insert("timestamp".into(), n.timestamp.into());
                }
                Value::Object(m)
            })
            .collect();
        let channels: Vec<Value> = self
            .channels
            .iter()
            .map(|(scid, c)| {
                let pol = |u: &Option<Policy>| match u {
                    None => Value::Null,
                    Some(u) => json!({
                        "timestamp": u.timestamp,
                        "disabled": u.disabled(),
                        "stale": freshness(Some(u), now) == Freshness::Stale,
                        "cltv_expiry_delta": u.cltv_expiry_delta,
                        "htlc_minimum_msat": u.htlc_minimum_msat,
                        "htlc_maximum_msat": u.htlc_maximum_msat,
                        "fee_base_msat": u.fee_base_msat,
                        "fee_proportional_millionths": u.fee_proportional_millionths,
                    }),
                };
                json!({
                    "short_channel_id": ShortChannelId(*scid).to_string(),
                    "node_id_1": c.node_ids.map(|i| hex::encode(i[0])),
                    "node_id_2": c.node_ids.map(|i| hex::encode(i[1])),
                    "capacity_sat": c.capacity_sat,
                    "zombie": c.is_zombie(now),
                    "direction_0": pol(&c.updates[0]),
                    "direction_1": pol(&c.updates[1]),
                })
            })
            .collect();
        json!({"nodes": nodes, "channels": channels})
    }

    /// GraphML (nodes with alias, edges per announced channel with scid and capacity).
    pub fn to_graphml(&self) -> String {
        let mut s = String::from(concat!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
            "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n",
            "  <key id=\"alias\" for=\"node\" attr.name=\"alias\" attr.type=\"string\"/>\n",
            "  <key id=\"scid\" for=\"edge\" attr.name=\"short_channel_id\" attr.type=\"string\"/>\n",
            "  <key id=\"capacity\" for=\"edge\" attr.name=\"capacity_sat\" attr.type=\"long\"/>\n",
            "  <graph id=\"lightning\" edgedefault=\"undirected\">\n",
        ));
        for id in self.degrees().keys() {
            let alias = self.nodes.get(id).map(Node::alias_text).unwrap_or_default();
            let _ = writeln!(
                s,
                "    <node id=\"{}\"><data key=\"alias\">{}</data></node>",
                hex::encode(id),
                xml_escape(&alias)
            );
        }
        for (scid, c) in &self.channels {
            let Some([a, b]) = c.node_ids else { continue };
            let _ = write!(
                s,
                "    <edge source=\"{}\" target=\"{}\"><data key=\"scid\">{}</data>",
                hex::encode(a),
                hex::encode(b),
                ShortChannelId(*scid)
            );
            if let Some(cap) = c.capacity_sat {
                let _ = write!(s, "<data key=\"capacity\">{cap}</data>");
            }
            s.push_str("</edge>\n");
        }
        s.push_str("  </graph>\n</graphml>\n");
        s
    }

    /// Graphviz DOT (undirected).
    pub fn to_dot(&self) -> String {
        let mut s = String::from("graph lightning {\n");
        for id in self.degrees().keys() {
            let alias = self.nodes.get(id).map(Node::alias_text).unwrap_or_default();
            let _ = writeln!(s, "  \"{}\" [label=\"{}\"];", hex::encode(id), dot_escape(&alias));
        }
        for (scid, c) in &self.channels {
            let Some([a, b]) = c.node_ids else { continue };
            let _ = writeln!(
                s,
                "  \"{}\" -- \"{}\" [label=\"{}\"];",
                hex::encode(a),
                hex::encode(b),
                ShortChannelId(*scid)
            );
        }
        s.push_str("}\n");
        s
    }
}

/// `02` + zero bytes + the index: a stand-in node id for snapshot node `i` (not a real key).
pub fn index_node_id(i: u64) -> NodeId {
    let mut id = [0u8; 33];
    id[0] = 2;
    if let Some(t) = id.get_mut(25..) {
        t.copy_from_slice(&i.to_be_bytes());
    }
    id
}

fn xml_escape(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_control())
        .map(|c| match c {
            '<' => "&lt;".to_string(),
            '>' => "&gt;".to_string(),
            '&' => "&amp;".to_string(),
            '"' => "&quot;".to_string(),
            c => c.to_string(),
        })
        .collect()
}

fn dot_escape(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_control())
        .flat_map(|c| {
            let esc = matches!(c, '"' | '\\');
            esc.then_some('\\').into_iter().chain(std::iter::once(c))
        })
        .collect()
}

/// `{count, min, p10, median, p90, max, mean}` of a list (nulls when empty).
pub fn dist(mut v: Vec<u64>) -> Value {
    if v.is_empty() {
        return json!({"count": 0});
    }
    v.sort_unstable();
    let q = |p: usize| v.get((v.len() - 1) * p / 100).copied().unwrap_or(0);
    let sum: u128 = v.iter().map(|&x| u128::from(x)).sum();
    json!({
        "count": v.len(),
        "min": q(0),
        "p10": q(10),
        "median": q(50),
        "p90": q(90),
        "max": q(100),
        "mean": (sum as f64 / v.len() as f64 * 100.0).round() / 100.0,
    })
}

/// Compares two graph views at `now`. See the module doc.
pub fn diff(a: &Graph, b: &Graph, now: u64) -> Value {
    let scids = |g: &Graph| g.channels.keys().copied().collect::<BTreeSet<u64>>();
    let (sa, sb) = (scids(a), scids(b));
    let fmt = |s: &u64| Value::from(ShortChannelId(*s).to_string());
    let only_a: Vec<Value> = sa.difference(&sb).map(fmt).collect();
    let only_b: Vec<Value> = sb.difference(&sa).map(fmt).collect();
    let (mut fresher_a, mut fresher_b, mut res_a, mut res_b) = (vec![], vec![], vec![], vec![]);
    for s in sa.intersection(&sb) {
        let (Some(ca), Some(cb)) = (a.channels.get(s), b.channels.get(s)) else { continue };
        for d in 0..2 {
            let ta = ca.updates.get(d).and_then(|u| u.map(|u| u.timestamp));
            let tb = cb.updates.get(d).and_then(|u| u.map(|u| u.timestamp));
            let entry = || json!({"short_channel_id": fmt(s), "direction": d, "a_timestamp": ta, "b_timestamp": tb});
            match (ta, tb) {
                (Some(x), Some(y)) if x > y => fresher_a.push(entry()),
                (Some(x), Some(y)) if y > x => fresher_b.push(entry()),
                (Some(_), None) => fresher_a.push(entry()),
                (None, Some(_)) => fresher_b.push(entry()),
                _ => {}
            }
        }
        // A zombie on one side whose other side has a fresh update comes back to life.
        if ca.is_zombie(now) && !cb.is_zombie(now) {
            res_a.push(fmt(s));
        }
        if cb.is_zombie(now) && !ca.is_zombie(now) {
            res_b.push(fmt(s));
        }
    }
    json!({
        "now": now,
        "summary": {
            "a_channels": sa.len(),
            "b_channels": sb.len(),
            "only_in_a": only_a.len(),
            "only_in_b": only_b.len(),
            "fresher_in_a": fresher_a.len(),
            "fresher_in_b": fresher_b.len(),
            "zombies_in_a_b_resurrects": res_a.len(),
            "zombies_in_b_a_resurrects": res_b.len(),
        },
        "only_in_a": only_a,
        "only_in_b": only_b,
        "fresher_in_a": fresher_a,
        "fresher_in_b": fresher_b,
        "zombies_in_a_b_resurrects": res_a,
        "zombies_in_b_a_resurrects": res_b,
    })
}

/// Builds a graph from whole messages.
pub fn from_messages<'a>(msgs: impl IntoIterator<Item = &'a [u8]>, at: Option<u32>) -> Graph {
    let mut g = Graph::new(at);
    for m in msgs {
        g.add(m);
    }
    g
}
