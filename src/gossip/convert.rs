//! A BOLT 7 (v1) graph re-encoded as gossip v2 messages (taproot gossip, bolts PR #1059:
//! "The `channel_announcement_2` Message", "The `channel_update_2` Message" and its "TLV
//! Defaults", "The `node_announcement_2` Message"), with synthetic deterministic keys, to
//! measure what v2 costs on the wire.
//!
//! What is taken from v1: every `channel_announcement` (first one per short_channel_id), the
//! latest `channel_update` per direction of an announced channel, and the latest
//! `node_announcement` per node. Keys: each v1 node id gets a synthetic v2 node key, each
//! channel two synthetic bitcoin keys ([`synthetic_secret`]); announcements are signed by the
//! 4-of-4 MuSig2 key of the four, updates and node announcements by the node key (BIP-340 over
//! `MsgHash`, see [`super::v2`]). Unsigned output carries an all-zero signature record so
//! sizes are those of signed messages.
//!
//! Mappings (v1 → v2):
//! - `timestamp` → `block_height` by [`block_height`]: block 800,000 at 1,690,168,629
//!   (2023-07-24 03:17:09 UTC) and one block per 600 s, floored, at least 0. An approximation
//!   that keeps order (two updates in one 10-minute window share a height).
//! - `channel_update` `disable` bit → `disable_flags` = incoming | outgoing (6, "peer
//!   offline"); `direction` 1 → `second_peer`.
//! - Fields equal to their "TLV Defaults" are omitted: mainnet `chain_hash`, `disable_flags`
//!   0, `cltv_expiry_delta` 80, `htlc_minimum_msat` 1, `fee_base_msat` 1000,
//!   `fee_proportional_millionths` 1, and `htlc_maximum_msat` equal to floor(capacity / 2)
//!   (capacity in msat).
//! - `capacity_satoshis`: the store's or snapshot's amount, else the larger
//!   `htlc_maximum_msat` of the channel's updates rounded up to a satoshi (counted).
//! - `node_announcement` → features, `color` (left out when 000000), `block_height`, `alias`
//!   (up to the first NUL, invalid UTF-8 replaced, at most 32 bytes), `node_id`, IPv4, IPv6
//!   and DNS addresses. Tor v3 addresses are left out (counted): v1 carries 35 raw bytes, the
//!   PR's `tor_v3_addr` is 35 UTF-8 characters. Tor v2 addresses are obsolete and left out.

use std::collections::HashMap;

use bitcoin::secp256k1::{PublicKey, Secp256k1, SecretKey, SignOnly};
use serde_json::{json, Value};

use super::msg::{self, ChannelUpdate, Gossip, NodeAnnouncement, NodeId};
use super::v2::{self, Digest, SIGNATURE_TYPE};
use crate::crypto::schnorr::tagged_hash;
use crate::encoding::tlv::write_record;
use crate::error::{Error, Result};

/// Anchor of [`block_height`]: block 800,000 was mined at this unix time.
pub const ANCHOR_TIME: u32 = 1_690_168_629;
/// Height of the anchor block.
pub const ANCHOR_HEIGHT: u32 = 800_000;

/// The block height standing in for a v1 `timestamp` (see the module doc).
pub fn block_height(timestamp: u32) -> u32 {
    let d = i64::from(timestamp) - i64::from(ANCHOR_TIME);
    let h = i64::from(ANCHOR_HEIGHT) + d.div_euclid(600);
    u32::try_from(h.max(0)).unwrap_or(u32::MAX)
}

/// A deterministic secret key: the first valid `tagged_hash("lnkit/gossip-v2/convert", role ‖
/// data ‖ counter)`.
pub fn synthetic_secret(role: &str, data: &[u8]) -> Result<[u8; 32]> {
    for ctr in 0u8..=255 {
        let h = tagged_hash("lnkit/gossip-v2/convert", &[role.as_bytes(), data, &[ctr]]);
        if SecretKey::from_slice(&h).is_ok() {
            return Ok(h);
        }
    }
    Err(Error::invalid("no valid synthetic key"))
}

/// Byte counts of one message kind.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Bytes {
    /// Messages.
    pub count: usize,
    /// Their v1 size (whole messages, type included, as received).
    pub v1: u64,
    /// Their v2 size.
    pub v2: u64,
}

impl Bytes {
    fn add(&mut self, v1: usize, v2: usize) {
        self.count += 1;
        self.v1 += v1 as u64;
        self.v2 += v2 as u64;
    }

    fn plus(self, o: Bytes) -> Bytes {
        Bytes { count: self.count + o.count, v1: self.v1 + o.v1, v2: self.v2 + o.v2 }
    }

    fn to_json(self, channels: usize) -> Value {
        let per = |b: u64| {
            if channels == 0 {
                Value::Null
            } else {
                json!((b as f64 / channels as f64 * 100.0).round() / 100.0)
            }
        };
        let mean = |b: u64| {
            if self.count == 0 {
                Value::Null
            } else {
                json!((b as f64 / self.count as f64 * 100.0).round() / 100.0)
            }
        };
        json!({
            "count": self.count,
            "v1_bytes": self.v1,
            "v2_bytes": self.v2,
            "v1_per_channel": per(self.v1),
            "v2_per_channel": per(self.v2),
            "v1_per_message": mean(self.v1),
            "v2_per_message": mean(self.v2),
        })
    }
}

/// What [`convert`] did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    /// Channels converted (announced ones).
    pub channels: usize,
    /// `channel_announcement` → `channel_announcement_2`.
    pub announcements: Bytes,
    /// `channel_update` → `channel_update_2`.
    pub updates: Bytes,
    /// `node_announcement` → `node_announcement_2`.
    pub node_announcements: Bytes,
    /// v1 messages given.
    pub input_messages: usize,
    /// Updates of channels without an announcement in the input (not converted).
    pub updates_without_announcement: usize,
    /// Older updates / node announcements and repeated announcements (not converted).
    pub superseded: usize,
    /// Messages that are not broadcast gossip or do not parse.
    pub skipped: usize,
    /// Capacities taken from `htlc_maximum_msat` (no amount record).
    pub capacity_from_htlc_max: usize,
    /// Announced channels with neither an amount nor an update (left out).
    pub without_capacity: usize,
    /// Tor v3 addresses left out.
    pub tor_v3_dropped: usize,
    /// Signed (or zero signature records).
    pub signed: bool,
}

impl Report {
    /// Total of the three kinds.
    pub fn total(&self) -> Bytes {
        self.announcements.plus(self.updates).plus(self.node_announcements)
    }

    /// JSON: per kind and in total, bytes and bytes per channel, v1 vs v2.
    pub fn to_json(&self) -> Value {
        let total = self.total();
        let saved = if total.v1 == 0 {
            Value::Null
        } else {
            let s = (total.v1 as f64 - total.v2 as f64) / total.v1 as f64 * 100.0;
            json!((s * 100.0).round() / 100.0)
        };
        json!({
            "channels": self.channels,
            "signed": self.signed,
            "bytes": {
                "channel_announcement": self.announcements.to_json(self.channels),
                "channel_update": self.updates.to_json(self.channels),
                "node_announcement": self.node_announcements.to_json(self.channels),
                "total": total.to_json(self.channels),
            },
            "v2_saves_percent": saved,
            "input": {
                "messages": self.input_messages,
                "superseded": self.superseded,
                "skipped": self.skipped,
                "updates_without_announcement": self.updates_without_announcement,
            },
            "capacity_from_htlc_maximum_msat": self.capacity_from_htlc_max,
            "left_out": {
                "channels_without_capacity": self.without_capacity,
                "tor_v3_addresses": self.tor_v3_dropped,
            },
            "block_height_mapping": format!(
                "{ANCHOR_HEIGHT} + floor((timestamp - {ANCHOR_TIME}) / 600), at least 0"
            ),
        })
    }
}

/// Settings of [`convert`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// Sign (MuSig2 4-of-4 for announcements); else zero signature records.
    pub sign: bool,
    /// `MsgHash` construction.
    pub digest: Digest,
    /// Worker threads for keys and signatures (at least 1).
    pub threads: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options { sign: true, digest: Digest::Lnd, threads: 1 }
    }
}

/// The converted graph: v2 messages in dependency order (each channel's announcement, then
/// its updates; node announcements last) and the report.
#[derive(Debug, Clone, Default)]
pub struct Converted {
    /// Whole v2 messages (type included).
    pub messages: Vec<Vec<u8>>,
    /// Byte counts and what was left out.
    pub report: Report,
}

/// One channel to convert.
struct Plan {
    scid: u64,
    ann_len: usize,
    node_ids: [NodeId; 2],
    capacity_sat: u64,
    updates: [Option<(ChannelUpdate, usize)>; 2],
}

/// Converts v1 messages; `capacities` maps short_channel_ids to satoshis (gossip_store amount
/// records, snapshots).
pub fn convert<S: std::hash::BuildHasher>(
    v1: &[&[u8]],
    capacities: &HashMap<u64, u64, S>,
    opts: &Options,
) -> Result<Converted> {
    let mut report = Report { input_messages: v1.len(), signed: opts.sign, ..Report::default() };
    let mut anns: HashMap<u64, (NodeId, NodeId, usize)> = HashMap::new();
    let mut order: Vec<u64> = Vec::new();
    let mut upds: HashMap<(u64, u8), (ChannelUpdate, usize)> = HashMap::new();
    let mut nodes: HashMap<NodeId, (NodeAnnouncement, usize)> = HashMap::new();
    let mut node_order: Vec<NodeId> = Vec::new();
    for raw in v1 {
        match msg::parse(raw) {
            Ok(Gossip::ChannelAnnouncement(a)) => {
                if let std::collections::hash_map::Entry::Vacant(e) = anns.entry(a.scid.0) {
                    e.insert((a.node_ids[0], a.node_ids[1], raw.len()));
                    order.push(a.scid.0);
                } else {
                    report.superseded += 1;
                }
            }
            Ok(Gossip::ChannelUpdate(u)) => match upds.get(&(u.scid.0, u.direction())) {
                Some((old, _)) if old.timestamp >= u.timestamp => report.superseded += 1,
                Some(_) => {
                    report.superseded += 1;
                    upds.insert((u.scid.0, u.direction()), (u, raw.len()));
                }
                None => {
                    upds.insert((u.scid.0, u.direction()), (u, raw.len()));
                }
            },
            Ok(Gossip::NodeAnnouncement(n)) => match nodes.get(&n.node_id) {
                Some((old, _)) if old.timestamp >= n.timestamp => report.superseded += 1,
                Some(_) => {
                    report.superseded += 1;
                    nodes.insert(n.node_id, (n, raw.len()));
                }
                None => {
                    node_order.push(n.node_id);
                    nodes.insert(n.node_id, (n, raw.len()));
                }
            },
            Err(_) => report.skipped += 1,
        }
    }
    report.updates_without_announcement =
        upds.keys().filter(|(scid, _)| !anns.contains_key(scid)).count();
    let mut plans = Vec::with_capacity(order.len());
    for scid in order {
        let Some(&(n1, n2, ann_len)) = anns.get(&scid) else { continue };
        let updates = [upds.remove(&(scid, 0)), upds.remove(&(scid, 1))];
        let capacity_sat = if let Some(&c) = capacities.get(&scid) {
            c
        } else {
            let m = updates.iter().flatten().map(|(u, _)| u.htlc_maximum_msat).max();
            match m {
                Some(msat) if msat > 0 => {
                    report.capacity_from_htlc_max += 1;
                    msat.div_ceil(1000)
                }
                _ => {
                    report.without_capacity += 1;
                    continue;
                }
            }
        };
        plans.push(Plan { scid, ann_len, node_ids: [n1, n2], capacity_sat, updates });
    }
    let node_list: Vec<(NodeAnnouncement, usize)> =
        node_order.iter().filter_map(|id| nodes.remove(id)).collect();
    let threads = opts.threads.clamp(1, 256);
    let work = |plans: &[Plan], nodes: &[(NodeAnnouncement, usize)]| -> Result<Part> {
        let mut w = Worker::new(opts);
        for p in plans {
            w.channel(p)?;
        }
        for (n, len) in nodes {
            w.node(n, *len)?;
        }
        Ok(w.part)
    };
    let pc = plans.len().div_ceil(threads).max(1);
    let nc = node_list.len().div_ceil(threads).max(1);
    let parts: Vec<Result<Part>> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..threads)
            .map(|t| {
                let p = plans.get((t * pc).min(plans.len())..((t + 1) * pc).min(plans.len()));
                let n = node_list
                    .get((t * nc).min(node_list.len())..((t + 1) * nc).min(node_list.len()));
                let (p, n) = (p.unwrap_or(&[]), n.unwrap_or(&[]));
                s.spawn(move || work(p, n))
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_else(|_| Err(Error::invalid("a worker failed"))))
            .collect()
    });
    let mut channel_msgs = Vec::new();
    let mut node_msgs = Vec::new();
    for part in parts {
        let part = part?;
        channel_msgs.extend(part.channel_msgs);
        node_msgs.extend(part.node_msgs);
        report.announcements = report.announcements.plus(part.announcements);
        report.updates = report.updates.plus(part.updates);
        report.node_announcements = report.node_announcements.plus(part.node_announcements);
        report.tor_v3_dropped += part.tor_v3_dropped;
    }
    report.channels = report.announcements.count;
    channel_msgs.extend(node_msgs);
    Ok(Converted { messages: channel_msgs, report })
}

#[derive(Default)]
struct Part {
    channel_msgs: Vec<Vec<u8>>,
    node_msgs: Vec<Vec<u8>>,
    announcements: Bytes,
    updates: Bytes,
    node_announcements: Bytes,
    tor_v3_dropped: usize,
}

/// One thread's keys (cached per v1 node) and output.
struct Worker<'o> {
    secp: Secp256k1<SignOnly>,
    keys: HashMap<NodeId, ([u8; 32], [u8; 33])>,
    opts: &'o Options,
    part: Part,
}

impl<'o> Worker<'o> {
    fn new(opts: &'o Options) -> Self {
        Worker {
            secp: Secp256k1::signing_only(),
            keys: HashMap::new(),
            opts,
            part: Part::default(),
        }
    }

    fn key(&mut self, role: &str, data: &[u8]) -> Result<([u8; 32], [u8; 33])> {
        let sk = synthetic_secret(role, data)?;
        let k = SecretKey::from_slice(&sk).map_err(|_| Error::invalid("synthetic key"))?;
        Ok((sk, PublicKey::from_secret_key(&self.secp, &k).serialize()))
    }

    fn node_key(&mut self, id: &NodeId) -> Result<([u8; 32], [u8; 33])> {
        if let Some(k) = self.keys.get(id) {
            return Ok(*k);
        }
        let k = self.key("node", id)?;
        self.keys.insert(*id, k);
        Ok(k)
    }

    /// Appends the signature record (zeros when not signing) and signs.
    fn finish(&self, mut m: Vec<u8>, secrets: &[[u8; 32]]) -> Result<Vec<u8>> {
        write_record(&mut m, SIGNATURE_TYPE, &[0u8; 64]);
        if !self.opts.sign {
            return Ok(m);
        }
        match secrets {
            [one] => v2::sign_single(&m, one, self.opts.digest),
            many => v2::sign_musig_local(&m, many, self.opts.digest),
        }
    }

    fn channel(&mut self, p: &Plan) -> Result<()> {
        let n1 = self.node_key(&p.node_ids[0])?;
        let n2 = self.node_key(&p.node_ids[1])?;
        let b1 = self.key("bitcoin_key_1", &p.scid.to_be_bytes())?;
        let b2 = self.key("bitcoin_key_2", &p.scid.to_be_bytes())?;
        // v2 keys must keep node_id_1 < node_id_2 as v1 does: swap when the synthetic keys
        // sort the other way, and flip the updates' second_peer with them.
        let swap = n1.1 > n2.1;
        let (k1, k2) = if swap { (n2, n1) } else { (n1, n2) };
        let mut m = 267u16.to_be_bytes().to_vec();
        write_record(&mut m, 4, &p.scid.to_be_bytes());
        write_record(&mut m, 6, &p.capacity_sat.to_be_bytes());
        write_record(&mut m, 8, &k1.1);
        write_record(&mut m, 10, &k2.1);
        write_record(&mut m, 12, &b1.1);
        write_record(&mut m, 14, &b2.1);
        let m = self.finish(m, &[k1.0, k2.0, b1.0, b2.0])?;
        self.part.announcements.add(p.ann_len, m.len());
        self.part.channel_msgs.push(m);
        for (u, len) in p.updates.iter().flatten() {
            let second = (u.direction() == 1) != swap;
            let signer = if second { k2.0 } else { k1.0 };
            let m = self.finish(update_2(u, p.scid, second, p.capacity_sat), &[signer])?;
            self.part.updates.add(*len, m.len());
            self.part.channel_msgs.push(m);
        }
        Ok(())
    }

    fn node(&mut self, n: &NodeAnnouncement, len: usize) -> Result<()> {
        let k = self.node_key(&n.node_id)?;
        let mut m = 269u16.to_be_bytes().to_vec();
        let features: &[u8] = {
            let lead = n.features.iter().take_while(|&&b| b == 0).count();
            n.features.get(lead..).unwrap_or(&[])
        };
        if !features.is_empty() {
            write_record(&mut m, 0, features);
        }
        if n.rgb_color != [0; 3] {
            write_record(&mut m, 1, &n.rgb_color);
        }
        write_record(&mut m, 2, &block_height(n.timestamp).to_be_bytes());
        let alias = alias_utf8(&n.alias);
        if !alias.is_empty() {
            write_record(&mut m, 3, alias.as_bytes());
        }
        write_record(&mut m, 4, &k.1);
        let (lists, tor) = addresses(&n.addresses);
        self.part.tor_v3_dropped += tor;
        for (ty, v) in [(5u64, &lists[0]), (7, &lists[1]), (11, &lists[2])] {
            if !v.is_empty() {
                write_record(&mut m, ty, v);
            }
        }
        let m = self.finish(m, &[k.0])?;
        self.part.node_announcements.add(len, m.len());
        self.part.node_msgs.push(m);
        Ok(())
    }
}

/// `channel_update_2` without its signature record, defaults omitted.
fn update_2(u: &ChannelUpdate, scid: u64, second_peer: bool, capacity_sat: u64) -> Vec<u8> {
    let mut m = 271u16.to_be_bytes().to_vec();
    if u.chain_hash != crate::network::chain_hash(bitcoin::Network::Bitcoin) {
        write_record(&mut m, 0, &u.chain_hash);
    }
    write_record(&mut m, 2, &scid.to_be_bytes());
    write_record(&mut m, 4, &block_height(u.timestamp).to_be_bytes());
    if u.disabled() {
        write_record(&mut m, 6, &[6]);
    }
    if second_peer {
        write_record(&mut m, 8, &[]);
    }
    if u.cltv_expiry_delta != 80 {
        write_record(&mut m, 10, &u.cltv_expiry_delta.to_be_bytes());
    }
    if u.htlc_minimum_msat != 1 {
        write_record(&mut m, 12, &u.htlc_minimum_msat.to_be_bytes());
    }
    if u.htlc_maximum_msat != capacity_sat.saturating_mul(1000) / 2 {
        write_record(&mut m, 14, &u.htlc_maximum_msat.to_be_bytes());
    }
    if u.fee_base_msat != 1000 {
        write_record(&mut m, 16, &u.fee_base_msat.to_be_bytes());
    }
    if u.fee_proportional_millionths != 1 {
        write_record(&mut m, 18, &u.fee_proportional_millionths.to_be_bytes());
    }
    m
}

/// The alias up to its first NUL as UTF-8 of at most 32 bytes.
fn alias_utf8(a: &[u8; 32]) -> String {
    let end = a.iter().position(|&c| c == 0).unwrap_or(32);
    let s = String::from_utf8_lossy(a.get(..end).unwrap_or(&[])).into_owned();
    let mut out = String::new();
    for c in s.chars() {
        if out.len() + c.len_utf8() > 32 {
            break;
        }
        out.push(c);
    }
    out
}

/// v1 address descriptors → the v2 IPv4, IPv6 and DNS lists, and the number of Tor v3
/// addresses left out. Stops at an unknown or damaged descriptor (BOLT 7: ignore the rest).
fn addresses(raw: &[u8]) -> ([Vec<u8>; 3], usize) {
    let (mut v4, mut v6, mut dns) = (Vec::new(), Vec::new(), Vec::new());
    let mut tor = 0;
    let mut r = crate::encoding::Reader::new(raw);
    while let Ok(ty) = r.u8() {
        let ok = match ty {
            1 => r.bytes(6).map(|b| v4.extend_from_slice(b)),
            2 => r.bytes(18).map(|b| v6.extend_from_slice(b)),
            3 => r.bytes(12).map(drop),
            4 => r.bytes(37).map(|_| tor += 1),
            5 => r.u8().and_then(|n| r.bytes(usize::from(n) + 2)).map(|b| {
                let n = b.len().saturating_sub(2);
                dns.extend_from_slice(&(n as u16).to_be_bytes());
                dns.extend_from_slice(b);
            }),
            _ => break,
        };
        if ok.is_err() {
            break;
        }
    }
    ([v4, v6, dns], tor)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn block_heights() {
        assert_eq!(block_height(ANCHOR_TIME), 800_000);
        assert_eq!(block_height(ANCHOR_TIME + 599), 800_000);
        assert_eq!(block_height(ANCHOR_TIME + 600), 800_001);
        assert_eq!(block_height(ANCHOR_TIME - 1), 799_999);
        assert_eq!(block_height(0), 0);
    }
}
