//! BOLT 7 messages: `announcement_signatures` (259), `channel_announcement` (256),
//! `node_announcement` (257, with the liquidity-ads `option_will_fund` record of bolts #1153),
//! `channel_update` (258, with lnd's inbound-fee record 55555), and the gossip queries 261–265
//! (`encoded_short_ids` with its encoding byte; the removed zlib encoding 1 is still decoded,
//! with a bounded inflate).
//!
//! <https://github.com/lightning/bolts/blob/master/07-routing-gossip.md>

use std::io::Read;

use serde_json::{json, Map, Value};

use crate::encoding::fields::{f, Custom, Field, FieldType as T};
use crate::encoding::tlv::{TlvDef, TlvStreamDef};
use crate::encoding::{write_bigsize, Reader};
use crate::error::{Error, ErrorKind, Result};
use crate::types::ShortChannelId;

use super::address::ADDRESS_LIST;
use super::MessageDef;

/// Most bytes a zlib-encoded array (encoding 1) may inflate to: 32,768 short_channel_ids, far
/// more than one 65,535-byte message can hold uncompressed.
pub const MAX_INFLATE: u64 = 256 * 1024;

/// `encoding_type` 0: sorted uncompressed array.
pub const ENCODING_UNCOMPRESSED: u8 = 0;
/// `encoding_type` 1: zlib; "MUST NOT be used" (bolts #981), still met in old peers.
pub const ENCODING_ZLIB: u8 = 1;

fn encoding_name(e: u8) -> &'static str {
    match e {
        ENCODING_UNCOMPRESSED => "uncompressed",
        ENCODING_ZLIB => "zlib",
        _ => "unknown",
    }
}

/// Inflates zlib data, refusing output larger than [`MAX_INFLATE`].
pub fn inflate_bounded(data: &[u8]) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    let mut d = flate2::read::ZlibDecoder::new(data).take(MAX_INFLATE + 1);
    d.read_to_end(&mut out).map_err(|e| Error::invalid(format!("bad zlib data: {e}")))?;
    if out.len() as u64 > MAX_INFLATE {
        return Err(Error::new(
            ErrorKind::TooLarge,
            format!("zlib data inflates past {MAX_INFLATE} bytes"),
        ));
    }
    Ok(out)
}

/// Deflates with zlib (only for encoding the legacy encoding 1 on request).
pub fn deflate(data: &[u8]) -> Vec<u8> {
    use std::io::Write as _;
    let mut e = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    // Writing to a Vec cannot fail.
    let _ = e.write_all(data);
    e.finish().unwrap_or_default()
}

/// Splits an encoded array (encoding byte + data) into its encoding and the plain bytes.
pub fn decode_encoded(r: &mut Reader<'_>) -> Result<(u8, Vec<u8>)> {
    let enc = r.u8().map_err(|e| e.within("encoding_type"))?;
    let at = r.offset();
    let data = r.take_rest();
    match enc {
        ENCODING_UNCOMPRESSED => Ok((enc, data.to_vec())),
        ENCODING_ZLIB => Ok((enc, inflate_bounded(data).map_err(|e| e.at(at))?)),
        _ => Err(Error::invalid(format!("unknown encoding_type {enc}")).at(at.saturating_sub(1))),
    }
}

fn encoding_of(v: &Value) -> Result<u8> {
    if let Some(n) = v.get("encoding_type").and_then(Value::as_u64) {
        return u8::try_from(n).map_err(|_| Error::invalid("encoding_type above 255"));
    }
    match v.get("encoding").and_then(Value::as_str) {
        None | Some("uncompressed") => Ok(ENCODING_UNCOMPRESSED),
        Some("zlib") => Ok(ENCODING_ZLIB),
        Some(o) => Err(Error::invalid(format!("unknown encoding {o:?}"))),
    }
}

fn write_encoded(out: &mut Vec<u8>, enc: u8, plain: &[u8]) -> Result<()> {
    out.push(enc);
    match enc {
        ENCODING_UNCOMPRESSED => out.extend_from_slice(plain),
        ENCODING_ZLIB => out.extend_from_slice(&deflate(plain)),
        _ => return Err(Error::invalid(format!("unknown encoding_type {enc}"))),
    }
    Ok(())
}

/// Decodes the plain bytes of an `encoded_short_ids` array.
pub fn scids_from_plain(plain: &[u8]) -> Result<Vec<ShortChannelId>> {
    if plain.len() % 8 != 0 {
        return Err(Error::new(
            ErrorKind::Length,
            format!("{} bytes of short_channel_ids is not a multiple of 8", plain.len()),
        ));
    }
    Ok(plain
        .chunks_exact(8)
        .map(|c| {
            let mut b = [0u8; 8];
            b.copy_from_slice(c);
            ShortChannelId(u64::from_be_bytes(b))
        })
        .collect())
}

/// `u16 len` + `encoded_short_ids`: `{"encoding_type", "encoding", "short_channel_ids"}`.
pub const ENCODED_SHORT_IDS: Custom = Custom { decode: dec_short_ids, encode: enc_short_ids };

fn dec_short_ids(r: &mut Reader<'_>) -> Result<Value> {
    let n = r.u16().map_err(|e| e.within("len"))?;
    let mut sub = r.sub(usize::from(n)).map_err(|e| e.within("encoded_short_ids"))?;
    if sub.is_empty() {
        // An empty array may omit even the encoding byte.
        return Ok(json!({"encoding_type": null, "short_channel_ids": []}));
    }
    let at = sub.offset();
    let (enc, plain) = decode_encoded(&mut sub)?;
    let ids = scids_from_plain(&plain).map_err(|e| e.at(at))?;
    Ok(json!({
        "encoding_type": enc,
        "encoding": encoding_name(enc),
        "short_channel_ids": ids.iter().map(ToString::to_string).collect::<Vec<_>>(),
    }))
}

fn enc_short_ids(v: &Value, out: &mut Vec<u8>) -> Result<()> {
    let ids = v
        .get("short_channel_ids")
        .and_then(Value::as_array)
        .ok_or_else(|| Error::invalid("encoded_short_ids needs short_channel_ids"))?;
    let mut body = Vec::new();
    if !(ids.is_empty() && v.get("encoding_type").is_some_and(Value::is_null)) {
        let mut plain = Vec::with_capacity(ids.len() * 8);
        for (i, s) in ids.iter().enumerate() {
            let s = s.as_str().ok_or_else(|| Error::invalid(format!("short_channel_ids[{i}]")))?;
            plain.extend_from_slice(&s.parse::<ShortChannelId>()?.0.to_be_bytes());
        }
        write_encoded(&mut body, encoding_of(v)?, &plain)?;
    }
    let n = u16::try_from(body.len()).map_err(|_| Error::invalid("encoded_short_ids too long"))?;
    out.extend_from_slice(&n.to_be_bytes());
    out.extend_from_slice(&body);
    Ok(())
}

/// `query_flags`: encoding byte + one minimal BigSize bitfield per short_channel_id.
pub const QUERY_FLAGS: Custom = Custom { decode: dec_query_flags, encode: enc_query_flags };

/// Names of the `query_flags` bits.
pub const QUERY_FLAG_BITS: [&str; 5] = [
    "channel_announcement",
    "channel_update_node_1",
    "channel_update_node_2",
    "node_announcement_node_1",
    "node_announcement_node_2",
];

fn dec_query_flags(r: &mut Reader<'_>) -> Result<Value> {
    let (enc, plain) = decode_encoded(r)?;
    let mut pr = Reader::new(&plain);
    let mut flags = Vec::new();
    while !pr.is_empty() {
        flags.push(
            pr.bigsize().map_err(|e| e.within(format!("encoded_query_flags[{}]", flags.len())))?,
        );
    }
    Ok(json!({"encoding_type": enc, "encoding": encoding_name(enc), "flags": flags}))
}

fn enc_query_flags(v: &Value, out: &mut Vec<u8>) -> Result<()> {
    let mut plain = Vec::new();
    for x in v.get("flags").and_then(Value::as_array).ok_or_else(|| Error::invalid("need flags"))? {
        write_bigsize(&mut plain, x.as_u64().ok_or_else(|| Error::invalid("flag not a number"))?);
    }
    write_encoded(out, encoding_of(v)?, &plain)
}

/// `timestamps_tlv`: encoding byte + `channel_update_timestamps` per short_channel_id.
pub const TIMESTAMPS: Custom = Custom { decode: dec_timestamps, encode: enc_timestamps };

fn dec_timestamps(r: &mut Reader<'_>) -> Result<Value> {
    let at = r.offset();
    let (enc, plain) = decode_encoded(r)?;
    if plain.len() % 8 != 0 {
        return Err(Error::new(ErrorKind::Length, "timestamps are not pairs of u32").at(at));
    }
    let mut pr = Reader::new(&plain);
    let mut list = Vec::new();
    while !pr.is_empty() {
        let (a, b) = (pr.u32()?, pr.u32()?);
        list.push(json!({"timestamp_node_id_1": a, "timestamp_node_id_2": b}));
    }
    Ok(json!({"encoding_type": enc, "encoding": encoding_name(enc), "timestamps": list}))
}

fn enc_timestamps(v: &Value, out: &mut Vec<u8>) -> Result<()> {
    let mut plain = Vec::new();
    for t in v
        .get("timestamps")
        .and_then(Value::as_array)
        .ok_or_else(|| Error::invalid("need timestamps"))?
    {
        for k in ["timestamp_node_id_1", "timestamp_node_id_2"] {
            let x = t.get(k).and_then(Value::as_u64).and_then(|x| u32::try_from(x).ok());
            plain.extend_from_slice(
                &x.ok_or_else(|| Error::invalid(format!("{k} must be a u32")))?.to_be_bytes(),
            );
        }
    }
    write_encoded(out, encoding_of(v)?, &plain)
}

/// `query_option` bits: 0 timestamps, 1 checksums.
pub const QUERY_OPTION: Custom = Custom { decode: dec_query_option, encode: enc_query_option };

fn dec_query_option(r: &mut Reader<'_>) -> Result<Value> {
    let v = r.bigsize()?;
    Ok(json!({"value": v, "timestamps": v & 1 != 0, "checksums": v & 2 != 0}))
}

// The Custom codec signature is fallible for every codec.
#[allow(clippy::unnecessary_wraps)]
fn enc_query_option(v: &Value, out: &mut Vec<u8>) -> Result<()> {
    let n = if let Some(n) = v.as_u64().or_else(|| v.get("value").and_then(Value::as_u64)) {
        n
    } else {
        let bit = |k: &str| v.get(k).and_then(Value::as_bool).unwrap_or(false);
        u64::from(bit("timestamps")) | u64::from(bit("checksums")) << 1
    };
    write_bigsize(out, n);
    Ok(())
}

/// A flag byte printed with its named bits.
macro_rules! flag_byte {
    ($name:ident, $dec:ident, $enc:ident, [$(($bit:expr, $key:expr)),*]) => {
        fn $dec(r: &mut Reader<'_>) -> Result<Value> {
            let b = r.u8()?;
            let mut m = Map::new();
            m.insert("value".into(), b.into());
            $( m.insert($key.into(), (b >> $bit & 1 != 0).into()); )*
            Ok(Value::Object(m))
        }
        fn $enc(v: &Value, out: &mut Vec<u8>) -> Result<()> {
            let b = v
                .as_u64()
                .or_else(|| v.get("value").and_then(Value::as_u64))
                .and_then(|x| u8::try_from(x).ok())
                .ok_or_else(|| Error::invalid("flags need a byte \"value\""))?;
            out.push(b);
            Ok(())
        }
        /// A flag byte with its bits named.
        pub const $name: Custom = Custom { decode: $dec, encode: $enc };
    };
}

flag_byte!(MESSAGE_FLAGS, dec_mflags, enc_mflags, [(0, "must_be_one"), (1, "dont_forward")]);
flag_byte!(CHANNEL_FLAGS, dec_cflags, enc_cflags, [(0, "direction"), (1, "disabled")]);

/// `u16 addrlen` + address descriptors.
pub const ADDRESSES: Custom = Custom { decode: dec_addresses, encode: enc_addresses };

fn dec_addresses(r: &mut Reader<'_>) -> Result<Value> {
    let n = r.u16().map_err(|e| e.within("addrlen"))?;
    let mut sub = r.sub(usize::from(n))?;
    (ADDRESS_LIST.decode)(&mut sub)
}

fn enc_addresses(v: &Value, out: &mut Vec<u8>) -> Result<()> {
    let mut body = Vec::new();
    (ADDRESS_LIST.encode)(v, &mut body)?;
    let n = u16::try_from(body.len()).map_err(|_| Error::invalid("addresses too long"))?;
    out.extend_from_slice(&n.to_be_bytes());
    out.extend_from_slice(&body);
    Ok(())
}

/// `alias`: 32 bytes, printed as text (NUL padding and invalid UTF-8 replaced) and hex.
pub const ALIAS: Custom = Custom { decode: dec_alias, encode: enc_alias };

fn dec_alias(r: &mut Reader<'_>) -> Result<Value> {
    let b = r.bytes(32)?;
    let end = b.iter().position(|&c| c == 0).unwrap_or(b.len());
    let text = String::from_utf8_lossy(b.get(..end).unwrap_or(b));
    Ok(json!({"text": text, "hex": hex::encode(b)}))
}

fn enc_alias(v: &Value, out: &mut Vec<u8>) -> Result<()> {
    let b = if let Some(h) = v.get("hex").and_then(Value::as_str) {
        crate::encoding::parse_hex(h)?
    } else {
        let t = v
            .as_str()
            .or_else(|| v.get("text").and_then(Value::as_str))
            .ok_or_else(|| Error::invalid("alias needs text or hex"))?;
        t.as_bytes().to_vec()
    };
    if b.len() > 32 {
        return Err(Error::new(ErrorKind::Length, "alias is longer than 32 bytes"));
    }
    let mut a = [0u8; 32];
    a.get_mut(..b.len()).unwrap_or(&mut []).copy_from_slice(&b);
    out.extend_from_slice(&a);
    Ok(())
}

static FUNDING_RATE: &[Field] = &[
    f("min_funding_amount_sat", T::U32),
    f("max_funding_amount_sat", T::U32),
    f("funding_weight", T::U16),
    f("funding_fee_basis", T::U16),
    f("funding_fee_base_sat", T::U32),
    f("channel_creation_fee_sat", T::U32),
];

/// `u16 num_funding_rates` + that many `funding_rate`s (liquidity ads).
pub const FUNDING_RATES: Custom = Custom { decode: dec_rates, encode: enc_rates };

fn dec_rates(r: &mut Reader<'_>) -> Result<Value> {
    let n = r.u16().map_err(|e| e.within("num_funding_rates"))?;
    let mut list = Vec::new();
    for i in 0..n {
        let m = crate::encoding::fields::decode_fields(FUNDING_RATE, r)
            .map_err(|e| e.within(format!("[{i}]")))?;
        list.push(Value::Object(m));
    }
    Ok(Value::Array(list))
}

fn enc_rates(v: &Value, out: &mut Vec<u8>) -> Result<()> {
    let list = v.as_array().ok_or_else(|| Error::invalid("funding_rates: expected an array"))?;
    let n = u16::try_from(list.len()).map_err(|_| Error::invalid("too many funding_rates"))?;
    out.extend_from_slice(&n.to_be_bytes());
    for (i, x) in list.iter().enumerate() {
        let o = x.as_object().ok_or_else(|| Error::invalid(format!("funding_rates[{i}]")))?;
        crate::encoding::fields::encode_fields(FUNDING_RATE, o, out)?;
    }
    Ok(())
}

/// `node_ann_tlvs`: 5 `option_will_fund` (liquidity ads, bolts #1153).
pub static NODE_ANN_TLVS: TlvStreamDef = TlvStreamDef {
    name: "node_ann_tlvs",
    records: &[TlvDef {
        ty: 5,
        name: "option_will_fund",
        fields: &[f("funding_rates", T::Custom(&FUNDING_RATES)), f("payment_types", T::VarBytes)],
    }],
};

/// `channel_update_tlvs`: lnd's inbound fee (type 55555, odd, signed like the rest).
pub static CHANNEL_UPDATE_TLVS: TlvStreamDef = TlvStreamDef {
    name: "channel_update_tlvs",
    records: &[TlvDef {
        ty: 55555,
        name: "inbound_fee",
        fields: &[
            f("inbound_fee_base_msat", T::Signed(4)),
            f("inbound_fee_proportional_millionths", T::Signed(4)),
        ],
    }],
};

/// `query_short_channel_ids_tlvs`.
pub static QUERY_SHORT_CHANNEL_IDS_TLVS: TlvStreamDef = TlvStreamDef {
    name: "query_short_channel_ids_tlvs",
    records: &[TlvDef { ty: 1, name: "query_flags", fields: &[f("", T::Custom(&QUERY_FLAGS))] }],
};

/// `query_channel_range_tlvs`.
pub static QUERY_CHANNEL_RANGE_TLVS: TlvStreamDef = TlvStreamDef {
    name: "query_channel_range_tlvs",
    records: &[TlvDef { ty: 1, name: "query_option", fields: &[f("", T::Custom(&QUERY_OPTION))] }],
};

static CHECKSUM_PAIR: &[Field] =
    &[f("checksum_node_id_1", T::U32), f("checksum_node_id_2", T::U32)];

/// `reply_channel_range_tlvs`.
pub static REPLY_CHANNEL_RANGE_TLVS: TlvStreamDef = TlvStreamDef {
    name: "reply_channel_range_tlvs",
    records: &[
        TlvDef { ty: 1, name: "timestamps_tlv", fields: &[f("", T::Custom(&TIMESTAMPS))] },
        TlvDef {
            ty: 3,
            name: "checksums_tlv",
            fields: &[f("checksums", T::Array(&T::Struct(CHECKSUM_PAIR)))],
        },
    ],
};

/// BOLT 7 message table.
pub static MESSAGES: &[MessageDef] = &[
    MessageDef {
        ty: 259,
        name: "announcement_signatures",
        fields: &[
            f("channel_id", T::Hash32),
            f("short_channel_id", T::Scid),
            f("node_signature", T::Signature),
            f("bitcoin_signature", T::Signature),
        ],
    },
    MessageDef {
        ty: 256,
        name: "channel_announcement",
        fields: &[
            f("node_signature_1", T::Signature),
            f("node_signature_2", T::Signature),
            f("bitcoin_signature_1", T::Signature),
            f("bitcoin_signature_2", T::Signature),
            f("features", T::Features),
            f("chain_hash", T::Hash32),
            f("short_channel_id", T::Scid),
            f("node_id_1", T::Point),
            f("node_id_2", T::Point),
            f("bitcoin_key_1", T::Point),
            f("bitcoin_key_2", T::Point),
        ],
    },
    MessageDef {
        ty: 257,
        name: "node_announcement",
        fields: &[
            f("signature", T::Signature),
            f("features", T::Features),
            f("timestamp", T::U32),
            f("node_id", T::Point),
            f("rgb_color", T::Bytes(3)),
            f("alias", T::Custom(&ALIAS)),
            f("addresses", T::Custom(&ADDRESSES)),
            f("node_ann_tlvs", T::Tlvs(&NODE_ANN_TLVS)),
        ],
    },
    MessageDef {
        ty: 258,
        name: "channel_update",
        fields: &[
            f("signature", T::Signature),
            f("chain_hash", T::Hash32),
            f("short_channel_id", T::Scid),
            f("timestamp", T::U32),
            f("message_flags", T::Custom(&MESSAGE_FLAGS)),
            f("channel_flags", T::Custom(&CHANNEL_FLAGS)),
            f("cltv_expiry_delta", T::U16),
            f("htlc_minimum_msat", T::U64),
            f("fee_base_msat", T::U32),
            f("fee_proportional_millionths", T::U32),
            f("htlc_maximum_msat", T::U64),
            f("channel_update_tlvs", T::Tlvs(&CHANNEL_UPDATE_TLVS)),
        ],
    },
    MessageDef {
        ty: 261,
        name: "query_short_channel_ids",
        fields: &[
            f("chain_hash", T::Hash32),
            f("encoded_short_ids", T::Custom(&ENCODED_SHORT_IDS)),
            f("tlvs", T::Tlvs(&QUERY_SHORT_CHANNEL_IDS_TLVS)),
        ],
    },
    MessageDef {
        ty: 262,
        name: "reply_short_channel_ids_end",
        fields: &[f("chain_hash", T::Hash32), f("full_information", T::U8)],
    },
    MessageDef {
        ty: 263,
        name: "query_channel_range",
        fields: &[
            f("chain_hash", T::Hash32),
            f("first_blocknum", T::U32),
            f("number_of_blocks", T::U32),
            f("tlvs", T::Tlvs(&QUERY_CHANNEL_RANGE_TLVS)),
        ],
    },
    MessageDef {
        ty: 264,
        name: "reply_channel_range",
        fields: &[
            f("chain_hash", T::Hash32),
            f("first_blocknum", T::U32),
            f("number_of_blocks", T::U32),
            f("sync_complete", T::U8),
            f("encoded_short_ids", T::Custom(&ENCODED_SHORT_IDS)),
            f("tlvs", T::Tlvs(&REPLY_CHANNEL_RANGE_TLVS)),
        ],
    },
    MessageDef {
        ty: 265,
        name: "gossip_timestamp_filter",
        fields: &[
            f("chain_hash", T::Hash32),
            f("first_timestamp", T::U32),
            f("timestamp_range", T::U32),
        ],
    },
];
