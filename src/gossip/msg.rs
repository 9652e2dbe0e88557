//! Typed, allocation-light views of the three BOLT 7 broadcast messages (`channel_announcement`,
//! `node_announcement`, `channel_update`) for verification and graph building, where the JSON
//! form of [`crate::wire`] would be too slow. Each view keeps the whole message so the signed
//! bytes (trailing extensions included) are hashed exactly as received.
//!
//! <https://github.com/lightning/bolts/blob/master/07-routing-gossip.md>

use bitcoin::hashes::{sha256d, Hash};

use super::{CHANNEL_ANNOUNCEMENT, CHANNEL_UPDATE, NODE_ANNOUNCEMENT};
use crate::encoding::Reader;
use crate::error::{Error, ErrorKind, Result};
use crate::types::ShortChannelId;

/// A 33-byte compressed public key as on the wire (validated only when a signature is checked).
pub type NodeId = [u8; 33];

/// `channel_announcement` (256).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChannelAnnouncement {
    /// `node_signature_1`, `node_signature_2`, `bitcoin_signature_1`, `bitcoin_signature_2`.
    pub signatures: [[u8; 64]; 4],
    /// Feature bits.
    pub features: Vec<u8>,
    /// `chain_hash` as on the wire.
    pub chain_hash: [u8; 32],
    /// `short_channel_id`.
    pub scid: ShortChannelId,
    /// `node_id_1`, `node_id_2`.
    pub node_ids: [NodeId; 2],
    /// `bitcoin_key_1`, `bitcoin_key_2`.
    pub bitcoin_keys: [NodeId; 2],
}

/// `node_announcement` (257).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NodeAnnouncement {
    /// `signature`
    pub signature: [u8; 64],
    /// Feature bits.
    pub features: Vec<u8>,
    /// `timestamp`
    pub timestamp: u32,
    /// `node_id`
    pub node_id: NodeId,
    /// `rgb_color`
    pub rgb_color: [u8; 3],
    /// `alias` (32 bytes, NUL padded).
    pub alias: [u8; 32],
    /// Raw `addresses` bytes.
    pub addresses: Vec<u8>,
}

impl NodeAnnouncement {
    /// The alias as text up to the first NUL (invalid UTF-8 replaced).
    pub fn alias_text(&self) -> String {
        let end = self.alias.iter().position(|&c| c == 0).unwrap_or(32);
        String::from_utf8_lossy(self.alias.get(..end).unwrap_or(&[])).into_owned()
    }
}

/// `channel_update` (258).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChannelUpdate {
    /// `signature`
    pub signature: [u8; 64],
    /// `chain_hash` as on the wire.
    pub chain_hash: [u8; 32],
    /// `short_channel_id`
    pub scid: ShortChannelId,
    /// `timestamp`
    pub timestamp: u32,
    /// `message_flags`
    pub message_flags: u8,
    /// `channel_flags`
    pub channel_flags: u8,
    /// `cltv_expiry_delta`
    pub cltv_expiry_delta: u16,
    /// `htlc_minimum_msat`
    pub htlc_minimum_msat: u64,
    /// `fee_base_msat`
    pub fee_base_msat: u32,
    /// `fee_proportional_millionths`
    pub fee_proportional_millionths: u32,
    /// `htlc_maximum_msat`
    pub htlc_maximum_msat: u64,
    /// CRC32C checksum for `reply_channel_range` (BOLT 7).
    pub checksum: u32,
}

impl ChannelUpdate {
    /// `direction` bit: 0 = from `node_id_1`.
    pub fn direction(&self) -> u8 {
        self.channel_flags & 1
    }

    /// `disable` bit.
    pub fn disabled(&self) -> bool {
        self.channel_flags & 2 != 0
    }

    /// `dont_forward` bit.
    pub fn dont_forward(&self) -> bool {
        self.message_flags & 2 != 0
    }
}

/// One of the three broadcast messages.
// Values are short-lived (parsed, used, dropped), so boxing would only add allocations.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Gossip {
    /// 256
    ChannelAnnouncement(ChannelAnnouncement),
    /// 257
    NodeAnnouncement(NodeAnnouncement),
    /// 258
    ChannelUpdate(ChannelUpdate),
}

/// The 2-byte type of a message, if it has one.
pub fn msg_type(msg: &[u8]) -> Option<u16> {
    Some(u16::from_be_bytes([*msg.first()?, *msg.get(1)?]))
}

/// Offset in the whole message (type included) where the signed bytes start.
pub fn signed_from(ty: u16) -> Option<usize> {
    match ty {
        CHANNEL_ANNOUNCEMENT => Some(2 + 256),
        NODE_ANNOUNCEMENT | CHANNEL_UPDATE => Some(2 + 64),
        _ => None,
    }
}

/// The double-SHA256 every signature of the message signs.
pub fn signed_hash(msg: &[u8]) -> Result<[u8; 32]> {
    let ty = msg_type(msg).ok_or_else(|| Error::new(ErrorKind::Truncated, "no message type"))?;
    let from = signed_from(ty)
        .ok_or_else(|| Error::invalid(format!("message type {ty} is not signed gossip")))?;
    let body = msg
        .get(from..)
        .ok_or_else(|| Error::new(ErrorKind::Truncated, "message ends inside its signatures"))?;
    Ok(sha256d::Hash::hash(body).to_byte_array())
}

fn sig(r: &mut Reader<'_>) -> Result<[u8; 64]> {
    r.array()
}

fn features(r: &mut Reader<'_>) -> Result<Vec<u8>> {
    let n = r.u16()?;
    Ok(r.bytes(usize::from(n))?.to_vec())
}

/// Parses a whole message (type included) into a typed view. Trailing bytes are allowed (they
/// are signed); only the fixed fields are read. Points are not validated here.
pub fn parse(msg: &[u8]) -> Result<Gossip> {
    let mut r = Reader::new(msg);
    let ty = r.u16()?;
    match ty {
        CHANNEL_ANNOUNCEMENT => {
            let signatures = [sig(&mut r)?, sig(&mut r)?, sig(&mut r)?, sig(&mut r)?];
            let features = features(&mut r)?;
            Ok(Gossip::ChannelAnnouncement(ChannelAnnouncement {
                signatures,
                features,
                chain_hash: r.array()?,
                scid: ShortChannelId(r.u64()?),
                node_ids: [r.array()?, r.array()?],
                bitcoin_keys: [r.array()?, r.array()?],
            }))
        }
        NODE_ANNOUNCEMENT => {
            let signature = sig(&mut r)?;
            let features = features(&mut r)?;
            let timestamp = r.u32()?;
            let node_id = r.array()?;
            let rgb_color = r.array()?;
            let alias = r.array()?;
            let n = r.u16()?;
            let addresses = r.bytes(usize::from(n))?.to_vec();
            Ok(Gossip::NodeAnnouncement(NodeAnnouncement {
                signature,
                features,
                timestamp,
                node_id,
                rgb_color,
                alias,
                addresses,
            }))
        }
        CHANNEL_UPDATE => {
            let u = ChannelUpdate {
                signature: sig(&mut r)?,
                chain_hash: r.array()?,
                scid: ShortChannelId(r.u64()?),
                timestamp: r.u32()?,
                message_flags: r.u8()?,
                channel_flags: r.u8()?,
                cltv_expiry_delta: r.u16()?,
                htlc_minimum_msat: r.u64()?,
                fee_base_msat: r.u32()?,
                fee_proportional_millionths: r.u32()?,
                htlc_maximum_msat: r.u64()?,
                checksum: super::crc32c::channel_update_checksum(msg).unwrap_or(0),
            };
            Ok(Gossip::ChannelUpdate(u))
        }
        _ => Err(Error::invalid(format!("message type {ty} is not a gossip broadcast")).at(0)),
    }
}
