//! `zero_fee_commitments` vectors (bolts#1228, BOLT 3 Appendix H): v3 commitments with one
//! shared P2A anchor, and their zero-fee HTLC transactions.

use std::collections::HashMap;

use bitcoin::consensus::encode::serialize_hex;
use bitcoin::secp256k1::SecretKey;
use bitcoin::sighash::EcdsaSighashType;
use bitcoin::OutPoint;
use lnkit::crypto::keys;
use lnkit::tx::{
    obscuring_factor, weight, ChannelType, Commitment, CommitmentKeys, CommitmentSpec, Htlc,
    HtlcDirection, HtlcTxKind, OutputRole, Side,
};
use serde_json::Value;

use crate::support::vector_json;
use crate::vectors_bolt03::{
    b32, basepoints, funding_prevout, pk, point, s, sk, txid, u, verify_spend,
};

#[test]
fn script_check_rejects_a_bad_signature() {
    // The verifier must actually run: a commitment with a corrupted signature fails.
    let c = crate::vectors_bolt03::AppendixC::load();
    let spec = c.spec(ChannelType::Anchors, 7_000_000_000, 3_000_000_000, 253, 546);
    let mut com = Commitment::build(spec).unwrap();
    let (l, r) =
        (com.sign(&c.local_funding_key).unwrap(), com.sign(&c.remote_funding_key).unwrap());
    com.finalize(&l, &r).unwrap();
    let prevout = funding_prevout(&com);
    verify_spend(&com.tx, std::slice::from_ref(&prevout), "intact");
    let mut items: Vec<Vec<u8>> = com.tx.input[0].witness.iter().map(<[u8]>::to_vec).collect();
    items[1][10] ^= 1;
    com.tx.input[0].witness = bitcoin::Witness::from_slice(&items);
    let res = lnkit::policy::verify_scripts(&com.tx, std::slice::from_ref(&prevout));
    assert!(res.is_err(), "a corrupted signature passed the script check");
}

#[test]
fn zero_fee_commitments_vectors() {
    let v = vector_json("proposals/zero-fee-commitments/zero-fee-commitments-test.json");
    let local_funding_key = sk(s(&v, "local_funding_priv"));
    let remote_funding_key = sk(s(&v, "remote_funding_priv"));
    let pcp = pk(s(&v, "per_commitment_point"));
    let local_payment = sk(s(&v, "local_payment_basepoint_secret"));
    let remote_payment = sk(s(&v, "remote_payment_basepoint_secret"));
    let local_htlc_base = sk(s(&v, "local_htlc_basepoint_secret"));
    let remote_htlc_base = sk(s(&v, "remote_htlc_basepoint_secret"));
    let holder = basepoints(
        point(&local_funding_key),
        None,
        point(&local_payment),
        Some(point(&sk(s(&v, "local_delayed_payment_basepoint_secret")))),
        point(&local_htlc_base),
    );
    let counterparty = basepoints(
        point(&remote_funding_key),
        Some(pk(s(&v, "revocation_basepoint"))),
        point(&remote_payment),
        None,
        point(&remote_htlc_base),
    );
    let ck: CommitmentKeys = CommitmentKeys::derive(&pcp, &holder, &counterparty).unwrap();
    let local_htlc_key: SecretKey = keys::derive_privkey(&local_htlc_base, &pcp).unwrap();
    let remote_htlc_key: SecretKey = keys::derive_privkey(&remote_htlc_base, &pcp).unwrap();
    let preimages: HashMap<[u8; 32], [u8; 32]> = v["payment_hash_to_preimage"]
        .as_object()
        .unwrap()
        .iter()
        .map(|(h, p)| (b32(h), b32(p.as_str().unwrap())))
        .collect();

    let tests = v["tests"].as_array().unwrap();
    assert_eq!(tests.len(), 11);
    let (mut success_checked, mut timeout_checked) = (0, 0);
    for t in tests {
        let name = s(t, "name");
        let mut htlcs = Vec::new();
        for (key, direction) in [
            ("incoming_htlcs", HtlcDirection::Received),
            ("outgoing_htlcs", HtlcDirection::Offered),
        ] {
            for h in t.get(key).and_then(Value::as_array).into_iter().flatten() {
                htlcs.push(Htlc {
                    direction,
                    amount_msat: u(h, "amount_msat"),
                    payment_hash: b32(s(h, "payment_hash")),
                    cltv_expiry: u(h, "cltv_expiry") as u32,
                });
            }
        }
        let spec = CommitmentSpec {
            channel_type: ChannelType::ZeroFeeCommitments,
            funding_outpoint: OutPoint {
                txid: txid(s(&v, "funding_txid")),
                vout: u(&v, "funding_index") as u32,
            },
            funding_sat: u(&v, "funding_amount_satoshis"),
            commitment_number: u(&v, "commitment_number"),
            obscuring_factor: obscuring_factor(&holder.payment, &counterparty.payment),
            to_self_delay: u(&v, "to_self_delay") as u16,
            dust_limit_sat: u(t, "dust_limit_satoshis"),
            feerate_per_kw: 0,
            funder: Side::Local,
            to_local_msat: u(t, "to_local_msat"),
            to_remote_msat: u(t, "to_remote_msat"),
            htlcs,
            keys: ck,
        };
        let mut com = Commitment::build(spec).unwrap_or_else(|e| panic!("{name}: {e}"));
        // The shared anchor: always there, min(240, what the other outputs leave).
        let anchors: Vec<_> =
            com.outputs.iter().filter(|o| o.role == OutputRole::SharedAnchor).collect();
        assert_eq!(anchors.len(), 1, "{name}: one shared anchor");
        assert!(anchors[0].amount_sat <= weight::SHARED_ANCHOR_MAX_SAT, "{name}");
        assert!(
            com.fee_sat == 0 || anchors[0].amount_sat == weight::SHARED_ANCHOR_MAX_SAT,
            "{name}: fee only above the cap"
        );
        let local_sig = com.sign(&local_funding_key).unwrap();
        let remote_sig = com.sign(&remote_funding_key).unwrap();
        com.finalize(&local_sig, &remote_sig).unwrap();
        assert_eq!(serialize_hex(&com.tx), s(t, "signed_commit_tx"), "{name}: commitment tx");
        assert!(com.tx.weight().to_vbytes_ceil() <= 10_000, "{name}: TRUC size");
        verify_spend(&com.tx, &[funding_prevout(&com)], name);

        let want_success: Vec<&str> = t
            .get("signed_htlc_success_txs")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .map(|x| x.as_str().unwrap())
            .collect();
        let want_timeout: Vec<&str> = t
            .get("signed_htlc_timeout_txs")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .map(|x| x.as_str().unwrap())
            .collect();
        let (mut got_success, mut got_timeout) = (Vec::new(), Vec::new());
        for mut ht in com.htlc_txs().unwrap() {
            let what = format!("{name}: HTLC output {}", ht.commitment_output);
            let remote = ht.sign_remote(&remote_htlc_key).unwrap();
            assert_eq!(remote.sighash_type, EcdsaSighashType::SinglePlusAnyoneCanPay, "{what}");
            let local = ht.sign_local(&local_htlc_key).unwrap();
            let preimage = (ht.kind == HtlcTxKind::Success).then(|| preimages[&ht.payment_hash]);
            ht.finalize(&remote, &local, preimage.as_ref())
                .unwrap_or_else(|e| panic!("{what}: {e}"));
            assert_eq!(ht.fee_sat, 0, "{what}");
            verify_spend(&ht.tx, &[com.tx.output[ht.commitment_output as usize].clone()], &what);
            let hexed = serialize_hex(&ht.tx);
            match ht.kind {
                HtlcTxKind::Success => got_success.push(hexed),
                HtlcTxKind::Timeout => got_timeout.push(hexed),
            }
        }
        assert_eq!(got_success, want_success, "{name}: HTLC-success txs");
        assert_eq!(got_timeout, want_timeout, "{name}: HTLC-timeout txs");
        success_checked += got_success.len();
        timeout_checked += got_timeout.len();
    }
    assert_eq!((success_checked, timeout_checked), (8, 8));
}

#[test]
fn zero_fee_commitments_reject_nonzero_feerate_and_too_many_htlcs() {
    let mut spec = CommitmentSpec {
        channel_type: ChannelType::ZeroFeeCommitments,
        funding_outpoint: OutPoint::null(),
        funding_sat: 1_000_000,
        commitment_number: 1,
        obscuring_factor: 0,
        to_self_delay: 144,
        dust_limit_sat: 354,
        feerate_per_kw: 253,
        funder: Side::Local,
        to_local_msat: 1_000_000_000,
        to_remote_msat: 0,
        htlcs: vec![],
        keys: {
            let k = point(&SecretKey::from_slice(&[1; 32]).unwrap());
            CommitmentKeys {
                revocation: k,
                local_delayed: k,
                local_htlc: k,
                remote_htlc: k,
                remote_payment: k,
                local_funding: k,
                remote_funding: k,
            }
        },
    };
    assert!(Commitment::build(spec.clone()).is_err());
    spec.feerate_per_kw = 0;
    assert!(Commitment::build(spec.clone()).is_ok());
    spec.to_local_msat -= 115 * 1000;
    spec.htlcs = vec![
        Htlc {
            direction: HtlcDirection::Offered,
            amount_msat: 1000,
            payment_hash: [0; 32],
            cltv_expiry: 1
        };
        115
    ];
    assert!(Commitment::build(spec).is_err());
}
