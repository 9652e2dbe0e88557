//! BOLT 3 "Per-commitment Secret Requirements": the per-commitment secret generator
//! (`generate_from_seed`) and the receiver's compact storage of revealed secrets
//! (`insert_secret` / `derive_old_secret`), which keeps at most 49 secrets yet can
//! rebuild every secret revealed so far.

use bitcoin::hashes::{sha256, Hash};

use crate::{Error, Result};

/// The first (largest) index; commitment number `n` uses index `START_INDEX - n`.
pub const START_INDEX: u64 = (1 << 48) - 1;

/// Number of buckets: one per count of trailing zero bits of a 48-bit index, plus index 0.
const BUCKETS: usize = 49;

/// The index of the secret for `commitment_number` (0 for the first commitment).
pub fn index_of_commitment(commitment_number: u64) -> Result<u64> {
    START_INDEX
        .checked_sub(commitment_number)
        .ok_or_else(|| Error::invalid("commitment number exceeds 2^48 - 1"))
}

/// Walks from `base` (a secret whose index has its low `bits` bits clear) down to `index`,
/// flipping and hashing for every set bit below `bits`, highest first.
fn derive(base: [u8; 32], bits: u32, index: u64) -> [u8; 32] {
    let mut value = base;
    for bit in (0..bits).rev() {
        if (index >> bit) & 1 == 1 {
            if let Some(byte) = value.get_mut((bit / 8) as usize) {
                *byte ^= 1 << (bit % 8);
            }
            value = sha256::Hash::hash(&value).to_byte_array();
        }
    }
    value
}

/// `generate_from_seed(seed, I)`: the per-commitment secret at 48-bit index `index`.
pub fn generate_from_seed(seed: &[u8; 32], index: u64) -> Result<[u8; 32]> {
    if index > START_INDEX {
        return Err(Error::invalid(format!("shachain index {index} is above 2^48 - 1")));
    }
    Ok(derive(*seed, 48, index))
}

/// Trailing zeros of a 48-bit index; index 0 lands in the last bucket.
fn bucket_of(index: u64) -> usize {
    (index.trailing_zeros() as usize).min(BUCKETS - 1)
}

/// The receiver's compact store of revealed per-commitment secrets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SecretStore {
    known: [Option<(u64, [u8; 32])>; BUCKETS],
    /// Index of the most recent insert; the next must be exactly one below.
    last: Option<u64>,
}

impl Default for SecretStore {
    fn default() -> Self {
        SecretStore { known: [None; BUCKETS], last: None }
    }
}

impl SecretStore {
    /// An empty store.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// The index the next insert must use (`START_INDEX` for an empty store).
    #[must_use]
    pub fn next_index(&self) -> Option<u64> {
        match self.last {
            None => Some(START_INDEX),
            Some(i) => i.checked_sub(1),
        }
    }

    /// `insert_secret`: stores `secret` at `index` after checking that it derives every secret
    /// kept in a lower bucket (the spec's rule; a peer revealing a wrong secret fails here).
    pub fn insert(&mut self, index: u64, secret: [u8; 32]) -> Result<()> {
        if self.next_index() != Some(index) {
            return Err(Error::rule(format!(
                "secret index {index} is not the next expected ({:?})",
                self.next_index()
            )));
        }
        let bucket = bucket_of(index);
        for (i, slot) in self.known.iter().enumerate().take(bucket) {
            if let Some((old_index, old_secret)) = slot {
                if derive(secret, bucket as u32, *old_index) != *old_secret {
                    return Err(Error::rule(format!(
                        "secret at index {index} does not derive the secret at index {old_index} \
                         (bucket {i})"
                    )));
                }
            }
        }
        if let Some(slot) = self.known.get_mut(bucket) {
            *slot = Some((index, secret));
        }
        self.last = Some(index);
        Ok(())
    }

    /// `derive_old_secret`: any secret revealed so far, or `None` if `index` was not revealed.
    #[must_use]
    pub fn get(&self, index: u64) -> Option<[u8; 32]> {
        if self.last.is_none_or(|last| index < last) || index > START_INDEX {
            return None;
        }
        self.known.iter().enumerate().find_map(|(i, slot)| {
            let (known_index, secret) = (*slot)?;
            let mask = !((1u64 << i) - 1);
            (index & mask == known_index).then(|| derive(secret, i as u32, index))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn store_rebuilds_every_inserted_secret() {
        let seed = [0x42; 32];
        let mut store = SecretStore::new();
        for n in 0..100 {
            let i = index_of_commitment(n).unwrap();
            store.insert(i, generate_from_seed(&seed, i).unwrap()).unwrap();
        }
        for n in 0..100 {
            let i = index_of_commitment(n).unwrap();
            assert_eq!(store.get(i), Some(generate_from_seed(&seed, i).unwrap()), "n={n}");
        }
        assert_eq!(store.get(index_of_commitment(100).unwrap()), None);
        assert!(store.insert(START_INDEX, [0; 32]).is_err());
    }
}
