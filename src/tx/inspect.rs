//! Reading BOLT 3 transactions back: recognise a commitment by its "Commitment Transaction"
//! locktime/sequence encoding (upper bytes 0x20 / 0x80) and decode the obscured commitment
//! number; name every output (to_local with its CSV, to_remote, keyed anchors, the bolts#1228
//! P2A anchor, offered/received HTLCs with their hash and expiry; bolts#995 simple-taproot
//! outputs by their tapscript trees) from, in order of strength, the witness scripts (or
//! tapscript leaves with control blocks) revealed by spending transactions, scripts derived
//! from given keys, or output templates; report fee, feerate and the trimmed amount.

#![allow(clippy::similar_names)]

use std::collections::HashMap;

use bitcoin::consensus::encode::deserialize_partial;
use bitcoin::hashes::{hash160, ripemd160, Hash};
use bitcoin::opcodes::all::{OP_CLTV, OP_CSV, OP_IF};
use bitcoin::script::Instruction;
use bitcoin::secp256k1::PublicKey;
use bitcoin::{Script, ScriptBuf, Transaction};
use serde_json::{json, Map, Value};

use super::commitment::{obscuring_factor, CommitmentKeys, OutputRole};
use super::taproot::{self, TapOutput};
use super::{scripts, weight, ChannelType};
use crate::crypto::keys::secp;
use crate::policy::rules;
use crate::{Error, Result};

/// Core's default `-dustrelayfee` (sat/kvB) for the dust flag of non-commitment outputs.
const DUST_RELAY_FEERATE: u64 = 3000;

/// The largest transaction we decode (the consensus block weight bounds any real one).
pub const MAX_TX_BYTES: usize = 4_000_000;

/// Decodes a raw transaction (segwit or not); trailing bytes and oversize input are errors.
pub fn decode_tx(bytes: &[u8]) -> Result<Transaction> {
    if bytes.len() > MAX_TX_BYTES {
        return Err(Error::new(crate::ErrorKind::TooLarge, "transaction above 4 MB"));
    }
    let (tx, used): (Transaction, usize) = deserialize_partial(bytes).map_err(|e| {
        Error::new(crate::ErrorKind::InvalidValue, format!("transaction: {e}").replace('\n', " "))
    })?;
    if used != bytes.len() {
        return Err(Error::new(crate::ErrorKind::Trailing, "bytes after the transaction").at(used));
    }
    Ok(tx)
}

/// An HTLC the inspector may look for: the hash is needed (the script holds only its
/// RIPEMD160), the expiry only for received HTLCs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HtlcHint {
    /// `payment_hash`.
    pub payment_hash: [u8; 32],
    /// `cltv_expiry`, if known.
    pub cltv_expiry: Option<u32>,
}

/// Keys of one possible holder view of the commitment, with what else is known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyCandidate {
    /// The commitment's keys (holder's point of view).
    pub keys: CommitmentKeys,
    /// `to_self_delay`; searched over all 16-bit values when `None`.
    pub to_self_delay: Option<u16>,
    /// HTLCs that may be on the commitment.
    pub htlcs: Vec<HtlcHint>,
    /// A label for the report (e.g. "local" / "remote" commitment).
    pub label: String,
}

/// What the inspector is told besides the transaction.
#[derive(Debug, Clone, Default)]
pub struct InspectOptions {
    /// `payment_basepoint`s of the opener and the accepter (decode the commitment number).
    pub basepoints: Option<(PublicKey, PublicKey)>,
    /// Funding amount (fee and trimmed amount).
    pub funding_sat: Option<u64>,
    /// `feerate_per_kw` the commitment was built with (splits fee into base fee and trimmed).
    pub feerate_per_kw: Option<u32>,
    /// Key sets to derive candidate scripts from.
    pub keys: Vec<KeyCandidate>,
    /// Transactions spending outputs of this one (their witnesses reveal scripts).
    pub spent_by: Vec<Transaction>,
}

/// What an output was recognised as.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputInfo {
    /// Role name (`to_local`, `to_remote`, `to_local_anchor`, `to_remote_anchor`, `anchor`,
    /// `shared_anchor`, `offered_htlc`, `received_htlc`, `funding`; on other transactions
    /// `p2a_anchor`, `payment`, `data`), `None` when unknown.
    pub role: Option<&'static str>,
    /// `witness_script`, `keys` or `template`.
    pub source: Option<&'static str>,
    /// Details (CSV, keys, hash, expiry, witness script).
    pub details: Map<String, Value>,
}

/// What a witness script says about itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScriptKind {
    /// `to_local` (also the HTLC-transaction output).
    ToLocal {
        /// `revocationpubkey`.
        revocation: PublicKey,
        /// `to_self_delay`.
        to_self_delay: u16,
        /// `local_delayedpubkey`.
        delayed: PublicKey,
    },
    /// `to_remote` with the 1-block CSV (anchors).
    ToRemoteAnchors {
        /// `remotepubkey`.
        remote: PublicKey,
    },
    /// Keyed anchor.
    Anchor {
        /// Funding key.
        funding: PublicKey,
    },
    /// Offered HTLC.
    OfferedHtlc {
        /// `HASH160(revocationpubkey)`.
        revocation_hash160: [u8; 20],
        /// `local_htlcpubkey`.
        local_htlc: PublicKey,
        /// `remote_htlcpubkey`.
        remote_htlc: PublicKey,
        /// `RIPEMD160(payment_hash)`.
        payment_hash_ripemd160: [u8; 20],
        /// Anchors variant.
        csv1: bool,
    },
    /// Received HTLC.
    ReceivedHtlc {
        /// `HASH160(revocationpubkey)`.
        revocation_hash160: [u8; 20],
        /// `local_htlcpubkey`.
        local_htlc: PublicKey,
        /// `remote_htlcpubkey`.
        remote_htlc: PublicKey,
        /// `RIPEMD160(payment_hash)`.
        payment_hash_ripemd160: [u8; 20],
        /// `cltv_expiry`.
        cltv_expiry: u32,
        /// Anchors variant.
        csv1: bool,
    },
    /// 2-of-2 funding script.
    Funding {
        /// The keys in script order.
        keys: [PublicKey; 2],
    },
}

/// Recognises a BOLT 3 witness script by rebuilding it from the values it holds and
/// comparing bytes (so a near-miss is never misnamed).
#[must_use]
pub fn classify_script(script: &Script) -> Option<ScriptKind> {
    let mut keys = Vec::new();
    let mut hashes = Vec::new();
    let mut prev_num: Option<i64> = None;
    let (mut csv, mut cltv) = (Vec::new(), None);
    let mut first_op = None;
    for ins in script.instructions() {
        let ins = ins.ok()?;
        if first_op.is_none() {
            first_op = Some(ins.opcode());
        }
        match ins {
            Instruction::PushBytes(p) if p.len() == 33 => {
                keys.push(PublicKey::from_slice(p.as_bytes()).ok()?);
            }
            Instruction::PushBytes(p) if p.len() == 20 => {
                hashes.push(<[u8; 20]>::try_from(p.as_bytes()).ok()?);
            }
            Instruction::Op(op) if op == OP_CSV => csv.push(prev_num?),
            Instruction::Op(op) if op == OP_CLTV => cltv = prev_num,
            _ => {}
        }
        prev_num = ins.script_num();
        if keys.len() > 2 || hashes.len() > 2 {
            return None;
        }
    }
    let same = |built: ScriptBuf| built.as_bytes() == script.as_bytes();
    match (keys.as_slice(), hashes.as_slice()) {
        ([rev, delayed], []) if first_op == Some(Some(OP_IF)) => {
            let d = u16::try_from(*csv.first()?).ok()?;
            same(scripts::to_local_script(rev, d, delayed)).then_some(ScriptKind::ToLocal {
                revocation: *rev,
                to_self_delay: d,
                delayed: *delayed,
            })
        }
        ([a, b], []) => {
            same(scripts::funding_script(a, b)).then_some(ScriptKind::Funding { keys: [*a, *b] })
        }
        ([k], []) => {
            if same(scripts::anchor_script(k)) {
                Some(ScriptKind::Anchor { funding: *k })
            } else {
                same(scripts::to_remote_anchors_script(k))
                    .then_some(ScriptKind::ToRemoteAnchors { remote: *k })
            }
        }
        ([remote, local], [rev, pay]) => {
            for csv1 in [false, true] {
                if same(scripts::offered_htlc_script_from_hashes(rev, local, remote, pay, csv1)) {
                    return Some(ScriptKind::OfferedHtlc {
                        revocation_hash160: *rev,
                        local_htlc: *local,
                        remote_htlc: *remote,
                        payment_hash_ripemd160: *pay,
                        csv1,
                    });
                }
                let Some(expiry) = cltv.and_then(|c| u32::try_from(c).ok()) else { continue };
                if same(scripts::received_htlc_script_from_hashes(
                    rev, local, remote, pay, expiry, csv1,
                )) {
                    return Some(ScriptKind::ReceivedHtlc {
                        revocation_hash160: *rev,
                        local_htlc: *local,
                        remote_htlc: *remote,
                        payment_hash_ripemd160: *pay,
                        cltv_expiry: expiry,
                        csv1,
                    });
                }
            }
            None
        }
        _ => None,
    }
}

fn script_type(spk: &Script) -> &'static str {
    if *spk == *ScriptBuf::new_p2a() {
        "p2a"
    } else if spk.is_p2wpkh() {
        "p2wpkh"
    } else if spk.is_p2wsh() {
        "p2wsh"
    } else if spk.is_p2tr() {
        "p2tr"
    } else if spk.is_p2pkh() {
        "p2pkh"
    } else if spk.is_p2sh() {
        "p2sh"
    } else if spk.is_op_return() {
        "op_return"
    } else {
        "other"
    }
}

fn role_of_kind(kind: &ScriptKind, cand: Option<&KeyCandidate>) -> &'static str {
    match kind {
        ScriptKind::ToLocal { .. } => "to_local",
        ScriptKind::ToRemoteAnchors { .. } => "to_remote",
        ScriptKind::Anchor { funding } => match cand {
            Some(c) if c.keys.local_funding == *funding => "to_local_anchor",
            Some(c) if c.keys.remote_funding == *funding => "to_remote_anchor",
            _ => "anchor",
        },
        ScriptKind::OfferedHtlc { .. } => "offered_htlc",
        ScriptKind::ReceivedHtlc { .. } => "received_htlc",
        ScriptKind::Funding { .. } => "funding",
    }
}

fn kind_details(kind: &ScriptKind, hints: &[HtlcHint]) -> Map<String, Value> {
    let mut m = Map::new();
    let find_hash = |r: &[u8; 20]| {
        hints
            .iter()
            .find(|h| ripemd160::Hash::hash(&h.payment_hash).to_byte_array() == *r)
            .map(|h| hex::encode(h.payment_hash))
    };
    match kind {
        ScriptKind::ToLocal { revocation, to_self_delay, delayed } => {
            m.insert("to_self_delay".into(), json!(to_self_delay));
            m.insert("revocation_pubkey".into(), json!(revocation.to_string()));
            m.insert("local_delayed_pubkey".into(), json!(delayed.to_string()));
        }
        ScriptKind::ToRemoteAnchors { remote } => {
            m.insert("csv".into(), json!(1));
            m.insert("remote_pubkey".into(), json!(remote.to_string()));
        }
        ScriptKind::Anchor { funding } => {
            m.insert("funding_pubkey".into(), json!(funding.to_string()));
        }
        ScriptKind::OfferedHtlc {
            revocation_hash160,
            local_htlc,
            remote_htlc,
            payment_hash_ripemd160,
            csv1,
        }
        | ScriptKind::ReceivedHtlc {
            revocation_hash160,
            local_htlc,
            remote_htlc,
            payment_hash_ripemd160,
            csv1,
            ..
        } => {
            if let Some(h) = find_hash(payment_hash_ripemd160) {
                m.insert("payment_hash".into(), json!(h));
            }
            m.insert("payment_hash_ripemd160".into(), json!(hex::encode(payment_hash_ripemd160)));
            if let ScriptKind::ReceivedHtlc { cltv_expiry, .. } = kind {
                m.insert("cltv_expiry".into(), json!(cltv_expiry));
            }
            m.insert("csv".into(), json!(u8::from(*csv1)));
            m.insert("revocation_pubkey_hash160".into(), json!(hex::encode(revocation_hash160)));
            m.insert("local_htlc_pubkey".into(), json!(local_htlc.to_string()));
            m.insert("remote_htlc_pubkey".into(), json!(remote_htlc.to_string()));
        }
        ScriptKind::Funding { keys } => {
            m.insert("pubkey1".into(), json!(keys[0].to_string()));
            m.insert("pubkey2".into(), json!(keys[1].to_string()));
        }
    }
    m
}

/// Every output script the key candidates can produce, with what it would be. The to_local
/// CSV is searched when unknown, against the P2WSH outputs present only.
fn candidate_scripts(
    tx: &Transaction,
    cands: &[KeyCandidate],
) -> HashMap<ScriptBuf, (ScriptBuf, usize)> {
    let mut map: HashMap<ScriptBuf, (ScriptBuf, usize)> = HashMap::new();
    let p2wsh_present: std::collections::HashSet<&ScriptBuf> =
        tx.output.iter().map(|o| &o.script_pubkey).filter(|s| s.is_p2wsh()).collect();
    for (ci, c) in cands.iter().enumerate() {
        let k = &c.keys;
        let mut add = |ws: ScriptBuf| {
            map.entry(scripts::p2wsh(&ws)).or_insert((ws, ci));
        };
        match c.to_self_delay {
            Some(d) => add(scripts::to_local_script(&k.revocation, d, &k.local_delayed)),
            // Nothing to find without P2WSH outputs (e.g. a taproot commitment).
            None if p2wsh_present.is_empty() => {}
            None => {
                for d in 0..=u16::MAX {
                    let ws = scripts::to_local_script(&k.revocation, d, &k.local_delayed);
                    if p2wsh_present.contains(&scripts::p2wsh(&ws)) {
                        add(ws);
                        break;
                    }
                }
            }
        }
        add(scripts::to_remote_anchors_script(&k.remote_payment));
        add(scripts::anchor_script(&k.local_funding));
        add(scripts::anchor_script(&k.remote_funding));
        for h in &c.htlcs {
            for csv1 in [false, true] {
                add(scripts::offered_htlc_script(
                    &k.revocation,
                    &k.local_htlc,
                    &k.remote_htlc,
                    &h.payment_hash,
                    csv1,
                ));
                if let Some(e) = h.cltv_expiry {
                    add(scripts::received_htlc_script(
                        &k.revocation,
                        &k.local_htlc,
                        &k.remote_htlc,
                        &h.payment_hash,
                        e,
                        csv1,
                    ));
                }
            }
        }
    }
    map
}

/// A taproot output a key candidate can produce.
struct TapCandidate {
    role: &'static str,
    cand: usize,
    details: Map<String, Value>,
}

fn tap_details(tap: &TapOutput, role: OutputRole) -> Map<String, Value> {
    let mut m = Map::new();
    m.insert("internal_key".into(), json!(hex::encode(tap.internal_key.serialize())));
    if let Some(root) = tap.spend_info.merkle_root() {
        m.insert("tapscript_root".into(), json!(root.to_string()));
    }
    let names = taproot::leaf_names(role);
    let leaves: Vec<Value> = tap
        .leaves
        .iter()
        .enumerate()
        .map(|(j, l)| {
            json!({"name": names.get(j).copied().unwrap_or("leaf"), "script": hex::encode(l.as_bytes())})
        })
        .collect();
    m.insert("leaves".into(), Value::Array(leaves));
    m
}

/// `to_local`'s output script for each delay, cheaply: the revocation leaf is fixed, so each
/// try costs one leaf hash and one tweak. Stops at the first delay whose script is present.
fn search_taproot_to_local(
    k: &CommitmentKeys,
    present: &std::collections::HashSet<&ScriptBuf>,
) -> Option<u16> {
    use bitcoin::taproot::{LeafVersion, TapLeafHash, TapNodeHash};
    let probe = taproot::to_local(&k.revocation, 0, &k.local_delayed).ok()?;
    let revoke = TapLeafHash::from_script(probe.leaves.get(1)?, LeafVersion::TapScript);
    let internal = probe.internal_key;
    (0..=u16::MAX).find(|&d| {
        let leaf = TapLeafHash::from_script(
            &taproot::delay_script(&k.local_delayed, d),
            LeafVersion::TapScript,
        );
        let root = TapNodeHash::from_node_hashes(leaf.into(), revoke.into());
        present.contains(&ScriptBuf::new_p2tr(secp(), internal, Some(root)))
    })
}

/// Every simple-taproot output the key candidates can produce, by output script. Only run
/// when the transaction has P2TR outputs.
fn taproot_candidates(
    tx: &Transaction,
    cands: &[KeyCandidate],
) -> HashMap<ScriptBuf, TapCandidate> {
    let mut map = HashMap::new();
    let present: std::collections::HashSet<&ScriptBuf> =
        tx.output.iter().map(|o| &o.script_pubkey).filter(|s| s.is_p2tr()).collect();
    if present.is_empty() {
        return map;
    }
    for (ci, c) in cands.iter().enumerate() {
        let k = &c.keys;
        let mut add = |role: &'static str,
                       tree_role: OutputRole,
                       tap: Result<TapOutput>,
                       extra: Map<String, Value>| {
            let Ok(tap) = tap else { return };
            let spk = tap.script_pubkey();
            if present.contains(&spk) {
                let mut details = tap_details(&tap, tree_role);
                details.extend(extra);
                map.entry(spk).or_insert(TapCandidate { role, cand: ci, details });
            }
        };
        let delay = c.to_self_delay.or_else(|| search_taproot_to_local(k, &present));
        if let Some(d) = delay {
            let mut e = Map::new();
            e.insert("to_self_delay".into(), json!(d));
            add(
                "to_local",
                OutputRole::ToLocal,
                taproot::to_local(&k.revocation, d, &k.local_delayed),
                e,
            );
        }
        add("to_remote", OutputRole::ToRemote, taproot::to_remote(&k.remote_payment), Map::new());
        add(
            "to_local_anchor",
            OutputRole::LocalAnchor,
            taproot::anchor(&k.local_delayed),
            Map::new(),
        );
        add(
            "to_remote_anchor",
            OutputRole::RemoteAnchor,
            taproot::anchor(&k.remote_payment),
            Map::new(),
        );
        for h in &c.htlcs {
            let mut e = Map::new();
            e.insert("payment_hash".into(), json!(hex::encode(h.payment_hash)));
            add(
                "offered_htlc",
                OutputRole::OfferedHtlc,
                taproot::offered_htlc(
                    &k.revocation,
                    &k.local_htlc,
                    &k.remote_htlc,
                    &h.payment_hash,
                ),
                e.clone(),
            );
            if let Some(x) = h.cltv_expiry {
                e.insert("cltv_expiry".into(), json!(x));
                add(
                    "received_htlc",
                    OutputRole::ReceivedHtlc,
                    taproot::accepted_htlc(
                        &k.revocation,
                        &k.local_htlc,
                        &k.remote_htlc,
                        &h.payment_hash,
                        x,
                    ),
                    e,
                );
            }
        }
    }
    map
}

/// What a revealed tapscript leaf says about the simple-taproot output it sits in: the leaf is
/// rebuilt from the values it holds and compared byte for byte.
fn classify_tap_leaf(
    script: &Script,
    internal_is_nums: bool,
    leaf_depth: usize,
    hints: &[HtlcHint],
) -> Option<(&'static str, Map<String, Value>)> {
    let mut keys: Vec<PublicKey> = Vec::new();
    let mut hashes: Vec<[u8; 20]> = Vec::new();
    let mut nums: Vec<i64> = Vec::new();
    for ins in script.instructions() {
        match ins.ok()? {
            Instruction::PushBytes(p) if p.len() == 32 => {
                let x = bitcoin::key::XOnlyPublicKey::from_slice(p.as_bytes()).ok()?;
                keys.push(x.public_key(bitcoin::secp256k1::Parity::Even));
            }
            Instruction::PushBytes(p) if p.len() == 20 => {
                hashes.push(<[u8; 20]>::try_from(p.as_bytes()).ok()?);
            }
            i => {
                if let Some(n) = i.script_num() {
                    nums.push(n);
                }
            }
        }
        if keys.len() > 2 || hashes.len() > 1 || nums.len() > 3 {
            return None;
        }
    }
    let same = |built: &ScriptBuf| built.as_bytes() == script.as_bytes();
    let mut m = Map::new();
    let hash_of = |r: &[u8; 20]| {
        hints
            .iter()
            .find(|h| ripemd160::Hash::hash(&h.payment_hash).to_byte_array() == *r)
            .map(|h| hex::encode(h.payment_hash))
    };
    let put_hash = |m: &mut Map<String, Value>, r: &[u8; 20]| {
        if let Some(h) = hash_of(r) {
            m.insert("payment_hash".into(), json!(h));
        }
        m.insert("payment_hash_ripemd160".into(), json!(hex::encode(r)));
    };
    let zero = [0u8; 32];
    match (keys.as_slice(), hashes.as_slice()) {
        ([k], []) => {
            if let [n] = nums.as_slice() {
                // `<k> CHECKSIGVERIFY <n> CSV`: to_remote (n = 1, alone in a NUMS tree),
                // to_local's settle leaf (NUMS, two leaves), or a second-level HTLC output.
                let d = u16::try_from(*n).ok()?;
                if !same(&taproot::delay_script(k, d)) {
                    return None;
                }
                m.insert("leaf".into(), json!("settle"));
                let role = match (internal_is_nums, leaf_depth) {
                    (true, 0) if d == 1 => "to_remote",
                    (true, _) => "to_local",
                    (false, _) => "htlc_tx_output",
                };
                if role != "to_remote" {
                    m.insert("to_self_delay".into(), json!(d));
                }
                return Some((role, m));
            }
            // Accepted timeout leaf: `<remote> CHECKSIGVERIFY 1 CSV VERIFY <expiry> CLTV`.
            let e = u32::try_from(*nums.get(1)?).ok()?;
            let tree = taproot::accepted_htlc(k, k, k, &zero, e).ok()?;
            if tree.leaves.first().is_some_and(same) {
                m.insert("leaf".into(), json!("timeout"));
                m.insert("cltv_expiry".into(), json!(e));
                return Some(("received_htlc", m));
            }
            None
        }
        ([a, b], []) => {
            // Script order: `<delayed> DROP <revocation> CHECKSIG`.
            let revoke = taproot::to_local(b, 0, a).ok()?;
            if revoke.leaves.get(1).is_some_and(same) {
                m.insert("leaf".into(), json!("revocation"));
                return Some(("to_local", m));
            }
            let offered = taproot::offered_htlc(a, a, b, &zero).ok()?;
            if offered.leaves.first().is_some_and(same) {
                m.insert("leaf".into(), json!("timeout"));
                return Some(("offered_htlc", m));
            }
            None
        }
        ([k], [r]) => {
            // Offered success leaf: the hash check then `<remote> CHECKSIGVERIFY 1 CSV`.
            let built = bitcoin::script::Builder::new()
                .push_opcode(bitcoin::opcodes::all::OP_SIZE)
                .push_int(32)
                .push_opcode(bitcoin::opcodes::all::OP_EQUALVERIFY)
                .push_opcode(bitcoin::opcodes::all::OP_HASH160)
                .push_slice(r)
                .push_opcode(bitcoin::opcodes::all::OP_EQUALVERIFY)
                .push_slice(k.x_only_public_key().0.serialize())
                .push_opcode(bitcoin::opcodes::all::OP_CHECKSIGVERIFY)
                .push_int(1)
                .push_opcode(OP_CSV)
                .into_script();
            if same(&built) {
                m.insert("leaf".into(), json!("success"));
                put_hash(&mut m, r);
                return Some(("offered_htlc", m));
            }
            None
        }
        ([l, rk], [r]) => {
            let built = bitcoin::script::Builder::new()
                .push_opcode(bitcoin::opcodes::all::OP_SIZE)
                .push_int(32)
                .push_opcode(bitcoin::opcodes::all::OP_EQUALVERIFY)
                .push_opcode(bitcoin::opcodes::all::OP_HASH160)
                .push_slice(r)
                .push_opcode(bitcoin::opcodes::all::OP_EQUALVERIFY)
                .push_slice(l.x_only_public_key().0.serialize())
                .push_opcode(bitcoin::opcodes::all::OP_CHECKSIGVERIFY)
                .push_slice(rk.x_only_public_key().0.serialize())
                .push_opcode(bitcoin::opcodes::all::OP_CHECKSIG)
                .into_script();
            if same(&built) {
                m.insert("leaf".into(), json!("success"));
                put_hash(&mut m, r);
                return Some(("received_htlc", m));
            }
            None
        }
        ([], []) if nums == [16] => {
            let built =
                bitcoin::script::Builder::new().push_int(16).push_opcode(OP_CSV).into_script();
            same(&built).then(|| {
                m.insert("leaf".into(), json!("sweep"));
                ("anchor", m)
            })
        }
        _ => None,
    }
}

/// A script-path spend of a P2TR output: the leaf and control block, checked against the
/// output key (so a leaf is only believed when it is really in the output's tree).
fn revealed_tap_leaf(
    spk: &Script,
    witness: &bitcoin::Witness,
) -> Option<(ScriptBuf, bitcoin::taproot::ControlBlock)> {
    let mut items: Vec<&[u8]> = witness.iter().collect();
    // An annex (last item starting 0x50, with at least two items) is not part of the spend.
    if items.len() >= 2 && items.last().is_some_and(|a| a.first() == Some(&0x50)) {
        items.pop();
    }
    let cb_bytes = items.pop()?;
    let script = ScriptBuf::from_bytes(items.pop()?.to_vec());
    let cb = bitcoin::taproot::ControlBlock::decode(cb_bytes).ok()?;
    let program = spk.as_bytes().get(2..34)?;
    let output_key = bitcoin::key::XOnlyPublicKey::from_slice(program).ok()?;
    cb.verify_taproot_commitment(secp(), output_key, &script).then_some((script, cb))
}

/// The result of [`inspect`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Inspection {
    /// Whether the locktime/sequence encoding marks a commitment.
    pub is_commitment: bool,
    /// The obscured commitment number (commitments only).
    pub obscured_commitment_number: Option<u64>,
    /// The commitment number (commitments with basepoints).
    pub commitment_number: Option<u64>,
    /// Per output, in order.
    pub outputs: Vec<OutputInfo>,
    /// The channel type the outputs point to (commitments only).
    pub channel_type: Option<ChannelType>,
    /// The report as JSON.
    pub json: Map<String, Value>,
}

/// Inspects `tx`. Never fails on odd transactions: unknown outputs stay unnamed.
pub fn inspect(tx: &Transaction, opts: &InspectOptions) -> Result<Inspection> {
    let txid = tx.compute_txid();
    let single = tx.input.len() == 1;
    let lt = tx.lock_time.to_consensus_u32();
    let seq = tx.input.first().map_or(0, |i| i.sequence.0);
    let is_commitment = single && lt >> 24 == 0x20 && seq >> 24 == 0x80;
    let obscured =
        is_commitment.then(|| (u64::from(seq & 0x00ff_ffff) << 24) | u64::from(lt & 0x00ff_ffff));
    let commitment_number =
        obscured.zip(opts.basepoints).map(|(o, (a, b))| o ^ obscuring_factor(&a, &b));

    // Witness scripts revealed by spends of our outputs.
    let mut revealed: HashMap<u32, ScriptBuf> = HashMap::new();
    let mut revealed_keys: HashMap<u32, PublicKey> = HashMap::new();
    let mut revealed_tap: HashMap<u32, (ScriptBuf, bitcoin::taproot::ControlBlock)> =
        HashMap::new();
    for spender in &opts.spent_by {
        for input in &spender.input {
            if input.previous_output.txid != txid {
                continue;
            }
            let vout = input.previous_output.vout;
            let Some(spk) = tx.output.get(vout as usize).map(|o| &o.script_pubkey) else {
                continue;
            };
            if spk.is_p2tr() {
                if let Some(x) = revealed_tap_leaf(spk, &input.witness) {
                    revealed_tap.insert(vout, x);
                }
                continue;
            }
            let Some(last) = input.witness.last() else { continue };
            let ws = ScriptBuf::from_bytes(last.to_vec());
            if spk.is_p2wsh() && scripts::p2wsh(&ws) == *spk {
                revealed.insert(vout, ws);
            } else if spk.is_p2wpkh() {
                if let Ok(k) = PublicKey::from_slice(last) {
                    if scripts::p2wpkh(&k) == *spk {
                        revealed_keys.insert(vout, k);
                    }
                }
            }
        }
    }
    let derived = candidate_scripts(tx, &opts.keys);
    let tap_derived = taproot_candidates(tx, &opts.keys);
    let nums_x = PublicKey::from_slice(&taproot::NUMS_POINT).ok().map(|p| p.x_only_public_key().0);
    let p2wpkh_keys: HashMap<ScriptBuf, usize> = opts
        .keys
        .iter()
        .enumerate()
        .map(|(i, c)| (scripts::p2wpkh(&c.keys.remote_payment), i))
        .collect();
    let all_hints: Vec<HtlcHint> = opts.keys.iter().flat_map(|c| c.htlcs.clone()).collect();

    let mut outputs = Vec::with_capacity(tx.output.len());
    for (i, o) in tx.output.iter().enumerate() {
        let spk = &o.script_pubkey;
        let vout = u32::try_from(i).unwrap_or(u32::MAX);
        let mut info = OutputInfo { role: None, source: None, details: Map::new() };
        let from_script = |ws: &ScriptBuf, cand: Option<&KeyCandidate>, src| {
            classify_script(ws).map(|k| {
                let mut d = kind_details(&k, &all_hints);
                d.insert("witness_script".into(), json!(hex::encode(ws.as_bytes())));
                if let Some(c) = cand.filter(|c| !c.label.is_empty()) {
                    d.insert("keys".into(), json!(c.label));
                }
                OutputInfo { role: Some(role_of_kind(&k, cand)), source: Some(src), details: d }
            })
        };
        if let Some(ws) = revealed.get(&vout) {
            let cand = classify_script(ws).and_then(|k| match k {
                ScriptKind::Anchor { funding } => opts
                    .keys
                    .iter()
                    .find(|c| c.keys.local_funding == funding || c.keys.remote_funding == funding),
                _ => None,
            });
            if let Some(x) = from_script(ws, cand, "witness_script") {
                info = x;
            }
        } else if let Some(t) = tap_derived.get(spk) {
            info.role = Some(t.role);
            info.source = Some("keys");
            info.details.clone_from(&t.details);
            info.details.insert("tree".into(), json!("simple_taproot"));
            if let Some(c) = opts.keys.get(t.cand).filter(|c| !c.label.is_empty()) {
                info.details.insert("keys".into(), json!(c.label));
            }
        } else if let Some((script, cb)) = revealed_tap.get(&vout) {
            let is_nums = nums_x == Some(cb.internal_key);
            if let Some((role, mut d)) =
                classify_tap_leaf(script, is_nums, cb.merkle_branch.len(), &all_hints)
            {
                let role = match role {
                    // The anchor's internal key is the owner's key: name the side when known.
                    "anchor" => {
                        let side = opts.keys.iter().find_map(|c| {
                            let x = |k: &PublicKey| k.x_only_public_key().0 == cb.internal_key;
                            if x(&c.keys.local_delayed) {
                                Some("to_local_anchor")
                            } else if x(&c.keys.remote_payment) {
                                Some("to_remote_anchor")
                            } else {
                                None
                            }
                        });
                        side.unwrap_or("anchor")
                    }
                    r => r,
                };
                d.insert("internal_key".into(), json!(hex::encode(cb.internal_key.serialize())));
                d.insert("leaf_script".into(), json!(hex::encode(script.as_bytes())));
                d.insert("tree".into(), json!("simple_taproot"));
                info = OutputInfo { role: Some(role), source: Some("tapscript_leaf"), details: d };
            }
        } else if let Some((ws, ci)) = derived.get(spk) {
            if let Some(x) = from_script(ws, opts.keys.get(*ci), "keys") {
                info = x;
            }
        } else if let Some(ci) = p2wpkh_keys.get(spk) {
            info.role = Some("to_remote");
            info.source = Some("keys");
            if let Some(c) = opts.keys.get(*ci) {
                info.details
                    .insert("remote_pubkey".into(), json!(c.keys.remote_payment.to_string()));
            }
        } else if let Some(k) = revealed_keys.get(&vout) {
            info.role = Some("to_remote");
            info.source = Some("witness_script");
            info.details.insert("remote_pubkey".into(), json!(k.to_string()));
        }
        if info.role.is_none() && is_commitment {
            // Templates: what the output's shape alone says on a commitment.
            let (role, note) = if *spk == *ScriptBuf::new_p2a() {
                (Some("shared_anchor"), None)
            } else if spk.is_p2wpkh() {
                (Some("to_remote"), None)
            } else if spk.is_p2wsh() && o.value.to_sat() == weight::ANCHOR_OUTPUT_SAT {
                (Some("anchor"), Some("330-sat P2WSH: keyed anchor by amount, side unknown"))
            } else if spk.is_p2tr() && o.value.to_sat() == weight::ANCHOR_OUTPUT_SAT {
                (
                    Some("anchor"),
                    Some("330-sat P2TR: simple-taproot anchor by amount, side unknown"),
                )
            } else if spk.is_p2tr() {
                (None, Some("taproot output: give --keys or a spending transaction"))
            } else {
                (None, Some("script unknown: give --keys or a spending transaction"))
            };
            info.role = role;
            info.source = role.map(|_| "template");
            if let Some(n) = note {
                info.details.insert("note".into(), json!(n));
            }
        }
        if info.role.is_none() && !is_commitment {
            // Any other transaction: what the output's type says (Core's `Solver`), with its
            // dust status at the default 3 sat/vB dust relay feerate.
            let t = rules::classify(spk);
            let dust = o.value.to_sat() < rules::dust_threshold(spk, DUST_RELAY_FEERATE);
            if *spk == *ScriptBuf::new_p2a() {
                info.role = Some("p2a_anchor");
                if dust {
                    info.details.insert(
                        "note".into(),
                        json!("dust P2A: ephemeral dust, spent by a child in the same package"),
                    );
                }
            } else if spk.is_op_return() {
                info.role = Some("data");
            } else if rules::is_standard_output(t) {
                info.role = Some("payment");
            } else {
                info.details.insert(
                    "note".into(),
                    json!("non-standard output script (Core rejects the tx: scriptpubkey)"),
                );
            }
            info.source = info.role.map(|_| "template");
            info.details.insert("dust".into(), json!(dust));
        }
        outputs.push(info);
    }

    let taproot_key_path = tx
        .input
        .first()
        .is_some_and(|i| i.witness.len() == 1 && i.witness.last().is_some_and(|w| w.len() == 64));
    let channel_type = is_commitment.then(|| {
        let tap_named =
            outputs.iter().any(|o| o.details.get("tree") == Some(&json!("simple_taproot")));
        let all_p2tr = !tx.output.is_empty() && tx.output.iter().all(|o| o.script_pubkey.is_p2tr());
        if tap_named || (tx.version.0 == 2 && (all_p2tr || taproot_key_path)) {
            ChannelType::SimpleTaproot
        } else if outputs.iter().any(|o| o.role == Some("shared_anchor")) && tx.version.0 == 3 {
            ChannelType::ZeroFeeCommitments
        } else if outputs.iter().any(|o| {
            matches!(o.role, Some("to_local_anchor" | "to_remote_anchor" | "anchor"))
                || o.details.get("csv") == Some(&json!(1))
        }) {
            ChannelType::Anchors
        } else {
            ChannelType::StaticRemoteKey
        }
    });

    let json =
        report_json(tx, opts, is_commitment, obscured, commitment_number, channel_type, &outputs);
    Ok(Inspection {
        is_commitment,
        obscured_commitment_number: obscured,
        commitment_number,
        outputs,
        channel_type,
        json,
    })
}

#[allow(clippy::too_many_arguments)]
fn report_json(
    tx: &Transaction,
    opts: &InspectOptions,
    is_commitment: bool,
    obscured: Option<u64>,
    commitment_number: Option<u64>,
    channel_type: Option<ChannelType>,
    outputs: &[OutputInfo],
) -> Map<String, Value> {
    let weight = tx.weight().to_wu();
    let vsize = tx.weight().to_vbytes_ceil();
    let mut m = Map::new();
    m.insert("txid".into(), json!(tx.compute_txid().to_string()));
    m.insert("wtxid".into(), json!(tx.compute_wtxid().to_string()));
    m.insert("version".into(), json!(tx.version.0));
    m.insert("truc".into(), json!(tx.version.0 == 3));
    m.insert("locktime".into(), json!(tx.lock_time.to_consensus_u32()));
    m.insert("size".into(), json!(tx.total_size()));
    m.insert("weight".into(), json!(weight));
    m.insert("vsize".into(), json!(vsize));
    let inputs: Vec<Value> = tx
        .input
        .iter()
        .map(|i| {
            json!({
                "txid": i.previous_output.txid.to_string(),
                "vout": i.previous_output.vout,
                "sequence": i.sequence.0,
                "script_sig": hex::encode(i.script_sig.as_bytes()),
                "witness": i.witness.iter().map(hex::encode).collect::<Vec<_>>(),
            })
        })
        .collect();
    m.insert("inputs".into(), Value::Array(inputs));
    let mut outs = Vec::new();
    let mut sum: u64 = 0;
    let mut non_anchor: u64 = 0;
    for (i, (o, info)) in tx.output.iter().zip(outputs).enumerate() {
        let mut e = Map::new();
        e.insert("index".into(), json!(i));
        e.insert("amount_sat".into(), json!(o.value.to_sat()));
        e.insert("script_pubkey".into(), json!(hex::encode(o.script_pubkey.as_bytes())));
        e.insert("type".into(), json!(script_type(&o.script_pubkey)));
        e.insert("role".into(), info.role.map_or(Value::Null, |r| json!(r)));
        if let Some(s) = info.source {
            e.insert("recognised_by".into(), json!(s));
        }
        for (k, v) in &info.details {
            e.insert(k.clone(), v.clone());
        }
        outs.push(Value::Object(e));
        sum = sum.saturating_add(o.value.to_sat());
        if info.role != Some("shared_anchor") {
            non_anchor = non_anchor.saturating_add(o.value.to_sat());
        }
    }
    m.insert("outputs".into(), Value::Array(outs));
    if is_commitment {
        let mut c = Map::new();
        c.insert("obscured_commitment_number".into(), json!(obscured));
        if let Some(n) = commitment_number {
            c.insert("commitment_number".into(), json!(n));
        }
        if let Some(ct) = channel_type {
            c.insert("channel_type".into(), json!(ct.name()));
        }
        let htlcs = outputs.iter().filter(|o| o.role.is_some_and(|r| r.ends_with("_htlc"))).count();
        c.insert("htlc_outputs".into(), json!(htlcs));
        m.insert("commitment".into(), Value::Object(c));
    }
    if let Some(funding) = opts.funding_sat {
        m.insert("funding_sat".into(), json!(funding));
        if let Some(fee) = funding.checked_sub(sum) {
            m.insert("fee_sat".into(), json!(fee));
            m.insert("feerate_sat_per_vb".into(), json!(fee as f64 / vsize.max(1) as f64));
            m.insert("feerate_per_kw".into(), json!(fee.saturating_mul(1000) / weight.max(1)));
            if channel_type == Some(ChannelType::ZeroFeeCommitments) {
                m.insert("trimmed_sat".into(), json!(funding.saturating_sub(non_anchor)));
            } else if let (Some(ct), Some(rate)) = (channel_type, opts.feerate_per_kw) {
                let htlcs =
                    outputs.iter().filter(|o| o.role.is_some_and(|r| r.ends_with("_htlc"))).count();
                let base = weight::commitment_weight(ct, htlcs)
                    .and_then(|w| weight::fee_sat(rate, w))
                    .unwrap_or(0);
                m.insert("base_fee_sat".into(), json!(base));
                m.insert("trimmed_sat".into(), json!(fee.saturating_sub(base)));
            }
        } else {
            m.insert("error".into(), json!("outputs exceed the funding amount"));
        }
    }
    m
}

/// HASH160 of a key, for matching the revocation hash in HTLC scripts.
#[must_use]
pub fn key_hash160(k: &PublicKey) -> [u8; 20] {
    hash160::Hash::hash(&k.serialize()).to_byte_array()
}
