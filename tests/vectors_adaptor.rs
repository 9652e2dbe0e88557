//! Adaptor signatures: the single-signer draft vectors (`proposals/ptlc-schnorr-adaptor/*.csv`,
//! secp256k1-zkp PR #299 draft), our own MuSig2-adaptor vectors for both conventions
//! (`tests/vectors/musig2-adaptor-*.json`, self-made, re-blessed with `LNKIT_BLESS=1`), and a
//! cross-check of convention B against the `musig2` crate.

use bitcoin::secp256k1::PublicKey;
use lnkit::crypto::adaptor::{self, PreSignature};
use lnkit::crypto::musig2::{
    nonce_gen_with_rand, AdaptorConvention, AggNonce, KeyAggContext, NonceGenExtras, PubNonce,
    SecNonce, Session, Tweak,
};
use lnkit::crypto::point::{cpoint, Point};
use lnkit::crypto::{schnorr, Scalar};
use serde_json::{json, Value};

use crate::support::{csv_rows, unhex, unhex_arr};

const DIR: &str = "proposals/ptlc-schnorr-adaptor";

/// Parses and pre-verifies one row; any failure is a FALSE result.
fn presig_verifies(pk: &str, msg: &[u8], adaptor: &str, presig: &str) -> lnkit::Result<()> {
    let t = cpoint(&unhex_arr(adaptor))?;
    let pre = PreSignature::from_bytes(&unhex_arr(presig))?;
    adaptor::pre_verify(&unhex_arr(pk), msg, &t, &pre)
}

#[test]
fn ptlc_schnorr_adaptor_presig_vectors_csv() {
    let rows = csv_rows(&format!("{DIR}/presig_vectors.csv"), 9);
    let mut signed = 0;
    for row in &rows {
        let [index, sk, pk, aux, msg, adaptor_pt, presig, result, comment] = row.as_slice() else {
            unreachable!()
        };
        let msg = unhex(msg);
        if !sk.is_empty() {
            let sk: [u8; 32] = unhex_arr(sk);
            assert_eq!(hex::encode_upper(schnorr::pubkey(&sk).unwrap()), *pk, "row {index}");
            let t = cpoint(&unhex_arr(adaptor_pt)).unwrap();
            let ours = adaptor::pre_sign(&sk, &msg, &unhex_arr(aux), &t).unwrap();
            assert_eq!(hex::encode_upper(ours.to_bytes()), *presig, "row {index}: pre_sign");
            signed += 1;
        }
        let got = presig_verifies(pk, &msg, adaptor_pt, presig);
        assert_eq!(got.is_ok(), result == "TRUE", "row {index} ({comment}): {got:?}");
        if got.is_ok() {
            // both encodings round-trip (adapted R' <-> un-adapted R = R' - T)
            let t = cpoint(&unhex_arr(adaptor_pt)).unwrap();
            let pre = PreSignature::from_bytes(&unhex_arr(presig)).unwrap();
            let unadapted = pre.to_unadapted_bytes(&t).unwrap();
            assert_eq!(PreSignature::from_unadapted_bytes(&unadapted, &t).unwrap(), pre);
        }
    }
    // row 12: s'G - eP (the un-adapted nonce) is infinite; the musig2 crate accepts it, we must not
    let row12 = &rows[12];
    let err = presig_verifies(&row12[2], &unhex(&row12[4]), &row12[5], &row12[6]).unwrap_err();
    assert!(err.message().contains("infinite"), "{err}");
    assert_eq!(rows.len(), 15, "rows run");
    assert_eq!(signed, 2, "rows signed");
}

#[test]
fn ptlc_schnorr_adaptor_adapt_vectors_csv() {
    let rows = csv_rows(&format!("{DIR}/adapt_vectors.csv"), 8);
    for row in &rows {
        let [index, pk, msg, secadaptor, presig, sig, result, comment] = row.as_slice() else {
            unreachable!()
        };
        let pre = PreSignature::from_bytes(&unhex_arr(presig)).unwrap();
        let secret: [u8; 32] = unhex_arr(secadaptor);
        let ours = adaptor::adapt(&pre, &secret).unwrap();
        assert_eq!(hex::encode_upper(ours), *sig, "row {index}: adapt");
        let valid = schnorr::verify(&unhex_arr(pk), &unhex(msg), &ours).is_ok();
        assert_eq!(valid, result == "TRUE", "row {index} ({comment})");
        if valid {
            let t = Point::base_mul(&Scalar::from_bytes(&secret).unwrap()).finite("T").unwrap();
            assert_eq!(adaptor::extract_secret_for(&pre, &ours, &t).unwrap(), secret);
        }
    }
    assert_eq!(rows.len(), 5, "rows run");
}

#[test]
fn ptlc_schnorr_adaptor_secadaptor_vectors_csv() {
    let rows = csv_rows(&format!("{DIR}/secadaptor_vectors.csv"), 6);
    for row in &rows {
        let [index, presig, sig, secadaptor, result, comment] = row.as_slice() else {
            unreachable!()
        };
        let pre = PreSignature::from_bytes(&unhex_arr(presig)).unwrap();
        let t = adaptor::extract_secret(&pre, &unhex_arr(sig)).unwrap();
        assert_eq!(
            hex::encode_upper(t) == *secadaptor,
            result == "TRUE",
            "row {index} ({comment})"
        );
    }
    assert_eq!(rows.len(), 4, "rows run");
}

#[test]
fn infinite_unadapted_nonce_is_rejected() {
    let t = Point::generator().finite("G").unwrap();
    let mut bytes = [0u8; 65];
    bytes[64] = 1;
    assert!(PreSignature::from_unadapted_bytes(&bytes, &t).is_err());
    // R' = T means R = R' - T is infinity: no un-adapted encoding exists
    let pre = PreSignature::new(t, Scalar::ONE);
    assert!(pre.to_unadapted_bytes(&t).is_err());
}

// ---------------------------------------------------------------------------------------------
// MuSig2 adaptor sessions, both conventions: self-made vectors.

/// Fixed inputs: (label, secret keys, tweaks, message, adaptor secret).
type Inputs = (&'static str, Vec<[u8; 32]>, Vec<Tweak>, Vec<u8>, [u8; 32]);

fn musig_inputs() -> Vec<Inputs> {
    let sk = |b: u8| {
        let mut k = [0u8; 32];
        k[0] = 0x11;
        k[31] = b;
        k
    };
    let tweak = |b: u8, is_xonly| Tweak { value: [b; 32], is_xonly };
    vec![
        ("2-of-2, no tweak", vec![sk(1), sk(2)], vec![], vec![0x42; 32], [0x07; 32]),
        (
            "3-of-3, plain then x-only tweak, 40-byte message",
            vec![sk(3), sk(4), sk(5)],
            vec![tweak(0x21, false), tweak(0x33, true)],
            vec![0x5a; 40],
            [0x3c; 32],
        ),
        (
            "2-of-2, empty message, x-only tweak",
            vec![sk(6), sk(7)],
            vec![tweak(0x44, true)],
            vec![],
            [0x71; 32],
        ),
    ]
}

/// Nonce generation input for signer i (deterministic, test only).
fn nonce_rand(case: usize, signer: usize) -> [u8; 32] {
    let mut r = [0xa5; 32];
    r[0] = case as u8;
    r[1] = signer as u8;
    r
}

struct Run {
    record: Value,
    keyagg: KeyAggContext,
    aggnonce: AggNonce,
    pubnonces: Vec<PubNonce>,
    psigs: Vec<[u8; 32]>,
    t: PublicKey,
    pre: PreSignature,
}

/// Runs a full adaptor session for one input set and records every value.
fn run_session(case: usize, convention: AdaptorConvention) -> Run {
    let (label, sks, tweaks, msg, secret) = musig_inputs().swap_remove(case);
    let pks: Vec<[u8; 33]> = sks
        .iter()
        .map(|sk| {
            Point::base_mul(&Scalar::from_bytes(sk).unwrap()).finite("P").unwrap().serialize()
        })
        .collect();
    let keyagg = KeyAggContext::with_tweaks(&pks, &tweaks).unwrap();
    let aggpk = keyagg.xonly_pubkey();
    let mut secnonces: Vec<SecNonce> = Vec::new();
    let mut pubnonces = Vec::new();
    for (i, (sk, pk)) in sks.iter().zip(&pks).enumerate() {
        let extras =
            NonceGenExtras { sk: Some(sk), aggpk: Some(&aggpk), msg: Some(&msg), extra_in: None };
        let (sec, public) = nonce_gen_with_rand(&nonce_rand(case, i), pk, &extras).unwrap();
        secnonces.push(sec);
        pubnonces.push(public);
    }
    let aggnonce = AggNonce::sum(&pubnonces);
    let t = Point::base_mul(&Scalar::from_bytes(&secret).unwrap()).finite("T").unwrap();
    let session = Session::new_adaptor(&keyagg, &aggnonce, &msg, &t, convention).unwrap();
    let psigs: Vec<[u8; 32]> =
        secnonces.into_iter().zip(&sks).map(|(sec, sk)| session.sign(sec, sk).unwrap()).collect();
    for ((psig, nonce), pk) in psigs.iter().zip(&pubnonces).zip(&pks) {
        session.verify_partial(psig, nonce, pk).unwrap();
    }
    let pre = session.aggregate_pre_signature(&psigs).unwrap();
    adaptor::pre_verify(&aggpk, &msg, &t, &pre).unwrap();
    let sig = adaptor::adapt(&pre, &secret).unwrap();
    schnorr::verify(&aggpk, &msg, &sig).unwrap();
    assert_eq!(adaptor::extract_secret_for(&pre, &sig, &t).unwrap(), secret);
    let hexs = |v: &[[u8; 32]]| v.iter().map(hex::encode).collect::<Vec<_>>();
    let record = json!({
        "comment": label,
        "seckeys": hexs(&sks),
        "pubkeys": pks.iter().map(hex::encode).collect::<Vec<_>>(),
        "tweaks": tweaks.iter().map(|t| json!({"tweak": hex::encode(t.value), "is_xonly": t.is_xonly})).collect::<Vec<_>>(),
        "msg": hex::encode(&msg),
        "nonce_rand": (0..sks.len()).map(|i| hex::encode(nonce_rand(case, i))).collect::<Vec<_>>(),
        "adaptor_secret": hex::encode(secret),
        "expected": {
            "aggpk": hex::encode(aggpk),
            "pubnonces": pubnonces.iter().map(|n| hex::encode(n.to_bytes())).collect::<Vec<_>>(),
            "aggnonce": hex::encode(aggnonce.to_bytes()),
            "adaptor_point": hex::encode(t.serialize()),
            "nonce_coefficient": hex::encode(session.nonce_coefficient().to_bytes()),
            "adapted_final_nonce": hex::encode(session.final_nonce().serialize()),
            "psigs": hexs(&psigs),
            "presig_adapted_nonce": hex::encode(pre.to_bytes()),
            "presig_unadapted_nonce": hex::encode(pre.to_unadapted_bytes(&t).unwrap()),
            "sig": hex::encode(sig),
        }
    });
    Run { record, keyagg, aggnonce, pubnonces, psigs, t, pre }
}

fn check_or_bless(convention: AdaptorConvention, file: &str, name: &str, how: &str) {
    let cases: Vec<Value> =
        (0..musig_inputs().len()).map(|c| run_session(c, convention).record).collect();
    let doc = json!({
        "source": "self-made by lnkit (tests/vectors_adaptor.rs); not a published test vector",
        "convention": name,
        "description": how,
        "nonces": "NonceGen (BIP-327) with rand' = nonce_rand, sk, aggpk and msg given",
        "test_cases": cases,
    });
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/vectors").join(file);
    let text = serde_json::to_string_pretty(&doc).unwrap() + "\n";
    if std::env::var_os("LNKIT_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &text).unwrap();
    }
    let stored = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (create it with LNKIT_BLESS=1)", path.display()));
    let stored: Value = serde_json::from_str(&stored).unwrap();
    assert_eq!(stored["test_cases"].as_array().map(Vec::len), Some(3), "cases in {file}");
    assert_eq!(stored, doc, "{file} differs from what the code computes");
}

#[test]
fn musig2_adaptor_nonce_coefficient_json() {
    check_or_bless(
        AdaptorConvention::NonceCoefficient,
        "musig2-adaptor-nonce-coefficient.json",
        "A: libsecp256k1-zkp (adaptor point folded into the nonce coefficient)",
        "R1* = R1 + T; b = H_MuSig/noncecoef(cbytes_ext(R1*) || cbytes_ext(R2) || x(Q) || m); R' = R1* + b*R2",
    );
}

#[test]
fn musig2_adaptor_final_nonce_json() {
    check_or_bless(
        AdaptorConvention::FinalNonce,
        "musig2-adaptor-final-nonce.json",
        "B: musig2 crate 0.4 (adaptor point added to the final nonce only)",
        "b per BIP-327 over the plain aggnonce; R' = (R1 + b*R2) + T",
    );
}

#[test]
fn musig2_adaptor_conventions_do_not_co_sign() {
    let a = run_session(0, AdaptorConvention::NonceCoefficient);
    let b = run_session(0, AdaptorConvention::FinalNonce);
    assert_ne!(a.psigs, b.psigs);
    let msg = unhex(a.record["msg"].as_str().unwrap());
    let session_b =
        Session::new_adaptor(&a.keyagg, &a.aggnonce, &msg, &a.t, AdaptorConvention::FinalNonce)
            .unwrap();
    let pk: [u8; 33] = a.keyagg.pubkeys()[0];
    assert!(session_b.verify_partial(&a.psigs[0], &a.pubnonces[0], &pk).is_err());
    // a wrong adaptor point fails partial verification too
    let other_t = Point::generator().finite("G").unwrap();
    let wrong =
        Session::new_adaptor(&a.keyagg, &a.aggnonce, &msg, &other_t, AdaptorConvention::default())
            .unwrap();
    assert!(wrong.verify_partial(&a.psigs[0], &a.pubnonces[0], &pk).is_err());
    assert_eq!(AdaptorConvention::default(), AdaptorConvention::NonceCoefficient);
    // a plain session refuses to make a pre-signature and vice versa
    let plain = Session::new(&a.keyagg, &a.aggnonce, &msg).unwrap();
    assert!(plain.aggregate_pre_signature(&a.psigs).is_err());
    assert!(session_b.aggregate(&b.psigs).is_err());
    assert_eq!(b.pre.to_bytes().len(), 65);
}

// ---------------------------------------------------------------------------------------------
// Convention B against the musig2 crate (k256 backend).

#[test]
fn musig2_crate_cross_check_final_nonce_convention() {
    use musig2::secp::{MaybeScalar, Point as MPoint, Scalar as MScalar};
    use musig2::BinaryEncoding;

    for case in 0..musig_inputs().len() {
        let (_, sks, tweaks, msg, secret) = musig_inputs().swap_remove(case);
        let ours = run_session(case, AdaptorConvention::FinalNonce);
        let pks: Vec<MPoint> =
            ours.keyagg.pubkeys().iter().map(|pk| MPoint::from_slice(pk).unwrap()).collect();
        let ctx = musig2::KeyAggContext::new(pks.clone())
            .unwrap()
            .with_tweaks(
                tweaks.iter().map(|t| (MScalar::from_slice(&t.value).unwrap(), t.is_xonly)),
            )
            .unwrap();
        let aggpk: MPoint = ctx.aggregated_pubkey();
        assert_eq!(aggpk.serialize_xonly(), ours.keyagg.xonly_pubkey());
        let aggnonce = musig2::AggNonce::from_bytes(&ours.aggnonce.to_bytes()).unwrap();
        let t_point = MPoint::from_slice(&ours.t.serialize()).unwrap();

        // theirs: same nonces (re-derived), partial sigs must equal ours byte for byte
        let aggpk_x = ours.keyagg.xonly_pubkey();
        let mut their_psigs = Vec::new();
        for (i, sk) in sks.iter().enumerate() {
            let extras = NonceGenExtras {
                sk: Some(sk),
                aggpk: Some(&aggpk_x),
                msg: Some(&msg),
                extra_in: None,
            };
            let pk = ours.keyagg.pubkeys()[i];
            let (sec, _) = nonce_gen_with_rand(&nonce_rand(case, i), &pk, &extras).unwrap();
            let their_sec = musig2::SecNonce::from_bytes(&sec.to_bytes()).unwrap();
            let psig: MaybeScalar = musig2::adaptor::sign_partial(
                &ctx,
                MScalar::from_slice(sk).unwrap(),
                their_sec,
                &aggnonce,
                t_point,
                &msg,
            )
            .unwrap();
            assert_eq!(psig.serialize(), ours.psigs[i], "case {case} signer {i}: psig");
            // ours verify with theirs
            let pubnonce = musig2::PubNonce::from_bytes(&ours.pubnonces[i].to_bytes()).unwrap();
            musig2::adaptor::verify_partial(
                &ctx,
                ours_psig(&ours, i),
                &aggnonce,
                t_point,
                pks[i],
                &pubnonce,
                &msg,
            )
            .unwrap();
            their_psigs.push(psig);
        }
        let their_pre = musig2::adaptor::aggregate_partial_signatures(
            &ctx,
            &aggnonce,
            t_point,
            their_psigs,
            &msg,
        )
        .unwrap();
        // their encoding is the un-adapted nonce: convert and compare
        let their_bytes = their_pre.to_bytes();
        assert_eq!(their_bytes, ours.pre.to_unadapted_bytes(&ours.t).unwrap(), "case {case}");
        let converted = PreSignature::from_unadapted_bytes(&their_bytes, &ours.t).unwrap();
        assert_eq!(converted, ours.pre);
        // theirs verifies ours, ours verifies theirs
        let ours_as_theirs =
            musig2::AdaptorSignature::from_bytes(&ours.pre.to_unadapted_bytes(&ours.t).unwrap())
                .unwrap();
        musig2::adaptor::verify_single(aggpk, &ours_as_theirs, &msg, t_point).unwrap();
        adaptor::pre_verify(&aggpk_x, &msg, &ours.t, &converted).unwrap();
        // adapting agrees, and either side recovers the secret
        let their_sig: musig2::LiftedSignature =
            their_pre.adapt(MScalar::from_slice(&secret).unwrap()).unwrap();
        let our_sig = adaptor::adapt(&ours.pre, &secret).unwrap();
        assert_eq!(their_sig.to_bytes(), our_sig);
        let revealed: MaybeScalar = their_pre.reveal_secret(&their_sig).unwrap();
        assert_eq!(revealed.serialize(), secret);
        assert_eq!(adaptor::extract_secret(&ours.pre, &their_sig.to_bytes()).unwrap(), secret);
    }
}

fn ours_psig(run: &Run, i: usize) -> musig2::secp::MaybeScalar {
    musig2::secp::MaybeScalar::from_slice(&run.psigs[i]).unwrap()
}
