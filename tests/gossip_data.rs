//! Real data (`../shared/research-data`, see its README): the whole verified mainnet gossip
//! sample decodes and verifies, the damaged raw captures are read to the end with resync
//! events, and both CLN GOSSMAP snapshots parse to the last byte with the README's counts.

use std::collections::{BTreeMap, HashSet};
use std::io::Read;
use std::path::PathBuf;

use lnkit::gossip::gossmap::Snapshot;
use lnkit::gossip::stream::{Event, Format, GossipReader};
use lnkit::gossip::verify::{verify_batch, Signers};

use crate::support::shared_dir;

pub fn data_path(name: &str) -> PathBuf {
    shared_dir().join("research-data").join(name)
}

pub fn xz(name: &str) -> Vec<u8> {
    let p = data_path(name);
    let f = std::fs::File::open(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
    let mut out = Vec::new();
    lzma_rs::xz_decompress(&mut std::io::BufReader::new(f), &mut out).unwrap();
    out
}

/// `(offset, message)` records and `(offset, skipped)` resync events of a stream.
type Stream = (Vec<(u64, Vec<u8>)>, Vec<(u64, u64)>);

pub fn read_all(data: &[u8], format: Format) -> Stream {
    let (mut recs, mut resyncs) = (Vec::new(), Vec::new());
    for ev in GossipReader::new(data, format) {
        match ev.unwrap() {
            Event::Record(r) => recs.push((r.msg_offset, r.msg)),
            Event::Resync { offset, skipped, .. } => resyncs.push((offset, skipped)),
            Event::Header { .. } => {}
        }
    }
    (recs, resyncs)
}

/// The sample's messages (decompressed and framed once per test run).
pub fn verified_sample() -> &'static [Vec<u8>] {
    static SAMPLE: std::sync::OnceLock<Vec<Vec<u8>>> = std::sync::OnceLock::new();
    SAMPLE.get_or_init(read_sample)
}

fn read_sample() -> Vec<Vec<u8>> {
    let data = xz("mainnet-gossip-2025-verified.gsp.xz");
    let (recs, resyncs) = read_all(&data, Format::Gsp);
    assert!(resyncs.is_empty(), "clean sample resynced at {resyncs:?}");
    recs.into_iter().map(|(_, m)| m).collect()
}

pub fn signers() -> &'static Signers {
    static SIGNERS: std::sync::OnceLock<Signers> = std::sync::OnceLock::new();
    SIGNERS.get_or_init(read_signers)
}

fn read_signers() -> Signers {
    let text = String::from_utf8(xz("mainnet-gossip-2025-update-signers.csv.xz")).unwrap();
    Signers::parse_csv(&text).unwrap()
}

#[test]
fn mainnet_gossip_2025_verified_gsp_decodes_and_verifies() {
    let msgs = verified_sample();
    assert_eq!(msgs.len(), 28_568, "messages");
    let mut by_type: BTreeMap<String, usize> = BTreeMap::new();
    let mut inbound_fee = 0;
    for (i, m) in msgs.iter().enumerate() {
        let j = lnkit::wire::decode_message(m).unwrap_or_else(|e| panic!("message {i}: {e}"));
        *by_type.entry(j["name"].as_str().unwrap().to_string()).or_default() += 1;
        if j.get("channel_update_tlvs").is_some_and(|t| t.get("inbound_fee").is_some()) {
            assert_eq!(m.len(), 150, "message {i}: update with inbound fee");
            inbound_fee += 1;
        }
        // decode → encode is byte-exact, so the signed bytes survive
        assert_eq!(&lnkit::wire::encode_message(&j).unwrap(), m, "message {i}: round trip");
    }
    assert_eq!(by_type["channel_announcement"], 27);
    assert_eq!(by_type["node_announcement"], 2_251);
    assert_eq!(by_type["channel_update"], 26_290);
    // The README says 10,299, but its own breakdown (9,956 all-zero + 267 negative) and the
    // file hold 10,223 150-byte updates, each with the TLV.
    assert_eq!(inbound_fee, 10_223, "updates with lnd's inbound-fee TLV 55555");
    let signers = signers();
    assert_eq!(signers.0.len(), 14_177, "signer rows");
    let refs: Vec<&[u8]> = msgs.iter().map(Vec::as_slice).collect();
    let r = verify_batch(&refs, Some(signers), 2, &|_| {});
    assert!(r.all_ok(), "failures: {:?}", &r.failures[..r.failures.len().min(5)]);
    assert_eq!(r.duplicates, 0);
    assert_eq!(r.channel_announcement.ok, 27);
    assert_eq!(r.node_announcement.ok, 2_251);
    assert_eq!(r.channel_update.ok, 26_290);
    assert_eq!(r.updates_without_signer, 0);
    assert_eq!(r.updates_via_announcement + r.updates_via_signers, 26_290);
    assert!(r.updates_via_announcement > 0 && r.updates_via_signers > 0);
    assert_eq!(r.signatures_checked, 27 * 4 + 2_251 + 26_290);
}

#[test]
fn channel_update_with_one_flipped_byte_fails() {
    let msgs = verified_sample();
    let signers = signers();
    let upd = msgs.iter().find(|m| m[..2] == [1, 2]).unwrap().clone();
    let mut n = 0;
    // flip a byte in the signature, in the chain hash, the timestamp, the fees and the end
    for pos in [10, 70, 106, 120, upd.len() - 1] {
        let mut bad = upd.clone();
        bad[pos] ^= 0x01;
        let r = verify_batch(&[&bad], Some(signers), 1, &|_| {});
        // a flip in the scid or direction may leave no signer; everything else must fail
        assert!(!r.all_ok() || r.updates_without_signer == 1, "flip at {pos} passed");
        n += 1;
    }
    assert_eq!(n, 5);
    let good = verify_batch(&[&upd], Some(signers), 1, &|_| {});
    assert!(good.all_ok() && good.channel_update.ok == 1);
}

#[test]
fn lnresearch_gsp_raw_2025_damaged_captures_resync() {
    let raw = std::fs::read(data_path("lnresearch-gsp-raw-2025.tar.xz")).unwrap();
    let mut tarbytes = Vec::new();
    lzma_rs::xz_decompress(&mut raw.as_slice(), &mut tarbytes).unwrap();
    let mut ar = tar::Archive::new(tarbytes.as_slice());
    let damaged =
        ["gossip-202511171431.gsp", "gossip-202511171700-temp.gsp", "gossip-202511180854.gsp"];
    let (mut files, mut total, mut skipped) = (0, 0, 0);
    let mut unique = HashSet::new();
    for e in ar.entries().unwrap() {
        let mut e = e.unwrap();
        let name = e.path().unwrap().file_name().unwrap().to_string_lossy().into_owned();
        if std::path::Path::new(&name).extension().is_none_or(|x| x != "gsp") {
            continue;
        }
        let mut data = Vec::new();
        e.read_to_end(&mut data).unwrap();
        let (recs, resyncs) = read_all(&data, Format::Gsp);
        let is_damaged = damaged.contains(&name.as_str());
        assert_eq!(!resyncs.is_empty(), is_damaged, "{name}: resync events {resyncs:?}");
        for (off, n) in &resyncs {
            assert!(off + n <= data.len() as u64, "{name}: resync past the end");
        }
        // the last record ends the file: read to the end
        if let Some((off, m)) = recs.last() {
            assert!(off + m.len() as u64 <= data.len() as u64);
        }
        for (_, m) in &recs {
            unique.insert(m.clone());
        }
        skipped += resyncs.iter().map(|r| r.1).sum::<u64>();
        total += recs.len();
        files += 1;
    }
    assert_eq!(files, 11);
    assert_eq!(total, 29_333, "framed records");
    assert_eq!(unique.len(), 28_813, "unique records");
    assert!(skipped > 0);
}

pub fn snapshot(name: &str) -> Snapshot {
    let f = std::fs::File::open(data_path(name)).unwrap();
    Snapshot::read_gzip(std::io::BufReader::new(f)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn node_map_lines(name: &str) -> usize {
    String::from_utf8(xz(name)).unwrap().lines().filter(|l| !l.is_empty()).count()
}

#[test]
fn gossip_store_gossmap_compressv1_snapshots_parse() {
    for (file, map, channels, nodes, btc_tenths, disabled) in [
        (
            "gossip-store-2026-02-03.compressed",
            "gossip-store-2026-02-03-node-map.xz",
            50_808,
            17_324,
            53_617,
            Some(35_806),
        ),
        (
            "gossip-store-2024-09-22.compressed",
            "gossip-store-2024-09-22-node-map.xz",
            59_428,
            18_212,
            53_689,
            Some(12_190),
        ),
    ] {
        let s = snapshot(file);
        assert_eq!(s.channels.len(), channels, "{file}: channels");
        assert_eq!(s.node_count, nodes, "{file}: nodes");
        assert_eq!(node_map_lines(map), nodes as usize, "{map}: lines");
        // README: 5,361.7 / 5,368.9 BTC
        assert_eq!((s.capacity_sat() + 5_000_000) / 10_000_000, btc_tenths, "{file}: capacity");
        if let Some(d) = disabled {
            assert_eq!(s.disabled_halves(), d, "{file}: disabled half-channels");
        }
    }
}
