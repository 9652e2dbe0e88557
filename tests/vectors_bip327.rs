//! BIP-327 MuSig2 vectors (`bips/bip-0327/*.json`): every valid, error and verify-fail case of
//! key_sort, key_agg, nonce_gen, nonce_agg, sign_verify, tweak, sig_agg and det_sign. Errors must
//! blame the same contribution as the vector (`pubkey {i}`, `pubnonce {i}`, `aggnonce`, ...).

use lnkit::crypto::musig2::{
    self, deterministic_sign, key_sort, nonce_agg, nonce_gen_with_rand, partial_sig_verify,
    AggNonce, KeyAggContext, NonceGenExtras, PubNonce, SecNonce, Session, SessionContext, Tweak,
};
use lnkit::crypto::schnorr;
use lnkit::Error;
use serde_json::Value;

use crate::support::{unhex, unhex_arr, vector_json};

fn arr<const N: usize>(v: &Value) -> [u8; N] {
    unhex_arr(v.as_str().expect("hex string"))
}

fn list<const N: usize>(v: &Value) -> Vec<[u8; N]> {
    v.as_array().expect("array").iter().map(arr).collect()
}

fn indices(v: &Value) -> Vec<usize> {
    v.as_array().expect("array").iter().map(|i| i.as_u64().expect("index") as usize).collect()
}

fn pick<T: Copy>(all: &[T], idx: &Value) -> Vec<T> {
    indices(idx).into_iter().map(|i| all[i]).collect()
}

fn tweaks(values: &[[u8; 32]], case: &Value) -> Vec<Tweak> {
    let modes: Vec<bool> =
        case["is_xonly"].as_array().unwrap().iter().map(|b| b.as_bool().unwrap()).collect();
    let values: Vec<[u8; 32]> = match &case["tweak_indices"] {
        Value::Null => list(&case["tweaks"]), // det_sign lists tweak values inline
        idx => pick(values, idx),
    };
    assert_eq!(values.len(), modes.len());
    values.into_iter().zip(modes).map(|(value, is_xonly)| Tweak { value, is_xonly }).collect()
}

/// The error must match the vector's `error` object: the blamed contribution or the message.
#[track_caller]
fn assert_error(err: &Error, want: &Value, comment: &str) {
    match want["type"].as_str().unwrap() {
        "invalid_contribution" => {
            let contrib = want["contrib"].as_str().unwrap();
            let expected = match &want["signer"] {
                Value::Null => contrib.to_owned(),
                i => format!("{contrib} {}", i.as_u64().unwrap()),
            };
            assert_eq!(
                err.path().first().map(String::as_str),
                Some(expected.as_str()),
                "{comment}: {err}"
            );
        }
        "value" => {
            let msg = want["message"].as_str().unwrap().trim_end_matches('.').to_lowercase();
            assert_eq!(err.message().to_lowercase(), msg, "{comment}: {err}");
        }
        other => panic!("unknown error type {other}"),
    }
}

fn comment(case: &Value) -> String {
    case["comment"].as_str().unwrap_or("").to_owned()
}

#[test]
fn bip327_key_sort_vectors() {
    let v = vector_json("bips/bip-0327/key_sort_vectors.json");
    assert_eq!(key_sort(&list::<33>(&v["pubkeys"])), list::<33>(&v["sorted_pubkeys"]));
}

#[test]
fn bip327_key_agg_vectors() {
    let v = vector_json("bips/bip-0327/key_agg_vectors.json");
    let pks = list::<33>(&v["pubkeys"]);
    let tws = list::<32>(&v["tweaks"]);
    let mut n = 0;
    for case in v["valid_test_cases"].as_array().unwrap() {
        let ctx = KeyAggContext::new(&pick(&pks, &case["key_indices"])).unwrap();
        assert_eq!(ctx.xonly_pubkey(), arr::<32>(&case["expected"]));
        n += 1;
    }
    for case in v["error_test_cases"].as_array().unwrap() {
        let res =
            KeyAggContext::with_tweaks(&pick(&pks, &case["key_indices"]), &tweaks(&tws, case));
        let err = res.expect_err(&comment(case));
        // ApplyTweak errors are "value" errors; strip our "tweak {i}" location first
        let want = &case["error"];
        if want["type"] == "value" {
            assert!(err.path().first().is_some_and(|p| p.starts_with("tweak ")), "{err}");
        }
        assert_error(&err, want, &comment(case));
        n += 1;
    }
    assert_eq!(n, 4 + 5);
}

#[test]
fn bip327_nonce_gen_vectors() {
    let v = vector_json("bips/bip-0327/nonce_gen_vectors.json");
    let mut n = 0;
    for case in v["test_cases"].as_array().unwrap() {
        let opt32 = |k: &str| case[k].as_str().map(unhex_arr::<32>);
        let opt = |k: &str| case[k].as_str().map(unhex);
        let (sk, aggpk, msg, extra_in) = (opt32("sk"), opt32("aggpk"), opt("msg"), opt("extra_in"));
        let extras = NonceGenExtras {
            sk: sk.as_ref(),
            aggpk: aggpk.as_ref(),
            msg: msg.as_deref(),
            extra_in: extra_in.as_deref(),
        };
        let (sec, public) =
            nonce_gen_with_rand(&arr(&case["rand_"]), &arr(&case["pk"]), &extras).unwrap();
        assert_eq!(hex::encode_upper(sec.to_bytes()), case["expected_secnonce"].as_str().unwrap());
        assert_eq!(
            hex::encode_upper(public.to_bytes()),
            case["expected_pubnonce"].as_str().unwrap()
        );
        assert_eq!(sec.public_nonce().unwrap(), public);
        n += 1;
    }
    assert_eq!(n, 4);
}

#[test]
fn bip327_nonce_agg_vectors() {
    let v = vector_json("bips/bip-0327/nonce_agg_vectors.json");
    let nonces = list::<66>(&v["pnonces"]);
    let mut n = 0;
    for case in v["valid_test_cases"].as_array().unwrap() {
        let agg = nonce_agg(&pick(&nonces, &case["pnonce_indices"])).unwrap();
        assert_eq!(agg.to_bytes(), arr::<66>(&case["expected"]));
        assert_eq!(AggNonce::from_bytes(&agg.to_bytes()).unwrap(), agg);
        n += 1;
    }
    for case in v["error_test_cases"].as_array().unwrap() {
        let err = nonce_agg(&pick(&nonces, &case["pnonce_indices"])).expect_err(&comment(case));
        assert_error(&err, &case["error"], &comment(case));
        n += 1;
    }
    assert_eq!(n, 2 + 3);
}

#[test]
fn bip327_sign_verify_vectors() {
    let v = vector_json("bips/bip-0327/sign_verify_vectors.json");
    let sk: [u8; 32] = arr(&v["sk"]);
    let pks = list::<33>(&v["pubkeys"]);
    let secnonces = list::<97>(&v["secnonces"]);
    let pnonces = list::<66>(&v["pnonces"]);
    let aggnonces = list::<66>(&v["aggnonces"]);
    let msgs: Vec<Vec<u8>> =
        v["msgs"].as_array().unwrap().iter().map(|m| unhex(m.as_str().unwrap())).collect();
    let mut n = 0;
    for case in v["valid_test_cases"].as_array().unwrap() {
        let keys = pick(&pks, &case["key_indices"]);
        let nonces = pick(&pnonces, &case["nonce_indices"]);
        let aggnonce = aggnonces[case["aggnonce_index"].as_u64().unwrap() as usize];
        let msg = &msgs[case["msg_index"].as_u64().unwrap() as usize];
        let signer = case["signer_index"].as_u64().unwrap() as usize;
        assert_eq!(nonce_agg(&nonces).unwrap().to_bytes(), aggnonce, "{}", comment(case));
        let session = SessionContext { aggnonce: &aggnonce, pubkeys: &keys, tweaks: &[], msg }
            .session()
            .unwrap();
        let secnonce = SecNonce::from_bytes(&secnonces[0]).unwrap();
        let psig = session.sign(secnonce, &sk).unwrap();
        assert_eq!(psig, arr::<32>(&case["expected"]), "{}", comment(case));
        partial_sig_verify(&psig, &nonces, &keys, &[], msg, signer).unwrap();
        n += 1;
    }
    for case in v["sign_error_test_cases"].as_array().unwrap() {
        let keys = pick(&pks, &case["key_indices"]);
        let aggnonce = aggnonces[case["aggnonce_index"].as_u64().unwrap() as usize];
        let msg = &msgs[case["msg_index"].as_u64().unwrap() as usize];
        let secnonce = &secnonces[case["secnonce_index"].as_u64().unwrap() as usize];
        let res = SessionContext { aggnonce: &aggnonce, pubkeys: &keys, tweaks: &[], msg }
            .session()
            .and_then(|s| s.sign(SecNonce::from_bytes(secnonce)?, &sk));
        assert_error(&res.expect_err(&comment(case)), &case["error"], &comment(case));
        n += 1;
    }
    for case in v["verify_fail_test_cases"].as_array().unwrap() {
        let res = partial_sig_verify(
            &arr(&case["sig"]),
            &pick(&pnonces, &case["nonce_indices"]),
            &pick(&pks, &case["key_indices"]),
            &[],
            &msgs[case["msg_index"].as_u64().unwrap() as usize],
            case["signer_index"].as_u64().unwrap() as usize,
        );
        assert!(res.is_err(), "{}", comment(case));
        n += 1;
    }
    for case in v["verify_error_test_cases"].as_array().unwrap() {
        let res = partial_sig_verify(
            &arr(&case["sig"]),
            &pick(&pnonces, &case["nonce_indices"]),
            &pick(&pks, &case["key_indices"]),
            &[],
            &msgs[case["msg_index"].as_u64().unwrap() as usize],
            case["signer_index"].as_u64().unwrap() as usize,
        );
        assert_error(&res.expect_err(&comment(case)), &case["error"], &comment(case));
        n += 1;
    }
    assert_eq!(n, 6 + 6 + 3 + 2);
}

#[test]
fn bip327_tweak_vectors() {
    let v = vector_json("bips/bip-0327/tweak_vectors.json");
    let sk: [u8; 32] = arr(&v["sk"]);
    let pks = list::<33>(&v["pubkeys"]);
    let pnonces = list::<66>(&v["pnonces"]);
    let tws = list::<32>(&v["tweaks"]);
    let aggnonce: [u8; 66] = arr(&v["aggnonce"]);
    let secnonce: [u8; 97] = arr(&v["secnonce"]);
    let msg = unhex(v["msg"].as_str().unwrap());
    let mut n = 0;
    for case in v["valid_test_cases"].as_array().unwrap() {
        let keys = pick(&pks, &case["key_indices"]);
        let nonces = pick(&pnonces, &case["nonce_indices"]);
        let tw = tweaks(&tws, case);
        assert_eq!(nonce_agg(&nonces).unwrap().to_bytes(), aggnonce);
        let session =
            SessionContext { aggnonce: &aggnonce, pubkeys: &keys, tweaks: &tw, msg: &msg }
                .session()
                .unwrap();
        let psig = session.sign(SecNonce::from_bytes(&secnonce).unwrap(), &sk).unwrap();
        assert_eq!(psig, arr::<32>(&case["expected"]), "{}", comment(case));
        let signer = case["signer_index"].as_u64().unwrap() as usize;
        partial_sig_verify(&psig, &nonces, &keys, &tw, &msg, signer).unwrap();
        n += 1;
    }
    for case in v["error_test_cases"].as_array().unwrap() {
        let keys = pick(&pks, &case["key_indices"]);
        let tw = tweaks(&tws, case);
        let res = SessionContext { aggnonce: &aggnonce, pubkeys: &keys, tweaks: &tw, msg: &msg }
            .session()
            .and_then(|s| s.sign(SecNonce::from_bytes(&secnonce)?, &sk));
        let err = res.expect_err(&comment(case));
        assert_eq!(err.path().first().map(String::as_str), Some("tweak 0"));
        assert_error(&err, &case["error"], &comment(case));
        n += 1;
    }
    assert_eq!(n, 5 + 1);
}

#[test]
fn bip327_sig_agg_vectors() {
    let v = vector_json("bips/bip-0327/sig_agg_vectors.json");
    let pks = list::<33>(&v["pubkeys"]);
    let pnonces = list::<66>(&v["pnonces"]);
    let tws = list::<32>(&v["tweaks"]);
    let psigs = list::<32>(&v["psigs"]);
    let msg = unhex(v["msg"].as_str().unwrap());
    let mut n = 0;
    for case in v["valid_test_cases"].as_array().unwrap() {
        let aggnonce: [u8; 66] = arr(&case["aggnonce"]);
        assert_eq!(
            nonce_agg(&pick(&pnonces, &case["nonce_indices"])).unwrap().to_bytes(),
            aggnonce
        );
        let keys = pick(&pks, &case["key_indices"]);
        let tw = tweaks(&tws, case);
        let session =
            SessionContext { aggnonce: &aggnonce, pubkeys: &keys, tweaks: &tw, msg: &msg }
                .session()
                .unwrap();
        let sig = session.aggregate(&pick(&psigs, &case["psig_indices"])).unwrap();
        assert_eq!(hex::encode_upper(sig), case["expected"].as_str().unwrap());
        schnorr::verify(&session.keyagg().xonly_pubkey(), &msg, &sig).unwrap();
        n += 1;
    }
    for case in v["error_test_cases"].as_array().unwrap() {
        let aggnonce: [u8; 66] = arr(&case["aggnonce"]);
        let keys = pick(&pks, &case["key_indices"]);
        let tw = tweaks(&tws, case);
        let res = SessionContext { aggnonce: &aggnonce, pubkeys: &keys, tweaks: &tw, msg: &msg }
            .session()
            .and_then(|s| s.aggregate(&pick(&psigs, &case["psig_indices"])));
        assert_error(&res.expect_err(&comment(case)), &case["error"], &comment(case));
        n += 1;
    }
    assert_eq!(n, 4 + 1);
}

#[test]
fn bip327_det_sign_vectors() {
    let v = vector_json("bips/bip-0327/det_sign_vectors.json");
    let sk: [u8; 32] = arr(&v["sk"]);
    let pks = list::<33>(&v["pubkeys"]);
    let msgs: Vec<Vec<u8>> =
        v["msgs"].as_array().unwrap().iter().map(|m| unhex(m.as_str().unwrap())).collect();
    let run = |case: &Value| {
        let keys = pick(&pks, &case["key_indices"]);
        let tw = tweaks(&[], case);
        let rand = case["rand"].as_str().map(unhex_arr::<32>);
        let other: [u8; 66] = arr(&case["aggothernonce"]);
        let msg = &msgs[case["msg_index"].as_u64().unwrap() as usize];
        deterministic_sign(&sk, &other, &keys, &tw, msg, rand.as_ref())
            .map(|(pubnonce, psig)| (pubnonce, psig, keys, tw, other, msg.clone()))
    };
    let mut n = 0;
    for case in v["valid_test_cases"].as_array().unwrap() {
        let (pubnonce, psig, keys, tw, other, msg) = run(case).unwrap();
        let expected = case["expected"].as_array().unwrap();
        assert_eq!(pubnonce.to_bytes(), arr::<66>(&expected[0]), "{}", comment(case));
        assert_eq!(psig, arr::<32>(&expected[1]), "{}", comment(case));
        // the partial signature verifies in the session it was made for
        let aggnonce = AggNonce::sum(&[pubnonce, PubNonce::from_bytes(&other).unwrap()]);
        let keyagg = KeyAggContext::with_tweaks(&keys, &tw).unwrap();
        let signer = keys[case["signer_index"].as_u64().unwrap() as usize];
        Session::new(&keyagg, &aggnonce, &msg)
            .unwrap()
            .verify_partial(&psig, &pubnonce, &signer)
            .unwrap();
        n += 1;
    }
    for case in v["error_test_cases"].as_array().unwrap() {
        let err = run(case).map(|_| ()).expect_err(&comment(case));
        if case["error"]["type"] == "value" && !case["tweaks"].as_array().unwrap().is_empty() {
            assert_eq!(err.path().first().map(String::as_str), Some("tweak 0"));
        }
        assert_error(&err, &case["error"], &comment(case));
        n += 1;
    }
    assert_eq!(n, 4 + 5);
}

#[test]
fn secnonce_is_single_use_and_redacted() {
    // `Session::sign` takes the SecNonce by value (no Clone): reuse does not compile.
    let pk = lnkit::crypto::point::Point::generator().finite("G").unwrap().serialize();
    let (sec, _) =
        musig2::nonce_gen(&pk, &NonceGenExtras::default()).expect("random nonce generation");
    assert!(!format!("{sec:?}").contains(&hex::encode(&sec.to_bytes()[..32])));
}
