//! PTLC crypto timings: lnkit (`src/crypto`, over libsecp256k1) next to the `musig2` crate 0.4.1
//! (pure-Rust k256 backend) in the same run, per operation. Prints figures only.
//!
//! Run: `cargo bench --bench ptlc`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::print_stdout)]

use std::hint::black_box;
use std::io::Write;
use std::time::{Duration, Instant};

use lnkit::crypto::musig2::{nonce_gen_with_rand, AggNonce, KeyAggContext, NonceGenExtras};
use lnkit::crypto::{adaptor, Point, Scalar, Session};
use musig2::secp::{MaybeScalar, Point as MPoint, Scalar as MScalar};

const SAMPLES: usize = 7;
const TARGET: Duration = Duration::from_millis(150);

/// Median time per call of `f`, in microseconds.
fn time<R>(mut f: impl FnMut() -> R) -> f64 {
    // calibrate the batch so one sample takes about TARGET
    let mut iters = 1u32;
    loop {
        let t = Instant::now();
        for _ in 0..iters {
            black_box(f());
        }
        if t.elapsed() >= TARGET / 4 || iters >= 1 << 20 {
            break;
        }
        iters *= 2;
    }
    let iters = iters * 4;
    let mut per_call: Vec<f64> = (0..SAMPLES)
        .map(|_| {
            let t = Instant::now();
            for _ in 0..iters {
                black_box(f());
            }
            t.elapsed().as_secs_f64() * 1e6 / f64::from(iters)
        })
        .collect();
    per_call.sort_by(f64::total_cmp);
    per_call[SAMPLES / 2]
}

fn sk(i: u8) -> [u8; 32] {
    let mut b = [i; 32];
    b[0] = 0x11;
    b
}

fn main() {
    let (sk1, sk2, t_secret) = (sk(1), sk(2), sk(3));
    let pk = |s: &[u8; 32]| Point::base_mul(&Scalar::from_bytes(s).unwrap()).finite("pk").unwrap();
    let (pk1, pk2) = (pk(&sk1).serialize(), pk(&sk2).serialize());
    let t_point = pk(&t_secret);
    let msg = [0x42u8; 32];
    let pubkeys = [pk1, pk2];

    // ---- lnkit fixtures
    let ctx = KeyAggContext::new(&pubkeys).unwrap();
    let extras = NonceGenExtras::default();
    let (sec1, pub1) = nonce_gen_with_rand(&[7; 32], &pk1, &extras).unwrap();
    let (sec2, pub2) = nonce_gen_with_rand(&[8; 32], &pk2, &extras).unwrap();
    let sec1_bytes = sec1.to_bytes();
    let aggnonce = AggNonce::sum(&[pub1, pub2]);
    let session = Session::new(&ctx, &aggnonce, &msg).unwrap();
    let psig1 =
        session.sign(lnkit::crypto::SecNonce::from_bytes(&sec1_bytes).unwrap(), &sk1).unwrap();
    let psig2 = session.sign(sec2, &sk2).unwrap();
    let pk1_x = lnkit::crypto::schnorr::pubkey(&sk1).unwrap();
    let pre = adaptor::pre_sign(&sk1, &msg, &[0; 32], &t_point).unwrap();
    let adapted = adaptor::adapt(&pre, &t_secret).unwrap();

    // ---- musig2 crate fixtures (same keys, nonces and message)
    let m_pks: Vec<MPoint> = pubkeys.iter().map(|p| MPoint::from_slice(p).unwrap()).collect();
    let m_ctx = musig2::KeyAggContext::new(m_pks.clone()).unwrap();
    let m_sec1 = musig2::SecNonce::from_bytes(&sec1_bytes).unwrap();
    let m_pub1 = musig2::PubNonce::from_bytes(&pub1.to_bytes()).unwrap();
    let m_agg = musig2::AggNonce::from_bytes(&aggnonce.to_bytes()).unwrap();
    let m_sk1 = MScalar::from_slice(&sk1).unwrap();
    let m_t = MPoint::from_slice(&t_point.serialize()).unwrap();
    let m_tsec = MScalar::from_slice(&t_secret).unwrap();
    let m_psigs: Vec<MaybeScalar> =
        [psig1, psig2].iter().map(|p| MaybeScalar::from_slice(p).unwrap()).collect();
    let m_pre = musig2::adaptor::sign_solo(m_sk1, msg, [0u8; 32], m_t);
    let m_signer_point = m_sk1.base_point_mul();
    let m_adapted: musig2::LiftedSignature = m_pre.adapt(m_tsec).unwrap();

    let rows: Vec<(&str, f64, f64)> = vec![
        (
            "key agg (2 keys)",
            time(|| KeyAggContext::new(&pubkeys).unwrap()),
            time(|| musig2::KeyAggContext::new(m_pks.clone()).unwrap()),
        ),
        (
            "partial sign",
            time(|| {
                let s = Session::new(&ctx, &aggnonce, &msg).unwrap();
                s.sign(lnkit::crypto::SecNonce::from_bytes(&sec1_bytes).unwrap(), &sk1).unwrap()
            }),
            time(|| {
                let p: MaybeScalar =
                    musig2::sign_partial(&m_ctx, m_sk1, m_sec1.clone(), &m_agg, msg).unwrap();
                p
            }),
        ),
        (
            "partial verify",
            time(|| {
                Session::new(&ctx, &aggnonce, &msg).unwrap().verify_partial(&psig1, &pub1, &pk1)
            }),
            time(|| musig2::verify_partial(&m_ctx, m_psigs[0], &m_agg, m_pks[0], &m_pub1, msg)),
        ),
        (
            "aggregate",
            time(|| {
                Session::new(&ctx, &aggnonce, &msg).unwrap().aggregate(&[psig1, psig2]).unwrap()
            }),
            time(|| {
                let s: musig2::LiftedSignature =
                    musig2::aggregate_partial_signatures(&m_ctx, &m_agg, m_psigs.clone(), msg)
                        .unwrap();
                s
            }),
        ),
        (
            "adaptor presign",
            time(|| adaptor::pre_sign(&sk1, &msg, &[0; 32], &t_point).unwrap()),
            time(|| musig2::adaptor::sign_solo(m_sk1, msg, [0u8; 32], m_t)),
        ),
        (
            "adaptor verify",
            time(|| adaptor::pre_verify(&pk1_x, &msg, &t_point, &pre)),
            time(|| musig2::adaptor::verify_single(m_signer_point, &m_pre, msg, m_t)),
        ),
        (
            "adaptor adapt",
            time(|| adaptor::adapt(&pre, &t_secret).unwrap()),
            time(|| {
                let s: musig2::LiftedSignature = m_pre.adapt(m_tsec).unwrap();
                s
            }),
        ),
        (
            "adaptor extract",
            time(|| adaptor::extract_secret(&pre, &adapted).unwrap()),
            time(|| {
                let s: MaybeScalar = m_pre.reveal_secret(&m_adapted).unwrap();
                s
            }),
        ),
    ];

    let mut out = std::io::stdout().lock();
    let _ =
        writeln!(out, "ptlc benchmark: median of {SAMPLES} samples, microseconds per operation");
    let _ = writeln!(
        out,
        "note: lnkit runs on libsecp256k1 (bitcoin 0.32's secp256k1 0.29); the musig2 crate 0.4.1\n\
         runs on its pure-Rust k256 backend, so the backends differ, not only the code.\n\
         note: both partial signers and lnkit's adaptor presign verify their output before\n\
         returning it; the musig2 crate's aggregate also verifies the final signature, its adapt\n\
         computes R' = R + t·G and its extract checks t·G."
    );
    let _ =
        writeln!(out, "{:<22} {:>12} {:>16} {:>8}", "operation", "lnkit", "musig2 (k256)", "ratio");
    for (name, ours, theirs) in rows {
        let _ = writeln!(out, "{name:<22} {ours:>12.2} {theirs:>16.2} {:>8.2}", theirs / ours);
    }
}
