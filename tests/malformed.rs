//! No input, however malformed, may panic: every vector input is truncated at every offset and
//! bit-flipped (bounded, deterministic) through every decoder, in-process and through the CLI.
//! Errors must be one line.

use std::panic::{catch_unwind, AssertUnwindSafe};

use lnkit::encoding::Reader;
use lnkit::gossip::stream::{Format, GossipReader};

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
        ("gossip::msg::parse", |b| {
            lnkit::gossip::msg::parse(b).map(drop).map_err(|e| e.to_string())
        }),
        ("gossip::stream::decode_store_message", |b| {
            lnkit::gossip::stream::decode_store_message(b).map(drop).map_err(|e| e.to_string())
        }),
        ("gossip stream gsp", |b| read_stream(b, Format::Gsp)),
        ("gossip stream be16", |b| read_stream(b, Format::Be16)),
        ("gossip stream gossip_store", |b| read_stream(b, Format::GossipStore)),
        ("gossip stream hexlines", |b| read_stream(b, Format::HexLines)),
        ("gossmap snapshot", |b| {
            lnkit::gossip::gossmap::Snapshot::read_plain(b).map(drop).map_err(|e| e.to_string())
        }),
        ("gossip graph", |b| {
            let mut g = lnkit::gossip::graph::Graph::new(None);
            g.add(b);
            let _ = g.stats(1_763_500_000);
            Ok(())
        }),
    ]
}

/// Reads a whole stream; resyncs are fine, only I/O errors (none from a slice) are errors.
fn read_stream(b: &[u8], f: Format) -> Result<(), String> {
    for ev in GossipReader::new(b, f) {
        ev.map_err(|e| e.to_string())?;
    }
    Ok(())
}

/// A small GOSSMAP_COMPRESSv1 body: 2 channels (0-1, 0-2), direction 1 of channel 0 disabled.
pub fn tiny_gossmap() -> Vec<u8> {
    let mut v = b"GOSSMAP_COMPRESSv1\0".to_vec();
    v.extend_from_slice(&[2, 0, 0, 1, 2, 1, 4]);
    v.extend_from_slice(&[2, 0xfd, 0x03, 0xe8, 0xfe, 0, 1, 0, 0, 0, 1]); // capacities 1000, 65536
    for t in [5u8, 0, 7, 1, 40] {
        v.extend_from_slice(&[1, t, 0, 0, 0, 0]);
    }
    v
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
    // BOLT 7: the query vectors, the liquidity-ads node_announcement, one real message of each
    // broadcast type, the same framed as each stream, and a GOSSMAP body.
    for c in vector_json("bolts/bolt07/extended-queries.json").as_array().unwrap() {
        out.push(hex::decode(c["hex"].as_str().unwrap()).unwrap());
    }
    let la = vector_json("proposals/liquidity-ads/liquidity-ads.json");
    out.push(
        hex::decode(la["node_announcement"]["encoded"].as_str().unwrap().replace(' ', "")).unwrap(),
    );
    let sample = crate::gossip_data::verified_sample();
    for (ty, len) in [(256u16, 0usize), (257, 300), (258, 149)] {
        let m = sample.iter().find(|m| m[..2] == ty.to_be_bytes() && m.len() > len).unwrap();
        out.push(m.clone());
    }
    let upd = sample.iter().find(|m| m[..2] == [1, 2]).unwrap();
    let mut gsp = b"GSP\x01".to_vec();
    gsp.push(upd.len() as u8);
    gsp.extend_from_slice(upd);
    out.push(gsp);
    let mut store = vec![0x0e, 0, 0];
    store.extend_from_slice(&(upd.len() as u16).to_be_bytes());
    store.extend_from_slice(&lnkit::gossip::crc32c::crc32c(7, upd).to_be_bytes());
    store.extend_from_slice(&7u32.to_be_bytes());
    store.extend_from_slice(upd);
    out.push(store);
    out.push(hex::encode(upd).into_bytes());
    let g = tiny_gossmap();
    let s = lnkit::gossip::gossmap::Snapshot::read_plain(g.as_slice()).unwrap();
    assert_eq!(
        (s.channels.len(), s.node_count, s.capacity_sat(), s.disabled_halves()),
        (2, 3, 66_536, 1)
    );
    assert_eq!(s.channels[1].half[0].htlc_maximum_msat, 65_536_000, "0 = capacity");
    out.push(g);
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
