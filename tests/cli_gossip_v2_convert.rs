//! `ln-gossip v2 convert` on the mainnet sample (`mainnet-gossip-2025-verified.gsp.xz`): the
//! v2 messages decode, every signature verifies with `ln-gossip v2 verify`, and the byte report
//! is recomputed here from the v1 sample and the written v2 file.

use std::collections::HashMap;
use std::path::PathBuf;

use lnkit::gossip::stream::Format;
use serde_json::Value;

use crate::gossip_data::{data_path, read_all, verified_sample};
use crate::support::cli;

fn tmp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("lnkit-cli-v2conv-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

fn be16(b: &[u8]) -> usize {
    usize::from(u16::from_be_bytes([b[0], b[1]]))
}

/// v1 bytes of what a converter must keep: the first announcement per scid, the latest
/// update per direction of announced channels, the latest node announcement per node (first
/// one on equal timestamps). Returns (channels, [ann, upd, node] as (count, bytes)).
fn v1_expected() -> (usize, [(usize, u64); 3]) {
    let mut anns: HashMap<Vec<u8>, usize> = HashMap::new();
    let mut upds: HashMap<(Vec<u8>, u8), (u32, usize)> = HashMap::new();
    let mut nodes: HashMap<Vec<u8>, (u32, usize)> = HashMap::new();
    for m in verified_sample() {
        match be16(m) {
            256 => {
                let f = be16(&m[258..]);
                let scid = m[260 + f + 32..260 + f + 40].to_vec();
                anns.entry(scid).or_insert(m.len());
            }
            257 => {
                let f = be16(&m[66..]);
                let ts = u32::from_be_bytes(m[68 + f..72 + f].try_into().unwrap());
                let id = m[72 + f..105 + f].to_vec();
                let e = nodes.entry(id).or_insert((ts, m.len()));
                if ts > e.0 {
                    *e = (ts, m.len());
                }
            }
            258 => {
                let scid = m[98..106].to_vec();
                let ts = u32::from_be_bytes(m[106..110].try_into().unwrap());
                let dir = m[111] & 1;
                let e = upds.entry((scid, dir)).or_insert((ts, m.len()));
                if ts > e.0 {
                    *e = (ts, m.len());
                }
            }
            t => panic!("unexpected type {t} in the sample"),
        }
    }
    let ann = (anns.len(), anns.values().map(|&l| l as u64).sum());
    let kept: Vec<usize> =
        upds.iter().filter(|((s, _), _)| anns.contains_key(s)).map(|(_, (_, l))| *l).collect();
    let upd = (kept.len(), kept.iter().map(|&l| l as u64).sum());
    let node = (nodes.len(), nodes.values().map(|(_, l)| *l as u64).sum());
    (anns.len(), [ann, upd, node])
}

fn per_channel(bytes: u64, channels: usize) -> f64 {
    (bytes as f64 / channels as f64 * 100.0).round() / 100.0
}

#[test]
fn v2_convert_mainnet_sample_decodes_verifies_and_reports_bytes() {
    let sample = data_path("mainnet-gossip-2025-verified.gsp.xz");
    let out = tmp("sample-v2.gsp");
    let o = cli("ln-gossip")
        .args(["v2", "convert", sample.to_str().unwrap(), "--sign", "--out"])
        .arg(&out)
        .run();
    o.code(0);
    assert!(o.stderr.is_empty(), "no progress bar in a pipe: {:?}", o.stderr);
    let report = o.json();
    // Every v2 message verifies (announcements under the 4-of-4 MuSig2 key).
    let verified = cli("ln-gossip").args(["v2", "verify", "--file"]).arg(&out).run();
    verified.code(0);
    let vj = verified.json();
    assert_eq!(vj["valid"], true, "{vj}");
    // ... and decodes as a stream with no damaged record.
    let dec = cli("ln-gossip").args(["decode"]).arg(&out).run();
    dec.code(0);
    let decoded: Vec<Value> =
        dec.stdout.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert!(decoded.iter().all(|m| m.get("error").is_none()), "a record failed to decode");
    // The byte report, recomputed: v1 from the sample, v2 from the written file.
    let (channels, v1) = v1_expected();
    assert_eq!(channels, 27, "README: 27 channel_announcements");
    let (recs, resyncs) = read_all(&std::fs::read(&out).unwrap(), Format::Gsp);
    assert!(resyncs.is_empty());
    assert_eq!(recs.len(), decoded.len());
    let mut v2: HashMap<u16, (usize, u64)> = HashMap::new();
    for (_, m) in &recs {
        let e = v2.entry(be16(m) as u16).or_default();
        e.0 += 1;
        e.1 += m.len() as u64;
    }
    assert_eq!(report["channels"], channels);
    let kinds =
        [("channel_announcement", 267u16), ("channel_update", 271), ("node_announcement", 269)];
    let (mut t1, mut t2) = (0u64, 0u64);
    for ((name, ty), (count, v1_bytes)) in kinds.iter().zip(v1) {
        let b = &report["bytes"][name];
        let (c2, v2_bytes) = v2[ty];
        assert_eq!((b["count"].as_u64(), c2), (Some(count as u64), count), "{name} count");
        assert_eq!(b["v1_bytes"].as_u64(), Some(v1_bytes), "{name} v1 bytes");
        assert_eq!(b["v2_bytes"].as_u64(), Some(v2_bytes), "{name} v2 bytes");
        assert_eq!(b["v1_per_channel"].as_f64(), Some(per_channel(v1_bytes, channels)), "{name}");
        assert_eq!(b["v2_per_channel"].as_f64(), Some(per_channel(v2_bytes, channels)), "{name}");
        assert_eq!(vj["messages"][format!("{name}_2")]["ok"].as_u64(), Some(count as u64));
        t1 += v1_bytes;
        t2 += v2_bytes;
    }
    assert_eq!(report["bytes"]["total"]["v1_bytes"].as_u64(), Some(t1));
    assert_eq!(report["bytes"]["total"]["v2_bytes"].as_u64(), Some(t2));
    assert_eq!(report["output"]["bytes"].as_u64(), Some(std::fs::metadata(&out).unwrap().len()));
    // A v2 channel_announcement_2 is 228 bytes: 4 points, scid, capacity, signature.
    assert_eq!(report["bytes"]["channel_announcement"]["v2_per_message"], 228.0);
}

#[test]
fn v2_convert_jsonl_unsigned_and_single_message_verify() {
    let sample = data_path("mainnet-gossip-2025-verified.gsp.xz");
    let out = tmp("sample-v2.jsonl");
    let o = cli("ln-gossip")
        .args(["v2", "convert", sample.to_str().unwrap(), "--threads", "1", "--sign", "--out"])
        .arg(&out)
        .run();
    o.code(0);
    let signed = o.json();
    assert_eq!(signed["output"]["format"], "jsonl");
    let lines: Vec<Value> = std::fs::read_to_string(&out)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len() as u64, signed["bytes"]["total"]["count"].as_u64().unwrap());
    // One update signed by node_id_2 (second_peer) verifies against its announcement.
    let upd = lines
        .iter()
        .find(|l| l["name"] == "channel_update_2" && l["tlvs"].get("second_peer").is_some())
        .expect("a second_peer update");
    let scid = &upd["tlvs"]["short_channel_id"];
    let ann = lines
        .iter()
        .find(|l| l["name"] == "channel_announcement_2" && &l["tlvs"]["short_channel_id"] == scid)
        .unwrap();
    let v = cli("ln-gossip")
        .args(["v2", "verify", upd["hex"].as_str().unwrap(), "--announcement"])
        .arg(ann["hex"].as_str().unwrap())
        .run();
    v.code(0);
    assert_eq!(v.json()["key_derivation"], "node_id_2");
    let v = cli("ln-gossip").args(["v2", "verify", ann["hex"].as_str().unwrap()]).run();
    v.code(0);
    assert!(v.json()["key_derivation"].as_str().unwrap().starts_with("musig2 4-of-4"));
    // Unsigned: the same sizes, but nothing verifies.
    let bare = tmp("sample-v2-unsigned.be16");
    let o = cli("ln-gossip")
        .args(["v2", "convert", sample.to_str().unwrap(), "--out-format", "be16", "--out"])
        .arg(&bare)
        .run();
    o.code(0);
    let unsigned = o.json();
    assert_eq!(unsigned["signed"], false);
    assert_eq!(unsigned["bytes"], signed["bytes"], "zero signature records keep the sizes");
    let v = cli("ln-gossip").args(["v2", "verify", "--file"]).arg(&bare).run();
    v.code(1);
    assert_eq!(v.json()["valid"], false);
}
