//! Reading BOLT 3 transactions back: recognise a commitment by its "Commitment Transaction"
//! locktime/sequence encoding (upper bytes 0x20 / 0x80) and decode the obscured commitment
//! number; name every output (to_local with its CSV, to_remote, keyed anchors, the bolts#1228
//! P2A anchor, offered/received HTLCs with their hash and expiry) from, in order of strength,
//! the witness scripts revealed by spending transactions, scripts derived from given keys, or
//! output templates; report fee, feerate and the trimmed amount.

#![allow(clippy::similar_names)]

use std::collections::HashMap;

use bitcoin::consensus::encode::deserialize_partial;
use bitcoin::hashes::{hash160, ripemd160, Hash};
use bitcoin::opcodes::all::{OP_CLTV, OP_CSV, OP_IF};
use bitcoin::script::Instruction;
use bitcoin::secp256k1::PublicKey;
use bitcoin::{Script, ScriptBuf, Transaction};
use serde_json::{json, Map, Value};

use super::commitment::{obscuring_factor, CommitmentKeys};
use super::{scripts, weight, ChannelType};
use crate::{Error, Result};

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
    /// `shared_anchor`, `offered_htlc`, `received_htlc`, `funding`), `None` when unknown.
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
    for spender in &opts.spent_by {
        for input in &spender.input {
            if input.previous_output.txid != txid {
                continue;
            }
            let vout = input.previous_output.vout;
            let Some(spk) = tx.output.get(vout as usize).map(|o| &o.script_pubkey) else {
                continue;
            };
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
            } else {
                (None, Some("script unknown: give --keys or a spending transaction"))
            };
            info.role = role;
            info.source = role.map(|_| "template");
            if let Some(n) = note {
                info.details.insert("note".into(), json!(n));
            }
        }
        if info.role.is_none() && *spk == *ScriptBuf::new_p2a() {
            info.role = Some("shared_anchor");
            info.source = Some("template");
        }
        outputs.push(info);
    }

    let channel_type = is_commitment.then(|| {
        if outputs.iter().any(|o| o.role == Some("shared_anchor")) && tx.version.0 == 3 {
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
