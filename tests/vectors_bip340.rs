//! BIP-340 `test-vectors.csv`: every row is verified; rows with a secret key are also signed.

use lnkit::crypto::schnorr;

use crate::support::{csv_rows, unhex, unhex_arr};

#[test]
fn bip340_test_vectors_csv() {
    let rows = csv_rows("bips/bip-0340/test-vectors.csv", 8);
    let mut signed = 0;
    for row in &rows {
        let [index, sk, pk, aux, msg, sig, result, comment] = row.as_slice() else {
            unreachable!()
        };
        let pk: [u8; 32] = unhex_arr(pk);
        let msg = unhex(msg);
        let sig: [u8; 64] = unhex_arr(sig);
        if !sk.is_empty() {
            let sk: [u8; 32] = unhex_arr(sk);
            assert_eq!(schnorr::pubkey(&sk).unwrap(), pk, "row {index}: pubkey");
            let ours = schnorr::sign(&sk, &msg, &unhex_arr(aux)).unwrap();
            assert_eq!(hex::encode_upper(ours), hex::encode_upper(sig), "row {index}: sign");
            signed += 1;
        }
        let want = result == "TRUE";
        let got = schnorr::verify(&pk, &msg, &sig);
        assert_eq!(got.is_ok(), want, "row {index} ({comment}): {got:?}");
        // libsecp256k1 0.29's binding agrees (it takes 32-byte messages only)
        if let (Ok(xpk), Ok(s), Ok(m)) = (
            bitcoin::secp256k1::XOnlyPublicKey::from_slice(&pk),
            bitcoin::secp256k1::schnorr::Signature::from_slice(&sig),
            bitcoin::secp256k1::Message::from_digest_slice(&msg),
        ) {
            let secp = bitcoin::secp256k1::Secp256k1::verification_only();
            assert_eq!(secp.verify_schnorr(&s, &m, &xpk).is_ok(), want, "row {index}: libsecp");
        }
    }
    assert_eq!(rows.len(), 19, "rows run");
    assert_eq!(signed, 8, "rows signed");
}
