//! `ln-ptlc` end to end: a MuSig2 round over files (checked by libsecp256k1's own BIP-340
//! verifier and the `musig2` crate's key aggregation, not by our code), nonce single use, the
//! adaptor subcommands over the Schnorr-adaptor draft vectors, MuSig2 adaptor rounds in both
//! conventions, multi-hop locks, and one-line errors on malformed input.

use std::collections::HashSet;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use bitcoin::secp256k1::{
    schnorr::Signature, Message, PublicKey, Secp256k1, SecretKey, XOnlyPublicKey,
};
use serde_json::Value;

use crate::support::{cli, csv_rows, unhex, Output};

const DIR: &str = "proposals/ptlc-schnorr-adaptor";

/// A fresh scratch directory for one test.
fn scratch(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("lnkit-cli-ptlc-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p.to_str().unwrap().to_owned()
}

fn save(dir: &Path, name: &str, o: &Output) -> String {
    o.code(0);
    write(dir, name, &o.stdout)
}

fn sk_hex(i: u8) -> String {
    hex::encode(bitcoin::hashes::Hash::to_byte_array(
        <bitcoin::hashes::sha256::Hash as bitcoin::hashes::Hash>::hash(&[i]),
    ))
}

fn pubkey_of(sk: &str) -> PublicKey {
    PublicKey::from_secret_key(&Secp256k1::new(), &SecretKey::from_slice(&unhex(sk)).unwrap())
}

/// Independent BIP-340 check with libsecp256k1.
fn secp_verifies(pk_x: &str, msg: &[u8], sig: &str) -> bool {
    let secp = Secp256k1::verification_only();
    let pk = XOnlyPublicKey::from_slice(&unhex(pk_x)).unwrap();
    let sig = Signature::from_slice(&unhex(sig)).unwrap();
    let msg = Message::from_digest(msg.try_into().unwrap());
    secp.verify_schnorr(&sig, &msg, &pk).is_ok()
}

struct Signer {
    key_file: String,
    pubkey: String,
}

fn signers(dir: &Path) -> Vec<Signer> {
    (1..=2)
        .map(|i| {
            let sk = sk_hex(i);
            Signer {
                key_file: write(dir, &format!("signer{i}.key"), &format!("{sk}\n")),
                pubkey: hex::encode(pubkey_of(&sk).serialize()),
            }
        })
        .collect()
}

/// Runs nonce + sign for every signer; returns the psig files.
fn round(dir: &Path, s: &[Signer], msg: &str, extra: &[&str]) -> Vec<String> {
    let state = dir.join("state");
    let mut nonce_files = Vec::new();
    for (i, signer) in s.iter().enumerate() {
        let sec = dir.join(format!("signer{i}.secnonce"));
        let o = cli("ln-ptlc")
            .args(["musig2", "nonce", "--key-file", &signer.key_file, "--msg", msg])
            .args(["--secnonce-out", sec.to_str().unwrap()])
            .run();
        let mode = std::fs::metadata(&sec).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "secret nonce file mode");
        assert!(!o.stdout.contains(&std::fs::read_to_string(&sec).unwrap().trim().to_owned()));
        nonce_files.push(save(dir, &format!("signer{i}.nonce.json"), &o));
    }
    let mut psigs = Vec::new();
    for (i, signer) in s.iter().enumerate() {
        let sec = dir.join(format!("signer{i}.secnonce"));
        let mut c = cli("ln-ptlc")
            .args(["musig2", "sign", "--key-file", &signer.key_file, "--msg", msg])
            .args(["--secnonce", sec.to_str().unwrap()])
            .args(["--state-dir", state.to_str().unwrap()]);
        for x in s {
            c = c.args(["--pubkey", &x.pubkey]);
        }
        for n in &nonce_files {
            c = c.args(["--nonce", n]);
        }
        let o = c.args(extra).run();
        psigs.push(save(dir, &format!("signer{i}.psig.json"), &o));
        assert!(!sec.exists(), "the secret nonce file must be gone after signing");
    }
    psigs
}

fn aggregate(s: &[Signer], msg: &str, psigs: &[String], extra: &[&str]) -> Output {
    let mut c = cli("ln-ptlc").args(["musig2", "aggregate", "--msg", msg]);
    for x in s {
        c = c.args(["--pubkey", &x.pubkey]);
    }
    for p in psigs {
        c = c.args(["--psig", p]);
    }
    c.args(extra).run()
}

#[test]
fn musig2_three_step_round_over_files_gives_a_bip340_signature() {
    let dir = scratch("round");
    let s = signers(&dir);
    let msg = "1".repeat(64);
    let msg_file = write(&dir, "msg.hex", &msg);
    let psigs = round(&dir, &s, &msg_file, &[]);
    let agg = aggregate(&s, &msg_file, &psigs, &[]);
    let agg_file = save(&dir, "aggregate.json", &agg);
    let v = agg.json();
    let (sig, aggpk) = (v["signature"].as_str().unwrap(), v["aggregate_pubkey"].as_str().unwrap());

    // the musig2 crate agrees on the aggregate key; libsecp256k1 accepts the signature
    let theirs = musig2::KeyAggContext::new(
        s.iter().map(|x| musig2::secp::Point::from_slice(&unhex(&x.pubkey)).unwrap()),
    )
    .unwrap();
    let their_pk: musig2::secp::Point = theirs.aggregated_pubkey();
    assert_eq!(hex::encode(their_pk.serialize_xonly()), aggpk);
    assert!(secp_verifies(aggpk, &unhex(&msg), sig), "libsecp256k1 rejects the aggregate");

    let o = cli("ln-ptlc")
        .args(["musig2", "verify", "--pubkey", &agg_file, "--msg", &msg_file, "--sig", &agg_file])
        .run();
    o.code(0);
    assert_eq!(o.json()["valid"], true);
    // and a different message fails with exit 1
    let o = cli("ln-ptlc")
        .args(["musig2", "verify", "--pubkey", aggpk, "--msg", &"2".repeat(64), "--sig", sig])
        .run();
    o.code(1);
    assert_eq!(o.json()["valid"], false);

    // partial-verify accepts each psig and blames a swapped one
    for (i, p) in psigs.iter().enumerate() {
        let mut c = cli("ln-ptlc").args(["musig2", "partial-verify", "--msg", &msg, "--psig", p]);
        for x in &s {
            c = c.args(["--pubkey", &x.pubkey]);
        }
        for p in &psigs {
            c = c.args(["--nonce", p]);
        }
        assert_eq!(c.run().code(0).json()["valid"], true, "psig {i}");
    }
    let mut forged: Value =
        serde_json::from_str(&std::fs::read_to_string(&psigs[0]).unwrap()).unwrap();
    let other: Value = serde_json::from_str(&std::fs::read_to_string(&psigs[1]).unwrap()).unwrap();
    forged["partial_signature"] = other["partial_signature"].clone();
    let forged_file = write(&dir, "forged.json", &forged.to_string());
    let o = aggregate(&s, &msg, &[forged_file, psigs[1].clone()], &[]);
    o.code(1).one_line_error();
    assert!(o.stderr.contains("psig 0"), "{}", o.stderr);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn musig2_nonce_reuse_is_refused_even_from_a_restored_copy() {
    let dir = scratch("reuse");
    let s = signers(&dir);
    let state = dir.join("state");
    let sec = dir.join("a.secnonce");
    let o = cli("ln-ptlc")
        .args([
            "musig2",
            "nonce",
            "--signer",
            &s[0].pubkey,
            "--secnonce-out",
            sec.to_str().unwrap(),
        ])
        .run();
    let nonce_a = save(&dir, "a.nonce.json", &o);
    // a second nonce into the same file is refused (no silent overwrite)
    let again = cli("ln-ptlc")
        .args([
            "musig2",
            "nonce",
            "--signer",
            &s[0].pubkey,
            "--secnonce-out",
            sec.to_str().unwrap(),
        ])
        .run();
    again.code(3).one_line_error();
    let copy = dir.join("a.secnonce.bak");
    std::fs::copy(&sec, &copy).unwrap();
    let o = cli("ln-ptlc")
        .args(["musig2", "nonce", "--key-file", &s[1].key_file, "--secnonce-out"])
        .arg(dir.join("b.secnonce"))
        .run();
    let nonce_b = save(&dir, "b.nonce.json", &o);

    let sign = |msg: &str| {
        cli("ln-ptlc")
            .args(["musig2", "sign", "--secnonce", sec.to_str().unwrap(), "--msg", msg])
            .args(["--pubkey", &s[0].pubkey, "--pubkey", &s[1].pubkey])
            .args(["--nonce", &nonce_a, "--nonce", &nonce_b])
            .args(["--state-dir", state.to_str().unwrap()])
            .env("LN_PTLC_KEY", &sk_hex(1))
            .run()
    };
    sign(&"ab".repeat(32)).code(0);
    assert!(!sec.exists());
    // restore the secret nonce file from the copy and try to sign another message with it
    std::fs::copy(&copy, &sec).unwrap();
    let o = sign(&"cd".repeat(32));
    o.code(1).one_line_error();
    assert!(o.stderr.contains("already used"), "{}", o.stderr);
    assert!(o.stdout.is_empty(), "no partial signature may be printed: {}", o.stdout);
    // the same message again is refused as well
    sign(&"ab".repeat(32)).code(1).one_line_error();
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn musig2_adaptor_round_in_both_conventions_then_adapt_and_extract() {
    let dir = scratch("adaptor-round");
    let s = signers(&dir);
    let t_secret = sk_hex(9);
    let t_point = hex::encode(pubkey_of(&t_secret).serialize());
    let secret_file = write(&dir, "t.secret", &t_secret);
    let msg = "5a".repeat(32);
    let mut sigs = HashSet::new();
    for convention in ["nonce-coefficient", "final-nonce"] {
        let sub = dir.join(convention);
        std::fs::create_dir_all(&sub).unwrap();
        let extra = ["--adaptor", &t_point, "--convention", convention];
        let psigs = round(&sub, &s, &msg, &extra);
        let agg = aggregate(&s, &msg, &psigs, &extra);
        let pre_file = save(&sub, "pre.json", &agg);
        let v = agg.json();
        assert_eq!(v["convention"], convention);
        let aggpk = v["aggregate_pubkey"].as_str().unwrap().to_owned();
        let o = cli("ln-ptlc")
            .args(["adaptor", "verify", "--pubkey", &aggpk, "--msg", &msg, "--adaptor", &t_point])
            .args(["--presig", &pre_file])
            .run();
        o.code(0);
        let o = cli("ln-ptlc")
            .args(["adaptor", "adapt", "--presig", &pre_file, "--secret-file", &secret_file])
            .run();
        let sig = o.code(0).json()["signature"].as_str().unwrap().to_owned();
        assert!(secp_verifies(&aggpk, &unhex(&msg), &sig), "{convention}: adapted signature");
        let o = cli("ln-ptlc")
            .args(["extract", "--presig", &pre_file, "--sig", &sig, "--adaptor", &t_point])
            .run();
        assert_eq!(o.code(0).json()["secret"], t_secret, "{convention}");
        // the un-adapted encoding carries the same pre-signature
        let un = aggregate(&s, &msg, &psigs, &[&extra[..], &["--encoding", "unadapted"]].concat());
        let un_hex = un.code(0).json()["pre_signature"].as_str().unwrap().to_owned();
        let o = cli("ln-ptlc")
            .args([
                "adaptor",
                "convert",
                "--presig",
                &un_hex,
                "--adaptor",
                &t_point,
                "--to",
                "adapted",
            ])
            .run();
        assert_eq!(o.code(0).json()["pre_signature"], v["pre_signature"], "{convention}");
        sigs.insert(sig);
    }
    assert_eq!(sigs.len(), 2, "the two conventions give different signatures");
    // a signer on the other convention cannot co-sign: mixing fails partial verification
    let sub = dir.join("mixed");
    std::fs::create_dir_all(&sub).unwrap();
    let psigs = round(&sub, &s, &msg, &["--adaptor", &t_point, "--convention", "final-nonce"]);
    let o = aggregate(&s, &msg, &psigs, &["--adaptor", &t_point]);
    o.code(1).one_line_error();
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn musig2_help_states_the_default_convention() {
    let o = cli("ln-ptlc").args(["musig2", "sign", "--help"]).run();
    o.code(0);
    assert!(o.stdout.contains("default nonce-coefficient = libsecp256k1-zkp"), "{}", o.stdout);
    assert!(o.stdout.contains("[default: nonce-coefficient]"), "{}", o.stdout);
}

#[test]
fn adaptor_cli_on_presig_vectors_csv() {
    let rows = csv_rows(&format!("{DIR}/presig_vectors.csv"), 9);
    let mut signed = 0;
    for row in &rows {
        let [index, sk, pk, aux, msg, t, presig, result, comment] = row.as_slice() else {
            unreachable!()
        };
        if !sk.is_empty() {
            let o = cli("ln-ptlc")
                .args(["adaptor", "presign", "--msg", msg, "--adaptor", t, "--aux", aux])
                .env("LN_PTLC_KEY", sk)
                .run();
            let v = o.code(0).json();
            assert_eq!(v["pre_signature"], presig.to_lowercase(), "row {index}");
            assert!(!o.stdout.to_lowercase().contains(&sk.to_lowercase()), "secret key printed");
            signed += 1;
        }
        let o = cli("ln-ptlc")
            .args(["adaptor", "verify", "--pubkey", pk, "--msg", msg, "--adaptor", t, "--presig"])
            .arg(presig)
            .run();
        let want = i32::from(result != "TRUE");
        o.code(want);
        if want == 1 && o.stdout.is_empty() {
            o.one_line_error();
        }
        let _ = comment;
    }
    assert_eq!((rows.len(), signed), (15, 2));
}

#[test]
fn adaptor_cli_on_adapt_and_secadaptor_vectors_csv() {
    let rows = csv_rows(&format!("{DIR}/adapt_vectors.csv"), 8);
    for row in &rows {
        let [index, pk, msg, secret, presig, sig, result, _] = row.as_slice() else {
            unreachable!()
        };
        let o = cli("ln-ptlc")
            .args(["adaptor", "adapt", "--presig", presig])
            .env("LN_PTLC_SECRET", secret)
            .run();
        let got = o.code(0).json()["signature"].as_str().unwrap().to_owned();
        assert_eq!(got, sig.to_lowercase(), "row {index}");
        assert!(!o.stdout.to_lowercase().contains(&secret.to_lowercase()), "secret printed");
        let o = cli("ln-ptlc")
            .args(["musig2", "verify", "--pubkey", pk, "--msg", msg, "--sig", &got])
            .run();
        o.code(i32::from(result != "TRUE"));
    }
    assert_eq!(rows.len(), 5);
    let rows = csv_rows(&format!("{DIR}/secadaptor_vectors.csv"), 6);
    for row in &rows {
        let [index, presig, sig, secret, result, _] = row.as_slice() else { unreachable!() };
        let o = cli("ln-ptlc").args(["adaptor", "extract", "--presig", presig, "--sig", sig]).run();
        let got = o.code(0).json()["secret"].as_str().unwrap().to_owned();
        assert_eq!(got == secret.to_lowercase(), result == "TRUE", "row {index}");
    }
    assert_eq!(rows.len(), 4);
}

#[test]
fn adaptor_cli_rejects_an_infinite_unadapted_nonce() {
    let t = hex::encode(pubkey_of(&sk_hex(3)).serialize());
    let presig = format!("{}{}", "00".repeat(33), "01".repeat(32));
    for args in [
        vec!["adaptor", "convert", "--presig", &presig, "--adaptor", &t, "--to", "adapted"],
        vec![
            "extract",
            "--presig",
            &presig,
            "--encoding",
            "unadapted",
            "--adaptor",
            &t,
            "--sig",
            &"11".repeat(64),
        ],
    ] {
        let o = cli("ln-ptlc").args(&args).run();
        o.code(1).one_line_error();
        assert!(o.stderr.contains("infinity"), "{}", o.stderr);
    }
    // an adapted pre-signature whose R' equals T has no un-adapted form
    let presig = format!("{t}{}", "01".repeat(32));
    let o = cli("ln-ptlc")
        .args(["adaptor", "convert", "--presig", &presig, "--adaptor", &t, "--to", "unadapted"])
        .run();
    o.code(1).one_line_error();
}

#[test]
fn lock_derive_settle_and_check() {
    let z = sk_hex(42);
    let z_point = pubkey_of(&z);
    let seed = "07".repeat(32);
    let hops = 5;
    let o = cli("ln-ptlc")
        .args(["lock", "derive", "--recipient-point", &hex::encode(z_point.serialize())])
        .args(["--hops", &hops.to_string(), "--seed", &seed])
        .run();
    let derived = o.code(0).json();
    let secp = Secp256k1::new();
    let hop_list = derived["hops"].as_array().unwrap();
    assert_eq!(hop_list.len(), hops);
    // no two hops share a lock, and no hop uses Z
    let mut locks_seen = HashSet::new();
    locks_seen.insert(z_point.serialize().to_vec());
    let mut prev = z_point;
    let mut sum = Vec::new();
    for (i, h) in hop_list.iter().enumerate() {
        let lock = unhex(h["lock"].as_str().unwrap());
        assert!(locks_seen.insert(lock.clone()), "hop {i} repeats a lock");
        // independent check with libsecp256k1: lock_i = lock_{i-1} + y_i·G
        let y = SecretKey::from_slice(&unhex(h["tweak"].as_str().unwrap())).unwrap();
        let want = prev.combine(&PublicKey::from_secret_key(&secp, &y)).unwrap();
        assert_eq!(lock, want.serialize().to_vec(), "hop {i}");
        prev = want;
        sum.push(y);
        // node i's right lock is hop i's lock, node i+1's left lock too
        assert_eq!(derived["nodes"][i]["right_lock"], h["lock"]);
        assert_eq!(derived["nodes"][i + 1]["left_lock"], h["lock"]);
    }
    assert_eq!(derived["distinct_locks"], true);
    // the recipient's claim secret z + Σy opens the last lock
    let mut claim = SecretKey::from_slice(&unhex(&z)).unwrap();
    for y in &sum {
        claim = claim.add_tweak(&(*y).into()).unwrap();
    }
    assert_eq!(PublicKey::from_secret_key(&secp, &claim), prev);

    let o = cli("ln-ptlc")
        .args(["lock", "settle", "--hops", &hops.to_string(), "--seed", &seed])
        .env("LN_PTLC_SECRET", &z)
        .run();
    let settled = o.code(0).json();
    assert!(!o.stdout.contains("\"z\""));
    let steps = settled["settlement"].as_array().unwrap();
    assert_eq!(steps.len(), hops);
    for (k, step) in steps.iter().enumerate() {
        // right to left
        assert_eq!(step["hop"], hops - 1 - k);
        let i = step["hop"].as_u64().unwrap() as usize;
        let r = SecretKey::from_slice(&unhex(step["revealed_secret"].as_str().unwrap())).unwrap();
        assert_eq!(
            hex::encode(PublicKey::from_secret_key(&secp, &r).serialize()),
            hop_list[i]["lock"].as_str().unwrap(),
            "hop {i}: the revealed secret opens the hop's lock"
        );
        // and the completed signature is a valid BIP-340 signature of the offerer
        assert_eq!(step["claimed_by_node"], i + 1);
    }
    assert_eq!(settled["proof_of_payment"], z, "the sender ends with z");

    // check: the derive output passes; a repeated lock fails
    let o = cli("ln-ptlc").args(["lock", "check"]).stdin(o_to_string(&derived)).run();
    assert_eq!(o.code(0).json()["valid"], true);
    let mut bad = derived.clone();
    bad["hops"][3]["lock"] = bad["hops"][1]["lock"].clone();
    let o = cli("ln-ptlc").args(["lock", "check", "-"]).stdin(o_to_string(&bad)).run();
    o.code(1);
    assert_eq!(o.json()["valid"], false);
    // a secret that does not open the recipient point does not settle
    let o = cli("ln-ptlc")
        .args(["lock", "settle", "--hops", "2", "--seed", &seed])
        .args(["--recipient-point", &hex::encode(z_point.serialize())])
        .env("LN_PTLC_SECRET", &sk_hex(43))
        .run();
    o.code(1).one_line_error();
}

fn o_to_string(v: &Value) -> String {
    serde_json::to_string(v).unwrap()
}

#[test]
fn lock_refuses_a_route_that_repeats_a_lock() {
    // y_1 = -y_0 brings hop 1 back to Z
    let y0 = SecretKey::from_slice(&unhex(&sk_hex(5))).unwrap();
    let y1 = y0.negate();
    let z = pubkey_of(&sk_hex(6));
    let o = cli("ln-ptlc")
        .args(["lock", "derive", "--recipient-point", &hex::encode(z.serialize())])
        .args([
            "--tweak",
            &hex::encode(y0.secret_bytes()),
            "--tweak",
            &hex::encode(y1.secret_bytes()),
        ])
        .run();
    o.code(1).one_line_error();
    assert!(o.stderr.contains("share the lock"), "{}", o.stderr);
}

#[test]
fn ptlc_malformed_inputs_are_one_line_errors() {
    let t = hex::encode(pubkey_of(&sk_hex(3)).serialize());
    let cases: Vec<Vec<String>> = vec![
        vec![
            "adaptor",
            "verify",
            "--pubkey",
            "zz",
            "--msg",
            "00",
            "--adaptor",
            &t,
            "--presig",
            "00",
        ],
        vec![
            "adaptor",
            "verify",
            "--pubkey",
            &"02".repeat(32),
            "--msg",
            "00",
            "--adaptor",
            "0400",
            "--presig",
            &"02".repeat(65),
        ],
        vec!["extract", "--presig", &"02".repeat(65), "--tx", "0200000001"],
        vec!["extract", "--presig", "{\"pre_signature\": 5}", "--sig", &"00".repeat(64)],
        vec!["musig2", "keyagg", "--pubkey", &"05".repeat(33)],
        vec!["musig2", "keyagg", "--pubkey", "/nonexistent/file"],
        vec!["musig2", "verify", "--pubkey", &"02".repeat(32), "--msg", "", "--sig", "00"],
        vec!["lock", "derive", "--recipient-point", &t, "--hops", "100000"],
        vec!["lock", "check", "{\"hops\": []}"],
    ]
    .into_iter()
    .map(|v| v.into_iter().map(str::to_owned).collect())
    .collect();
    for args in &cases {
        let o = cli("ln-ptlc").args(args).run();
        assert!(o.code == 1 || o.code == 3, "{args:?}: {o:?}");
        o.one_line_error();
    }
}
