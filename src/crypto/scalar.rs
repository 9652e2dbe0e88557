//! Integers modulo the secp256k1 group order n (BIP-340 "Notation": `int`, `bytes`, `mod n`).
//!
//! `bitcoin::secp256k1::SecretKey` cannot hold zero, but BIP-327 needs zero freely (partial
//! signatures, accumulated tweaks, `k1 + b·k2`), so this is a small self-contained type. Values
//! are always fully reduced. Add, subtract and multiply avoid branches on the values.

use std::fmt;

/// n, most significant limb first.
const N: [u64; 4] =
    [0xFFFF_FFFF_FFFF_FFFF, 0xFFFF_FFFF_FFFF_FFFE, 0xBAAE_DCE6_AF48_A03B, 0xBFD2_5E8C_D036_4141];

/// An integer in `0..n`.
#[derive(Clone, Copy, PartialEq, Eq, Default, Hash)]
pub struct Scalar([u64; 4]);

impl fmt::Debug for Scalar {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Scalar({})", hex::encode(self.to_bytes()))
    }
}

/// `a + b` over 256 bits and the carry out.
fn add_raw(a: &[u64; 4], b: &[u64; 4]) -> ([u64; 4], u64) {
    let mut out = [0u64; 4];
    let mut carry = 0u64;
    for ((o, x), y) in out.iter_mut().zip(a).zip(b).rev() {
        let (s1, c1) = x.overflowing_add(*y);
        let (s2, c2) = s1.overflowing_add(carry);
        *o = s2;
        carry = u64::from(c1) | u64::from(c2);
    }
    (out, carry)
}

/// `a - b` over 256 bits and the borrow out.
fn sub_raw(a: &[u64; 4], b: &[u64; 4]) -> ([u64; 4], u64) {
    let mut out = [0u64; 4];
    let mut borrow = 0u64;
    for ((o, x), y) in out.iter_mut().zip(a).zip(b).rev() {
        let (d1, b1) = x.overflowing_sub(*y);
        let (d2, b2) = d1.overflowing_sub(borrow);
        *o = d2;
        borrow = u64::from(b1) | u64::from(b2);
    }
    (out, borrow)
}

/// `if mask == all-ones { a } else { b }` without a branch.
fn select(mask: u64, a: &[u64; 4], b: &[u64; 4]) -> [u64; 4] {
    let mut out = [0u64; 4];
    for ((o, x), y) in out.iter_mut().zip(a).zip(b) {
        *o = (x & mask) | (y & !mask);
    }
    out
}

/// Subtracts n once when `v (+ carry·2^256) >= n`; enough after one addition of reduced values
/// and for any 256-bit input because 2^256 < 2n.
fn reduce_once(v: &[u64; 4], carry: u64) -> [u64; 4] {
    let (d, borrow) = sub_raw(v, &N);
    // keep the difference when there was a carry in or no borrow out
    let take_diff = (carry | (borrow ^ 1)).wrapping_neg();
    select(take_diff, &d, v)
}

impl Scalar {
    /// Zero.
    pub const ZERO: Scalar = Scalar([0; 4]);
    /// One.
    pub const ONE: Scalar = Scalar([0, 0, 0, 1]);

    /// `int(b)`, or `None` when it is not below n.
    #[must_use]
    pub fn from_bytes(b: &[u8; 32]) -> Option<Scalar> {
        let v = limbs(b);
        let (_, borrow) = sub_raw(&v, &N);
        (borrow == 1).then_some(Scalar(v))
    }

    /// `int(b) mod n` (hash outputs).
    #[must_use]
    pub fn reduce(b: &[u8; 32]) -> Scalar {
        Scalar(reduce_once(&limbs(b), 0))
    }

    /// `int(b)` for a secret key: must be in `1..n`.
    #[must_use]
    pub fn from_nonzero_bytes(b: &[u8; 32]) -> Option<Scalar> {
        Scalar::from_bytes(b).filter(|s| !s.is_zero())
    }

    /// `bytes(32, x)`.
    #[must_use]
    pub fn to_bytes(&self) -> [u8; 32] {
        let mut out = [0u8; 32];
        for (chunk, limb) in out.chunks_exact_mut(8).zip(self.0) {
            chunk.copy_from_slice(&limb.to_be_bytes());
        }
        out
    }

    /// Whether this is zero.
    #[must_use]
    pub fn is_zero(&self) -> bool {
        self.0.iter().fold(0, |acc, l| acc | l) == 0
    }

    /// `(self + o) mod n`.
    #[must_use]
    pub fn add(&self, o: &Scalar) -> Scalar {
        let (s, carry) = add_raw(&self.0, &o.0);
        Scalar(reduce_once(&s, carry))
    }

    /// `(n - self) mod n`.
    #[must_use]
    pub fn neg(&self) -> Scalar {
        let (d, _) = sub_raw(&N, &self.0);
        let zero_mask = u64::from(self.is_zero()).wrapping_neg();
        Scalar(select(zero_mask, &[0; 4], &d))
    }

    /// `(self - o) mod n`.
    #[must_use]
    pub fn sub(&self, o: &Scalar) -> Scalar {
        self.add(&o.neg())
    }

    /// Negates when `cond` holds (the BIP-340 / BIP-327 parity adjustments).
    #[must_use]
    pub fn negate_if(&self, cond: bool) -> Scalar {
        let mask = u64::from(cond).wrapping_neg();
        Scalar(select(mask, &self.neg().0, &self.0))
    }

    /// `(self · o) mod n` by double-and-add over the bits of `o`, most significant first.
    #[must_use]
    pub fn mul(&self, o: &Scalar) -> Scalar {
        let mut acc = Scalar::ZERO;
        for limb in o.0 {
            for bit in (0..64).rev() {
                acc = acc.add(&acc);
                let mask = ((limb >> bit) & 1).wrapping_neg();
                acc = acc.add(&Scalar(select(mask, &self.0, &[0; 4])));
            }
        }
        acc
    }

    /// Overwrites the value with zero (for secrets about to be dropped).
    pub(crate) fn wipe(&mut self) {
        self.0 = [0; 4];
        std::hint::black_box(&self.0);
    }
}

fn limbs(b: &[u8; 32]) -> [u64; 4] {
    let mut out = [0u64; 4];
    for (limb, chunk) in out.iter_mut().zip(b.chunks_exact(8)) {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        *limb = u64::from_be_bytes(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(hex_str: &str) -> Scalar {
        let mut b = [0u8; 32];
        hex::decode_to_slice(hex_str, &mut b).unwrap();
        Scalar::from_bytes(&b).unwrap()
    }

    #[test]
    fn range_and_reduction() {
        let n_bytes = Scalar::ZERO.sub(&Scalar::ONE).add(&Scalar::ONE);
        assert!(n_bytes.is_zero());
        let mut n = [0u8; 32];
        hex::decode_to_slice(
            "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141",
            &mut n,
        )
        .unwrap();
        assert!(Scalar::from_bytes(&n).is_none());
        assert!(Scalar::reduce(&n).is_zero());
        assert_eq!(
            hex::encode(Scalar::reduce(&[0xff; 32]).to_bytes()),
            "000000000000000000000000000000014551231950b75fc4402da1732fc9bebe"
        );
    }

    #[test]
    fn arithmetic() {
        let minus_one = Scalar::ONE.neg();
        assert_eq!(minus_one.mul(&minus_one), Scalar::ONE);
        let a = s("7FB9E0E687ADA1EEBF7ECFE2F21E73EBDB51A7D450948DFE8D76D7F2D1007671");
        let b = s("E8F791FF9225A2AF0102AFFF4A9A723D9612A682A25EBE79802B263CDFCD83BB");
        assert_eq!(a.add(&b).sub(&b), a);
        assert_eq!(a.mul(&b), b.mul(&a));
        assert_eq!(a.mul(&Scalar::ZERO), Scalar::ZERO);
        // (a + 1)·b = a·b + b
        assert_eq!(a.add(&Scalar::ONE).mul(&b), a.mul(&b).add(&b));
        // cross-check against libsecp's scalar multiplication
        let sk = bitcoin::secp256k1::SecretKey::from_slice(&a.to_bytes()).unwrap();
        let prod = sk
            .mul_tweak(&bitcoin::secp256k1::Scalar::from_be_bytes(b.to_bytes()).unwrap())
            .unwrap();
        assert_eq!(prod.secret_bytes(), a.mul(&b).to_bytes());
        assert_eq!(a.negate_if(true), a.neg());
        assert_eq!(a.negate_if(false), a);
    }
}
