//! Single-signer BIP-340 adaptor signatures (notes/spec-protocol.md §1.2), following the
//! secp256k1-zkp PR #299 draft as specified by ZhePang/Python_Specification_for_Schnorr_Adaptor
//! (`schnorr_presig_sign`, `schnorr_presig_verify`, `schnorr_extract_adaptor`, `schnorr_adapt`,
//! `schnorr_extract_secadaptor`).
//!
//! A pre-signature on message m under key P and adaptor point T = t·G becomes a BIP-340
//! signature once t is added (or subtracted); anyone holding both learns t.
//!
//! Two encodings exist (notes §1.2): the draft's `cbytes(R') || s'` with R' = R + T the
//! *adapted* nonce (its parity byte says whether adapt adds or subtracts t), which is
//! [`PreSignature::to_bytes`]; and the `musig2` crate's `cbytes(R) || s'` with the *un-adapted*
//! nonce R, [`PreSignature::to_unadapted_bytes`]. An infinite un-adapted nonce is rejected in
//! both directions (its adaptor relation would not bind the signer).

use bitcoin::secp256k1::PublicKey;

use super::point::{cpoint, has_even_y, lift_x, xbytes, Point};
use super::scalar::Scalar;
use super::schnorr::{challenge, even_y_key, join64, split64, tagged_hash};
use crate::{Error, ErrorKind, Result};

/// A pre-signature `(R', s')` with R' the adapted nonce.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PreSignature {
    r_adapted: PublicKey,
    s: Scalar,
}

impl PreSignature {
    /// From the adapted nonce R' and s'.
    #[must_use]
    pub fn new(r_adapted: PublicKey, s: Scalar) -> PreSignature {
        PreSignature { r_adapted, s }
    }

    /// The adapted nonce R' (the R of the final signature).
    #[must_use]
    pub fn adapted_nonce(&self) -> PublicKey {
        self.r_adapted
    }

    /// s'.
    #[must_use]
    pub fn s(&self) -> Scalar {
        self.s
    }

    /// Parses the draft's 65 bytes `cbytes(R') || bytes(32, s')`.
    pub fn from_bytes(b: &[u8; 65]) -> Result<PreSignature> {
        let (r, s) = split65(b);
        Ok(PreSignature {
            r_adapted: cpoint(&r).map_err(|e| e.within("pre-signature nonce"))?,
            s: Scalar::from_bytes(&s)
                .ok_or_else(|| Error::invalid("s' is not below n").within("pre-signature"))?,
        })
    }

    /// The draft's encoding, `cbytes(R') || bytes(32, s')`.
    #[must_use]
    pub fn to_bytes(&self) -> [u8; 65] {
        join65(&self.r_adapted.serialize(), &self.s.to_bytes())
    }

    /// Parses the `musig2` crate's `cbytes(R) || bytes(32, s')` (R un-adapted) given T.
    pub fn from_unadapted_bytes(b: &[u8; 65], t: &PublicKey) -> Result<PreSignature> {
        let (r, s) = split65(b);
        if r.iter().all(|&x| x == 0) {
            return Err(
                Error::invalid("un-adapted nonce is the point at infinity").within("pre-signature")
            );
        }
        let r = cpoint(&r).map_err(|e| e.within("pre-signature nonce"))?;
        let r_adapted = Point::Finite(r).add(&Point::Finite(*t)).finite("adapted nonce R + T")?;
        let s = Scalar::from_bytes(&s)
            .ok_or_else(|| Error::invalid("s' is not below n").within("pre-signature"))?;
        Ok(PreSignature { r_adapted, s })
    }

    /// The `musig2` crate's encoding `cbytes(R' - T) || bytes(32, s')`.
    pub fn to_unadapted_bytes(&self, t: &PublicKey) -> Result<[u8; 65]> {
        let r = Point::Finite(self.r_adapted)
            .sub(&Point::Finite(*t))
            .finite("un-adapted nonce R' - T")?;
        Ok(join65(&r.serialize(), &self.s.to_bytes()))
    }
}

/// `schnorr_presig_sign(m, sk, aux_rand, T)`: nonce
/// `k0 = hash_SchnorrAdaptor/nonce((d ⊕ hash_SchnorrAdaptor/aux(aux)) || cbytes(T) || x(P) || m)`,
/// `R' = k0·G + T`, `s' = k + e·d` with k negated when R' has odd y. Verified before return.
pub fn pre_sign(
    sk: &[u8; 32],
    msg: &[u8],
    aux_rand: &[u8; 32],
    t: &PublicKey,
) -> Result<PreSignature> {
    let (d, p_x) = even_y_key(sk)?;
    let aux = tagged_hash("SchnorrAdaptor/aux", &[aux_rand]);
    let mut masked = d.to_bytes();
    for (m, a) in masked.iter_mut().zip(aux) {
        *m ^= a;
    }
    let k0 =
        Scalar::reduce(&tagged_hash("SchnorrAdaptor/nonce", &[&masked, &t.serialize(), &p_x, msg]));
    if k0.is_zero() {
        return Err(Error::new(ErrorKind::Crypto, "nonce is zero (negligible probability)"));
    }
    let r_adapted = Point::base_mul(&k0).add(&Point::Finite(*t)).finite("adapted nonce R + T")?;
    let k = k0.negate_if(!has_even_y(&r_adapted));
    let e = challenge(&xbytes(&r_adapted), &p_x, msg);
    let pre = PreSignature { r_adapted, s: k.add(&e.mul(&d)) };
    pre_verify(&p_x, msg, t, &pre)?;
    Ok(pre)
}

/// `schnorr_extract_adaptor(m, P, pre)`: the adaptor point a pre-signature commits to:
/// `T = R' ∓ (s'·G − e·P)` (minus when R' has even y). Fails when `s'·G − e·P` (the un-adapted
/// nonce) or T is infinite.
pub fn extract_adaptor_point(pk_x: &[u8; 32], msg: &[u8], pre: &PreSignature) -> Result<PublicKey> {
    let p = lift_x(pk_x).map_err(|e| e.within("public key"))?;
    let e = challenge(&xbytes(&pre.r_adapted), pk_x, msg);
    let r = Point::base_mul(&pre.s).sub(&Point::Finite(p).mul(&e));
    if r.is_infinity() {
        return Err(Error::new(ErrorKind::Crypto, "un-adapted nonce s'·G − e·P is infinite"));
    }
    let r_adapted = Point::Finite(pre.r_adapted);
    let t = if has_even_y(&pre.r_adapted) { r_adapted.sub(&r) } else { r_adapted.add(&r) };
    t.finite("adaptor point").map_err(|e| Error::new(ErrorKind::Crypto, e.message().to_owned()))
}

/// `schnorr_presig_verify(m, T, P, pre)`: `Ok` iff adapting `pre` with the secret of T yields
/// a valid BIP-340 signature of m under P.
pub fn pre_verify(pk_x: &[u8; 32], msg: &[u8], t: &PublicKey, pre: &PreSignature) -> Result<()> {
    if extract_adaptor_point(pk_x, msg, pre)? == *t {
        Ok(())
    } else {
        Err(Error::new(ErrorKind::Crypto, "pre-signature does not commit to this adaptor point"))
    }
}

/// `schnorr_adapt(pre, t)`: the BIP-340 signature `x(R') || s' ± t` (plus when R' has even y).
pub fn adapt(pre: &PreSignature, secret: &[u8; 32]) -> Result<[u8; 64]> {
    let t = Scalar::from_bytes(secret)
        .ok_or_else(|| Error::invalid("adaptor secret is not below n"))?;
    let s = pre.s.add(&t.negate_if(!has_even_y(&pre.r_adapted)));
    Ok(join64(&xbytes(&pre.r_adapted), &s.to_bytes()))
}

/// `schnorr_extract_secadaptor(pre, sig)`: `t = ±(s − s')`. The signature must carry the
/// pre-signature's nonce; use [`extract_secret_for`] when T is known, to check the result.
pub fn extract_secret(pre: &PreSignature, sig: &[u8; 64]) -> Result<[u8; 32]> {
    let (r_x, s) = split64(sig);
    if r_x != xbytes(&pre.r_adapted) {
        return Err(Error::new(
            ErrorKind::Crypto,
            "signature nonce differs from the pre-signature's",
        ));
    }
    let s = Scalar::from_bytes(&s)
        .ok_or_else(|| Error::invalid("s is not below n").within("signature"))?;
    Ok(s.sub(&pre.s).negate_if(!has_even_y(&pre.r_adapted)).to_bytes())
}

/// [`extract_secret`], then checks `t·G = T`.
pub fn extract_secret_for(
    pre: &PreSignature,
    sig: &[u8; 64],
    t_point: &PublicKey,
) -> Result<[u8; 32]> {
    let t = extract_secret(pre, sig)?;
    let ok = Scalar::from_bytes(&t).is_some_and(|s| Point::base_mul(&s) == Point::Finite(*t_point));
    if ok {
        Ok(t)
    } else {
        Err(Error::new(ErrorKind::Crypto, "extracted secret does not match the adaptor point"))
    }
}

fn split65(b: &[u8; 65]) -> ([u8; 33], [u8; 32]) {
    let mut r = [0u8; 33];
    let mut s = [0u8; 32];
    let (l, rest) = b.split_at(33);
    r.copy_from_slice(l);
    s.copy_from_slice(rest);
    (r, s)
}

fn join65(r: &[u8; 33], s: &[u8; 32]) -> [u8; 65] {
    let mut out = [0u8; 65];
    let (l, rest) = out.split_at_mut(33);
    l.copy_from_slice(r);
    rest.copy_from_slice(s);
    out
}
