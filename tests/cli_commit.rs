//! `ln-commit keys`, `factory` and `recover` through the CLI, against BOLT 3 Appendix D/E and
//! the numbers of notes/spec-commit.md §5–§6; the recovery sweep is script-checked.
#![allow(clippy::many_single_char_names)]

use bitcoin::consensus::encode::deserialize;
use bitcoin::Transaction;
use serde_json::{json, Value};

use crate::support::{cli, vector_json};
use crate::vectors_bolt03::{s, u, verify_spend, AppendixC};
use crate::vectors_commit::appendix_c_spec;

const START: u64 = (1 << 48) - 1;

#[test]
fn bolt03_shachain_through_keys_shachain() {
    let v = vector_json("bolts/bolt03/bolt03-shachain.json");
    let gens = v["generation"].as_array().unwrap();
    assert_eq!(gens.len(), 5);
    for g in gens {
        let n = START - u(g, "I");
        let o = cli("ln-commit")
            .args(["keys", "shachain", "--from", &n.to_string()])
            .env("LN_COMMIT_SEED", &s(g, "seed").to_lowercase())
            .run();
        o.code(0);
        let j = o.json();
        assert_eq!(
            j["secrets"][0]["per_commitment_secret"],
            json!(s(g, "output")),
            "{}",
            s(g, "name")
        );
        assert_eq!(j["secrets"][0]["index"], g["I"]);
    }
    // No seed: usage error.
    cli("ln-commit").args(["keys", "shachain"]).run().code(2).one_line_error();
}

#[test]
fn bolt03_shachain_storage_through_keys_store() {
    let v = vector_json("bolts/bolt03/bolt03-shachain.json");
    let stores = v["storage"].as_array().unwrap();
    assert_eq!(stores.len(), 9);
    for st in stores {
        let steps: Vec<Value> = st["steps"]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| json!({"index": x["I"], "secret": x["secret"]}))
            .collect();
        let want_ok = st["steps"].as_array().unwrap().iter().all(|x| x["output"] == "OK");
        let o = cli("ln-commit")
            .args(["keys", "store", "-"])
            .stdin(Value::Array(steps).to_string())
            .run();
        o.code(i32::from(!want_ok));
        let j = o.json();
        assert_eq!(j["valid"], json!(want_ok), "{}", s(st, "name"));
        // The failing insert is the one the vector marks ERROR.
        let first_err = st["steps"].as_array().unwrap().iter().position(|x| x["output"] == "ERROR");
        assert_eq!(
            j["inserted"].as_u64().unwrap() as usize,
            first_err.unwrap_or(j["results"].as_array().unwrap().len()),
            "{}",
            s(st, "name")
        );
    }
}

#[test]
fn bolt03_key_derivation_through_keys_derive() {
    let v = vector_json("bolts/bolt03/bolt03-key-derivation.json");
    let inp = &v["inputs"];
    let dir = std::env::temp_dir().join(format!("lnkit-keys-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let kf = dir.join("k.json");
    std::fs::write(&kf, json!({"basepoint_secret": s(inp, "base_secret"), "per_commitment_secret": s(inp, "per_commitment_secret")}).to_string()).unwrap();
    let o = cli("ln-commit")
        .args([
            "keys",
            "derive",
            "--basepoint",
            s(inp, "base_point"),
            "--per-commitment-point",
            s(inp, "per_commitment_point"),
            "--key-file",
        ])
        .arg(&kf)
        .run();
    o.code(0);
    let j = o.json();
    let tests = v["tests"].as_array().unwrap();
    assert_eq!(tests.len(), 4);
    for t in tests {
        let (k, want) = t["expected"].as_object().unwrap().iter().next().unwrap();
        let field = match k.as_str() {
            "localpubkey" => "pubkey",
            "localprivkey" => "privkey",
            "revocationpubkey" => "revocation_pubkey",
            "revocationprivkey" => "revocation_privkey",
            x => panic!("{x}"),
        };
        assert_eq!(&j[field], want, "{}", s(t, "name"));
    }
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn recover_helper_matches_the_appendix_e_trace() {
    // Appendix E's revocation-secret trace prints revocation_basepoint_secret ·
    // SHA256(revocation_basepoint ‖ per_commitment_point) — exactly the helper value.
    let v = vector_json("bolts/bolt03/bolt03-key-derivation.json");
    let inp = &v["inputs"];
    let trace = v["tests"][3]["trace"].as_array().unwrap();
    let line = trace
        .iter()
        .map(|x| x.as_str().unwrap())
        .find(|x| x.starts_with("* revocation_basepoint_secret"))
        .unwrap();
    let want = line.rsplit("0x").next().unwrap();
    let rb = crate::vectors_bolt03::sk(s(inp, "base_secret"));
    let pcp = crate::vectors_bolt03::pk(s(inp, "per_commitment_point"));
    let k = lnkit::tx::recover::helper_value(&rb, &pcp).unwrap();
    assert_eq!(hex::encode(k.secret_bytes()), want);
    // and helper + own part = the appendix's revocation private key
    let pcs = crate::vectors_bolt03::sk(s(inp, "per_commitment_secret"));
    let key = lnkit::tx::recover::revocation_key_from_helper(
        &k,
        &pcs,
        &crate::vectors_bolt03::pk(s(inp, "base_point")),
    )
    .unwrap();
    assert_eq!(
        hex::encode(key.secret_bytes()),
        v["tests"][3]["expected"]["revocationprivkey"].as_str().unwrap()
    );
}

#[test]
fn recover_end_to_end_with_script_check() {
    let c = AppendixC::load();
    let dir = std::env::temp_dir().join(format!("lnkit-recover-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for ct in ["static_remotekey", "anchors", "zero_fee_commitments"] {
        let feerate = if ct == "zero_fee_commitments" { 0 } else { 253 };
        let spec = appendix_c_spec(&c, ct, 7_000_000_000, 3_000_000_000, feerate, 546);
        let com = lnkit::tx::build::build(&spec).unwrap().remove(0).tx;
        // The honest peer (remote) computes the helper from its revocation basepoint secret.
        let pcp = c.v["internal_derivation_values"]["local_per_commitment_point"].as_str().unwrap();
        let peer_keys = dir.join("peer.json");
        std::fs::write(
            &peer_keys,
            json!({"revocation_basepoint_secret": spec["remote"]["revocation_basepoint_secret"]})
                .to_string(),
        )
        .unwrap();
        let o = cli("ln-commit")
            .args(["recover", "helper", "--per-commitment-point", pcp, "--key-file"])
            .arg(&peer_keys)
            .run();
        o.code(0);
        let helper = o.json()["helper"].as_str().unwrap().to_string();
        // The closer: its spec without the peer's secrets, the helper in its key file.
        let mut public = spec.clone();
        public["remote"] = json!({
            "funding_privkey": spec["remote"]["funding_privkey"],
            "revocation_basepoint": c.v["internal_derivation_values"]["remote_revocation_basepoint"],
            "payment_basepoint_secret": spec["remote"]["payment_basepoint_secret"],
            "delayed_payment_basepoint_secret": spec["remote"]["delayed_payment_basepoint_secret"],
            "htlc_basepoint_secret": spec["remote"]["htlc_basepoint_secret"],
        });
        let closer_keys = dir.join("closer.json");
        std::fs::write(&closer_keys, json!({"helper": helper}).to_string()).unwrap();
        let dest = "0014".to_string() + &"77".repeat(20);
        let o = cli("ln-commit")
            .args([
                "recover",
                "sweep",
                "--spec",
                "-",
                "--destination",
                &dest,
                "--json",
                "--key-file",
            ])
            .arg(&closer_keys)
            .stdin(public.to_string())
            .run();
        o.code(0);
        let j = o.json();
        assert_eq!(j["commitment_txid"], json!(com.compute_txid().to_string()), "{ct}");
        let tx: Transaction =
            deserialize(&hex::decode(j["hex"].as_str().unwrap()).unwrap()).unwrap();
        let vout = tx.input[0].previous_output.vout as usize;
        // No CSV wait: the input's sequence disables relative locks.
        assert!(tx.input[0].sequence.0 >= 0xffff_fffd, "{ct}");
        verify_spend(&tx, &[com.output[vout].clone()], &format!("{ct}: recovery sweep"));
        // A wrong helper is refused.
        std::fs::write(&closer_keys, json!({"helper": "11".repeat(32)}).to_string()).unwrap();
        let o = cli("ln-commit")
            .args(["recover", "sweep", "--spec", "-", "--destination", &dest, "--key-file"])
            .arg(&closer_keys)
            .stdin(public.to_string())
            .run();
        o.code(1).one_line_error();
        // With HTLC outputs pending the sweep is refused.
        let with_htlcs = appendix_c_spec(&c, ct, 6_988_000_000, 3_000_000_000, feerate, 546);
        std::fs::write(&closer_keys, json!({"helper": helper}).to_string()).unwrap();
        let o = cli("ln-commit")
            .args(["recover", "sweep", "--spec", "-", "--destination", &dest, "--key-file"])
            .arg(&closer_keys)
            .stdin(with_htlcs.to_string())
            .run();
        o.code(1).one_line_error();
        assert!(o.stderr.contains("HTLC"), "{ct}: {}", o.stderr);
    }
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn factory_layout_matches_the_notes() {
    // notes §5: 8 clients → kickoff → state → kickoff → leaf state (4 txs); tree tx sizes
    // 124 vB (kickoff) and 210 vB (leaf with two channels, stock and P2A); states 432/288/144/0.
    let o = cli("ln-commit")
        .args(["factory", "--json", "--clients", "8", "--arity", "2,4", "--feerates", "10"])
        .run();
    o.code(0);
    let j = o.json();
    let nodes = j["nodes"].as_array().unwrap();
    assert_eq!(nodes.len(), 10);
    let exits = j["exits"].as_array().unwrap();
    assert_eq!(exits.len(), 8);
    for e in exits {
        assert_eq!(e["txs"], 4);
        let kinds: Vec<&str> = e["path"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| nodes[i.as_u64().unwrap() as usize]["kind"].as_str().unwrap())
            .collect();
        assert_eq!(kinds, ["kickoff", "state", "kickoff", "leaf_state"]);
        assert_eq!(
            e["fees"][0]["fee_sat"].as_u64().unwrap(),
            10 * e["total_vsize"].as_u64().unwrap()
        );
    }
    assert_eq!(nodes[0]["check"]["vsize"], 124);
    assert!(nodes.iter().filter(|n| n["kind"] == "leaf_state").all(|n| n["check"]["vsize"] == 210));
    assert_eq!(nodes[1]["nsequence_per_state"], json!([432, 288, 144, 0]));
    assert_eq!(j["worst_case_delay_blocks"], 2 * 432 + 4);
    for n in nodes {
        assert_eq!(n["check"]["version"], 3);
        assert_eq!(n["check"]["standard"], true, "{n}");
        // Value is conserved: a node's outputs sum to the parent output it spends.
        if let Some(p) = n["parent"].as_object() {
            let parent = &nodes[p["node"].as_u64().unwrap() as usize];
            let spent = parent["outputs"][p["output"].as_u64().unwrap() as usize]["amount_sat"]
                .as_u64()
                .unwrap();
            let sum: u64 = n["outputs"]
                .as_array()
                .unwrap()
                .iter()
                .map(|o| o["amount_sat"].as_u64().unwrap())
                .sum();
            assert_eq!(sum, spent, "node {}", n["index"]);
        }
    }
    // The exit ends with the leaf channel's commitment: zero-fee by default, 194 vB as notes §5
    // computes it, bumped by one more CPFP child; its delay adds one block and to_self_delay.
    assert_eq!(j["leaf_commitment"]["vsize"], 194);
    for e in exits {
        let parts = [
            "tree_vsize",
            "cpfp_children_vsize",
            "commitment_vsize",
            "commitment_cpfp_child_vsize",
        ];
        let sum: u64 = parts.iter().map(|k| e[k].as_u64().unwrap()).sum();
        assert_eq!(e["total_vsize"].as_u64().unwrap(), sum);
        assert_eq!(
            e["commitment_cpfp_child_vsize"],
            e["cpfp_children_vsize"].as_u64().unwrap() / 4
        );
        assert_eq!(
            e["exit_delay_blocks"],
            e["worst_case_delay_blocks"].as_u64().unwrap() + 1 + 144
        );
    }
    // Binary tree over 128 clients: 7 state layers.
    let o = cli("ln-commit").args(["factory", "--json", "--clients", "128", "--arity", "2"]).run();
    o.code(0);
    assert_eq!(o.json()["worst_case_delay_blocks"], 7 * 432 + 14);
    // Text form and bad input.
    cli("ln-commit").args(["factory"]).run().code(0);
    cli("ln-commit").args(["factory", "--arity", "1"]).run().code(1).one_line_error();
    cli("ln-commit").args(["factory", "--arity", "x"]).run().code(2).one_line_error();
}

#[test]
fn factory_with_real_keys_and_leaf_channel_types() {
    use lnkit::tx::{scripts, taproot};
    let secp = bitcoin::secp256k1::Secp256k1::new();
    let key = |i: u8| {
        let sk = bitcoin::secp256k1::SecretKey::from_slice(&[i; 32]).unwrap();
        bitcoin::secp256k1::PublicKey::from_secret_key(&secp, &sk)
    };
    let lsp = key(1);
    let clients: Vec<_> = (2..8).map(key).collect();
    let keys = json!({
        "lsp_pubkey": lsp.to_string(),
        "client_pubkeys": clients.iter().map(ToString::to_string).collect::<Vec<_>>(),
    });
    for (ct, commitment_vsize) in
        [("zero_fee_commitments", 194), ("simple_taproot", 242), ("anchors", 281)]
    {
        let o = cli("ln-commit")
            .args(["factory", "--json", "--arity", "2", "--keys", &keys.to_string()])
            .args(["--leaf-channel-type", ct, "--to-self-delay", "2016"])
            .run();
        o.code(0);
        let j = o.json();
        assert_eq!(j["params"]["clients"], 6, "{ct}: client count from --keys");
        assert_eq!(j["leaf_commitment"]["vsize"], commitment_vsize, "{ct}");
        // Each client's channel output is its channel's funding output with the LSP.
        let nodes = j["nodes"].as_array().unwrap();
        let mut channels = 0;
        for n in nodes.iter().filter(|n| n["kind"] == "leaf_state") {
            for o in n["outputs"].as_array().unwrap().iter().filter(|o| o["role"] == "channel") {
                let c = o["clients"][0].as_u64().unwrap() as usize;
                let want = if ct == "simple_taproot" {
                    taproot::funding_script_pubkey(&clients[c], &lsp).unwrap()
                } else {
                    scripts::p2wsh(&scripts::funding_script(&clients[c], &lsp))
                };
                assert_eq!(o["script_pubkey"], hex::encode(want.as_bytes()), "{ct}: client {c}");
                channels += 1;
            }
        }
        assert_eq!(channels, 6, "{ct}");
        for e in j["exits"].as_array().unwrap() {
            assert_eq!(
                e["exit_delay_blocks"],
                e["worst_case_delay_blocks"].as_u64().unwrap() + 2017
            );
        }
    }
    // Key count and --clients must agree; bad keys are one-line errors.
    cli("ln-commit")
        .args(["factory", "--clients", "5", "--keys", &keys.to_string()])
        .run()
        .code(2)
        .one_line_error();
    cli("ln-commit")
        .args(["factory", "--keys", r#"{"lsp_pubkey":"02","client_pubkeys":[]}"#])
        .run()
        .code(1)
        .one_line_error();
    cli("ln-commit")
        .args(["factory", "--leaf-channel-type", "nope"])
        .run()
        .code(2)
        .one_line_error();
}
