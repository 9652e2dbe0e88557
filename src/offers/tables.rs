//! BOLT 12 TLV streams as declarative tables: `offer` (types 1–79), `invoice_request` (0,
//! 80–159, signature 240), `invoice` (160–239, signature 240) and `invoice_error`, with the
//! recurrence records of bolts PR #1240 (24–29, 92–94, 177). Custom codecs for BOLT 4
//! `blinded_path` (with BOLT 1 `sciddir_or_pubkey`), BOLT 12 `bip_353_name` and flag records.
//!
//! <https://github.com/lightning/bolts/blob/master/12-offer-encoding.md#tlv-fields-for-offers>
//! <https://github.com/lightning/bolts/blob/master/04-onion-routing.md#route-blinding>

use serde_json::{json, Value};

use crate::encoding::fields::{f, Custom, Field, FieldType as T};
use crate::encoding::point::is_valid as is_valid_point;
use crate::encoding::tlv::{TlvDef, TlvStreamDef};
use crate::encoding::{parse_hex, Reader};
use crate::error::{Error, ErrorKind, Result};
use crate::types::ShortChannelId;

/// A BOLT 1 `sciddir_or_pubkey`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SciddirOrPubkey {
    /// `0`/`1` + 8-byte short_channel_id: node_id_1 (direction 0) or node_id_2 (1) of the channel.
    Scid {
        /// 0 = `node_id_1`, 1 = `node_id_2`.
        direction: u8,
        /// The channel.
        scid: ShortChannelId,
    },
    /// A 33-byte node id (first byte 2 or 3).
    Pubkey([u8; 33]),
    /// bLIP 37 wallet node id: the 33-byte key with its first byte `+2` (4 or 5). Only read when
    /// asked for (`allow_wallet`); BOLT 12 paths reject it.
    WalletPubkey([u8; 33]),
}

impl SciddirOrPubkey {
    /// Reads one value. `allow_wallet` accepts the bLIP 37 prefixes 4/5.
    pub fn read(r: &mut Reader<'_>, allow_wallet: bool) -> Result<Self> {
        let at = r.offset();
        let first = *r.rest().first().ok_or_else(|| {
            Error::new(ErrorKind::Truncated, "truncated: need 1 byte, 0 left").at(at)
        })?;
        match first {
            0 | 1 => {
                r.u8()?;
                Ok(Self::Scid { direction: first, scid: ShortChannelId(r.u64()?) })
            }
            2..=5 if first <= 3 || allow_wallet => {
                let mut k: [u8; 33] = r.array()?;
                let wallet = first >= 4;
                if let Some(b) = k.first_mut() {
                    *b -= if wallet { 2 } else { 0 };
                }
                if !is_valid_point(&k) {
                    return Err(Error::invalid("not a valid secp256k1 point").at(at));
                }
                Ok(if wallet { Self::WalletPubkey(k) } else { Self::Pubkey(k) })
            }
            b => Err(Error::invalid(format!(
                "sciddir_or_pubkey starts with {b}: must be 0, 1 (scid) or 2, 3 (point)"
            ))
            .at(at)),
        }
    }

    /// Appends the wire form.
    pub fn write(&self, out: &mut Vec<u8>) {
        match self {
            Self::Scid { direction, scid } => {
                out.push(*direction);
                out.extend_from_slice(&scid.0.to_be_bytes());
            }
            Self::Pubkey(k) => out.extend_from_slice(k),
            Self::WalletPubkey(k) => {
                let mut k = *k;
                if let Some(b) = k.first_mut() {
                    *b += 2;
                }
                out.extend_from_slice(&k);
            }
        }
    }

    /// JSON: a hex node id, or `{"short_channel_id": "BxTxO", "direction": 0|1}`, or
    /// `{"wallet_node_id": hex}`.
    pub fn to_json(&self) -> Value {
        match self {
            Self::Scid { direction, scid } => {
                json!({"short_channel_id": scid.to_string(), "direction": direction})
            }
            Self::Pubkey(k) => hex::encode(k).into(),
            Self::WalletPubkey(k) => json!({"wallet_node_id": hex::encode(k)}),
        }
    }

    /// Parses the JSON form of [`Self::to_json`].
    pub fn from_json(v: &Value) -> Result<Self> {
        if let Some(s) = v.as_str() {
            return Ok(Self::Pubkey(point33(s)?));
        }
        if let Some(w) = v.get("wallet_node_id").and_then(Value::as_str) {
            return Ok(Self::WalletPubkey(point33(w)?));
        }
        let scid: ShortChannelId = v
            .get("short_channel_id")
            .and_then(Value::as_str)
            .ok_or_else(|| Error::invalid("first_node_id needs a node id or short_channel_id"))?
            .parse()
            .map_err(|_| Error::invalid("bad short_channel_id"))?;
        let direction = v.get("direction").and_then(Value::as_u64).unwrap_or(0);
        let direction = u8::try_from(direction)
            .ok()
            .filter(|d| *d <= 1)
            .ok_or_else(|| Error::invalid("direction must be 0 or 1"))?;
        Ok(Self::Scid { direction, scid })
    }
}

fn point33(s: &str) -> Result<[u8; 33]> {
    let b = parse_hex(s)?;
    let k: [u8; 33] = b.try_into().map_err(|_| Error::invalid("a point is 33 bytes"))?;
    if !is_valid_point(&k) {
        return Err(Error::invalid("not a valid secp256k1 point"));
    }
    Ok(k)
}

fn read_point(r: &mut Reader<'_>, validate: bool) -> Result<[u8; 33]> {
    let at = r.offset();
    let k: [u8; 33] = r.array()?;
    // Re-reads of an already-checked record skip the curve check.
    if validate && !is_valid_point(&k) {
        return Err(Error::invalid("not a valid secp256k1 point").at(at));
    }
    Ok(k)
}

/// One `blinded_path_hop`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BlindedHop {
    /// `blinded_node_id`
    pub blinded_node_id: [u8; 33],
    /// `encrypted_recipient_data`
    pub encrypted_recipient_data: Vec<u8>,
}

/// A BOLT 4 `blinded_path`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BlindedPath {
    /// `first_node_id` (introduction node).
    pub first_node_id: SciddirOrPubkey,
    /// `first_path_key` (E_0).
    pub first_path_key: [u8; 33],
    /// The hops; `num_hops` is their count (0 is decodable but invalid per BOLT 12).
    pub path: Vec<BlindedHop>,
}

impl BlindedPath {
    /// Reads one path, validating every point.
    pub fn read(r: &mut Reader<'_>) -> Result<Self> {
        Self::read_with(r, true)
    }

    fn read_with(r: &mut Reader<'_>, validate: bool) -> Result<Self> {
        let mut path = Vec::new();
        let (first_node_id, first_path_key) = walk(r, validate, |blinded_node_id, data| {
            path.push(BlindedHop { blinded_node_id, encrypted_recipient_data: data.to_vec() });
        })?;
        Ok(BlindedPath { first_node_id, first_path_key, path })
    }

    /// Appends the wire form.
    pub fn write(&self, out: &mut Vec<u8>) -> Result<()> {
        self.first_node_id.write(out);
        out.extend_from_slice(&self.first_path_key);
        out.push(u8::try_from(self.path.len()).map_err(|_| Error::invalid("more than 255 hops"))?);
        for h in &self.path {
            out.extend_from_slice(&h.blinded_node_id);
            let len = u16::try_from(h.encrypted_recipient_data.len())
                .map_err(|_| Error::invalid("encrypted_recipient_data longer than 65535"))?;
            out.extend_from_slice(&len.to_be_bytes());
            out.extend_from_slice(&h.encrypted_recipient_data);
        }
        Ok(())
    }

    /// The JSON form (BOLT 4 field names).
    pub fn to_json(&self) -> Value {
        let hops: Vec<Value> = self
            .path
            .iter()
            .map(|h| {
                json!({
                    "blinded_node_id": hex::encode(h.blinded_node_id),
                    "encrypted_recipient_data": hex::encode(&h.encrypted_recipient_data),
                })
            })
            .collect();
        json!({
            "first_node_id": self.first_node_id.to_json(),
            "first_path_key": hex::encode(self.first_path_key),
            "num_hops": self.path.len(),
            "path": hops,
        })
    }

    /// Parses the JSON form (`num_hops` is recomputed).
    pub fn from_json(v: &Value) -> Result<Self> {
        let first_node_id = SciddirOrPubkey::from_json(
            v.get("first_node_id").ok_or_else(|| Error::invalid("missing first_node_id"))?,
        )?;
        let first_path_key = point33(
            v.get("first_path_key")
                .and_then(Value::as_str)
                .ok_or_else(|| Error::invalid("missing first_path_key"))?,
        )?;
        let mut path = Vec::new();
        for h in v.get("path").and_then(Value::as_array).map_or(&[][..], Vec::as_slice) {
            let id = h.get("blinded_node_id").and_then(Value::as_str).unwrap_or("");
            let data = h.get("encrypted_recipient_data").and_then(Value::as_str).unwrap_or("");
            path.push(BlindedHop {
                blinded_node_id: point33(id)?,
                encrypted_recipient_data: parse_hex(data)?,
            });
        }
        Ok(BlindedPath { first_node_id, first_path_key, path })
    }

    /// The final `blinded_node_id` (where onion messages for this path end).
    pub fn final_node_id(&self) -> Option<[u8; 33]> {
        self.path.last().map(|h| h.blinded_node_id)
    }
}

/// Reads one `blinded_path`, handing each hop to `hop` (so a check needs no allocation);
/// returns the introduction node and first path key.
fn walk(
    r: &mut Reader<'_>,
    validate: bool,
    mut hop: impl FnMut([u8; 33], &[u8]),
) -> Result<(SciddirOrPubkey, [u8; 33])> {
    let first_node_id = if validate || r.rest().first().is_some_and(|b| *b < 2) {
        SciddirOrPubkey::read(r, false).map_err(|e| e.within("first_node_id"))?
    } else {
        SciddirOrPubkey::Pubkey(read_point(r, false)?)
    };
    let first_path_key = read_point(r, validate).map_err(|e| e.within("first_path_key"))?;
    let n = r.u8().map_err(|e| e.within("num_hops"))?;
    for i in 0..n {
        let blinded_node_id =
            read_point(r, validate).map_err(|e| e.within(format!("path[{i}]: blinded_node_id")))?;
        let len = r.u16().map_err(|e| e.within(format!("path[{i}]: enclen")))?;
        let data = r
            .bytes(usize::from(len))
            .map_err(|e| e.within(format!("path[{i}]: encrypted_recipient_data")))?;
        hop(blinded_node_id, data);
    }
    Ok((first_node_id, first_path_key))
}

/// What the reader checks need of a record of blinded paths, gathered while checking it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PathsSummary {
    /// Number of paths.
    pub count: usize,
    /// Indexes of paths with `num_hops` = 0.
    pub empty: Vec<usize>,
    /// The final `blinded_node_id` of each non-empty path.
    pub finals: Vec<[u8; 33]>,
}

/// Checks a record of `...*blinded_path` with the errors [`BLINDED_PATH`] decoding gives (every
/// point on the curve, lengths in bounds), without keeping the paths.
pub fn check_paths(value: &[u8], base: usize) -> Result<PathsSummary> {
    let mut r = Reader::with_base(value, base);
    let mut s = PathsSummary::default();
    while !r.is_empty() {
        let mut last = None;
        walk(&mut r, true, |id, _| last = Some(id))
            .map_err(|e| e.within(format!("[{}]", s.count)))?;
        match last {
            Some(id) => s.finals.push(id),
            None => s.empty.push(s.count),
        }
        s.count += 1;
    }
    Ok(s)
}

/// Reads `...*blinded_path` (all paths filling a record), validating every point.
pub fn read_paths(value: &[u8], base: usize) -> Result<Vec<BlindedPath>> {
    read_paths_with(value, base, true)
}

/// Re-reads paths of a record that already decoded (points known valid).
pub(crate) fn read_paths_with(
    value: &[u8],
    base: usize,
    validate: bool,
) -> Result<Vec<BlindedPath>> {
    let mut r = Reader::with_base(value, base);
    let mut out = Vec::new();
    while !r.is_empty() {
        let i = out.len();
        out.push(BlindedPath::read_with(&mut r, validate).map_err(|e| e.within(format!("[{i}]")))?);
    }
    Ok(out)
}

/// The `blinded_path` codec for tables.
pub const BLINDED_PATH: Custom = Custom {
    decode: |r| Ok(BlindedPath::read(r)?.to_json()),
    encode: |v, out| BlindedPath::from_json(v)?.write(out),
};

/// `sciddir_or_pubkey` (BOLT 1) as a table codec.
pub const SCIDDIR_OR_PUBKEY: Custom = Custom {
    decode: |r| Ok(SciddirOrPubkey::read(r, false)?.to_json()),
    encode: |v, out| {
        SciddirOrPubkey::from_json(v)?.write(out);
        Ok(())
    },
};

fn name_part(r: &mut Reader<'_>, what: &str) -> Result<Value> {
    let n = r.u8().map_err(|e| e.within(format!("{what}_len")))?;
    let at = r.offset();
    let b = r.bytes(usize::from(n)).map_err(|e| e.within(what.to_string()))?;
    // Shown as text; bytes outside the allowed set are a reader check, not a parse error.
    Ok(match std::str::from_utf8(b) {
        Ok(s) => s.into(),
        Err(e) => {
            return Err(Error::invalid("not valid UTF-8").at(at + e.valid_up_to()).within(what))
        }
    })
}

fn write_name_part(v: Option<&Value>, what: &str, out: &mut Vec<u8>) -> Result<()> {
    let s = v.and_then(Value::as_str).ok_or_else(|| Error::invalid(format!("missing {what}")))?;
    let n = u8::try_from(s.len()).map_err(|_| Error::invalid(format!("{what} over 255 bytes")))?;
    out.push(n);
    out.extend_from_slice(s.as_bytes());
    Ok(())
}

/// `bip_353_name` (u8 len + name, u8 len + domain).
pub const BIP_353_NAME: Custom = Custom {
    decode: |r| {
        let name = name_part(r, "name")?;
        let domain = name_part(r, "domain")?;
        Ok(json!({"name": name, "domain": domain}))
    },
    encode: |v, out| {
        write_name_part(v.get("name"), "name", out)?;
        write_name_part(v.get("domain"), "domain", out)
    },
};

/// A record with no value (e.g. `invreq_recurrence_cancel`): JSON `true`.
pub const FLAG: Custom = Custom { decode: |_| Ok(Value::Bool(true)), encode: |_, _| Ok(()) };

const RECURRENCE: &[Field] = &[f("time_unit", T::U8), f("period", T::Truncated(4))];
const RECURRENCE_BASE: &[Field] =
    &[f("proportional_amount", T::U8), f("basetime", T::Truncated(8))];
const RECURRENCE_PAYWINDOW: &[Field] =
    &[f("seconds_before", T::U32), f("seconds_after", T::Truncated(4))];

const PAYINFO: &[Field] = &[
    f("fee_base_msat", T::U32),
    f("fee_proportional_millionths", T::U32),
    f("cltv_expiry_delta", T::U16),
    f("htlc_minimum_msat", T::U64),
    f("htlc_maximum_msat", T::U64),
    f("features", T::Features),
];
const FALLBACK: &[Field] = &[f("version", T::U8), f("address", T::VarBytes)];

// Each stream's table is the offer records plus its own; the macros splice token lists so the
// shared records are written once.
macro_rules! offer_records {
    ([$($pre:tt)*] [$($post:tt)*]) => {
        &[
        $($pre)*
        TlvDef { ty: 2, name: "offer_chains", fields: &[f("", T::Array(&T::Hash32))] },
        TlvDef { ty: 4, name: "offer_metadata", fields: &[f("", T::Rest)] },
        TlvDef { ty: 6, name: "offer_currency", fields: &[f("", T::RestUtf8)] },
        TlvDef { ty: 8, name: "offer_amount", fields: &[f("", T::Truncated(8))] },
        TlvDef { ty: 10, name: "offer_description", fields: &[f("", T::RestUtf8)] },
        TlvDef { ty: 12, name: "offer_features", fields: &[f("", T::RestFeatures)] },
        TlvDef { ty: 14, name: "offer_absolute_expiry", fields: &[f("", T::Truncated(8))] },
        TlvDef {
            ty: 16,
            name: "offer_paths",
            fields: &[f("", T::Array(&T::Custom(&BLINDED_PATH)))],
        },
        TlvDef { ty: 18, name: "offer_issuer", fields: &[f("", T::RestUtf8)] },
        TlvDef { ty: 20, name: "offer_quantity_max", fields: &[f("", T::Truncated(8))] },
        TlvDef { ty: 22, name: "offer_issuer_id", fields: &[f("", T::Point)] },
        TlvDef {
            ty: 24,
            name: "offer_recurrence_compulsory",
            fields: &[f("", T::Struct(RECURRENCE))],
        },
        TlvDef {
            ty: 25,
            name: "offer_recurrence_optional",
            fields: &[f("", T::Struct(RECURRENCE))],
        },
        TlvDef {
            ty: 26,
            name: "offer_recurrence_base",
            fields: &[f("", T::Struct(RECURRENCE_BASE))],
        },
        TlvDef {
            ty: 27,
            name: "offer_recurrence_paywindow",
            fields: &[f("", T::Struct(RECURRENCE_PAYWINDOW))],
        },
        TlvDef { ty: 29, name: "offer_recurrence_limit", fields: &[f("", T::Truncated(4))] },
        $($post)*
        ]
    };
}

macro_rules! invreq_records {
    ([$($pre:tt)*] [$($post:tt)*]) => {
        offer_records!([$($pre)*] [
        TlvDef { ty: 80, name: "invreq_chain", fields: &[f("", T::Hash32)] },
        TlvDef { ty: 82, name: "invreq_amount", fields: &[f("msat", T::Truncated(8))] },
        TlvDef { ty: 84, name: "invreq_features", fields: &[f("", T::RestFeatures)] },
        TlvDef { ty: 86, name: "invreq_quantity", fields: &[f("", T::Truncated(8))] },
        TlvDef { ty: 88, name: "invreq_payer_id", fields: &[f("", T::Point)] },
        TlvDef { ty: 89, name: "invreq_payer_note", fields: &[f("", T::RestUtf8)] },
        TlvDef {
            ty: 90,
            name: "invreq_paths",
            fields: &[f("", T::Array(&T::Custom(&BLINDED_PATH)))],
        },
        TlvDef { ty: 91, name: "invreq_bip_353_name", fields: &[f("", T::Custom(&BIP_353_NAME))] },
        TlvDef { ty: 92, name: "invreq_recurrence_counter", fields: &[f("", T::Truncated(4))] },
        TlvDef { ty: 93, name: "invreq_recurrence_start", fields: &[f("", T::Truncated(4))] },
        TlvDef { ty: 94, name: "invreq_recurrence_cancel", fields: &[f("", T::Custom(&FLAG))] },
        $($post)*
        ])
    };
}

/// `tlv_stream`: `offer`.
pub static OFFER: TlvStreamDef = TlvStreamDef { name: "offer", records: offer_records!([] []) };

/// `tlv_stream`: `invoice_request`.
pub static INVOICE_REQUEST: TlvStreamDef = TlvStreamDef {
    name: "invoice_request",
    records: invreq_records!(
        [TlvDef { ty: 0, name: "invreq_metadata", fields: &[f("", T::Rest)] },]
        [TlvDef { ty: 240, name: "signature", fields: &[f("", T::Signature)] },]
    ),
};

/// `tlv_stream`: `invoice`.
pub static INVOICE: TlvStreamDef = TlvStreamDef {
    name: "invoice",
    records: invreq_records!(
        [TlvDef { ty: 0, name: "invreq_metadata", fields: &[f("", T::Rest)] },]
        [TlvDef {
            ty: 160,
            name: "invoice_paths",
            fields: &[f("", T::Array(&T::Custom(&BLINDED_PATH)))],
        },
        TlvDef { ty: 162, name: "invoice_blindedpay", fields: &[f("", T::Array(&T::Struct(PAYINFO)))] },
        TlvDef { ty: 164, name: "invoice_created_at", fields: &[f("", T::Truncated(8))] },
        TlvDef { ty: 166, name: "invoice_relative_expiry", fields: &[f("", T::Truncated(4))] },
        TlvDef { ty: 168, name: "invoice_payment_hash", fields: &[f("", T::Hash32)] },
        TlvDef { ty: 170, name: "invoice_amount", fields: &[f("msat", T::Truncated(8))] },
        TlvDef { ty: 172, name: "invoice_fallbacks", fields: &[f("", T::Array(&T::Struct(FALLBACK)))] },
        TlvDef { ty: 174, name: "invoice_features", fields: &[f("", T::RestFeatures)] },
        TlvDef { ty: 176, name: "invoice_node_id", fields: &[f("", T::Point)] },
        TlvDef { ty: 177, name: "invoice_recurrence_basetime", fields: &[f("", T::Truncated(8))] },
        TlvDef { ty: 240, name: "signature", fields: &[f("", T::Signature)] },]
    ),
};

/// `tlv_stream`: `invoice_error`.
pub static INVOICE_ERROR: TlvStreamDef = TlvStreamDef {
    name: "invoice_error",
    records: &[
        TlvDef { ty: 1, name: "erroneous_field", fields: &[f("", T::Truncated(8))] },
        TlvDef { ty: 3, name: "suggested_value", fields: &[f("", T::Rest)] },
        TlvDef { ty: 5, name: "error", fields: &[f("", T::RestUtf8)] },
    ],
};

/// `tlv_stream`: `encrypted_data_tlv` (BOLT 4, inside `encrypted_recipient_data`).
pub static ENCRYPTED_DATA_TLV: TlvStreamDef = TlvStreamDef {
    name: "encrypted_data_tlv",
    records: &[
        TlvDef { ty: 1, name: "padding", fields: &[f("", T::Rest)] },
        TlvDef { ty: 2, name: "short_channel_id", fields: &[f("", T::Scid)] },
        TlvDef { ty: 4, name: "next_node_id", fields: &[f("", T::Point)] },
        TlvDef { ty: 6, name: "path_id", fields: &[f("", T::Rest)] },
        TlvDef { ty: 8, name: "next_path_key_override", fields: &[f("", T::Point)] },
        TlvDef {
            ty: 10,
            name: "payment_relay",
            fields: &[
                f("cltv_expiry_delta", T::U16),
                f("fee_proportional_millionths", T::U32),
                f("fee_base_msat", T::Truncated(4)),
            ],
        },
        TlvDef {
            ty: 12,
            name: "payment_constraints",
            fields: &[f("max_cltv_expiry", T::U32), f("htlc_minimum_msat", T::Truncated(8))],
        },
        TlvDef { ty: 14, name: "allowed_features", fields: &[f("", T::RestFeatures)] },
    ],
};
