//! ln-gossip over BOLT 7 data: single messages with signature checks, every stream format
//! (GSP, be16, hex lines, gossip_store, GOSSMAP), verify / graph / query / diff, exit codes.

use std::path::PathBuf;

use lnkit::gossip::crc32c::crc32c;
use serde_json::Value;

use crate::gossip_data::{data_path, signers, verified_sample};
use crate::support::{cli, vector_json};

fn tmp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("lnkit-cli-gossip-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

fn first_of(ty: u16, pred: impl Fn(&[u8]) -> bool) -> Vec<u8> {
    verified_sample().iter().find(|m| m[..2] == ty.to_be_bytes() && pred(m)).unwrap().clone()
}

fn lines(o: &crate::support::Output) -> Vec<Value> {
    o.stdout.lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

#[test]
fn decode_channel_update_with_inbound_fee_and_signer() {
    let upd = first_of(258, |m| m.len() == 150);
    let u = lnkit::gossip::msg::parse(&upd).unwrap();
    let lnkit::gossip::msg::Gossip::ChannelUpdate(u) = u else { panic!() };
    let signer = signers().get(u.scid, u.direction()).copied();
    let o = cli("ln-gossip").args(["decode", &hex::encode(&upd)]).run();
    o.code(0);
    let j = o.json();
    assert_eq!(j["name"], "channel_update");
    assert_eq!(j["message_flags"]["must_be_one"], true);
    assert_eq!(j["channel_flags"]["direction"], u.direction() == 1);
    assert!(j["channel_update_tlvs"]["inbound_fee"]["inbound_fee_base_msat"].is_i64());
    assert!(j.get("valid").is_none(), "no key given: nothing checked");
    if let Some(s) = signer {
        let o = cli("ln-gossip")
            .args(["decode", &hex::encode(&upd), "--node-id", &hex::encode(s)])
            .run();
        o.code(0);
        assert_eq!(o.json()["valid"]["signatures"], true);
        // another node's key fails: exit 1 with the report on stdout
        let other = first_of(257, |_| true);
        let o = cli("ln-gossip")
            .args([
                "decode",
                &hex::encode(&upd),
                "--node-id",
                &hex::encode(&other[2 + 64 + 2 + 4..2 + 64 + 2 + 4 + 33]),
            ])
            .run();
        if other[66..68] == [0, 0] {
            o.code(1);
            assert_eq!(o.json()["valid"]["signatures"], false);
        }
    }
}

#[test]
fn decode_announcements_check_their_signatures() {
    let ann = first_of(256, |_| true);
    let o = cli("ln-gossip").args(["decode", &hex::encode(&ann)]).run();
    o.code(0);
    assert_eq!(o.json()["valid"]["signatures"], true);
    let mut bad = ann.clone();
    let n = bad.len();
    bad[n - 1] ^= 1; // bitcoin_key_2's last byte: still maybe a point, signature now wrong
    let o = cli("ln-gossip").args(["decode", &hex::encode(&bad)]).run();
    o.code(1);
    let na = first_of(257, |m| m.len() > 200);
    let j = cli("ln-gossip").args(["decode", &hex::encode(&na)]).run();
    j.code(0);
    let j = j.json();
    assert_eq!(j["valid"]["signatures"], true);
    assert!(j["addresses"].as_array().unwrap().iter().all(|a| a["type"].is_string()));
}

/// A file of the sample's first `n` messages in each binary framing.
fn framed(n: usize, how: &str) -> Vec<u8> {
    let mut out = match how {
        "gsp" => b"GSP\x01".to_vec(),
        "gossip_store" => vec![0x0e],
        _ => vec![],
    };
    for (i, m) in verified_sample().iter().take(n).enumerate() {
        match how {
            "gsp" => {
                if m.len() < 0xfd {
                    out.push(m.len() as u8);
                } else {
                    out.push(0xfd);
                    out.extend_from_slice(&(m.len() as u16).to_be_bytes());
                }
            }
            "be16" => out.extend_from_slice(&(m.len() as u16).to_be_bytes()),
            "gossip_store" => {
                let ts = 1_700_000_000 + i as u32;
                out.extend_from_slice(&0u16.to_be_bytes());
                out.extend_from_slice(&(m.len() as u16).to_be_bytes());
                out.extend_from_slice(&crc32c(ts, m).to_be_bytes());
                out.extend_from_slice(&ts.to_be_bytes());
            }
            _ => unreachable!(),
        }
        out.extend_from_slice(m);
    }
    out
}

#[test]
fn decode_every_stream_format() {
    let n = 40;
    for how in ["gsp", "be16", "gossip_store"] {
        let p = tmp(&format!("sample.{how}"));
        std::fs::write(&p, framed(n, how)).unwrap();
        for fmt in ["auto", how] {
            let o = cli("ln-gossip").args(["decode", p.to_str().unwrap(), "--format", fmt]).run();
            o.code(0);
            let l = lines(&o);
            assert_eq!(l.len(), n, "{how} --format {fmt}");
            assert!(l.iter().all(|j| j["name"] == "channel_announcement" || j["name"].is_string()));
            if how == "gossip_store" {
                assert_eq!(l[3]["store_timestamp"], 1_700_000_003);
            }
        }
    }
    // hex lines, with a comment and a bad line: a resync event and exit 1
    let mut text = String::from("# sample\n");
    for m in verified_sample().iter().take(5) {
        text.push_str(&hex::encode(m));
        text.push('\n');
    }
    text.push_str("zz-not-hex\n");
    let o = cli("ln-gossip").args(["decode", "-"]).stdin(text).run();
    o.code(1);
    let l = lines(&o);
    assert_eq!(l.len(), 6);
    assert!(l[5]["resync"]["offset"].as_u64().unwrap() > 0);
    // a damaged gossip_store record (bad crc) is skipped with its offset, the rest is read
    let mut store = framed(10, "gossip_store");
    store[1 + 12 + 5] ^= 0xff; // inside the first message
    let p = tmp("damaged.gossip_store");
    std::fs::write(&p, store).unwrap();
    let o = cli("ln-gossip").args(["decode", p.to_str().unwrap()]).run();
    o.code(1);
    let l = lines(&o);
    assert_eq!(l[0]["resync"]["offset"], 1);
    assert_eq!(l.iter().filter(|j| j.get("name").is_some()).count(), 9);
}

#[test]
fn decode_damaged_capture_reports_resyncs_and_reads_to_the_end() {
    let raw = std::fs::read(data_path("lnresearch-gsp-raw-2025.tar.xz")).unwrap();
    let mut tarbytes = Vec::new();
    lzma_rs::xz_decompress(&mut raw.as_slice(), &mut tarbytes).unwrap();
    let mut ar = tar::Archive::new(tarbytes.as_slice());
    let mut e = ar
        .entries()
        .unwrap()
        .map(Result::unwrap)
        .find(|e| e.path().unwrap().ends_with("gossip-202511180854.gsp"))
        .unwrap();
    let p = tmp("gossip-202511180854.gsp");
    e.unpack(&p).unwrap();
    let o = cli("ln-gossip").args(["decode", p.to_str().unwrap()]).run();
    o.code(1);
    let l = lines(&o);
    let resyncs: Vec<&Value> = l.iter().filter(|j| j.get("resync").is_some()).collect();
    assert!(!resyncs.is_empty());
    assert!(resyncs.iter().all(|r| r["resync"]["offset"].as_u64().unwrap() > 4));
    let records = l.len() - resyncs.len();
    assert_eq!(records, 2_043, "records in gossip-202511180854.gsp");
    assert!(o.stderr.is_empty(), "{}", o.stderr);
}

#[test]
fn verify_sample_with_signers() {
    let gsp = data_path("mainnet-gossip-2025-verified.gsp.xz");
    let csv = data_path("mainnet-gossip-2025-update-signers.csv.xz");
    let o = cli("ln-gossip")
        .args([
            "verify",
            gsp.to_str().unwrap(),
            "--signers",
            csv.to_str().unwrap(),
            "--threads",
            "2",
        ])
        .run();
    o.code(0);
    let j = o.json();
    assert_eq!(j["valid"], true);
    assert_eq!(j["messages"], 28_568);
    assert_eq!(j["channel_update"]["ok"], 26_290);
    assert_eq!(j["node_announcement"]["ok"], 2_251);
    assert_eq!(j["channel_announcement"]["ok"], 27);
    // duplicated and flipped: dedup counts the copy, the flipped update fails, exit 1
    let sample = verified_sample();
    let mut msgs: Vec<Vec<u8>> = sample.iter().take(100).cloned().collect();
    msgs.extend(sample.iter().filter(|m| m[..2] == [1, 2]).take(100).cloned());
    msgs.push(msgs[0].clone());
    let k = msgs.iter().position(|m| m[..2] == [1, 2]).unwrap();
    let last = msgs[k].len() - 1;
    msgs[k][last] ^= 1;
    let mut text = String::new();
    for m in &msgs {
        text.push_str(&hex::encode(m));
        text.push('\n');
    }
    let p = tmp("flipped.hex");
    std::fs::write(&p, text).unwrap();
    let o = cli("ln-gossip")
        .args(["verify", p.to_str().unwrap(), "--signers", csv.to_str().unwrap()])
        .run();
    o.code(1);
    let j = o.json();
    assert_eq!(j["duplicates"], 1);
    assert_eq!(j["channel_update"]["failed"], 1);
    assert_eq!(j["failures"][0]["index"], k);
}

#[test]
fn graph_of_gossmap_snapshot_and_formats() {
    let s = data_path("gossip-store-2026-02-03.compressed");
    let o = cli("ln-gossip").args(["graph", s.to_str().unwrap(), "--now", "1770076800"]).run();
    o.code(0);
    let j = o.json();
    assert_eq!(j["nodes"], 17_324);
    assert_eq!(j["channels"], 50_808);
    assert_eq!(j["half_channels"]["disabled"], 35_806);
    assert_eq!(j["degree"]["max"], 1_989);
    assert_eq!(j["capacity_sat"].as_u64().unwrap() / 100_000_000, 5_361);
    // the sample: 27 announced channels as edges
    let gsp = data_path("mainnet-gossip-2025-verified.gsp.xz");
    for (fmt, edge) in [("graphml", "<edge "), ("dot", " -- ")] {
        let o = cli("ln-gossip")
            .args(["graph", gsp.to_str().unwrap(), "--format", fmt, "--now", "1763500000"])
            .run();
        o.code(0);
        assert_eq!(o.stdout.matches(edge).count(), 27, "{fmt}");
    }
    let o = cli("ln-gossip")
        .args(["graph", gsp.to_str().unwrap(), "--format", "json", "--now", "1763500000"])
        .run();
    o.code(0);
    assert_eq!(o.json()["channels"].as_array().unwrap().len(), 12_052, "SCIDs in the sample");
    // --at: before the sample's first update, only announcements remain
    let o = cli("ln-gossip").args(["graph", gsp.to_str().unwrap(), "--at", "1700000000"]).run();
    o.code(0);
    let j = o.json();
    assert_eq!(j["half_channels"]["with_update"], 0);
    assert_eq!(j["announced_channels"], 27);
    assert_eq!(j["after_at_messages"], 28_568 - 27);
}

const REGTEST_DISPLAY: &str = "0f9188f13cb7b2c71f2a335e3a4fc328bf5beb436012afca590b1a11466e2206";

#[test]
fn query_encode_matches_extended_queries_vectors() {
    let vectors = vector_json("bolts/bolt07/extended-queries.json");
    let o = cli("ln-gossip")
        // The vectors' chain_hash is regtest's genesis hash in display order, not BOLT's wire
        // order (06226e46...), so it is given explicitly.
        .args(["query", "encode", "query_channel_range", "--chain-hash", REGTEST_DISPLAY])
        .args(["--first-block", "35000", "--blocks", "100", "--timestamps", "--checksums"])
        .run();
    o.code(0);
    assert_eq!(o.stdout.trim(), vectors[1]["hex"].as_str().unwrap());
    let o = cli("ln-gossip")
        .args(["query", "encode", "query_short_channel_ids", "--chain-hash", REGTEST_DISPLAY])
        .args(["--scids", "0x0x142,0x0x15465,0x69x42692"])
        .run();
    o.code(0);
    assert_eq!(o.stdout.trim(), vectors[6]["hex"].as_str().unwrap());
    let mut n = 0;
    for case in vectors.as_array().unwrap() {
        let hex = case["hex"].as_str().unwrap();
        let d = cli("ln-gossip").args(["query", "decode", hex]).run();
        d.code(0);
        let json = d.stdout.clone();
        let e = cli("ln-gossip").args(["query", "encode", &json]).run();
        e.code(0);
        assert_eq!(e.stdout.trim(), hex, "round trip through the CLI");
        n += 1;
    }
    assert_eq!(n, 10);
    // not a query
    let o = cli("ln-gossip").args(["query", "decode", "00120000"]).run();
    o.code(1).one_line_error();
    let o = cli("ln-gossip").args(["query", "encode", "no_such_query"]).run();
    o.code(2);
}

#[test]
fn diff_finds_missing_fresher_and_resurrectable() {
    // A: the sample; B: its announcements + updates older than a cut, so A is fresher.
    let cut = 1_762_000_000u32;
    let mut older = Vec::new();
    for m in verified_sample() {
        let keep = match lnkit::gossip::msg::parse(m).unwrap() {
            lnkit::gossip::msg::Gossip::ChannelUpdate(u) => u.timestamp < cut,
            _ => true,
        };
        if keep {
            older.push(hex::encode(m));
        }
    }
    let pb = tmp("older.hex");
    std::fs::write(&pb, older.join("\n")).unwrap();
    let a = data_path("mainnet-gossip-2025-verified.gsp.xz");
    let now = u64::from(cut) + 1_209_600 + 86_400; // B's updates are all stale now
    let o = cli("ln-gossip")
        .args(["diff", a.to_str().unwrap(), pb.to_str().unwrap(), "--now", &now.to_string()])
        .run();
    o.code(0);
    let j = o.json();
    let s = &j["summary"];
    assert_eq!(s["fresher_in_b"], 0);
    assert!(s["fresher_in_a"].as_u64().unwrap() > 0);
    assert!(s["zombies_in_b_a_resurrects"].as_u64().unwrap() > 0);
    assert_eq!(s["zombies_in_a_b_resurrects"], 0);
    assert_eq!(s["only_in_b"], 0);
}

#[test]
fn progress_bars_never_in_pipes_and_on_a_terminal() {
    // Pipes: every long read succeeds with nothing on stderr.
    let sample = data_path("mainnet-gossip-2025-verified.gsp.xz");
    let signers = data_path("mainnet-gossip-2025-update-signers.csv.xz");
    let snap = data_path("gossip-store-2026-02-03.compressed");
    let (sample, signers, snap) =
        (sample.to_str().unwrap(), signers.to_str().unwrap(), snap.to_str().unwrap());
    let runs: [&[&str]; 5] = [
        &["decode", sample],
        &["verify", sample, "--signers", signers],
        &["graph", snap],
        &["graph", sample, "--now", "1763500000"],
        &["feasibility", "network", sample, "--model", "uniform_balances", "--samples", "20"],
    ];
    for args in runs {
        let o = cli("ln-gossip").args(args).run();
        o.code(0);
        assert!(o.stderr.is_empty(), "{args:?} wrote to stderr in a pipe: {:?}", o.stderr);
    }
    // A terminal (a pty from util-linux `script`): the bar is drawn on stderr.
    let bin = env!("CARGO_BIN_EXE_ln-gossip");
    let cmd = format!("{bin} verify {sample} --signers {signers} > /dev/null");
    let out = std::process::Command::new("script")
        .args(["-qec", &cmd, "/dev/null"])
        .output()
        .expect("util-linux `script` runs the terminal case");
    let tty = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{tty}");
    assert!(
        tty.contains("unpacking") && tty.contains("MiB"),
        "no progress bar on a terminal: {:?}",
        tty.chars().take(300).collect::<String>()
    );
}
