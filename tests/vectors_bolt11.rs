//! BOLT 11 examples (`bolts/bolt11/bolt11-examples.json`: 16 valid, 10 invalid, 11 signature
//! breakdowns) and bLIP 39 (`blips/blip-0039-bolt11-blinded-paths.json`).

use lnkit::bolt11::{self, FieldValue, Invoice};
use serde_json::Value;

use crate::support::vector_json;

const FILE: &str = "bolts/bolt11/bolt11-examples.json";

fn decode(title: &str, s: &str) -> Invoice {
    bolt11::decode_str(s).unwrap_or_else(|e| panic!("{title}: {e}"))
}

/// The text between the first pair of `open`/`close` after `key` in a breakdown line.
fn between<'a>(line: &'a str, open: &str, close: &str) -> Option<&'a str> {
    let start = line.find(open)? + open.len();
    let end = line.get(start..)?.find(close)? + start;
    line.get(start..end)
}

/// Checks one valid example against its markdown breakdown lines (values the spec prints).
fn check_breakdown(title: &str, inv: &Invoice, lines: &[Value]) -> usize {
    let mut checked = 0;
    let lines: Vec<&str> = lines.iter().map(|l| l.as_str().unwrap()).collect();
    let mut hops = inv.routes().into_iter().flatten();
    for (i, line) in lines.iter().enumerate() {
        if let Some(ts) = between(line, "timestamp (", ")") {
            assert_eq!(inv.timestamp.to_string(), ts, "{title}: timestamp");
            checked += 1;
        }
        if let Some(a) = between(line, "amount (", ")") {
            // "2500 micro-bitcoin" or "9678785340 pico-bitcoin = 967878534 milli satoshi".
            let mut w = a.split_whitespace();
            let n: u64 = w.next().unwrap().parse().unwrap();
            let unit = w.next().unwrap();
            let msat = match unit {
                "milli-bitcoin" => n * 100_000_000,
                "micro-bitcoin" => n * 100_000,
                "nano-bitcoin" => n * 100,
                "pico-bitcoin" => n / 10,
                other => panic!("{title}: unit {other}"),
            };
            assert_eq!(inv.amount.as_ref().unwrap().msat, Some(msat), "{title}: amount");
            checked += 1;
        }
        if let Some(h) = line.split("payment hash ").nth(1) {
            let h = h.trim_end_matches(')');
            if h.len() == 64 {
                assert_eq!(hex::encode(inv.payment_hash().unwrap()), h, "{title}: payment_hash");
                checked += 1;
            }
        }
        if let Some(h) = line.split("payment secret ").nth(1) {
            assert_eq!(hex::encode(inv.payment_secret().unwrap()), h, "{title}: payment_secret");
            checked += 1;
        }
        if line.contains("`d`: short description") {
            // The value line follows the `data_length` line; the quote runs to the last `'`.
            let l = lines.get(i + 2).copied().unwrap_or("");
            let start = l.find("`: '").unwrap_or_else(|| panic!("{title}: {l}")) + 4;
            let want = l.get(start..l.rfind('\'').unwrap()).unwrap();
            assert_eq!(inv.description(), Some(want.replace("\\\"", "\"").as_str()), "{title}: d");
            checked += 1;
        }
        if let Some(h) = between(line, "(SHA256 hex: `", "`") {
            assert_eq!(hex::encode(inv.description_hash().unwrap()), h, "{title}: h");
            checked += 1;
        }
        if line.contains("seconds (") && line.trim_start().starts_with("* `") {
            let secs = between(line, "`: ", " seconds").unwrap();
            assert_eq!(inv.expiry().to_string(), secs, "{title}: x");
            checked += 1;
        }
        if let Some(c) = line.split("min_final_cltv_expiry_delta = ").nth(1) {
            assert_eq!(inv.min_final_cltv_expiry_delta().to_string(), c, "{title}: c");
            checked += 1;
        }
        if line.contains("pubkey: ") {
            let hop = hops.next().unwrap_or_else(|| panic!("{title}: missing route hop"));
            let k = line.split("pubkey: ").nth(1).unwrap().trim_matches('`');
            assert_eq!(hex::encode(hop.pubkey), k, "{title}: r pubkey");
            let rest = lines.get(i + 1..i + 5).unwrap().join("\n");
            assert!(
                rest.contains(&hop.short_channel_id.to_string()),
                "{title}: scid {}",
                hop.short_channel_id
            );
            for (label, v) in [
                ("fee_base_msat", u64::from(hop.fee_base_msat)),
                ("fee_proportional_millionths", u64::from(hop.fee_proportional_millionths)),
                ("cltv_expiry_delta", u64::from(hop.cltv_expiry_delta)),
            ] {
                let l = rest.lines().find(|l| l.contains(label)).unwrap();
                let digits: String =
                    l.rsplit([' ', ':', '=']).find(|w| !w.is_empty()).unwrap().to_string();
                let digits = if digits == "millisatoshi" {
                    l.split_whitespace().rev().nth(1).unwrap().to_string()
                } else {
                    digits
                };
                assert_eq!(digits, v.to_string(), "{title}: r {label}");
            }
            checked += 1;
        }
        if line.contains("ignored") && line.contains("data_length") {
            // Wrong-length p/h/s/n fields are skipped, as the spec's example says.
            checked += 1;
        }
    }
    assert!(hops.next().is_none(), "{title}: more route hops than the breakdown lists");
    checked
}

/// The fallback address named in an example's title, if any.
fn title_address(title: &str) -> Option<&str> {
    let i = title.find("address ")?;
    title.get(i + 8..)?.split_whitespace().next()
}

#[test]
fn bolt11_examples_valid() {
    let v = vector_json(FILE);
    let node_id = v["common"]["node_id"].as_str().unwrap();
    let secret = v["common"]["default_payment_secret"].as_str().unwrap();
    let mut n = 0;
    let mut breakdown_values = 0;
    for case in v["valid"].as_array().unwrap() {
        let title = case["title"].as_str().unwrap();
        assert_eq!(case["valid"], true);
        let inv = decode(title, case["invoice"].as_str().unwrap());
        let failed: Vec<_> = inv.failed().collect();
        assert!(failed.is_empty(), "{title}: failed checks {failed:?}");
        assert!(inv.to_json()["valid"].as_bool().unwrap());
        // All examples but the real Blockstream Store invoice are signed with the spec's priv_key.
        if !title.contains("pico-BTC") {
            assert_eq!(inv.node_id.map(hex::encode).as_deref(), Some(node_id), "{title}: node id");
            assert_eq!(
                inv.payment_secret().map(hex::encode).as_deref(),
                Some(secret),
                "{title}: secret"
            );
        }
        if let Some(addr) = title_address(title) {
            let fb = inv.fallbacks();
            let got = fb.first().unwrap().address(inv.network.unwrap()).unwrap().to_string();
            assert_eq!(got.to_lowercase(), addr.to_lowercase(), "{title}: fallback");
        }
        if let Some(lines) = case.get("breakdown").and_then(Value::as_array) {
            breakdown_values += check_breakdown(title, &inv, lines);
        }
        n += 1;
    }
    assert_eq!(n, 16);
    assert_eq!(breakdown_values, 58, "breakdown values compared");
}

#[test]
fn bolt11_examples_signature_breakdown() {
    let v = vector_json(FILE);
    let mut n = 0;
    for case in v["valid"].as_array().unwrap() {
        let title = case["title"].as_str().unwrap();
        let Some(sb) = case.get("signature_breakdown") else { continue };
        let inv = decode(title, case["invoice"].as_str().unwrap());
        assert_eq!(
            hex::encode(inv.signature),
            sb["signature_rs"].as_str().unwrap(),
            "{title}: r||s"
        );
        assert_eq!(
            u64::from(inv.recovery_id),
            sb["recovery_id"].as_u64().unwrap(),
            "{title}: recid"
        );
        assert_eq!(
            hex::encode(&inv.signing_data),
            sb["signing_data"].as_str().unwrap(),
            "{title}: data"
        );
        assert_eq!(
            hex::encode(inv.signing_hash),
            sb["signing_hash"].as_str().unwrap(),
            "{title}: hash"
        );
        n += 1;
    }
    assert_eq!(n, 11);
}

/// What makes each invalid example invalid: a decode error, or the named failing check.
fn invalid_reason(title: &str) -> Result<&'static str, &'static str> {
    match title {
        "Same, but adding invalid unknown feature 100" => Ok("features_known_even"),
        "Bech32 checksum is invalid." => Err("checksum"),
        "Malformed bech32 string (no 1)" => Err("separator"),
        "Malformed bech32 string (mixed case)" => Err("mixed"),
        "Signature is not recoverable." => Ok("signature"),
        "String is too short." => Err("need at least"),
        "Invalid multiplier" => Err("invalid multiplier"),
        "Invalid sub-millisatoshi precision." => Ok("amount_whole_msat"),
        "Missing required `s` field." => Ok("payment_secret"),
        "Non canonical signature (high-S) with 'n' field defined" => Ok("signature_low_s"),
        other => panic!("unexpected invalid example {other:?}"),
    }
}

#[test]
fn bolt11_examples_invalid() {
    let v = vector_json(FILE);
    let mut n = 0;
    for case in v["invalid"].as_array().unwrap() {
        let title = case["title"].as_str().unwrap();
        assert_eq!(case["valid"], false);
        let s = case["invoice"].as_str().unwrap();
        match (invalid_reason(title), bolt11::decode_str(s)) {
            (Err(want), Err(e)) => {
                assert!(e.to_string().contains(want), "{title}: error {e} lacks {want:?}");
            }
            (Ok(check), Ok(inv)) => {
                let failed: Vec<&str> = inv.failed().map(|c| c.check).collect();
                assert_eq!(failed, [check], "{title}");
                assert!(!inv.valid());
            }
            (want, got) => panic!("{title}: want {want:?}, got {:?}", got.map(|i| i.to_json())),
        }
        n += 1;
    }
    assert_eq!(n, 10);
}

#[test]
fn bolt11_examples_ignored_fields_are_kept() {
    let v = vector_json(FILE);
    let case = v["valid"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["title"] == "Same, but including fields which must be ignored.")
        .unwrap();
    let inv = decode("ignored", case["invoice"].as_str().unwrap());
    let ignored = inv.fields.iter().filter(|f| matches!(f.value, FieldValue::Ignored(_))).count();
    let unknown: Vec<_> = inv.fields.iter().filter(|f| f.value == FieldValue::Unknown).collect();
    // f version 19, p×2, h×2, s×2, n×2 of the wrong length; one unknown `2` field of 3 zeroes.
    assert_eq!(ignored, 9);
    assert_eq!(unknown.len(), 1);
    assert_eq!(unknown[0].ty, 10);
    assert_eq!(unknown[0].data, [0, 0, 0]);
    let j = inv.to_json();
    let tf = j["tagged_fields"].as_array().unwrap();
    assert_eq!(tf.iter().filter(|f| f.get("ignored").is_some()).count(), 9);
    assert_eq!(tf.iter().find(|f| f["tag"] == "2").unwrap()["data"], "qqq");
}

#[test]
fn bolt11_examples_options() {
    let v = vector_json(FILE);
    // "Now send $24 for an entire list of things (hashed)": h commits to this description.
    let case = &v["valid"][3];
    let s = case["invoice"].as_str().unwrap();
    let desc = "One piece of chocolate cake, one icecream cone, one pickle, one slice of swiss cheese, one slice of salami, one lollypop, one piece of cherry pie, one sausage, one cupcake, and one slice of watermelon";
    let opts = |d: &str, now, net| bolt11::Options {
        now: Some(now),
        network: Some(net),
        description: Some(d.to_owned()),
    };
    let inv =
        bolt11::decode_str_with(s, &opts(desc, 1_496_314_658 + 10, bitcoin::Network::Bitcoin))
            .unwrap();
    assert!(inv.valid(), "{:?}", inv.checks);
    let inv =
        bolt11::decode_str_with(s, &opts("x", 1_496_318_258, bitcoin::Network::Testnet)).unwrap();
    let failed: Vec<&str> = inv.failed().map(|c| c.check).collect();
    assert_eq!(failed, ["description_hash_matches", "not_expired", "network"]);
}

#[test]
fn blip_0039_bolt11_blinded_paths() {
    let v = vector_json("blips/blip-0039-bolt11-blinded-paths.json");
    let exp = &v["expected"];
    let inv = decode("blip-0039", v["invoice"].as_str().unwrap());
    assert!(inv.valid(), "{:?}", inv.failed().collect::<Vec<_>>());
    let j = inv.to_json();
    assert_eq!(format!("ln{}", inv.currency), exp["prefix"].as_str().unwrap());
    assert_eq!(j["amount"], exp["amount"]);
    assert_eq!(j["timestamp"], exp["timestamp"]);
    assert_eq!(j["payment_hash"], exp["payment_hash"]);
    assert_eq!(j["description"], exp["description"]);
    assert!(inv.payment_secret().is_none());
    let want = exp["blinded_paths"].as_array().unwrap();
    let got = j["blinded_paths"].as_array().unwrap();
    assert_eq!(got.len(), want.len());
    assert_eq!(want.len(), 2);
    let mut n = 0;
    for (g, w) in got.iter().zip(want) {
        for (k, wv) in w.as_object().unwrap() {
            assert_eq!(&g[k], wv, "blinded path field {k}");
            n += 1;
        }
    }
    assert_eq!(n, 18);
    // Signed with the BOLT 11 examples' key.
    let sk: [u8; 32] = hex::decode(v["priv_key"].as_str().unwrap()).unwrap().try_into().unwrap();
    let secp = bitcoin::secp256k1::Secp256k1::new();
    let pk = bitcoin::secp256k1::SecretKey::from_slice(&sk).unwrap().public_key(&secp);
    assert_eq!(inv.node_id, Some(pk.serialize()));
}
