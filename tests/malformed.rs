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
        ("ptlc pre-signature (adapted)", |b| {
            let a: [u8; 65] = b.try_into().map_err(|_| "length".to_owned())?;
            lnkit::crypto::PreSignature::from_bytes(&a).map(drop).map_err(|e| e.to_string())
        }),
        ("ptlc pre-signature (unadapted)", |b| {
            let a: [u8; 65] = b.try_into().map_err(|_| "length".to_owned())?;
            let t = lnkit::crypto::Point::generator().finite("G").map_err(|e| e.to_string())?;
            lnkit::crypto::PreSignature::from_unadapted_bytes(&a, &t)
                .and_then(|p| p.to_unadapted_bytes(&t))
                .map(drop)
                .map_err(|e| e.to_string())
        }),
        ("musig2 pubnonce", |b| {
            let a: [u8; 66] = b.try_into().map_err(|_| "length".to_owned())?;
            lnkit::crypto::PubNonce::from_bytes(&a).map(drop).map_err(|e| e.to_string())
        }),
        ("musig2 aggnonce", |b| {
            let a: [u8; 66] = b.try_into().map_err(|_| "length".to_owned())?;
            lnkit::crypto::musig2::AggNonce::from_bytes(&a).map(drop).map_err(|e| e.to_string())
        }),
        ("musig2 secnonce", |b| {
            let a: [u8; 97] = b.try_into().map_err(|_| "length".to_owned())?;
            lnkit::crypto::SecNonce::from_bytes(&a).map(drop).map_err(|e| e.to_string())
        }),
        ("ptlc extract from tx", |b| {
            let tx: bitcoin::Transaction =
                bitcoin::consensus::deserialize(b).map_err(|e| e.to_string())?;
            let pre = crate::ptlc_tx::sample_success().1;
            lnkit::ptlc::tx::extract_secret(&tx, &pre, None).map(drop).map_err(|e| e.to_string())
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
    // PTLC inputs: the draft's pre-signatures, BIP-327 nonces, a secret nonce, a PTLC-success tx
    let dir = "proposals/ptlc-schnorr-adaptor";
    for row in crate::support::csv_rows(&format!("{dir}/presig_vectors.csv"), 9) {
        out.push(hex::decode(&row[6]).unwrap());
    }
    let nonces = vector_json("bips/bip-0327/nonce_agg_vectors.json");
    for n in nonces["pnonces"].as_array().unwrap() {
        out.push(hex::decode(n.as_str().unwrap()).unwrap());
    }
    let sv = vector_json("bips/bip-0327/sign_verify_vectors.json");
    for n in sv["secnonces"].as_array().unwrap() {
        out.push(hex::decode(n.as_str().unwrap()).unwrap());
    }
    out.push(crate::ptlc_tx::sample_success().0.clone());
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
fn cli_ptlc_malformed_presig_is_one_line_error() {
    let mut rng = Rng(11);
    let mut n = 0;
    let rows = crate::support::csv_rows("proposals/ptlc-schnorr-adaptor/presig_vectors.csv", 9);
    let row = &rows[3];
    let base = hex::decode(&row[6]).unwrap();
    for m in mutations(&base, &mut rng).into_iter().step_by(4) {
        let o = cli("ln-ptlc")
            .args(["adaptor", "verify", "--pubkey", &row[2], "--msg", &row[4], "--adaptor"])
            .args([&row[5], "--presig", &hex::encode(&m)])
            .run();
        assert!(o.code == 0 || o.code == 1, "{o:?}");
        if o.code == 1 && o.stdout.is_empty() {
            o.one_line_error();
        }
        n += 1;
    }
    assert!(n >= 10);
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
