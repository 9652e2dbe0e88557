//! `ln-gossip feasibility`: the golden numbers of notes spec-protocol.md §6.2 "[calc]" through
//! the CLI (edge list inline, in a file, JSON), wealth/payment checks with their witnesses and
//! cuts recomputed here, the what-ifs against counts derived by hand, and real gossip (the
//! mainnet sample and the 2026 GOSSMAP snapshot) as input.

use std::collections::{BTreeSet, HashMap};
use std::path::PathBuf;

use serde_json::Value;

use crate::gossip_data::{data_path, verified_sample};
use crate::support::cli;

const TRIANGLE: &str = "0-1:3 0-2:7 2-1:11";
const CHAIN: &str = "0-1:10 1-2:11";

fn tmp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("lnkit-cli-feas-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

fn feas(args: &[&str]) -> Value {
    let o = cli("ln-gossip").arg("feasibility").args(args).run();
    o.code(0);
    assert!(o.stderr.is_empty(), "{args:?}: stderr {:?}", o.stderr);
    o.json()
}

fn pct(v: &Value) -> String {
    format!("{:.2}", v["probability"].as_f64().unwrap() * 100.0)
}

fn counts(v: &Value) -> (u64, u64) {
    (v["count"].as_u64().unwrap(), v["total"].as_u64().unwrap())
}

#[test]
fn golden_triangle_and_chain() {
    let file = tmp("triangle.txt");
    std::fs::write(&file, format!("# notes §6.2\n{TRIANGLE}\n")).unwrap();
    let json = tmp("triangle.json");
    std::fs::write(
        &json,
        r#"{"channels": [{"nodes": [0, 1], "capacity": 3}, {"nodes": [0, 2], "capacity": 7},
            {"node_1": 2, "node_2": 1, "capacity_sat": 11}]}"#,
    )
    .unwrap();
    for g in [TRIANGLE, file.to_str().unwrap(), json.to_str().unwrap()] {
        let n = feas(&["network", g]);
        assert_eq!(counts(&n["r"]), (153, 253), "{g}: |W_G| / |W(C,n)|");
        assert_eq!(pct(&n["r"]), "60.47", "{g}: r");
        assert_eq!(n["r"]["method"], "exact");
        assert_eq!(n["graph"]["total_capacity"], 21);
        for (from, to, count, want) in [("0", "1", 60, "39.22"), ("1", "2", 98, "64.05")] {
            let p = feas(&["prob", g, "--from", from, "--to", to, "--amount", "5"]);
            assert_eq!(counts(&p["feasible"]), (count, 153), "{g}: {from}→{to}");
            assert_eq!(pct(&p["feasible"]), want, "{g}: {from}→{to} amount 5");
        }
    }
    let n = feas(&["network", CHAIN]);
    assert_eq!(counts(&n["r"]), (132, 253), "chain");
    assert_eq!(pct(&n["r"]), "52.17", "chain r");
    // Stdin works too.
    let o = cli("ln-gossip").args(["feasibility", "network", "-"]).stdin(CHAIN).run();
    o.code(0);
    assert_eq!(pct(&o.json()["r"]), "52.17", "chain r from stdin");
}

#[test]
fn network_rho_and_s_follow_from_the_pair_probabilities() {
    // ρ(5) is the mean over the 6 ordered pairs of P(infeasible); S = ζ / ρ.
    let mut sum = 0.0;
    let pairs = [("0", "1"), ("1", "0"), ("0", "2"), ("2", "0"), ("1", "2"), ("2", "1")];
    for (from, to) in pairs {
        let p = feas(&["prob", TRIANGLE, "--from", from, "--to", to, "--amount", "5"]);
        sum += 1.0 - p["feasible"]["probability"].as_f64().unwrap();
    }
    let rho = sum / 6.0;
    let n = feas(&["network", TRIANGLE, "--amount", "5", "--zeta", "7"]);
    let got = n["rates"][0]["infeasible"]["probability"].as_f64().unwrap();
    assert!((got - rho).abs() < 1e-12, "ρ(5) {got} vs mean {rho}");
    let s = n["rates"][0]["supported_payments_per_second"].as_f64().unwrap();
    assert!((s - 7.0 / rho).abs() < 1e-9, "S = ζ/ρ");
}

/// Wealth per node and balances per channel from a witness; checks it realises `wealth`.
fn check_witness(graph: &[(&str, &str, u64)], witness: &Value, wealth: &HashMap<&str, u64>) {
    let mut got: HashMap<String, u64> = HashMap::new();
    let ws = witness.as_array().unwrap();
    assert_eq!(ws.len(), graph.len(), "one entry per channel");
    for (w, (a, b, cap)) in ws.iter().zip(graph) {
        let names: Vec<&str> =
            w["nodes"].as_array().unwrap().iter().map(|n| n.as_str().unwrap()).collect();
        let bal = w["balances"].as_array().unwrap_or_else(|| panic!("{w}"));
        let at = |n: &str| bal[names.iter().position(|m| *m == n).unwrap()].as_i64().unwrap();
        let (x, y) = (at(a), at(b));
        assert!(x >= 0 && y >= 0 && (x + y) as u64 == *cap, "channel {a}-{b}: {w}");
        *got.entry(a.to_string()).or_default() += x as u64;
        *got.entry(b.to_string()).or_default() += y as u64;
    }
    for (n, w) in wealth {
        assert_eq!(got.get(*n).copied().unwrap_or(0), *w, "node {n} wealth from the witness");
    }
}

#[test]
fn wealth_and_payment_checks_give_witnesses_and_cuts() {
    let graph = [("0", "1", 3), ("0", "2", 7), ("2", "1", 11)];
    let w = feas(&["wealth", TRIANGLE, "--wealth", "0=5,1=8,2=8"]);
    assert_eq!(w["feasible"], true);
    check_witness(&graph, &w["witness"], &HashMap::from([("0", 5), ("1", 8), ("2", 8)]));
    // Node 0 is in channels of 3 + 7 coins: owning 11 is impossible, the cut says so.
    let o = cli("ln-gossip").args(["feasibility", "wealth", TRIANGLE, "--wealth", "11 5 5"]).run();
    o.code(1);
    let j = o.json();
    assert_eq!(j["feasible"], false);
    assert_eq!(j["cut"]["nodes"], serde_json::json!(["0"]));
    assert_eq!(
        (j["cut"]["wealth"].as_u64(), j["cut"]["max_wealth"].as_u64()),
        (Some(11), Some(10))
    );
    // 0 → 1 from (5, 8, 8): (0, 13, 8) is feasible; the sender's 5 coins cap the amount.
    let p = feas(&[
        "payment", TRIANGLE, "--wealth", "5,8,8", "--from", "0", "--to", "1", "--amount", "5",
    ]);
    assert_eq!((p["feasible"].as_bool(), p["max_amount"].as_u64()), (Some(true), Some(5)));
    check_witness(&graph, &p["witness_after"], &HashMap::from([("0", 0), ("1", 13), ("2", 8)]));
    // 2 → 0 from (0, 3, 18): node 0 would own 11 > 3 + 7; it can receive 10 at most.
    let o = cli("ln-gossip")
        .args(["feasibility", "payment", TRIANGLE, "--wealth", "0,3,18", "--from", "2"])
        .args(["--to", "0", "--amount", "11"])
        .run();
    o.code(1);
    let j = o.json();
    assert_eq!((j["feasible"].as_bool(), j["reason"].as_str()), (Some(false), Some("cut")));
    assert_eq!(j["max_amount"], 10);
    assert_eq!(j["cut"]["nodes"], serde_json::json!(["0"]));
}

#[test]
fn what_ifs_merge_credit_add_remove() {
    // One 3-party channel of all 21 coins realises every distribution: r = 1.
    let n = feas(&["network", CHAIN, "--merge", "0-1,1-2"]);
    assert_eq!(counts(&n["r"]), (253, 253), "merged chain");
    assert_eq!(n["graph"]["channels"], 1);
    assert_eq!(n["graph"]["what_ifs"][0]["merge"], serde_json::json!(["0-1", "1-2"]));
    // Star 0-1:3, 0-2:7 (C = 10): feasible iff ω1 ≤ 3 and ω2 ≤ 7, 4 × 8 of C(12, 2) = 66.
    let n = feas(&["network", TRIANGLE, "--remove", "2-1"]);
    let (mut feasible, mut all) = (0, 0);
    for w1 in 0..=10u64 {
        for w2 in 0..=10 - w1 {
            all += 1;
            feasible += u64::from(w1 <= 3 && w2 <= 7);
        }
    }
    assert_eq!(counts(&n["r"]), (feasible, all), "triangle without 2-1");
    assert_eq!((feasible, all), (32, 66));
    // Removing then re-adding the channel gives the triangle back.
    let n = feas(&["network", TRIANGLE, "--remove", "2", "--add", "2-1:11"]);
    assert_eq!(counts(&n["r"]), (153, 253), "remove + add");
    // Credit only grows W_G; two coins of credit on 0-1 of the chain.
    let base = counts(&feas(&["network", CHAIN])["r"]).0;
    let n = feas(&["network", CHAIN, "--credit", "0-1=2"]);
    assert!(counts(&n["r"]).0 > base, "credit grows W_G: {}", n["r"]);
    assert_eq!(n["graph"]["what_ifs"][0]["credit"]["amount"], 2);
    // Bad what-ifs are one-line errors.
    for args in [
        vec!["--merge", "0-1"],
        vec!["--credit", "0-1"],
        vec!["--remove", "9-9"],
        vec!["--add", "0-7:3"],
    ] {
        let o = cli("ln-gossip").args(["feasibility", "network", CHAIN]).args(&args).run();
        assert!(o.code == 1 || o.code == 2, "{args:?}: {o:?}");
        o.one_line_error();
    }
}

#[test]
fn gossip_inputs_mainnet_sample_and_gossmap_snapshot() {
    // The sample: announced channels are the edges (capacity from htlc_maximum_msat).
    let sample = verified_sample();
    let mut nodes = BTreeSet::new();
    let mut anns = 0;
    for m in sample.iter().filter(|m| m[..2] == [1, 0]) {
        let n = usize::from(u16::from_be_bytes([m[258], m[259]]));
        let at = 260 + n + 32 + 8;
        nodes.insert(m[at..at + 33].to_vec());
        nodes.insert(m[at + 33..at + 66].to_vec());
        anns += 1;
    }
    assert_eq!(anns, 27, "README: 27 channel_announcements");
    let p = data_path("mainnet-gossip-2025-verified.gsp.xz");
    let args = ["network", p.to_str().unwrap(), "--model", "uniform_balances", "--mode", "sample"];
    let args = [&args[..], &["--samples", "300", "--amount", "100000", "--seed", "7"]].concat();
    let n = feas(&args);
    assert_eq!(n["graph"]["source"], "gossip");
    assert_eq!(n["graph"]["channels"], 27);
    assert_eq!(n["graph"]["nodes"].as_u64(), Some(nodes.len() as u64));
    assert_eq!(n["graph"]["capacity_from"]["htlc_maximum_msat"], 27);
    let rho = &n["rates"][0]["infeasible"];
    assert_eq!((rho["method"].as_str(), rho["total"].as_u64()), (Some("sampled"), Some(300)));
    let (p_, lo, hi) =
        (rho["probability"].as_f64(), rho["ci_low"].as_f64(), rho["ci_high"].as_f64());
    assert!(lo <= p_ && p_ <= hi, "{rho}");
    assert_eq!(feas(&args), n, "same seed, same numbers");
    // The 2026 snapshot: every channel, capacities from the snapshot (README: 5,361.7 BTC).
    let s = data_path("gossip-store-2026-02-03.compressed");
    let snap = crate::gossip_data::snapshot("gossip-store-2026-02-03.compressed");
    let p = feas(&[
        "prob",
        s.to_str().unwrap(),
        "--from",
        "0",
        "--to",
        "1",
        "--amount",
        "100000",
        "--model",
        "uniform_balances",
        "--samples",
        "3",
    ]);
    assert_eq!(p["graph"]["channels"].as_u64(), Some(snap.channels.len() as u64));
    assert_eq!(p["graph"]["nodes"].as_u64(), Some(snap.node_count));
    assert_eq!(p["graph"]["total_capacity"].as_u64(), Some(snap.capacity_sat()));
    assert_eq!(p["feasible"]["method"], "sampled", "far too large for exact");
    assert_eq!(p["feasible"]["total"], 3);
}

#[test]
fn gossip_capacity_default_and_unit() {
    // One announcement without updates: no capacity unless --capacity gives one.
    let ann = verified_sample().iter().find(|m| m[..2] == [1, 0]).unwrap();
    let f = tmp("one-ann.hex");
    std::fs::write(&f, format!("{}\n", hex::encode(ann))).unwrap();
    let f = f.to_str().unwrap();
    let o = cli("ln-gossip").args(["feasibility", "network", f]).run();
    o.code(1);
    o.one_line_error();
    let n = feas(&["network", f, "--capacity", "2000000", "--unit", "1000000"]);
    assert_eq!(n["graph"]["capacity_from"]["default"], 1);
    assert_eq!(n["graph"]["total_capacity"], 2, "2 units of 1,000,000 sat");
    // Two nodes, one channel of 2 coins: every one of the 3 splits is feasible.
    assert_eq!(counts(&n["r"]), (3, 3));
}
