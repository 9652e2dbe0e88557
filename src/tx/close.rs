//! BOLT 3 "Legacy Closing Transaction" (`closing_signed`) and "Closing Transaction"
//! (`option_simple_close`, BOLT 2 `closing_complete` / `closing_sig`): mutual closes spending
//! the funding output with both funding signatures.

#![allow(clippy::similar_names)]

use bitcoin::absolute::LockTime;
use bitcoin::ecdsa::Signature;
use bitcoin::secp256k1::{Message, PublicKey, SecretKey};
use bitcoin::sighash::EcdsaSighashType;
use bitcoin::transaction::Version;
use bitcoin::{Amount, OutPoint, ScriptBuf, Sequence, Transaction, TxIn, TxOut, Txid, Witness};

use super::commitment::Side;
use super::{scripts, sign};
use crate::{Error, Result};

/// Which outputs a simple-close transaction keeps (the `closing_tlvs` record signed).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SimpleCloseVariant {
    /// `closer_output_only`.
    CloserOnly,
    /// `closee_output_only`.
    CloseeOnly,
    /// `closer_and_closee_outputs`.
    Both,
}

impl SimpleCloseVariant {
    /// The TLV name.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            SimpleCloseVariant::CloserOnly => "closer_output_only",
            SimpleCloseVariant::CloseeOnly => "closee_output_only",
            SimpleCloseVariant::Both => "closer_and_closee_outputs",
        }
    }

    /// Parses [`SimpleCloseVariant::name`].
    pub fn from_name(s: &str) -> Result<Self> {
        match s {
            "closer_output_only" => Ok(SimpleCloseVariant::CloserOnly),
            "closee_output_only" => Ok(SimpleCloseVariant::CloseeOnly),
            "closer_and_closee_outputs" | "both" => Ok(SimpleCloseVariant::Both),
            _ => Err(Error::invalid(format!("unknown close variant {s:?}"))),
        }
    }
}

/// One output of a closing transaction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CloseOutput {
    /// `local`/`remote` (legacy) or `closer`/`closee` (simple close).
    pub role: &'static str,
    /// Value.
    pub amount_sat: u64,
    /// Script from `shutdown` / `closing_complete`.
    pub script_pubkey: ScriptBuf,
}

/// A built mutual close.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CloseTx {
    /// The transaction (witness empty until [`CloseTx::finalize`]).
    pub tx: Transaction,
    /// Outputs with roles, in transaction order.
    pub outputs: Vec<CloseOutput>,
    /// Fee actually paid (funding minus outputs).
    pub fee_sat: u64,
    /// Funding amount.
    pub funding_sat: u64,
    /// The funding witness script.
    pub funding_script: ScriptBuf,
    /// The two funding keys (any order).
    pub funding_keys: [PublicKey; 2],
}

/// The common inputs of both close formats.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CloseFunding {
    /// The funding outpoint.
    pub outpoint: OutPoint,
    /// Funding amount.
    pub funding_sat: u64,
    /// Both `funding_pubkey`s.
    pub keys: [PublicKey; 2],
}

fn balance_sat(msat: u64, fee: u64, pays: bool, what: &str) -> Result<u64> {
    let sat = msat / 1000;
    if pays {
        sat.checked_sub(fee).ok_or_else(|| {
            Error::rule(format!("{what} balance of {sat} sat cannot pay the {fee} sat fee"))
        })
    } else {
        Ok(sat)
    }
}

/// Legacy close (`closing_signed`): version 2, locktime 0, sequence 0xFFFFFFFF; the funder's
/// output pays `fee_sat`; outputs below `dust_limit_sat` are left out; BIP 69 order.
#[allow(clippy::too_many_arguments)]
pub fn legacy_close(
    funding: &CloseFunding,
    local_msat: u64,
    remote_msat: u64,
    local_script: ScriptBuf,
    remote_script: ScriptBuf,
    fee_sat: u64,
    funder: Side,
    dust_limit_sat: u64,
) -> Result<CloseTx> {
    check_total(funding, local_msat, remote_msat)?;
    let local = balance_sat(local_msat, fee_sat, funder == Side::Local, "local")?;
    let remote = balance_sat(remote_msat, fee_sat, funder == Side::Remote, "remote")?;
    let mut outs = Vec::new();
    for (role, amount, script) in
        [("local", local, local_script), ("remote", remote, remote_script)]
    {
        if amount >= dust_limit_sat.max(1) {
            outs.push(CloseOutput { role, amount_sat: amount, script_pubkey: script });
        }
    }
    assemble(funding, outs, Sequence::MAX, LockTime::ZERO)
}

/// `option_simple_close` closing transaction: version 2, `locktime` from `closing_complete`,
/// sequence 0xFFFFFFFD; the closer's output pays `fee_sat`; an `OP_RETURN` output gets 0 sat;
/// `variant` says which outputs exist; BIP 69 order.
#[allow(clippy::too_many_arguments)]
pub fn simple_close(
    funding: &CloseFunding,
    closer_msat: u64,
    closee_msat: u64,
    closer_script: ScriptBuf,
    closee_script: ScriptBuf,
    fee_sat: u64,
    lock_time: u32,
    variant: SimpleCloseVariant,
) -> Result<CloseTx> {
    check_total(funding, closer_msat, closee_msat)?;
    let mut outs = Vec::new();
    // The closer pays the fee out of its balance even when its output is left out or is an
    // OP_RETURN (the rest then goes to fees too).
    let closer_sat = balance_sat(closer_msat, fee_sat, true, "closer")?;
    if variant == SimpleCloseVariant::CloseeOnly {
        drop(closer_script);
    } else {
        let amount = if closer_script.is_op_return() { 0 } else { closer_sat };
        outs.push(CloseOutput { role: "closer", amount_sat: amount, script_pubkey: closer_script });
    }
    if variant != SimpleCloseVariant::CloserOnly {
        let amount = if closee_script.is_op_return() { 0 } else { closee_msat / 1000 };
        outs.push(CloseOutput { role: "closee", amount_sat: amount, script_pubkey: closee_script });
    }
    assemble(funding, outs, Sequence::ENABLE_RBF_NO_LOCKTIME, LockTime::from_consensus(lock_time))
}

fn check_total(funding: &CloseFunding, a_msat: u64, b_msat: u64) -> Result<()> {
    let total = a_msat.checked_add(b_msat).ok_or_else(|| Error::invalid("balances overflow"))?;
    let funding_msat = funding
        .funding_sat
        .checked_mul(1000)
        .ok_or_else(|| Error::invalid("overflows").within("funding_sat"))?;
    if total > funding_msat {
        return Err(Error::rule(format!(
            "balances sum to {total} msat, above the {funding_msat} msat funding"
        ))
        .within("balances"));
    }
    Ok(())
}

fn assemble(
    funding: &CloseFunding,
    mut outs: Vec<CloseOutput>,
    sequence: Sequence,
    lock_time: LockTime,
) -> Result<CloseTx> {
    if outs.is_empty() {
        return Err(Error::rule("closing transaction would have no output"));
    }
    outs.sort_by(|a, b| {
        (a.amount_sat, a.script_pubkey.as_bytes()).cmp(&(b.amount_sat, b.script_pubkey.as_bytes()))
    });
    let sum = outs
        .iter()
        .try_fold(0u64, |a, o| a.checked_add(o.amount_sat))
        .ok_or_else(|| Error::invalid("outputs overflow"))?;
    let fee_sat = funding
        .funding_sat
        .checked_sub(sum)
        .ok_or_else(|| Error::rule("outputs exceed the funding amount"))?;
    let [a, b] = funding.keys;
    let tx = Transaction {
        version: Version::TWO,
        lock_time,
        input: vec![TxIn {
            previous_output: funding.outpoint,
            script_sig: ScriptBuf::new(),
            sequence,
            witness: Witness::new(),
        }],
        output: outs
            .iter()
            .map(|o| TxOut {
                value: Amount::from_sat(o.amount_sat),
                script_pubkey: o.script_pubkey.clone(),
            })
            .collect(),
    };
    Ok(CloseTx {
        tx,
        outputs: outs,
        fee_sat,
        funding_sat: funding.funding_sat,
        funding_script: scripts::funding_script(&a, &b),
        funding_keys: [a, b],
    })
}

impl CloseTx {
    /// The message both funding keys sign.
    pub fn message(&self) -> Result<Message> {
        sign::p2wsh_message(
            &self.tx,
            0,
            &self.funding_script,
            self.funding_sat,
            EcdsaSighashType::All,
        )
    }

    /// Signs with one funding key.
    pub fn sign(&self, key: &SecretKey) -> Result<Signature> {
        Ok(sign::sign_message(&self.message()?, key, EcdsaSighashType::All))
    }

    /// Checks both signatures (each by one of the funding keys) and sets the witness.
    pub fn finalize(&mut self, sigs: [&Signature; 2]) -> Result<()> {
        let msg = self.message()?;
        let [k0, k1] = self.funding_keys;
        let [s0, s1] = sigs;
        sign::verify_message(&msg, s0, &k0).map_err(|e| e.within("first signature"))?;
        sign::verify_message(&msg, s1, &k1).map_err(|e| e.within("second signature"))?;
        self.tx.input.get_mut(0).ok_or_else(|| Error::invalid("no input"))?.witness =
            funding_witness((&k0, s0), (&k1, s1), &self.funding_script);
        Ok(())
    }

    /// The transaction id.
    #[must_use]
    pub fn txid(&self) -> Txid {
        self.tx.compute_txid()
    }

    /// The funding output spent.
    #[must_use]
    pub fn prevout(&self) -> TxOut {
        TxOut {
            value: Amount::from_sat(self.funding_sat),
            script_pubkey: scripts::p2wsh(&self.funding_script),
        }
    }
}

/// `0 <sig for pubkey1> <sig for pubkey2> <script>`, signatures in the script's key order.
#[must_use]
pub fn funding_witness(
    a: (&PublicKey, &Signature),
    b: (&PublicKey, &Signature),
    script: &ScriptBuf,
) -> Witness {
    let (first, second) = if a.0.serialize() <= b.0.serialize() { (a.1, b.1) } else { (b.1, a.1) };
    Witness::from_slice(&[Vec::new(), first.to_vec(), second.to_vec(), script.to_bytes()])
}
