//! Deterministic pseudo-random numbers for the Monte-Carlo estimates of spec-protocol.md §6.2
//! ("Probabilities"): xoshiro256** (Blackman and Vigna) seeded through SplitMix64, unbiased
//! bounded integers, and uniform integer compositions (the stars-and-bars view of W(C, n)).
//!
//! Written here rather than taken from a crate so that a seed names the same samples on every
//! platform and release: estimates are reproducible from `--seed` alone.

use std::collections::HashSet;

use crate::{Error, ErrorKind, Result};

/// One SplitMix64 step: advances `state` and returns the next output.
pub fn splitmix64(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// xoshiro256**: 256 bits of state, period 2^256 − 1.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rng {
    s: [u64; 4],
}

impl Rng {
    /// Expands a 64-bit seed with SplitMix64 (the generator authors' recommendation); every seed,
    /// 0 included, gives a valid non-zero state.
    pub fn from_seed(seed: u64) -> Self {
        let mut x = seed;
        let s = [splitmix64(&mut x), splitmix64(&mut x), splitmix64(&mut x), splitmix64(&mut x)];
        if s == [0; 4] {
            // Unreachable for SplitMix64 outputs, but the all-zero state would be a fixed point.
            return Rng { s: [1, 0, 0, 0] };
        }
        Rng { s }
    }

    /// Uses a raw state (for reference vectors); `None` for the forbidden all-zero state.
    pub fn from_state(s: [u64; 4]) -> Option<Self> {
        (s != [0; 4]).then_some(Rng { s })
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        let [s0, s1, s2, s3] = self.s;
        let out = s1.wrapping_mul(5).rotate_left(7).wrapping_mul(9);
        let t = s1 << 17;
        let s2 = s2 ^ s0;
        let s3 = s3 ^ s1;
        let s1 = s1 ^ s2;
        let s0 = s0 ^ s3;
        let s2 = s2 ^ t;
        let s3 = s3.rotate_left(45);
        self.s = [s0, s1, s2, s3];
        out
    }

    /// Uniform in `0..n` without modulo bias (Lemire's multiply-and-reject); 0 when `n == 0`.
    pub fn below(&mut self, n: u64) -> u64 {
        if n == 0 {
            return 0;
        }
        let mut m = u128::from(self.next_u64()) * u128::from(n);
        if (m as u64) < n {
            // Reject the low products that would make some outputs one draw more likely.
            let threshold = n.wrapping_neg() % n;
            while (m as u64) < threshold {
                m = u128::from(self.next_u64()) * u128::from(n);
            }
        }
        (m >> 64) as u64
    }

    /// Uniform in `0..=max`.
    pub fn up_to(&mut self, max: u64) -> u64 {
        match max.checked_add(1) {
            Some(n) => self.below(n),
            None => self.next_u64(),
        }
    }

    /// A uniformly random composition of `total` into `parts` non-negative integers (each of
    /// the C(total + parts − 1, parts − 1) outcomes equally likely): `parts − 1` distinct bar
    /// positions among `total + parts − 1` slots, chosen with Floyd's algorithm in O(parts)
    /// memory, whatever `total` is.
    pub fn composition(&mut self, total: u64, parts: usize) -> Result<Vec<u64>> {
        if parts == 0 {
            return if total == 0 {
                Ok(Vec::new())
            } else {
                Err(Error::invalid("cannot split a positive amount into zero parts"))
            };
        }
        let bars = (parts - 1) as u64;
        let slots = total.checked_add(bars).ok_or_else(|| {
            Error::new(ErrorKind::TooLarge, "amount plus part count overflows 64 bits")
        })?;
        let mut chosen: HashSet<u64> = HashSet::with_capacity(parts - 1);
        for j in (slots - bars)..slots {
            let t = self.up_to(j);
            if !chosen.insert(t) {
                chosen.insert(j);
            }
        }
        let mut sorted: Vec<u64> = chosen.into_iter().collect();
        sorted.sort_unstable();
        let mut out = Vec::with_capacity(parts);
        let mut start = 0u64;
        for b in sorted {
            out.push(b - start);
            start = b + 1;
        }
        out.push(slots - start);
        Ok(out)
    }
}
