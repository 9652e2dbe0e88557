//! `ln-ptlc sim` and `sim explore` (src/ptlc/sim): message sizes against the BOLT 2 / PR #867
//! field lists, the PTLC round trips of the analysis in notes/spec-protocol.md §1.5, the isolated
//! HTLC update of BOLT 2's diagram, determinism, replay after disconnects, the explorer's bad
//! states, and malformed configurations.

use lnkit::ptlc::sim::explore::{self, ExploreConfig};
use lnkit::ptlc::sim::msg::{self, Msg};
use lnkit::ptlc::sim::rng::Rng;
use lnkit::ptlc::sim::variants::{self, Variant};
use lnkit::ptlc::sim::{self, SimConfig};
use serde_json::{json, Value};

use crate::support::{cli, shared_dir};

/// Byte size of a BOLT field type as the spec's "Fundamental Types" define it.
fn field_size(ty: &str, n: usize) -> usize {
    match ty {
        "channel_id" | "sha256" => 32,
        "u64" => 8,
        "u32" => 4,
        "u16" => 2,
        "signature" => 64,
        "point" => 33,
        "num_htlcs*signature" => 64 * n,
        t => {
            let (count, unit) = t.split_once('*').unwrap_or_else(|| panic!("field type {t}"));
            assert_eq!(unit, "byte", "field type {t}");
            count.parse().unwrap()
        }
    }
}

/// `(type, name, field types)` of every message defined in a spec file, from its
/// `1. type: N (`name`)` / `2. data:` / `* [`type`:`field`]` lists (TLV streams excluded).
fn spec_messages(rel: &str) -> Vec<(u16, String, Vec<String>)> {
    let text = std::fs::read_to_string(shared_dir().join("specs").join(rel)).unwrap();
    let mut out = Vec::new();
    let mut lines = text.lines().peekable();
    while let Some(l) = lines.next() {
        let Some(rest) = l.trim().strip_prefix("1. type: ") else { continue };
        let Some((num, tail)) = rest.split_once(' ') else { continue };
        let Ok(ty) = num.parse::<u16>() else { continue };
        let name = tail.split('`').nth(1).unwrap().to_string();
        if lines.peek().map(|l| l.trim()) != Some("2. data:") {
            continue;
        }
        lines.next();
        let mut fields = Vec::new();
        while let Some(f) = lines.peek().and_then(|l| l.trim().strip_prefix("* [`")) {
            let fty = f.split('`').next().unwrap();
            if !fty.ends_with("_tlvs") && !fty.ends_with("tlv_stream") {
                fields.push(fty.to_string());
            }
            lines.next();
        }
        out.push((ty, name, fields));
    }
    out
}

#[test]
fn message_encodings_match_bolt02_and_pr867_field_lists() {
    let n = 3; // htlc signatures in the commitment_signed under test
    let ours = [
        Msg::UpdateAddHtlc { id: 7, amount_msat: 1000 },
        Msg::UpdateFulfillHtlc { id: 7 },
        Msg::UpdateFee { feerate_per_kw: 253 },
        Msg::CommitmentSigned { num_htlcs: n as u16, presigs: 0, psigs: 0 },
        Msg::RevokeAndAck,
        Msg::ChannelReestablish { next_commitment_number: 5, next_revocation_number: 4 },
        Msg::UpdateNoop,
        Msg::Yield,
    ];
    let mut spec = spec_messages("bolts/02-peer-protocol.md");
    spec.extend(spec_messages("bolts-prs/867-simplified-update/02-peer-protocol.md"));
    let mut checked = 0;
    for m in &ours {
        let bytes = m.encode();
        let (ty, _, fields) = spec
            .iter()
            .find(|(_, name, _)| name == m.name())
            .unwrap_or_else(|| panic!("{} not found in the spec files", m.name()));
        let size = 2 + fields.iter().map(|f| field_size(f, n)).sum::<usize>();
        assert_eq!(u16::from_be_bytes([bytes[0], bytes[1]]), *ty, "{} type", m.name());
        assert_eq!(bytes.len(), size, "{} size ({fields:?})", m.name());
        assert_eq!(&Msg::decode(&bytes).unwrap(), m, "{} round trip", m.name());
        checked += 1;
    }
    assert_eq!(checked, 8);
    // The brief's formula for commitment_signed: 2 + 32 + 64 + 2 + 64·n.
    for n in [0u16, 1, 30, 483] {
        let cs = Msg::CommitmentSigned { num_htlcs: n, presigs: 0, psigs: 0 }.encode();
        assert_eq!(cs.len(), 2 + 32 + 64 + 2 + 64 * usize::from(n), "n = {n}");
    }
}

#[test]
fn splitmix64_reference_values() {
    // Published SplitMix64 outputs for seed 1234567 (Vigna's splitmix64.c).
    let mut r = Rng::new(1_234_567);
    let got = [r.next_u64(), r.next_u64(), r.next_u64()];
    assert_eq!(
        got,
        [6_457_827_717_110_365_317, 3_203_168_211_198_807_973, 9_817_491_932_198_370_423]
    );
}

/// notes/spec-protocol.md §1.5 (instagibbs' analysis): round trips to forward a PTLC.
const ANALYSIS: [(&str, f64); 4] = [
    ("single_sig_sync", 1.5),
    ("single_sig_async", 2.5),
    ("musig2_sync", 2.5),
    ("musig2_async", 3.5),
];

#[test]
fn ptlc_round_trips_match_the_analysis() {
    let mut seen = 0;
    for v in Variant::ALL {
        let want = ANALYSIS.iter().find(|(n, _)| *n == v.name()).unwrap().1;
        let f = variants::run_flow(v).unwrap();
        let rt = f64::from(f.legs) / 2.0;
        assert!((rt - want).abs() < 1e-9, "{}: {rt} round trips, {:?}", v.name(), f.messages);
        // The last message is A's revoke_and_ack; MuSig2 flows carry 66-byte nonces.
        assert_eq!(f.messages.last().unwrap().2, "revoke_and_ack", "{}", v.name());
        let nonce_bytes = f.messages.iter().any(|m| m.2 == "ptlc_nonces");
        assert_eq!(nonce_bytes, v.name().starts_with("musig2"), "{}", v.name());
        seen += 1;
    }
    assert_eq!(seen, 4);
    // The same figures through the CLI report.
    let out = cli("ln-ptlc").args(["sim", "--duration-s", "1"]).run();
    out.code(0);
    let j = out.json();
    for (name, want) in ANALYSIS {
        let v = &j["ptlc_variants"][name];
        assert_eq!(v["round_trips"].as_f64(), Some(want), "{name}");
        assert_eq!(v["matches_analysis"], json!(true), "{name}");
        let sum: u64 =
            v["messages"].as_array().unwrap().iter().map(|m| m["bytes"].as_u64().unwrap()).sum();
        assert_eq!(v["bytes_on_wire"].as_u64(), Some(sum), "{name}");
    }
    // MuSig2 costs bytes and a round trip over single-signer in each mode.
    let bytes = |n: &str| j["ptlc_variants"][n]["bytes_on_wire"].as_u64().unwrap();
    assert!(bytes("musig2_sync") > bytes("single_sig_sync"));
    assert!(bytes("musig2_async") > bytes("single_sig_async"));
}

#[test]
fn isolated_htlc_update_takes_bolt02s_three_flights() {
    // BOLT 2 "Normal Operation": add + commitment_signed, revoke_and_ack + commitment_signed,
    // revoke_and_ack = 1.5 round trips. Turn mode: the turn holder (a) the same; b first
    // sends update_noop and waits for yield (PR #867): one more round trip, 2 × 34 bytes.
    let add = 2 + 32 + 8 + 8 + 32 + 4 + 1366;
    let raa = 2 + 32 + 32 + 33;
    let noop_yield = 2 * (2 + 32);
    // BOLT 3 trimming at 2500 sat/kW, dust limit 546: an offered HTLC needs 546 + 663·2.5 =
    // 2203 sat, a received one 546 + 703·2.5 = 2303 sat. 1000 sat: no HTLC output, so no
    // htlc_signature; 10 000 sat: one in each commitment.
    for (amount, sigs) in [(1000u64, 0usize), (10_000, 1)] {
        let cfg =
            SimConfig::from_json(&json!({ "duration_s": 1, "amount_min_sat": amount })).unwrap();
        let j = sim::run(&cfg).unwrap();
        let cs = 2 + 32 + 64 + 2 + 64 * sigs;
        let base = add + 2 * cs + 2 * raa;
        for (mode, side, rt, bytes, msgs) in [
            ("async", "offered_by_a", 1.5, base, 5),
            ("async", "offered_by_b", 1.5, base, 5),
            ("turn", "offered_by_a", 1.5, base, 5),
            ("turn", "offered_by_b", 2.5, base + noop_yield, 7),
        ] {
            let r = &j["isolated_update"][mode][side];
            assert_eq!(r["round_trips"].as_f64(), Some(rt), "{amount} {mode} {side}");
            assert_eq!(r["bytes_on_wire"].as_u64(), Some(bytes as u64), "{amount} {mode} {side}");
            assert_eq!(r["messages"].as_u64(), Some(msgs), "{amount} {mode} {side}");
        }
    }
}

fn run_sim(args: &[&str]) -> Value {
    let out = cli("ln-ptlc").arg("sim").args(args).run();
    out.code(0);
    out.json()
}

#[test]
fn same_seed_same_report_different_seed_different_report() {
    let a = cli("ln-ptlc").args(["sim", "--seed", "7", "--duration-s", "20"]).run();
    let b = cli("ln-ptlc").args(["sim", "--seed", "7", "--duration-s", "20"]).run();
    let c = cli("ln-ptlc").args(["sim", "--seed", "8", "--duration-s", "20"]).run();
    a.code(0);
    assert_eq!(a.stdout, b.stdout, "same seed, same bytes");
    assert_ne!(a.stdout, c.stdout, "different seed, different report");
    // Both protocols see the same arrivals (separate random streams per process).
    let j = a.json();
    assert_eq!(
        j["modes"]["async"]["payments"]["arrived"],
        j["modes"]["turn"]["payments"]["arrived"]
    );
    assert!(j["modes"]["async"]["payments"]["arrived"].as_u64().unwrap() > 50);
}

#[test]
fn replay_after_disconnects_leaves_identical_state() {
    // Many drops: every delivery has a 3 % chance to kill the connection.
    let mut total_disconnects = 0;
    for seed in ["1", "2", "3"] {
        let j = run_sim(&[
            "--seed",
            seed,
            "--duration-s",
            "30",
            "--disconnect-prob",
            "0.03",
            "--rate-a-per-s",
            "8",
            "--rate-b-per-s",
            "8",
            "--feerate-move-rate-per-s",
            "1",
        ]);
        for mode in ["async", "turn"] {
            let r = &j["modes"][mode];
            assert_eq!(
                r["replay"]["consistent"],
                json!(true),
                "seed {seed} {mode}: {}",
                r["replay"]
            );
            assert_eq!(r["protocol_errors"], json!([]), "seed {seed} {mode}");
            let d = r["replay"]["disconnects"].as_u64().unwrap();
            assert!(d > 0, "seed {seed} {mode}: no disconnects");
            assert!(
                r["replay"]["retransmitted_messages"].as_u64().unwrap() > 0,
                "seed {seed} {mode}"
            );
            assert_eq!(r["replay"]["reestablishes"].as_u64(), Some(2 * d), "seed {seed} {mode}");
            // Every payment that arrived was refused, failed by a NACK, or settled.
            let p = &r["payments"];
            let sum = ["refused_locally", "failed_by_nack", "settled"]
                .iter()
                .map(|k| p[k].as_u64().unwrap())
                .sum::<u64>();
            assert_eq!(p["arrived"].as_u64(), Some(sum), "seed {seed} {mode}: {p}");
            total_disconnects += d;
        }
    }
    assert!(total_disconnects > 30);
}

#[test]
fn explorer_replays_every_interleaving_with_disconnects() {
    // Exhaustive: each side two payments (fulfilled as soon as irrevocable), a fee move, and
    // one dropped connection anywhere. No state may end with the nodes disagreeing.
    for mode in ["async", "turn"] {
        let cfg = ExploreConfig::from_json(&json!({
            "mode": mode, "script_a": "fee:3000,add:20000", "script_b": "add:20000,add:3000",
            "balance_a_sat": 500_000, "auto_fulfill": true, "disconnects": 1,
        }))
        .unwrap();
        let j = explore::run(&cfg).unwrap();
        let r = &j["modes"][mode];
        assert_eq!(r["bad_states"], json!(0), "{mode}: {}", r["examples"]);
        assert_eq!(r["truncated_by_max_states"], json!(false), "{mode}");
        assert!(r["states_explored"].as_u64().unwrap() > 1000, "{mode}: {r}");
        assert!(r["terminal_states"].as_u64().unwrap() > 10, "{mode}");
    }
}

#[test]
fn explorer_finds_the_async_fee_buffer_race_and_nothing_in_turn_mode() {
    // Default case: a (opener, 20 000 sat, reserve 10 000) raises the feerate to 12 000 sat/kW,
    // which it can pay on an empty commitment (724 WU: 8 688 sat) but not with one HTLC output
    // (896 WU: 10 752 sat); b concurrently adds a 20 000 sat HTLC, which it can afford at the
    // old feerate. BOLT 2 "Updating Fees" warns of exactly this race.
    let out = cli("ln-ptlc").args(["sim", "explore"]).run();
    out.code(0);
    let j = out.json();
    let a = &j["modes"]["async"];
    assert!(a["bad_states"].as_u64().unwrap() > 0, "{a}");
    let kinds = a["bad_states_by_kind"].as_object().unwrap();
    assert_eq!(kinds.keys().collect::<Vec<_>>(), ["force_close"], "{a}");
    let ex = &a["examples"][0];
    assert!(ex["what"].as_str().unwrap().contains("fee_buffer"), "{ex}");
    let trace: Vec<&str> =
        ex["trace"].as_array().unwrap().iter().map(|s| s.as_str().unwrap()).collect();
    assert!(trace.iter().any(|s| s.ends_with("update_fee")), "{trace:?}");
    assert!(trace.iter().any(|s| s.ends_with("update_add_htlc")), "{trace:?}");
    let t = &j["modes"]["turn"];
    assert_eq!(t["bad_states"], json!(0), "{t}");
    assert_eq!(t["nacks_seen"], json!(0), "{t}");
    assert!(t["local_refusals_seen"].as_u64().unwrap() > 0, "turn mode refuses instead: {t}");
    for r in [a, t] {
        assert_eq!(r["truncated_by_max_states"], json!(false));
        assert!(r["states_explored"].as_u64().unwrap() > 10);
    }
    // The bound stops the search.
    let out = cli("ln-ptlc").args(["sim", "explore", "--max-states", "5"]).run();
    out.code(0);
    let j = out.json();
    assert_eq!(j["modes"]["async"]["truncated_by_max_states"], json!(true));
    assert_eq!(j["modes"]["async"]["states_explored"], json!(5));
}

#[test]
fn policy_disagreement_force_closes_async_but_nacks_in_turn_mode() {
    // b tolerates only 5 000 sat of trimmed HTLCs, a 50 000: a's dust HTLCs break b's limit.
    let j = run_sim(&[
        "--seed",
        "2",
        "--duration-s",
        "60",
        "--rate-a-per-s",
        "6",
        "--rate-b-per-s",
        "6",
        "--amount-max-sat",
        "20000",
        "--max-dust-exposure-b-sat",
        "5000",
    ]);
    let (a, t) = (&j["modes"]["async"], &j["modes"]["turn"]);
    assert!(a["force_close_events"]["dust_exposure"].as_u64().unwrap() > 0, "{a}");
    assert_eq!(a["nacks"]["total"], json!(0));
    assert_eq!(t["force_close_events"]["total"], json!(0), "{t}");
    assert!(t["nacks"]["dust_exposure"].as_u64().unwrap() > 0, "{t}");
    assert!(t["payments"]["failed_by_nack"].as_u64().unwrap() > 0);
    for r in [a, t] {
        assert_eq!(r["replay"]["consistent"], json!(true));
    }
    // With equal policies turn mode never NACKs, and at most 3 commitments are live vs 4.
    let j = run_sim(&[
        "--seed",
        "5",
        "--duration-s",
        "60",
        "--rate-a-per-s",
        "8",
        "--rate-b-per-s",
        "8",
    ]);
    assert_eq!(j["modes"]["turn"]["nacks"]["total"], json!(0));
    assert_eq!(j["modes"]["async"]["commitments_in_flight"]["max"], json!(4));
    assert_eq!(j["modes"]["turn"]["commitments_in_flight"]["max"], json!(3));
}

#[test]
fn config_file_stdin_and_flag_overrides() {
    let dir = std::env::temp_dir().join(format!("lnkit-sim-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let f = dir.join("c.json");
    std::fs::write(&f, r#"{"seed": 9, "duration_s": 2, "mode": "turn", "rtt_ms": 40}"#).unwrap();
    let j = run_sim(&["--config", f.to_str().unwrap(), "--rtt-ms", "80"]);
    assert_eq!(j["config"]["seed"], json!(9));
    assert_eq!(j["config"]["rtt_ms"], json!(80.0), "flag overrides the file");
    assert_eq!(j["modes"].as_object().unwrap().keys().collect::<Vec<_>>(), ["turn"]);
    let out = cli("ln-ptlc")
        .args(["sim", "--config", "-"])
        .stdin(r#"{"duration_s": 1, "seed": 3}"#)
        .run();
    out.code(0);
    assert_eq!(out.json()["config"]["seed"], json!(3));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn malformed_configs_are_one_line_errors() {
    let cases: &[(&[&str], Option<&str>, i32, &str)] = &[
        (&["sim", "--config", "-"], Some("{"), 1, "not JSON"),
        (&["sim", "--config", "-"], Some("[1]"), 1, "JSON object"),
        (&["sim", "--config", "-"], Some(r#"{"sed": 1}"#), 1, "unknown config key"),
        (&["sim", "--config", "-"], Some(r#"{"seed": -1}"#), 1, "seed"),
        (&["sim", "--config", "-"], Some(r#"{"rtt_ms": "fast"}"#), 1, "rtt_ms"),
        (&["sim", "--config", "-"], Some(r#"{"duration_s": 0}"#), 1, "duration_s"),
        (&["sim", "--config", "-"], Some(r#"{"disconnect_prob": 0.9}"#), 1, "disconnect_prob"),
        (&["sim", "--config", "-"], Some(r#"{"mode": "sync"}"#), 1, "mode"),
        (
            &["sim", "--config", "-"],
            Some(r#"{"channel_type": "zero_fee_commitments"}"#),
            1,
            "channel_type",
        ),
        (&["sim", "--config", "-"], Some(r#"{"reserve_sat": 100}"#), 1, "dust_limit"),
        (&["sim", "--config", "-"], Some(r#"{"balance_a_sat": 1000}"#), 1, "initial fee"),
        (
            &["sim", "--config", "-"],
            Some(r#"{"amount_min_sat": 9, "amount_max_sat": 8}"#),
            1,
            "amount",
        ),
        (
            &["sim", "--config", "-"],
            Some(r#"{"duration_s": 3600, "rate_a_per_s": 1000, "max_events": 1000}"#),
            1,
            "max_events",
        ),
        (&["sim", "--config", "/nonexistent/lnkit.json"], None, 3, "nonexistent"),
        (&["sim", "--seed", "x"], None, 2, "seed"),
        (&["sim", "--bogus"], None, 2, "bogus"),
        (&["sim", "--mode", "sync"], None, 2, "mode"),
        (&["sim", "--seed", "1", "explore"], None, 2, ""),
        (&["sim", "explore", "--script-a", "add"], None, 1, "script_a"),
        (&["sim", "explore", "--script-b", "fee:3000"], None, 1, "opener"),
        (&["sim", "explore", "--script-a", "add:1,add:1,add:1,add:1,add:1"], None, 1, "at most"),
        (&["sim", "explore", "--disconnects", "3"], None, 1, "disconnects"),
        (&["sim", "explore", "--config", "-"], Some(r#"{"auto_fulfill": 1}"#), 1, "auto_fulfill"),
    ];
    for (args, stdin, code, needle) in cases {
        let mut c = cli("ln-ptlc").args(*args);
        if let Some(s) = stdin {
            c = c.stdin(*s);
        }
        let out = c.run();
        out.code(*code);
        if *code != 2 {
            out.one_line_error();
        }
        assert!(out.stderr.contains(needle), "{args:?} {stdin:?}: {}", out.stderr);
        assert!(!out.stderr.contains("panicked"), "{args:?}");
    }
    assert_eq!(cases.len(), 23);
}

#[test]
fn garbage_messages_stop_a_peer_without_panicking() {
    use lnkit::ptlc::sim::chan::{Pair, Side};
    use lnkit::ptlc::sim::peer::{Action, Ctx, Mode, Peer};
    let cfg = SimConfig::default();
    let ch = &cfg.channel;
    let mut rng = Rng::new(42);
    let mut errors = 0;
    for mode in [Mode::Async, Mode::Turn] {
        for i in 0..500 {
            let mut p = Peer::new(Side::B, Pair::new(100_000_000, 100_000_000), 2500);
            let ctx = Ctx { params: &ch.params, policy: &ch.policies.b, mode };
            // Well-formed messages out of order, then random bytes with real type prefixes.
            let mut bytes = match i % 4 {
                0 => Msg::RevokeAndAck.encode(),
                1 => Msg::CommitmentSigned { num_htlcs: 2, presigs: 0, psigs: 0 }.encode(),
                2 => Msg::UpdateFulfillHtlc { id: 3 }.encode(),
                _ => Msg::Nack { reason: msg::NackReason::FeeBuffer }.encode(),
            };
            let cut = (rng.next_u64() as usize) % (bytes.len() + 1);
            if i >= 4 {
                bytes.truncate(cut);
            }
            let acts = p.handle(ctx, &bytes);
            if acts.iter().any(|a| matches!(a, Action::ProtocolError(_))) {
                errors += 1;
                assert!(p.failed);
            }
        }
    }
    assert!(errors >= 990, "{errors}");
}
