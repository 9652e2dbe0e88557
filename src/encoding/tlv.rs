//! BOLT 1 "Type-Length-Value Format": stream parsing (ascending, unique, minimal BigSize types
//! and lengths, lengths within the input) and table-driven decoding / encoding. Each stream is
//! written once as a [`TlvStreamDef`]; the table gives names, encodings, spec order and the
//! even/odd rule, and unknown odd records are kept verbatim.
//!
//! <https://github.com/lightning/bolts/blob/master/01-messaging.md#type-length-value-format>

use serde_json::{json, Map, Value};

use super::fields::{self, Field};
use super::{bigsize_len, write_bigsize, Reader};
use crate::error::{Error, ErrorKind, Result};

/// One record of a TLV stream, as found on the wire.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RawRecord<'a> {
    /// The record type.
    pub ty: u64,
    /// The value bytes.
    pub value: &'a [u8],
    /// Absolute offset of the record's type byte.
    pub offset: usize,
    /// Absolute offset of the value's first byte.
    pub value_offset: usize,
}

impl RawRecord<'_> {
    /// The record re-encoded as on the wire (type, length, value).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.value.len() + 18);
        write_record(&mut out, self.ty, self.value);
        out
    }
}

/// Appends one record.
pub fn write_record(out: &mut Vec<u8>, ty: u64, value: &[u8]) {
    write_bigsize(out, ty);
    write_bigsize(out, value.len() as u64);
    out.extend_from_slice(value);
}

/// Wire size of a record with a value of `len` bytes.
pub fn record_len(ty: u64, len: usize) -> usize {
    bigsize_len(ty) + bigsize_len(len as u64) + len
}

/// Parses the rest of `r` as a TLV stream. Checks only the BOLT 1 framing rules: minimal
/// BigSize type and length, value within bounds, strictly ascending types (so no duplicates).
pub fn parse_stream<'a>(r: &mut Reader<'a>) -> Result<Vec<RawRecord<'a>>> {
    let mut out: Vec<RawRecord<'a>> = Vec::new();
    while !r.is_empty() {
        let offset = r.offset();
        let ty = r.bigsize().map_err(|e| e.within("tlv type"))?;
        let len = r.bigsize().map_err(|e| e.within(format!("tlv type {ty}: length")))?;
        if let Some(prev) = out.last() {
            if ty == prev.ty {
                return Err(
                    Error::new(ErrorKind::Duplicate, format!("duplicate tlv type {ty}")).at(offset)
                );
            }
            if ty < prev.ty {
                return Err(Error::new(
                    ErrorKind::Ordering,
                    format!("tlv type {ty} after type {}: types must ascend", prev.ty),
                )
                .at(offset));
            }
        }
        let value_offset = r.offset();
        let n = usize::try_from(len).unwrap_or(usize::MAX);
        let value = r.bytes(n).map_err(|e| e.within(format!("tlv type {ty}: value")))?;
        out.push(RawRecord { ty, value, offset, value_offset });
    }
    Ok(out)
}

/// One known record type of a stream.
#[derive(Debug)]
pub struct TlvDef {
    /// Type number.
    pub ty: u64,
    /// BOLT name (e.g. `networks`, `offer_description`).
    pub name: &'static str,
    /// The record's fields; a single field with an empty name makes the record's JSON value
    /// the field's value itself rather than an object.
    pub fields: &'static [Field],
}

/// A TLV stream: its BOLT name and known records in ascending type order.
#[derive(Debug)]
pub struct TlvStreamDef {
    /// BOLT name of the stream (e.g. `init_tlvs`).
    pub name: &'static str,
    /// Known records, ascending by type.
    pub records: &'static [TlvDef],
}

impl TlvStreamDef {
    /// The definition of type `ty`, if known.
    pub fn get(&self, ty: u64) -> Option<&TlvDef> {
        self.records.iter().find(|d| d.ty == ty)
    }

    /// The definition named `name`, if known.
    pub fn by_name(&self, name: &str) -> Option<&TlvDef> {
        self.records.iter().find(|d| d.name == name)
    }
}

/// JSON key under which unknown records are listed.
pub const UNKNOWN_KEY: &str = "unknown_tlvs";

/// Decodes the value of one known record, which must consume the value exactly.
pub fn decode_record(def: &TlvDef, rec: &RawRecord<'_>) -> Result<Value> {
    let ctx = || format!("tlv type {} ({})", def.ty, def.name);
    let mut vr = Reader::with_base(rec.value, rec.value_offset);
    let v = match def.fields {
        [f] if f.name.is_empty() => fields::decode(&f.ty, &mut vr).map_err(|e| e.within(ctx()))?,
        fs => Value::Object(fields::decode_fields(fs, &mut vr).map_err(|e| e.within(ctx()))?),
    };
    leftover(&vr).map_err(|e| e.within(ctx()))?;
    Ok(v)
}

/// Checks the value of one known record as [`decode_record`] would (same errors), without
/// building JSON.
pub fn check_record(def: &TlvDef, rec: &RawRecord<'_>) -> Result<()> {
    let ctx = || format!("tlv type {} ({})", def.ty, def.name);
    let mut vr = Reader::with_base(rec.value, rec.value_offset);
    match def.fields {
        [f] if f.name.is_empty() => fields::check(&f.ty, &mut vr),
        fs => fields::check_fields(fs, &mut vr),
    }
    .map_err(|e| e.within(ctx()))?;
    leftover(&vr).map_err(|e| e.within(ctx()))
}

fn leftover(vr: &Reader<'_>) -> Result<()> {
    if vr.is_empty() {
        return Ok(());
    }
    Err(Error::new(
        ErrorKind::Length,
        format!("{} bytes left over: longer than its encoding", vr.remaining()),
    )
    .at(vr.offset()))
}

/// The error [`decode_records`] gives for a record `def` does not know: unknown even types are
/// refused ("it's OK to be odd").
pub fn unknown_record(def: &TlvStreamDef, rec: &RawRecord<'_>) -> Result<()> {
    if rec.ty % 2 == 0 {
        return Err(Error::new(
            ErrorKind::UnknownEven,
            format!("unknown even tlv type {} in {}", rec.ty, def.name),
        )
        .at(rec.offset));
    }
    Ok(())
}

/// Checks already-parsed records as [`decode_records`] would (same errors), without JSON.
pub fn check_records(def: &TlvStreamDef, recs: &[RawRecord<'_>]) -> Result<()> {
    for rec in recs {
        match def.get(rec.ty) {
            Some(d) => check_record(d, rec)?,
            None => unknown_record(def, rec)?,
        }
    }
    Ok(())
}

/// Decodes a whole stream against `def` into a JSON object in spec order. Unknown even types
/// are an error; unknown odd types are kept under [`UNKNOWN_KEY`].
pub fn decode_stream(def: &TlvStreamDef, r: &mut Reader<'_>) -> Result<Map<String, Value>> {
    let recs = parse_stream(r)?;
    decode_records(def, &recs)
}

/// Decodes already-parsed records (see [`decode_stream`]).
pub fn decode_records(def: &TlvStreamDef, recs: &[RawRecord<'_>]) -> Result<Map<String, Value>> {
    let mut map = Map::new();
    let mut unknown = Vec::new();
    for rec in recs {
        if let Some(d) = def.get(rec.ty) {
            map.insert(d.name.to_string(), decode_record(d, rec)?);
        } else {
            unknown_record(def, rec)?;
            unknown.push(unknown_json(rec));
        }
    }
    if !unknown.is_empty() {
        map.insert(UNKNOWN_KEY.to_string(), Value::Array(unknown));
    }
    Ok(map)
}

/// The JSON form of a record kept verbatim.
pub fn unknown_json(rec: &RawRecord<'_>) -> Value {
    json!({"type": rec.ty, "length": rec.value.len(), "value": hex::encode(rec.value)})
}

/// Encodes a stream from its JSON object (the inverse of [`decode_stream`]).
pub fn encode_stream(def: &TlvStreamDef, obj: &Map<String, Value>) -> Result<Vec<u8>> {
    let mut recs: Vec<(u64, Vec<u8>)> = Vec::new();
    for (k, v) in obj {
        if k == UNKNOWN_KEY {
            for u in v.as_array().ok_or_else(|| Error::invalid("unknown_tlvs is not an array"))? {
                let ty = u
                    .get("type")
                    .and_then(Value::as_u64)
                    .ok_or_else(|| Error::invalid("unknown tlv without a numeric type"))?;
                let hexv = u.get("value").and_then(Value::as_str).unwrap_or("");
                recs.push((ty, super::parse_hex(hexv).map_err(|e| e.within(format!("tlv {ty}")))?));
            }
            continue;
        }
        let d = def
            .by_name(k)
            .ok_or_else(|| Error::invalid(format!("{} has no record named {k}", def.name)))?;
        let mut val = Vec::new();
        match d.fields {
            [f] if f.name.is_empty() => fields::encode(&f.ty, v, &mut val),
            fs => match v.as_object() {
                Some(o) => fields::encode_fields(fs, o, &mut val),
                None => Err(Error::invalid("expected an object")),
            },
        }
        .map_err(|e| e.within(k.clone()))?;
        recs.push((d.ty, val));
    }
    recs.sort_by_key(|(t, _)| *t);
    if recs.windows(2).any(|w| matches!(w, [a, b] if a.0 == b.0)) {
        return Err(Error::new(ErrorKind::Duplicate, "duplicate tlv type"));
    }
    let mut out = Vec::new();
    for (t, v) in recs {
        write_record(&mut out, t, &v);
    }
    Ok(out)
}
