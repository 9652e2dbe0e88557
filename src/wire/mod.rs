//! The BOLT message catalogue: type → name → fields, decoded to JSON in spec order and encoded
//! back. BOLT 1 messages live in [`bolt01`]; other BOLTs add their tables to [`CATALOGUE`].
//!
//! <https://github.com/lightning/bolts/blob/master/01-messaging.md#lightning-message-format>

pub mod address;
pub mod bolt01;
pub mod bolt07;
pub mod features;

use serde_json::{json, Map, Value};

use crate::encoding::fields::{self, Field, FieldType};
use crate::encoding::Reader;
use crate::error::{Error, ErrorKind, Result};

/// A message type and its fields in spec order.
#[derive(Debug)]
pub struct MessageDef {
    /// The 2-byte message type.
    pub ty: u16,
    /// BOLT name.
    pub name: &'static str,
    /// Fields in spec order (a trailing [`FieldType::Tlvs`] is the extension stream).
    pub fields: &'static [Field],
}

/// Every table of known messages.
pub const CATALOGUE: &[&[MessageDef]] =
    &[bolt01::MESSAGES, bolt07::MESSAGES, crate::gossip::v2::MESSAGES];

/// Looks a message up by type.
pub fn by_type(ty: u16) -> Option<&'static MessageDef> {
    CATALOGUE.iter().flat_map(|t| t.iter()).find(|m| m.ty == ty)
}

/// Looks a message up by BOLT name.
pub fn by_name(name: &str) -> Option<&'static MessageDef> {
    CATALOGUE.iter().flat_map(|t| t.iter()).find(|m| m.name == name)
}

/// JSON key holding bytes after the last declared field of a message without a TLV extension.
pub const EXTRA_KEY: &str = "extra_data";

/// Decodes one whole message (2-byte type + payload) into JSON:
/// `{"type": 16, "name": "init", <fields in spec order>}`. An unknown odd type is printed with its
/// raw payload; an unknown even type is an error (BOLT 1 "it's ok to be odd").
pub fn decode_message(bytes: &[u8]) -> Result<Map<String, Value>> {
    let mut r = Reader::new(bytes);
    let ty = r.u16().map_err(|e| e.within("type"))?;
    let mut m = Map::new();
    m.insert("type".into(), ty.into());
    let Some(def) = by_type(ty) else {
        if ty % 2 == 0 {
            return Err(Error::new(
                ErrorKind::UnknownEven,
                format!("unknown even message type {ty}"),
            )
            .at(0));
        }
        m.insert("name".into(), Value::Null);
        m.insert("payload".into(), hex::encode(r.take_rest()).into());
        return Ok(m);
    };
    m.insert("name".into(), def.name.into());
    let body = fields::decode_fields(def.fields, &mut r).map_err(|e| e.within(def.name))?;
    m.extend(body);
    if !r.is_empty() {
        // Messages with no declared extension keep trailing bytes verbatim (they are signed in
        // gossip and must survive a round trip).
        m.insert(EXTRA_KEY.into(), hex::encode(r.take_rest()).into());
    }
    Ok(m)
}

/// Encodes a message from the JSON that [`decode_message`] prints (`name` or `type` selects it).
pub fn encode_message(obj: &Map<String, Value>) -> Result<Vec<u8>> {
    let def =
        match (obj.get("name").and_then(Value::as_str), obj.get("type").and_then(Value::as_u64)) {
            (Some(n), _) => {
                by_name(n).ok_or_else(|| Error::invalid(format!("unknown message {n:?}")))?
            }
            (None, Some(t)) => {
                let t = u16::try_from(t).map_err(|_| Error::invalid("message type above 65535"))?;
                if let Some(d) = by_type(t) {
                    d
                } else {
                    let mut out = t.to_be_bytes().to_vec();
                    let p = obj.get("payload").cloned().unwrap_or(json!(""));
                    fields::encode(&FieldType::Rest, &p, &mut out)?;
                    return Ok(out);
                }
            }
            _ => return Err(Error::invalid("message needs a name or type")),
        };
    let mut out = def.ty.to_be_bytes().to_vec();
    fields::encode_fields(def.fields, obj, &mut out).map_err(|e| e.within(def.name))?;
    if let Some(x) = obj.get(EXTRA_KEY) {
        fields::encode(&FieldType::Rest, x, &mut out)?;
    }
    Ok(out)
}
