//! `lnkit::ptlc::lock` (notes/spec-protocol.md §1.4): decorrelated locks never repeat, and the
//! right-to-left settlement hands every node the secret of its left lock, checked here with
//! libsecp256k1's own arithmetic rather than ours.

use std::collections::HashSet;

use bitcoin::secp256k1::{
    schnorr::Signature, Message, PublicKey, Secp256k1, SecretKey, XOnlyPublicKey,
};
use lnkit::crypto::Scalar;
use lnkit::ptlc::lock::{self, MAX_HOPS};

fn key(i: u8) -> SecretKey {
    SecretKey::from_slice(&[i; 32]).unwrap()
}

#[test]
fn no_two_hops_share_a_lock_and_settlement_recovers_every_secret() {
    let secp = Secp256k1::new();
    let mut routes = 0;
    for hops in [1usize, 2, 3, 7, 20] {
        for seed_byte in [1u8, 2] {
            let z = key(seed_byte + 100);
            let z_point = PublicKey::from_secret_key(&secp, &z);
            let tweaks = lock::tweaks_from_seed(&[seed_byte; 32], hops).unwrap();
            let locks = lock::derive(&z_point, &tweaks).unwrap();
            assert_eq!(locks.len(), hops);
            let mut seen: HashSet<[u8; 33]> = HashSet::new();
            assert!(seen.insert(z_point.serialize()));
            for h in &locks.hops {
                assert!(seen.insert(h.lock.serialize()), "{hops} hops: hop {} repeats", h.index);
            }
            let settled = lock::settle(&locks, &z.secret_bytes(), &[9; 32]).unwrap();
            assert_eq!(settled.hops.len(), hops);
            // independent: each revealed secret opens its lock, the signature on chain is a
            // valid BIP-340 signature, and left = revealed − y opens the previous lock
            let mut expected_left = z_point;
            for (h, s) in locks.hops.iter().zip(&settled.hops) {
                let r = SecretKey::from_slice(&s.secret).unwrap();
                assert_eq!(PublicKey::from_secret_key(&secp, &r), h.lock, "hop {}", h.index);
                let l = SecretKey::from_slice(&s.left_secret).unwrap();
                assert_eq!(PublicKey::from_secret_key(&secp, &l), expected_left, "hop {}", h.index);
                expected_left = h.lock;
                let sig = Signature::from_slice(&s.signature).unwrap();
                let pk = XOnlyPublicKey::from_slice(&s.offerer_key).unwrap();
                secp.verify_schnorr(&sig, &Message::from_digest(s.message), &pk).unwrap();
            }
            assert_eq!(settled.proof_of_payment, z.secret_bytes(), "sender ends with z");
            routes += 1;
        }
    }
    assert_eq!(routes, 10);
}

#[test]
fn bad_routes_are_refused() {
    let secp = Secp256k1::new();
    let z_point = PublicKey::from_secret_key(&secp, &key(1));
    assert!(lock::derive(&z_point, &[]).is_err());
    assert!(lock::derive(&z_point, &[Scalar::ZERO]).is_err());
    let y = Scalar::from_bytes(&[3; 32]).unwrap();
    // y then −y returns to Z: the two locks would be linkable
    let e = lock::derive(&z_point, &[y, y.neg()]).unwrap_err();
    assert!(e.to_string().contains("share the lock"), "{e}");
    assert!(lock::tweaks_from_seed(&[0; 32], MAX_HOPS + 1).is_err());
    let locks = lock::derive(&z_point, &[y]).unwrap();
    assert!(lock::settle(&locks, &key(2).secret_bytes(), &[0; 32]).is_err(), "wrong z");
}
