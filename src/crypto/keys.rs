//! BOLT 3 "Key Derivation": per-commitment points, the per-commitment public and private keys
//! (`localpubkey`, `remotepubkey`, `local_htlcpubkey`, `remote_htlcpubkey`,
//! `local_delayedpubkey`, `remote_delayedpubkey`) and the revocation key pair.
//!
//! All points are 33-byte compressed secp256k1 points; scalars are reduced mod n by the
//! secp256k1 library, which reports the (negligible) cases that leave the group.

use std::sync::OnceLock;

use bitcoin::hashes::{sha256, Hash, HashEngine};
use bitcoin::secp256k1::{All, PublicKey, Scalar, Secp256k1, SecretKey};

use crate::{Error, Result};

/// The shared verification and signing context (building one costs more than a signature).
pub fn secp() -> &'static Secp256k1<All> {
    static CTX: OnceLock<Secp256k1<All>> = OnceLock::new();
    CTX.get_or_init(Secp256k1::new)
}

/// `SHA256(a || b)` over two compressed points.
fn hash_points(a: &PublicKey, b: &PublicKey) -> [u8; 32] {
    let mut engine = sha256::Hash::engine();
    engine.input(&a.serialize());
    engine.input(&b.serialize());
    sha256::Hash::from_engine(engine).to_byte_array()
}

/// A 32-byte hash as a tweak; the hash is at or above the group order with negligible
/// probability, and then the key is unusable rather than silently reduced.
fn scalar(hash: [u8; 32], what: &str) -> Result<Scalar> {
    Scalar::from_be_bytes(hash).map_err(|_| Error::invalid(format!("{what} hash is not a scalar")))
}

/// `per_commitment_point = per_commitment_secret * G`.
#[must_use]
pub fn per_commitment_point(per_commitment_secret: &SecretKey) -> PublicKey {
    PublicKey::from_secret_key(secp(), per_commitment_secret)
}

/// `pubkey = basepoint + SHA256(per_commitment_point || basepoint) * G`.
pub fn derive_pubkey(basepoint: &PublicKey, per_commitment_point: &PublicKey) -> Result<PublicKey> {
    let tweak = scalar(hash_points(per_commitment_point, basepoint), "derivation")?;
    basepoint
        .add_exp_tweak(secp(), &tweak)
        .map_err(|_| Error::invalid("derived pubkey is the point at infinity"))
}

/// `privkey = basepoint_secret + SHA256(per_commitment_point || basepoint)`.
pub fn derive_privkey(
    basepoint_secret: &SecretKey,
    per_commitment_point: &PublicKey,
) -> Result<SecretKey> {
    let basepoint = PublicKey::from_secret_key(secp(), basepoint_secret);
    let tweak = scalar(hash_points(per_commitment_point, &basepoint), "derivation")?;
    basepoint_secret.add_tweak(&tweak).map_err(|_| Error::invalid("derived privkey is zero"))
}

/// `revocationpubkey = revocation_basepoint * SHA256(revocation_basepoint || per_commitment_point)
///   + per_commitment_point * SHA256(per_commitment_point || revocation_basepoint)`.
///
/// `revocation_basepoint` belongs to the party who may punish (the counterparty of the
/// commitment holder), `per_commitment_point` to the holder.
pub fn derive_revocation_pubkey(
    revocation_basepoint: &PublicKey,
    per_commitment_point: &PublicKey,
) -> Result<PublicKey> {
    let rb_tweak = scalar(hash_points(revocation_basepoint, per_commitment_point), "revocation")?;
    let pc_tweak = scalar(hash_points(per_commitment_point, revocation_basepoint), "revocation")?;
    let a = revocation_basepoint
        .mul_tweak(secp(), &rb_tweak)
        .map_err(|_| Error::invalid("revocation basepoint tweak failed"))?;
    let b = per_commitment_point
        .mul_tweak(secp(), &pc_tweak)
        .map_err(|_| Error::invalid("per-commitment point tweak failed"))?;
    a.combine(&b).map_err(|_| Error::invalid("revocation pubkey is the point at infinity"))
}

/// `revocationprivkey = revocation_basepoint_secret * SHA256(revocation_basepoint || per_commitment_point)
///   + per_commitment_secret * SHA256(per_commitment_point || revocation_basepoint)`,
/// computable once the holder has revealed `per_commitment_secret`.
pub fn derive_revocation_privkey(
    revocation_basepoint_secret: &SecretKey,
    per_commitment_secret: &SecretKey,
) -> Result<SecretKey> {
    let revocation_basepoint = PublicKey::from_secret_key(secp(), revocation_basepoint_secret);
    let point = per_commitment_point(per_commitment_secret);
    let rb_tweak = scalar(hash_points(&revocation_basepoint, &point), "revocation")?;
    let pc_tweak = scalar(hash_points(&point, &revocation_basepoint), "revocation")?;
    let a = revocation_basepoint_secret
        .mul_tweak(&rb_tweak)
        .map_err(|_| Error::invalid("revocation basepoint secret tweak failed"))?;
    let b = per_commitment_secret
        .mul_tweak(&pc_tweak)
        .map_err(|_| Error::invalid("per-commitment secret tweak failed"))?;
    a.add_tweak(&Scalar::from(b)).map_err(|_| Error::invalid("revocation privkey is zero"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn privkey_matches_pubkey() {
        let base = SecretKey::from_slice(&[7; 32]).unwrap();
        let pcs = SecretKey::from_slice(&[9; 32]).unwrap();
        let pcp = per_commitment_point(&pcs);
        let bp = PublicKey::from_secret_key(secp(), &base);
        let sk = derive_privkey(&base, &pcp).unwrap();
        assert_eq!(PublicKey::from_secret_key(secp(), &sk), derive_pubkey(&bp, &pcp).unwrap());
        let rsk = derive_revocation_privkey(&base, &pcs).unwrap();
        assert_eq!(
            PublicKey::from_secret_key(secp(), &rsk),
            derive_revocation_pubkey(&bp, &pcp).unwrap()
        );
    }
}
