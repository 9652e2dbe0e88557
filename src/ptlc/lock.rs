//! Multi-hop point locks with per-hop decorrelation (notes/spec-protocol.md §1.4, after
//! BlockstreamResearch/scriptless-scripts `md/multi-hop-locks.md`).
//!
//! Nodes are numbered 0 (sender) to n (recipient); PTLC `i` runs from node i to node i+1. The
//! recipient publishes `Z = z·G`; the sender draws one tweak `y_i` per hop and sets
//! `L_0 = Z`, `R_i = L_i + y_i·G`, `L_{i+1} = R_i`. PTLC `i` is locked to `R_i`, node `i` learns
//! `y_i` (through the onion) and the recipient learns `Σ y_i`, so it can claim with `z + Σ y_i`.
//! Settlement runs right to left: the secret `r_i` revealed on PTLC `i` gives node `i` its left
//! secret `r_i − y_i`, and the sender ends with `z`, a proof of payment only it can hold.

use bitcoin::secp256k1::PublicKey;

use crate::crypto::adaptor::{self, PreSignature};
use crate::crypto::schnorr::{self, tagged_hash};
use crate::crypto::{Point, Scalar};
use crate::{Error, ErrorKind, Result};

/// The most hops a route may have here (bounds every allocation; BOLT 4 onions fit far fewer).
pub const MAX_HOPS: usize = 256;

/// One PTLC of the route: from node `index` to node `index + 1`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hop {
    /// The hop number (0 = the sender's outgoing PTLC).
    pub index: usize,
    /// The tweak `y_i` node `index` learns from the sender.
    pub tweak: Scalar,
    /// The lock `R_i = L_i + y_i·G` of this PTLC (node i's right lock, node i+1's left lock).
    pub lock: PublicKey,
}

/// Every lock of a route.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Locks {
    /// `Z`, the recipient's point (the sender's left lock).
    pub recipient_point: PublicKey,
    /// The PTLCs, sender first.
    pub hops: Vec<Hop>,
    /// `Σ y_i`, which the recipient adds to `z` to claim the last PTLC.
    pub recipient_tweak: Scalar,
}

impl Locks {
    /// The number of PTLCs.
    #[must_use]
    pub fn len(&self) -> usize {
        self.hops.len()
    }

    /// Whether the route has no PTLC (never true for a derived route).
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.hops.is_empty()
    }

    /// Node `node`'s left (incoming) lock: `Z` for the sender, else the previous PTLC's lock.
    #[must_use]
    pub fn left_lock(&self, node: usize) -> Option<PublicKey> {
        match node.checked_sub(1) {
            None => Some(self.recipient_point),
            Some(prev) => self.hops.get(prev).map(|h| h.lock),
        }
    }

    /// Node `node`'s right (outgoing) lock; the recipient has none.
    #[must_use]
    pub fn right_lock(&self, node: usize) -> Option<PublicKey> {
        self.hops.get(node).map(|h| h.lock)
    }

    /// Checks that no two PTLCs, nor any PTLC and `Z`, share a lock: equal locks would let an
    /// observer link the hops of one payment (the point of decorrelation).
    pub fn check_distinct(&self) -> Result<()> {
        let mut all: Vec<([u8; 33], Option<usize>)> =
            self.hops.iter().map(|h| (h.lock.serialize(), Some(h.index))).collect();
        all.push((self.recipient_point.serialize(), None));
        all.sort_unstable();
        for pair in all.windows(2) {
            if let [(a, ia), (b, ib)] = pair {
                if a == b {
                    let name = |i: &Option<usize>| {
                        i.map_or_else(|| "the recipient point".to_owned(), |i| format!("hop {i}"))
                    };
                    return Err(Error::rule(format!(
                        "{} and {} share the lock {}",
                        name(ia),
                        name(ib),
                        hex::encode(a)
                    )));
                }
            }
        }
        Ok(())
    }
}

/// Derives every lock from `Z` and the per-hop tweaks (one per PTLC, sender first). Fails on an
/// empty or over-long route, a zero tweak (it would repeat a lock) or an infinite lock.
pub fn derive(recipient_point: &PublicKey, tweaks: &[Scalar]) -> Result<Locks> {
    if tweaks.is_empty() {
        return Err(Error::invalid("a route needs at least one hop"));
    }
    if tweaks.len() > MAX_HOPS {
        return Err(Error::new(
            ErrorKind::TooLarge,
            format!("{} hops exceed the limit of {MAX_HOPS}", tweaks.len()),
        ));
    }
    let mut hops = Vec::with_capacity(tweaks.len());
    let mut left = Point::Finite(*recipient_point);
    let mut sum = Scalar::ZERO;
    for (index, y) in tweaks.iter().enumerate() {
        if y.is_zero() {
            return Err(Error::invalid("tweak is zero").within(format!("hop {index}")));
        }
        let right = left
            .add(&Point::base_mul(y))
            .finite("lock")
            .map_err(|e| e.within(format!("hop {index}")))?;
        hops.push(Hop { index, tweak: *y, lock: right });
        sum = sum.add(y);
        left = Point::Finite(right);
    }
    let locks = Locks { recipient_point: *recipient_point, hops, recipient_tweak: sum };
    locks.check_distinct()?;
    Ok(locks)
}

/// `hops` tweaks derived from a seed: `y_i = int(hash_lnkit/ptlc/hop-tweak(seed || u32 i)) mod n`.
/// Deterministic, for reproducible demonstrations; a real sender draws fresh randomness.
pub fn tweaks_from_seed(seed: &[u8; 32], hops: usize) -> Result<Vec<Scalar>> {
    if hops > MAX_HOPS {
        return Err(Error::new(
            ErrorKind::TooLarge,
            format!("{hops} hops exceed the limit of {MAX_HOPS}"),
        ));
    }
    (0..hops)
        .map(|i| {
            let idx = u32::try_from(i).map_err(|_| Error::invalid("hop index"))?;
            let y =
                Scalar::reduce(&tagged_hash("lnkit/ptlc/hop-tweak", &[seed, &idx.to_be_bytes()]));
            if y.is_zero() {
                return Err(Error::new(
                    ErrorKind::Crypto,
                    "tweak is zero (negligible probability)",
                ));
            }
            Ok(y)
        })
        .collect()
}

/// What one PTLC revealed when it was claimed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HopSettlement {
    /// The hop number.
    pub index: usize,
    /// Its lock `R_i`.
    pub lock: PublicKey,
    /// The offerer's adaptor pre-signature under `R_i` (node i → node i+1).
    pub pre_signature: PreSignature,
    /// The signature node i+1 completed with the secret of `R_i` (what goes on chain).
    pub signature: [u8; 64],
    /// `r_i`, which node i extracted from the pre-signature and the signature.
    pub secret: [u8; 32],
    /// `r_i − y_i`, node i's left secret (for the sender: `z`).
    pub left_secret: [u8; 32],
    /// The offerer's x-only public key.
    pub offerer_key: [u8; 32],
    /// The message signed (a stand-in for the claim transaction's sighash).
    pub message: [u8; 32],
}

/// A settled route, hop 0 first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Settlement {
    /// Per PTLC, in hop order (they were settled last to first).
    pub hops: Vec<HopSettlement>,
    /// `z`, what the sender holds at the end: its proof of payment.
    pub proof_of_payment: [u8; 32],
}

/// Settles the route right to left from the recipient's secret `z`: on each PTLC the offerer
/// gives an adaptor pre-signature under the PTLC's lock (keys derived from `signer_seed`), the
/// receiver completes it with the lock's secret, and the offerer learns that secret only by
/// extraction. Every step is checked against the lock it claims to open.
pub fn settle(locks: &Locks, z: &[u8; 32], signer_seed: &[u8; 32]) -> Result<Settlement> {
    let z_scalar = Scalar::from_nonzero_bytes(z)
        .ok_or_else(|| Error::invalid("final secret must be in 1..n-1"))?;
    if Point::base_mul(&z_scalar) != Point::Finite(locks.recipient_point) {
        return Err(Error::new(
            ErrorKind::Crypto,
            "final secret does not open the recipient point",
        ));
    }
    let mut known = z_scalar.add(&locks.recipient_tweak);
    let mut settled = Vec::with_capacity(locks.hops.len());
    for hop in locks.hops.iter().rev() {
        let step = settle_hop(locks, hop, &known, signer_seed)
            .map_err(|e| e.within(format!("hop {}", hop.index)))?;
        known = Scalar::from_bytes(&step.left_secret)
            .ok_or_else(|| Error::invalid("left secret out of range"))?;
        settled.push(step);
    }
    settled.reverse();
    if known != z_scalar {
        return Err(Error::new(ErrorKind::Crypto, "the sender did not end with z"));
    }
    Ok(Settlement { hops: settled, proof_of_payment: known.to_bytes() })
}

fn settle_hop(
    locks: &Locks,
    hop: &Hop,
    receiver_secret: &Scalar,
    signer_seed: &[u8; 32],
) -> Result<HopSettlement> {
    let idx = u32::try_from(hop.index).map_err(|_| Error::invalid("hop index"))?;
    let sk = tagged_hash("lnkit/ptlc/settle-key", &[signer_seed, &idx.to_be_bytes()]);
    let offerer_key = schnorr::pubkey(&sk)?;
    let message =
        tagged_hash("lnkit/ptlc/settle-msg", &[&idx.to_be_bytes(), &hop.lock.serialize()]);
    let pre = adaptor::pre_sign(&sk, &message, &[0; 32], &hop.lock)?;
    // the receiver checks the pre-signature before it forwards anything
    adaptor::pre_verify(&offerer_key, &message, &hop.lock, &pre)?;
    let signature = adaptor::adapt(&pre, &receiver_secret.to_bytes())?;
    schnorr::verify(&offerer_key, &message, &signature)
        .map_err(|e| e.within("completed signature"))?;
    let secret = adaptor::extract_secret_for(&pre, &signature, &hop.lock)?;
    let r = Scalar::from_bytes(&secret).ok_or_else(|| Error::invalid("secret out of range"))?;
    let left = r.sub(&hop.tweak);
    let left_lock = locks.left_lock(hop.index).ok_or_else(|| Error::invalid("no left lock"))?;
    if Point::base_mul(&left) != Point::Finite(left_lock) {
        return Err(Error::new(ErrorKind::Crypto, "left secret does not open the left lock"));
    }
    Ok(HopSettlement {
        index: hop.index,
        lock: hop.lock,
        pre_signature: pre,
        signature,
        secret,
        left_secret: left.to_bytes(),
        offerer_key,
        message,
    })
}
