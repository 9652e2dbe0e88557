//! BOLT 7 address descriptors (`node_announcement` `addresses`, BOLT 1 `init` `remote_addr`):
//! 1 IPv4, 2 IPv6, 3 Tor v2 (deprecated), 4 Tor v3, 5 DNS hostname.
//!
//! <https://github.com/lightning/bolts/blob/master/07-routing-gossip.md#the-node_announcement-message>

use std::net::{Ipv4Addr, Ipv6Addr};

use serde_json::{json, Value};

use crate::encoding::fields::Custom;
use crate::encoding::{parse_hex, Reader};
use crate::error::{Error, Result};

/// Decodes one descriptor; `Ok(None)` for an unknown type (whose length can't be known).
pub fn decode_one(r: &mut Reader<'_>) -> Result<Option<Value>> {
    let ty = r.u8()?;
    let v = match ty {
        1 => {
            let ip = Ipv4Addr::from(r.array::<4>()?);
            json!({"type": "ipv4", "address": ip.to_string(), "port": r.u16()?})
        }
        2 => {
            let ip = Ipv6Addr::from(r.array::<16>()?);
            json!({"type": "ipv6", "address": ip.to_string(), "port": r.u16()?})
        }
        3 => json!({"type": "torv2", "address": hex::encode(r.bytes(10)?), "port": r.u16()?}),
        4 => {
            let key = r.bytes(35)?;
            let addr = format!("{}.onion", base32_lower(key));
            json!({"type": "torv3", "address": addr, "port": r.u16()?})
        }
        5 => {
            let n = r.u8()?;
            let host_at = r.offset();
            let host = std::str::from_utf8(r.bytes(usize::from(n))?)
                .map_err(|_| Error::invalid("hostname is not ASCII").at(host_at))?;
            if !host.is_ascii() {
                return Err(Error::invalid("hostname is not ASCII").at(host_at));
            }
            json!({"type": "dns", "address": host, "port": r.u16()?})
        }
        _ => return Ok(None),
    };
    Ok(Some(v))
}

/// Encodes one descriptor from its JSON form.
pub fn encode_one(v: &Value, out: &mut Vec<u8>) -> Result<()> {
    let ty = v.get("type").and_then(Value::as_str).unwrap_or("");
    let addr = v.get("address").and_then(Value::as_str).unwrap_or("");
    let port = v
        .get("port")
        .and_then(Value::as_u64)
        .and_then(|p| u16::try_from(p).ok())
        .ok_or_else(|| Error::invalid("address needs a port 0..65535"))?;
    let bad = || Error::invalid(format!("bad {ty} address {addr:?}"));
    match ty {
        "ipv4" => {
            out.push(1);
            out.extend_from_slice(&addr.parse::<Ipv4Addr>().map_err(|_| bad())?.octets());
        }
        "ipv6" => {
            out.push(2);
            out.extend_from_slice(&addr.parse::<Ipv6Addr>().map_err(|_| bad())?.octets());
        }
        "torv2" => {
            out.push(3);
            out.extend_from_slice(&parse_hex(addr)?);
        }
        "torv3" => {
            out.push(4);
            let b = base32_decode(addr.trim_end_matches(".onion")).ok_or_else(bad)?;
            if b.len() != 35 {
                return Err(bad());
            }
            out.extend_from_slice(&b);
        }
        "dns" => {
            out.push(5);
            out.push(u8::try_from(addr.len()).map_err(|_| bad())?);
            out.extend_from_slice(addr.as_bytes());
        }
        _ => return Err(Error::invalid(format!("unknown address type {ty:?}"))),
    }
    out.extend_from_slice(&port.to_be_bytes());
    Ok(())
}

/// The `addresses` field: descriptors until the end; an unknown type stops parsing and the rest
/// is kept as hex under `unparsed` (BOLT 7: "SHOULD ignore the first address descriptor that
/// does NOT match the types defined above").
pub const ADDRESS_LIST: Custom = Custom { decode: decode_list, encode: encode_list };

/// A single descriptor filling the rest of a record (`init` `remote_addr`).
pub const ADDRESS_ONE: Custom = Custom { decode: decode_single, encode: encode_one };

fn decode_list(r: &mut Reader<'_>) -> Result<Value> {
    let mut list = Vec::new();
    while !r.is_empty() {
        // An unknown type consumes the rest, which ends the loop.
        list.push(decode_single(r).map_err(|e| e.within(format!("[{}]", list.len())))?);
    }
    Ok(Value::Array(list))
}

fn encode_list(v: &Value, out: &mut Vec<u8>) -> Result<()> {
    for a in v.as_array().ok_or_else(|| Error::invalid("expected an array of addresses"))? {
        if let Some(raw) = a.get("unparsed").and_then(Value::as_str) {
            out.extend_from_slice(&parse_hex(raw)?);
        } else {
            encode_one(a, out)?;
        }
    }
    Ok(())
}

fn decode_single(r: &mut Reader<'_>) -> Result<Value> {
    let save = r.clone();
    if let Some(v) = decode_one(r)? {
        return Ok(v);
    }
    *r = save;
    Ok(json!({"type": "unknown", "unparsed": hex::encode(r.take_rest())}))
}

const B32: &[u8; 32] = b"abcdefghijklmnopqrstuvwxyz234567";

fn b32(v: u32) -> char {
    char::from(B32.get((v & 31) as usize).copied().unwrap_or(b'a'))
}

fn base32_lower(data: &[u8]) -> String {
    let mut out = String::new();
    let (mut acc, mut bits) = (0u32, 0u32);
    for &b in data {
        acc = (acc << 8) | u32::from(b);
        bits += 8;
        while bits >= 5 {
            bits -= 5;
            out.push(b32(acc >> bits));
        }
    }
    if bits > 0 {
        out.push(b32(acc << (5 - bits)));
    }
    out
}

fn base32_decode(s: &str) -> Option<Vec<u8>> {
    let (mut acc, mut bits, mut out) = (0u32, 0u32, Vec::new());
    for c in s.bytes() {
        let v = B32.iter().position(|&x| x == c.to_ascii_lowercase())? as u32;
        acc = (acc << 5) | v;
        bits += 5;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    Some(out)
}
