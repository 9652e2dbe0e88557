//! BOLT 7 signature checks. `channel_announcement`: all four signatures (`node_signature_1/2`
//! by `node_id_1/2`, `bitcoin_signature_1/2` by `bitcoin_key_1/2`) over the double-SHA256 of the
//! message from offset 256 of the payload; `node_announcement`: by its `node_id` over everything
//! after `signature`; `channel_update`: by `node_id_1` or `node_id_2` of the channel's
//! announcement as its `direction` bit says, or by a signer the caller supplies.
//!
//! BOLT 7 (unlike BOLT 2's commitment signatures) does not require low-S, while libsecp256k1
//! rejects high-S: a high-S signature is normalised, verified, and counted (`high_s`).
//!
//! Batch verification deduplicates by message hash first (the same update arrives from many
//! peers) and spreads the signatures over threads with `std::thread::scope`.
//!
//! <https://github.com/lightning/bolts/blob/master/07-routing-gossip.md#the-channel_announcement-message>

use std::collections::{HashMap, HashSet};

use bitcoin::hashes::{sha256, Hash};
use bitcoin::secp256k1::{ecdsa, All, Message, PublicKey, Secp256k1};
use serde_json::{json, Value};

use super::msg::{self, Gossip, NodeId};
use crate::error::{Error, ErrorKind, Result};
use crate::types::ShortChannelId;

/// Who signs each `channel_update` whose announcement is not at hand:
/// `(short_channel_id, direction) → node_id`.
#[derive(Debug, Default, Clone)]
pub struct Signers(pub HashMap<(u64, u8), NodeId>);

impl Signers {
    /// Parses `short_channel_id,direction,signer_node_id` lines (a header line is skipped;
    /// `#` comments and blank lines are ignored).
    pub fn parse_csv(text: &str) -> Result<Self> {
        let mut map = HashMap::new();
        for (i, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') || line.starts_with("short_channel_id") {
                continue;
            }
            let bad = |what: &str| Error::syntax(format!("signers line {}: {what}", i + 1));
            let mut parts = line.split(',');
            let scid: ShortChannelId = parts
                .next()
                .ok_or_else(|| bad("no short_channel_id"))?
                .parse()
                .map_err(|_| bad("bad short_channel_id"))?;
            let dir: u8 = match parts.next().map(str::trim) {
                Some("0") => 0,
                Some("1") => 1,
                _ => return Err(bad("direction must be 0 or 1")),
            };
            let id = hex::decode(parts.next().ok_or_else(|| bad("no signer_node_id"))?.trim())
                .ok()
                .and_then(|b| NodeId::try_from(b.as_slice()).ok())
                .ok_or_else(|| bad("signer_node_id must be 33 bytes of hex"))?;
            map.insert((scid.0, dir), id);
        }
        Ok(Signers(map))
    }

    /// The signer of `(scid, direction)`, if listed.
    pub fn get(&self, scid: ShortChannelId, direction: u8) -> Option<&NodeId> {
        self.0.get(&(scid.0, direction))
    }
}

/// Parsed public keys, so each node key is parsed once (parsing costs ~5 µs).
#[derive(Debug, Default)]
pub struct KeyCache(HashMap<NodeId, Option<PublicKey>>);

impl KeyCache {
    /// The parsed key, or an error if the bytes are not a point.
    pub fn get(&mut self, id: &NodeId) -> Result<PublicKey> {
        let k = *self.0.entry(*id).or_insert_with(|| PublicKey::from_slice(id).ok());
        k.ok_or_else(|| {
            Error::new(ErrorKind::InvalidValue, format!("{} is not a valid point", hex::encode(id)))
        })
    }
}

/// Verifies one compact signature over `hash`; `Ok(true)` when it was high-S (accepted after
/// normalising, see the module doc).
pub fn check_sig(
    secp: &Secp256k1<All>,
    hash: &[u8; 32],
    sig: &[u8; 64],
    key: &PublicKey,
) -> Result<bool> {
    let mut s = ecdsa::Signature::from_compact(sig)
        .map_err(|_| Error::new(ErrorKind::Crypto, "signature is not a valid (r, s) pair"))?;
    let before = s.serialize_compact();
    s.normalize_s();
    let high_s = s.serialize_compact() != before;
    secp.verify_ecdsa(&Message::from_digest(*hash), &s, key)
        .map_err(|_| Error::new(ErrorKind::Crypto, "signature does not verify"))?;
    Ok(high_s)
}

const CA_SIG_NAMES: [&str; 4] =
    ["node_signature_1", "node_signature_2", "bitcoin_signature_1", "bitcoin_signature_2"];

/// Verifies a whole message against the keys it names (channel_announcement,
/// node_announcement) or `update_key` (channel_update). Returns the number of high-S signatures.
pub fn verify_message(
    secp: &Secp256k1<All>,
    raw: &[u8],
    update_key: Option<&NodeId>,
    cache: &mut KeyCache,
) -> Result<usize> {
    let hash = msg::signed_hash(raw)?;
    verify_hashed(secp, raw, &hash, update_key, cache)
}

/// Who signs a job's message.
#[derive(Debug, Clone, Copy)]
enum Signer {
    /// Announcements name their own keys.
    Own,
    /// The node of `direction` in the announcement at this input index.
    Announcement(u32, u8),
    /// From the caller's signer list.
    Listed(NodeId),
}

/// One unique message to verify: compact (no parsed copy is kept between the passes).
#[derive(Debug, Clone, Copy)]
struct Job {
    index: u32,
    hash: [u8; 32],
    signer: Signer,
}

/// What the parallel first pass learns about one message.
struct Pre {
    /// SHA-256 of the whole message (duplicate detection).
    id: [u8; 32],
    /// The signed double-SHA256.
    hash: [u8; 32],
    ty: u16,
    scid: u64,
    direction: u8,
}

fn pre(raw: &[u8]) -> Result<Pre> {
    let hash = msg::signed_hash(raw)?;
    let (ty, scid, direction) = match msg::parse(raw)? {
        Gossip::ChannelAnnouncement(a) => (super::CHANNEL_ANNOUNCEMENT, a.scid.0, 0),
        Gossip::NodeAnnouncement(_) => (super::NODE_ANNOUNCEMENT, 0, 0),
        Gossip::ChannelUpdate(u) => (super::CHANNEL_UPDATE, u.scid.0, u.direction()),
    };
    Ok(Pre { id: sha256::Hash::hash(raw).to_byte_array(), hash, ty, scid, direction })
}

/// Verifies a message whose signed hash is known, against the keys it names or `update_key`.
fn verify_hashed(
    secp: &Secp256k1<All>,
    raw: &[u8],
    hash: &[u8; 32],
    update_key: Option<&NodeId>,
    cache: &mut KeyCache,
) -> Result<usize> {
    let mut high = 0;
    match msg::parse(raw)? {
        Gossip::ChannelAnnouncement(a) => {
            let keys = [a.node_ids[0], a.node_ids[1], a.bitcoin_keys[0], a.bitcoin_keys[1]];
            for ((sig, key), name) in a.signatures.iter().zip(keys.iter()).zip(CA_SIG_NAMES) {
                let k = cache.get(key).map_err(|e| e.within(name))?;
                high += usize::from(check_sig(secp, hash, sig, &k).map_err(|e| e.within(name))?);
            }
        }
        Gossip::NodeAnnouncement(n) => {
            let k = cache.get(&n.node_id).map_err(|e| e.within("node_id"))?;
            high += usize::from(check_sig(secp, hash, &n.signature, &k)?);
        }
        Gossip::ChannelUpdate(u) => {
            let key = update_key.ok_or_else(|| {
                Error::new(ErrorKind::Crypto, format!("no signer known for {}", u.scid))
            })?;
            let k = cache.get(key)?;
            high += usize::from(check_sig(secp, hash, &u.signature, &k)?);
        }
    }
    Ok(high)
}

/// Runs `f` over `0..n` on `threads` scoped threads that take chunks of `chunk` indices from a
/// shared counter (dynamic balancing: announcements cost four verifications, the rest one).
/// Each thread keeps its own state from `init`; results come back with their indices.
fn par_chunks<S, T: Send>(
    n: usize,
    threads: usize,
    chunk: usize,
    init: impl Fn() -> S + Sync,
    f: impl Fn(&mut S, usize) -> T + Sync,
) -> Vec<(usize, T)> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    let next = AtomicUsize::new(0);
    let run = || {
        let mut state = init();
        let mut out = Vec::new();
        loop {
            let start = next.fetch_add(chunk, Ordering::Relaxed);
            if start >= n {
                break;
            }
            for i in start..(start + chunk).min(n) {
                out.push((i, f(&mut state, i)));
            }
        }
        out
    };
    if threads <= 1 {
        return run();
    }
    std::thread::scope(|s| {
        let handles: Vec<_> = (0..threads).map(|_| s.spawn(run)).collect();
        handles.into_iter().flat_map(|h| h.join().unwrap_or_default()).collect()
    })
}

/// Per-type counts of a batch.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct TypeCounts {
    /// Unique messages of the type.
    pub count: usize,
    /// Messages whose every signature verified.
    pub ok: usize,
    /// Messages with a bad signature or key.
    pub failed: usize,
}

/// A message that failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    /// Index in the input list.
    pub index: usize,
    /// The message type (0 if unknown).
    pub ty: u16,
    /// What failed.
    pub error: String,
}

/// The result of [`verify_batch`].
#[derive(Debug, Default, Clone)]
pub struct Report {
    /// Messages given.
    pub messages: usize,
    /// Copies dropped before verifying.
    pub duplicates: usize,
    /// Messages that are not one of the three signed gossip types, or do not parse.
    pub unparsable: usize,
    /// `channel_announcement`
    pub channel_announcement: TypeCounts,
    /// `node_announcement`
    pub node_announcement: TypeCounts,
    /// `channel_update`
    pub channel_update: TypeCounts,
    /// Updates verified against their channel_announcement's node key.
    pub updates_via_announcement: usize,
    /// Updates verified against the signer list.
    pub updates_via_signers: usize,
    /// Updates with no announcement and no listed signer (not verified, not failed).
    pub updates_without_signer: usize,
    /// ECDSA verifications done.
    pub signatures_checked: usize,
    /// Signatures accepted after low-S normalisation.
    pub high_s: usize,
    /// Failures (all of them; JSON shows the first 100).
    pub failures: Vec<Failure>,
}

impl Report {
    /// True when nothing failed and nothing was unparsable.
    pub fn all_ok(&self) -> bool {
        self.failures.is_empty()
    }

    /// JSON summary (snake_case, spec names).
    pub fn to_json(&self) -> Value {
        let tc = |t: &TypeCounts| json!({"count": t.count, "ok": t.ok, "failed": t.failed});
        let fails: Vec<Value> = self
            .failures
            .iter()
            .take(100)
            .map(|f| json!({"index": f.index, "type": f.ty, "error": f.error}))
            .collect();
        json!({
            "valid": self.all_ok(),
            "messages": self.messages,
            "duplicates": self.duplicates,
            "unique": self.messages - self.duplicates,
            "unparsable": self.unparsable,
            "channel_announcement": tc(&self.channel_announcement),
            "node_announcement": tc(&self.node_announcement),
            "channel_update": {
                "count": self.channel_update.count,
                "ok": self.channel_update.ok,
                "failed": self.channel_update.failed,
                "via_announcement": self.updates_via_announcement,
                "via_signers": self.updates_via_signers,
                "without_signer": self.updates_without_signer,
            },
            "signatures_checked": self.signatures_checked,
            "high_s": self.high_s,
            "failures": fails,
        })
    }
}

/// Verifies a batch of whole messages on `threads` threads (at least 1). Duplicates (same
/// SHA-256) are verified once. A `channel_update` is checked against the node key of its
/// direction from any `channel_announcement` in the batch (whose own signatures are reported
/// separately), else against `signers`; with neither it is counted in
/// `updates_without_signer`, not as a failure. `progress` is called from the workers with the
/// number of messages just finished.
///
/// Both passes run on all threads: hashing and parsing first (so no sequential pass limits the
/// scaling), then the signatures, in chunks taken from a shared counter; each thread has its
/// own secp256k1 context and key cache, and nothing is shared but the counter.
pub fn verify_batch(
    msgs: &[&[u8]],
    signers: Option<&Signers>,
    threads: usize,
    progress: &(dyn Fn(u64) + Sync),
) -> Report {
    let threads = threads.clamp(1, 256);
    let mut report = Report { messages: msgs.len(), ..Report::default() };
    let mut pres = par_chunks(
        msgs.len(),
        threads,
        1024,
        || (),
        |(), i| pre(msgs.get(i).copied().unwrap_or(&[])),
    );
    pres.sort_unstable_by_key(|(i, _)| *i);
    let mut seen = HashSet::with_capacity(msgs.len());
    let mut unique: Vec<(u32, Pre)> = Vec::with_capacity(msgs.len());
    for (i, p) in pres {
        let Ok(index) = u32::try_from(i) else { break };
        match p {
            Ok(p) => {
                if seen.insert(p.id) {
                    unique.push((index, p));
                } else {
                    report.duplicates += 1;
                }
            }
            Err(e) => {
                // Unparsable copies count once, like the others.
                let m = msgs.get(i).copied().unwrap_or(&[]);
                if !seen.insert(sha256::Hash::hash(m).to_byte_array()) {
                    report.duplicates += 1;
                    continue;
                }
                report.unparsable += 1;
                report.failures.push(Failure {
                    index: i,
                    ty: msg::msg_type(m).unwrap_or(0),
                    error: e.to_string(),
                });
            }
        }
    }
    drop(seen);
    // The announcement of each short_channel_id, for its updates.
    let mut announced: HashMap<u64, u32> = HashMap::new();
    for (i, p) in &unique {
        if p.ty == super::CHANNEL_ANNOUNCEMENT {
            announced.insert(p.scid, *i);
        }
    }
    let mut jobs = Vec::with_capacity(unique.len());
    for (index, p) in unique {
        let signer = match p.ty {
            super::CHANNEL_ANNOUNCEMENT => {
                report.channel_announcement.count += 1;
                Signer::Own
            }
            super::NODE_ANNOUNCEMENT => {
                report.node_announcement.count += 1;
                Signer::Own
            }
            _ => {
                report.channel_update.count += 1;
                let scid = ShortChannelId(p.scid);
                if let Some(&a) = announced.get(&p.scid) {
                    Signer::Announcement(a, p.direction)
                } else if let Some(k) = signers.and_then(|s| s.get(scid, p.direction)) {
                    Signer::Listed(*k)
                } else {
                    report.updates_without_signer += 1;
                    continue;
                }
            }
        };
        jobs.push(Job { index, hash: p.hash, signer });
    }
    drop(announced);
    let get = |i: u32| msgs.get(i as usize).copied().unwrap_or(&[]);
    let reported = std::sync::atomic::AtomicU64::new(0);
    let results = par_chunks(
        jobs.len(),
        threads,
        256,
        || (Secp256k1::new(), KeyCache::default(), 0u64),
        |(secp, cache, done), k| {
            let Some(job) = jobs.get(k) else {
                return Err(Error::invalid("job index out of range"));
            };
            let key = match job.signer {
                Signer::Own => None,
                Signer::Listed(id) => Some(id),
                Signer::Announcement(a, d) => {
                    // node_id_1 / node_id_2 of the announcement, by the update's direction.
                    let at = 2 + 256;
                    let raw = get(a);
                    let f = raw
                        .get(at..at + 2)
                        .and_then(|b| <[u8; 2]>::try_from(b).ok())
                        .map_or(0, |b| usize::from(u16::from_be_bytes(b)));
                    let off = at + 2 + f + 32 + 8 + 33 * usize::from(d);
                    raw.get(off..off + 33).and_then(|b| NodeId::try_from(b).ok())
                }
            };
            let r = verify_hashed(secp, get(job.index), &job.hash, key.as_ref(), cache);
            *done += 1;
            if *done % 1024 == 0 {
                reported.fetch_add(1024, std::sync::atomic::Ordering::Relaxed);
                progress(1024);
            }
            r
        },
    );
    let finished = results.len() as u64;
    progress(finished.saturating_sub(reported.into_inner()));
    for (k, res) in results {
        let Some(job) = jobs.get(k) else { continue };
        let index = job.index as usize;
        let raw = get(job.index);
        let ty = msg::msg_type(raw).unwrap_or(0);
        let counts = match ty {
            super::CHANNEL_ANNOUNCEMENT => &mut report.channel_announcement,
            super::NODE_ANNOUNCEMENT => &mut report.node_announcement,
            _ => &mut report.channel_update,
        };
        let sigs = if ty == super::CHANNEL_ANNOUNCEMENT { 4 } else { 1 };
        report.signatures_checked += sigs;
        match res {
            Ok(high) => {
                counts.ok += 1;
                report.high_s += high;
                match job.signer {
                    Signer::Announcement(..) => report.updates_via_announcement += 1,
                    Signer::Listed(_) => report.updates_via_signers += 1,
                    Signer::Own => {}
                }
            }
            Err(e) => {
                counts.failed += 1;
                report.failures.push(Failure { index, ty, error: e.to_string() });
            }
        }
    }
    report.failures.sort_by_key(|f| f.index);
    report
}
