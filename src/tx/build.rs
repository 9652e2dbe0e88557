//! One entry point from a JSON spec to built transactions (BOLT 3 funding, commitment, HTLC
//! and closing transactions; BOLT 5 sweeps and penalties; a plain transaction as `inspect`
//! prints it), each with a report: txid, weight, vsize, fee, and every output with its role.
//! Transactions are signed when the spec carries the keys.

use bitcoin::absolute::LockTime;
use bitcoin::consensus::encode::serialize_hex;
use bitcoin::ecdsa::Signature;
use bitcoin::secp256k1::SecretKey;
use bitcoin::sighash::EcdsaSighashType;
use bitcoin::transaction::Version;
use bitcoin::{Amount, OutPoint, ScriptBuf, Sequence, Transaction, TxIn, TxOut, Witness};
use serde_json::{json, Map, Value};

use super::close::{self, CloseFunding, SimpleCloseVariant};
use super::commitment::{Commitment, Side};
use super::funding::{self, FundingInput};
use super::htlc::{HtlcTx, HtlcTxKind};
use super::json::{self, Obj, ParsedCommitment};
use super::sweep::{self, ClaimInput, Sweep};
use super::taproot::{TaprootCommitment, TaprootHtlcTx, TaprootSpec};
use super::{sign, ChannelType};
use crate::crypto::keys;
use crate::crypto::musig2::{PubNonce, SecNonce};
use crate::{Error, Result};

/// Most inputs or outputs a plain transaction spec may list.
pub const MAX_TX_ITEMS: usize = 10_000;

/// One built transaction and its report.
#[derive(Debug, Clone, PartialEq)]
pub struct Built {
    /// The transaction.
    pub tx: Transaction,
    /// Whether every input has its witness.
    pub signed: bool,
    /// Report (`kind`, `txid`, sizes, fee, outputs with roles, ...).
    pub report: Map<String, Value>,
}

/// Called before a secret nonce signs, with its public nonce and a digest of everything the
/// partial signature depends on (aggregate key, aggregate nonce, message): equal digests mean
/// an identical signature. A caller holding real nonces records them here so one nonce never
/// signs two different sessions (which would reveal the funding key). An error stops signing.
pub type NonceGuard<'a> = dyn FnMut(&PubNonce, &[u8; 32]) -> Result<()> + 'a;

/// Builds what `spec` describes (`kind`: `funding`, `commitment`, `htlc`, `close`, `sweep`,
/// `penalty`, or a plain `tx` — also chosen when `inputs` and `outputs` are given).
///
/// Keeps no record of MuSig2 secret nonces (`simple_taproot` specs): use [`build_with`] when
/// they are real.
pub fn build(spec: &Value) -> Result<Vec<Built>> {
    build_with(spec, &mut |_, _| Ok(()))
}

/// [`build`] with a [`NonceGuard`] consulted before every MuSig2 partial signature.
pub fn build_with(spec: &Value, guard: &mut NonceGuard<'_>) -> Result<Vec<Built>> {
    let o = Obj::new(spec, "")?;
    let kind = match o.opt_str("kind")? {
        Some(k) => k,
        None if o.get("inputs").is_some() && o.get("outputs").is_some() => "tx",
        None => {
            return Err(Error::invalid(
                "missing (funding, commitment, htlc, close, sweep, penalty, tx)",
            )
            .within("kind"))
        }
    };
    match kind {
        "tx" => Ok(vec![plain_tx(&o)?]),
        "funding" => Ok(vec![funding_tx(&o)?]),
        "commitment" | "htlc" => {
            let p = json::commitment(spec)?;
            if p.spec.channel_type.is_taproot() {
                taproot_commitment_and_htlcs(&p, &o, kind == "htlc", guard)
            } else {
                commitment_and_htlcs(&p, &o, kind == "htlc")
            }
        }
        "close" => Ok(vec![close_tx(&o)?]),
        "sweep" => sweep_tx(&o, false),
        "penalty" => sweep_tx(&o, true),
        k => Err(Error::invalid(format!("unknown kind {k:?}")).within("kind")),
    }
}

fn tx_report(
    kind: &str,
    tx: &Transaction,
    fee_sat: Option<u64>,
    outputs: Vec<Value>,
) -> Map<String, Value> {
    let mut m = Map::new();
    let weight = tx.weight().to_wu();
    let vsize = tx.weight().to_vbytes_ceil();
    m.insert("kind".into(), json!(kind));
    m.insert("txid".into(), json!(tx.compute_txid().to_string()));
    m.insert("hex".into(), json!(serialize_hex(tx)));
    m.insert("version".into(), json!(tx.version.0));
    m.insert("locktime".into(), json!(tx.lock_time.to_consensus_u32()));
    m.insert("weight".into(), json!(weight));
    m.insert("vsize".into(), json!(vsize));
    if let Some(fee) = fee_sat {
        m.insert("fee_sat".into(), json!(fee));
        m.insert("feerate_sat_per_vb".into(), json!(fee as f64 / vsize.max(1) as f64));
    }
    let inputs: Vec<Value> = tx
        .input
        .iter()
        .map(|i| {
            json!({
                "txid": i.previous_output.txid.to_string(),
                "vout": i.previous_output.vout,
                "sequence": i.sequence.0,
            })
        })
        .collect();
    m.insert("inputs".into(), Value::Array(inputs));
    m.insert("outputs".into(), Value::Array(outputs));
    m
}

fn plain_output(i: usize, o: &TxOut, role: Option<&str>) -> Value {
    let mut e = Map::new();
    e.insert("index".into(), json!(i));
    e.insert("role".into(), role.map_or(Value::Null, |r| json!(r)));
    e.insert("amount_sat".into(), json!(o.value.to_sat()));
    e.insert("script_pubkey".into(), json!(hex::encode(o.script_pubkey.as_bytes())));
    Value::Object(e)
}

fn is_signed(tx: &Transaction) -> bool {
    tx.input.iter().all(|i| !i.witness.is_empty() || !i.script_sig.is_empty())
}

fn plain_tx(o: &Obj<'_>) -> Result<Built> {
    let version = i32::try_from(o.u64("version")?)
        .map_err(|_| Error::invalid("out of range").within("version"))?;
    let mut input = Vec::new();
    for (i, v) in o.opt_array("inputs", MAX_TX_ITEMS)?.into_iter().flatten().enumerate() {
        let p = format!("inputs[{i}]");
        let io = Obj::new(v, &p)?;
        let f = || -> Result<TxIn> {
            let mut witness = Witness::new();
            for (j, w) in io.opt_array("witness", 10_000)?.into_iter().flatten().enumerate() {
                let s = w
                    .as_str()
                    .ok_or_else(|| Error::invalid("must be hex").within(format!("witness[{j}]")))?;
                witness.push(
                    crate::encoding::parse_hex(s).map_err(|e| e.within(format!("witness[{j}]")))?,
                );
            }
            Ok(TxIn {
                previous_output: OutPoint { txid: io.txid("txid")?, vout: io.int("vout")? },
                script_sig: io.opt_script("script_sig")?.unwrap_or_default(),
                sequence: Sequence(io.opt_int("sequence")?.unwrap_or(u32::MAX)),
                witness,
            })
        };
        input.push(f().map_err(|e| e.within(p.clone()))?);
    }
    let mut output = Vec::new();
    let mut roles = Vec::new();
    for (i, v) in o.opt_array("outputs", MAX_TX_ITEMS)?.into_iter().flatten().enumerate() {
        let p = format!("outputs[{i}]");
        let oo = Obj::new(v, &p)?;
        let f = || -> Result<TxOut> {
            Ok(TxOut {
                value: Amount::from_sat(oo.u64("amount_sat")?),
                script_pubkey: oo.script("script_pubkey")?,
            })
        };
        output.push(f().map_err(|e| e.within(p.clone()))?);
        roles.push(oo.opt_str("role")?.map(str::to_string));
    }
    let tx = Transaction {
        version: Version::non_standard(version),
        lock_time: LockTime::from_consensus(o.opt_int("locktime")?.unwrap_or(0)),
        input,
        output,
    };
    let outputs = tx
        .output
        .iter()
        .enumerate()
        .map(|(i, x)| plain_output(i, x, roles.get(i).and_then(|r| r.as_deref())))
        .collect();
    let fee = o
        .opt_u64("funding_sat")?
        .and_then(|f| f.checked_sub(tx.output.iter().map(|x| x.value.to_sat()).sum::<u64>()));
    let report = tx_report("tx", &tx, fee, outputs);
    Ok(Built { signed: is_signed(&tx), tx, report })
}

fn funding_tx(o: &Obj<'_>) -> Result<Built> {
    let mut inputs = Vec::new();
    for (i, v) in o.opt_array("inputs", MAX_TX_ITEMS)?.into_iter().flatten().enumerate() {
        let p = format!("inputs[{i}]");
        let io = Obj::new(v, &p)?;
        let f = || -> Result<FundingInput> {
            Ok(FundingInput {
                previous_output: OutPoint { txid: io.txid("txid")?, vout: io.int("vout")? },
                value_sat: io.u64("amount_sat")?,
                sequence: Sequence(io.opt_int("sequence")?.unwrap_or(u32::MAX)),
                signed_script_sig_len: io.opt_u64("script_sig_len")?.unwrap_or(0),
                signed_witness_len: io.opt_u64("witness_len")?.unwrap_or(108),
            })
        };
        inputs.push(f().map_err(|e| e.within(p.clone()))?);
    }
    let local = o.obj("local")?.ok_or_else(|| Error::invalid("missing").within("local"))?;
    let remote = o.obj("remote")?.ok_or_else(|| Error::invalid("missing").within("remote"))?;
    let lk = funding_key(&local)?;
    let rk = funding_key(&remote)?;
    let built = funding::build_funding_tx(
        &inputs,
        o.u64("funding_sat")?,
        &lk,
        &rk,
        o.script("change_script")?,
        o.int("feerate_per_kw")?,
        LockTime::from_consensus(o.opt_int("locktime")?.unwrap_or(0)),
    )?;
    let outputs = built
        .tx
        .output
        .iter()
        .enumerate()
        .map(|(i, x)| {
            let funding = i == built.funding_output as usize;
            let mut v = plain_output(i, x, Some(if funding { "funding" } else { "change" }));
            if let (true, Some(m)) = (funding, v.as_object_mut()) {
                m.insert(
                    "witness_script".into(),
                    json!(hex::encode(built.funding_script.as_bytes())),
                );
            }
            v
        })
        .collect();
    let mut report = tx_report("funding", &built.tx, Some(built.fee_sat), outputs);
    report.insert("expected_weight".into(), json!(built.expected_weight));
    report.insert("funding_output".into(), json!(built.funding_output));
    Ok(Built { tx: built.tx, signed: false, report })
}

fn funding_key(o: &Obj<'_>) -> Result<bitcoin::secp256k1::PublicKey> {
    if let Some(p) = o.opt_pubkey("funding_pubkey")? {
        return Ok(p);
    }
    o.opt_secret("funding_privkey")?.map(|s| keys::per_commitment_point(&s)).ok_or_else(|| {
        Error::invalid("funding_pubkey or funding_privkey needed")
            .within(o.path_of("funding_pubkey"))
    })
}

/// The report of a built commitment.
#[must_use]
pub fn commitment_report(com: &Commitment) -> Map<String, Value> {
    let outputs = com
        .outputs
        .iter()
        .enumerate()
        .map(|(i, o)| {
            let mut e = Map::new();
            e.insert("index".into(), json!(i));
            e.insert("role".into(), json!(o.role.name()));
            e.insert("amount_sat".into(), json!(o.amount_sat));
            e.insert("script_pubkey".into(), json!(hex::encode(o.script_pubkey.as_bytes())));
            if let Some(ws) = &o.witness_script {
                e.insert("witness_script".into(), json!(hex::encode(ws.as_bytes())));
            }
            if let Some(h) = o.htlc.and_then(|h| com.spec.htlcs.get(h)) {
                e.insert("payment_hash".into(), json!(hex::encode(h.payment_hash)));
                e.insert("amount_msat".into(), json!(h.amount_msat));
                e.insert("cltv_expiry".into(), json!(h.cltv_expiry));
            }
            if o.role == super::OutputRole::ToLocal {
                e.insert("to_self_delay".into(), json!(com.spec.to_self_delay));
            }
            Value::Object(e)
        })
        .collect();
    let mut m = tx_report("commitment", &com.tx, Some(com.fee_sat), outputs);
    let s = &com.spec;
    m.insert("channel_type".into(), json!(s.channel_type.name()));
    commitment_fields(
        &mut m,
        &CommitmentFields {
            commitment_number: s.commitment_number,
            obscuring_factor: s.obscuring_factor,
            base_fee_sat: com.base_fee_sat,
            expected_weight: com.expected_weight,
            trimmed: &com.trimmed_htlcs,
            htlcs: &s.htlcs,
            keys: &s.keys,
        },
    );
    m
}

/// What segwit-v0 and taproot commitment reports share.
struct CommitmentFields<'a> {
    commitment_number: u64,
    obscuring_factor: u64,
    base_fee_sat: u64,
    expected_weight: u64,
    trimmed: &'a [usize],
    htlcs: &'a [super::commitment::Htlc],
    keys: &'a super::commitment::CommitmentKeys,
}

/// Appends the commitment number, fees, trimmed HTLCs and keys to a commitment report.
fn commitment_fields(m: &mut Map<String, Value>, c: &CommitmentFields<'_>) {
    m.insert("commitment_number".into(), json!(c.commitment_number));
    m.insert("obscured_commitment_number".into(), json!(c.commitment_number ^ c.obscuring_factor));
    m.insert("base_fee_sat".into(), json!(c.base_fee_sat));
    m.insert("expected_weight".into(), json!(c.expected_weight));
    let trimmed = c
        .trimmed
        .iter()
        .filter_map(|&i| c.htlcs.get(i))
        .map(|h| json!({"payment_hash": hex::encode(h.payment_hash), "amount_msat": h.amount_msat}))
        .collect();
    m.insert("trimmed_htlcs".into(), Value::Array(trimmed));
    let k = c.keys;
    m.insert(
        "keys".into(),
        json!({
            "revocation_pubkey": k.revocation.to_string(),
            "local_delayed_pubkey": k.local_delayed.to_string(),
            "local_htlc_pubkey": k.local_htlc.to_string(),
            "remote_htlc_pubkey": k.remote_htlc.to_string(),
            "remote_pubkey": k.remote_payment.to_string(),
            "local_funding_pubkey": k.local_funding.to_string(),
            "remote_funding_pubkey": k.remote_funding.to_string(),
        }),
    );
}

/// The report of an HTLC transaction.
#[must_use]
pub fn htlc_report(ht: &HtlcTx) -> Map<String, Value> {
    let outputs = ht
        .tx
        .output
        .iter()
        .enumerate()
        .map(|(i, o)| plain_output(i, o, Some("to_local")))
        .collect();
    let mut m = tx_report(ht.kind.name(), &ht.tx, Some(ht.fee_sat), outputs);
    m.insert("commitment_output".into(), json!(ht.commitment_output));
    m.insert("payment_hash".into(), json!(hex::encode(ht.payment_hash)));
    m.insert("expected_weight".into(), json!(ht.expected_weight()));
    m
}

/// Builds the commitment of a parsed spec and signs it with whatever funding keys are known
/// (`remote_signature` in the spec stands in for the counterparty's key).
pub fn signed_commitment(
    p: &ParsedCommitment,
    remote_sig: Option<&[u8]>,
) -> Result<(Commitment, bool)> {
    let mut com = Commitment::build(p.spec.clone())?;
    let holder_key = p.holder.and_then(|h| h.funding_secret);
    let counter_sig = match (p.counterparty.and_then(|c| c.funding_secret), remote_sig) {
        (Some(k), _) => Some(com.sign(&k)?),
        (None, Some(der)) => Some(
            sign::signature_from_der(der, EcdsaSighashType::All)
                .map_err(|e| e.within("remote_signature"))?,
        ),
        (None, None) => None,
    };
    let signed = match (holder_key, counter_sig) {
        (Some(k), Some(r)) => {
            let l = com.sign(&k)?;
            com.finalize(&l, &r)?;
            true
        }
        _ => false,
    };
    Ok((com, signed))
}

/// Signs an HTLC transaction when both HTLC basepoint secrets (and for success the preimage)
/// are known. Returns whether it is now complete.
pub fn sign_htlc(p: &ParsedCommitment, ht: &mut HtlcTx) -> Result<bool> {
    let Some(point) = p.per_commitment_point else { return Ok(false) };
    let (Some(h), Some(c)) =
        (p.holder.and_then(|h| h.htlc_secret), p.counterparty.and_then(|c| c.htlc_secret))
    else {
        return Ok(false);
    };
    let preimage = p
        .preimages
        .iter()
        .find(|(hash, _)| *hash == ht.payment_hash && ht.kind == HtlcTxKind::Success)
        .map(|x| x.1);
    if ht.kind == HtlcTxKind::Success && preimage.is_none() {
        return Ok(false);
    }
    let local = ht.sign_local(&keys::derive_privkey(&h, &point)?)?;
    let remote = ht.sign_remote(&keys::derive_privkey(&c, &point)?)?;
    ht.finalize(&remote, &local, preimage.as_ref())?;
    Ok(true)
}

fn commitment_and_htlcs(p: &ParsedCommitment, o: &Obj<'_>, only_htlcs: bool) -> Result<Vec<Built>> {
    let (com, signed) = signed_commitment(p, o.opt_hex("remote_signature")?.as_deref())?;
    let mut out = Vec::new();
    let with_htlcs = only_htlcs || o.opt_bool("htlc_txs")?.unwrap_or(false);
    let mut htlc_reports = Vec::new();
    let mut htlc_built = Vec::new();
    if with_htlcs {
        for mut ht in com.htlc_txs()? {
            let signed = sign_htlc(p, &mut ht)?;
            let mut r = htlc_report(&ht);
            r.insert("signed".into(), json!(signed));
            htlc_reports.push(Value::Object(r.clone()));
            htlc_built.push(Built { tx: ht.tx, signed, report: r });
        }
    }
    if !only_htlcs {
        let mut report = commitment_report(&com);
        report.insert("signed".into(), json!(signed));
        if with_htlcs {
            report.insert("htlc_txs".into(), Value::Array(htlc_reports));
        }
        out.push(Built { tx: com.tx, signed, report });
    }
    out.extend(htlc_built);
    Ok(out)
}

fn close_tx(o: &Obj<'_>) -> Result<Built> {
    let local = o.obj("local")?.ok_or_else(|| Error::invalid("missing").within("local"))?;
    let remote = o.obj("remote")?.ok_or_else(|| Error::invalid("missing").within("remote"))?;
    let (lk, rk) = (funding_key(&local)?, funding_key(&remote)?);
    let funding = CloseFunding {
        outpoint: OutPoint { txid: o.txid("funding_txid")?, vout: o.int("funding_vout")? },
        funding_sat: o.u64("funding_sat")?,
        keys: [lk, rk],
    };
    let (local_msat, remote_msat) = (o.u64("local_msat")?, o.u64("remote_msat")?);
    let (ls, rs) = (o.script("local_script")?, o.script("remote_script")?);
    let fee = o.u64("fee_sat")?;
    let format = o.opt_str("format")?.unwrap_or("simple");
    let (mut tx, local_is_first_role) = match format {
        "legacy" => {
            let funder = if json_side(o, "funder")? { Side::Local } else { Side::Remote };
            (
                close::legacy_close(
                    &funding,
                    local_msat,
                    remote_msat,
                    ls,
                    rs,
                    fee,
                    funder,
                    o.u64("dust_limit_sat")?,
                )?,
                true,
            )
        }
        "simple" => {
            let closer_local = json_side(o, "closer")?;
            let variant = SimpleCloseVariant::from_name(
                o.opt_str("variant")?.unwrap_or("closer_and_closee_outputs"),
            )
            .map_err(|e| e.within("variant"))?;
            let lt = o.opt_int("locktime")?.unwrap_or(0);
            let t = if closer_local {
                close::simple_close(&funding, local_msat, remote_msat, ls, rs, fee, lt, variant)?
            } else {
                close::simple_close(&funding, remote_msat, local_msat, rs, ls, fee, lt, variant)?
            };
            (t, closer_local)
        }
        f => return Err(Error::invalid(format!("{f:?} is not legacy or simple")).within("format")),
    };
    let _ = local_is_first_role;
    let sigs = match (local.opt_secret("funding_privkey")?, remote.opt_secret("funding_privkey")?) {
        (Some(a), Some(b)) => Some((tx.sign(&a)?, tx.sign(&b)?)),
        _ => None,
    };
    let signed = if let Some((a, b)) = sigs {
        tx.finalize([&a, &b])?;
        true
    } else {
        false
    };
    let outputs = tx
        .outputs
        .iter()
        .enumerate()
        .map(|(i, x)| {
            plain_output(
                i,
                &TxOut {
                    value: Amount::from_sat(x.amount_sat),
                    script_pubkey: x.script_pubkey.clone(),
                },
                Some(x.role),
            )
        })
        .collect();
    let mut report = tx_report(
        if format == "legacy" { "legacy_close" } else { "simple_close" },
        &tx.tx,
        Some(tx.fee_sat),
        outputs,
    );
    report.insert("signed".into(), json!(signed));
    Ok(Built { tx: tx.tx, signed, report })
}

fn json_side(o: &Obj<'_>, key: &str) -> Result<bool> {
    match o.opt_str(key)?.unwrap_or("local") {
        "local" => Ok(true),
        "remote" => Ok(false),
        s => Err(Error::invalid(format!("{s:?} is not local or remote")).within(key.to_string())),
    }
}

/// A sweep's report.
#[must_use]
pub fn sweep_report(kind: &str, sw: &Sweep) -> Map<String, Value> {
    let outputs = sw
        .tx
        .output
        .iter()
        .enumerate()
        .map(|(i, o)| plain_output(i, o, Some("destination")))
        .collect();
    let mut m = tx_report(kind, &sw.tx, Some(sw.fee_sat), outputs);
    m.insert("expected_weight".into(), json!(sw.expected_weight));
    m.insert(
        "claims".into(),
        Value::Array(
            sw.inputs
                .iter()
                .map(|i| json!({"txid": i.outpoint.txid.to_string(), "vout": i.outpoint.vout, "claim": i.claim.name(), "amount_sat": i.value_sat}))
                .collect(),
        ),
    );
    m
}

/// Sweeps (`claimer`: `holder` or `counterparty` of the closed commitment) and penalties (the
/// commitment is revoked; its holder's per-commitment secret must be known).
fn sweep_tx(o: &Obj<'_>, penalty: bool) -> Result<Vec<Built>> {
    let cv = o.get("commitment").ok_or_else(|| Error::invalid("missing").within("commitment"))?;
    let p = json::commitment(cv).map_err(|e| e.within("commitment"))?;
    if p.spec.channel_type.is_taproot() {
        return Err(Error::invalid("sweeps of simple_taproot commitments are not built yet")
            .within("commitment.channel_type"));
    }
    let com = Commitment::build(p.spec.clone()).map_err(|e| e.within("commitment"))?;
    let destination = o.script("destination")?;
    let feerate: u32 = o.int("feerate_per_kw")?;
    let lock_time: u32 = o.opt_int("locktime")?.unwrap_or(0);
    let version = if com.spec.channel_type == ChannelType::ZeroFeeCommitments {
        Version::non_standard(3)
    } else {
        Version::TWO
    };
    let point = p
        .per_commitment_point
        .ok_or_else(|| Error::invalid("per-commitment point of the commitment needed"))?;
    let second_stage = o.opt_bool("second_stage")?.unwrap_or(false);
    let mut claims: Vec<ClaimInput> = Vec::new();
    let mut keys_for: Vec<Option<SecretKey>> = Vec::new();
    let holder = p.holder;
    let counterparty = p.counterparty;
    let kind;
    if penalty {
        kind = "penalty";
        let secret = p.per_commitment_secret.ok_or_else(|| {
            Error::invalid("the revoked commitment's per_commitment_secret is needed")
        })?;
        let rev_base = counterparty.and_then(|c| c.revocation_secret);
        let rev_key = rev_base.map(|b| keys::derive_revocation_privkey(&b, &secret)).transpose()?;
        let list = if second_stage {
            com.htlc_txs()?
                .iter()
                .map(|ht| sweep::htlc_tx_output_claim(ht, &com, true))
                .collect::<Result<Vec<_>>>()?
        } else {
            sweep::penalty_claims(&com)?
        };
        for c in list {
            keys_for.push(rev_key);
            claims.push(c);
        }
    } else {
        let claimer_holder = match o.opt_str("claimer")?.unwrap_or("holder") {
            "holder" => true,
            "counterparty" => false,
            s => {
                return Err(Error::invalid(format!("{s:?} is not holder or counterparty"))
                    .within("claimer"))
            }
        };
        if claimer_holder && second_stage {
            kind = "sweep_htlc_outputs";
            let delayed = holder
                .and_then(|h| h.delayed_payment_secret)
                .map(|s| keys::derive_privkey(&s, &point))
                .transpose()?;
            for ht in com.htlc_txs()? {
                claims.push(sweep::htlc_tx_output_claim(&ht, &com, false)?);
                keys_for.push(delayed);
            }
        } else if claimer_holder {
            kind = "sweep";
            let delayed = holder
                .and_then(|h| h.delayed_payment_secret)
                .map(|s| keys::derive_privkey(&s, &point))
                .transpose()?;
            let anchor = holder.and_then(|h| h.funding_secret);
            let with_anchor = o.opt_bool("include_anchor")?.unwrap_or(false);
            for c in sweep::holder_claims(&com)? {
                let k = match c.claim {
                    sweep::Claim::Delayed { .. } => delayed,
                    _ if !with_anchor => continue,
                    _ => anchor,
                };
                keys_for.push(k);
                claims.push(c);
            }
        } else {
            kind = "sweep";
            let pre = p.preimages.clone();
            let lookup = move |h: &[u8; 32]| pre.iter().find(|(x, _)| x == h).map(|x| x.1);
            let timeouts = o.opt_bool("include_htlc_timeouts")?.unwrap_or(false);
            let with_anchor = o.opt_bool("include_anchor")?.unwrap_or(false);
            let htlc_key = counterparty
                .and_then(|c| c.htlc_secret)
                .map(|s| keys::derive_privkey(&s, &point))
                .transpose()?;
            for c in sweep::counterparty_claims(&com, &lookup, timeouts)? {
                let k = match c.claim {
                    sweep::Claim::ToRemoteAnchors | sweep::Claim::ToRemoteP2wpkh { .. } => {
                        counterparty.and_then(|c| c.payment_secret)
                    }
                    sweep::Claim::Anchor if with_anchor => {
                        counterparty.and_then(|c| c.funding_secret)
                    }
                    sweep::Claim::Anchor => continue,
                    _ => htlc_key,
                };
                keys_for.push(k);
                claims.push(c);
            }
        }
    }
    let mut sw = sweep::build(claims, destination, feerate, version, lock_time)?;
    let signed = if keys_for
        .iter()
        .zip(&sw.inputs)
        .all(|(k, i)| k.is_some() || !i.claim.needs_signature())
    {
        sw.sign(&keys_for)?;
        true
    } else {
        false
    };
    let mut report = sweep_report(kind, &sw);
    report.insert("signed".into(), json!(signed));
    report.insert("commitment_txid".into(), json!(com.txid().to_string()));
    Ok(vec![Built { tx: sw.tx, signed, report }])
}

/// Parses a DER signature (no sighash byte) for use as `remote_signature`.
pub fn der_signature(der: &[u8]) -> Result<Signature> {
    sign::signature_from_der(der, EcdsaSighashType::All)
}

/// A P2WPKH script for a public key (a convenient sweep destination).
#[must_use]
pub fn p2wpkh_destination(key: &bitcoin::secp256k1::PublicKey) -> ScriptBuf {
    super::scripts::p2wpkh(key)
}

/// The report of a built simple-taproot commitment: each output with its internal key, merkle
/// root and leaves (named as the proposal names them).
#[must_use]
pub fn taproot_commitment_report(com: &TaprootCommitment) -> Map<String, Value> {
    let s = &com.spec;
    let outputs = com
        .outputs
        .iter()
        .enumerate()
        .map(|(i, o)| {
            let mut e = Map::new();
            e.insert("index".into(), json!(i));
            e.insert("role".into(), json!(o.role.name()));
            e.insert("amount_sat".into(), json!(o.amount_sat));
            e.insert("script_pubkey".into(), json!(hex::encode(o.tap.script_pubkey().as_bytes())));
            e.insert("internal_key".into(), json!(hex::encode(o.tap.internal_key.serialize())));
            if let Some(root) = o.tap.spend_info.merkle_root() {
                e.insert("tapscript_root".into(), json!(root.to_string()));
            }
            let names = super::taproot::leaf_names(o.role);
            let leaves: Vec<Value> = o
                .tap
                .leaves
                .iter()
                .enumerate()
                .map(|(j, l)| {
                    json!({
                        "name": names.get(j).copied().unwrap_or("leaf"),
                        "script": hex::encode(l.as_bytes()),
                        "leaf_hash": o.tap.leaf_hash(j).map(|h| h.to_string()).unwrap_or_default(),
                    })
                })
                .collect();
            e.insert("leaves".into(), Value::Array(leaves));
            if let Some(h) = o.htlc.and_then(|h| s.htlcs.get(h)) {
                e.insert("payment_hash".into(), json!(hex::encode(h.payment_hash)));
                e.insert("amount_msat".into(), json!(h.amount_msat));
                e.insert("cltv_expiry".into(), json!(h.cltv_expiry));
            }
            if o.role == super::OutputRole::ToLocal {
                e.insert("to_self_delay".into(), json!(s.to_self_delay));
            }
            Value::Object(e)
        })
        .collect();
    let mut m = tx_report("commitment", &com.tx, Some(com.fee_sat), outputs);
    m.insert("channel_type".into(), json!(ChannelType::SimpleTaproot.name()));
    commitment_fields(
        &mut m,
        &CommitmentFields {
            commitment_number: s.commitment_number,
            obscuring_factor: s.obscuring_factor,
            base_fee_sat: com.base_fee_sat,
            expected_weight: com.expected_weight,
            trimmed: &com.trimmed_htlcs,
            htlcs: &s.htlcs,
            keys: &s.keys,
        },
    );
    m.insert(
        "funding_script_pubkey".into(),
        json!(hex::encode(com.funding_prevout.script_pubkey.as_bytes())),
    );
    m
}

/// The report of a simple-taproot HTLC transaction.
#[must_use]
pub fn taproot_htlc_report(ht: &TaprootHtlcTx) -> Map<String, Value> {
    let kind = match ht.direction {
        super::HtlcDirection::Offered => HtlcTxKind::Timeout,
        super::HtlcDirection::Received => HtlcTxKind::Success,
    };
    let outputs = ht
        .tx
        .output
        .iter()
        .enumerate()
        .map(|(i, o)| plain_output(i, o, Some("to_local")))
        .collect();
    let spent = ht.prevout.value.to_sat();
    let out: u64 = ht.tx.output.iter().map(|o| o.value.to_sat()).sum();
    let mut m = tx_report(kind.name(), &ht.tx, spent.checked_sub(out), outputs);
    m.insert(
        "commitment_output".into(),
        json!(ht.tx.input.first().map(|i| i.previous_output.vout)),
    );
    m.insert("payment_hash".into(), json!(hex::encode(ht.payment_hash)));
    m.insert("leaf".into(), json!(if ht.leaf == 0 { "timeout" } else { "success" }));
    m
}

/// One side's MuSig2 material for a taproot commitment.
struct MusigSide {
    secnonce: Option<SecNonce>,
    pubnonce: Option<PubNonce>,
    partial_sig: Option<[u8; 32]>,
    funding_secret: Option<SecretKey>,
}

fn musig_side(s: Option<&json::SideKeys>, path: &str) -> Result<MusigSide> {
    let Some(s) = s else {
        return Ok(MusigSide {
            secnonce: None,
            pubnonce: None,
            partial_sig: None,
            funding_secret: None,
        });
    };
    let secnonce = s
        .musig2_secnonce
        .as_ref()
        .map(SecNonce::from_bytes)
        .transpose()
        .map_err(|e| e.within(format!("{path}.musig2_secnonce")))?;
    let given = s
        .musig2_pubnonce
        .as_ref()
        .map(PubNonce::from_bytes)
        .transpose()
        .map_err(|e| e.within(format!("{path}.musig2_pubnonce")))?;
    let derived = secnonce.as_ref().map(SecNonce::public_nonce).transpose()?;
    if let (Some(g), Some(d)) = (given, derived) {
        if g != d {
            return Err(Error::invalid("does not match musig2_secnonce")
                .within(format!("{path}.musig2_pubnonce")));
        }
    }
    Ok(MusigSide {
        secnonce,
        pubnonce: given.or(derived),
        partial_sig: s.musig2_partial_sig,
        funding_secret: s.funding_secret,
    })
}

/// MuSig2-signs a taproot commitment with what the spec gives (each side: a secret nonce plus
/// funding key, or a partial signature; both public nonces). Returns whether it is signed and
/// the MuSig2 part of the report.
fn sign_taproot_commitment(
    p: &ParsedCommitment,
    com: &mut TaprootCommitment,
    guard: &mut NonceGuard<'_>,
) -> Result<(bool, Map<String, Value>)> {
    let (hpath, cpath) = if p.holder_is_local { ("local", "remote") } else { ("remote", "local") };
    let holder = musig_side(p.holder.as_ref(), hpath)?;
    let counterparty = musig_side(p.counterparty.as_ref(), cpath)?;
    let msg = com.message()?;
    let mut m = Map::new();
    m.insert("message".into(), json!(hex::encode(msg)));
    let (Some(hn), Some(cn)) = (holder.pubnonce, counterparty.pubnonce) else {
        m.insert("missing".into(), json!("both sides' musig2_pubnonce (or musig2_secnonce)"));
        return Ok((false, m));
    };
    m.insert("holder_pubnonce".into(), json!(hex::encode(hn.to_bytes())));
    m.insert("counterparty_pubnonce".into(), json!(hex::encode(cn.to_bytes())));
    let session = com.session(&[hn, cn])?;
    let aggnonce = crate::crypto::musig2::AggNonce::sum(&[hn, cn]).to_bytes();
    m.insert("aggregate_nonce".into(), json!(hex::encode(aggnonce)));
    let digest = {
        use bitcoin::hashes::{sha256, Hash, HashEngine};
        let mut e = sha256::Hash::engine();
        e.input(&session.keyagg().xonly_pubkey());
        e.input(&aggnonce);
        e.input(&msg);
        sha256::Hash::from_engine(e).to_byte_array()
    };
    let keys = com.spec.keys;
    let mut partial = |side: MusigSide,
                       nonce: PubNonce,
                       funding: &bitcoin::secp256k1::PublicKey,
                       path: &str|
     -> Result<Option<[u8; 32]>> {
        if let Some(psig) = side.partial_sig {
            session
                .verify_partial(&psig, &nonce, &funding.serialize())
                .map_err(|e| e.within(format!("{path}.musig2_partial_sig")))?;
            return Ok(Some(psig));
        }
        match (side.secnonce, side.funding_secret) {
            (Some(sec), Some(key)) => {
                if sec.pubkey() != funding.serialize() {
                    return Err(Error::invalid("was generated for another funding key")
                        .within(format!("{path}.musig2_secnonce")));
                }
                guard(&nonce, &digest)?;
                Ok(Some(session.sign(sec, &key.secret_bytes())?))
            }
            _ => Ok(None),
        }
    };
    let hs = partial(holder, hn, &keys.local_funding, hpath)?;
    let cs = partial(counterparty, cn, &keys.remote_funding, cpath)?;
    if let Some(s) = hs {
        m.insert("holder_partial_sig".into(), json!(hex::encode(s)));
    }
    if let Some(s) = cs {
        m.insert("counterparty_partial_sig".into(), json!(hex::encode(s)));
    }
    let (Some(hs), Some(cs)) = (hs, cs) else { return Ok((false, m)) };
    let sig = session.aggregate(&[hs, cs])?;
    com.set_signature(&sig)?;
    m.insert("signature".into(), json!(hex::encode(sig)));
    Ok((true, m))
}

/// Signs a taproot HTLC transaction when both HTLC basepoint secrets (and for success the
/// preimage) are known.
fn sign_taproot_htlc(p: &ParsedCommitment, ht: &mut TaprootHtlcTx) -> Result<bool> {
    let Some(point) = p.per_commitment_point else { return Ok(false) };
    let (Some(h), Some(c)) =
        (p.holder.and_then(|h| h.htlc_secret), p.counterparty.and_then(|c| c.htlc_secret))
    else {
        return Ok(false);
    };
    let success = ht.direction == super::HtlcDirection::Received;
    let preimage = p.preimages.iter().find(|(hash, _)| *hash == ht.payment_hash).map(|x| x.1);
    if success && preimage.is_none() {
        return Ok(false);
    }
    let local = ht.sign_local(&keys::derive_privkey(&h, &point)?.secret_bytes())?;
    let remote = ht.sign_remote(&keys::derive_privkey(&c, &point)?.secret_bytes())?;
    ht.finalize(&remote, &local, preimage.as_ref())?;
    Ok(true)
}

fn taproot_commitment_and_htlcs(
    p: &ParsedCommitment,
    o: &Obj<'_>,
    only_htlcs: bool,
    guard: &mut NonceGuard<'_>,
) -> Result<Vec<Built>> {
    let mut com = TaprootCommitment::build(TaprootSpec::from_commitment_spec(&p.spec)?)?;
    let (signed, musig) = sign_taproot_commitment(p, &mut com, guard)?;
    let with_htlcs = only_htlcs || o.opt_bool("htlc_txs")?.unwrap_or(false);
    let (mut htlc_reports, mut htlc_built) = (Vec::new(), Vec::new());
    if with_htlcs {
        for mut ht in com.htlc_txs()? {
            let signed = sign_taproot_htlc(p, &mut ht)?;
            let mut r = taproot_htlc_report(&ht);
            r.insert("signed".into(), json!(signed));
            htlc_reports.push(Value::Object(r.clone()));
            htlc_built.push(Built { tx: ht.tx, signed, report: r });
        }
    }
    let mut out = Vec::new();
    if !only_htlcs {
        let mut report = taproot_commitment_report(&com);
        report.insert("signed".into(), json!(signed));
        report.insert("musig2".into(), Value::Object(musig));
        if with_htlcs {
            report.insert("htlc_txs".into(), Value::Array(htlc_reports));
        }
        out.push(Built { tx: com.tx, signed, report });
    }
    out.extend(htlc_built);
    Ok(out)
}
