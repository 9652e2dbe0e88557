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
        ("tx::inspect", |b| {
            let tx = lnkit::tx::inspect::decode_tx(b).map_err(|e| e.to_string())?;
            lnkit::tx::inspect::inspect(&tx, &lnkit::tx::inspect::InspectOptions::default())
                .map(drop)
                .map_err(|e| e.to_string())
        }),
        ("tx::build spec", |b| {
            let v: serde_json::Value = serde_json::from_slice(b).map_err(|e| e.to_string())?;
            lnkit::tx::build::build(&v).map(drop).map_err(|e| e.to_string())
        }),
        ("tx::json key_candidates", |b| {
            let v: serde_json::Value = serde_json::from_slice(b).map_err(|e| e.to_string())?;
            lnkit::tx::json::key_candidates(&v).map(drop).map_err(|e| e.to_string())
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
    // Messages with every BOLT 1 field kind, and each TLV stream as an init extension.
    out.push(hex::decode("001000020a8a0003022202c9030401020304260701fd0201").unwrap());
    out.push(hex::decode("0011".to_string() + &"ab".repeat(32) + "0005" + "68656c6c6f").unwrap());
    out.push(hex::decode("0012000400020000").unwrap());
    // Transactions: a vector commitment of each format, an HTLC tx; build specs and keys.
    let all = crate::vectors_commit::all_vector_specs();
    for i in [0, 10, 20, 30] {
        out.push(hex::decode(&all[i].2).unwrap());
    }
    out.push(hex::decode(&all[10].3[0]).unwrap());
    let mut spec = all[10].1.clone();
    spec["htlc_txs"] = serde_json::json!(true);
    out.push(spec.to_string().into_bytes());
    out.push(
        serde_json::json!({"kind": "close", "format": "legacy", "funding_txid": spec["funding_txid"],
            "funding_vout": 0, "funding_sat": 10_000_000, "local": spec["local"], "remote": spec["remote"],
            "local_msat": 7_000_000_000u64, "remote_msat": 3_000_000_000u64, "local_script": "0014aa",
            "remote_script": "0014bb", "fee_sat": 1000, "dust_limit_sat": 546})
        .to_string()
        .into_bytes(),
    );
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
fn cli_inspect_and_build_malformed_are_one_line_errors() {
    let mut rng = Rng(11);
    let all = crate::vectors_commit::all_vector_specs();
    let base = hex::decode(&all[12].2).unwrap();
    let mut n = 0;
    for m in mutations(&base, &mut rng).into_iter().step_by(37) {
        let o = cli("ln-commit").args(["inspect", &hex::encode(&m)]).run();
        assert!(o.code == 0 || o.code == 1, "{o:?}");
        if o.code == 1 {
            o.one_line_error();
        }
        n += 1;
    }
    let spec = all[12].1.to_string().into_bytes();
    for m in mutations(&spec, &mut rng).into_iter().step_by(97) {
        let o = cli("ln-commit").args(["build", "--spec", "-"]).stdin(m).run();
        assert!(o.code == 0 || o.code == 1, "{o:?}");
        if o.code == 1 {
            o.one_line_error();
        }
        n += 1;
    }
    assert!(n >= 30, "{n}");
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
