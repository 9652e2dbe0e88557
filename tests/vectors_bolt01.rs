//! BOLT 1 Appendix A–D vectors: BigSize, TLV streams (namespaces n1/n2), message extension
//! (`init`), signed integers. Every record of each file runs; counts are asserted.

use lnkit::encoding::fields::{f, FieldType as T};
use lnkit::encoding::tlv::{decode_stream, encode_stream, TlvDef, TlvStreamDef};
use lnkit::encoding::{decode_signed, encode_signed_minimal, write_bigsize, Reader};
use serde_json::Value;

use crate::support::{cli, vector_json};

fn unhex(s: &str) -> Vec<u8> {
    hex::decode(s).unwrap()
}

#[test]
fn bolt01_bigsize_json() {
    let v = vector_json("bolts/bolt01/bolt01-bigsize.json");
    let (mut ok, mut bad) = (0, 0);
    for case in v["decoding"].as_array().unwrap() {
        let name = case["name"].as_str().unwrap();
        let bytes = unhex(case["bytes"].as_str().unwrap());
        let mut r = Reader::new(&bytes);
        let got = r.bigsize().and_then(|x| {
            if r.is_empty() {
                Ok(x)
            } else {
                Err(lnkit::Error::invalid("trailing"))
            }
        });
        if case.get("exp_error").is_some() {
            assert!(got.is_err(), "{name}: decoded {got:?}, want an error");
            bad += 1;
        } else {
            assert_eq!(got.unwrap(), case["value"].as_u64().unwrap(), "{name}");
            ok += 1;
        }
    }
    assert_eq!((ok, bad), (8, 10), "decoding cases");
    let mut enc = 0;
    for case in v["encoding"].as_array().unwrap() {
        let mut out = Vec::new();
        write_bigsize(&mut out, case["value"].as_u64().unwrap());
        assert_eq!(hex::encode(out), case["bytes"].as_str().unwrap(), "{}", case["name"]);
        enc += 1;
    }
    assert_eq!(enc, 8, "encoding cases");
}

#[test]
fn bolt01_signed_integers_json() {
    let v = vector_json("bolts/bolt01/bolt01-signed-integers.json");
    let cases = v["vectors"].as_array().unwrap();
    assert_eq!(cases.len(), 23);
    for case in cases {
        let want = case["value"].as_i64().unwrap();
        let bytes = case["bytes"].as_str().unwrap();
        assert_eq!(decode_signed(&unhex(bytes)), want, "decode {bytes}");
        assert_eq!(hex::encode(encode_signed_minimal(want)), bytes, "encode {want}");
    }
}

pub(crate) static N1: TlvStreamDef = TlvStreamDef {
    name: "n1",
    records: &[
        TlvDef { ty: 1, name: "tlv1", fields: &[f("amount_msat", T::Truncated(8))] },
        TlvDef { ty: 2, name: "tlv2", fields: &[f("scid", T::Scid)] },
        TlvDef {
            ty: 3,
            name: "tlv3",
            fields: &[
                f("node_id", T::Point),
                f("amount_msat_1", T::U64),
                f("amount_msat_2", T::U64),
            ],
        },
        TlvDef { ty: 254, name: "tlv4", fields: &[f("cltv_delta", T::U16)] },
    ],
};

pub(crate) static N2: TlvStreamDef = TlvStreamDef {
    name: "n2",
    records: &[
        TlvDef { ty: 0, name: "tlv1", fields: &[f("amount_msat", T::Truncated(8))] },
        TlvDef { ty: 11, name: "tlv2", fields: &[f("cltv_expiry", T::Truncated(4))] },
    ],
};

fn decode(ns: &TlvStreamDef, bytes: &[u8]) -> lnkit::Result<serde_json::Map<String, Value>> {
    decode_stream(ns, &mut Reader::new(bytes))
}

#[test]
fn bolt01_tlv_json() {
    let v = vector_json("bolts/bolt01/bolt01-tlv.json");
    let mut counted = 0;
    let mut valid_n1 = Vec::new();
    let mut invalid_any = Vec::new();
    for group in v["groups"].as_array().unwrap() {
        let namespaces: Vec<&TlvStreamDef> = match group["namespace"].as_str().unwrap() {
            "n1" => vec![&N1],
            "n2" => vec![&N2],
            "any" | "either" => vec![&N1, &N2],
            other => panic!("namespace {other}"),
        };
        let expect_valid = group["expect"] == "valid";
        for case in group["cases"].as_array().unwrap() {
            counted += 1;
            let hexs = case["hex"].as_str().unwrap();
            let bytes = unhex(hexs);
            for ns in &namespaces {
                let got = decode(ns, &bytes);
                if expect_valid {
                    let got = got.unwrap_or_else(|e| panic!("{} {hexs}: {e}", ns.name));
                    if let Some(want) = case.get("decoded") {
                        let mut plain = got.clone();
                        plain.remove("unknown_tlvs");
                        assert_eq!(&Value::Object(plain), want, "{} {hexs}", ns.name);
                    }
                    // encode(decode(x)) == x
                    assert_eq!(
                        hex::encode(encode_stream(ns, &got).unwrap()),
                        hexs,
                        "{} re-encode",
                        ns.name
                    );
                    if ns.name == "n1" {
                        valid_n1.push(bytes.clone());
                    }
                } else {
                    assert!(
                        got.is_err(),
                        "{} {hexs} ({:?}) decoded {got:?}",
                        ns.name,
                        case.get("reason")
                    );
                    if group["namespace"] == "any" {
                        invalid_any.push(bytes.clone());
                    }
                }
            }
        }
    }
    assert_eq!(counted, 57, "every TLV case ran");
    // "Any appending of an invalid stream to a valid stream should trigger a decoding failure."
    for ok in &valid_n1 {
        for bad in &invalid_any {
            let joined = [ok.as_slice(), bad.as_slice()].concat();
            assert!(decode(&N1, &joined).is_err(), "{} + {}", hex::encode(ok), hex::encode(bad));
        }
    }
    // "Any appending of a higher-numbered valid stream to a lower-numbered valid stream should
    // not trigger a decoding failure."
    let first_type = |b: &[u8]| Reader::new(b).bigsize().unwrap();
    let mut pairs = 0;
    for a in valid_n1.iter().filter(|b| !b.is_empty()) {
        for b in valid_n1.iter().filter(|b| !b.is_empty()) {
            let last_a =
                lnkit::encoding::tlv::parse_stream(&mut Reader::new(a)).unwrap().last().unwrap().ty;
            if first_type(b) > last_a {
                let joined = [a.as_slice(), b.as_slice()].concat();
                decode(&N1, &joined).unwrap_or_else(|e| panic!("{}: {e}", hex::encode(&joined)));
                pairs += 1;
            }
        }
    }
    assert!(pairs > 50, "ascending concatenations tried: {pairs}");
}

#[test]
fn bolt01_init_extension_json() {
    let v = vector_json("bolts/bolt01/bolt01-init-extension.json");
    let valid = v["valid"].as_array().unwrap();
    let invalid = v["invalid"].as_array().unwrap();
    assert_eq!((valid.len(), invalid.len()), (2, 3));
    for case in valid {
        let h = case["hex"].as_str().unwrap();
        let m = lnkit::wire::decode_message(&unhex(h)).unwrap_or_else(|e| panic!("{h}: {e}"));
        assert_eq!(m["name"], "init");
        assert_eq!(hex::encode(lnkit::wire::encode_message(&m).unwrap()), h, "round trip");
        // And through the CLI: JSON with named features, exit 0.
        let out = cli("ln-gossip").args(["decode", h]).run();
        out.code(0);
        let j = out.json();
        assert!(j["features"]["bits"].is_array(), "{j}");
    }
    for case in invalid {
        let h = case["hex"].as_str().unwrap();
        let e = lnkit::wire::decode_message(&unhex(h)).expect_err(h);
        assert!(e.offset().is_some(), "{h}: error without offset: {e}");
        let out = cli("ln-gossip").args(["decode", h]).run();
        out.code(1).one_line_error();
        assert!(out.stdout.is_empty());
        assert!(out.stderr.contains("at offset "), "{}", out.stderr);
    }
}

#[test]
fn init_features_are_named() {
    // features: bits 13 (option_static_remotekey), 17 (basic_mpp), 41 (zero_fee_commitments).
    let feats = lnkit::wire::features::from_bits(&[13, 17, 41]);
    let mut msg = vec![0, 16, 0, 0, 0, feats.len() as u8];
    msg.extend_from_slice(&feats);
    let out = cli("ln-gossip").args(["decode", &format!("0x{}", hex::encode_upper(&msg))]).run();
    out.code(0);
    let bits = out.json()["features"]["bits"].clone();
    let names: Vec<&str> =
        bits.as_array().unwrap().iter().map(|b| b["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["option_static_remotekey", "basic_mpp", "zero_fee_commitments"]);
    assert_eq!(bits[2]["required"], false);
    assert_eq!(bits[2]["known"], true);
}

/// `lnkit::encoding::point::is_valid` (a Jacobi-symbol test) gives libsecp256k1's answer
/// (`PublicKey::from_slice`, a square root) on edge values of x and on 20,000 pseudo-random ones,
/// about half of which are not on the curve.
#[test]
fn bolt01_point_validity_matches_libsecp256k1() {
    use bitcoin::secp256k1::PublicKey;
    use lnkit::encoding::point::is_valid;
    let p = unhex("fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2f");
    let mut xs: Vec<Vec<u8>> = vec![vec![0; 32], vec![0xff; 32], p.clone()];
    for d in 1..=8u8 {
        let mut below = p.clone();
        below[31] -= d;
        xs.push(below);
        let mut above = p.clone();
        above[31] += d;
        xs.push(above);
        let mut small = vec![0; 32];
        small[31] = d;
        xs.push(small);
    }
    // The generator's x, and a fixed xorshift stream for the rest (reproducible).
    xs.push(unhex("79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798"));
    let mut s = 0x9e37_79b9_7f4a_7c15u64;
    for _ in 0..20_000 {
        let mut x = Vec::with_capacity(32);
        for _ in 0..4 {
            s ^= s << 13;
            s ^= s >> 7;
            s ^= s << 17;
            x.extend_from_slice(&s.to_be_bytes());
        }
        xs.push(x);
    }
    let (mut on, mut off) = (0, 0);
    for x in &xs {
        for prefix in [2u8, 3] {
            let mut b = vec![prefix];
            b.extend_from_slice(x);
            let want = PublicKey::from_slice(&b).is_ok();
            assert_eq!(is_valid(&b), want, "{}", hex::encode(&b));
            if want {
                on += 1;
            } else {
                off += 1;
            }
        }
    }
    assert!(on > 15_000 && off > 15_000, "{on} on the curve, {off} off");
    for bad in [&[][..], &[2u8; 32][..], &[4u8; 33][..], &[2u8; 34][..]] {
        assert!(!is_valid(bad));
    }
    let g = unhex("0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798");
    assert!(is_valid(&g) && !is_valid(&[&[4u8][..], &g[1..]].concat()));
}
