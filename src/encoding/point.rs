//! BOLT 1 "Fundamental Types" `point`: "a 33-byte Elliptic Curve point (compressed encoding as
//! per SEC 1 standard)" on secp256k1, checked without decompressing it.
//!
//! <https://github.com/lightning/bolts/blob/master/01-messaging.md#fundamental-types>
//!
//! `02`/`03` ‖ x is a point exactly when x < p and x³ + 7 is a square mod p (then y exists; the
//! prefix only picks its parity, and x³ + 7 is never 0 as the group has odd prime order). The
//! Jacobi symbol answers that with a binary GCD, about 4× fewer instructions than the square
//! root `PublicKey::from_slice` computes, and decoders check many points they never use as keys
//! (every blinded hop of every path). Inputs are public: variable time is fine. The answers
//! equal libsecp256k1's (cross-checked in tests/vectors_bolt01.rs).

/// 256-bit number, little-endian 64-bit limbs.
type U256 = [u64; 4];

/// The field prime p = 2²⁵⁶ − 2³² − 977.
const P: U256 = [0xFFFF_FFFE_FFFF_FC2F, u64::MAX, u64::MAX, u64::MAX];
/// 2²⁵⁶ − p, so 2²⁵⁶ ≡ C (mod p).
const C: u64 = 0x1_0000_03D1;

/// True when `b` is a valid compressed secp256k1 point (33 bytes, prefix 2 or 3, x on the curve).
pub fn is_valid(b: &[u8]) -> bool {
    let Some((&prefix, x)) = b.split_first() else { return false };
    let Ok(x) = <&[u8; 32]>::try_from(x) else { return false };
    if prefix != 2 && prefix != 3 {
        return false;
    }
    let x = from_be(x);
    if !lt(&x, &P) {
        return false;
    }
    let x3 = mul(&mul(&x, &x), &x);
    is_square(add_small(&x3, 7))
}

fn from_be(b: &[u8; 32]) -> U256 {
    let limb = |i: usize| {
        b.get(i..i + 8).and_then(|s| <[u8; 8]>::try_from(s).ok()).map_or(0, u64::from_be_bytes)
    };
    [limb(24), limb(16), limb(8), limb(0)]
}

fn lt(a: &U256, b: &U256) -> bool {
    let ([a0, a1, a2, a3], [b0, b1, b2, b3]) = (*a, *b);
    (a3, a2, a1, a0) < (b3, b2, b1, b0)
}

fn sbb(a: u64, b: u64, borrow: bool) -> (u64, bool) {
    let (r, c1) = a.overflowing_sub(b);
    let (r, c2) = r.overflowing_sub(u64::from(borrow));
    (r, c1 | c2)
}

/// a − b for a ≥ b.
fn sub(a: &U256, b: &U256) -> U256 {
    let ([a0, a1, a2, a3], [b0, b1, b2, b3]) = (*a, *b);
    let (r0, c) = sbb(a0, b0, false);
    let (r1, c) = sbb(a1, b1, c);
    let (r2, c) = sbb(a2, b2, c);
    let (r3, _) = sbb(a3, b3, c);
    [r0, r1, r2, r3]
}

/// a + k mod p, for a < p and small k.
fn add_small(a: &U256, k: u64) -> U256 {
    let mut r = *a;
    let mut carry = u128::from(k);
    for limb in &mut r {
        let v = u128::from(*limb) + carry;
        *limb = v as u64;
        carry = v >> 64;
    }
    // a + k < 2²⁵⁶ because a < p = 2²⁵⁶ − C and k < C.
    if lt(&r, &P) {
        r
    } else {
        sub(&r, &P)
    }
}

/// a · b mod p, for a, b < p.
fn mul(a: &U256, b: &U256) -> U256 {
    let mut wide = [0u64; 8];
    for (i, &ai) in a.iter().enumerate() {
        let mut carry = 0u128;
        for (j, &bj) in b.iter().enumerate() {
            if let Some(slot) = wide.get_mut(i + j) {
                let v = u128::from(*slot) + u128::from(ai) * u128::from(bj) + carry;
                *slot = v as u64;
                carry = v >> 64;
            }
        }
        if let Some(slot) = wide.get_mut(i + 4) {
            *slot = carry as u64;
        }
    }
    let [l0, l1, l2, l3, h0, h1, h2, h3] = wide;
    // lo + hi·2²⁵⁶ ≡ lo + hi·C: a 4-limb number plus a carry below 2³⁴.
    let mut r = [l0, l1, l2, l3];
    let mut carry = 0u128;
    for (limb, h) in r.iter_mut().zip([h0, h1, h2, h3]) {
        let v = u128::from(*limb) + u128::from(h) * u128::from(C) + carry;
        *limb = v as u64;
        carry = v >> 64;
    }
    // Fold the carry again; it can overflow 2²⁵⁶ once more, by at most 1.
    let mut fold = carry * u128::from(C);
    for limb in &mut r {
        let v = u128::from(*limb) + fold;
        *limb = v as u64;
        fold = v >> 64;
    }
    if fold != 0 {
        // r wrapped, so it is tiny: adding C cannot overflow again.
        let [r0, r1, r2, r3] = r;
        let (s0, o) = r0.overflowing_add(C);
        let (s1, o) = r1.overflowing_add(u64::from(o));
        let (s2, o) = r2.overflowing_add(u64::from(o));
        r = [s0, s1, s2, r3.wrapping_add(u64::from(o))];
    }
    if lt(&r, &P) {
        r
    } else {
        sub(&r, &P)
    }
}

/// Jacobi symbol (a / p) == 1 for 0 < a < p, by the binary algorithm: strip factors of two
/// ((2/n) = −1 when n ≡ 3, 5 mod 8), keep a ≥ n by swapping (quadratic reciprocity flips the
/// sign when both are 3 mod 4), subtract. Finishes in 128-bit arithmetic once both fit.
fn is_square(a: U256) -> bool {
    let (mut a, mut n, mut neg) = (a, P, false);
    loop {
        let ([a0, a1, a2, a3], [n0, n1, _, _]) = (a, n);
        if a2 | a3 | n[2] | n[3] == 0 {
            let wide = |lo: u64, hi: u64| u128::from(lo) | (u128::from(hi) << 64);
            return jacobi_u128(wide(a0, a1), wide(n0, n1), neg);
        }
        if a0 | a1 | a2 | a3 == 0 {
            return false;
        }
        // Whole zero limbs first (an even number of bits: no sign change), then the rest.
        while a[0] == 0 {
            let [_, b1, b2, b3] = a;
            a = [b1, b2, b3, 0];
        }
        let z = a[0].trailing_zeros();
        if z > 0 {
            let [b0, b1, b2, b3] = a;
            a = [
                b0 >> z | b1 << (64 - z),
                b1 >> z | b2 << (64 - z),
                b2 >> z | b3 << (64 - z),
                b3 >> z,
            ];
            if z & 1 == 1 && matches!(n[0] & 7, 3 | 5) {
                neg = !neg;
            }
        }
        if lt(&a, &n) {
            std::mem::swap(&mut a, &mut n);
            if a[0] & 3 == 3 && n[0] & 3 == 3 {
                neg = !neg;
            }
        }
        a = sub(&a, &n);
    }
}

/// The same algorithm on 128-bit numbers (n odd).
fn jacobi_u128(mut a: u128, mut n: u128, mut neg: bool) -> bool {
    loop {
        if a == 0 {
            return n == 1 && !neg;
        }
        let z = a.trailing_zeros();
        a >>= z;
        if z & 1 == 1 && matches!(n & 7, 3 | 5) {
            neg = !neg;
        }
        if a < n {
            std::mem::swap(&mut a, &mut n);
            if a & 3 == 3 && n & 3 == 3 {
                neg = !neg;
            }
        }
        a -= n;
    }
}
