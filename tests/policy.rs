//! Relay-policy checker (`lnkit::policy`): every rule with a passing and a failing case built
//! here with `bitcoin` types and checked by Core's reject string; the TRUC/P2A samples of
//! `research-data/truc-p2a-samples.txt`; the zero-fee commitment vectors (bolts#1228) with
//! their CPFP child checked as a package; the CLI.
// `&[tx.clone()]` reads better than `slice::from_ref` in a list of one-tx packages.
#![allow(clippy::cloned_ref_to_slice_refs)]

use std::str::FromStr;

use bitcoin::hashes::Hash;
use bitcoin::opcodes::all::{OP_CHECKMULTISIG, OP_CHECKSIG, OP_NOP, OP_RETURN};
use bitcoin::script::{Builder, PushBytesBuf};
use bitcoin::secp256k1::{PublicKey, Secp256k1, SecretKey};
use bitcoin::transaction::Version;
use bitcoin::{
    absolute::LockTime, consensus, Amount, OutPoint, ScriptBuf, Sequence, Transaction, TxIn, TxOut,
    Txid, Witness,
};
use lnkit::policy::cpfp::{self, Anchor, CpfpRequest, WalletUtxo};
use lnkit::policy::rules::{self, dust_threshold, OutputType, P2A_SCRIPT};
use lnkit::policy::{self, check, Context, CoreVersion, Policy, Report};

use crate::support::{cli, shared_dir, vector_json};

// ---------- builders ----------

fn key(n: u8) -> SecretKey {
    SecretKey::from_slice(&[n; 32]).unwrap()
}

fn pubkey(n: u8) -> PublicKey {
    PublicKey::from_secret_key(&Secp256k1::new(), &key(n))
}

fn p2wpkh(n: u8) -> ScriptBuf {
    ScriptBuf::new_p2wpkh(&bitcoin::CompressedPublicKey(pubkey(n)).wpubkey_hash())
}

fn p2tr(n: u8) -> ScriptBuf {
    ScriptBuf::new_p2tr(&Secp256k1::new(), pubkey(n).x_only_public_key().0, None)
}

fn p2a() -> ScriptBuf {
    ScriptBuf::from_bytes(P2A_SCRIPT.to_vec())
}

/// A confirmed outpoint nobody else uses.
fn op(n: u32) -> OutPoint {
    OutPoint { txid: Txid::from_byte_array([n as u8 ^ 0x5a; 32]), vout: n }
}

fn txin(prev: OutPoint) -> TxIn {
    TxIn {
        previous_output: prev,
        script_sig: ScriptBuf::new(),
        sequence: Sequence::ENABLE_RBF_NO_LOCKTIME,
        witness: Witness::new(),
    }
}

fn out(value: u64, spk: ScriptBuf) -> TxOut {
    TxOut { value: Amount::from_sat(value), script_pubkey: spk }
}

fn tx(version: i32, inputs: Vec<TxIn>, outputs: Vec<TxOut>) -> Transaction {
    Transaction {
        version: Version(version),
        lock_time: LockTime::ZERO,
        input: inputs,
        output: outputs,
    }
}

fn spend(t: &Transaction, vout: u32) -> TxIn {
    txin(OutPoint { txid: t.compute_txid(), vout })
}

/// Context with confirmed P2WPKH coins `op(n)` of 1 BTC for each `n`.
fn coins(ns: &[u32]) -> Context {
    let mut c = Context::default();
    for &n in ns {
        c.add_coin(op(n), out(100_000_000, p2wpkh(1)), Some(100));
    }
    c
}

/// Policy of `core` without script checks (the rule tests build unsigned transactions).
fn pol(core: CoreVersion) -> Policy {
    let mut p = Policy::new(core);
    p.verify_scripts = false;
    p
}

fn run(p: &Policy, pkg: &[Transaction], ctx: &Context) -> Report {
    check(p, pkg, ctx)
}

#[track_caller]
fn fails(r: &Report, reason: &str) {
    assert!(r.has(reason), "want {reason:?}, got {:#}", r.to_json());
}

#[track_caller]
fn passes(r: &Report) {
    assert!(r.passed(), "want a pass, got {:#}", r.to_json());
}

#[track_caller]
fn lacks(r: &Report, reason: &str) {
    assert!(!r.has(reason), "unexpected {reason:?} in {:#}", r.to_json());
}

/// A plain standard tx spending `op(n)` with one P2WPKH output and `fee` sat of fee.
fn simple(version: i32, n: u32, fee: u64) -> Transaction {
    tx(version, vec![txin(op(n))], vec![out(100_000_000 - fee, p2wpkh(2))])
}

const V29: CoreVersion = CoreVersion::V29;

// ---------- context-free standardness ----------

#[test]
fn policy_rule_version() {
    let c = coins(&[1]);
    passes(&run(&pol(V29), &[simple(2, 1, 1000)], &c));
    passes(&run(&pol(CoreVersion::V28), &[simple(3, 1, 1000)], &c));
    for v in [0, 4, -1] {
        fails(&run(&pol(V29), &[simple(v, 1, 1000)], &c), "version");
    }
}

#[test]
fn policy_rule_tx_size() {
    let c = coins(&[1]);
    // 3300 P2WPKH outputs: 31 bytes each, > 100 000 vbytes of non-witness data.
    let outs: Vec<TxOut> = (0..3300).map(|_| out(10_000, p2wpkh(3))).collect();
    let big = tx(2, vec![txin(op(1))], outs);
    assert!(big.weight().to_wu() > 400_000);
    fails(&run(&pol(V29), &[big], &c), "tx-size");
    let outs: Vec<TxOut> = (0..3000).map(|_| out(10_000, p2wpkh(3))).collect();
    let ok = tx(2, vec![txin(op(1))], outs);
    let r = run(&pol(V29), &[ok], &c);
    lacks(&r, "tx-size");
    passes(&r);
}

fn push_script(len: usize) -> ScriptBuf {
    Builder::new().push_slice(PushBytesBuf::try_from(vec![7u8; len]).unwrap()).into_script()
}

#[test]
fn policy_rule_scriptsig_size_and_push_only() {
    let c = coins(&[1]);
    let mut t = simple(2, 1, 10_000);
    t.input[0].script_sig = push_script(1647); // 3-byte PUSHDATA2 header: 1650 bytes
    assert_eq!(t.input[0].script_sig.len(), 1650);
    let r = run(&pol(V29), &[t.clone()], &c);
    lacks(&r, "scriptsig-size");
    lacks(&r, "scriptsig-not-pushonly");
    t.input[0].script_sig = push_script(1648);
    fails(&run(&pol(V29), &[t.clone()], &c), "scriptsig-size");
    t.input[0].script_sig = Builder::new().push_opcode(OP_NOP).into_script();
    fails(&run(&pol(V29), &[t], &c), "scriptsig-not-pushonly");
}

#[test]
fn policy_rule_output_types() {
    let c = coins(&[1]);
    let with = |spk: ScriptBuf| {
        tx(2, vec![txin(op(1))], vec![out(50_000_000, spk), out(40_000_000, p2wpkh(2))])
    };
    for spk in [p2wpkh(1), p2tr(1), p2a(), ScriptBuf::new_p2wsh(&p2wpkh(1).wscript_hash())] {
        passes(&run(&pol(V29), &[with(spk)], &c));
    }
    assert_eq!(rules::classify(&p2a()), OutputType::Anchor);
    // OP_TRUE, a v0 program of 21 bytes, and a 1-of-4 bare multisig are not standard.
    let bad21 = ScriptBuf::from_bytes([&[0u8, 21][..], &[9u8; 21]].concat());
    let ms = |n: u8| {
        let mut b = Builder::new().push_int(1);
        for k in 1..=n {
            b = b.push_slice(pubkey(k).serialize());
        }
        b.push_int(i64::from(n)).push_opcode(OP_CHECKMULTISIG).into_script()
    };
    for spk in [ScriptBuf::from_bytes(vec![0x51]), bad21, ms(4)] {
        fails(&run(&pol(V29), &[with(spk)], &c), "scriptpubkey");
    }
    // Bare multisig 1-of-2: standard unless -permitbaremultisig=0.
    passes(&run(&pol(V29), &[with(ms(2))], &c));
    let mut p = pol(V29);
    p.permit_bare_multisig = false;
    fails(&run(&p, &[with(ms(2))], &c), "bare-multisig");
}

fn op_return(payload: usize) -> ScriptBuf {
    let mut b = Builder::new().push_opcode(OP_RETURN);
    if payload > 0 {
        b = b.push_slice(PushBytesBuf::try_from(vec![1u8; payload]).unwrap());
    }
    b.into_script()
}

#[test]
fn policy_rule_op_return() {
    let c = coins(&[1]);
    let with = |outs: Vec<ScriptBuf>| {
        let mut o: Vec<TxOut> = outs.into_iter().map(|s| out(0, s)).collect();
        o.push(out(90_000_000, p2wpkh(2)));
        tx(2, vec![txin(op(1))], o)
    };
    // 80-byte payload = 83-byte script: the pre-30 limit, standard everywhere.
    passes(&run(&pol(V29), &[with(vec![op_return(80)])], &c));
    fails(&run(&pol(V29), &[with(vec![op_return(81)])], &c), "scriptpubkey");
    fails(&run(&pol(V29), &[with(vec![op_return(4), op_return(4)])], &c), "multi-op-return");
    // 30: several OP_RETURNs sharing a 100 000-byte budget.
    let p30 = pol(CoreVersion::V30);
    passes(&run(&p30, &[with(vec![op_return(4), op_return(1000)])], &c));
    fails(&run(&p30, &[with(vec![op_return(60_000), op_return(40_000)])], &c), "datacarrier");
    let mut none = pol(CoreVersion::V30);
    none.max_datacarrier_bytes = None;
    fails(&run(&none, &[with(vec![op_return(1)])], &c), "datacarrier");
}

#[test]
fn policy_dust_thresholds_match_the_notes() {
    // spec-commit.md §1.7 at 3000 sat/kvB.
    let p2pkh = ScriptBuf::new_p2pkh(&bitcoin::PublicKey::new(pubkey(1)).pubkey_hash());
    let p2sh = ScriptBuf::new_p2sh(&p2wpkh(1).script_hash());
    let wsh = ScriptBuf::new_p2wsh(&p2wpkh(1).wscript_hash());
    let unknown40 = ScriptBuf::from_bytes([&[0x52u8, 40][..], &[1u8; 40]].concat());
    let cases = [
        (p2pkh, 546),
        (p2sh, 540),
        (p2wpkh(1), 294),
        (wsh, 330),
        (p2tr(1), 330),
        (p2a(), 240),
        (unknown40, 354),
        (op_return(10), 0),
    ];
    assert_eq!(cases.len(), 8);
    for (spk, want) in &cases {
        assert_eq!(dust_threshold(spk, 3000), *want, "{}", rules::classify(spk).name());
    }
    // -dustrelayfee scales it (and rounds up).
    assert_eq!(dust_threshold(&p2a(), 1000), 80);
    assert_eq!(dust_threshold(&p2a(), 1001), 81);
}

#[test]
fn policy_rule_dust_per_version() {
    let c = coins(&[1]);
    // One dust output in a fee-paying tx: "dust" in 28 (any dust) and 29+ (must be 0-fee).
    let one = tx(2, vec![txin(op(1))], vec![out(293, p2wpkh(2)), out(99_000_000, p2wpkh(3))]);
    for core in CoreVersion::ALL {
        fails(&run(&pol(core), &[one.clone()], &c), "dust");
    }
    let ok = tx(2, vec![txin(op(1))], vec![out(294, p2wpkh(2)), out(99_000_000, p2wpkh(3))]);
    passes(&run(&pol(V29), &[ok], &c));
    // Two dust outputs, even at 0 fee: MAX_DUST_OUTPUTS_PER_TX = 1.
    let two = tx(
        3,
        vec![txin(op(1))],
        vec![out(0, p2a()), out(1, p2wpkh(2)), out(99_999_999, p2wpkh(3))],
    );
    let r = run(&pol(V29), &[two], &c);
    fails(&r, "dust");
    // Custom -dustrelayfee: 293 sat P2WPKH is not dust at 2 sat/kvB... per vB.
    let mut low = pol(V29);
    low.dust_relay_feerate = 1000;
    passes(&run(&low, &[one], &c));
}

#[test]
fn policy_rule_tx_size_small() {
    let c = coins(&[1]);
    let small = tx(3, vec![txin(op(1))], vec![out(99_990_000, p2a())]);
    assert_eq!(small.base_size(), 64);
    fails(&run(&pol(V29), &[small], &c), "tx-size-small");
    let padded = tx(3, vec![txin(op(1))], vec![out(99_990_000, p2a()), out(0, op_return(0))]);
    let r = run(&pol(V29), &[padded], &c);
    lacks(&r, "tx-size-small");
    passes(&r);
}

#[test]
fn policy_rule_consensus_basics() {
    let c = coins(&[1, 2]);
    let dup = tx(2, vec![txin(op(1)), txin(op(1))], vec![out(1000, p2wpkh(2))]);
    fails(&run(&pol(V29), &[dup], &c), "bad-txns-inputs-duplicate");
    fails(&run(&pol(V29), &[tx(2, vec![txin(op(1))], vec![])], &c), "bad-txns-vout-empty");
    fails(&run(&pol(V29), &[tx(2, vec![], vec![out(1, p2wpkh(1))])], &c), "bad-txns-vin-empty");
    let over = tx(2, vec![txin(op(1))], vec![out(100_000_001, p2wpkh(2))]);
    fails(&run(&pol(V29), &[over], &c), "bad-txns-in-belowout");
    passes(&run(&pol(V29), &[simple(2, 2, 500)], &c));
}

// ---------- inputs and witnesses ----------

#[test]
fn policy_rule_p2a_spend_must_be_empty() {
    let mut c = coins(&[1]);
    c.add_coin(op(9), out(240, p2a()), Some(10));
    let mk = || tx(3, vec![txin(op(9)), txin(op(1))], vec![out(99_990_000, p2wpkh(2))]);
    passes(&run(&pol(V29), &[mk()], &c));
    let mut stuffed = mk();
    stuffed.input[0].witness.push([1u8; 10]);
    fails(&run(&pol(V29), &[stuffed], &c), "bad-witness-nonstandard");
    let mut sig = mk();
    sig.input[0].script_sig = push_script(2);
    fails(&run(&pol(V29), &[sig.clone()], &c), "mandatory-script-verify-flag-failed");
    fails(&run(&pol(CoreVersion::V30), &[sig], &c), "mempool-script-verify-flag-failed");
}

#[test]
fn policy_rule_witness_standardness() {
    let script = |len: usize| ScriptBuf::from_bytes(vec![0x51; len]);
    let mut c = coins(&[1]);
    let ws_small = script(100);
    let ws_big = script(3601);
    c.add_coin(op(20), out(10_000, ScriptBuf::new_p2wsh(&ws_small.wscript_hash())), None);
    c.add_coin(op(21), out(10_000, ScriptBuf::new_p2wsh(&ws_big.wscript_hash())), None);
    c.add_coin(op(22), out(10_000, p2tr(4)), None);
    let with = |prev: u32, items: Vec<Vec<u8>>| {
        let mut t = tx(2, vec![txin(op(prev)), txin(op(1))], vec![out(99_000_000, p2wpkh(2))]);
        t.input[0].witness = Witness::from_slice(&items);
        t
    };
    passes(&run(&pol(V29), &[with(20, vec![vec![1; 80], ws_small.to_bytes()])], &c));
    let cases = [
        ("item > 80", with(20, vec![vec![1; 81], ws_small.to_bytes()])),
        ("> 100 items", with(20, [vec![vec![]; 101], vec![ws_small.to_bytes()]].concat())),
        ("script > 3600", with(21, vec![ws_big.to_bytes()])),
        ("annex", with(22, vec![vec![1; 64], vec![0x50, 1]])),
        (
            "tapscript item > 80",
            with(22, vec![vec![1; 81], vec![0x51], [vec![0xc0], vec![2; 32]].concat()]),
        ),
        ("witness on non-witness", {
            let mut cc = with(20, vec![]);
            cc.input[1].witness.push([1u8]);
            cc.input[1].previous_output = op(1);
            cc
        }),
    ];
    assert_eq!(cases.len(), 6);
    let mut c2 = c.clone();
    c2.add_coin(
        op(1),
        out(100_000_000, ScriptBuf::new_p2pkh(&bitcoin::PublicKey::new(pubkey(1)).pubkey_hash())),
        None,
    );
    for (name, t) in cases {
        let ctx = if name == "witness on non-witness" { &c2 } else { &c };
        let r = run(&pol(V29), &[t], ctx);
        assert!(r.has("bad-witness-nonstandard"), "{name}: {:#}", r.to_json());
    }
    // Key path taproot (one 64-byte signature) is standard.
    passes(&run(&pol(V29), &[with(22, vec![vec![1; 64]])], &c));
}

#[test]
fn policy_rule_nonstandard_inputs_and_sigops() {
    let mut c = coins(&[1]);
    let v2prog = ScriptBuf::from_bytes([&[0x52u8, 32][..], &[3u8; 32]].concat());
    c.add_coin(op(30), out(10_000, v2prog), None);
    let t = tx(2, vec![txin(op(30)), txin(op(1))], vec![out(99_000_000, p2wpkh(2))]);
    fails(&run(&pol(V29), &[t], &c), "bad-txns-nonstandard-inputs");
    // P2SH redeem script with 16 CHECKSIGs (> 15 sigops).
    let redeem = |n: usize| ScriptBuf::from_bytes(vec![OP_CHECKSIG.to_u8(); n]);
    for (n, bad) in [(15, false), (16, true)] {
        let mut cc = c.clone();
        cc.add_coin(op(31), out(10_000, ScriptBuf::new_p2sh(&redeem(n).script_hash())), None);
        let mut t = tx(2, vec![txin(op(31)), txin(op(1))], vec![out(99_000_000, p2wpkh(2))]);
        t.input[0].script_sig = Builder::new()
            .push_slice(PushBytesBuf::try_from(redeem(n).to_bytes()).unwrap())
            .into_script();
        assert_eq!(run(&pol(V29), &[t], &cc).has("bad-txns-nonstandard-inputs"), bad, "{n} sigops");
    }
    // > 16 000 sigop cost: 4001 legacy CHECKSIGs in an output script.
    let heavy = tx(
        2,
        vec![txin(op(1))],
        vec![out(1000, ScriptBuf::from_bytes(vec![0xac; 4001])), out(99_000_000, p2wpkh(2))],
    );
    fails(&run(&pol(V29), &[heavy], &c), "bad-txns-too-many-sigops");
}

#[test]
fn policy_rule_min_relay_fee() {
    let c = coins(&[1]);
    let t = simple(2, 1, 50);
    let vsize = t.vsize() as u64;
    assert!(vsize > 50 && vsize < 500);
    fails(&run(&pol(V29), &[t.clone()], &c), "min relay fee not met");
    // 29.1 / 30: 0.1 sat/vB.
    passes(&run(&pol(CoreVersion::V29_1), &[t.clone()], &c));
    passes(&run(&pol(CoreVersion::V30), &[t], &c));
    passes(&run(&pol(V29), &[simple(2, 1, vsize)], &c));
    // A v3 tx alone gets no exemption.
    fails(&run(&pol(CoreVersion::V30), &[simple(3, 1, 0)], &c), "min relay fee not met");
}

#[test]
fn policy_rule_finality() {
    let c = coins(&[1]);
    let mut p = pol(V29);
    p.tip_height = Some(800_000);
    // Final when the locktime is below the next block's height.
    let mut t = simple(2, 1, 1000);
    t.lock_time = LockTime::from_height(800_000).unwrap();
    passes(&run(&p, &[t.clone()], &c));
    t.lock_time = LockTime::from_height(800_001).unwrap();
    fails(&run(&p, &[t.clone()], &c), "non-final");
    t.input[0].sequence = Sequence::MAX;
    passes(&run(&p, &[t], &c));
    // BIP 68: 1-block CSV on a coin confirmed at the tip passes, 2 blocks do not.
    let mut t = simple(2, 1, 1000);
    let mut cc = Context::default();
    cc.add_coin(op(1), out(100_000_000, p2wpkh(1)), Some(800_000));
    t.input[0].sequence = Sequence::from_height(1);
    passes(&run(&p, &[t.clone()], &cc));
    t.input[0].sequence = Sequence::from_height(2);
    fails(&run(&p, &[t], &cc), "non-BIP68-final");
    // On an unconfirmed parent any CSV fails.
    let parent = simple(2, 1, 1000);
    let mut child = tx(2, vec![spend(&parent, 0)], vec![out(99_990_000, p2wpkh(3))]);
    child.input[0].sequence = Sequence::from_height(1);
    fails(&run(&p, &[parent, child], &c), "non-BIP68-final");
}

// ---------- TRUC, ephemeral dust, packages ----------

/// A 0-fee v3 parent with a P2A of `anchor` sat (like a zero-fee commitment) and its child.
fn zero_fee_pair(anchor: u64, child_fee: u64) -> (Transaction, Transaction) {
    let parent =
        tx(3, vec![txin(op(1))], vec![out(anchor, p2a()), out(100_000_000 - anchor, p2wpkh(2))]);
    let child = tx(
        3,
        vec![spend(&parent, 0), txin(op(2))],
        vec![out(100_000_000 + anchor - child_fee, p2wpkh(3))],
    );
    (parent, child)
}

#[test]
fn policy_rule_ephemeral_dust() {
    let c = coins(&[1, 2]);
    let (parent, child) = zero_fee_pair(0, 5000);
    passes(&run(&pol(V29), &[parent.clone(), child.clone()], &c));
    // 28 has no ephemeral dust: the 0-sat anchor is dust.
    fails(&run(&pol(CoreVersion::V28), &[parent.clone(), child], &c), "dust");
    // A child that leaves the dust unspent.
    let other = tx(3, vec![spend(&parent, 1)], vec![out(99_990_000, p2wpkh(3))]);
    fails(&run(&pol(V29), &[parent.clone(), other], &c), "missing-ephemeral-spends");
    // Dust in a fee-paying parent.
    let mut paying = parent;
    paying.output[1].value = Amount::from_sat(99_000_000);
    let child = tx(3, vec![spend(&paying, 0), txin(op(2))], vec![out(99_990_000, p2wpkh(3))]);
    let r = run(&pol(V29), &[paying, child], &c);
    fails(&r, "dust");
    assert!(r.failures.iter().any(|f| f.detail.contains("must be 0-fee")));
    // 240 sat is not dust, so a 240-sat anchor needs no ephemeral spend.
    let (parent, _) = zero_fee_pair(240, 0);
    let sibling = tx(3, vec![spend(&parent, 1), txin(op(2))], vec![out(199_990_000, p2wpkh(3))]);
    lacks(&run(&pol(V29), &[parent, sibling], &c), "missing-ephemeral-spends");
}

#[test]
fn policy_rule_truc_topology_and_sizes() {
    let c = coins(&[1, 2, 3]);
    let (parent, child) = zero_fee_pair(0, 5000);
    passes(&run(&pol(V29), &[parent.clone(), child.clone()], &c));
    // v3 spending an unconfirmed v2, and v2 spending an unconfirmed v3.
    let v2parent = simple(2, 1, 2000);
    let v3child = tx(3, vec![spend(&v2parent, 0)], vec![out(99_990_000, p2wpkh(3))]);
    let r = run(&pol(V29), &[v2parent.clone(), v3child], &c);
    fails(&r, "TRUC-violation");
    assert!(r.failures.iter().any(|f| f.detail.contains("cannot spend from non-version=3")));
    let v2child = tx(2, vec![spend(&parent, 0), txin(op(2))], vec![out(99_990_000, p2wpkh(3))]);
    let r = run(&pol(V29), &[parent.clone(), v2child], &c);
    assert!(r.failures.iter().any(|f| f.detail.starts_with("non-version=3")), "{:#}", r.to_json());
    // A v3 grandchild: too many ancestors (parent in the mempool, child + grandchild package).
    let mut ctx = c.clone();
    ctx.mempool.push(parent.clone());
    let grandchild = tx(3, vec![spend(&child, 0)], vec![out(99_000_000, p2wpkh(4))]);
    let r = run(&pol(CoreVersion::V30), &[child.clone(), grandchild], &ctx);
    assert!(
        r.failures.iter().any(|f| f.detail.contains("too many ancestors")),
        "{:#}",
        r.to_json()
    );
    // Sizes: a v3 child above 1 000 vB; a v3 tx above 10 000 vB.
    let big_child = tx(
        3,
        vec![spend(&parent, 0), txin(op(2))],
        (0..40).map(|_| out(2_000_000, p2wpkh(3))).collect(),
    );
    assert!(big_child.vsize() > 1000);
    let r = run(&pol(V29), &[parent.clone(), big_child], &c);
    assert!(r.failures.iter().any(|f| f.detail.contains("child") && f.detail.contains("too big")));
    let huge = tx(3, vec![txin(op(3))], (0..330).map(|_| out(300_000, p2wpkh(3))).collect());
    assert!(huge.vsize() > 10_000);
    let r = run(&pol(V29), &[huge], &c);
    fails(&r, "TRUC-violation");
    let ok = tx(3, vec![txin(op(3))], (0..300).map(|_| out(300_000, p2wpkh(3))).collect());
    assert!(ok.vsize() < 10_000);
    passes(&run(&pol(V29), &[ok], &c));
}

#[test]
fn policy_rule_truc_sibling_eviction() {
    let c = coins(&[1, 2, 3]);
    let parent =
        tx(3, vec![txin(op(1))], vec![out(50_000_000, p2wpkh(2)), out(49_990_000, p2wpkh(2))]);
    let sib = tx(3, vec![spend(&parent, 0)], vec![out(49_999_000, p2wpkh(3))]); // fee 1000
    let mut ctx = c.clone();
    ctx.mempool.extend([parent.clone(), sib]);
    // A second child of the same parent replaces its sibling when it pays enough.
    let rich = tx(3, vec![spend(&parent, 1)], vec![out(49_980_000, p2wpkh(3))]); // fee 10 000
    passes(&run(&pol(V29), &[rich], &ctx));
    let poor = tx(3, vec![spend(&parent, 1)], vec![out(49_989_500, p2wpkh(3))]); // fee 500
    fails(&run(&pol(V29), &[poor], &ctx), "insufficient fee (including sibling eviction)");
    // Submitted as a package (with a second parent), no sibling eviction: TRUC-violation.
    let other = simple(3, 3, 0);
    let pkg_child =
        tx(3, vec![spend(&parent, 1), spend(&other, 0)], vec![out(149_000_000, p2wpkh(3))]);
    let r = run(&pol(CoreVersion::V30), &[other, pkg_child], &ctx);
    fails(&r, "TRUC-violation");
}

#[test]
fn policy_rule_package_shape() {
    let c = coins(&(1..=30).collect::<Vec<_>>());
    let (parent, child) = zero_fee_pair(0, 5000);
    // 26 transactions.
    let parents: Vec<Transaction> = (3..=27).map(|n| simple(2, n, 1000)).collect();
    let mut ins: Vec<TxIn> = parents.iter().map(|p| spend(p, 0)).collect();
    ins.push(txin(op(28)));
    let fat = tx(2, ins, vec![out(100_000_000, p2wpkh(3))]);
    let pkg: Vec<Transaction> = parents.into_iter().chain([fat]).collect();
    assert_eq!(pkg.len(), 26);
    fails(&run(&pol(V29), &pkg, &c), "package-too-many-transactions");
    // Weight over 404 000: two parents of ~ 250 000 WU each.
    let wide =
        |n: u32| tx(2, vec![txin(op(n))], (0..2000).map(|_| out(40_000, p2wpkh(3))).collect());
    let (w1, w2) = (wide(3), wide(4));
    let c2 = tx(2, vec![spend(&w1, 0), spend(&w2, 0)], vec![out(70_000, p2wpkh(3))]);
    fails(&run(&pol(V29), &[w1, w2, c2], &c), "package-too-large");
    fails(
        &run(&pol(V29), &[parent.clone(), parent.clone(), child.clone()], &c),
        "package-contains-duplicates",
    );
    fails(&run(&pol(V29), &[child.clone(), parent.clone()], &c), "package-not-sorted");
    let conflicting =
        tx(3, vec![spend(&parent, 0), txin(op(2)), txin(op(5))], vec![out(100_000_000, p2wpkh(3))]);
    let unrelated = simple(2, 5, 1000);
    fails(
        &run(&pol(V29), &[parent.clone(), unrelated.clone(), conflicting], &c),
        "conflict-in-package",
    );
    let r = run(&pol(V29), &[parent.clone(), unrelated, child.clone()], &c);
    fails(&r, "package-not-child-with-parents");
    passes(&run(&pol(V29), &[parent.clone(), child.clone()], &c));
}

#[test]
fn policy_rule_package_unconfirmed_parents() {
    let c = coins(&[1, 2, 3]);
    let (parent, _) = zero_fee_pair(240, 0);
    let mem_parent = simple(2, 3, 2000);
    let mut ctx = c.clone();
    ctx.mempool.push(mem_parent.clone());
    let child =
        tx(2, vec![spend(&parent, 1), spend(&mem_parent, 0)], vec![out(199_000_000, p2wpkh(3))]);
    let parent2 = simple(2, 1, 2000);
    let child2 =
        tx(2, vec![spend(&parent2, 0), spend(&mem_parent, 0)], vec![out(199_000_000, p2wpkh(3))]);
    fails(
        &run(&pol(V29), &[parent2.clone(), child2.clone()], &ctx),
        "package-not-child-with-unconfirmed-parents",
    );
    let r = run(&pol(CoreVersion::V30), &[parent2, child2], &ctx);
    lacks(&r, "package-not-child-with-unconfirmed-parents");
    passes(&r);
    let _ = child;
}

#[test]
fn policy_rule_package_feerate() {
    let c = coins(&[1, 2]);
    let (parent, child) = zero_fee_pair(0, 5000);
    let r = run(&pol(V29), &[parent.clone(), child], &c);
    passes(&r);
    let (pf, pv) = r.package_fee_vsize().unwrap();
    assert_eq!(pf, 5000);
    assert!(pf >= pv);
    // The child pays less than 1 sat/vB for both: the package misses min relay.
    let (parent, cheap) = zero_fee_pair(0, 150);
    let r = run(&pol(V29), &[parent.clone(), cheap.clone()], &c);
    fails(&r, "min relay fee not met");
    assert!(r.failures.iter().any(|f| f.tx_index.is_none()));
    passes(&run(&pol(CoreVersion::V30), &[parent, cheap], &c));
    // A non-v3 0-fee parent is not exempt, whatever its child pays.
    let p2 = simple(2, 1, 0);
    let c2 = tx(2, vec![spend(&p2, 0), txin(op(2))], vec![out(199_000_000, p2wpkh(3))]);
    let r = run(&pol(V29), &[p2, c2], &c);
    assert!(r
        .failures
        .iter()
        .any(|f| f.reason == "min relay fee not met" && f.tx_index == Some(0)));
}

// ---------- replacements ----------

#[test]
fn policy_rule_rbf_single() {
    let c = coins(&[1, 2, 3]);
    let orig = simple(2, 1, 1000);
    let mut ctx = c.clone();
    ctx.mempool.push(orig.clone());
    let v = orig.vsize() as u64;
    passes(&run(&pol(V29), &[simple(2, 1, 1000 + v)], &ctx));
    // Rule 3: less fee; rule 4: not enough extra for its own relay (1 sat/vB before 30).
    fails(
        &run(
            &pol(V29),
            &[tx(2, vec![txin(op(1)), txin(op(2))], vec![out(199_999_500, p2wpkh(2))])],
            &ctx,
        ),
        "insufficient fee",
    );
    let r = run(&pol(V29), &[simple(2, 1, 1000 + v - 1)], &ctx);
    fails(&r, "insufficient fee");
    assert!(r.failures.iter().any(|f| f.detail.contains("not enough additional fees")));
    passes(&run(&pol(CoreVersion::V30), &[simple(2, 1, 1000 + v / 10 + 1)], &ctx));
    // Rule 6: a lower feerate than the replaced tx (bigger tx, more fee).
    let fat = tx(2, vec![txin(op(1)), txin(op(2))], vec![out(199_998_800, p2wpkh(2))]);
    let r = run(&pol(V29), &[fat.clone()], &ctx);
    assert!(r.failures.iter().any(|f| f.detail.contains("new feerate")), "{:#}", r.to_json());
    // Rule 5: more than 100 replaced transactions.
    let mut big = c.clone();
    let root = tx(2, vec![txin(op(3))], (0..101).map(|_| out(900_000, p2wpkh(2))).collect());
    big.mempool.push(root.clone());
    for k in 0..101 {
        big.mempool.push(tx(2, vec![spend(&root, k)], vec![out(899_000, p2wpkh(2))]));
    }
    let r = run(&pol(V29), &[simple(2, 3, 5_000_000)], &big);
    fails(&r, "too many potential replacements");
    // Rule 2: a new unconfirmed input (Core ≤ 30; dropped in 31).
    let mem_parent = simple(2, 2, 1000);
    let mut ctx2 = ctx.clone();
    ctx2.mempool.push(mem_parent.clone());
    let adds = tx(2, vec![txin(op(1)), spend(&mem_parent, 0)], vec![out(199_000_000, p2wpkh(2))]);
    fails(&run(&pol(V29), &[adds.clone()], &ctx2), "replacement-adds-unconfirmed");
    lacks(&run(&pol(CoreVersion::V31), &[adds], &ctx2), "replacement-adds-unconfirmed");
    // 28 with -mempoolfullrbf=0: a non-signalling original cannot be replaced.
    let mut final_orig = simple(2, 1, 1000);
    final_orig.input[0].sequence = Sequence::MAX;
    let mut ctx3 = c.clone();
    ctx3.mempool.push(final_orig);
    let mut p28 = pol(CoreVersion::V28);
    passes(&run(&p28, &[simple(2, 1, 5000)], &ctx3));
    p28.full_rbf = false;
    fails(&run(&p28, &[simple(2, 1, 5000)], &ctx3), "txn-mempool-conflict");
    // A TRUC original is always replaceable (BIP 431 rule 1).
    let mut v3orig = simple(3, 1, 1000);
    v3orig.input[0].sequence = Sequence::MAX;
    let mut ctx4 = c.clone();
    ctx4.mempool.push(v3orig);
    passes(&run(&p28, &[simple(3, 1, 5000)], &ctx4));
}

#[test]
fn policy_rule_rbf_cluster_diagram_v31() {
    let c = coins(&[1, 2]);
    let orig = simple(2, 1, 10_000);
    let mut ctx = c.clone();
    ctx.mempool.push(orig.clone());
    // More fee but a much lower feerate: 31's diagram check refuses it.
    let outs: Vec<TxOut> = (0..60).map(|_| out(3_000_000, p2wpkh(2))).collect();
    let mut fat = tx(2, vec![txin(op(1)), txin(op(2))], outs);
    let total: u64 = 200_000_000 - 12_000;
    fat.output[0].value = Amount::from_sat(total - 59 * 3_000_000);
    let r = run(&pol(CoreVersion::V31), &[fat], &ctx);
    fails(&r, "replacement-failed");
    passes(&run(&pol(CoreVersion::V31), &[simple(2, 1, 20_000)], &ctx));
}

#[test]
fn policy_rule_package_rbf() {
    let c = coins(&[1, 2, 3, 4]);
    let (p_old, c_old) = zero_fee_pair(0, 3000);
    let mut ctx = c.clone();
    ctx.mempool.extend([p_old.clone(), c_old]);
    // Our commitment package: same funding input, different outputs, a richer child.
    let p_new = tx(3, vec![txin(op(1))], vec![out(0, p2a()), out(100_000_000, p2wpkh(7))]);
    let child = |fee: u64| {
        tx(3, vec![spend(&p_new, 0), txin(op(3))], vec![out(100_000_000 - fee, p2wpkh(3))])
    };
    passes(&run(&pol(V29), &[p_new.clone(), child(8000)], &ctx));
    fails(
        &run(&pol(V29), &[p_new.clone(), child(3100)], &ctx),
        "package RBF failed: insufficient anti-DoS fees",
    );
    // The parent pays everything itself: the package feerate is not above the parent's.
    let p_rich = tx(3, vec![txin(op(1))], vec![out(0, p2a()), out(99_990_000, p2wpkh(7))]);
    let c_free = tx(3, vec![spend(&p_rich, 0), txin(op(3))], vec![out(100_000_000, p2wpkh(3))]);
    let r = run(&pol(V29), &[p_rich, c_free], &ctx);
    fails(&r, "package RBF failed: package feerate is less than or equal to parent feerate");
    // Three transactions: not 1-parent-1-child.
    let p_a = tx(3, vec![txin(op(1))], vec![out(99_990_000, p2wpkh(7))]);
    let p_b = simple(3, 4, 0);
    let c3 = tx(3, vec![spend(&p_a, 0), spend(&p_b, 0)], vec![out(199_900_000, p2wpkh(3))]);
    fails(
        &run(&pol(V29), &[p_a, p_b, c3], &ctx),
        "package RBF failed: package must be 1-parent-1-child",
    );
}

// ---------- script verification ----------

#[test]
fn policy_script_verification_catches_a_bad_signature() {
    let c = coins(&[1]);
    let mut ctx = Context::default();
    let (parent, _) = zero_fee_pair(0, 0);
    ctx.add_coin(op(1), c.coins[&op(1)].txout.clone(), Some(1));
    let req = CpfpRequest {
        parent: parent.clone(),
        parent_fee: 0,
        anchor: Anchor::P2a,
        utxos: vec![WalletUtxo {
            outpoint: op(5),
            txout: out(50_000, p2wpkh(5)),
            key: Some(key(5)),
        }],
        target_feerate: 5000,
        change_script: None,
        dust_relay_feerate: 3000,
        sign: true,
    };
    let plan = cpfp::build(&req).unwrap();
    ctx.add_coin(op(5), out(50_000, p2wpkh(5)), Some(1));
    let p = Policy::new(V29);
    // The parent's own input is unsigned: check only the child's scripts.
    ctx.mempool.push(parent);
    passes(&run(&p, std::slice::from_ref(&plan.child), &ctx));
    let mut bad = plan.child.clone();
    let mut items: Vec<Vec<u8>> = bad.input[1].witness.iter().map(<[u8]>::to_vec).collect();
    items[0][10] ^= 1;
    bad.input[1].witness = Witness::from_slice(&items);
    fails(&run(&p, std::slice::from_ref(&bad), &ctx), "mandatory-script-verify-flag-failed");
    fails(&run(&Policy::new(CoreVersion::V30), &[bad], &ctx), "mempool-script-verify-flag-failed");
}

// ---------- research data ----------

#[test]
fn truc_p2a_samples() {
    let path = shared_dir().join("research-data/truc-p2a-samples.txt");
    let text = std::fs::read_to_string(&path).unwrap();
    let txs: Vec<Transaction> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| policy::decode_tx(&hex::decode(l).unwrap()).unwrap())
        .collect();
    assert_eq!(txs.len(), 3, "README: 3 raw transactions");
    let want_txids = [
        "fb9b18c782c2b45ccb77b4e22cbdf8b8cb1b8bf603289937968da52475e28aa5",
        "40a547e03489f72a2cbdcec2b2752b89303a8b20c20b6a34c5748f64519d93d6",
        "a976851480b800e56459a574b42b5c16ea521cac11b7ec9f7741e99d1d177419",
    ];
    for (t, want) in txs.iter().zip(want_txids) {
        assert_eq!(t.compute_txid().to_string(), want);
        assert!(t.output.iter().any(|o| rules::is_p2a(&o.script_pubkey)), "{want}: P2A output");
    }
    let (real, statechain, ark) = (&txs[0], &txs[1], &txs[2]);
    // testnet4: v2, two P2WSH inputs, 1143-sat P2A + 50 BTC P2WPKH.
    assert_eq!(real.version.0, 2);
    assert_eq!(real.input.len(), 2);
    assert_eq!(real.output[0].value.to_sat(), 1143);
    assert_eq!(real.output[1].value.to_sat(), 5_000_000_000);
    let none = Context::default();
    for core in CoreVersion::ALL {
        passes(&run(&Policy::new(core), std::slice::from_ref(real), &none));
    }
    // Statechain tx: v3, taproot key path, 0-value P2A, vsize 124.
    assert_eq!(statechain.version.0, 3);
    assert_eq!(statechain.vsize(), 124);
    assert_eq!(statechain.input[0].sequence.0, 0x4000_076c);
    let p2a_out = statechain.output.iter().find(|o| rules::is_p2a(&o.script_pubkey)).unwrap();
    assert_eq!(p2a_out.value.to_sat(), 0);
    // Alone and without prevouts: ephemeral dust is standard from 29, plain dust in 28.
    passes(&run(&Policy::new(V29), std::slice::from_ref(statechain), &none));
    fails(&run(&Policy::new(CoreVersion::V28), std::slice::from_ref(statechain), &none), "dust");
    // It needs a child that spends the P2A: a package without one fails.
    let other = tx(3, vec![spend(statechain, 0)], vec![out(18_000, p2tr(1))]);
    fails(&run(&Policy::new(V29), &[statechain.clone(), other], &none), "missing-ephemeral-spends");
    // Ark forfeit fixture: v3, 1000-sat "P2WPKH" and 0-value P2A. The file calls output 0
    // P2WPKH, but its script pushes 20 bytes with only 19 present (a 21-byte script): not a
    // witness program, so Core would refuse the tx as `scriptpubkey`.
    assert_eq!(ark.version.0, 3);
    assert_eq!(ark.output[0].value.to_sat(), 1000);
    assert_eq!(ark.output[0].script_pubkey.len(), 21);
    assert_eq!(ark.output[1].value.to_sat(), 0);
    let r = run(&Policy::new(V29), std::slice::from_ref(ark), &none);
    fails(&r, "scriptpubkey");
    assert_eq!(r.failures.len(), 1, "{:#}", r.to_json());
}

// ---------- zero-fee commitments + CPFP ----------

struct ZeroFee {
    commitments: Vec<(String, Transaction)>,
    funding: (OutPoint, TxOut),
}

fn zero_fee_vectors() -> ZeroFee {
    let v = vector_json("proposals/zero-fee-commitments/zero-fee-commitments-test.json");
    let k = |name: &str| SecretKey::from_str(v[name].as_str().unwrap()).unwrap();
    let secp = Secp256k1::new();
    let (l, r) = (k("local_funding_priv"), k("remote_funding_priv"));
    let script = lnkit::tx::scripts::funding_script(
        &PublicKey::from_secret_key(&secp, &l),
        &PublicKey::from_secret_key(&secp, &r),
    );
    let outpoint = OutPoint {
        txid: Txid::from_str(v["funding_txid"].as_str().unwrap()).unwrap(),
        vout: v["funding_index"].as_u64().unwrap() as u32,
    };
    let funding = out(
        v["funding_amount_satoshis"].as_u64().unwrap(),
        ScriptBuf::new_p2wsh(&script.wscript_hash()),
    );
    let commitments = v["tests"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            let raw = hex::decode(t["signed_commit_tx"].as_str().unwrap()).unwrap();
            (t["name"].as_str().unwrap().to_string(), consensus::deserialize(&raw).unwrap())
        })
        .collect();
    ZeroFee { commitments, funding: (outpoint, funding) }
}

#[test]
fn zero_fee_commitments_cpfp_package_passes_check() {
    let zf = zero_fee_vectors();
    assert_eq!(zf.commitments.len(), 11);
    let wallet = (op(77), out(200_000, p2wpkh(9)));
    let mut ctx = Context::default();
    ctx.add_coin(zf.funding.0, zf.funding.1.clone(), Some(100));
    ctx.add_coin(wallet.0, wallet.1.clone(), Some(100));
    let mut ephemeral = 0;
    for (name, commit) in &zf.commitments {
        let anchor = commit.output.iter().find(|o| rules::is_p2a(&o.script_pubkey)).unwrap();
        let anchor_sat = anchor.value.to_sat();
        let outs: u64 = commit.output.iter().map(|o| o.value.to_sat()).sum();
        let parent_fee = zf.funding.1.value.to_sat() - outs;
        assert!(anchor_sat <= 240, "{name}");
        assert_eq!(
            parent_fee == 0,
            anchor_sat < 240 || parent_fee == 0,
            "{name}: fee only above the cap"
        );
        // Alone (signatures verified against the funding output).
        let alone = run(&Policy::new(V29), std::slice::from_ref(commit), &ctx);
        if anchor_sat < 240 {
            ephemeral += 1;
            fails(&alone, "min relay fee not met");
            assert_eq!(alone.failures.len(), 1, "{name}: {:#}", alone.to_json());
            fails(&run(&Policy::new(CoreVersion::V28), std::slice::from_ref(commit), &ctx), "dust");
        }
        for target in [1000u64, 5000, 50_000] {
            let req = CpfpRequest {
                parent: commit.clone(),
                parent_fee,
                anchor: Anchor::P2a,
                utxos: vec![WalletUtxo {
                    outpoint: wallet.0,
                    txout: wallet.1.clone(),
                    key: Some(key(9)),
                }],
                target_feerate: target,
                change_script: None,
                dust_relay_feerate: 3000,
                sign: true,
            };
            let plan = cpfp::build(&req).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert_eq!(plan.child.version.0, 3);
            assert!(plan.child.vsize() as u64 <= plan.child_vsize, "{name}: estimate");
            assert!(plan.child_vsize <= 1000);
            let pkg = [commit.clone(), plan.child.clone()];
            for core in [CoreVersion::V29, CoreVersion::V29_1, CoreVersion::V30, CoreVersion::V31] {
                let r = run(&Policy::new(core), &pkg, &ctx);
                assert!(r.passed(), "{name} at {target} on {core}: {:#}", r.to_json());
                let (fee, vsize) = r.package_fee_vsize().unwrap();
                assert!(fee * 1000 >= target * vsize, "{name}: package feerate below target");
                // The child pays the target on its own vsize at least, and not wildly above the
                // package target when the parent pays nothing.
                let child_fee = r.txs[1].fee.unwrap();
                assert!(child_fee * 1000 >= target * r.txs[1].vsize, "{name}: child below target");
                if parent_fee == 0 {
                    assert!(fee * 1000 <= target * (vsize + 2) + 1000, "{name}: overpaid {fee}");
                }
            }
        }
    }
    assert!(ephemeral >= 5, "only {ephemeral} commitments with an ephemeral anchor");
}

#[test]
fn cpfp_child_limits_and_keyed_anchor() {
    let c = coins(&[1]);
    let (parent, _) = zero_fee_pair(0, 0);
    // 40 small P2WPKH coins at a high feerate: the child would pass 1 000 vB.
    let utxos: Vec<WalletUtxo> = (0..40)
        .map(|k| WalletUtxo {
            outpoint: op(100 + k),
            txout: out(1500, p2wpkh(9)),
            key: Some(key(9)),
        })
        .collect();
    let req = CpfpRequest {
        parent: parent.clone(),
        parent_fee: 0,
        anchor: Anchor::P2a,
        utxos,
        target_feerate: 20_000,
        change_script: None,
        dust_relay_feerate: 3000,
        sign: true,
    };
    let err = cpfp::build(&req).unwrap_err().to_string();
    assert!(err.contains("TRUC-violation"), "{err}");
    // Not enough money.
    let mut poor = req.clone();
    poor.utxos.truncate(1);
    poor.target_feerate = 1_000_000;
    assert!(cpfp::build(&poor).is_err());
    // Taproot key-path wallet coin, signed and script-checked.
    let mut ctx = c.clone();
    ctx.mempool.push(parent.clone());
    ctx.add_coin(op(200), out(80_000, p2tr(8)), None);
    let tr = CpfpRequest {
        utxos: vec![WalletUtxo {
            outpoint: op(200),
            txout: out(80_000, p2tr(8)),
            key: Some(key(8)),
        }],
        target_feerate: 3000,
        ..req.clone()
    };
    let plan = cpfp::build(&tr).unwrap();
    passes(&run(&Policy::new(V29), &[plan.child.clone()], &ctx));
    // A keyed option_anchors anchor on a v2 parent.
    let fk = key(11);
    let anchor_spk = ScriptBuf::new_p2wsh(
        &lnkit::tx::scripts::anchor_script(&PublicKey::from_secret_key(&Secp256k1::new(), &fk))
            .wscript_hash(),
    );
    let v2parent = tx(2, vec![txin(op(1))], vec![out(330, anchor_spk), out(99_990_000, p2wpkh(2))]);
    let keyed = CpfpRequest {
        parent: v2parent.clone(),
        parent_fee: 9670,
        anchor: Anchor::Keyed(fk),
        utxos: vec![WalletUtxo {
            outpoint: op(201),
            txout: out(80_000, p2wpkh(9)),
            key: Some(key(9)),
        }],
        target_feerate: 10_000,
        ..req.clone()
    };
    let plan = cpfp::build(&keyed).unwrap();
    assert_eq!(plan.child.version.0, 2);
    assert_eq!(plan.anchor_value, 330);
    let mut ctx2 = c.clone();
    ctx2.add_coin(op(201), out(80_000, p2wpkh(9)), None);
    let r = run(&Policy::new(V29), &[v2parent, plan.child.clone()], &ctx2);
    // The parent's own input is unsigned here; the child must verify.
    assert!(r.failures.iter().all(|f| f.tx_index == Some(0)), "{:#}", r.to_json());
    // PSBT mode: unsigned wallet input, final anchor input.
    let psbt = cpfp::build(&CpfpRequest { sign: false, ..tr }).unwrap();
    let p = psbt.psbt.unwrap();
    assert_eq!(p.inputs.len(), 2);
    assert!(p.inputs[0].final_script_witness.is_some());
    assert!(p.inputs[1].final_script_witness.is_none());
    assert!(cpfp::base64(&p.serialize()).starts_with("cHNidP8"));
}

#[test]
fn base64_matches_rfc4648() {
    let cases = [("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foobar", "Zm9vYmFy")];
    for (i, o) in cases {
        assert_eq!(cpfp::base64(i.as_bytes()), o);
    }
}

// ---------- CLI ----------

#[test]
fn cli_check_and_cpfp_round_trip() {
    let zf = zero_fee_vectors();
    let (name, commit) = &zf.commitments[0];
    let commit_hex = consensus::encode::serialize_hex(commit);
    let funding = format!(
        "{}={}:{}",
        zf.funding.0,
        zf.funding.1.value.to_sat(),
        zf.funding.1.script_pubkey.to_hex_string()
    );
    // Alone: exit 1 with Core's reason.
    let o = cli("ln-commit").args(["check", &commit_hex, "--prevout", &funding]).run();
    o.code(1);
    let j = o.json();
    assert_eq!(j["valid"], false, "{name}");
    assert_eq!(j["errors"][0]["reason"], "min relay fee not met");
    assert_eq!(j["errors"][0]["tx_index"], 0);
    // CPFP child via the CLI, key from the environment.
    let wallet_script = p2wpkh(9).to_hex_string();
    let utxo = format!("{}:200000:{wallet_script}", op(77));
    let o = cli("ln-commit")
        .args(["cpfp", &commit_hex, "--feerate", "5", "--utxo", &utxo, "--json"])
        .env("LN_COMMIT_WALLET_KEYS", &hex::encode(key(9).secret_bytes()))
        .run();
    o.code(0);
    let j = o.json();
    let child_hex = j["child_hex"].as_str().unwrap().to_string();
    assert_eq!(j["anchor"]["kind"], "p2a");
    assert!(j["package_feerate_sat_per_vb"].as_str().unwrap().parse::<f64>().unwrap() >= 5.0);
    // The package passes check (JSON list input).
    let list = serde_json::to_string(&[&commit_hex, &child_hex]).unwrap();
    let prev = format!("{}=200000:{wallet_script}", op(77));
    for core in ["29", "30", "31"] {
        let o = cli("ln-commit")
            .args(["check", "--core", core, "--prevout", &funding, "--prevout", &prev])
            .stdin(list.clone())
            .run();
        o.code(0);
        assert_eq!(o.json()["valid"], true);
    }
    // Core 28: the 0..239-sat anchor is plain dust.
    let o = cli("ln-commit").args(["check", "--core", "28", &commit_hex, &child_hex]).run();
    o.code(1);
    assert!(o.json()["errors"].as_array().unwrap().iter().any(|e| e["reason"] == "dust"));
    // PSBT output.
    let o = cli("ln-commit")
        .args(["cpfp", &commit_hex, "--feerate", "2", "--utxo", &utxo, "--psbt"])
        .run();
    o.code(0);
    assert!(o.stdout.trim().starts_with("cHNidP8"));
    // Usage and input errors.
    cli("ln-commit").args(["check", "--core", "27", &commit_hex]).run().code(2);
    cli("ln-commit").args(["check", "00"]).run().code(1).one_line_error();
    cli("ln-commit").args(["cpfp", &commit_hex, "--feerate", "5"]).run().code(1).one_line_error();
}
