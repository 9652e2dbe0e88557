//! PTLC outputs and second-stage transactions, checked by Bitcoin Core's script interpreter
//! (libbitcoinconsensus 26.0 with the taproot flag and every spent output): each spend must be
//! accepted, and the same spend with the pre-signature in place of the completed signature (or a
//! too-early locktime) must be refused, so the checks can fail. The secret is then recovered
//! from the on-chain witness, in-process and through `ln-ptlc extract`.

use bitcoin::hashes::{sha256, Hash};
use bitcoin::key::{Keypair, TapTweak};
use bitcoin::secp256k1::{PublicKey, Secp256k1, SecretKey};
use bitcoin::taproot::TapNodeHash;
use bitcoin::{
    absolute::LockTime, transaction::Version, Amount, OutPoint, ScriptBuf, Sequence,
    TapSighashType, Transaction, TxIn, TxOut, Witness,
};
use lnkit::crypto::adaptor;
use lnkit::crypto::musig2::{nonce_gen, AggNonce, NonceGenExtras};
use lnkit::crypto::{schnorr, AdaptorConvention, Session};
use lnkit::ptlc::script::{DelayedOutput, KeyPath, PtlcKeys, PtlcOutput, Role};
use lnkit::ptlc::tx::{self, OWN_SIGHASH, PRESIGNED_SIGHASH};

use crate::support::cli;

const CLTV: u32 = 800_000;
const DELAY: u16 = 144;
const VALUE: Amount = Amount::from_sat(50_000);

fn secret(label: &str) -> [u8; 32] {
    sha256::Hash::hash(label.as_bytes()).to_byte_array()
}

fn point(sk: &[u8; 32]) -> PublicKey {
    PublicKey::from_secret_key(&Secp256k1::new(), &SecretKey::from_slice(sk).unwrap())
}

struct Fx {
    local: [u8; 32],
    remote: [u8; 32],
    revocation: [u8; 32],
    delayed: [u8; 32],
    t: [u8; 32],
    keys: PtlcKeys,
}

fn fx() -> Fx {
    let (local, remote, revocation, delayed) =
        (secret("local-ptlc"), secret("remote-ptlc"), secret("revocation"), secret("delayed"));
    Fx {
        local,
        remote,
        revocation,
        delayed,
        t: secret("ptlc-secret"),
        keys: PtlcKeys {
            revocation: point(&revocation),
            local_ptlc: point(&local),
            remote_ptlc: point(&remote),
            local_delayed: point(&delayed),
        },
    }
}

/// A stand-in commitment transaction holding `spk` at output 0.
fn funding(spk: ScriptBuf) -> OutPoint {
    let tx = Transaction {
        version: Version::TWO,
        lock_time: LockTime::ZERO,
        input: vec![TxIn {
            previous_output: OutPoint::null(),
            script_sig: ScriptBuf::new(),
            sequence: Sequence::MAX,
            witness: Witness::new(),
        }],
        output: vec![TxOut { value: VALUE, script_pubkey: spk }],
    };
    OutPoint { txid: tx.compute_txid(), vout: 0 }
}

/// libbitcoinconsensus with taproot on (all prevouts given).
fn consensus(tx: &Transaction, prevout: &TxOut) -> Result<(), bitcoinconsensus::Error> {
    let spk = prevout.script_pubkey.as_bytes();
    let utxo = bitcoinconsensus::Utxo {
        script_pubkey: spk.as_ptr(),
        script_pubkey_len: u32::try_from(spk.len()).unwrap(),
        value: i64::try_from(prevout.value.to_sat()).unwrap(),
    };
    let bytes = bitcoin::consensus::serialize(tx);
    bitcoinconsensus::verify(spk, prevout.value.to_sat(), &bytes, Some(&[utxo]), 0)
}

#[track_caller]
fn accepted(what: &str, tx: &Transaction, prevout: &TxOut) {
    if let Err(e) = consensus(tx, prevout) {
        panic!("{what}: libbitcoinconsensus refused it: {e:?}");
    }
}

#[track_caller]
fn refused(what: &str, tx: &Transaction, prevout: &TxOut) {
    assert!(consensus(tx, prevout).is_err(), "{what}: libbitcoinconsensus accepted it");
}

/// x(R') || s' of a pre-signature: what a cheater would put on chain without the secret.
fn unadapted_as_sig(pre: &adaptor::PreSignature) -> [u8; 64] {
    let b = pre.to_bytes();
    b[1..].try_into().unwrap()
}

/// A completed PTLC-success transaction and the pre-signature it completes (for tests/malformed).
pub fn sample_success() -> &'static (Vec<u8>, adaptor::PreSignature) {
    static SAMPLE: std::sync::OnceLock<(Vec<u8>, adaptor::PreSignature)> =
        std::sync::OnceLock::new();
    SAMPLE.get_or_init(|| {
        let f = fx();
        let out = PtlcOutput::new(Role::Received, KeyPath::Revocation, &f.keys, CLTV).unwrap();
        let stage =
            tx::ptlc_success(&out, funding(out.script_pubkey()), VALUE, Amount::ZERO, DELAY)
                .unwrap();
        let msg = stage.script_sighash(PRESIGNED_SIGHASH).unwrap();
        let pre = adaptor::pre_sign(&f.remote, &msg, &[7; 32], &point(&f.t)).unwrap();
        let own =
            schnorr::sign(&f.local, &stage.script_sighash(OWN_SIGHASH).unwrap(), &[8; 32]).unwrap();
        let sig = adaptor::adapt(&pre, &f.t).unwrap();
        let done = stage.finish_script((&sig, PRESIGNED_SIGHASH), (&own, OWN_SIGHASH));
        (bitcoin::consensus::serialize(&done), pre)
    })
}

#[test]
fn consensus_rejects_a_wrong_signature_on_a_taproot_output() {
    // The checker must really run taproot: a key-path spend with a garbage signature fails.
    let f = fx();
    let out = PtlcOutput::new(Role::Received, KeyPath::Revocation, &f.keys, CLTV).unwrap();
    let stage =
        tx::ptlc_success(&out, funding(out.script_pubkey()), VALUE, Amount::ZERO, DELAY).unwrap();
    let mut tx = stage.tx.clone();
    tx.input[0].witness = Witness::from_slice(&[[1u8; 64]]);
    refused("garbage key-path signature", &tx, &stage.prevout);
}

#[test]
fn ptlc_success_with_adapted_signature_verifies_and_reveals_the_secret() {
    let f = fx();
    let t_point = point(&f.t);
    let mut runs = 0;
    for key_path in [KeyPath::Revocation, KeyPath::MuSig2] {
        let out = PtlcOutput::new(Role::Received, key_path, &f.keys, CLTV).unwrap();
        let stage =
            tx::ptlc_success(&out, funding(out.script_pubkey()), VALUE, Amount::ZERO, DELAY)
                .unwrap();
        // the remote (offerer) pre-signs the holder's PTLC-success under the PTLC point
        let msg_remote = stage.script_sighash(PRESIGNED_SIGHASH).unwrap();
        let pre = adaptor::pre_sign(&f.remote, &msg_remote, &[7; 32], &t_point).unwrap();
        adaptor::pre_verify(&schnorr::pubkey(&f.remote).unwrap(), &msg_remote, &t_point, &pre)
            .unwrap();
        let local_sig =
            schnorr::sign(&f.local, &stage.script_sighash(OWN_SIGHASH).unwrap(), &[8; 32]).unwrap();

        let cheat = stage
            .finish_script((&unadapted_as_sig(&pre), PRESIGNED_SIGHASH), (&local_sig, OWN_SIGHASH));
        refused(&format!("{key_path:?}: success without the secret"), &cheat, &stage.prevout);

        let sig = adaptor::adapt(&pre, &f.t).unwrap();
        let done = stage.finish_script((&sig, PRESIGNED_SIGHASH), (&local_sig, OWN_SIGHASH));
        accepted(&format!("{key_path:?}: PTLC-success"), &done, &stage.prevout);

        // the remote sees the witness on chain and learns t
        let found = tx::extract_secret(&done, &pre, Some(&t_point)).unwrap();
        assert_eq!(found.secret, f.t, "{key_path:?}");
        assert_eq!((found.input, found.item), (0, 0));
        let hex_tx = bitcoin::consensus::encode::serialize_hex(&done);
        let o = cli("ln-ptlc")
            .args(["extract", "--tx", &hex_tx, "--presig", &hex::encode(pre.to_bytes())])
            .run();
        o.code(0);
        assert_eq!(o.json()["secret"], hex::encode(f.t), "{key_path:?}: CLI extract");
        // the same with the un-adapted encoding and the adaptor point given
        let unadapted = hex::encode(pre.to_unadapted_bytes(&t_point).unwrap());
        let o = cli("ln-ptlc")
            .args(["adaptor", "extract", "--tx", &hex_tx, "--presig", &unadapted])
            .args(["--encoding", "unadapted", "--adaptor", &hex::encode(t_point.serialize())])
            .run();
        o.code(0);
        assert_eq!(o.json()["secret"], hex::encode(f.t), "{key_path:?}: CLI extract unadapted");

        // the PTLC-success output is the holder's after to_self_delay
        let delayed = DelayedOutput::new(&f.keys.revocation, &f.keys.local_delayed, DELAY).unwrap();
        assert_eq!(done.output[0].script_pubkey, delayed.script_pubkey());
        sweep_delayed(&f, &delayed, &done);
        runs += 1;
    }
    assert_eq!(runs, 2);
}

/// Spends the second-stage output through its delay leaf (sequence = to_self_delay).
fn sweep_delayed(f: &Fx, delayed: &DelayedOutput, parent: &Transaction) {
    let prevout = parent.output[0].clone();
    let mut tx = Transaction {
        version: Version::TWO,
        lock_time: LockTime::ZERO,
        input: vec![TxIn {
            previous_output: OutPoint { txid: parent.compute_txid(), vout: 0 },
            script_sig: ScriptBuf::new(),
            sequence: Sequence::from_consensus(u32::from(DELAY)),
            witness: Witness::new(),
        }],
        output: vec![TxOut { value: prevout.value, script_pubkey: ScriptBuf::new_op_return([]) }],
    };
    let sighash = script_sighash(&tx, &prevout, &delayed.leaf);
    let sig = schnorr::sign(&f.delayed, &sighash, &[1; 32]).unwrap();
    let cb = delayed.control_block().unwrap().serialize();
    tx.input[0].witness = Witness::from_slice(&[sig.to_vec(), delayed.leaf.to_bytes(), cb]);
    accepted("delayed sweep", &tx, &prevout);
    let mut early = tx.clone();
    early.input[0].sequence = Sequence::from_consensus(u32::from(DELAY) - 1);
    refused("delayed sweep before to_self_delay", &early, &prevout);
}

fn script_sighash(tx: &Transaction, prevout: &TxOut, leaf: &ScriptBuf) -> [u8; 32] {
    let prevouts = [prevout.clone()];
    let h = bitcoin::sighash::SighashCache::new(tx)
        .taproot_script_spend_signature_hash(
            0,
            &bitcoin::sighash::Prevouts::All(&prevouts),
            lnkit::ptlc::script::leaf_hash(leaf),
            TapSighashType::Default,
        )
        .unwrap();
    *h.as_ref()
}

#[test]
fn musig2_key_path_ptlc_success_in_both_conventions() {
    let f = fx();
    let t_point = point(&f.t);
    let out = PtlcOutput::new(Role::Received, KeyPath::MuSig2, &f.keys, CLTV).unwrap();
    let stage =
        tx::ptlc_success(&out, funding(out.script_pubkey()), VALUE, Amount::ZERO, DELAY).unwrap();
    let keyagg = out.key_path_keyagg().unwrap();
    // the tweaked aggregate is the output key
    assert_eq!(keyagg.xonly_pubkey(), out.output_key().to_x_only_public_key().serialize());
    let msg = stage.key_sighash(TapSighashType::Default).unwrap();
    let mut runs = 0;
    for convention in [AdaptorConvention::NonceCoefficient, AdaptorConvention::FinalNonce] {
        let extras = NonceGenExtras { msg: Some(&msg), ..NonceGenExtras::default() };
        let (sec_l, pub_l) = nonce_gen(&f.keys.local_ptlc.serialize(), &extras).unwrap();
        let (sec_r, pub_r) = nonce_gen(&f.keys.remote_ptlc.serialize(), &extras).unwrap();
        let aggnonce = AggNonce::sum(&[pub_l, pub_r]);
        let session = Session::new_adaptor(&keyagg, &aggnonce, &msg, &t_point, convention).unwrap();
        let psig_r = session.sign(sec_r, &f.remote).unwrap();
        let psig_l = session.sign(sec_l, &f.local).unwrap();
        let pre = session.aggregate_pre_signature(&[psig_l, psig_r]).unwrap();

        let cheat = stage.finish_key(&out, &unadapted_as_sig(&pre), TapSighashType::Default);
        refused(
            &format!("{convention:?}: key path without the secret"),
            &cheat.unwrap(),
            &stage.prevout,
        );
        let sig = adaptor::adapt(&pre, &f.t).unwrap();
        let done = stage.finish_key(&out, &sig, TapSighashType::Default).unwrap();
        accepted(&format!("{convention:?}: MuSig2 key-path PTLC-success"), &done, &stage.prevout);
        assert_eq!(tx::extract_secret(&done, &pre, Some(&t_point)).unwrap().secret, f.t);
        runs += 1;
    }
    assert_eq!(runs, 2);
}

#[test]
fn offered_ptlc_timeout_and_claim_success_verify() {
    let f = fx();
    let t_point = point(&f.t);
    let mut runs = 0;
    for key_path in [KeyPath::Revocation, KeyPath::MuSig2] {
        let out = PtlcOutput::new(Role::Offered, key_path, &f.keys, CLTV).unwrap();
        let outpoint = funding(out.script_pubkey());

        // PTLC-timeout: both plain signatures, locktime = cltv_expiry
        let stage = tx::ptlc_timeout(&out, outpoint, VALUE, Amount::ZERO, DELAY).unwrap();
        assert_eq!(stage.tx.lock_time, LockTime::from_consensus(CLTV));
        let remote_sig =
            schnorr::sign(&f.remote, &stage.script_sighash(PRESIGNED_SIGHASH).unwrap(), &[2; 32])
                .unwrap();
        let local_sig =
            schnorr::sign(&f.local, &stage.script_sighash(OWN_SIGHASH).unwrap(), &[3; 32]).unwrap();
        let done = stage.finish_script((&remote_sig, PRESIGNED_SIGHASH), (&local_sig, OWN_SIGHASH));
        accepted(&format!("{key_path:?}: PTLC-timeout"), &done, &stage.prevout);
        let swapped =
            stage.finish_script((&local_sig, PRESIGNED_SIGHASH), (&remote_sig, OWN_SIGHASH));
        refused(
            &format!("{key_path:?}: PTLC-timeout, signatures swapped"),
            &swapped,
            &stage.prevout,
        );

        // claim-success: the holder (offerer) adaptor-signs, the remote completes with t
        let dest = ScriptBuf::new_op_return([0x42]);
        let claim = tx::claim_success(&out, outpoint, VALUE, Amount::from_sat(500), dest).unwrap();
        let msg_local = claim.script_sighash(PRESIGNED_SIGHASH).unwrap();
        let pre = adaptor::pre_sign(&f.local, &msg_local, &[4; 32], &t_point).unwrap();
        let remote_sig =
            schnorr::sign(&f.remote, &claim.script_sighash(OWN_SIGHASH).unwrap(), &[5; 32])
                .unwrap();
        let cheat = claim.finish_script(
            (&remote_sig, OWN_SIGHASH),
            (&unadapted_as_sig(&pre), PRESIGNED_SIGHASH),
        );
        refused(&format!("{key_path:?}: claim without the secret"), &cheat, &claim.prevout);
        let sig = adaptor::adapt(&pre, &f.t).unwrap();
        let done = claim.finish_script((&remote_sig, OWN_SIGHASH), (&sig, PRESIGNED_SIGHASH));
        accepted(&format!("{key_path:?}: claim-success"), &done, &claim.prevout);
        let found = tx::extract_secret(&done, &pre, Some(&t_point)).unwrap();
        assert_eq!((found.item, found.secret), (1, f.t), "{key_path:?}");
        runs += 1;
    }
    assert_eq!(runs, 2);
}

#[test]
fn received_ptlc_timeout_leaf_enforces_cltv_and_revocation_key_path_spends() {
    let f = fx();
    let secp = Secp256k1::new();
    let out = PtlcOutput::new(Role::Received, KeyPath::Revocation, &f.keys, CLTV).unwrap();
    let prevout = TxOut { value: VALUE, script_pubkey: out.script_pubkey() };
    let spend = |lock: u32, witness: Vec<Vec<u8>>| Transaction {
        version: Version::TWO,
        lock_time: LockTime::from_consensus(lock),
        input: vec![TxIn {
            previous_output: funding(out.script_pubkey()),
            script_sig: ScriptBuf::new(),
            sequence: Sequence::from_consensus(1),
            witness: Witness::from_slice(&witness),
        }],
        output: vec![TxOut { value: VALUE, script_pubkey: ScriptBuf::new_op_return([]) }],
    };
    let cb = out.control_block(&out.timeout_leaf).unwrap().serialize();
    for (lock, ok) in [(CLTV, true), (CLTV - 1, false)] {
        let unsigned = spend(lock, vec![]);
        let sig = schnorr::sign(
            &f.remote,
            &script_sighash(&unsigned, &prevout, &out.timeout_leaf),
            &[6; 32],
        )
        .unwrap();
        let tx = spend(lock, vec![sig.to_vec(), out.timeout_leaf.to_bytes(), cb.clone()]);
        if ok {
            accepted("received timeout at cltv_expiry", &tx, &prevout);
        } else {
            refused("received timeout before cltv_expiry", &tx, &prevout);
        }
    }
    // breach: the revocation key, tweaked with the script root, spends the key path
    let unsigned = spend(0, vec![]);
    let prevouts = [prevout.clone()];
    let sighash = bitcoin::sighash::SighashCache::new(&unsigned)
        .taproot_key_spend_signature_hash(
            0,
            &bitcoin::sighash::Prevouts::All(&prevouts),
            TapSighashType::Default,
        )
        .unwrap();
    let kp = Keypair::from_seckey_slice(&secp, &f.revocation).unwrap();
    let root: Option<TapNodeHash> = out.spend_info.merkle_root();
    let tweaked = kp.tap_tweak(&secp, root).to_keypair();
    let sig = schnorr::sign(&tweaked.secret_bytes(), sighash.as_ref(), &[9; 32]).unwrap();
    accepted("revocation key path", &spend(0, vec![sig.to_vec()]), &prevout);
}
