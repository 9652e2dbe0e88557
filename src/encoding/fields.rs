//! BOLT 1 "Fundamental Types" as declarative field encodings: each [`FieldType`] knows how to
//! decode itself from a [`Reader`] into JSON (BOLT names, hex for bytes, `BxTxO` for
//! short_channel_id) and encode itself back, so message and TLV tables drive both directions.
//!
//! <https://github.com/lightning/bolts/blob/master/01-messaging.md#fundamental-types>

use serde_json::{Map, Value};

use super::tlv::TlvStreamDef;
use super::{encode_truncated, parse_hex, write_bigsize, Reader};
use crate::error::{Error, ErrorKind, Result};
use crate::types::ShortChannelId;
use crate::wire::features;

/// A named field of a message or TLV record.
#[derive(Debug)]
pub struct Field {
    /// BOLT name; empty for the single anonymous field of a flat TLV record.
    pub name: &'static str,
    /// Its encoding.
    pub ty: FieldType,
}

/// Shorthand for table entries.
pub const fn f(name: &'static str, ty: FieldType) -> Field {
    Field { name, ty }
}

/// Custom codec for structures no table expresses (addresses, blinded paths, ...).
#[derive(Debug)]
pub struct Custom {
    /// Decodes from the reader (which it may exhaust).
    pub decode: fn(&mut Reader<'_>) -> Result<Value>,
    /// Encodes the JSON form back.
    pub encode: fn(&Value, &mut Vec<u8>) -> Result<()>,
}

/// The encodings of BOLT 1 (and a few composites the later BOLTs use).
#[derive(Debug)]
pub enum FieldType {
    /// `byte`
    U8,
    /// `u16`
    U16,
    /// `u32`
    U32,
    /// `u64`
    U64,
    /// `s8`, `s16`, `s32`, `s64` by byte width.
    Signed(usize),
    /// `tu16`/`tu32`/`tu64` by maximum width: the rest of the record.
    Truncated(usize),
    /// `bigsize`
    BigSize,
    /// `byte[n]`, as hex.
    Bytes(usize),
    /// `point`: 33-byte compressed secp256k1 point, validated.
    Point,
    /// 32-byte x-only key, as hex (BIP 340).
    XOnly,
    /// `signature`: 64-byte compact ECDSA or BIP-340 signature, as hex.
    Signature,
    /// `sha256`, `chain_hash`, `channel_id`, `secret`, 32 bytes as hex.
    Hash32,
    /// `short_channel_id`, printed `BLOCKxTXxOUT`.
    Scid,
    /// `u16 len` + `byte[len]` feature bits.
    Features,
    /// Feature bits filling the rest of the record (TLV `features`).
    RestFeatures,
    /// `u16 len` + `byte[len]`, as hex.
    VarBytes,
    /// All remaining bytes, as hex.
    Rest,
    /// All remaining bytes as UTF-8 text.
    RestUtf8,
    /// Repeated until the input ends.
    Array(&'static FieldType),
    /// A fixed sequence of fields.
    Struct(&'static [Field]),
    /// A TLV stream filling the rest of the input.
    Tlvs(&'static TlvStreamDef),
    /// A hand-written codec.
    Custom(&'static Custom),
}

/// Decodes `fields` in order into a JSON object.
pub fn decode_fields(fields: &[Field], r: &mut Reader<'_>) -> Result<Map<String, Value>> {
    let mut m = Map::new();
    for fl in fields {
        let v = decode(&fl.ty, r).map_err(|e| e.within(fl.name))?;
        if let (FieldType::Tlvs(_), Value::Object(o)) = (&fl.ty, &v) {
            if o.is_empty() {
                continue; // an absent extension stream prints as absent
            }
        }
        m.insert(fl.name.to_string(), v);
    }
    Ok(m)
}

/// Decodes one field.
pub fn decode(ty: &FieldType, r: &mut Reader<'_>) -> Result<Value> {
    Ok(match ty {
        FieldType::U8 => r.u8()?.into(),
        FieldType::U16 => r.u16()?.into(),
        FieldType::U32 => r.u32()?.into(),
        FieldType::U64 => r.u64()?.into(),
        FieldType::Signed(n) => r.signed(*n)?.into(),
        FieldType::Truncated(n) => r.truncated(*n)?.into(),
        FieldType::BigSize => r.bigsize()?.into(),
        FieldType::Bytes(n) => hex::encode(r.bytes(*n)?).into(),
        FieldType::Point => hex::encode(read_point(r)?).into(),
        FieldType::XOnly | FieldType::Hash32 => hex::encode(r.bytes(32)?).into(),
        FieldType::Signature => hex::encode(r.bytes(64)?).into(),
        FieldType::Scid => ShortChannelId(r.u64()?).to_string().into(),
        FieldType::Features => {
            let n = r.u16()?;
            features::to_json(r.bytes(usize::from(n))?)
        }
        FieldType::RestFeatures => features::to_json(r.take_rest()),
        FieldType::VarBytes => {
            let n = r.u16()?;
            hex::encode(r.bytes(usize::from(n))?).into()
        }
        FieldType::Rest => hex::encode(r.take_rest()).into(),
        FieldType::RestUtf8 => {
            let at = r.offset();
            let b = r.take_rest();
            std::str::from_utf8(b)
                .map_err(|e| Error::invalid("not valid UTF-8").at(at + e.valid_up_to()))?
                .into()
        }
        FieldType::Array(inner) => {
            let mut items = Vec::new();
            while !r.is_empty() {
                items.push(decode(inner, r).map_err(|e| e.within(format!("[{}]", items.len())))?);
            }
            Value::Array(items)
        }
        FieldType::Struct(fs) => Value::Object(decode_fields(fs, r)?),
        FieldType::Tlvs(def) => Value::Object(super::tlv::decode_stream(def, r)?),
        FieldType::Custom(c) => (c.decode)(r)?,
    })
}

/// Reads a `point` and checks that it is on the curve.
fn read_point<'a>(r: &mut Reader<'a>) -> Result<&'a [u8]> {
    let at = r.offset();
    let b = r.bytes(33)?;
    if !super::point::is_valid(b) {
        return Err(Error::invalid("not a valid secp256k1 point").at(at));
    }
    Ok(b)
}

/// Checks `fields` as [`decode_fields`] would read them, with the same errors, without
/// building JSON (the fast path of decoders that render JSON only on request).
pub fn check_fields(fields: &[Field], r: &mut Reader<'_>) -> Result<()> {
    for fl in fields {
        check(&fl.ty, r).map_err(|e| e.within(fl.name))?;
    }
    Ok(())
}

/// Checks one field as [`decode`] would read it (same errors, same bytes consumed). Custom
/// codecs have no separate check: they are decoded and the value dropped.
pub fn check(ty: &FieldType, r: &mut Reader<'_>) -> Result<()> {
    match ty {
        FieldType::U8 => drop(r.u8()?),
        FieldType::U16 => drop(r.u16()?),
        FieldType::U32 => drop(r.u32()?),
        FieldType::U64 | FieldType::Scid => drop(r.u64()?),
        FieldType::Signed(n) => drop(r.signed(*n)?),
        FieldType::Truncated(n) => drop(r.truncated(*n)?),
        FieldType::BigSize => drop(r.bigsize()?),
        FieldType::Bytes(n) => drop(r.bytes(*n)?),
        FieldType::Point => drop(read_point(r)?),
        FieldType::XOnly | FieldType::Hash32 => drop(r.bytes(32)?),
        FieldType::Signature => drop(r.bytes(64)?),
        FieldType::Features | FieldType::VarBytes => {
            let n = r.u16()?;
            r.bytes(usize::from(n))?;
        }
        FieldType::RestFeatures | FieldType::Rest => drop(r.take_rest()),
        FieldType::RestUtf8 => {
            let at = r.offset();
            std::str::from_utf8(r.take_rest())
                .map_err(|e| Error::invalid("not valid UTF-8").at(at + e.valid_up_to()))?;
        }
        FieldType::Array(inner) => {
            let mut i = 0usize;
            while !r.is_empty() {
                check(inner, r).map_err(|e| e.within(format!("[{i}]")))?;
                i += 1;
            }
        }
        FieldType::Struct(fs) => check_fields(fs, r)?,
        FieldType::Tlvs(def) => {
            let recs = super::tlv::parse_stream(r)?;
            super::tlv::check_records(def, &recs)?;
        }
        FieldType::Custom(c) => drop((c.decode)(r)?),
    }
    Ok(())
}

/// Encodes `fields` in order from a JSON object.
pub fn encode_fields(fields: &[Field], obj: &Map<String, Value>, out: &mut Vec<u8>) -> Result<()> {
    for fl in fields {
        match obj.get(fl.name) {
            Some(v) => encode(&fl.ty, v, out).map_err(|e| e.within(fl.name))?,
            None if matches!(fl.ty, FieldType::Tlvs(_)) => {}
            None => return Err(Error::invalid(format!("missing field {}", fl.name))),
        }
    }
    Ok(())
}

fn want_u64(v: &Value) -> Result<u64> {
    v.as_u64().ok_or_else(|| Error::invalid("expected an unsigned integer"))
}

fn want_hex(v: &Value, len: Option<usize>) -> Result<Vec<u8>> {
    let s = v.as_str().ok_or_else(|| Error::invalid("expected a hex string"))?;
    let b = parse_hex(s)?;
    if let Some(n) = len {
        if b.len() != n {
            return Err(Error::new(
                ErrorKind::Length,
                format!("expected {n} bytes, got {}", b.len()),
            ));
        }
    }
    Ok(b)
}

fn narrow<T: TryFrom<u64>>(v: &Value) -> Result<T> {
    T::try_from(want_u64(v)?).map_err(|_| Error::invalid("integer out of range for its type"))
}

/// Encodes one field from JSON.
pub fn encode(ty: &FieldType, v: &Value, out: &mut Vec<u8>) -> Result<()> {
    match ty {
        FieldType::U8 => out.push(narrow::<u8>(v)?),
        FieldType::U16 => out.extend_from_slice(&narrow::<u16>(v)?.to_be_bytes()),
        FieldType::U32 => out.extend_from_slice(&narrow::<u32>(v)?.to_be_bytes()),
        FieldType::U64 => out.extend_from_slice(&want_u64(v)?.to_be_bytes()),
        FieldType::Signed(n) => {
            let x = v.as_i64().ok_or_else(|| Error::invalid("expected an integer"))?;
            let b = x.to_be_bytes();
            out.extend_from_slice(b.get(8usize.saturating_sub(*n)..).unwrap_or(&[]));
        }
        FieldType::Truncated(_) => out.extend_from_slice(&encode_truncated(want_u64(v)?)),
        FieldType::BigSize => write_bigsize(out, want_u64(v)?),
        FieldType::Bytes(n) => out.extend_from_slice(&want_hex(v, Some(*n))?),
        FieldType::Point => out.extend_from_slice(&want_hex(v, Some(33))?),
        FieldType::XOnly | FieldType::Hash32 => out.extend_from_slice(&want_hex(v, Some(32))?),
        FieldType::Signature => out.extend_from_slice(&want_hex(v, Some(64))?),
        FieldType::Scid => {
            let s = v.as_str().ok_or_else(|| Error::invalid("expected BLOCKxTXxOUT"))?;
            out.extend_from_slice(&s.parse::<ShortChannelId>()?.0.to_be_bytes());
        }
        FieldType::Features | FieldType::VarBytes => {
            let b = if matches!(ty, FieldType::Features) {
                features::from_json(v)?
            } else {
                want_hex(v, None)?
            };
            let n = u16::try_from(b.len()).map_err(|_| Error::invalid("longer than 65535"))?;
            out.extend_from_slice(&n.to_be_bytes());
            out.extend_from_slice(&b);
        }
        FieldType::RestFeatures => out.extend_from_slice(&features::from_json(v)?),
        FieldType::Rest => out.extend_from_slice(&want_hex(v, None)?),
        FieldType::RestUtf8 => {
            out.extend_from_slice(
                v.as_str().ok_or_else(|| Error::invalid("expected text"))?.as_bytes(),
            );
        }
        FieldType::Array(inner) => {
            for (i, item) in
                v.as_array().ok_or_else(|| Error::invalid("expected an array"))?.iter().enumerate()
            {
                encode(inner, item, out).map_err(|e| e.within(format!("[{i}]")))?;
            }
        }
        FieldType::Struct(fs) => {
            encode_fields(
                fs,
                v.as_object().ok_or_else(|| Error::invalid("expected an object"))?,
                out,
            )?;
        }
        FieldType::Tlvs(def) => out.extend_from_slice(&super::tlv::encode_stream(
            def,
            v.as_object().ok_or_else(|| Error::invalid("expected an object"))?,
        )?),
        FieldType::Custom(c) => (c.encode)(v, out)?,
    }
    Ok(())
}
