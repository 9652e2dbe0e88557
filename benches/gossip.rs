//! Gossip benchmark (`cargo bench --bench gossip`): prints figures, asserts nothing about time.
//!
//! 1. the ECDSA-verify floor: a tight libsecp256k1 verify loop over pre-parsed keys/signatures;
//! 2. `verify_batch` over the 28,568-message mainnet sample, 1 and 2 threads;
//! 3. a full-size graph made from the 2026 GOSSMAP snapshot (signed with deterministic keys):
//!    signing, verifying, loading the graph, RSS, and reloading from GSP bytes.
//!
//! Data comes from `../shared/research-data` (or `$LNKIT_SHARED/research-data`).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::print_stdout,
    clippy::many_single_char_names
)]

use std::path::PathBuf;
use std::time::Instant;

use bitcoin::secp256k1::{ecdsa, Message, PublicKey, Secp256k1};
use lnkit::gossip::gossmap::Snapshot;
use lnkit::gossip::graph::Graph;
use lnkit::gossip::stream::{Event, Format, GossipReader};
use lnkit::gossip::verify::{verify_batch, Signers};

fn data(name: &str) -> PathBuf {
    let shared = std::env::var_os("LNKIT_SHARED")
        .map_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared"), PathBuf::from);
    shared.join("research-data").join(name)
}

fn xz(name: &str) -> Vec<u8> {
    let f = std::fs::File::open(data(name)).expect("research-data present");
    let mut out = Vec::new();
    lzma_rs::xz_decompress(&mut std::io::BufReader::new(f), &mut out).unwrap();
    out
}

fn messages(bytes: &[u8]) -> Vec<Vec<u8>> {
    GossipReader::new(bytes, Format::Gsp)
        .filter_map(|e| match e.unwrap() {
            Event::Record(r) => Some(r.msg),
            _ => None,
        })
        .collect()
}

fn rss_kib(field: &str) -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with(field))
                .and_then(|l| l.split_whitespace().nth(1).and_then(|n| n.parse().ok()))
        })
        .unwrap_or(0)
}

fn gsp(msgs: &[Vec<u8>]) -> Vec<u8> {
    let mut out = b"GSP\x01".to_vec();
    for m in msgs {
        if m.len() < 0xfd {
            out.push(m.len() as u8);
        } else {
            out.push(0xfd);
            out.extend_from_slice(&(m.len() as u16).to_be_bytes());
        }
        out.extend_from_slice(m);
    }
    out
}

fn main() {
    println!(
        "gossip benchmark ({} cores available)",
        std::thread::available_parallelism().map_or(1, usize::from)
    );

    // 1. floor: node_announcements of the sample, parsed once, verified in a tight loop.
    let sample = messages(&xz("mainnet-gossip-2025-verified.gsp.xz"));
    let secp = Secp256k1::verification_only();
    let prepared: Vec<(Message, ecdsa::Signature, PublicKey)> = sample
        .iter()
        .filter(|m| m[..2] == [1, 1])
        .take(2000)
        .map(|m| {
            let h = lnkit::gossip::msg::signed_hash(m).unwrap();
            let sig = ecdsa::Signature::from_compact(&m[2..66]).unwrap();
            let n = usize::from(u16::from_be_bytes([m[66], m[67]]));
            let key = PublicKey::from_slice(&m[68 + n + 4..68 + n + 4 + 33]).unwrap();
            (Message::from_digest(h), sig, key)
        })
        .collect();
    let rounds = 5;
    let t = Instant::now();
    for _ in 0..rounds {
        for (m, s, k) in &prepared {
            secp.verify_ecdsa(m, s, k).unwrap();
        }
    }
    let floor = t.elapsed().as_secs_f64() / (rounds * prepared.len()) as f64;
    println!(
        "ecdsa verify floor: {:.1} us/verify = {:.0} verifies/s/core ({} sigs x {rounds})",
        floor * 1e6,
        1.0 / floor,
        prepared.len()
    );

    // 2. our verify over the real sample.
    let text = String::from_utf8(xz("mainnet-gossip-2025-update-signers.csv.xz")).unwrap();
    let signers = Signers::parse_csv(&text).unwrap();
    let refs: Vec<&[u8]> = sample.iter().map(Vec::as_slice).collect();
    for threads in [1, 2] {
        let t = Instant::now();
        let r = verify_batch(&refs, Some(&signers), threads, &|_| {});
        let s = t.elapsed().as_secs_f64();
        assert!(r.all_ok());
        println!(
            "verify sample, {threads} thread(s): {} msgs, {} sigs in {:.3} s = {:.0} msgs/s, {:.0} sigs/s ({:.2}x floor per core)",
            r.messages,
            r.signatures_checked,
            s,
            r.messages as f64 / s,
            r.signatures_checked as f64 / s,
            (r.signatures_checked as f64 / s) / (threads as f64 / floor)
        );
    }

    // 3. full-size graph from the 2026 snapshot.
    let f = std::fs::File::open(data("gossip-store-2026-02-03.compressed")).unwrap();
    let t = Instant::now();
    let snap = Snapshot::read_gzip(std::io::BufReader::new(f)).unwrap();
    println!(
        "gossmap 2026 parse: {} channels, {} nodes in {:.3} s",
        snap.channels.len(),
        snap.node_count,
        t.elapsed().as_secs_f64()
    );
    let t = Instant::now();
    let n = snap.channels.len();
    let half = n / 2;
    let full: Vec<Vec<u8>> = std::thread::scope(|s| {
        let a = s.spawn(|| snap.to_gossip(0..half, 1_770_000_000).unwrap());
        let b = s.spawn(|| snap.to_gossip(half..n, 1_770_000_000).unwrap());
        let mut v = a.join().unwrap();
        v.extend(b.join().unwrap());
        v
    });
    let bytes: usize = full.iter().map(Vec::len).sum();
    println!(
        "synthesise + sign (2 threads): {} messages, {:.1} MB in {:.2} s",
        full.len(),
        bytes as f64 / 1e6,
        t.elapsed().as_secs_f64()
    );
    let refs: Vec<&[u8]> = full.iter().map(Vec::as_slice).collect();
    for threads in [1, 2] {
        let t = Instant::now();
        let r = verify_batch(&refs, None, threads, &|_| {});
        let s = t.elapsed().as_secs_f64();
        assert!(r.all_ok(), "{:?}", r.failures.first());
        println!(
            "verify full graph, {threads} thread(s): {} msgs, {} sigs in {:.2} s = {:.0} sigs/s",
            r.messages,
            r.signatures_checked,
            s,
            r.signatures_checked as f64 / s
        );
    }
    let before = rss_kib("VmRSS:");
    let t = Instant::now();
    let mut g = Graph::new(None);
    for m in &full {
        g.add(m);
    }
    let load = t.elapsed().as_secs_f64();
    println!(
        "graph load from messages: {} channels in {:.3} s; RSS {} MiB (+{} MiB for the graph), peak {} MiB",
        g.channels.len(),
        load,
        rss_kib("VmRSS:") / 1024,
        rss_kib("VmRSS:").saturating_sub(before) / 1024,
        rss_kib("VmHWM:") / 1024
    );
    let file = gsp(&full);
    drop(g);
    let t = Instant::now();
    let mut g = Graph::new(None);
    for e in GossipReader::new(file.as_slice(), Format::Gsp) {
        if let Event::Record(r) = e.unwrap() {
            g.add(&r.msg);
        }
    }
    println!(
        "reload: read {:.1} MB of GSP and rebuild the graph ({} channels) in {:.3} s",
        file.len() as f64 / 1e6,
        g.channels.len(),
        t.elapsed().as_secs_f64()
    );
    for (i, c) in snap.channels.iter().enumerate() {
        g.set_capacity(lnkit::gossip::gossmap::synthetic_scid(i as u64), c.capacity_sat);
    }
    let st = g.stats(1_770_000_000);
    println!(
        "graph stats: nodes {}, channels {}, capacity {} sat",
        st["nodes"], st["channels"], st["capacity_sat"]
    );
}
