//! Spurious force-close recovery (LN Summit 2024 idea; notes/spec-commit.md §6 — no spec
//! exists, this is our reading): after the closer's latest commitment confirmed, the honest
//! peer hands over `k = revocation_basepoint_secret · SHA256(RB ‖ P)` for that commitment's
//! point P; the closer adds its own `per_commitment_secret · SHA256(P ‖ RB)` to get the BOLT 3
//! revocation private key and sweeps its `to_local` through the revocation branch at once,
//! without waiting `to_self_delay`.
//!
//! The same key opens every HTLC output of that commitment, so the sweep is refused while any
//! HTLC output exists (the peer should only hand `k` over once they have resolved). Knowing `k`
//! the closer can also compute the peer's revocation basepoint secret for this channel; safe
//! only because the funding output is already spent and basepoints are per channel.

use bitcoin::hashes::{sha256, Hash, HashEngine};
use bitcoin::secp256k1::{PublicKey, Scalar, SecretKey};
use bitcoin::ScriptBuf;

use super::commitment::{Commitment, OutputRole};
use super::sweep::{self, Claim, ClaimInput, Sweep};
use crate::crypto::keys::{self, secp};
use crate::{Error, Result};

fn hash_points(a: &PublicKey, b: &PublicKey) -> Result<Scalar> {
    let mut e = sha256::Hash::engine();
    e.input(&a.serialize());
    e.input(&b.serialize());
    Scalar::from_be_bytes(sha256::Hash::from_engine(e).to_byte_array())
        .map_err(|_| Error::invalid("hash is not a scalar"))
}

/// The honest peer's helper value for the commitment at `per_commitment_point`:
/// `revocation_basepoint_secret · SHA256(revocation_basepoint ‖ per_commitment_point)`.
pub fn helper_value(
    revocation_basepoint_secret: &SecretKey,
    per_commitment_point: &PublicKey,
) -> Result<SecretKey> {
    let rb = PublicKey::from_secret_key(secp(), revocation_basepoint_secret);
    revocation_basepoint_secret
        .mul_tweak(&hash_points(&rb, per_commitment_point)?)
        .map_err(|_| Error::invalid("helper value is zero"))
}

/// The closer's revocation private key from the helper: `k + s · SHA256(P ‖ RB)`, checked
/// against the BOLT 3 `revocationpubkey`.
pub fn revocation_key_from_helper(
    helper: &SecretKey,
    per_commitment_secret: &SecretKey,
    revocation_basepoint: &PublicKey,
) -> Result<SecretKey> {
    let p = keys::per_commitment_point(per_commitment_secret);
    let own = per_commitment_secret
        .mul_tweak(&hash_points(&p, revocation_basepoint)?)
        .map_err(|_| Error::invalid("tweak failed"))?;
    let key = helper
        .add_tweak(&Scalar::from(own))
        .map_err(|_| Error::invalid("revocation key is zero"))?;
    let want = keys::derive_revocation_pubkey(revocation_basepoint, &p)?;
    if PublicKey::from_secret_key(secp(), &key) != want {
        return Err(Error::new(
            crate::ErrorKind::Crypto,
            "helper value does not give this commitment's revocation key",
        ));
    }
    Ok(key)
}

/// Builds and signs the immediate sweep of the closer's `to_local` on its confirmed
/// commitment `com` (built from the closer's point of view). Refuses when HTLC outputs exist.
pub fn recovery_sweep(
    com: &Commitment,
    helper: &SecretKey,
    per_commitment_secret: &SecretKey,
    revocation_basepoint: &PublicKey,
    destination: ScriptBuf,
    feerate_per_kw: u32,
) -> Result<Sweep> {
    let pending = com.outputs.iter().filter(|o| o.htlc.is_some()).count();
    if pending > 0 {
        return Err(Error::rule(format!(
            "{pending} HTLC output(s) pending: the helper would also open their revocation paths; \
             recover after they resolve"
        )));
    }
    let key = revocation_key_from_helper(helper, per_commitment_secret, revocation_basepoint)?;
    if PublicKey::from_secret_key(secp(), &key) != com.spec.keys.revocation {
        return Err(Error::rule("the commitment's revocation key is not the one recovered"));
    }
    let txid = com.txid();
    let (vout, out) = com
        .outputs
        .iter()
        .enumerate()
        .find(|(_, o)| o.role == OutputRole::ToLocal)
        .ok_or_else(|| Error::rule("the commitment has no to_local output"))?;
    let input = ClaimInput {
        outpoint: bitcoin::OutPoint {
            txid,
            vout: u32::try_from(vout).map_err(|_| Error::invalid("index"))?,
        },
        value_sat: out.amount_sat,
        witness_script: out.witness_script.clone(),
        claim: Claim::RevokedToLocal,
    };
    let mut sw = sweep::build(
        vec![input],
        destination,
        feerate_per_kw,
        bitcoin::transaction::Version::TWO,
        0,
    )?;
    sw.sign(&[Some(key)])?;
    Ok(sw)
}
