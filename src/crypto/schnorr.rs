//! BIP-340 Schnorr signatures: tagged hashes ("Design": tagged hashes), `PubKey`, `Sign` with
//! auxiliary randomness and `Verify` ("Default Signing", "Verification"). Messages may be of any
//! length, as BIP-340 allows since its 2022 revision.

use bitcoin::hashes::{sha256, Hash, HashEngine};

use super::point::{has_even_y, lift_x, xbytes, Point};
use super::scalar::Scalar;
use crate::{Error, ErrorKind, Result};

/// `hash_tag(x) = SHA256(SHA256(tag) || SHA256(tag) || x)`, with `x` given in parts.
#[must_use]
pub fn tagged_hash(tag: &str, parts: &[&[u8]]) -> [u8; 32] {
    let tag_hash = sha256::Hash::hash(tag.as_bytes());
    let mut eng = sha256::Hash::engine();
    eng.input(tag_hash.as_ref());
    eng.input(tag_hash.as_ref());
    for p in parts {
        eng.input(p);
    }
    sha256::Hash::from_engine(eng).to_byte_array()
}

/// `e = int(hash_BIP0340/challenge(r || x(P) || m)) mod n`.
#[must_use]
pub fn challenge(r_x: &[u8; 32], p_x: &[u8; 32], msg: &[u8]) -> Scalar {
    Scalar::reduce(&tagged_hash("BIP0340/challenge", &[r_x, p_x, msg]))
}

/// The x-only public key of a secret key (`PubKey(sk)`).
pub fn pubkey(sk: &[u8; 32]) -> Result<[u8; 32]> {
    let d0 = Scalar::from_nonzero_bytes(sk)
        .ok_or_else(|| Error::invalid("secret key must be in 1..n-1"))?;
    Ok(xbytes(&Point::base_mul(&d0).finite("d·G")?))
}

/// The secret key negated so that its point has even y, and that point's x coordinate.
pub(crate) fn even_y_key(sk: &[u8; 32]) -> Result<(Scalar, [u8; 32])> {
    let d0 = Scalar::from_nonzero_bytes(sk)
        .ok_or_else(|| Error::invalid("secret key must be in 1..n-1"))?;
    let p = Point::base_mul(&d0).finite("d·G")?;
    Ok((d0.negate_if(!has_even_y(&p)), xbytes(&p)))
}

/// `Sign(sk, m, a)`: a 64-byte signature `bytes(R) || bytes((k + e·d) mod n)`.
pub fn sign(sk: &[u8; 32], msg: &[u8], aux_rand: &[u8; 32]) -> Result<[u8; 64]> {
    let (d, p_x) = even_y_key(sk)?;
    let aux = tagged_hash("BIP0340/aux", &[aux_rand]);
    let mut masked = d.to_bytes();
    for (m, a) in masked.iter_mut().zip(aux) {
        *m ^= a;
    }
    let k0 = Scalar::reduce(&tagged_hash("BIP0340/nonce", &[&masked, &p_x, msg]));
    if k0.is_zero() {
        return Err(Error::new(ErrorKind::Crypto, "nonce is zero (negligible probability)"));
    }
    let r = Point::base_mul(&k0).finite("R")?;
    let k = k0.negate_if(!has_even_y(&r));
    let r_x = xbytes(&r);
    let e = challenge(&r_x, &p_x, msg);
    let s = k.add(&e.mul(&d));
    let sig = join64(&r_x, &s.to_bytes());
    // BIP-340 recommends verifying before release: a fault would otherwise leak the key
    verify(&p_x, msg, &sig)?;
    Ok(sig)
}

/// `Verify(pk, m, sig)`: `Ok` iff the signature is valid.
pub fn verify(pk_x: &[u8; 32], msg: &[u8], sig: &[u8; 64]) -> Result<()> {
    let p = lift_x(pk_x).map_err(|e| e.within("public key"))?;
    let (r_x, s_bytes) = split64(sig);
    let s = Scalar::from_bytes(&s_bytes)
        .ok_or_else(|| Error::invalid("s is not below n").within("signature"))?;
    // r >= p cannot be an x coordinate, so the x(R) = r comparison below rejects it
    let e = challenge(&r_x, pk_x, msg);
    let r = Point::base_mul(&s).sub(&Point::Finite(p).mul(&e));
    match r {
        Point::Finite(r) if has_even_y(&r) && xbytes(&r) == r_x => Ok(()),
        _ => Err(Error::new(ErrorKind::Crypto, "invalid BIP-340 signature")),
    }
}

pub(crate) fn join64(a: &[u8; 32], b: &[u8; 32]) -> [u8; 64] {
    let mut out = [0u8; 64];
    let (l, r) = out.split_at_mut(32);
    l.copy_from_slice(a);
    r.copy_from_slice(b);
    out
}

pub(crate) fn split64(bytes: &[u8; 64]) -> ([u8; 32], [u8; 32]) {
    let mut left = [0u8; 32];
    let mut right = [0u8; 32];
    let (l, r) = bytes.split_at(32);
    left.copy_from_slice(l);
    right.copy_from_slice(r);
    (left, right)
}
