//! BOLT 3 "Funding Transaction Output" (P2WSH of the 2-of-2 funding script), the single-funded
//! funding transaction of Appendix B, and the interactive (dual-funded, BOLT 2 `tx_add_input` /
//! `tx_add_output`) construction and fee split of Appendix G.

use bitcoin::absolute::LockTime;
use bitcoin::secp256k1::PublicKey;
use bitcoin::transaction::Version;
use bitcoin::{Amount, OutPoint, ScriptBuf, Sequence, Transaction, TxIn, TxOut, Witness};

use super::scripts;
use super::weight::fee_sat;
use crate::{Error, Result};

/// The funding output: `funding_sat` to P2WSH(2-of-2 of the two funding keys, sorted).
#[must_use]
pub fn funding_output(funding_sat: u64, a: &PublicKey, b: &PublicKey) -> TxOut {
    TxOut {
        value: Amount::from_sat(funding_sat),
        script_pubkey: scripts::p2wsh(&scripts::funding_script(a, b)),
    }
}

/// A wallet input of a single-funded funding transaction, with the size it will have signed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FundingInput {
    /// The coin spent.
    pub previous_output: OutPoint,
    /// Its value.
    pub value_sat: u64,
    /// nSequence.
    pub sequence: Sequence,
    /// scriptSig length once signed (107 for P2PKH with a 72-byte signature, 0 for segwit).
    pub signed_script_sig_len: u64,
    /// Serialized witness size once signed, item count included (0 for non-segwit).
    pub signed_witness_len: u64,
}

/// A built funding transaction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FundingTx {
    /// The unsigned transaction.
    pub tx: Transaction,
    /// Index of the funding output.
    pub funding_output: u32,
    /// The funding witness script.
    pub funding_script: ScriptBuf,
    /// Fee paid.
    pub fee_sat: u64,
    /// Weight once every input is signed as announced.
    pub expected_weight: u64,
}

/// Builds a version-2 funding transaction: the funding output and a change output (left out
/// when it would be dust, adding to the fee), in BIP 69 order; the fee is
/// `feerate_per_kw * signed weight / 1000`.
pub fn build_funding_tx(
    inputs: &[FundingInput],
    funding_sat: u64,
    local_funding: &PublicKey,
    remote_funding: &PublicKey,
    change_script: ScriptBuf,
    feerate_per_kw: u32,
    lock_time: LockTime,
) -> Result<FundingTx> {
    if inputs.is_empty() {
        return Err(Error::invalid("needs at least one input").within("inputs"));
    }
    let funding = funding_output(funding_sat, local_funding, remote_funding);
    let change = TxOut { value: Amount::ZERO, script_pubkey: change_script };
    let mut tx = Transaction {
        version: Version::TWO,
        lock_time,
        input: inputs
            .iter()
            .map(|i| TxIn {
                previous_output: i.previous_output,
                script_sig: ScriptBuf::new(),
                sequence: i.sequence,
                witness: Witness::new(),
            })
            .collect(),
        output: vec![funding, change],
    };
    let expected_weight = signed_weight(&tx, inputs)?;
    let fee = fee_sat(feerate_per_kw, expected_weight)?;
    let total_in = inputs
        .iter()
        .try_fold(0u64, |acc, i| acc.checked_add(i.value_sat))
        .ok_or_else(|| Error::invalid("input values overflow"))?;
    let change_sat =
        total_in.checked_sub(funding_sat).and_then(|x| x.checked_sub(fee)).ok_or_else(|| {
            Error::rule(format!("inputs ({total_in} sat) do not cover funding + fee ({fee} sat)"))
        })?;
    let mut fee_paid = fee;
    match tx.output.get_mut(1) {
        Some(out) if change_sat >= out.script_pubkey.minimal_non_dust().to_sat() => {
            out.value = Amount::from_sat(change_sat);
        }
        _ => {
            tx.output.truncate(1);
            fee_paid = fee.saturating_add(change_sat);
        }
    }
    tx.output.sort_by(|a, b| {
        (a.value, a.script_pubkey.as_bytes()).cmp(&(b.value, b.script_pubkey.as_bytes()))
    });
    let funding_script = scripts::funding_script(local_funding, remote_funding);
    let spk = scripts::p2wsh(&funding_script);
    let funding_output = tx
        .output
        .iter()
        .position(|o| o.script_pubkey == spk)
        .and_then(|i| u32::try_from(i).ok())
        .ok_or_else(|| Error::invalid("funding output lost"))?;
    Ok(FundingTx { tx, funding_output, funding_script, fee_sat: fee_paid, expected_weight })
}

/// Weight of `tx` once its inputs carry the announced scriptSigs and witnesses.
fn signed_weight(tx: &Transaction, inputs: &[FundingInput]) -> Result<u64> {
    let overflow = || Error::invalid("input sizes overflow");
    let mut base = tx.base_size() as u64;
    let mut witness = 0u64;
    for i in inputs {
        // A scriptSig of 253 bytes or more needs a 3-byte length instead of 1.
        let len_growth = if i.signed_script_sig_len >= 253 { 2 } else { 0 };
        base = base.checked_add(i.signed_script_sig_len + len_growth).ok_or_else(overflow)?;
        witness = witness.checked_add(i.signed_witness_len).ok_or_else(overflow)?;
    }
    if witness > 0 {
        // Marker and flag, plus an empty stack count for each non-witness input.
        let empty = inputs.iter().filter(|i| i.signed_witness_len == 0).count() as u64;
        witness = witness.checked_add(2 + empty).ok_or_else(overflow)?;
    }
    base.checked_mul(4).and_then(|b| b.checked_add(witness)).ok_or_else(overflow)
}

/// An input added with `tx_add_input` (BOLT 2 interactive transaction construction).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InteractiveInput {
    /// `serial_id`: the transaction orders inputs by it.
    pub serial_id: u64,
    /// `prevtx` id and `prevtx_vout`.
    pub previous_output: OutPoint,
    /// `sequence`.
    pub sequence: Sequence,
}

/// An output added with `tx_add_output`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InteractiveOutput {
    /// `serial_id`: the transaction orders outputs by it.
    pub serial_id: u64,
    /// `sats`.
    pub value_sat: u64,
    /// `script`.
    pub script_pubkey: ScriptBuf,
}

/// Assembles the interactive funding transaction: version 2, inputs and outputs in ascending
/// `serial_id` order, `locktime` from `open_channel2`. Duplicate serial ids are rejected.
pub fn build_interactive_tx(
    inputs: &[InteractiveInput],
    outputs: &[InteractiveOutput],
    lock_time: LockTime,
) -> Result<Transaction> {
    let mut ins: Vec<&InteractiveInput> = inputs.iter().collect();
    ins.sort_by_key(|i| i.serial_id);
    let mut outs: Vec<&InteractiveOutput> = outputs.iter().collect();
    outs.sort_by_key(|o| o.serial_id);
    let mut ids: Vec<u64> =
        ins.iter().map(|i| i.serial_id).chain(outs.iter().map(|o| o.serial_id)).collect();
    ids.sort_unstable();
    if let Some(w) = ids.windows(2).find(|w| w.first() == w.get(1)) {
        return Err(Error::rule(format!("duplicate serial_id {:?}", w.first())));
    }
    Ok(Transaction {
        version: Version::TWO,
        lock_time,
        input: ins
            .iter()
            .map(|i| TxIn {
                previous_output: i.previous_output,
                script_sig: ScriptBuf::new(),
                sequence: i.sequence,
                witness: Witness::new(),
            })
            .collect(),
        output: outs
            .iter()
            .map(|o| TxOut {
                value: Amount::from_sat(o.value_sat),
                script_pubkey: o.script_pubkey.clone(),
            })
            .collect(),
    })
}

/// Minimum weight counted for each input's witness in the fee split (a P2WPKH spend).
pub const MIN_INPUT_WITNESS_WEIGHT: u64 = 107;

/// The weight a party pays for in an interactive transaction: its inputs (non-witness part,
/// plus the larger of 107 WU per input and their real witness weight) and its outputs; the
/// initiator also pays the common fields (version, locktime, counts, segwit marker and flag),
/// and includes the shared funding output among its `output_script_lens`.
pub fn contribution_weight(
    initiator: bool,
    input_witness_weights: &[u64],
    output_script_lens: &[usize],
) -> Result<u64> {
    let overflow = || Error::invalid("weights overflow");
    let common: u64 = if initiator { (1 + 1 + 4 + 4) * 4 + 2 } else { 0 };
    let n = input_witness_weights.len() as u64;
    let inputs = n.checked_mul((32 + 4 + 1 + 4) * 4).ok_or_else(overflow)?;
    let actual = input_witness_weights
        .iter()
        .try_fold(0u64, |a, w| a.checked_add(*w))
        .ok_or_else(overflow)?;
    let witness = actual.max(n.saturating_mul(MIN_INPUT_WITNESS_WEIGHT));
    let outputs = output_script_lens
        .iter()
        .try_fold(0u64, |a, len| a.checked_add((8 + 1 + *len as u64) * 4))
        .ok_or_else(overflow)?;
    [inputs, witness, outputs]
        .iter()
        .try_fold(common, |a, x| a.checked_add(*x))
        .ok_or_else(overflow)
}

/// Fee for a contribution weight. Appendix G rounds up: 609 WU at 253 sat/kw pays 155 sat and
/// 395 WU pays 100 sat (the spec's worked text writes "398 * 253 / 1000", a typo for 395).
pub fn contribution_fee_sat(weight: u64, feerate_per_kw: u32) -> Result<u64> {
    weight
        .checked_mul(u64::from(feerate_per_kw))
        .map(|x| x.div_ceil(1000))
        .ok_or_else(|| Error::invalid("fee overflows"))
}
