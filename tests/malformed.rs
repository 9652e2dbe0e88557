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
        ("ptlc::sim::msg::Msg::decode", |b| {
            lnkit::ptlc::sim::msg::Msg::decode(b).map(drop).map_err(|e| e.to_string())
        }),
        ("ptlc::sim::peer::Peer::handle", |b| {
            use lnkit::ptlc::sim::chan::{Pair, Side};
            use lnkit::ptlc::sim::peer::{Action, Ctx, Mode, Peer};
            let cfg = lnkit::ptlc::sim::SimConfig::default();
            let ch = &cfg.channel;
            for mode in [Mode::Async, Mode::Turn] {
                let mut p = Peer::new(Side::B, Pair::new(100_000_000, 100_000_000), 2500);
                let ctx = Ctx { params: &ch.params, policy: &ch.policies.b, mode };
                for a in p.handle(ctx, b) {
                    if let Action::ProtocolError(e) = a {
                        return Err(e);
                    }
                }
            }
            Ok(())
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
    // Every message the update-protocol simulator exchanges (ln-ptlc sim).
    {
        use lnkit::ptlc::sim::msg::{Msg, NackReason};
        for m in [
            Msg::UpdateAddHtlc { id: 1, amount_msat: 5000 },
            Msg::UpdateFulfillHtlc { id: 1 },
            Msg::UpdateFee { feerate_per_kw: 2500 },
            Msg::CommitmentSigned { num_htlcs: 2, presigs: 1, psigs: 2 },
            Msg::RevokeAndAck,
            Msg::ChannelReestablish { next_commitment_number: 2, next_revocation_number: 1 },
            Msg::UpdateNoop,
            Msg::Yield,
            Msg::Nack { reason: NackReason::DustExposure },
            Msg::UpdateAddPtlc { id: 0, amount_msat: 1000 },
            Msg::CommitmentProposed { commitment_number: 3 },
            Msg::PtlcPresigs { count: 2 },
            Msg::PtlcNonces { count: 3 },
            Msg::UpdateAcceptPtlcs { nonces: 1, psigs: 2 },
            Msg::CountersignPtlcs { psigs: 1 },
        ] {
            out.push(m.encode());
        }
    }
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
