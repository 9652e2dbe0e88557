//! BOLT 9 feature bits, with the names of the open proposals (zero-fee commitments 40/41,
//! gossip v2 70–75, simple taproot 80/81 and 180/181, simplified update 106/107, ...).
//! Printed as `{bit, name, required, known}`.
//!
//! <https://github.com/lightning/bolts/blob/master/09-features.md>

use serde_json::{json, Value};

use crate::encoding::parse_hex;
use crate::error::{Error, Result};

/// Name of each feature pair, indexed by its even bit (BOLT 9, then proposals).
const NAMES: &[(u16, &str)] = &[
    (0, "option_data_loss_protect"),
    (4, "option_upfront_shutdown_script"),
    (6, "gossip_queries"),
    (8, "var_onion_optin"),
    (10, "gossip_queries_ex"),
    (12, "option_static_remotekey"),
    (14, "payment_secret"),
    (16, "basic_mpp"),
    (18, "option_support_large_channel"),
    (20, "option_anchor_outputs"),
    (22, "option_anchors"),
    (24, "option_route_blinding"),
    (26, "option_shutdown_anysegwit"),
    (28, "option_dual_fund"),
    (34, "option_quiesce"),
    (36, "option_attribution_data"),
    (38, "option_onion_messages"),
    // bolts PR #1228
    (40, "zero_fee_commitments"),
    (42, "option_provide_storage"),
    (44, "option_channel_type"),
    (46, "option_scid_alias"),
    (48, "option_payment_metadata"),
    (50, "option_zeroconf"),
    (60, "option_simple_close"),
    (62, "option_splice"),
    // bolts PR #1186
    (66, "option_gossip_status"),
    // bolts PR #1059
    (70, "option_gossip_v2"),
    (72, "option_gossip_v2_p2wsh"),
    (74, "option_gossip_announce_private"),
    // bolts PR #995 / #1330
    (80, "option_simple_taproot"),
    (82, "taproot_zero_fee_commitments"),
    // bolts PR #867
    (106, "option_simplified_update"),
    (180, "option_simple_taproot_staging"),
    (182, "taproot_zero_fee_commitments_staging"),
    // BIP 353 / bLIP 32
    (258, "dns_resolver"),
    // bLIP 36 / 41 (open PRs)
    (560, "on_the_fly_funding"),
    (562, "fee_credit"),
    // bLIP 50 (LSPS0)
    (728, "lsps0"),
];

/// The name of feature `bit` (either of its pair), if any.
pub fn name(bit: u16) -> Option<&'static str> {
    let even = bit & !1;
    NAMES.iter().find(|(b, _)| *b == even).map(|(_, n)| *n)
}

/// The bit number of a named feature's optional (odd) bit.
pub fn bit_of(name: &str) -> Option<u16> {
    NAMES.iter().find(|(_, n)| *n == name).map(|(b, _)| b + 1)
}

/// Set bits of a big-endian feature vector, ascending.
pub fn set_bits(bytes: &[u8]) -> Vec<u16> {
    let n = bytes.len();
    let mut out = Vec::new();
    for (i, byte) in bytes.iter().enumerate() {
        for j in 0..8u16 {
            if byte & (1 << j) != 0 {
                if let Ok(bit) = u16::try_from((n - 1 - i) * 8) {
                    out.push(bit + j);
                }
            }
        }
    }
    out.sort_unstable();
    out
}

/// Builds the minimal big-endian vector with `bits` set.
pub fn from_bits(bits: &[u16]) -> Vec<u8> {
    let Some(&max) = bits.iter().max() else { return Vec::new() };
    let n = usize::from(max / 8) + 1;
    let mut out = vec![0u8; n];
    for &b in bits {
        if let Some(byte) = out.get_mut(n - 1 - usize::from(b / 8)) {
            *byte |= 1 << (b % 8);
        }
    }
    out
}

/// JSON form: the raw hex (kept so re-encoding is byte-exact) and one entry per set bit.
pub fn to_json(bytes: &[u8]) -> Value {
    let bits: Vec<Value> = set_bits(bytes)
        .into_iter()
        .map(|b| {
            let n = name(b);
            json!({"bit": b, "name": n, "required": b % 2 == 0, "known": n.is_some()})
        })
        .collect();
    json!({"hex": hex::encode(bytes), "bits": bits})
}

/// Inverse of [`to_json`]: takes `hex` when present, else the listed `bits` (numbers, names, or
/// `{bit}` objects). A plain hex string is accepted too.
pub fn from_json(v: &Value) -> Result<Vec<u8>> {
    if let Some(s) = v.as_str() {
        return parse_hex(s);
    }
    if let Some(h) = v.get("hex").and_then(Value::as_str) {
        return parse_hex(h);
    }
    let list = v
        .get("bits")
        .or(Some(v))
        .and_then(Value::as_array)
        .ok_or_else(|| Error::invalid("features: expected hex, or a list of bits"))?;
    let mut bits = Vec::new();
    for item in list {
        let b = match item {
            Value::Number(n) => n.as_u64().and_then(|x| u16::try_from(x).ok()),
            Value::String(s) => bit_of(s).or_else(|| s.parse().ok()),
            Value::Object(o) => {
                o.get("bit").and_then(Value::as_u64).and_then(|x| u16::try_from(x).ok())
            }
            _ => None,
        };
        bits.push(b.ok_or_else(|| Error::invalid(format!("features: bad bit {item}")))?);
    }
    Ok(from_bits(&bits))
}

/// Required (even) bits we do not know, for BOLT 1's "unknown even feature" rule.
pub fn unknown_required(bytes: &[u8]) -> Vec<u16> {
    set_bits(bytes).into_iter().filter(|b| b % 2 == 0 && name(*b).is_none()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bits_are_little_end_numbered() {
        // 0x0100 sets bit 8; 0x02 sets bit 1.
        assert_eq!(set_bits(&[0x01, 0x00]), vec![8]);
        assert_eq!(set_bits(&[0x82, 0x02]), vec![1, 9, 15]);
        assert_eq!(from_bits(&[1, 9, 15]), vec![0x82, 0x02]);
        assert_eq!(name(41), Some("zero_fee_commitments"));
        assert_eq!(name(107), Some("option_simplified_update"));
    }
}
