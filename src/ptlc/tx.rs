//! PTLC second-stage transactions (notes/spec-protocol.md §1.5) shaped as the taproot HTLC ones
//! of simple taproot channels (bolts PR #995 "HTLC Second Level Transactions"): version 2, one
//! input (sequence 1) spending a PTLC output of a commitment transaction, one output. BIP-341
//! sighashes, witnesses, and the extraction of a PTLC secret from a completed witness.
//!
//! * PTLC-success (received PTLC, holder's commitment): locktime 0, output = the delayed output
//!   of [`super::script::DelayedOutput`]; witness `<remote_sig> <local_sig> <success_leaf>
//!   <control_block>` where `remote_sig` is the remote's adaptor pre-signature completed with
//!   the PTLC secret (or, on a [`KeyPath::MuSig2`] output, one MuSig2 adaptor signature on the
//!   key path).
//! * PTLC-timeout (offered PTLC): locktime `cltv_expiry`, same output; plain signatures.
//! * Claim-success (offered PTLC, spent by the remote from the holder's commitment): output to
//!   the remote's script; the holder's (local) signature is the adaptor-signed one.
//!
//! The pre-signed counterparty signature uses `SIGHASH_SINGLE|SIGHASH_ANYONECANPAY`
//! ([`PRESIGNED_SIGHASH`]) as the HTLC second stage does, so the spender can add fee inputs; the
//! spender's own signature uses `SIGHASH_DEFAULT`.

use bitcoin::absolute::LockTime;
use bitcoin::secp256k1::PublicKey;
use bitcoin::sighash::{Prevouts, SighashCache};
use bitcoin::taproot::ControlBlock;
use bitcoin::transaction::Version;
use bitcoin::{
    Amount, OutPoint, ScriptBuf, Sequence, TapSighashType, Transaction, TxIn, TxOut, Witness,
};

use super::script::{leaf_hash, DelayedOutput, KeyPath, PtlcOutput, Role};
use crate::crypto::adaptor::{self, PreSignature};
use crate::crypto::{Point, Scalar};
use crate::{Error, ErrorKind, Result};

/// The sighash of the counterparty's pre-signed (possibly adaptor) signature.
pub const PRESIGNED_SIGHASH: TapSighashType = TapSighashType::SinglePlusAnyoneCanPay;
/// The sighash of the spender's own signature.
pub const OWN_SIGHASH: TapSighashType = TapSighashType::Default;

/// Which second-stage transaction.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    /// PTLC-success: the holder claims a received PTLC.
    Success,
    /// PTLC-timeout: the holder takes back an offered PTLC after `cltv_expiry`.
    Timeout,
    /// Claim-success: the remote claims a PTLC the holder offered, from the holder's commitment.
    ClaimSuccess,
}

/// An unsigned second-stage transaction and what it takes to sign and finish it.
#[derive(Clone, Debug)]
pub struct SecondStage {
    /// Which transaction.
    pub kind: Kind,
    /// The transaction, witness empty.
    pub tx: Transaction,
    /// The PTLC output it spends.
    pub prevout: TxOut,
    /// The leaf of the script path.
    pub leaf: ScriptBuf,
    /// The control block revealing `leaf`.
    pub control_block: ControlBlock,
}

fn one_in_one_out(outpoint: OutPoint, lock_time: LockTime, output: TxOut) -> Transaction {
    Transaction {
        version: Version::TWO,
        lock_time,
        input: vec![TxIn {
            previous_output: outpoint,
            script_sig: ScriptBuf::new(),
            sequence: Sequence::from_consensus(1),
            witness: Witness::new(),
        }],
        output: vec![output],
    }
}

fn net(value: Amount, fee: Amount) -> Result<Amount> {
    value.checked_sub(fee).ok_or_else(|| Error::invalid("the fee exceeds the PTLC amount"))
}

/// The PTLC-success transaction of a received PTLC.
pub fn ptlc_success(
    out: &PtlcOutput,
    outpoint: OutPoint,
    value: Amount,
    fee: Amount,
    to_self_delay: u16,
) -> Result<SecondStage> {
    if out.role != Role::Received {
        return Err(Error::rule("PTLC-success spends a received PTLC"));
    }
    let delayed = DelayedOutput::new(&out.keys.revocation, &out.keys.local_delayed, to_self_delay)?;
    let txout = TxOut { value: net(value, fee)?, script_pubkey: delayed.script_pubkey() };
    Ok(SecondStage {
        kind: Kind::Success,
        tx: one_in_one_out(outpoint, LockTime::ZERO, txout),
        prevout: TxOut { value, script_pubkey: out.script_pubkey() },
        leaf: out.success_leaf.clone(),
        control_block: out.control_block(&out.success_leaf)?,
    })
}

/// The PTLC-timeout transaction of an offered PTLC (locktime `cltv_expiry`).
pub fn ptlc_timeout(
    out: &PtlcOutput,
    outpoint: OutPoint,
    value: Amount,
    fee: Amount,
    to_self_delay: u16,
) -> Result<SecondStage> {
    if out.role != Role::Offered {
        return Err(Error::rule("PTLC-timeout spends an offered PTLC"));
    }
    let delayed = DelayedOutput::new(&out.keys.revocation, &out.keys.local_delayed, to_self_delay)?;
    let txout = TxOut { value: net(value, fee)?, script_pubkey: delayed.script_pubkey() };
    Ok(SecondStage {
        kind: Kind::Timeout,
        tx: one_in_one_out(outpoint, LockTime::from_consensus(out.cltv_expiry), txout),
        prevout: TxOut { value, script_pubkey: out.script_pubkey() },
        leaf: out.timeout_leaf.clone(),
        control_block: out.control_block(&out.timeout_leaf)?,
    })
}

/// The remote's claim of a PTLC the holder offered, paying `destination`.
pub fn claim_success(
    out: &PtlcOutput,
    outpoint: OutPoint,
    value: Amount,
    fee: Amount,
    destination: ScriptBuf,
) -> Result<SecondStage> {
    if out.role != Role::Offered {
        return Err(Error::rule("claim-success spends an offered PTLC"));
    }
    let txout = TxOut { value: net(value, fee)?, script_pubkey: destination };
    Ok(SecondStage {
        kind: Kind::ClaimSuccess,
        tx: one_in_one_out(outpoint, LockTime::ZERO, txout),
        prevout: TxOut { value, script_pubkey: out.script_pubkey() },
        leaf: out.success_leaf.clone(),
        control_block: out.control_block(&out.success_leaf)?,
    })
}

impl SecondStage {
    /// The BIP-341 script-path sighash of the leaf for `ty` (the message a signature signs).
    pub fn script_sighash(&self, ty: TapSighashType) -> Result<[u8; 32]> {
        let prevouts = [self.prevout.clone()];
        SighashCache::new(&self.tx)
            .taproot_script_spend_signature_hash(
                0,
                &Prevouts::All(&prevouts),
                leaf_hash(&self.leaf),
                ty,
            )
            .map(|h| *h.as_ref())
            .map_err(|e| Error::invalid(format!("sighash: {e}")))
    }

    /// The BIP-341 key-path sighash for `ty` (a [`KeyPath::MuSig2`] PTLC-success).
    pub fn key_sighash(&self, ty: TapSighashType) -> Result<[u8; 32]> {
        let prevouts = [self.prevout.clone()];
        SighashCache::new(&self.tx)
            .taproot_key_spend_signature_hash(0, &Prevouts::All(&prevouts), ty)
            .map(|h| *h.as_ref())
            .map_err(|e| Error::invalid(format!("sighash: {e}")))
    }

    /// The script-path spend: witness `<remote_sig> <local_sig> <leaf> <control_block>`.
    #[must_use]
    pub fn finish_script(
        &self,
        remote: (&[u8; 64], TapSighashType),
        local: (&[u8; 64], TapSighashType),
    ) -> Transaction {
        let mut tx = self.tx.clone();
        let mut w = Witness::new();
        w.push(with_sighash(remote.0, remote.1));
        w.push(with_sighash(local.0, local.1));
        w.push(self.leaf.as_bytes());
        w.push(self.control_block.serialize());
        if let Some(input) = tx.input.first_mut() {
            input.witness = w;
        }
        tx
    }

    /// The key-path spend: witness `<sig>` (a completed MuSig2 adaptor signature).
    pub fn finish_key(
        &self,
        out: &PtlcOutput,
        sig: &[u8; 64],
        ty: TapSighashType,
    ) -> Result<Transaction> {
        if out.key_path != KeyPath::MuSig2 {
            return Err(Error::rule("only a MuSig2 key path can be spent by the two signers"));
        }
        let mut tx = self.tx.clone();
        if let Some(input) = tx.input.first_mut() {
            input.witness = Witness::from_slice(&[with_sighash(sig, ty)]);
        }
        Ok(tx)
    }
}

/// A BIP-341 signature: 64 bytes, plus the sighash byte unless `SIGHASH_DEFAULT`.
#[must_use]
pub fn with_sighash(sig: &[u8; 64], ty: TapSighashType) -> Vec<u8> {
    let mut v = sig.to_vec();
    if ty != TapSighashType::Default {
        v.push(ty as u8);
    }
    v
}

/// Where a secret was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Extracted {
    /// The input index.
    pub input: usize,
    /// The witness item index.
    pub item: usize,
    /// The adaptor secret.
    pub secret: [u8; 32],
}

/// Finds the signature in `tx`'s witnesses that completes `pre` and returns the adaptor secret.
/// With `point`, the secret must open it (otherwise any signature with the same nonce would do).
pub fn extract_secret(
    tx: &Transaction,
    pre: &PreSignature,
    point: Option<&PublicKey>,
) -> Result<Extracted> {
    for (input, txin) in tx.input.iter().enumerate() {
        for (item, w) in txin.witness.iter().enumerate() {
            let Some(sig) = w.get(..64).and_then(|s| <[u8; 64]>::try_from(s).ok()) else {
                continue;
            };
            if !(w.len() == 64 || w.len() == 65) {
                continue;
            }
            // a nonce mismatch just means another signature of the witness
            let Ok(secret) = adaptor::extract_secret(pre, &sig) else { continue };
            if let Some(t) = point {
                let opens = Scalar::from_bytes(&secret)
                    .is_some_and(|s| Point::base_mul(&s) == Point::Finite(*t));
                if !opens {
                    return Err(Error::new(
                        ErrorKind::Crypto,
                        "the secret extracted does not open the adaptor point",
                    )
                    .within(format!("input {input} witness item {item}")));
                }
            }
            return Ok(Extracted { input, item, secret });
        }
    }
    Err(Error::new(
        ErrorKind::Crypto,
        "no witness signature completes this pre-signature (its nonce appears nowhere)",
    ))
}
