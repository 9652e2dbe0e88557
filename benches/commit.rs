//! Benchmark: build and sign a commitment with the maximum HTLC count plus every HTLC
//! transaction (what one `commitment_signed` costs the signer), next to the cost of the
//! signatures alone measured in the same run (ECDSA; for simple taproot one MuSig2 partial
//! signature plus BIP-340 signatures). Target: at most 1.3x.
//!
//! Run: `cargo bench --bench commit`
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::print_stdout,
    clippy::cast_precision_loss
)]

use std::time::{Duration, Instant};

use bitcoin::hashes::Hash;
use bitcoin::secp256k1::{Message, PublicKey, SecretKey};
use bitcoin::{OutPoint, Txid};
use lnkit::crypto::keys;
use lnkit::tx::{
    obscuring_factor, Basepoints, ChannelType, Commitment, CommitmentKeys, CommitmentSpec, Htlc,
    HtlcDirection, Side,
};

const ROUNDS: usize = 41;

fn key(b: u8) -> SecretKey {
    SecretKey::from_slice(&[b; 32]).unwrap()
}

fn basepoints(base: u8) -> Basepoints {
    let p = |i: u8| PublicKey::from_secret_key(keys::secp(), &key(base + i));
    Basepoints { funding: p(0), revocation: p(1), payment: p(2), delayed_payment: p(3), htlc: p(4) }
}

fn spec(ct: ChannelType, n: usize, point: &PublicKey) -> CommitmentSpec {
    // Channel constants, made once (not part of a commitment update).
    static CHANNEL: std::sync::OnceLock<(Basepoints, Basepoints)> = std::sync::OnceLock::new();
    let (local, remote) = *CHANNEL.get_or_init(|| (basepoints(1), basepoints(11)));
    let per_htlc_msat = 5_000_000;
    let htlcs: Vec<Htlc> = (0..n)
        .map(|i| Htlc {
            direction: if i % 2 == 0 { HtlcDirection::Offered } else { HtlcDirection::Received },
            amount_msat: per_htlc_msat + i as u64 * 1000,
            payment_hash: bitcoin::hashes::sha256::Hash::hash(&(i as u64).to_be_bytes())
                .to_byte_array(),
            cltv_expiry: 800_000 + i as u32,
        })
        .collect();
    let in_htlcs: u64 = htlcs.iter().map(|h| h.amount_msat).sum();
    let funding_sat = 100_000_000;
    CommitmentSpec {
        channel_type: ct,
        funding_outpoint: OutPoint { txid: Txid::all_zeros(), vout: 0 },
        funding_sat,
        commitment_number: 42,
        obscuring_factor: obscuring_factor(&local.payment, &remote.payment),
        to_self_delay: 144,
        dust_limit_sat: 546,
        feerate_per_kw: if ct == ChannelType::ZeroFeeCommitments { 0 } else { 253 },
        funder: Side::Local,
        to_local_msat: funding_sat * 1000 / 2 - in_htlcs,
        to_remote_msat: funding_sat * 1000 / 2,
        htlcs,
        keys: CommitmentKeys::derive(point, &local, &remote).unwrap(),
    }
}

/// One `commitment_signed`: derive the keys, build the commitment and its HTLC txs, sign
/// the commitment with the funding key and every HTLC tx with the HTLC key.
fn build_and_sign(ct: ChannelType, n: usize) -> (usize, Vec<Message>) {
    let point = keys::per_commitment_point(&key(99));
    let com = Commitment::build(spec(ct, n, &point)).unwrap();
    let funding_key = key(11);
    let htlc_key = keys::derive_privkey(&key(15), &point).unwrap();
    let mut sigs = vec![com.sign(&funding_key).unwrap()];
    let htlc_txs = com.htlc_txs().unwrap();
    assert_eq!(htlc_txs.len(), n, "{ct}: every HTLC untrimmed");
    for ht in &htlc_txs {
        sigs.push(ht.sign_remote(&htlc_key).unwrap());
    }
    let mut msgs = vec![com.message().unwrap()];
    for ht in &htlc_txs {
        msgs.push(ht.message(ht.remote_sighash_type()).unwrap());
    }
    (sigs.len(), msgs)
}

fn fastest(v: &[Duration]) -> Duration {
    v.iter().copied().min().unwrap_or_default()
}

fn main() {
    println!("ln-commit benchmark: build + sign one commitment and all its HTLC txs ({ROUNDS} rounds interleaved, fastest of each: the CPU is shared)");
    for (ct, n) in [
        (ChannelType::StaticRemoteKey, 483),
        (ChannelType::Anchors, 483),
        (ChannelType::ZeroFeeCommitments, 114),
    ] {
        let (nsigs, msgs) = build_and_sign(ct, n);
        let key = key(15);
        let mut full = Vec::new();
        let mut alone = Vec::new();
        for _ in 0..ROUNDS {
            let t = Instant::now();
            let k = std::hint::black_box(build_and_sign_only(ct, n));
            full.push(t.elapsed());
            assert_eq!(k, nsigs);
            let t = Instant::now();
            for m in &msgs {
                std::hint::black_box(keys::secp().sign_ecdsa(m, &key));
            }
            alone.push(t.elapsed());
        }
        report(ct, n, nsigs, &full, &alone);
    }
    taproot_rows();
}

fn report(ct: ChannelType, n: usize, nsigs: usize, full: &[Duration], alone: &[Duration]) {
    let (f, a) = (fastest(full), fastest(alone));
    let ratio = f.as_secs_f64() / a.as_secs_f64();
    println!(
        "{:<22} {n:>3} HTLCs, {nsigs:>3} signatures: build+sign {:>8.2} ms | signatures alone {:>8.2} ms | ratio {ratio:.2} (target <= 1.30) {}",
        ct.name(),
        f.as_secs_f64() * 1e3,
        a.as_secs_f64() * 1e3,
        if ratio <= 1.3 { "ok" } else { "OVER" },
    );
}

/// Simple taproot: build the commitment and its HTLC txs, MuSig2 partial-sign the commitment
/// (the session included) and BIP-340-sign every HTLC tx; against the same signatures over
/// precomputed messages. Fresh nonces are made outside both timings.
fn taproot_rows() {
    use lnkit::crypto::musig2::{nonce_gen, NonceGenExtras, Session};
    use lnkit::crypto::schnorr;
    use lnkit::tx::taproot::{TaprootCommitment, TaprootSpec};
    let ct = ChannelType::SimpleTaproot;
    let n = 483;
    let point = keys::per_commitment_point(&key(99));
    let build = || {
        TaprootCommitment::build(TaprootSpec::from_commitment_spec(&spec(ct, n, &point)).unwrap())
            .unwrap()
    };
    let funding_key = key(11).secret_bytes();
    let htlc_key = keys::derive_privkey(&key(15), &point).unwrap().secret_bytes();
    let com = build();
    let (lk, rk) =
        (com.spec.keys.local_funding.serialize(), com.spec.keys.remote_funding.serialize());
    let (_, other_nonce) = nonce_gen(&lk, &NonceGenExtras::default()).unwrap();
    let msg = com.message().unwrap();
    let htlc_msgs: Vec<[u8; 32]> = com
        .htlc_txs()
        .unwrap()
        .iter()
        .map(|ht| ht.message(bitcoin::TapSighashType::SinglePlusAnyoneCanPay).unwrap())
        .collect();
    assert_eq!(htlc_msgs.len(), n, "every HTLC untrimmed");
    let keyagg = lnkit::tx::taproot::funding_keyagg(
        &com.spec.keys.local_funding,
        &com.spec.keys.remote_funding,
    )
    .unwrap();
    let (mut full, mut alone) = (Vec::new(), Vec::new());
    for _ in 0..ROUNDS {
        let (sec, own) = nonce_gen(&rk, &NonceGenExtras::default()).unwrap();
        let t = Instant::now();
        let com = build();
        let session = com.session(&[other_nonce, own]).unwrap();
        std::hint::black_box(com.partial_sign(&session, sec, &funding_key).unwrap());
        for ht in com.htlc_txs().unwrap() {
            std::hint::black_box(ht.sign_remote(&htlc_key).unwrap());
        }
        full.push(t.elapsed());
        let (sec, own) = nonce_gen(&rk, &NonceGenExtras::default()).unwrap();
        let t = Instant::now();
        let agg = lnkit::crypto::musig2::AggNonce::sum(&[other_nonce, own]);
        let session = Session::new(&keyagg, &agg, &msg).unwrap();
        std::hint::black_box(session.sign(sec, &funding_key).unwrap());
        for m in &htlc_msgs {
            std::hint::black_box(schnorr::sign(&htlc_key, m, &[0; 32]).unwrap());
        }
        alone.push(t.elapsed());
    }
    report(ct, n, n + 1, &full, &alone);
}

/// The timed part only (no message collection).
fn build_and_sign_only(ct: ChannelType, n: usize) -> usize {
    let point = keys::per_commitment_point(&key(99));
    let com = Commitment::build(spec(ct, n, &point)).unwrap();
    let funding_key = key(11);
    let htlc_key = keys::derive_privkey(&key(15), &point).unwrap();
    let mut sigs = Vec::with_capacity(n + 1);
    sigs.push(com.sign(&funding_key).unwrap());
    for ht in com.htlc_txs().unwrap() {
        sigs.push(ht.sign_remote(&htlc_key).unwrap());
    }
    sigs.len()
}
