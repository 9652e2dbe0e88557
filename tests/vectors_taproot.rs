//! Simple taproot channel vectors (bolts#995 `simple-taproot-test-vectors.json`): key
//! derivation from the seed, every script tree, the three commitments with MuSig2 nonces and
//! partial signatures, and the seven signed HTLC transactions — byte for byte. Every
//! transaction we build and every signed transaction of the vector is script-checked by
//! libbitcoinconsensus 26 (taproot, all spent outputs given); a corrupted signature of each
//! kind (key-path commitment, HTLC-timeout and HTLC-success script paths) must fail it.
#![allow(clippy::many_single_char_names)]

use bitcoin::consensus::deserialize;
use bitcoin::consensus::encode::serialize_hex;
use bitcoin::hashes::{sha256, Hash};
use bitcoin::{OutPoint, Transaction, Witness};
use lnkit::crypto::musig2::SecNonce;
use lnkit::crypto::{keys, schnorr};
use lnkit::tx::build;
use lnkit::tx::inspect::{self, InspectOptions};
use lnkit::tx::taproot::{self, TapOutput, TaprootCommitment, TaprootSpec};
use lnkit::tx::{obscuring_factor, CommitmentKeys, Htlc, HtlcDirection, Side};
use serde_json::{json, Value};

use crate::support::{cli, vector_json};
use crate::vectors_bolt03::{b32, bytes, pk, point, s, sk, u, verify_spend};

fn vectors() -> Value {
    vector_json("proposals/simple-taproot-channels/simple-taproot-test-vectors.json")["vectors"]
        .clone()
}

fn keys_of(k: &Value) -> CommitmentKeys {
    CommitmentKeys {
        revocation: pk(s(k, "derived_revocation_pubkey")),
        local_delayed: pk(s(k, "derived_local_delayed_pubkey")),
        local_htlc: pk(s(k, "derived_local_htlc_pubkey")),
        remote_htlc: pk(s(k, "derived_remote_htlc_pubkey")),
        remote_payment: pk(s(k, "derived_remote_payment_pubkey")),
        local_funding: pk(s(k, "local_funding_pubkey")),
        remote_funding: pk(s(k, "remote_funding_pubkey")),
    }
}

#[test]
fn simple_taproot_key_derivation() {
    let v = vectors();
    let p = &v["params"];
    let k = &p["keys"];
    let seed = bytes(s(p, "seed"));
    let labels = [
        ("local_funding_privkey", "local-funding"),
        ("remote_funding_privkey", "remote-funding"),
        ("local_payment_basepoint_secret", "local-payment-basepoint"),
        ("remote_payment_basepoint_secret", "remote-payment-basepoint"),
        ("local_delayed_payment_basepoint_secret", "local-delayed-payment-basepoint"),
        ("remote_revocation_basepoint_secret", "remote-revocation-basepoint"),
        ("local_htlc_basepoint_secret", "local-htlc-basepoint"),
        ("remote_htlc_basepoint_secret", "remote-htlc-basepoint"),
        ("local_per_commit_secret", "local-per-commit-secret"),
    ];
    for (field, label) in labels {
        let mut pre = seed.clone();
        pre.extend_from_slice(label.as_bytes());
        assert_eq!(hex::encode(sha256::Hash::hash(&pre).to_byte_array()), s(k, field), "{field}");
    }
    for (secret, public) in [
        ("local_funding_privkey", "local_funding_pubkey"),
        ("remote_funding_privkey", "remote_funding_pubkey"),
        ("local_payment_basepoint_secret", "local_payment_basepoint"),
        ("remote_payment_basepoint_secret", "remote_payment_basepoint"),
        ("local_delayed_payment_basepoint_secret", "local_delayed_payment_basepoint"),
        ("remote_revocation_basepoint_secret", "remote_revocation_basepoint"),
        ("local_htlc_basepoint_secret", "local_htlc_basepoint"),
        ("remote_htlc_basepoint_secret", "remote_htlc_basepoint"),
        ("local_per_commit_secret", "local_per_commit_point"),
    ] {
        assert_eq!(point(&sk(s(k, secret))).to_string(), s(k, public), "{public}");
    }
    let pcp = pk(s(k, "local_per_commit_point"));
    let d = |b: &str| keys::derive_pubkey(&pk(s(k, b)), &pcp).unwrap().to_string();
    assert_eq!(d("local_delayed_payment_basepoint"), s(k, "derived_local_delayed_pubkey"));
    assert_eq!(d("local_htlc_basepoint"), s(k, "derived_local_htlc_pubkey"));
    assert_eq!(d("remote_htlc_basepoint"), s(k, "derived_remote_htlc_pubkey"));
    assert_eq!(
        keys::derive_revocation_pubkey(&pk(s(k, "remote_revocation_basepoint")), &pcp)
            .unwrap()
            .to_string(),
        s(k, "derived_revocation_pubkey")
    );
    assert_eq!(s(k, "derived_remote_payment_pubkey"), s(k, "remote_payment_basepoint"));
    assert_eq!(hex::encode(taproot::NUMS_POINT), s(p, "nums_point"));
}

fn check_tree(name: &str, got: &TapOutput, want: &Value, leaf_names: &[&str]) {
    let scripts = &want["scripts"];
    let hashes = &want["leaf_hashes"];
    assert_eq!(got.leaves.len(), leaf_names.len(), "{name}");
    for (i, leaf) in leaf_names.iter().enumerate() {
        assert_eq!(
            hex::encode(got.leaves[i].as_bytes()),
            s(scripts, leaf),
            "{name}: {leaf} script"
        );
        assert_eq!(
            got.leaf_hash(i).unwrap().to_string(),
            s(hashes, leaf),
            "{name}: {leaf} leaf hash"
        );
    }
    let root = got.spend_info.merkle_root().unwrap();
    assert_eq!(root.to_string(), s(want, "tapscript_root"), "{name}: root");
    assert_eq!(
        hex::encode(got.internal_key.serialize()),
        &s(want, "internal_key")[2..],
        "{name}: internal key"
    );
    let (ok, parity) = (got.spend_info.output_key(), got.spend_info.output_key_parity());
    let want_ok = s(want, "output_key");
    assert_eq!(
        hex::encode(ok.to_x_only_public_key().serialize()),
        &want_ok[2..],
        "{name}: output key"
    );
    assert_eq!(
        parity.to_u8() + 2,
        u8::from_str_radix(&want_ok[..2], 16).unwrap(),
        "{name}: parity"
    );
    assert_eq!(
        hex::encode(got.script_pubkey().as_bytes()),
        s(want, "pkscript"),
        "{name}: pkscript"
    );
}

#[test]
fn simple_taproot_scripts() {
    let v = vectors();
    let p = &v["params"];
    let k = keys_of(&p["keys"]);
    let sc = &v["scripts"];
    let delay = u(p, "csv_delay") as u16;
    // Funding: MuSig2 of the sorted funding keys with the BIP 86 tweak.
    let f = &sc["funding"];
    let spk = taproot::funding_script_pubkey(&k.local_funding, &k.remote_funding).unwrap();
    assert_eq!(hex::encode(spk.as_bytes()), s(f, "pkscript"));
    assert_eq!(&hex::encode(spk.as_bytes())[4..], s(f, "combined_key"));
    let funding_tx: bitcoin::Transaction =
        bitcoin::consensus::deserialize(&bytes(s(f, "funding_tx_hex"))).unwrap();
    assert_eq!(funding_tx.output[0].script_pubkey, spk);
    let mut n = 1;
    check_tree(
        "to_local",
        &taproot::to_local(&k.revocation, delay, &k.local_delayed).unwrap(),
        &sc["to_local"],
        &["settle", "revocation"],
    );
    check_tree(
        "to_remote",
        &taproot::to_remote(&k.remote_payment).unwrap(),
        &sc["to_remote"],
        &["settle"],
    );
    check_tree(
        "local_anchor",
        &taproot::anchor(&k.local_delayed).unwrap(),
        &sc["local_anchor"],
        &["sweep"],
    );
    check_tree(
        "remote_anchor",
        &taproot::anchor(&k.remote_payment).unwrap(),
        &sc["remote_anchor"],
        &["sweep"],
    );
    n += 4;
    // The script section's HTLCs use payment hash SHA256(0x00 * 32) and expiry 500.
    let hash = sha256::Hash::hash(&[0u8; 32]).to_byte_array();
    for name in ["offered_htlc_local_commit", "offered_htlc_remote_commit"] {
        check_tree(
            name,
            &taproot::offered_htlc(&k.revocation, &k.local_htlc, &k.remote_htlc, &hash).unwrap(),
            &sc[name],
            &["timeout", "success"],
        );
        n += 1;
    }
    // The accepted-HTLC entries were generated with the two HTLC keys in the other roles (the
    // commitment transactions below use the proposal's order, which we follow): swapping them
    // reproduces the entries byte for byte.
    for name in ["accepted_htlc_local_commit", "accepted_htlc_remote_commit"] {
        check_tree(
            name,
            &taproot::accepted_htlc(&k.revocation, &k.remote_htlc, &k.local_htlc, &hash, 500)
                .unwrap(),
            &sc[name],
            &["timeout", "success"],
        );
        n += 1;
    }
    for name in ["second_level_htlc_success", "second_level_htlc_timeout"] {
        check_tree(
            name,
            &taproot::second_level(&k.revocation, delay, &k.local_delayed).unwrap(),
            &sc[name],
            &["success"],
        );
        n += 1;
    }
    assert_eq!(n, 11);
    assert_eq!(sc.as_object().unwrap().len(), 11);
}

#[test]
fn simple_taproot_commitment_and_htlc_txs() {
    let v = vectors();
    let p = &v["params"];
    let kj = &p["keys"];
    let k = keys_of(kj);
    let funding: bitcoin::Transaction =
        bitcoin::consensus::deserialize(&bytes(s(&v["scripts"]["funding"], "funding_tx_hex")))
            .unwrap();
    let txs = v["transactions"].as_array().unwrap();
    assert_eq!(txs.len(), 3);
    let (mut htlc_checked, mut commit_checked) = (0, 0);
    for t in txs {
        let name = s(t, "name");
        let htlcs: Vec<(Htlc, [u8; 32])> = t["htlcs"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|h| {
                let pre = b32(s(h, "preimage"));
                let dir = if h["incoming"].as_bool().unwrap() {
                    HtlcDirection::Received
                } else {
                    HtlcDirection::Offered
                };
                (
                    Htlc {
                        direction: dir,
                        amount_msat: u(h, "amount_msat"),
                        payment_hash: sha256::Hash::hash(&pre).to_byte_array(),
                        cltv_expiry: u(h, "expiry") as u32,
                    },
                    pre,
                )
            })
            .collect();
        let spec = TaprootSpec {
            funding_outpoint: OutPoint { txid: funding.compute_txid(), vout: 0 },
            funding_sat: u(p, "funding_amount_satoshis"),
            commitment_number: u(p, "commit_height"),
            obscuring_factor: obscuring_factor(
                &pk(s(kj, "local_payment_basepoint")),
                &pk(s(kj, "remote_payment_basepoint")),
            ),
            to_self_delay: u(p, "csv_delay") as u16,
            dust_limit_sat: t
                .get("dust_limit_satoshis")
                .and_then(Value::as_u64)
                .unwrap_or(u(p, "dust_limit_satoshis")),
            feerate_per_kw: u(t, "fee_per_kw") as u32,
            funder: Side::Local,
            to_local_msat: u(t, "local_balance_msat"),
            to_remote_msat: u(t, "remote_balance_msat"),
            htlcs: htlcs.iter().map(|x| x.0).collect(),
            keys: k,
        };
        let mut com = TaprootCommitment::build(spec).unwrap_or_else(|e| panic!("{name}: {e}"));
        // MuSig2: the vector's secret nonces give its public nonces; the remote's partial
        // signature is reproduced; the aggregate is the witness.
        let local_sec =
            SecNonce::from_bytes(&bytes(s(t, "local_sec_nonce")).try_into().unwrap()).unwrap();
        let remote_sec =
            SecNonce::from_bytes(&bytes(s(t, "remote_sec_nonce")).try_into().unwrap()).unwrap();
        let local_pub = local_sec.public_nonce().unwrap();
        let remote_pub = remote_sec.public_nonce().unwrap();
        assert_eq!(hex::encode(local_pub.to_bytes()), s(t, "local_nonce"), "{name}: local nonce");
        assert_eq!(
            hex::encode(remote_pub.to_bytes()),
            s(t, "remote_nonce"),
            "{name}: remote nonce"
        );
        let session = com.session(&[local_pub, remote_pub]).unwrap();
        let remote_psig = com
            .partial_sign(&session, remote_sec, &sk(s(kj, "remote_funding_privkey")).secret_bytes())
            .unwrap();
        assert_eq!(
            hex::encode(remote_psig),
            s(t, "remote_partial_sig"),
            "{name}: remote partial sig"
        );
        let local_psig = com
            .partial_sign(&session, local_sec, &sk(s(kj, "local_funding_privkey")).secret_bytes())
            .unwrap();
        let sig = session.aggregate(&[local_psig, remote_psig]).unwrap();
        com.set_signature(&sig).unwrap();
        assert_eq!(
            serialize_hex(&com.tx),
            s(t, "expected_commitment_tx_hex"),
            "{name}: commitment tx"
        );
        verify_spend(
            &com.tx,
            std::slice::from_ref(&com.funding_prevout),
            &format!("{name}: commitment"),
        );
        assert_eq!(com.funding_prevout, funding.output[0], "{name}: funding prevout");
        commit_checked += 1;

        let pcp = pk(s(kj, "local_per_commit_point"));
        let local_htlc = keys::derive_privkey(&sk(s(kj, "local_htlc_basepoint_secret")), &pcp)
            .unwrap()
            .secret_bytes();
        let remote_htlc = keys::derive_privkey(&sk(s(kj, "remote_htlc_basepoint_secret")), &pcp)
            .unwrap()
            .secret_bytes();
        let descs: Vec<&Value> = t["htlc_descs"].as_array().into_iter().flatten().collect();
        let built = com.htlc_txs().unwrap();
        assert_eq!(built.len(), descs.len(), "{name}: HTLC tx count");
        for (mut ht, d) in built.into_iter().zip(descs) {
            let what = format!("{name}: HTLC tx {}", ht.tx.input[0].previous_output.vout);
            let rs = ht.sign_remote(&remote_htlc).unwrap();
            assert_eq!(
                hex::encode(&rs[..64]),
                s(d, "remote_partial_sig_hex"),
                "{what}: remote sig"
            );
            let ls = ht.sign_local(&local_htlc).unwrap();
            // Both signatures verify under the leaf's keys.
            let msg = ht.message(bitcoin::TapSighashType::Default).unwrap();
            schnorr::verify(
                &k.local_htlc.x_only_public_key().0.serialize(),
                &msg,
                &ls.clone().try_into().unwrap(),
            )
            .unwrap();
            let pre = htlcs.iter().find(|x| x.0.payment_hash == ht.payment_hash).map(|x| x.1);
            ht.finalize(&rs, &ls, pre.as_ref()).unwrap();
            assert_eq!(serialize_hex(&ht.tx), s(d, "resolution_tx_hex"), "{what}: tx");
            assert_eq!(ht.tx.input[0].previous_output.txid, com.txid());
            verify_spend(&ht.tx, std::slice::from_ref(&ht.prevout), &what);
            htlc_checked += 1;
        }
    }
    assert_eq!((commit_checked, htlc_checked), (3, 7));
}

fn funding_tx(v: &Value) -> Transaction {
    deserialize(&bytes(s(&v["scripts"]["funding"], "funding_tx_hex"))).unwrap()
}

#[test]
fn simple_taproot_vector_transactions_pass_script_checks() {
    // The vector's own signed transactions against the outputs they spend: commitments against
    // the funding transaction's output, HTLC txs against the vector commitment's outputs.
    let v = vectors();
    let funding = funding_tx(&v);
    let (mut commitments, mut htlc_txs) = (0, 0);
    for t in v["transactions"].as_array().unwrap() {
        let name = s(t, "name");
        let com: Transaction = deserialize(&bytes(s(t, "expected_commitment_tx_hex"))).unwrap();
        assert_eq!(com.input[0].previous_output.txid, funding.compute_txid(), "{name}");
        let vout = com.input[0].previous_output.vout as usize;
        verify_spend(&com, &[funding.output[vout].clone()], &format!("{name}: commitment"));
        commitments += 1;
        for d in t["htlc_descs"].as_array().into_iter().flatten() {
            let ht: Transaction = deserialize(&bytes(s(d, "resolution_tx_hex"))).unwrap();
            let op = ht.input[0].previous_output;
            assert_eq!(op.txid, com.compute_txid(), "{name}");
            let what = format!("{name}: HTLC tx spending output {}", op.vout);
            verify_spend(&ht, &[com.output[op.vout as usize].clone()], &what);
            htlc_txs += 1;
        }
    }
    assert_eq!((commitments, htlc_txs), (3, 7));
}

/// Flips one bit of witness item `item` of input 0.
fn corrupt(tx: &Transaction, item: usize) -> Transaction {
    let mut bad = tx.clone();
    let mut items: Vec<Vec<u8>> = bad.input[0].witness.iter().map(<[u8]>::to_vec).collect();
    items[item][7] ^= 1;
    bad.input[0].witness = Witness::from_slice(&items);
    bad
}

#[test]
fn simple_taproot_script_check_rejects_corrupted_signatures() {
    // One failing case per kind: the key-path MuSig2 signature of a commitment, and each of
    // the two signatures of an HTLC-timeout (offered) and an HTLC-success (received) tx.
    let v = vectors();
    let funding = funding_tx(&v);
    let t = &v["transactions"][1];
    let com: Transaction = deserialize(&bytes(s(t, "expected_commitment_tx_hex"))).unwrap();
    let prevout = [funding.output[0].clone()];
    verify_spend(&com, &prevout, "intact commitment");
    assert!(
        lnkit::policy::verify_scripts(&corrupt(&com, 0), &prevout).is_err(),
        "a corrupted MuSig2 signature passed"
    );
    // A valid signature over another transaction fails too (the message is bound).
    let mut other = com.clone();
    other.lock_time =
        bitcoin::absolute::LockTime::from_consensus(other.lock_time.to_consensus_u32() ^ 1);
    assert!(lnkit::policy::verify_scripts(&other, &prevout).is_err(), "signature not bound to tx");
    let (mut timeouts, mut successes) = (0, 0);
    for d in t["htlc_descs"].as_array().unwrap() {
        let ht: Transaction = deserialize(&bytes(s(d, "resolution_tx_hex"))).unwrap();
        let prev = [com.output[ht.input[0].previous_output.vout as usize].clone()];
        verify_spend(&ht, &prev, "intact HTLC tx");
        // Success txs carry a preimage (5 witness items), timeout txs do not (4).
        match ht.input[0].witness.len() {
            4 => timeouts += 1,
            5 => successes += 1,
            n => panic!("unexpected witness of {n} items"),
        }
        for (item, what) in [(0, "remote"), (1, "local")] {
            assert!(
                lnkit::policy::verify_scripts(&corrupt(&ht, item), &prev).is_err(),
                "HTLC tx with a corrupted {what} signature passed"
            );
        }
        if ht.input[0].witness.len() == 5 {
            assert!(
                lnkit::policy::verify_scripts(&corrupt(&ht, 2), &prev).is_err(),
                "HTLC-success with a wrong preimage passed"
            );
        }
    }
    assert!(timeouts > 0 && successes > 0, "{timeouts} timeout, {successes} success txs");
}

/// A bolts#995 vector transaction as an `ln-commit build --spec` JSON (secrets and both
/// secret nonces included). The vector gives no local revocation or remote delayed basepoint;
/// neither enters the holder's commitment, so the payment basepoints stand in for them.
pub fn simple_taproot_spec(v: &Value, t: &Value) -> Value {
    let p = &v["params"];
    let k = &p["keys"];
    let htlcs: Vec<Value> = t["htlcs"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|h| {
            json!({
                "direction": if h["incoming"].as_bool().unwrap() { "received" } else { "offered" },
                "amount_msat": h["amount_msat"],
                "payment_preimage": h["preimage"],
                "cltv_expiry": h["expiry"],
            })
        })
        .collect();
    json!({
        "kind": "commitment",
        "channel_type": "simple_taproot",
        "commitment_number": p["commit_height"],
        "funding_txid": funding_tx(v).compute_txid().to_string(),
        "funding_vout": 0,
        "funding_sat": p["funding_amount_satoshis"],
        "to_self_delay": p["csv_delay"],
        "dust_limit_sat": t.get("dust_limit_satoshis").unwrap_or(&p["dust_limit_satoshis"]),
        "feerate_per_kw": t["fee_per_kw"],
        "to_local_msat": t["local_balance_msat"],
        "to_remote_msat": t["remote_balance_msat"],
        "htlcs": htlcs,
        "local": {
            "funding_privkey": k["local_funding_privkey"],
            "revocation_basepoint": k["local_payment_basepoint"],
            "payment_basepoint_secret": k["local_payment_basepoint_secret"],
            "delayed_payment_basepoint_secret": k["local_delayed_payment_basepoint_secret"],
            "htlc_basepoint_secret": k["local_htlc_basepoint_secret"],
            "per_commitment_secret": k["local_per_commit_secret"],
            "musig2_secnonce": t["local_sec_nonce"],
        },
        "remote": {
            "funding_privkey": k["remote_funding_privkey"],
            "revocation_basepoint_secret": k["remote_revocation_basepoint_secret"],
            "payment_basepoint_secret": k["remote_payment_basepoint_secret"],
            "delayed_payment_basepoint": k["remote_payment_basepoint"],
            "htlc_basepoint_secret": k["remote_htlc_basepoint_secret"],
            "musig2_secnonce": t["remote_sec_nonce"],
        },
    })
}

/// Every vector transaction with its spec.
pub fn simple_taproot_specs() -> Vec<(String, Value, Value)> {
    let v = vectors();
    v["transactions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| (s(t, "name").to_string(), simple_taproot_spec(&v, t), t.clone()))
        .collect()
}

#[test]
fn simple_taproot_build_spec_reproduces_vectors() {
    let v = vectors();
    let funding = funding_tx(&v);
    let all = simple_taproot_specs();
    assert_eq!(all.len(), 3);
    let mut htlcs = 0;
    for (name, mut spec, t) in all {
        spec["htlc_txs"] = json!(true);
        let built = build::build(&spec).unwrap_or_else(|e| panic!("{name}: {e}"));
        let com = &built[0];
        assert!(com.signed, "{name}: signed");
        assert_eq!(serialize_hex(&com.tx), s(&t, "expected_commitment_tx_hex"), "{name}");
        verify_spend(&com.tx, &[funding.output[0].clone()], &name);
        let r = &com.report;
        assert_eq!(r["channel_type"], "simple_taproot", "{name}");
        assert_eq!(r["musig2"]["counterparty_partial_sig"], t["remote_partial_sig"], "{name}");
        assert_eq!(r["musig2"]["holder_pubnonce"], t["local_nonce"], "{name}");
        assert_eq!(r["outputs"].as_array().unwrap().len(), com.tx.output.len(), "{name}");
        for o in r["outputs"].as_array().unwrap() {
            assert!(o["internal_key"].is_string() && o["leaves"].is_array(), "{name}: {o}");
        }
        let want: Vec<&str> = t["htlc_descs"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|d| s(d, "resolution_tx_hex"))
            .collect();
        let got: Vec<String> = built[1..].iter().map(|b| serialize_hex(&b.tx)).collect();
        assert_eq!(got, want, "{name}: HTLC txs");
        for b in &built[1..] {
            assert!(b.signed, "{name}: HTLC tx signed");
            let vout = b.tx.input[0].previous_output.vout as usize;
            verify_spend(&b.tx, &[com.tx.output[vout].clone()], &format!("{name}: HTLC {vout}"));
            htlcs += 1;
        }
    }
    assert_eq!(htlcs, 7);
}

#[test]
fn simple_taproot_build_unsigned_and_with_a_partial_signature() {
    let v = vectors();
    let funding = funding_tx(&v);
    let (name, spec, t) = simple_taproot_specs().remove(1);
    let want = s(&t, "expected_commitment_tx_hex");
    let want_tx: Transaction = deserialize(&bytes(want)).unwrap();
    // No nonces: unsigned, same txid, and the report says what is missing.
    let mut unsigned = spec.clone();
    for side in ["local", "remote"] {
        unsigned[side].as_object_mut().unwrap().remove("musig2_secnonce");
    }
    let b = build::build(&unsigned).unwrap().remove(0);
    assert!(!b.signed && b.tx.input[0].witness.is_empty(), "{name}");
    assert_eq!(b.tx.compute_txid(), want_tx.compute_txid(), "{name}");
    assert!(b.report["musig2"]["missing"].is_string(), "{name}");
    // The counterparty's public nonce and partial signature stand in for its key and nonce.
    let mut partial = spec.clone();
    let r = partial["remote"].as_object_mut().unwrap();
    r.remove("musig2_secnonce");
    r.remove("funding_privkey");
    r.insert("funding_pubkey".into(), v["params"]["keys"]["remote_funding_pubkey"].clone());
    r.insert("musig2_pubnonce".into(), t["remote_nonce"].clone());
    r.insert("musig2_partial_sig".into(), t["remote_partial_sig"].clone());
    let b = build::build(&partial).unwrap().remove(0);
    assert!(b.signed, "{name}");
    assert_eq!(serialize_hex(&b.tx), want, "{name}");
    verify_spend(&b.tx, &[funding.output[0].clone()], &name);
    // A wrong partial signature is refused, naming the field.
    let mut bad = partial.clone();
    bad["remote"]["musig2_partial_sig"] = json!(s(&v["transactions"][0], "remote_partial_sig"));
    let e = build::build(&bad).unwrap_err().to_string();
    assert!(e.contains("remote.musig2_partial_sig"), "{e}");
    // A public nonce that does not match the secret nonce is refused.
    let mut bad = spec.clone();
    bad["local"]["musig2_pubnonce"] = t["remote_nonce"].clone();
    let e = build::build(&bad).unwrap_err().to_string();
    assert!(e.contains("local.musig2_pubnonce"), "{e}");
}

#[test]
fn cli_build_simple_taproot_records_nonces() {
    let dir = std::env::temp_dir().join(format!("lnkit-taproot-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (name, spec, t) = simple_taproot_specs().remove(2);
    let run = |spec: &Value| {
        cli("ln-commit")
            .args(["build", "--json", "--htlc-txs", "--state-dir"])
            .arg(&dir)
            .stdin(spec.to_string())
            .run()
    };
    let o = run(&spec);
    o.code(0);
    let j = o.json();
    assert_eq!(j["hex"], t["expected_commitment_tx_hex"], "{name}");
    assert_eq!(j["signed"], true);
    assert_eq!(j["htlc_txs"].as_array().unwrap().len(), t["htlc_descs"].as_array().unwrap().len());
    // Both secret nonces are on record; the same session again is fine.
    assert_eq!(std::fs::read_dir(dir.join("used-nonces")).unwrap().count(), 2);
    run(&spec).code(0);
    // The same secret nonces for another transaction would leak the keys: refused.
    let mut other = spec.clone();
    other["feerate_per_kw"] = json!(spec["feerate_per_kw"].as_u64().unwrap() + 1);
    let o = run(&other);
    o.code(1).one_line_error();
    assert!(o.stderr.contains("already used"), "{}", o.stderr);
    // Flags: channel type and public nonces, no secret nonces → unsigned commitment.
    let mut public = spec.clone();
    for side in ["local", "remote"] {
        public[side].as_object_mut().unwrap().remove("musig2_secnonce");
    }
    public.as_object_mut().unwrap().remove("channel_type");
    let o = cli("ln-commit")
        .args(["build", "--json", "--channel-type", "simple_taproot", "--state-dir"])
        .arg(&dir)
        .args([
            "--local-pubnonce",
            s(&t, "local_nonce"),
            "--remote-pubnonce",
            s(&t, "remote_nonce"),
        ])
        .stdin(public.to_string())
        .run();
    o.code(0);
    let j = o.json();
    assert_eq!(j["signed"], false);
    assert_eq!(j["musig2"]["aggregate_nonce"].as_str().unwrap().len(), 132);
    std::fs::remove_dir_all(&dir).ok();
}

/// What `inspect --keys` gets for a vector transaction: the derived keys (public only), and
/// the HTLCs' payment hashes and expiries — never a script.
fn taproot_inspect_keys(v: &Value, t: &Value, with_delay: bool) -> Value {
    let k = &v["params"]["keys"];
    let htlcs: Vec<Value> = t["htlcs"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|h| {
            let pre = bytes(s(h, "preimage"));
            json!({
                "payment_hash": hex::encode(sha256::Hash::hash(&pre).to_byte_array()),
                "cltv_expiry": h["expiry"],
            })
        })
        .collect();
    let mut j = json!({
        "keys": {
            "revocation_pubkey": k["derived_revocation_pubkey"],
            "local_delayed_pubkey": k["derived_local_delayed_pubkey"],
            "local_htlc_pubkey": k["derived_local_htlc_pubkey"],
            "remote_htlc_pubkey": k["derived_remote_htlc_pubkey"],
            "remote_pubkey": k["derived_remote_payment_pubkey"],
            "local_funding_pubkey": k["local_funding_pubkey"],
            "remote_funding_pubkey": k["remote_funding_pubkey"],
        },
        "htlcs": htlcs,
    });
    if with_delay {
        j["to_self_delay"] = v["params"]["csv_delay"].clone();
    }
    j
}

#[test]
fn simple_taproot_inspect_names_every_output_from_keys() {
    let v = vectors();
    let k = &v["params"]["keys"];
    let (mut named, mut total) = (0, 0);
    for (i, (name, spec, t)) in simple_taproot_specs().into_iter().enumerate() {
        let tx: Transaction = deserialize(&bytes(s(&t, "expected_commitment_tx_hex"))).unwrap();
        total += tx.output.len();
        // The roles our builder gives (it reproduces the vector bytes, tests above).
        let built = build::build(&spec).unwrap().remove(0);
        assert_eq!(built.tx, tx, "{name}");
        let want: Vec<&str> = built.report["outputs"]
            .as_array()
            .unwrap()
            .iter()
            .map(|o| o["role"].as_str().unwrap())
            .collect();
        let opts = InspectOptions {
            basepoints: Some((
                pk(s(k, "local_payment_basepoint")),
                pk(s(k, "remote_payment_basepoint")),
            )),
            funding_sat: Some(u(&v["params"], "funding_amount_satoshis")),
            feerate_per_kw: Some(u(&t, "fee_per_kw") as u32),
            // Every other case searches the CSV delay.
            keys: lnkit::tx::json::key_candidates(&taproot_inspect_keys(&v, &t, i % 2 == 1))
                .unwrap(),
            spent_by: vec![],
        };
        let r = inspect::inspect(&tx, &opts).unwrap();
        assert!(r.is_commitment, "{name}");
        assert_eq!(r.commitment_number, Some(42), "{name}");
        assert_eq!(r.channel_type, Some(lnkit::tx::ChannelType::SimpleTaproot), "{name}");
        let got: Vec<&str> = r.outputs.iter().map(|o| o.role.unwrap_or("UNNAMED")).collect();
        assert_eq!(got, want, "{name}: roles");
        for (o, b) in r.json["outputs"]
            .as_array()
            .unwrap()
            .iter()
            .zip(built.report["outputs"].as_array().unwrap())
        {
            assert_eq!(o["recognised_by"], "keys", "{name}");
            assert_eq!(o["internal_key"], b["internal_key"], "{name}");
            assert_eq!(o["tapscript_root"], b["tapscript_root"], "{name}");
            for f in ["to_self_delay", "payment_hash", "cltv_expiry"] {
                if b.get(f).is_some() && f != "cltv_expiry"
                    || o["role"] == "received_htlc" && f == "cltv_expiry"
                {
                    assert_eq!(o[f], b[f], "{name}: {f}");
                }
            }
            named += 1;
        }
        let sum: u64 = tx.output.iter().map(|o| o.value.to_sat()).sum();
        assert_eq!(r.json["fee_sat"], json!(u(&v["params"], "funding_amount_satoshis") - sum));
        assert_eq!(r.json["base_fee_sat"], built.report["base_fee_sat"], "{name}");
    }
    assert_eq!((named, total), (19, 19), "outputs named");
}

#[test]
fn simple_taproot_inspect_by_revealed_leaves_and_templates() {
    // No keys: anchors by amount; the HTLC outputs once their HTLC txs (script-path spends
    // with control blocks) are given; to_local and to_remote stay unnamed.
    let v = vectors();
    let t = &v["transactions"][1];
    let tx: Transaction = deserialize(&bytes(s(t, "expected_commitment_tx_hex"))).unwrap();
    let r = inspect::inspect(&tx, &InspectOptions::default()).unwrap();
    assert_eq!(r.channel_type, Some(lnkit::tx::ChannelType::SimpleTaproot));
    let anchors = r.outputs.iter().filter(|o| o.role == Some("anchor")).count();
    assert_eq!(anchors, 2);
    let spenders: Vec<Transaction> = t["htlc_descs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| deserialize(&bytes(s(d, "resolution_tx_hex"))).unwrap())
        .collect();
    let n = spenders.len();
    let r = inspect::inspect(&tx, &InspectOptions { spent_by: spenders, ..Default::default() })
        .unwrap();
    let htlcs: Vec<&lnkit::tx::inspect::OutputInfo> =
        r.outputs.iter().filter(|o| o.role.is_some_and(|x| x.ends_with("_htlc"))).collect();
    assert_eq!(htlcs.len(), n);
    assert!(htlcs.iter().all(|o| o.source == Some("tapscript_leaf")));
    // Success leaves (received HTLCs) reveal the hash; timeout leaves of offered HTLCs do not.
    for o in &htlcs {
        if o.role == Some("received_htlc") {
            assert!(o.details.contains_key("payment_hash_ripemd160"), "{:?}", o.details);
        }
    }
    assert_eq!(r.outputs.iter().filter(|o| o.role.is_none()).count(), 2, "to_local, to_remote");
    // A leaf whose control block does not commit to the output is not believed.
    let mut forged: Transaction =
        deserialize(&bytes(s(&t["htlc_descs"][0], "resolution_tx_hex"))).unwrap();
    let mut items: Vec<Vec<u8>> = forged.input[0].witness.iter().map(<[u8]>::to_vec).collect();
    let last = items.len() - 1;
    items[last][5] ^= 1;
    forged.input[0].witness = Witness::from_slice(&items);
    let r = inspect::inspect(&tx, &InspectOptions { spent_by: vec![forged], ..Default::default() })
        .unwrap();
    assert!(r.outputs.iter().all(|o| o.source != Some("tapscript_leaf")));
}

#[test]
fn cli_inspect_simple_taproot_with_keys() {
    let v = vectors();
    let t = &v["transactions"][2];
    let hex_tx = s(t, "expected_commitment_tx_hex");
    let keys = taproot_inspect_keys(&v, t, false);
    let o = cli("ln-commit")
        .args(["inspect", hex_tx, "--funding-amount", "10000000", "--keys", &keys.to_string()])
        .run();
    o.code(0);
    let j = o.json();
    assert_eq!(j["commitment"]["channel_type"], "simple_taproot");
    let outs = j["outputs"].as_array().unwrap();
    let tx: Transaction = deserialize(&bytes(hex_tx)).unwrap();
    assert_eq!(outs.len(), tx.output.len(), "{j}");
    assert!(outs.iter().all(|o| !o["role"].is_null()), "{j}");
    // inspect --json → build --spec gives the same transaction back.
    let b = cli("ln-commit").args(["build", "--spec", "-"]).stdin(o.stdout.clone()).run();
    b.code(0);
    assert_eq!(b.stdout.trim(), hex_tx);
}

/// For the malformed-input test: a vector commitment and its key candidates.
pub fn malformed_base() -> (Transaction, Vec<lnkit::tx::inspect::KeyCandidate>) {
    let v = vectors();
    let t = &v["transactions"][1];
    let tx = deserialize(&bytes(s(t, "expected_commitment_tx_hex"))).unwrap();
    let keys = lnkit::tx::json::key_candidates(&taproot_inspect_keys(&v, t, true)).unwrap();
    (tx, keys)
}
