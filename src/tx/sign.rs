//! BIP 143 signature hashes and deterministic (RFC 6979) ECDSA signatures over P2WSH inputs,
//! as BOLT 3 uses them: `SIGHASH_ALL` for commitments and local HTLC signatures,
//! `SIGHASH_SINGLE|SIGHASH_ANYONECANPAY` for the remote's HTLC signatures with anchors.

use bitcoin::ecdsa::Signature;
use bitcoin::secp256k1::{Message, PublicKey, SecretKey};
use bitcoin::sighash::{EcdsaSighashType, SighashCache};
use bitcoin::{Amount, Script, Transaction};

use crate::crypto::keys::secp;
use crate::{Error, Result};

/// The BIP 143 message for input `input` spending a P2WSH output of `value_sat`.
pub fn p2wsh_message(
    tx: &Transaction,
    input: usize,
    witness_script: &Script,
    value_sat: u64,
    sighash_type: EcdsaSighashType,
) -> Result<Message> {
    let hash = SighashCache::new(tx)
        .p2wsh_signature_hash(input, witness_script, Amount::from_sat(value_sat), sighash_type)
        .map_err(|e| Error::invalid(format!("signature hash: {e}")))?;
    Ok(Message::from(hash))
}

/// Signs `message` with `key` (RFC 6979 nonce, no grinding: the vectors expect this).
#[must_use]
pub fn sign_message(
    message: &Message,
    key: &SecretKey,
    sighash_type: EcdsaSighashType,
) -> Signature {
    Signature { signature: secp().sign_ecdsa(message, key), sighash_type }
}

/// Checks `sig` against `message` and `key`.
pub fn verify_message(message: &Message, sig: &Signature, key: &PublicKey) -> Result<()> {
    secp()
        .verify_ecdsa(message, &sig.signature, key)
        .map_err(|_| Error::new(crate::ErrorKind::Crypto, "signature does not verify"))
}

/// Parses a DER signature without a sighash byte (as in `commitment_signed`), with `sighash_type`.
pub fn signature_from_der(der: &[u8], sighash_type: EcdsaSighashType) -> Result<Signature> {
    let signature = bitcoin::secp256k1::ecdsa::Signature::from_der(der)
        .map_err(|e| Error::invalid(format!("DER signature: {e}")))?;
    Ok(Signature { signature, sighash_type })
}
