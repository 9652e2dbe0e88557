//! BOLT 7 vectors: `bolt07/extended-queries.json` (gossip queries with the extended TLVs, zlib
//! included) and the liquidity-ads signed `node_announcement`. Every record runs; counts are
//! asserted; each case is named in failures.

use lnkit::wire::{decode_message, encode_message};
use serde_json::{json, Map, Value};

use crate::support::{cli, vector_json};

fn enc_name(s: &str) -> &'static str {
    match s {
        "UNCOMPRESSED" => "uncompressed",
        "COMPRESSED_ZLIB" => "zlib",
        other => panic!("unknown encoding {other}"),
    }
}

/// The vector's eclair-style `msg` in our JSON form (BOLT names).
fn ours(msg: &Value) -> Map<String, Value> {
    let mut m = Map::new();
    let ty = match msg["type"].as_str().unwrap() {
        "QueryChannelRange" => "query_channel_range",
        "ReplyChannelRange" => "reply_channel_range",
        "QueryShortChannelIds" => "query_short_channel_ids",
        t => panic!("unknown vector type {t}"),
    };
    m.insert("name".into(), ty.into());
    m.insert("chain_hash".into(), msg["chainHash"].clone());
    if let Some(v) = msg.get("firstBlockNum") {
        m.insert("first_blocknum".into(), v.clone());
        m.insert("number_of_blocks".into(), msg["numberOfBlocks"].clone());
    }
    if let Some(v) = msg.get("complete") {
        m.insert("sync_complete".into(), v.clone());
    }
    if let Some(ids) = msg.get("shortChannelIds") {
        let e = enc_name(ids["encoding"].as_str().unwrap());
        m.insert(
            "encoded_short_ids".into(),
            json!({"encoding": e, "short_channel_ids": ids["array"]}),
        );
    }
    let mut tlvs = Map::new();
    for r in msg["tlvStream"]["records"].as_array().into_iter().flatten() {
        match r {
            Value::String(s) => {
                let v = u64::from(s.contains("WANT_TIMESTAMPS"))
                    | u64::from(s.contains("WANT_CHECKSUMS")) << 1;
                tlvs.insert("query_option".into(), json!({"value": v}));
            }
            Value::Object(o) => {
                let e = enc_name(o["encoding"].as_str().unwrap());
                tlvs.insert("query_flags".into(), json!({"encoding": e, "flags": o["array"]}));
            }
            _ => panic!("unknown record {r}"),
        }
    }
    if let Some(t) = msg.get("timestamps") {
        let list: Vec<Value> = t["timestamps"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| json!({"timestamp_node_id_1": p["timestamp1"], "timestamp_node_id_2": p["timestamp2"]}))
            .collect();
        let e = enc_name(t["encoding"].as_str().unwrap());
        tlvs.insert("timestamps_tlv".into(), json!({"encoding": e, "timestamps": list}));
    }
    if let Some(c) = msg.get("checksums") {
        let list: Vec<Value> = c["checksums"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| json!({"checksum_node_id_1": p["checksum1"], "checksum_node_id_2": p["checksum2"]}))
            .collect();
        tlvs.insert("checksums_tlv".into(), json!({"checksums": list}));
    }
    if !tlvs.is_empty() {
        m.insert("tlvs".into(), Value::Object(tlvs));
    }
    m
}

/// Every field of `want` must be in `got` with the same value (objects compared recursively,
/// so our extra keys like `encoding_type` are allowed).
fn contains(got: &Value, want: &Value, path: &str) {
    match (got, want) {
        (Value::Object(g), Value::Object(w)) => {
            for (k, v) in w {
                let gv = g.get(k).unwrap_or_else(|| panic!("{path}.{k} missing in {got}"));
                contains(gv, v, &format!("{path}.{k}"));
            }
        }
        (Value::Array(g), Value::Array(w)) => {
            assert_eq!(g.len(), w.len(), "{path}: length");
            for (i, (a, b)) in g.iter().zip(w).enumerate() {
                contains(a, b, &format!("{path}[{i}]"));
            }
        }
        _ => assert_eq!(got, want, "{path}"),
    }
}

#[test]
fn bolt07_extended_queries_json() {
    let v = vector_json("bolts/bolt07/extended-queries.json");
    let cases = v.as_array().unwrap();
    let mut zlib = 0;
    for (i, case) in cases.iter().enumerate() {
        let hex_want = case["hex"].as_str().unwrap();
        let name = format!("extended-queries[{i}] {}", case["msg"]["type"]);
        let bytes = hex::decode(hex_want).unwrap();
        let want = ours(&case["msg"]);
        // decode: the vector's content appears under BOLT names
        let got = decode_message(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
        contains(&Value::Object(got.clone()), &Value::Object(want.clone()), &name);
        // encode from the vector's content, and re-encode what we decoded: byte-exact. The zlib
        // cases (legacy encoding 1) deflate to the same bytes with the default level.
        if hex_want.contains("01789c") {
            zlib += 1;
        }
        let enc = encode_message(&want).unwrap_or_else(|e| panic!("{name}: encode: {e}"));
        assert_eq!(hex::encode(enc), hex_want, "{name}: encode");
        assert_eq!(hex::encode(encode_message(&got).unwrap()), hex_want, "{name}: round trip");
    }
    assert_eq!(cases.len(), 10, "extended-queries.json cases");
    assert_eq!(zlib, 5, "cases using zlib");
}

#[test]
fn liquidity_ads_json_node_announcement() {
    use bitcoin::secp256k1::{Message, Secp256k1, SecretKey};
    let v = vector_json("proposals/liquidity-ads/liquidity-ads.json");
    let na = &v["node_announcement"];
    let raw = hex::decode(na["encoded"].as_str().unwrap().replace(' ', "")).unwrap();
    let m = decode_message(&raw).unwrap();
    assert_eq!(m["name"], "node_announcement");
    assert_eq!(m["node_id"], na["node_id"]);
    // The vector's JSON says "LN-liquidity" but its signed bytes spell "LN-Liquidity"
    // (4c4e2d4c...); the signature covers the bytes, so they are the truth.
    assert_eq!(m["alias"]["text"], "LN-Liquidity");
    assert!(na["alias"].as_str().unwrap().eq_ignore_ascii_case("LN-Liquidity"));
    assert_eq!(m["timestamp"], na["timestamp"]);
    assert_eq!(m["signature"], na["signature"]);
    let rgb: Vec<u8> =
        na["color"].as_array().unwrap().iter().map(|c| c.as_u64().unwrap() as u8).collect();
    assert_eq!(m["rgb_color"], hex::encode(rgb));
    assert_eq!(m["addresses"], json!([]));
    let fund = &m["node_ann_tlvs"]["option_will_fund"];
    let want_rates = na["tlvStream"]["option_will_fund"]["funding_rates"].as_array().unwrap();
    assert_eq!(fund["funding_rates"].as_array().unwrap().len(), want_rates.len());
    for (i, (g, w)) in fund["funding_rates"].as_array().unwrap().iter().zip(want_rates).enumerate()
    {
        for k in [
            "min_funding_amount_sat",
            "max_funding_amount_sat",
            "funding_weight",
            "funding_fee_basis",
            "funding_fee_base_sat",
            "channel_creation_fee_sat",
        ] {
            assert_eq!(g[k], w[k], "funding_rates[{i}].{k}");
        }
    }
    assert_eq!(fund["payment_types"], "01");
    // round trip and the signature
    assert_eq!(encode_message(&m).unwrap(), raw);
    let secp = Secp256k1::new();
    let mut cache = lnkit::gossip::verify::KeyCache::default();
    lnkit::gossip::verify::verify_message(&secp, &raw, None, &mut cache)
        .expect("signature verifies");
    // RFC 6979 signing with the vector's key reproduces the vector's signature.
    let sk = SecretKey::from_slice(&hex::decode(v["node_private_key"].as_str().unwrap()).unwrap())
        .unwrap();
    let h = lnkit::gossip::msg::signed_hash(&raw).unwrap();
    let sig = secp.sign_ecdsa(&Message::from_digest(h), &sk).serialize_compact();
    assert_eq!(hex::encode(sig), na["signature"].as_str().unwrap());
    // one flipped byte in the signed part fails
    let mut bad = raw.clone();
    bad[100] ^= 1;
    assert!(lnkit::gossip::verify::verify_message(&secp, &bad, None, &mut cache).is_err());
    // and through the CLI
    let o = cli("ln-gossip").args(["decode", &hex::encode(&raw)]).run();
    o.code(0);
    assert_eq!(o.json()["alias"]["text"], "LN-Liquidity");
}
