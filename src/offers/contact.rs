//! bLIP 42 "BOLT 12 contacts": the deterministic `contact_secret` two parties derive from their
//! offers: SHA256("blip42_contact_secret" ‖ compressed(our offer key · their offer_node_id)),
//! where `offer_node_id` is `offer_issuer_id`, else the last `blinded_node_id` of the first path.
//!
//! <https://github.com/lightning/blips/pull/42> (`blip-0042.md`)

use bitcoin::hashes::{sha256, Hash, HashEngine};
use bitcoin::secp256k1::{PublicKey, Scalar, SecretKey};

use super::decode::Decoded;
use super::tables::BlindedPath;
use crate::error::{Error, ErrorKind, Result};

/// The key an offer is identified by for contacts.
pub fn offer_node_id(offer: &Decoded) -> Option<PublicKey> {
    let key =
        offer.point(22).or_else(|| offer.paths(16).first().and_then(BlindedPath::final_node_id))?;
    PublicKey::from_slice(&key).ok()
}

/// `contact_secret` between our offer's private key and their offer.
pub fn contact_secret(our_offer_key: &SecretKey, their_offer: &Decoded) -> Result<[u8; 32]> {
    let their = offer_node_id(their_offer)
        .ok_or_else(|| Error::invalid("offer has neither offer_issuer_id nor a blinded path"))?;
    let shared = their
        .mul_tweak(super::merkle::secp(), &Scalar::from(*our_offer_key))
        .map_err(|_| Error::new(ErrorKind::Crypto, "ECDH failed"))?;
    let mut e = sha256::Hash::engine();
    e.input(b"blip42_contact_secret");
    e.input(&shared.serialize());
    Ok(sha256::Hash::from_engine(e).to_byte_array())
}
