//! secp256k1 group elements including the point at infinity (BIP-327 "Notation": `cpoint`,
//! `cpoint_ext`, `cbytes`, `cbytes_ext`, `xbytes`, `lift_x`, `has_even_y`).
//!
//! Finite points are `bitcoin::secp256k1::PublicKey`; arithmetic goes through `combine`,
//! `mul_tweak` and `negate`, whose only failure is a result at infinity, which is what
//! [`Point::Infinity`] stands for.

use std::sync::OnceLock;

use bitcoin::secp256k1::{self, All, PublicKey, Secp256k1, SecretKey, XOnlyPublicKey};

use super::scalar::Scalar;
use crate::{Error, Result};

/// The shared verification/signing context (randomised once).
pub(crate) fn ctx() -> &'static Secp256k1<All> {
    static CTX: OnceLock<Secp256k1<All>> = OnceLock::new();
    CTX.get_or_init(Secp256k1::new)
}

/// A point of the group, possibly infinity.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Hash)]
pub enum Point {
    /// The identity element.
    Infinity,
    /// A finite point.
    Finite(PublicKey),
}

impl From<PublicKey> for Point {
    fn from(pk: PublicKey) -> Self {
        Point::Finite(pk)
    }
}

impl Point {
    /// The generator G.
    #[must_use]
    pub fn generator() -> Point {
        Point::base_mul(&Scalar::ONE)
    }

    /// `k·G`.
    #[must_use]
    pub fn base_mul(k: &Scalar) -> Point {
        // SecretKey rejects exactly zero, and 0·G is infinity
        SecretKey::from_slice(&k.to_bytes())
            .map_or(Point::Infinity, |sk| Point::Finite(PublicKey::from_secret_key(ctx(), &sk)))
    }

    /// `k·self`.
    #[must_use]
    pub fn mul(&self, k: &Scalar) -> Point {
        match self {
            Point::Infinity => Point::Infinity,
            Point::Finite(p) => secp256k1::Scalar::from_be_bytes(k.to_bytes())
                .ok()
                .and_then(|t| p.mul_tweak(ctx(), &t).ok())
                // the group has prime order: only k = 0 maps a finite point to infinity
                .map_or(Point::Infinity, Point::Finite),
        }
    }

    /// `self + o`.
    #[must_use]
    pub fn add(&self, o: &Point) -> Point {
        match (self, o) {
            (Point::Infinity, q) | (q, Point::Infinity) => *q,
            // combine fails only when the sum is infinity
            (Point::Finite(a), Point::Finite(b)) => {
                a.combine(b).map_or(Point::Infinity, Point::Finite)
            }
        }
    }

    /// `-self`.
    #[must_use]
    pub fn neg(&self) -> Point {
        match self {
            Point::Infinity => Point::Infinity,
            Point::Finite(p) => Point::Finite(p.negate(ctx())),
        }
    }

    /// `self - o`.
    #[must_use]
    pub fn sub(&self, o: &Point) -> Point {
        self.add(&o.neg())
    }

    /// Negates when `cond` holds.
    #[must_use]
    pub fn negate_if(&self, cond: bool) -> Point {
        if cond {
            self.neg()
        } else {
            *self
        }
    }

    /// The finite point, or an error naming `what` is infinite.
    pub fn finite(&self, what: &str) -> Result<PublicKey> {
        match self {
            Point::Finite(p) => Ok(*p),
            Point::Infinity => Err(Error::invalid(format!("{what} is the point at infinity"))),
        }
    }

    /// Whether this is infinity.
    #[must_use]
    pub fn is_infinity(&self) -> bool {
        matches!(self, Point::Infinity)
    }

    /// `cpoint_ext`: 33 zero bytes are infinity, anything else must be a compressed point.
    pub fn from_cbytes_ext(b: &[u8; 33]) -> Result<Point> {
        if b.iter().all(|&x| x == 0) {
            return Ok(Point::Infinity);
        }
        cpoint(b).map(Point::Finite)
    }

    /// `cbytes_ext`: infinity is 33 zero bytes.
    #[must_use]
    pub fn to_cbytes_ext(&self) -> [u8; 33] {
        match self {
            Point::Infinity => [0; 33],
            Point::Finite(p) => p.serialize(),
        }
    }
}

/// `cpoint`: a 33-byte compressed point (prefix 2 or 3, x below p, on the curve).
pub fn cpoint(b: &[u8; 33]) -> Result<PublicKey> {
    if !matches!(b.first(), Some(2 | 3)) {
        return Err(Error::invalid("compressed point must start with 0x02 or 0x03"));
    }
    PublicKey::from_slice(b).map_err(|_| Error::invalid("not a point on the curve"))
}

/// `lift_x`: the even-y point with this x coordinate.
pub fn lift_x(x: &[u8; 32]) -> Result<PublicKey> {
    XOnlyPublicKey::from_slice(x)
        .map(|xo| xo.public_key(secp256k1::Parity::Even))
        .map_err(|_| Error::invalid("x coordinate is not on the curve"))
}

/// `has_even_y`.
#[must_use]
pub fn has_even_y(p: &PublicKey) -> bool {
    p.serialize().first() == Some(&2)
}

/// `xbytes`.
#[must_use]
pub fn xbytes(p: &PublicKey) -> [u8; 32] {
    p.x_only_public_key().0.serialize()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn infinity_round_trips() {
        let g = Point::generator();
        assert!(g.sub(&g).is_infinity());
        assert_eq!(g.add(&Point::Infinity), g);
        assert_eq!(Point::from_cbytes_ext(&[0; 33]).unwrap(), Point::Infinity);
        assert_eq!(Point::Infinity.to_cbytes_ext(), [0; 33]);
        let two = Scalar::ONE.add(&Scalar::ONE);
        assert_eq!(g.add(&g), Point::base_mul(&two));
        assert_eq!(g.mul(&two), Point::base_mul(&two));
        assert!(g.mul(&Scalar::ZERO).is_infinity());
        assert!(Point::base_mul(&Scalar::ZERO).is_infinity());
    }
}
