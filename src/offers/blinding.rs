//! BOLT 4 "Route Blinding": building blinded paths (ECDH shared secrets, the path-key chain
//! E_{i+1} = SHA256(E_i‖ss_i)·E_i, blinded node ids B_i = HMAC("blinded_node_id", ss_i)·N_i,
//! `encrypted_recipient_data` = ChaCha20-Poly1305(rho_i, zero nonce, encrypted_data_tlv)),
//! unblinding at a hop, and the aggregated `blinded_payinfo` of a payment path.
//!
//! <https://github.com/lightning/bolts/blob/master/04-onion-routing.md#route-blinding>
//!
//! Lives with offers for now; the onion code (Sphinx) can move it under `crypto/`.

use bitcoin::hashes::hmac::{Hmac, HmacEngine};
use bitcoin::hashes::{sha256, Hash, HashEngine};
use bitcoin::secp256k1::ecdh::SharedSecret;
use bitcoin::secp256k1::{PublicKey, Scalar, SecretKey};
use chacha20_poly1305::{ChaCha20Poly1305, Key, Nonce};
use serde_json::{json, Map, Value};

use super::tables::{BlindedHop, BlindedPath, SciddirOrPubkey, ENCRYPTED_DATA_TLV};
use crate::encoding::tlv::{encode_stream, write_record};
use crate::encoding::{bigsize_len, Reader};
use crate::error::{Error, ErrorKind, Result};

fn hmac(key: &[u8], msg: &[u8]) -> [u8; 32] {
    let mut e = HmacEngine::<sha256::Hash>::new(key);
    e.input(msg);
    Hmac::<sha256::Hash>::from_engine(e).to_byte_array()
}

fn scalar(b: [u8; 32]) -> Result<Scalar> {
    Scalar::from_be_bytes(b)
        .map_err(|_| Error::new(ErrorKind::Crypto, "hash is not a valid scalar"))
}

fn crypto(what: &str) -> Error {
    Error::new(ErrorKind::Crypto, format!("{what}: invalid key tweak"))
}

/// ChaCha20-Poly1305 with a zero nonce and no associated data: ciphertext ‖ 16-byte tag.
pub fn encrypt(rho: &[u8; 32], plaintext: &[u8]) -> Vec<u8> {
    let mut buf = plaintext.to_vec();
    let tag = ChaCha20Poly1305::new(Key::new(*rho), Nonce::new([0; 12])).encrypt(&mut buf, None);
    buf.extend_from_slice(&tag);
    buf
}

/// Inverse of [`encrypt`]; fails when the tag does not authenticate.
pub fn decrypt(rho: &[u8; 32], data: &[u8]) -> Result<Vec<u8>> {
    let split = data.len().checked_sub(16).ok_or_else(|| {
        Error::new(ErrorKind::Truncated, "encrypted_recipient_data shorter than its 16-byte tag")
    })?;
    let (ct, tag) = data.split_at(split);
    let tag: [u8; 16] = tag.try_into().map_err(|_| Error::invalid("bad tag"))?;
    let mut buf = ct.to_vec();
    ChaCha20Poly1305::new(Key::new(*rho), Nonce::new([0; 12]))
        .decrypt(&mut buf, tag, None)
        .map_err(|_| {
            Error::new(ErrorKind::Crypto, "encrypted_recipient_data does not authenticate")
        })?;
    Ok(buf)
}

/// What the path's creator derives for one hop.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HopSecrets {
    /// E_i, the path key the hop receives.
    pub path_key: PublicKey,
    /// e_i, the ephemeral private key (known to the creator only).
    pub path_privkey: SecretKey,
    /// ss_i = SHA256(e_i·N_i).
    pub shared_secret: [u8; 32],
    /// rho_i = HMAC("rho", ss_i).
    pub rho: [u8; 32],
    /// B_i = HMAC("blinded_node_id", ss_i)·N_i.
    pub blinded_node_id: PublicKey,
    /// `encrypted_recipient_data` for the hop.
    pub encrypted_data: Vec<u8>,
}

/// Blinds `hops` = (node id N_i, `encrypted_data_tlv` bytes) starting from session key e_0.
pub fn blind(session_key: &SecretKey, hops: &[(PublicKey, Vec<u8>)]) -> Result<Vec<HopSecrets>> {
    let secp = super::merkle::secp();
    let mut e = *session_key;
    let mut out = Vec::with_capacity(hops.len());
    for (node, tlvs) in hops {
        let big_e = PublicKey::from_secret_key(secp, &e);
        let ss = SharedSecret::new(node, &e).secret_bytes();
        let rho = hmac(b"rho", &ss);
        let blinded = node
            .mul_tweak(secp, &scalar(hmac(b"blinded_node_id", &ss))?)
            .map_err(|_| crypto("blinded_node_id"))?;
        let mut h = sha256::Hash::engine();
        h.input(&big_e.serialize());
        h.input(&ss);
        let next = e
            .mul_tweak(&scalar(sha256::Hash::from_engine(h).to_byte_array())?)
            .map_err(|_| crypto("path key"))?;
        out.push(HopSecrets {
            path_key: big_e,
            path_privkey: e,
            shared_secret: ss,
            rho,
            blinded_node_id: blinded,
            encrypted_data: encrypt(&rho, tlvs),
        });
        e = next;
    }
    Ok(out)
}

/// A `blinded_path` over `hops` whose introduction node is the first hop's node id.
pub fn build_path(session_key: &SecretKey, hops: &[(PublicKey, Vec<u8>)]) -> Result<BlindedPath> {
    let (first, _) = hops.first().ok_or_else(|| Error::invalid("a blinded path needs a hop"))?;
    let secrets = blind(session_key, hops)?;
    let secp = super::merkle::secp();
    Ok(BlindedPath {
        first_node_id: SciddirOrPubkey::Pubkey(first.serialize()),
        first_path_key: PublicKey::from_secret_key(secp, session_key).serialize(),
        path: secrets
            .into_iter()
            .map(|s| BlindedHop {
                blinded_node_id: s.blinded_node_id.serialize(),
                encrypted_recipient_data: s.encrypted_data,
            })
            .collect(),
    })
}

/// What a hop learns from its `encrypted_recipient_data`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unblinded {
    /// b_i = HMAC("blinded_node_id", ss_i)·k_i (signs for B_i).
    pub blinded_privkey: SecretKey,
    /// The decrypted `encrypted_data_tlv`.
    pub data: Vec<u8>,
    /// Decoded `encrypted_data_tlv`.
    pub tlvs: Map<String, Value>,
    /// The next path key: `next_path_key_override`, else SHA256(E_i‖ss_i)·E_i.
    pub next_path_key: PublicKey,
}

/// b_i = HMAC("blinded_node_id", SHA256(k_i·E_i))·k_i: the key that signs for B_i.
pub fn blinded_privkey(node_key: &SecretKey, path_key: &PublicKey) -> Result<SecretKey> {
    let ss = SharedSecret::new(path_key, node_key).secret_bytes();
    node_key
        .mul_tweak(&scalar(hmac(b"blinded_node_id", &ss))?)
        .map_err(|_| crypto("blinded private key"))
}

/// The reader side at one hop: node key k_i, path key E_i and the hop's encrypted data.
pub fn unblind(node_key: &SecretKey, path_key: &PublicKey, encrypted: &[u8]) -> Result<Unblinded> {
    let secp = super::merkle::secp();
    let ss = SharedSecret::new(path_key, node_key).secret_bytes();
    let blinded_privkey = node_key
        .mul_tweak(&scalar(hmac(b"blinded_node_id", &ss))?)
        .map_err(|_| crypto("blinded private key"))?;
    let data = decrypt(&hmac(b"rho", &ss), encrypted)?;
    let tlvs = crate::encoding::tlv::decode_stream(&ENCRYPTED_DATA_TLV, &mut Reader::new(&data))?;
    let next_path_key = if let Some(h) = tlvs.get("next_path_key_override").and_then(Value::as_str)
    {
        PublicKey::from_slice(&hex::decode(h).unwrap_or_default())
            .map_err(|_| Error::invalid("bad next_path_key_override"))?
    } else {
        let mut h = sha256::Hash::engine();
        h.input(&path_key.serialize());
        h.input(&ss);
        path_key
            .mul_tweak(secp, &scalar(sha256::Hash::from_engine(h).to_byte_array())?)
            .map_err(|_| crypto("next path key"))?
    };
    Ok(Unblinded { blinded_privkey, data, tlvs, next_path_key })
}

/// Pads every `encrypted_data_tlv` with a leading type-1 `padding` record so all have the same
/// length (BOLT 4 SHOULD). Streams that already carry padding are left alone.
pub fn pad_equal(streams: &mut [Vec<u8>]) {
    let target = streams.iter().map(Vec::len).max().unwrap_or(0) + 2;
    for s in streams.iter_mut() {
        if s.first() == Some(&1) {
            continue;
        }
        let gap = target.saturating_sub(s.len());
        let Some(mut p) = gap.checked_sub(2) else { continue };
        if 1 + bigsize_len(p as u64) + p != gap {
            p = gap.saturating_sub(4);
        }
        if 1 + bigsize_len(p as u64) + p != gap {
            continue;
        }
        let mut rec = Vec::with_capacity(gap + s.len());
        write_record(&mut rec, 1, &vec![0u8; p]);
        rec.extend_from_slice(s);
        *s = rec;
    }
}

fn tlv(obj: Value) -> Result<Vec<u8>> {
    match obj {
        Value::Object(m) => encode_stream(&ENCRYPTED_DATA_TLV, &m),
        _ => Err(Error::invalid("encrypted_data_tlv must be an object")),
    }
}

/// An onion-message path (for `offer_paths` / `invreq_paths`): `nodes` from the introduction
/// node to the recipient, each forwarding by `next_node_id`; the recipient gets `path_id`.
pub fn message_path(
    session_key: &SecretKey,
    nodes: &[PublicKey],
    path_id: &[u8],
) -> Result<BlindedPath> {
    let mut streams = Vec::with_capacity(nodes.len());
    for (i, _) in nodes.iter().enumerate() {
        streams.push(match nodes.get(i + 1) {
            Some(next) => tlv(json!({"next_node_id": hex::encode(next.serialize())}))?,
            None => tlv(json!({"path_id": hex::encode(path_id)}))?,
        });
    }
    pad_equal(&mut streams);
    build_path(session_key, &nodes.iter().copied().zip(streams).collect::<Vec<_>>())
}

/// Relay parameters every intermediate hop of a payment path charges (same for each hop).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Relay {
    /// `payment_relay.cltv_expiry_delta`
    pub cltv_expiry_delta: u16,
    /// `payment_relay.fee_proportional_millionths`
    pub fee_proportional_millionths: u32,
    /// `payment_relay.fee_base_msat`
    pub fee_base_msat: u32,
    /// `payment_constraints.htlc_minimum_msat`
    pub htlc_minimum_msat: u64,
    /// Largest `htlc_maximum_msat` the path takes (payinfo only).
    pub htlc_maximum_msat: u64,
    /// The final node's `max_cltv_expiry` (block height the path expires).
    pub max_cltv_expiry: u32,
    /// The recipient's `min_final_cltv_expiry_delta`.
    pub min_final_cltv_expiry_delta: u16,
}

/// `blinded_payinfo` (BOLT 12 invoice field 162).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Payinfo {
    /// Aggregated base fee.
    pub fee_base_msat: u32,
    /// Aggregated proportional fee.
    pub fee_proportional_millionths: u32,
    /// Aggregated CLTV delta (including the final delta).
    pub cltv_expiry_delta: u16,
    /// `htlc_minimum_msat`
    pub htlc_minimum_msat: u64,
    /// `htlc_maximum_msat`
    pub htlc_maximum_msat: u64,
    /// Must equal `allowed_features` (empty here).
    pub features: Vec<u8>,
}

impl Payinfo {
    /// Reads the wire form (the inverse of [`Payinfo::write`]); errors name the field.
    pub fn read(r: &mut Reader<'_>) -> Result<Payinfo> {
        let fee_base_msat = r.u32().map_err(|e| e.within("fee_base_msat"))?;
        let fee_proportional_millionths =
            r.u32().map_err(|e| e.within("fee_proportional_millionths"))?;
        let cltv_expiry_delta = r.u16().map_err(|e| e.within("cltv_expiry_delta"))?;
        let htlc_minimum_msat = r.u64().map_err(|e| e.within("htlc_minimum_msat"))?;
        let htlc_maximum_msat = r.u64().map_err(|e| e.within("htlc_maximum_msat"))?;
        let flen = r.u16().map_err(|e| e.within("flen"))?;
        let features = r.bytes(usize::from(flen)).map_err(|e| e.within("features"))?.to_vec();
        Ok(Payinfo {
            fee_base_msat,
            fee_proportional_millionths,
            cltv_expiry_delta,
            htlc_minimum_msat,
            htlc_maximum_msat,
            features,
        })
    }

    /// Appends the wire form.
    pub fn write(&self, out: &mut Vec<u8>) -> Result<()> {
        out.extend_from_slice(&self.fee_base_msat.to_be_bytes());
        out.extend_from_slice(&self.fee_proportional_millionths.to_be_bytes());
        out.extend_from_slice(&self.cltv_expiry_delta.to_be_bytes());
        out.extend_from_slice(&self.htlc_minimum_msat.to_be_bytes());
        out.extend_from_slice(&self.htlc_maximum_msat.to_be_bytes());
        let n =
            u16::try_from(self.features.len()).map_err(|_| Error::invalid("features too long"))?;
        out.extend_from_slice(&n.to_be_bytes());
        out.extend_from_slice(&self.features);
        Ok(())
    }
}

/// BOLT 4 fee aggregation over `hops` intermediate hops each charging `relay`.
pub fn aggregate(relay: &Relay, hops: usize) -> Result<Payinfo> {
    let (mut base, mut ppm, mut cltv) =
        (0u128, 0u128, u128::from(relay.min_final_cltv_expiry_delta));
    let m = 1_000_000u128;
    for _ in 0..hops {
        let (fb, fp) =
            (u128::from(relay.fee_base_msat), u128::from(relay.fee_proportional_millionths));
        base = (fb * m + base * (m + fp)).div_ceil(m);
        ppm = ((ppm + fp) * m + ppm * fp).div_ceil(m);
        cltv += u128::from(relay.cltv_expiry_delta);
    }
    let too = |w: &str| Error::invalid(format!("aggregated {w} overflows"));
    Ok(Payinfo {
        fee_base_msat: u32::try_from(base).map_err(|_| too("fee_base_msat"))?,
        fee_proportional_millionths: u32::try_from(ppm)
            .map_err(|_| too("fee_proportional_millionths"))?,
        cltv_expiry_delta: u16::try_from(cltv).map_err(|_| too("cltv_expiry_delta"))?,
        htlc_minimum_msat: relay.htlc_minimum_msat,
        htlc_maximum_msat: relay.htlc_maximum_msat,
        features: Vec::new(),
    })
}

/// A payment path (for `invoice_paths`) over `nodes` (introduction … recipient) with its
/// aggregated `blinded_payinfo`.
pub fn payment_path(
    session_key: &SecretKey,
    nodes: &[PublicKey],
    relay: &Relay,
    path_id: &[u8],
) -> Result<(BlindedPath, Payinfo)> {
    let n = nodes.len();
    let mut streams = Vec::with_capacity(n);
    // max_cltv_expiry grows towards the introduction node by each hop's delta (BOLT 4).
    let mut max_cltv = Vec::with_capacity(n);
    let mut acc =
        relay.max_cltv_expiry.saturating_add(u32::from(relay.min_final_cltv_expiry_delta));
    for _ in 0..n {
        max_cltv.push(acc);
        acc = acc.saturating_add(u32::from(relay.cltv_expiry_delta));
    }
    max_cltv.reverse();
    for i in 0..n {
        let constraints = json!({
            "max_cltv_expiry": max_cltv.get(i).copied().unwrap_or(acc),
            "htlc_minimum_msat": relay.htlc_minimum_msat,
        });
        streams.push(match nodes.get(i + 1) {
            Some(next) => tlv(json!({
                "next_node_id": hex::encode(next.serialize()),
                "payment_relay": {
                    "cltv_expiry_delta": relay.cltv_expiry_delta,
                    "fee_proportional_millionths": relay.fee_proportional_millionths,
                    "fee_base_msat": relay.fee_base_msat,
                },
                "payment_constraints": constraints,
            }))?,
            None => {
                tlv(json!({"path_id": hex::encode(path_id), "payment_constraints": constraints}))?
            }
        });
    }
    pad_equal(&mut streams);
    let path = build_path(session_key, &nodes.iter().copied().zip(streams).collect::<Vec<_>>())?;
    Ok((path, aggregate(relay, n.saturating_sub(1))?))
}
