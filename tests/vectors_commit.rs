//! `ln-commit` over the BOLT 3 vectors: `build --spec` reproduces Appendix C, F and the
//! zero-fee-commitment vectors byte for byte; `inspect` names every output of every vector
//! commitment from keys alone (no witness scripts); inspect → build round trips; every sweep,
//! penalty and close we build passes libbitcoinconsensus.
#![allow(clippy::single_match_else)]

use bitcoin::consensus::encode::{deserialize, serialize_hex};
use bitcoin::{Transaction, TxOut};
use lnkit::tx::build;
use lnkit::tx::inspect::{self, InspectOptions};
use serde_json::{json, Value};

use crate::support::{cli, vector_json};
use crate::vectors_bolt03::{s, u, verify_spend, AppendixC};

const DUMMY_A: &str = "5555555555555555555555555555555555555555555555555555555555555555";
const DUMMY_B: &str = "6666666666666666666666666666666666666666666666666666666666666666";

/// The Appendix C channel as a `build --spec` JSON (secrets included).
pub fn appendix_c_spec(
    c: &AppendixC,
    ct: &str,
    to_local_msat: u64,
    to_remote_msat: u64,
    feerate: u64,
    dust: u64,
) -> Value {
    let k = &c.v["keys"];
    let iv = &c.v["internal_derivation_values"];
    let cp = &c.v["common_parameters"];
    let strip = |h: &str| h[..64].to_string();
    let htlcs: Vec<Value> = c
        .htlcs_for(to_local_msat, to_remote_msat)
        .iter()
        .map(|&i| {
            let (h, p) = &c.htlcs[i];
            json!({
                "direction": if h.direction == lnkit::tx::HtlcDirection::Offered { "offered" } else { "received" },
                "amount_msat": h.amount_msat,
                "payment_preimage": hex::encode(p),
                "cltv_expiry": h.cltv_expiry,
            })
        })
        .collect();
    json!({
        "kind": "commitment",
        "channel_type": ct,
        "funding_txid": s(cp, "funding_tx_id"),
        "funding_vout": u(cp, "funding_output_index"),
        "funding_sat": u(cp, "funding_amount_satoshi"),
        "commitment_number": u(cp, "commitment_number"),
        "to_self_delay": u(cp, "local_delay"),
        "dust_limit_sat": dust,
        "feerate_per_kw": feerate,
        "to_local_msat": to_local_msat,
        "to_remote_msat": to_remote_msat,
        "htlcs": htlcs,
        "local": {
            "funding_privkey": strip(s(k, "local_funding_privkey")),
            "revocation_basepoint_secret": DUMMY_A,
            "payment_basepoint_secret": strip(s(iv, "local_payment_basepoint_secret")),
            "delayed_payment_basepoint_secret": strip(s(iv, "local_delayed_payment_basepoint_secret")),
            "htlc_basepoint_secret": strip(s(iv, "local_payment_basepoint_secret")),
            "per_commitment_secret": strip(s(iv, "x_local_per_commitment_secret")),
        },
        "remote": {
            "funding_privkey": strip(s(iv, "remote_funding_privkey")),
            "revocation_basepoint_secret": strip(s(iv, "remote_revocation_basepoint_secret")),
            "payment_basepoint_secret": strip(s(iv, "remote_payment_basepoint_secret")),
            "delayed_payment_basepoint_secret": DUMMY_B,
            "htlc_basepoint_secret": strip(s(iv, "remote_payment_basepoint_secret")),
        },
    })
}

/// Only the public half of a spec (what `inspect --keys` gets: no secrets, no scripts).
fn public_keys(spec: &Value, with_delay: bool) -> Value {
    let side = |o: &Value| {
        let mut m = serde_json::Map::new();
        for (name, secret) in [
            ("funding_pubkey", "funding_privkey"),
            ("revocation_basepoint", "revocation_basepoint_secret"),
            ("payment_basepoint", "payment_basepoint_secret"),
            ("delayed_payment_basepoint", "delayed_payment_basepoint_secret"),
            ("htlc_basepoint", "htlc_basepoint_secret"),
        ] {
            if let Some(p) = o.get(name) {
                m.insert(name.into(), p.clone());
            } else {
                let sk = crate::vectors_bolt03::sk(o[secret].as_str().unwrap());
                m.insert(name.into(), json!(crate::vectors_bolt03::point(&sk).to_string()));
            }
        }
        Value::Object(m)
    };
    let point = match spec.get("per_commitment_point") {
        Some(p) => p.clone(),
        None => {
            let sk =
                crate::vectors_bolt03::sk(spec["local"]["per_commitment_secret"].as_str().unwrap());
            json!(crate::vectors_bolt03::point(&sk).to_string())
        }
    };
    let htlcs: Vec<Value> = spec["htlcs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| {
            let hash = match h.get("payment_hash") {
                Some(x) => x.as_str().unwrap().to_string(),
                None => {
                    use bitcoin::hashes::{sha256, Hash};
                    let p = hex::decode(h["payment_preimage"].as_str().unwrap()).unwrap();
                    hex::encode(sha256::Hash::hash(&p).to_byte_array())
                }
            };
            json!({"payment_hash": hash, "cltv_expiry": h["cltv_expiry"]})
        })
        .collect();
    let mut v = json!({
        "local": side(&spec["local"]),
        "remote": side(&spec["remote"]),
        "per_commitment_point": point,
        "htlcs": htlcs,
    });
    if with_delay {
        v["to_self_delay"] = spec["to_self_delay"].clone();
    }
    v
}

/// The zero-fee-commitment channel as a spec for test `t`.
fn zero_fee_spec(v: &Value, t: &Value) -> Value {
    let mut htlcs = Vec::new();
    for (key, dir) in [("incoming_htlcs", "received"), ("outgoing_htlcs", "offered")] {
        for h in t.get(key).and_then(Value::as_array).into_iter().flatten() {
            let hash = s(h, "payment_hash");
            htlcs.push(json!({
                "direction": dir,
                "amount_msat": u(h, "amount_msat"),
                "payment_hash": hash,
                "payment_preimage": v["payment_hash_to_preimage"][hash],
                "cltv_expiry": u(h, "cltv_expiry"),
            }));
        }
    }
    json!({
        "kind": "commitment",
        "channel_type": "zero_fee_commitments",
        "funding_txid": s(v, "funding_txid"),
        "funding_vout": u(v, "funding_index"),
        "funding_sat": u(v, "funding_amount_satoshis"),
        "commitment_number": u(v, "commitment_number"),
        "to_self_delay": u(v, "to_self_delay"),
        "dust_limit_sat": u(t, "dust_limit_satoshis"),
        "feerate_per_kw": 0,
        "to_local_msat": u(t, "to_local_msat"),
        "to_remote_msat": u(t, "to_remote_msat"),
        "htlcs": htlcs,
        "per_commitment_point": s(v, "per_commitment_point"),
        "local": {
            "funding_privkey": s(v, "local_funding_priv"),
            "revocation_basepoint_secret": DUMMY_A,
            "payment_basepoint_secret": s(v, "local_payment_basepoint_secret"),
            "delayed_payment_basepoint_secret": s(v, "local_delayed_payment_basepoint_secret"),
            "htlc_basepoint_secret": s(v, "local_htlc_basepoint_secret"),
        },
        "remote": {
            "funding_privkey": s(v, "remote_funding_priv"),
            "revocation_basepoint": s(v, "revocation_basepoint"),
            "payment_basepoint_secret": s(v, "remote_payment_basepoint_secret"),
            "delayed_payment_basepoint_secret": DUMMY_B,
            "htlc_basepoint_secret": s(v, "remote_htlc_basepoint_secret"),
        },
    })
}

/// Every vector commitment as (name, spec, expected commitment hex, expected HTLC tx hexes).
pub fn all_vector_specs() -> Vec<(String, Value, String, Vec<String>)> {
    let c = AppendixC::load();
    let cp = &c.v["common_parameters"];
    let mut out = Vec::new();
    for vec in c.v["vectors"].as_array().unwrap() {
        let spec = appendix_c_spec(
            &c,
            "static_remotekey",
            u(vec, "to_local_msat"),
            u(vec, "to_remote_msat"),
            u(vec, "local_feerate_per_kw"),
            u(cp, "local_dust_limit_satoshi"),
        );
        let htlcs =
            vec["htlc_txs"].as_array().unwrap().iter().map(|h| s(h, "tx").to_string()).collect();
        out.push((format!("C: {}", s(vec, "name")), spec, s(vec, "commit_tx").to_string(), htlcs));
    }
    let f = vector_json("bolts/bolt03/bolt03-anchors-commitment-vectors.json");
    for vec in f["vectors"].as_array().unwrap() {
        let spec = appendix_c_spec(
            &c,
            "anchors",
            u(vec, "LocalBalance"),
            u(vec, "RemoteBalance"),
            u(vec, "FeePerKw"),
            u(vec, "DustLimitSatoshis"),
        );
        let htlcs = vec["HtlcDescs"]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| s(h, "ResolutionTxHex").to_string())
            .collect();
        out.push((
            format!("F: {}", s(vec, "Name")),
            spec,
            s(vec, "ExpectedCommitmentTxHex").to_string(),
            htlcs,
        ));
    }
    let z = vector_json("proposals/zero-fee-commitments/zero-fee-commitments-test.json");
    for t in z["tests"].as_array().unwrap() {
        let spec = zero_fee_spec(&z, t);
        // HTLC txs in commitment output order: the vector lists success then timeout txs, so
        // compare as sets below.
        let mut htlcs: Vec<String> = Vec::new();
        for k in ["signed_htlc_success_txs", "signed_htlc_timeout_txs"] {
            htlcs.extend(
                t.get(k)
                    .and_then(Value::as_array)
                    .into_iter()
                    .flatten()
                    .map(|x| x.as_str().unwrap().to_string()),
            );
        }
        out.push((
            format!("zero-fee: {}", s(t, "name")),
            spec,
            s(t, "signed_commit_tx").to_string(),
            htlcs,
        ));
    }
    out
}

#[test]
fn build_spec_reproduces_every_vector_commitment_and_htlc_tx() {
    let all = all_vector_specs();
    assert_eq!(all.len(), 16 + 9 + 11);
    let mut htlc_count = 0;
    for (name, mut spec, want, want_htlcs) in all {
        spec["htlc_txs"] = json!(true);
        let built = build::build(&spec).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(built[0].signed, "{name}: signed");
        assert_eq!(serialize_hex(&built[0].tx), want, "{name}: commitment");
        let mut got: Vec<String> = built[1..].iter().map(|b| serialize_hex(&b.tx)).collect();
        let mut want_htlcs = want_htlcs;
        if name.starts_with("zero-fee") {
            got.sort();
            want_htlcs.sort();
        }
        assert_eq!(got, want_htlcs, "{name}: HTLC txs");
        assert!(built[1..].iter().all(|b| b.signed), "{name}: HTLC txs signed");
        htlc_count += got.len();
        let report = &built[0].report;
        assert_eq!(report["txid"], json!(built[0].tx.compute_txid().to_string()), "{name}");
        assert_eq!(report["outputs"].as_array().unwrap().len(), built[0].tx.output.len(), "{name}");
    }
    assert_eq!(htlc_count, 33 + 15 + 16);
}

fn roles_of(tx: &Transaction, spec: &Value) -> Vec<String> {
    // The roles our builder gave (the builder reproduces the vector bytes, test above).
    let built = build::build(spec).unwrap();
    assert_eq!(built[0].tx.compute_txid(), tx.compute_txid());
    built[0].report["outputs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["role"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn inspect_names_every_output_of_every_vector_commitment_from_keys() {
    let all = all_vector_specs();
    assert_eq!(all.len(), 36);
    let mut named = 0;
    for (i, (name, spec, hex_tx, _)) in all.iter().enumerate() {
        let tx: Transaction = deserialize(&hex::decode(hex_tx).unwrap()).unwrap();
        // Half the cases search the CSV, half are told it.
        let keys = lnkit::tx::json::key_candidates(&public_keys(spec, i % 2 == 0)).unwrap();
        let local_pb = keys_pb(spec, "local");
        let remote_pb = keys_pb(spec, "remote");
        let opts = InspectOptions {
            basepoints: Some((local_pb, remote_pb)),
            funding_sat: Some(spec["funding_sat"].as_u64().unwrap()),
            feerate_per_kw: Some(spec["feerate_per_kw"].as_u64().unwrap() as u32),
            keys,
            spent_by: vec![],
        };
        let r = inspect::inspect(&tx, &opts).unwrap();
        assert!(r.is_commitment, "{name}");
        assert_eq!(
            r.commitment_number,
            spec["commitment_number"].as_u64(),
            "{name}: commitment number"
        );
        let want = roles_of(&tx, spec);
        let got: Vec<String> =
            r.outputs.iter().map(|o| o.role.unwrap_or("UNNAMED").to_string()).collect();
        assert_eq!(got, want, "{name}: roles");
        for (o, out) in r.outputs.iter().zip(r.json["outputs"].as_array().unwrap()) {
            match o.role {
                Some("to_local") => {
                    assert_eq!(out["to_self_delay"], spec["to_self_delay"], "{name}");
                }
                Some("offered_htlc" | "received_htlc") => {
                    let hash =
                        out["payment_hash"].as_str().unwrap_or_else(|| panic!("{name}: HTLC hash"));
                    let h = spec["htlcs"].as_array().unwrap().iter().find(|h| {
                        use bitcoin::hashes::{sha256, Hash};
                        let amount_ok = h["amount_msat"].as_u64().unwrap() / 1000
                            == out["amount_sat"].as_u64().unwrap();
                        amount_ok
                            && (h.get("payment_hash").and_then(Value::as_str) == Some(hash)
                                || h.get("payment_preimage").is_some_and(|p| {
                                    hex::encode(
                                        sha256::Hash::hash(
                                            &hex::decode(p.as_str().unwrap()).unwrap(),
                                        )
                                        .to_byte_array(),
                                    ) == hash
                                }))
                    });
                    let h = h.unwrap_or_else(|| panic!("{name}: unknown hash {hash}"));
                    assert_eq!(
                        h["amount_msat"].as_u64().unwrap() / 1000,
                        out["amount_sat"].as_u64().unwrap(),
                        "{name}"
                    );
                    if o.role == Some("received_htlc") {
                        assert_eq!(out["cltv_expiry"], h["cltv_expiry"], "{name}");
                    }
                }
                _ => {}
            }
            named += 1;
        }
        let ct = spec["channel_type"].as_str().unwrap();
        assert_eq!(
            r.channel_type.map(lnkit::tx::ChannelType::name),
            Some(ct),
            "{name}: channel type"
        );
        assert_eq!(r.json["truc"], json!(ct == "zero_fee_commitments"), "{name}");
        // The fee reported is the vector's (funding minus outputs) and trimmed = fee - base fee.
        let fee = r.json["fee_sat"].as_u64().unwrap();
        let sum: u64 = tx.output.iter().map(|o| o.value.to_sat()).sum();
        assert_eq!(fee, spec["funding_sat"].as_u64().unwrap() - sum, "{name}");
    }
    assert!(named > 150, "only {named} outputs");
}

fn keys_pb(spec: &Value, side: &str) -> bitcoin::secp256k1::PublicKey {
    let o = &spec[side];
    match o.get("payment_basepoint") {
        Some(p) => crate::vectors_bolt03::pk(p.as_str().unwrap()),
        None => crate::vectors_bolt03::point(&crate::vectors_bolt03::sk(
            o["payment_basepoint_secret"].as_str().unwrap(),
        )),
    }
}

#[test]
fn inspect_appendix_c_matches_listed_outputs_and_fees() {
    // The Appendix C lists give role, amount and (for fees) base and actual fee per vector.
    let c = AppendixC::load();
    let all = all_vector_specs();
    let mut checked = 0;
    for ((name, spec, hex_tx, _), vec) in all.iter().zip(c.v["vectors"].as_array().unwrap()) {
        let tx: Transaction = deserialize(&hex::decode(hex_tx).unwrap()).unwrap();
        let opts = InspectOptions {
            funding_sat: Some(10_000_000),
            feerate_per_kw: Some(u(vec, "local_feerate_per_kw") as u32),
            keys: lnkit::tx::json::key_candidates(&public_keys(spec, false)).unwrap(),
            ..Default::default()
        };
        let r = inspect::inspect(&tx, &opts).unwrap();
        for want in vec["outputs"].as_array().unwrap() {
            let role = match s(want, "output") {
                "htlc" => format!("{}_htlc", s(want, "direction")),
                x => x.to_string(),
            };
            let found = r.json["outputs"]
                .as_array()
                .unwrap()
                .iter()
                .any(|o| o["role"] == json!(role) && o["amount_sat"] == want["amount_sat"]);
            assert!(found, "{name}: {role} {} not named", want["amount_sat"]);
            checked += 1;
        }
        if let Some(f) = vec.get("actual_commitment_fee_sat") {
            assert_eq!(&r.json["fee_sat"], f, "{name}: fee");
        }
        if let Some(f) = vec.get("base_commitment_fee_sat") {
            assert_eq!(&r.json["base_fee_sat"], f, "{name}: base fee");
        }
    }
    assert!(checked >= 60, "{checked}");
}

#[test]
fn inspect_by_template_and_by_revealed_witness_script() {
    // Zero-fee vector without keys: P2A and P2WPKH by template; the HTLC outputs are named
    // once their HTLC transactions (which reveal the witness scripts) are given.
    let z = vector_json("proposals/zero-fee-commitments/zero-fee-commitments-test.json");
    let t = &z["tests"][3];
    let tx: Transaction = deserialize(&hex::decode(s(t, "signed_commit_tx")).unwrap()).unwrap();
    let r = inspect::inspect(&tx, &InspectOptions::default()).unwrap();
    assert_eq!(r.outputs[0].role, Some("shared_anchor"));
    assert_eq!(r.outputs[0].source, Some("template"));
    assert!(r.outputs.iter().any(|o| o.role == Some("to_remote")));
    let mut spenders = Vec::new();
    for k in ["signed_htlc_success_txs", "signed_htlc_timeout_txs"] {
        for h in t[k].as_array().unwrap() {
            spenders.push(
                deserialize::<Transaction>(&hex::decode(h.as_str().unwrap()).unwrap()).unwrap(),
            );
        }
    }
    assert_eq!(spenders.len(), 6);
    let r = inspect::inspect(&tx, &InspectOptions { spent_by: spenders, ..Default::default() })
        .unwrap();
    let htlcs = r.outputs.iter().filter(|o| o.role.is_some_and(|x| x.ends_with("_htlc"))).count();
    assert_eq!(htlcs, 6);
    assert!(r
        .outputs
        .iter()
        .filter(|o| o.role.is_some_and(|x| x.ends_with("_htlc")))
        .all(|o| o.source == Some("witness_script")));
    // to_local stays unnamed without keys or a spend.
    assert!(r.outputs.iter().any(|o| o.role.is_none()));
    // Received HTLC expiries come out of the revealed scripts.
    let rec: Vec<u64> = r.json["outputs"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|o| o["role"] == "received_htlc")
        .map(|o| o["cltv_expiry"].as_u64().unwrap())
        .collect();
    assert_eq!(rec, vec![920_150, 920_150, 920_150]);
}

#[test]
fn cli_inspect_then_build_round_trips_every_vector_commitment() {
    let all = all_vector_specs();
    let mut n = 0;
    for (name, _, hex_tx, _) in all.iter().step_by(3) {
        let o = cli("ln-commit").args(["inspect", "--json", hex_tx]).run();
        o.code(0);
        let b = cli("ln-commit").args(["build", "--spec", "-"]).stdin(o.stdout.clone()).run();
        b.code(0);
        assert_eq!(b.stdout.trim(), hex_tx, "{name}: round trip");
        n += 1;
    }
    assert_eq!(n, 12);
}

#[test]
fn cli_build_and_inspect_with_keys() {
    let c = AppendixC::load();
    let spec = appendix_c_spec(&c, "anchors", 6_988_000_000, 3_000_000_000, 644, 546);
    let dir = std::env::temp_dir().join(format!("lnkit-commit-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    // Secrets in a key file, public spec on stdin.
    let mut public = spec.clone();
    let mut secrets = json!({"local": {}, "remote": {}});
    for side in ["local", "remote"] {
        let m = public[side].as_object_mut().unwrap();
        let keys: Vec<String> = m.keys().cloned().collect();
        for k in keys {
            let v = m.remove(&k).unwrap();
            secrets[side][k] = v;
        }
    }
    let kf = dir.join("secrets.json");
    std::fs::write(&kf, secrets.to_string()).unwrap();
    let o = cli("ln-commit")
        .args(["build", "--json", "--htlc-txs", "--key-file"])
        .arg(&kf)
        .stdin(public.to_string())
        .run();
    o.code(0);
    let j = o.json();
    assert_eq!(j["signed"], json!(true));
    assert_eq!(j["channel_type"], "anchors");
    assert_eq!(j["htlc_txs"].as_array().unwrap().len(), 5);
    for k in ["txid", "weight", "vsize", "fee_sat", "outputs"] {
        assert!(j.get(k).is_some(), "--json lacks {k}");
    }
    let hex_tx = j["hex"].as_str().unwrap().to_string();
    // Flag overrides: a 2500-sat dust limit trims the 1000/2000/2000-sat HTLCs.
    let o2 = cli("ln-commit")
        .args(["build", "--json", "--dust-limit-sat", "2500", "--key-file"])
        .arg(&kf)
        .stdin(public.to_string())
        .run();
    o2.code(0);
    assert!(
        o2.json()["trimmed_htlcs"].as_array().unwrap().len()
            > o2.json()["htlc_txs"].as_array().map_or(0, Vec::len)
    );
    // inspect with --keys (public only) and --basepoints names every output.
    let keys = public_keys(&spec, false);
    let bp = format!(
        "{},{}",
        keys["local"]["payment_basepoint"].as_str().unwrap(),
        keys["remote"]["payment_basepoint"].as_str().unwrap()
    );
    let o = cli("ln-commit")
        .args([
            "inspect",
            &hex_tx,
            "--funding-amount",
            "10000000",
            "--basepoints",
            &bp,
            "--keys",
            &keys.to_string(),
        ])
        .run();
    o.code(0);
    let j = o.json();
    assert_eq!(j["commitment"]["commitment_number"], 42);
    assert!(j["outputs"].as_array().unwrap().iter().all(|o| !o["role"].is_null()), "{j}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn cli_errors_are_one_line() {
    for args in [
        vec!["inspect", "00"],
        vec!["inspect", "zz"],
        vec!["build", "--spec", "{\"kind\":\"commitment\"}"],
        vec!["build", "--spec", "{\"kind\":\"nope\"}"],
        vec!["build", "--spec", "{not json"],
    ] {
        let o = cli("ln-commit").args(&args).run();
        assert_eq!(o.code, 1, "{args:?}: {o:?}");
        o.one_line_error();
    }
    let o = cli("ln-commit").args(["build", "--spec", "/nonexistent/spec.json"]).run();
    assert_eq!(o.code, 3, "{o:?}");
}

/// Builds `spec`, checks every input against the commitment's outputs with
/// libbitcoinconsensus, and returns the built report.
fn build_and_verify(spec: &Value, commitment: &Transaction, what: &str) -> build::Built {
    let b = build::build(spec).unwrap_or_else(|e| panic!("{what}: {e}")).remove(0);
    assert!(b.signed, "{what}: not signed");
    let prevouts: Vec<TxOut> =
        b.tx.input
            .iter()
            .map(|i| {
                assert_eq!(
                    i.previous_output.txid,
                    commitment.compute_txid(),
                    "{what}: spends the commitment"
                );
                commitment.output[i.previous_output.vout as usize].clone()
            })
            .collect();
    verify_spend(&b.tx, &prevouts, what);
    b
}

#[test]
fn sweeps_and_penalties_pass_script_checks() {
    let c = AppendixC::load();
    let dest = "0014".to_string() + &"11".repeat(20);
    let mut checked = 0;
    for ct in ["static_remotekey", "anchors", "zero_fee_commitments"] {
        let feerate = if ct == "zero_fee_commitments" { 0 } else { 644 };
        let spec = appendix_c_spec(&c, ct, 6_988_000_000, 3_000_000_000, feerate, 546);
        let com = build::build(&spec).unwrap().remove(0).tx;
        let base = |kind: &str| json!({"kind": kind, "commitment": spec, "destination": dest, "feerate_per_kw": 1000});
        // Holder: to_local after the delay, with its anchor.
        let mut s1 = base("sweep");
        s1["include_anchor"] = json!(true);
        let b = build_and_verify(&s1, &com, &format!("{ct}: holder sweep"));
        assert_eq!(b.tx.input.len(), if ct == "static_remotekey" { 1 } else { 2 }, "{ct}");
        assert!(b.tx.input.iter().any(|i| i.sequence.0 == 144), "{ct}: CSV sequence");
        // Weight estimate covers the real weight.
        assert!(b.tx.weight().to_wu() <= b.report["expected_weight"].as_u64().unwrap(), "{ct}");
        // Counterparty: to_remote, the HTLCs the holder offered (preimages known) and,
        // after expiry, the ones it received.
        let mut s2 = base("sweep");
        s2["claimer"] = json!("counterparty");
        s2["include_htlc_timeouts"] = json!(true);
        s2["include_anchor"] = json!(true);
        let b = build_and_verify(&s2, &com, &format!("{ct}: counterparty sweep"));
        assert!(b.tx.input.len() >= 6, "{ct}: {}", b.tx.input.len());
        assert!(b.tx.lock_time.to_consensus_u32() >= 500, "{ct}: timeout locktime");
        // Penalty on the revoked commitment: to_local and every HTLC output.
        let b = build_and_verify(&base("penalty"), &com, &format!("{ct}: penalty"));
        assert_eq!(b.tx.input.len(), 6, "{ct}: to_local + 5 HTLCs");
        // BOLT 5 Appendix A: penalty witness weights 160 / 243 / 249 (73-byte signatures).
        let claims = b.report["claims"].as_array().unwrap();
        for (inp, claim) in b.tx.input.iter().zip(claims) {
            let w = inp.witness.size() as u64;
            let vout = claim["vout"].as_u64().unwrap() as usize;
            let spk = &com.output[vout].script_pubkey;
            assert!(spk.is_p2wsh());
            match (claim["claim"].as_str().unwrap(), ct) {
                ("revoked_to_local", _) => {
                    assert!(w <= 160, "{ct}: to_local penalty witness {w}");
                }
                ("revoked_htlc", "anchors") => assert!(w <= 249 + 3, "{ct}: {w}"),
                ("revoked_htlc", _) => assert!(w <= 249, "{ct}: {w}"),
                (x, _) => panic!("{x}"),
            }
        }
        checked += 3;
        // Second stage: HTLC-tx outputs, by the holder after the delay and by the
        // counterparty at once if revoked.
        let htlc_txs: Vec<Transaction> = {
            let mut s = spec.clone();
            s["kind"] = json!("htlc");
            build::build(&s).unwrap().into_iter().map(|b| b.tx).collect()
        };
        assert_eq!(htlc_txs.len(), 5);
        for (revoked, kind) in [(false, "sweep"), (true, "penalty")] {
            let mut s = base(kind);
            s["second_stage"] = json!(true);
            let b = build::build(&s).unwrap().remove(0);
            assert!(b.signed);
            let prevouts: Vec<TxOut> =
                b.tx.input
                    .iter()
                    .map(|i| {
                        let ht = htlc_txs
                            .iter()
                            .find(|h| h.compute_txid() == i.previous_output.txid)
                            .unwrap();
                        ht.output[0].clone()
                    })
                    .collect();
            verify_spend(&b.tx, &prevouts, &format!("{ct}: second stage revoked={revoked}"));
            checked += 1;
        }
    }
    assert_eq!(checked, 15);
}

#[test]
fn closes_pass_script_checks() {
    let c = AppendixC::load();
    let spec = appendix_c_spec(&c, "anchors", 7_000_000_000, 3_000_000_000, 253, 546);
    let funding_spk = lnkit::tx::scripts::p2wsh(&lnkit::tx::scripts::funding_script(
        &c.keys.local_funding,
        &c.keys.remote_funding,
    ));
    let prevout =
        TxOut { value: bitcoin::Amount::from_sat(10_000_000), script_pubkey: funding_spk };
    let common = json!({
        "kind": "close",
        "funding_txid": spec["funding_txid"], "funding_vout": 0, "funding_sat": 10_000_000,
        "local": {"funding_privkey": spec["local"]["funding_privkey"]},
        "remote": {"funding_privkey": spec["remote"]["funding_privkey"]},
        "local_msat": 7_000_000_000u64, "remote_msat": 3_000_000_000u64,
        "local_script": "0014".to_string() + &"aa".repeat(20),
        "remote_script": "0014".to_string() + &"bb".repeat(20),
        "fee_sat": 1000,
    });
    let mut n = 0;
    for (format, variant, outs) in [
        ("legacy", None, 2),
        ("simple", Some("closer_and_closee_outputs"), 2),
        ("simple", Some("closer_output_only"), 1),
        ("simple", Some("closee_output_only"), 1),
    ] {
        let mut s = common.clone();
        s["format"] = json!(format);
        s["dust_limit_sat"] = json!(546);
        if let Some(v) = variant {
            s["variant"] = json!(v);
            s["locktime"] = json!(800_000);
        }
        let b = build::build(&s).unwrap().remove(0);
        assert!(b.signed);
        assert_eq!(b.tx.output.len(), outs, "{format} {variant:?}");
        verify_spend(&b.tx, std::slice::from_ref(&prevout), &format!("{format} {variant:?}"));
        let seq = b.tx.input[0].sequence.0;
        assert_eq!(seq, if format == "legacy" { 0xffff_ffff } else { 0xffff_fffd });
        n += 1;
    }
    // The funder / closer pays: local output is 7 000 000 - 1000.
    let b = build::build(&common).unwrap().remove(0);
    assert!(b.tx.output.iter().any(|o| o.value.to_sat() == 6_999_000));
    // An OP_RETURN closer output carries 0 sat.
    let mut s = common.clone();
    s["local_script"] = json!("6a0568656c6c6f");
    let b = build::build(&s).unwrap().remove(0);
    assert!(b.tx.output.iter().any(|o| o.script_pubkey.is_op_return() && o.value.to_sat() == 0));
    verify_spend(&b.tx, std::slice::from_ref(&prevout), "op_return close");
    assert_eq!(n, 4);
}

#[test]
fn truc_p2a_samples_inspect_names_outputs() {
    // research-data/truc-p2a-samples.txt: every output is named by its type (the P2A anchor,
    // payments), with its dust status; the Ark fixture's 21-byte "P2WPKH" is called
    // non-standard (as `check` rejects it) and the TRUC flag follows the version.
    let text = std::fs::read_to_string(
        crate::support::shared_dir().join("research-data/truc-p2a-samples.txt"),
    )
    .unwrap();
    let samples: Vec<&str> =
        text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).collect();
    assert_eq!(samples.len(), 3);
    let want = [
        // (txid, truc, roles, dust)
        (
            "fb9b18c782c2b45ccb77b4e22cbdf8b8cb1b8bf603289937968da52475e28aa5",
            false,
            vec![Some("p2a_anchor"), Some("payment")],
            vec![false, false],
        ),
        (
            "40a547e03489f72a2cbdcec2b2752b89303a8b20c20b6a34c5748f64519d93d6",
            true,
            vec![Some("payment"), Some("p2a_anchor")],
            vec![false, true],
        ),
        (
            "a976851480b800e56459a574b42b5c16ea521cac11b7ec9f7741e99d1d177419",
            true,
            vec![None, Some("p2a_anchor")],
            vec![false, true],
        ),
    ];
    for (hex_tx, (txid, truc, roles, dust)) in samples.iter().zip(want) {
        let o = cli("ln-commit").args(["inspect", hex_tx]).run();
        o.code(0);
        let j = o.json();
        assert_eq!(j["txid"], txid);
        assert_eq!(j["truc"], truc, "{txid}");
        assert!(j.get("commitment").is_none(), "{txid}: not a commitment");
        let outs = j["outputs"].as_array().unwrap();
        let got: Vec<Option<&str>> = outs.iter().map(|o| o["role"].as_str()).collect();
        assert_eq!(got, roles, "{txid}");
        let got_dust: Vec<bool> = outs.iter().map(|o| o["dust"].as_bool().unwrap()).collect();
        assert_eq!(got_dust, dust, "{txid}");
        for o in outs.iter().filter(|o| o["role"].is_null()) {
            assert!(o["note"].as_str().unwrap().contains("non-standard"), "{txid}: {o}");
        }
    }
}

#[test]
fn cli_inspect_json_then_build_spec_round_trips_every_format() {
    // Every kind of transaction `build` makes, in every channel format: `inspect --json`
    // printed, fed back to `build --spec`, gives the same bytes (witnesses included).
    let c = AppendixC::load();
    let dest = "0014".to_string() + &"11".repeat(20);
    let mut specs: Vec<(String, Value)> = Vec::new();
    let point = crate::vectors_bolt03::point;
    specs.push((
        "funding".into(),
        json!({
            "kind": "funding",
            "inputs": [{"txid": "fd2105607605d2302994ffea703b09f66b6351816ee737a93e42a841ea20bbad", "vout": 0, "amount_sat": 5_000_000_000u64}],
            "funding_sat": 10_000_000,
            "local": {"funding_pubkey": point(&c.local_funding_key).to_string()},
            "remote": {"funding_pubkey": point(&c.remote_funding_key).to_string()},
            "change_script": dest,
            "feerate_per_kw": 15_000,
        }),
    ));
    for ct in ["static_remotekey", "anchors", "zero_fee_commitments"] {
        let feerate = if ct == "zero_fee_commitments" { 0 } else { 644 };
        let spec = appendix_c_spec(&c, ct, 6_988_000_000, 3_000_000_000, feerate, 546);
        let mut with_htlcs = spec.clone();
        with_htlcs["htlc_txs"] = json!(true);
        specs.push((format!("{ct}: commitment + HTLC txs"), with_htlcs));
        let base = json!({"commitment": spec, "destination": dest, "feerate_per_kw": 1000});
        for (what, extra) in [
            ("holder sweep", json!({"kind": "sweep", "include_anchor": true})),
            (
                "counterparty sweep",
                json!({"kind": "sweep", "claimer": "counterparty", "include_htlc_timeouts": true}),
            ),
            ("penalty", json!({"kind": "penalty"})),
            ("second-stage sweep", json!({"kind": "sweep", "second_stage": true})),
        ] {
            let mut s = base.clone();
            crate::vectors_commit::merge_into(&mut s, &extra);
            specs.push((format!("{ct}: {what}"), s));
        }
    }
    let close = json!({
        "kind": "close",
        "funding_txid": "8984484a580b825b9972d7adb15050b3ab624ccd731946b3eeddb92f4e7ef6be", "funding_vout": 0, "funding_sat": 10_000_000,
        "local": {"funding_privkey": c.local_funding_key.display_secret().to_string()},
        "remote": {"funding_privkey": c.remote_funding_key.display_secret().to_string()},
        "local_msat": 7_000_000_000u64, "remote_msat": 3_000_000_000u64,
        "local_script": dest, "remote_script": "0014".to_string() + &"bb".repeat(20),
        "fee_sat": 1000, "dust_limit_sat": 546,
    });
    for format in ["legacy", "simple"] {
        let mut s = close.clone();
        s["format"] = json!(format);
        specs.push((format!("{format} close"), s));
    }
    for (name, mut spec, _) in crate::vectors_taproot::simple_taproot_specs() {
        spec["htlc_txs"] = json!(true);
        specs.push((format!("simple_taproot {name}"), spec));
    }
    let mut n = 0;
    for (name, spec) in &specs {
        let built = build::build(spec).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(!built.is_empty(), "{name}");
        for b in built {
            let hex_tx = serialize_hex(&b.tx);
            let o = cli("ln-commit").args(["inspect", "--json", &hex_tx]).run();
            o.code(0);
            let back =
                cli("ln-commit").args(["build", "--spec", "-"]).stdin(o.stdout.clone()).run();
            back.code(0);
            assert_eq!(back.stdout.trim(), hex_tx, "{name}: round trip");
            n += 1;
        }
    }
    // 1 funding; per segwit format 1 commitment + 5 HTLC txs + 4 sweeps/penalties; 2 closes;
    // 3 taproot commitments + 7 HTLC txs.
    assert_eq!(n, 1 + 3 * (6 + 4) + 2 + 3 + 7);
}

pub fn merge_into(base: &mut Value, extra: &Value) {
    for (k, v) in extra.as_object().unwrap() {
        base[k] = v.clone();
    }
}
