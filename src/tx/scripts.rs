//! BOLT 3 "Transaction Output" scripts: the 2-of-2 funding script, `to_local`, `to_remote`
//! (P2WPKH, or the 1-CSV P2WSH with `option_anchors`), the keyed anchors, the shared P2A anchor
//! of zero-fee commitments (bolts#1228), and offered/received HTLC scripts.
//!
//! Scripts are witness scripts; wrap them with [`p2wsh`] for the output.

use bitcoin::hashes::{hash160, ripemd160, Hash};
use bitcoin::opcodes::all::{
    OP_CHECKMULTISIG, OP_CHECKSIG, OP_CHECKSIGVERIFY, OP_CLTV, OP_CSV, OP_DROP, OP_DUP, OP_ELSE,
    OP_ENDIF, OP_EQUAL, OP_EQUALVERIFY, OP_HASH160, OP_IF, OP_IFDUP, OP_NOTIF, OP_SIZE, OP_SWAP,
};
use bitcoin::script::Builder;
use bitcoin::secp256k1::PublicKey;
use bitcoin::{CompressedPublicKey, ScriptBuf};

fn push_key(b: Builder, key: &PublicKey) -> Builder {
    b.push_slice(key.serialize())
}

/// `2 <pubkey1> <pubkey2> 2 OP_CHECKMULTISIG`, keys in lexicographic order of their encoding.
#[must_use]
pub fn funding_script(a: &PublicKey, b: &PublicKey) -> ScriptBuf {
    let (first, second) = if a.serialize() <= b.serialize() { (a, b) } else { (b, a) };
    let builder = push_key(push_key(Builder::new().push_int(2), first), second);
    builder.push_int(2).push_opcode(OP_CHECKMULTISIG).into_script()
}

/// `to_local` (and the HTLC-transaction output): revocable by the counterparty at once, or
/// spendable by the holder's delayed key after `to_self_delay` blocks.
#[must_use]
pub fn to_local_script(
    revocation: &PublicKey,
    to_self_delay: u16,
    local_delayed: &PublicKey,
) -> ScriptBuf {
    let b = push_key(Builder::new().push_opcode(OP_IF), revocation)
        .push_opcode(OP_ELSE)
        .push_int(i64::from(to_self_delay))
        .push_opcode(OP_CSV)
        .push_opcode(OP_DROP);
    push_key(b, local_delayed).push_opcode(OP_ENDIF).push_opcode(OP_CHECKSIG).into_script()
}

/// `to_remote` with `option_anchors`: `<remotepubkey> OP_CHECKSIGVERIFY 1 OP_CSV`.
#[must_use]
pub fn to_remote_anchors_script(remote: &PublicKey) -> ScriptBuf {
    push_key(Builder::new(), remote)
        .push_opcode(OP_CHECKSIGVERIFY)
        .push_int(1)
        .push_opcode(OP_CSV)
        .into_script()
}

/// Keyed anchor (`option_anchors`): the funding key, or anyone after 16 blocks.
#[must_use]
pub fn anchor_script(funding_pubkey: &PublicKey) -> ScriptBuf {
    push_key(Builder::new(), funding_pubkey)
        .push_opcode(OP_CHECKSIG)
        .push_opcode(OP_IFDUP)
        .push_opcode(OP_NOTIF)
        .push_int(16)
        .push_opcode(OP_CSV)
        .push_opcode(OP_ENDIF)
        .into_script()
}

/// The shared anchor of zero-fee commitments: pay-to-anchor `OP_1 <0x4e73>` (BIP 433).
#[must_use]
pub fn shared_anchor_script_pubkey() -> ScriptBuf {
    ScriptBuf::new_p2a()
}

/// P2WSH output script of a witness script.
#[must_use]
pub fn p2wsh(witness_script: &ScriptBuf) -> ScriptBuf {
    ScriptBuf::new_p2wsh(&witness_script.wscript_hash())
}

/// P2WPKH output script of a key (to_remote without `option_anchors`).
#[must_use]
pub fn p2wpkh(key: &PublicKey) -> ScriptBuf {
    ScriptBuf::new_p2wpkh(&CompressedPublicKey(*key).wpubkey_hash())
}

/// The common head of both HTLC scripts: revocation path, then the remote key and the
/// preimage-size test that selects the branch.
fn htlc_head(rev_hash: [u8; 20], remote_htlc: &PublicKey) -> Builder {
    let b = Builder::new()
        .push_opcode(OP_DUP)
        .push_opcode(OP_HASH160)
        .push_slice(rev_hash)
        .push_opcode(OP_EQUAL)
        .push_opcode(OP_IF)
        .push_opcode(OP_CHECKSIG)
        .push_opcode(OP_ELSE);
    push_key(b, remote_htlc)
        .push_opcode(OP_SWAP)
        .push_opcode(OP_SIZE)
        .push_int(32)
        .push_opcode(OP_EQUAL)
}

fn htlc_tail(b: Builder, csv1: bool) -> ScriptBuf {
    let b = b.push_opcode(OP_ENDIF);
    let b = if csv1 { b.push_int(1).push_opcode(OP_CSV).push_opcode(OP_DROP) } else { b };
    b.push_opcode(OP_ENDIF).into_script()
}

/// Offered HTLC (the holder pays): remote claims with the preimage, or the holder times it out
/// through an HTLC-timeout transaction both signed. `csv1` is set with `option_anchors`.
#[must_use]
pub fn offered_htlc_script(
    revocation: &PublicKey,
    local_htlc: &PublicKey,
    remote_htlc: &PublicKey,
    payment_hash: &[u8; 32],
    csv1: bool,
) -> ScriptBuf {
    offered_htlc_script_from_hashes(
        &hash160::Hash::hash(&revocation.serialize()).to_byte_array(),
        local_htlc,
        remote_htlc,
        &ripemd160::Hash::hash(payment_hash).to_byte_array(),
        csv1,
    )
}

/// [`offered_htlc_script`] from the hashes the script holds: `HASH160(revocationpubkey)` and
/// `RIPEMD160(payment_hash)` (what a decoder can read back out of a script).
#[must_use]
pub fn offered_htlc_script_from_hashes(
    revocation_hash160: &[u8; 20],
    local_htlc: &PublicKey,
    remote_htlc: &PublicKey,
    payment_hash_ripemd160: &[u8; 20],
    csv1: bool,
) -> ScriptBuf {
    let b = htlc_head(*revocation_hash160, remote_htlc)
        .push_opcode(OP_NOTIF)
        .push_opcode(OP_DROP)
        .push_int(2)
        .push_opcode(OP_SWAP);
    let b = push_key(b, local_htlc)
        .push_int(2)
        .push_opcode(OP_CHECKMULTISIG)
        .push_opcode(OP_ELSE)
        .push_opcode(OP_HASH160)
        .push_slice(*payment_hash_ripemd160)
        .push_opcode(OP_EQUALVERIFY)
        .push_opcode(OP_CHECKSIG);
    htlc_tail(b, csv1)
}

/// Received HTLC (the holder is paid): the holder claims with the preimage through an
/// HTLC-success transaction both signed, or the remote takes it back after `cltv_expiry`.
#[must_use]
pub fn received_htlc_script(
    revocation: &PublicKey,
    local_htlc: &PublicKey,
    remote_htlc: &PublicKey,
    payment_hash: &[u8; 32],
    cltv_expiry: u32,
    csv1: bool,
) -> ScriptBuf {
    received_htlc_script_from_hashes(
        &hash160::Hash::hash(&revocation.serialize()).to_byte_array(),
        local_htlc,
        remote_htlc,
        &ripemd160::Hash::hash(payment_hash).to_byte_array(),
        cltv_expiry,
        csv1,
    )
}

/// [`received_htlc_script`] from the hashes the script holds (see
/// [`offered_htlc_script_from_hashes`]).
#[must_use]
pub fn received_htlc_script_from_hashes(
    revocation_hash160: &[u8; 20],
    local_htlc: &PublicKey,
    remote_htlc: &PublicKey,
    payment_hash_ripemd160: &[u8; 20],
    cltv_expiry: u32,
    csv1: bool,
) -> ScriptBuf {
    let b = htlc_head(*revocation_hash160, remote_htlc)
        .push_opcode(OP_IF)
        .push_opcode(OP_HASH160)
        .push_slice(*payment_hash_ripemd160)
        .push_opcode(OP_EQUALVERIFY)
        .push_int(2)
        .push_opcode(OP_SWAP);
    let b = push_key(b, local_htlc)
        .push_int(2)
        .push_opcode(OP_CHECKMULTISIG)
        .push_opcode(OP_ELSE)
        .push_opcode(OP_DROP)
        .push_int(i64::from(cltv_expiry))
        .push_opcode(OP_CLTV)
        .push_opcode(OP_DROP)
        .push_opcode(OP_CHECKSIG);
    htlc_tail(b, csv1)
}
