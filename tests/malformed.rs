//! No input, however malformed, may panic: every vector input is truncated at every offset and
//! bit-flipped (bounded, deterministic) through every decoder, in-process and through the CLI.
//! Errors must be one line.

use std::panic::{catch_unwind, AssertUnwindSafe};

use lnkit::encoding::Reader;
use lnkit::offers::Kind;

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
        ("policy::decode_tx + check", |b| {
            let tx = lnkit::policy::decode_tx(b).map_err(|e| e.to_string())?;
            for core in lnkit::policy::CoreVersion::ALL {
                let ctx = lnkit::policy::Context::default();
                drop(lnkit::policy::check(
                    &lnkit::policy::Policy::new(core),
                    std::slice::from_ref(&tx),
                    &ctx,
                ));
            }
            Ok(())
        }),
        ("policy::parse_package (hex text)", |b| {
            lnkit::policy::parse_package(&hex::encode(b)).map(drop).map_err(|e| e.to_string())
        }),
        ("offers::decode_bytes offer", |b| offers_bytes(Kind::Offer, b)),
        ("offers::decode_bytes invoice_request", |b| offers_bytes(Kind::InvoiceRequest, b)),
        ("offers::decode_bytes invoice", |b| offers_bytes(Kind::Invoice, b)),
        ("offers::decode_bytes invoice_error", |b| offers_bytes(Kind::InvoiceError, b)),
        ("offers::decode_str (lno of the bytes)", |b| {
            let s = lnkit::offers::string::encode("lno", b);
            lnkit::offers::decode_str(&s).map(drop).map_err(|e| e.to_string())
        }),
        ("offers::string::decode (bytes as text)", |b| {
            lnkit::offers::string::decode(&String::from_utf8_lossy(b))
                .map(drop)
                .map_err(|e| e.to_string())
        }),
        ("offers blinded_path", |b| {
            lnkit::offers::tables::read_paths(b, 0).map(drop).map_err(|e| e.to_string())
        }),
        ("offers encrypted_data_tlv", |b| {
            lnkit::encoding::tlv::decode_stream(
                &lnkit::offers::tables::ENCRYPTED_DATA_TLV,
                &mut Reader::new(b),
            )
            .map(drop)
            .map_err(|e| e.to_string())
        }),
        ("tx::inspect", |b| {
            let tx = lnkit::tx::inspect::decode_tx(b).map_err(|e| e.to_string())?;
            lnkit::tx::inspect::inspect(&tx, &lnkit::tx::inspect::InspectOptions::default())
                .map(drop)
                .map_err(|e| e.to_string())
        }),
        ("tx::inspect taproot spent-by", |b| {
            // A (mutated) spender of a simple-taproot vector commitment: leaf and control
            // block parsing, leaf classification, delay search and key matching.
            type Base = (bitcoin::Transaction, Vec<lnkit::tx::inspect::KeyCandidate>);
            static COM: std::sync::OnceLock<Base> = std::sync::OnceLock::new();
            let (com, keys) = COM.get_or_init(crate::vectors_taproot::malformed_base);
            let spender = lnkit::tx::inspect::decode_tx(b).map_err(|e| e.to_string())?;
            let opts = lnkit::tx::inspect::InspectOptions {
                keys: keys.clone(),
                spent_by: vec![spender],
                ..Default::default()
            };
            lnkit::tx::inspect::inspect(com, &opts).map(drop).map_err(|e| e.to_string())
        }),
        ("tx::build spec", |b| {
            let v: serde_json::Value = serde_json::from_slice(b).map_err(|e| e.to_string())?;
            lnkit::tx::build::build(&v).map(drop).map_err(|e| e.to_string())
        }),
        ("tx::json key_candidates", |b| {
            let v: serde_json::Value = serde_json::from_slice(b).map_err(|e| e.to_string())?;
            lnkit::tx::json::key_candidates(&v).map(drop).map_err(|e| e.to_string())
        }),
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
        ("bolt11::decode_str", |b| {
            let s = std::str::from_utf8(b).map_err(|e| e.to_string())?;
            lnkit::bolt11::decode_str(s).map(drop).map_err(|e| e.to_string())
        }),
        ("bolt11::decode_parts", bolt11_without_checksum),
        ("bip353::verify_psbt_proof", |b| {
            // Inside the example proofs' RRSIG window, so mutations reach the BIP 353 rules.
            lnkit::bip353::verify_psbt_proof(b, 1_754_600_000).map(drop).map_err(|e| e.to_string())
        }),
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

use lnkit::gossip::stream::{Format, GossipReader};
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

/// BOLT 11 past the checksum: the mutated string's characters go straight to the field parser
/// (a checksum would reject nearly every mutation before it).
fn bolt11_without_checksum(b: &[u8]) -> Result<(), String> {
    let s = std::str::from_utf8(b).map_err(|e| e.to_string())?.to_ascii_lowercase();
    let (hrp, data) = s.rsplit_once('1').ok_or("no separator")?;
    let mut values = Vec::with_capacity(data.len());
    for c in data.chars() {
        let v = bitcoin::bech32::Fe32::from_char(c).map_err(|_| format!("bad character {c:?}"))?;
        values.push(v.to_u8());
    }
    values.truncate(values.len().saturating_sub(6));
    lnkit::bolt11::decode_parts(hrp, &values, &lnkit::bolt11::Options::default())
        .map(drop)
        .map_err(|e| e.to_string())
}

fn offers_bytes(kind: Kind, b: &[u8]) -> Result<(), String> {
    let opts = lnkit::offers::Options {
        now: Some(1_700_000_000),
        network: Some(bitcoin::Network::Bitcoin),
    };
    // The decoder checks records without building JSON; the JSON decoder of the same tables
    // must give the same verdict and the same error.
    let json = lnkit::encoding::tlv::parse_stream(&mut lnkit::encoding::Reader::new(b))
        .and_then(|raw| lnkit::encoding::tlv::decode_records(kind.stream(), &raw))
        .map_err(|e| e.within(kind.name()).to_string());
    let d = lnkit::offers::decode_bytes(kind, b.to_vec(), &opts).map_err(|e| e.to_string());
    match (&d, &json) {
        (Ok(d), Ok(m)) => assert_eq!(&d.fields(), m, "{}", hex::encode(b)),
        (Err(a), Err(b2)) => assert_eq!(a, b2, "{}", hex::encode(b)),
        _ => panic!("check and JSON decode disagree on {}: {d:?} / {json:?}", hex::encode(b)),
    }
    let d = d?;
    // Rendering and the per-record view must not panic either.
    let _ = d.to_json();
    let _ = d.raw_rows();
    let _ = d.offer_id();
    Ok(())
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
    // Transactions: the TRUC/P2A samples and two zero-fee commitments (bolts#1228).
    let samples = std::fs::read_to_string(
        crate::support::shared_dir().join("research-data/truc-p2a-samples.txt"),
    )
    .unwrap();
    let txs: Vec<&str> =
        samples.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).collect();
    assert_eq!(txs.len(), 3);
    out.extend(txs.iter().map(|t| hex::decode(t).unwrap()));
    let zf = vector_json("proposals/zero-fee-commitments/zero-fee-commitments-test.json");
    for t in zf["tests"].as_array().unwrap().iter().take(2) {
        out.push(hex::decode(t["signed_commit_tx"].as_str().unwrap()).unwrap());
    }
    // BOLT 12: every offers-test string that has a byte form, the signed invoice_request, two
    // invoices from offers.txt, and the BOLT 4 blinded route's encrypted data.
    for c in vector_json("bolts/bolt12/offers-test.json").as_array().unwrap() {
        if let Ok((_, b)) = lnkit::offers::string::decode(c["bolt12"].as_str().unwrap()) {
            out.push(b);
        }
    }
    let sig = vector_json("bolts/bolt12/signature-test.json");
    out.push(lnkit::offers::string::decode(sig[3]["bolt12"].as_str().unwrap()).unwrap().1);
    for (_, s) in
        crate::offers_txt::offers_txt().iter().filter(|(_, s)| s.starts_with("lni1")).take(2)
    {
        out.push(lnkit::offers::string::decode(s).unwrap().1);
    }
    let rb = vector_json("bolts/bolt04/route-blinding-test.json");
    for h in rb["generate"]["hops"].as_array().unwrap() {
        out.push(hex::decode(h["encoded_tlvs"].as_str().unwrap()).unwrap());
    }
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
    // Simple taproot: a commitment, a script-path HTLC tx, and a build spec with nonces.
    let tap = vector_json("proposals/simple-taproot-channels/simple-taproot-test-vectors.json");
    let t = &tap["vectors"]["transactions"][1];
    out.push(hex::decode(t["expected_commitment_tx_hex"].as_str().unwrap()).unwrap());
    out.push(hex::decode(t["htlc_descs"][0]["resolution_tx_hex"].as_str().unwrap()).unwrap());
    out.push(crate::vectors_taproot::simple_taproot_specs()[1].1.to_string().into_bytes());
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
    // BOLT 11 invoices (as text bytes) and bLIP 39's, and the BIP 353 proofs.
    let b11 = vector_json("bolts/bolt11/bolt11-examples.json");
    for k in ["valid", "invalid"] {
        for c in b11[k].as_array().unwrap() {
            out.push(c["invoice"].as_str().unwrap().as_bytes().to_vec());
        }
    }
    let b39 = vector_json("blips/blip-0039-bolt11-blinded-paths.json");
    out.push(b39["invoice"].as_str().unwrap().as_bytes().to_vec());
    for p in vector_json("bips/bip-0353/bip-0353-examples.json")["proofs"].as_array().unwrap() {
        out.push(hex::decode(p["proof_hex"].as_str().unwrap()).unwrap());
    }
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
    // Feasibility graph descriptions (notes spec-protocol.md §6), text and JSON.
    out.push(b"0-1:3 0-2:7 2-1:11".to_vec());
    out.push(br#"{"channels":[{"nodes":["a","b","c"],"capacity":3,"credit":1},{"node_1":"a","node_2":"d","capacity_sat":2}]}"#.to_vec());
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

/// Inputs up to this size are truncated at every offset; longer ones (the BIP 353 proofs,
/// 3.6-5.8 KB) at every offset of their first and last `EDGE` bytes and at `EDGE` evenly
/// spaced offsets between. Every offset of a long input through every decoder made the test
/// cubic: 5 proofs x ~5k truncations x 36 decoders, the stream readers linear in the length,
/// were ~80 % of its time.
const ALL_OFFSETS_UP_TO: usize = 1024;
const EDGE: usize = 256;

fn truncation_offsets(len: usize) -> Vec<usize> {
    if len <= ALL_OFFSETS_UP_TO {
        return (0..=len).collect();
    }
    let mid = len - 2 * EDGE;
    let mut v: Vec<usize> = (0..EDGE).collect();
    v.extend((0..EDGE).map(|k| EDGE + k * mid / EDGE));
    v.extend(len - EDGE..=len);
    v
}

/// In-process mutations: sampled truncations of long inputs (see [`truncation_offsets`]).
fn mutations(input: &[u8], rng: &mut Rng) -> Vec<Vec<u8>> {
    mutations_at(input, truncation_offsets(input.len()), rng)
}

/// CLI tests take every n-th of these (a process per run): every offset, as they were tuned.
fn mutations_full(input: &[u8], rng: &mut Rng) -> Vec<Vec<u8>> {
    mutations_at(input, (0..=input.len()).collect(), rng)
}

fn mutations_at(input: &[u8], offsets: Vec<usize>, rng: &mut Rng) -> Vec<Vec<u8>> {
    let mut v: Vec<Vec<u8>> = offsets.into_iter().map(|i| input[..i].to_vec()).collect();
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
fn truncation_offsets_cover_short_inputs_fully_and_long_ones_at_both_ends() {
    assert_eq!(truncation_offsets(3), vec![0, 1, 2, 3]);
    assert_eq!(truncation_offsets(1024).len(), 1025);
    let v = truncation_offsets(5802);
    assert_eq!(v.len(), 3 * EDGE + 1);
    assert!(v.windows(2).all(|w| w[0] < w[1]), "ascending, no repeats");
    assert_eq!((v[0], v[EDGE], *v.last().unwrap()), (0, EDGE, 5802));
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
fn cli_check_malformed_is_one_line_error() {
    let mut rng = Rng(11);
    let zf = vector_json("proposals/zero-fee-commitments/zero-fee-commitments-test.json");
    let base = hex::decode(zf["tests"][0]["signed_commit_tx"].as_str().unwrap()).unwrap();
    let mut n = 0;
    for m in mutations_full(&base, &mut rng).into_iter().step_by(9) {
        let o = cli("ln-commit").args(["check", &hex::encode(&m)]).run();
        assert!(o.code == 0 || o.code == 1, "{o:?}");
        if o.stdout.is_empty() {
            o.one_line_error();
        } else {
            o.json();
        }
        n += 1;
    }
    assert!(n >= 10);
}

#[test]
fn cli_inspect_and_build_malformed_are_one_line_errors() {
    let mut rng = Rng(11);
    let all = crate::vectors_commit::all_vector_specs();
    let base = hex::decode(&all[12].2).unwrap();
    let mut n = 0;
    for m in mutations_full(&base, &mut rng).into_iter().step_by(37) {
        let o = cli("ln-commit").args(["inspect", &hex::encode(&m)]).run();
        assert!(o.code == 0 || o.code == 1, "{o:?}");
        if o.code == 1 {
            o.one_line_error();
        }
        n += 1;
    }
    let spec = all[12].1.to_string().into_bytes();
    for m in mutations_full(&spec, &mut rng).into_iter().step_by(97) {
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
    for m in mutations_full(&base, &mut rng).into_iter().step_by(5) {
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

#[test]
fn cli_ln_offer_decode_malformed_is_one_line_error() {
    let mut rng = Rng(11);
    let mut n = 0;
    let sig = vector_json("bolts/bolt12/signature-test.json");
    let base = lnkit::offers::string::decode(sig[3]["bolt12"].as_str().unwrap()).unwrap().1;
    for m in mutations_full(&base, &mut rng).into_iter().step_by(9) {
        let s = lnkit::offers::string::encode("lnr", &m);
        let o = cli("ln-offer").args(["decode", &s, "--now", "none"]).run();
        assert!(o.code == 0 || o.code == 1, "{o:?}");
        if o.code == 1 && o.stdout.is_empty() {
            o.one_line_error();
        }
        n += 1;
    }
    assert!(n >= 10);
}

#[test]
fn cli_ln_offer_bolt11_and_bip353_malformed_are_one_line_errors() {
    let mut n = 0;
    // BOLT 11 through `decode`: truncated at every 7th character, and characters replaced.
    let b39 = vector_json("blips/blip-0039-bolt11-blinded-paths.json");
    let inv = b39["invoice"].as_str().unwrap();
    let mut bad: Vec<String> = (4..inv.len()).step_by(7).map(|i| inv[..i].to_owned()).collect();
    for i in (4..inv.len()).step_by(31) {
        let mut b = inv.as_bytes().to_vec();
        b[i] = if b[i] == b'q' { b'p' } else { b'q' };
        bad.push(String::from_utf8(b).unwrap());
    }
    for s in &bad {
        let o = cli("ln-offer").args(["decode", "--now", "none", s]).run();
        assert!(o.code == 0 || o.code == 1, "{s}: {o:?}");
        if o.code == 1 && o.stdout.is_empty() {
            o.one_line_error();
        }
        n += 1;
    }
    // BIP 353 proofs cut short and bit-flipped: refused in one line (or still valid).
    let v = vector_json("bips/bip-0353/bip-0353-examples.json");
    let proof = hex::decode(v["proofs"][2]["proof_hex"].as_str().unwrap()).unwrap();
    let mut rng = Rng(353);
    for m in mutations(&proof, &mut rng).into_iter().step_by(97) {
        let o = cli("ln-offer")
            .args(["bip353", "--now", "1754600000", "--proof"])
            .arg(hex::encode(&m))
            .run();
        assert!(o.code == 0 || o.code == 1, "{o:?}");
        if o.code == 1 && o.stdout.is_empty() {
            o.one_line_error();
        }
        n += 1;
    }
    assert!(n >= 40, "{n}");
}

#[test]
fn cli_ptlc_malformed_presig_is_one_line_error() {
    let mut rng = Rng(11);
    let mut n = 0;
    let rows = crate::support::csv_rows("proposals/ptlc-schnorr-adaptor/presig_vectors.csv", 9);
    let row = &rows[3];
    let base = hex::decode(&row[6]).unwrap();
    for m in mutations_full(&base, &mut rng).into_iter().step_by(4) {
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
