//! No input, however malformed, may panic: every vector input is truncated at every offset and
//! bit-flipped (bounded, deterministic) through every decoder, in-process and through the CLI.
//! Errors must be one line.

use std::panic::{catch_unwind, AssertUnwindSafe};

use lnkit::encoding::Reader;

use crate::support::{cli, vector_json};

/// A decoder under test: bytes in, an error message or nothing out.
type Decoder = fn(&[u8]) -> Result<(), String>;

fn decoders() -> Vec<(&'static str, Decoder)> {
    vec![
        ("wire::decode_message", |b| {
            lnkit::wire::decode_message(b).map(drop).map_err(|e| e.to_string())
        }),
        ("tlv n1", |b| {
            lnkit::encoding::tlv::decode_stream(&crate::vectors_bolt01::N1, &mut Reader::new(b))
                .map(drop)
                .map_err(|e| e.to_string())
        }),
        ("tlv n2", |b| {
            lnkit::encoding::tlv::decode_stream(&crate::vectors_bolt01::N2, &mut Reader::new(b))
                .map(drop)
                .map_err(|e| e.to_string())
        }),
        ("bigsize", |b| Reader::new(b).bigsize().map(drop).map_err(|e| e.to_string())),
        ("gossip v2 parse + key + verify", |b| {
            use lnkit::gossip::v2;
            let p = v2::Parsed::parse(b).map_err(|e| e.to_string())?;
            let _ = p.signed_bytes();
            let k = v2::signing_key(&p, Some(&p), Some(&[2; 32])).map_err(|e| e.to_string())?;
            v2::verify(&p, &k, v2::Digest::Lnd).map_err(|e| e.to_string())
        }),
        ("feasibility graph + wealth + exact", |b| {
            use lnkit::feasibility::{self, exact, Graph, WealthModel};
            let g = Graph::parse(&String::from_utf8_lossy(b)).map_err(|e| e.to_string())?;
            let n = g.node_count() as u64;
            let even = g.total_capacity() / n;
            let mut w = vec![even; g.node_count()];
            w[0] += g.total_capacity() - even * n;
            let _ = feasibility::check_wealth(&g, &w).map_err(|e| e.to_string())?;
            let _ = feasibility::check_payment(&g, &w, 0, 1, 1).map_err(|e| e.to_string())?;
            exact::enumerate(&g, WealthModel::UniformBalances, 2_000)
                .and_then(|e| e.rho(&[1]))
                .map(drop)
                .map_err(|e| e.to_string())
        }),
    ]
}

/// Every hex input found in the vector files the decoders understand.
fn inputs() -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    let tlv = vector_json("bolts/bolt01/bolt01-tlv.json");
    for g in tlv["groups"].as_array().unwrap() {
        for c in g["cases"].as_array().unwrap() {
            out.push(hex::decode(c["hex"].as_str().unwrap()).unwrap());
        }
    }
    let init = vector_json("bolts/bolt01/bolt01-init-extension.json");
    for k in ["valid", "invalid"] {
        for c in init[k].as_array().unwrap() {
            out.push(hex::decode(c["hex"].as_str().unwrap()).unwrap());
        }
    }
    for c in vector_json("bolts/bolt01/bolt01-bigsize.json")["decoding"].as_array().unwrap() {
        out.push(hex::decode(c["bytes"].as_str().unwrap()).unwrap());
    }
    let v2 = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/vectors/gossip-v2.json"),
    )
    .unwrap();
    let v2: serde_json::Value = serde_json::from_str(&v2).unwrap();
    for c in v2["cases"].as_array().unwrap() {
        out.push(hex::decode(c["message"].as_str().unwrap()).unwrap());
    }
    // Messages with every BOLT 1 field kind, and each TLV stream as an init extension.
    out.push(hex::decode("001000020a8a0003022202c9030401020304260701fd0201").unwrap());
    out.push(hex::decode("0011".to_string() + &"ab".repeat(32) + "0005" + "68656c6c6f").unwrap());
    out.push(hex::decode("0012000400020000").unwrap());
    // Feasibility graph descriptions (notes spec-protocol.md §6), text and JSON.
    out.push(b"0-1:3 0-2:7 2-1:11".to_vec());
    out.push(br#"{"channels":[{"nodes":["a","b","c"],"capacity":3,"credit":1},{"node_1":"a","node_2":"d","capacity_sat":2}]}"#.to_vec());
    out
}

/// Deterministic xorshift so failures reproduce.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

fn mutations(input: &[u8], rng: &mut Rng) -> Vec<Vec<u8>> {
    let mut v: Vec<Vec<u8>> = (0..=input.len()).map(|i| input[..i].to_vec()).collect();
    if !input.is_empty() {
        for _ in 0..64 {
            let mut m = input.to_vec();
            let flips = 1 + rng.next() % 3;
            for _ in 0..flips {
                let bit = (rng.next() % (m.len() as u64 * 8)) as usize;
                m[bit / 8] ^= 1 << (bit % 8);
            }
            v.push(m);
        }
    }
    v
}

#[test]
fn no_decoder_panics_on_truncation_or_bit_flips() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut runs = 0usize;
    for input in inputs() {
        for m in mutations(&input, &mut rng) {
            for (name, dec) in decoders() {
                let r = catch_unwind(AssertUnwindSafe(|| dec(&m)));
                let Ok(result) = r else { panic!("{name} panicked on {}", hex::encode(&m)) };
                if let Err(msg) = result {
                    assert!(!msg.contains('\n'), "{name}: multi-line error {msg:?}");
                }
                runs += 1;
            }
        }
    }
    assert!(runs > 10_000, "only {runs} decoder runs");
}

#[test]
fn cli_decode_malformed_is_one_line_error() {
    let mut rng = Rng(7);
    let mut n = 0;
    let init = vector_json("bolts/bolt01/bolt01-init-extension.json");
    let base = hex::decode(init["valid"][1]["hex"].as_str().unwrap()).unwrap();
    for m in mutations(&base, &mut rng).into_iter().step_by(5) {
        let o = cli("ln-gossip").args(["decode", &hex::encode(&m)]).run();
        assert!(o.code == 0 || o.code == 1, "{o:?}");
        if o.code == 1 {
            o.one_line_error();
            assert!(o.stdout.is_empty());
        }
        n += 1;
    }
    assert!(n >= 10);
}
