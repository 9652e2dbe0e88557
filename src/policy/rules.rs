//! Per-transaction rules of Bitcoin Core: `CheckTransaction` (consensus, context-free),
//! `IsStandardTx`, `AreInputsStandard`, `IsWitnessStandard` (`policy/policy.cpp`), dust
//! (`GetDustThreshold`, `policy/policy.cpp`), pay-to-anchor spends (BIP 433) and the
//! sigop-adjusted virtual size (`GetVirtualTransactionSize`, `policy/policy.cpp`).

use bitcoin::opcodes::all::{OP_CHECKMULTISIG, OP_CHECKSIG, OP_RETURN};
use bitcoin::script::Instruction;
use bitcoin::{Script, Transaction, TxOut};

use super::{fee_at, CoreVersion, Policy};

/// `TxoutType` of Core's `Solver`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputType {
    /// `<pubkey> OP_CHECKSIG`.
    PubKey,
    /// P2PKH.
    PubKeyHash,
    /// P2SH.
    ScriptHash,
    /// Bare `m <keys> n OP_CHECKMULTISIG`.
    Multisig {
        /// Required signatures.
        m: u8,
        /// Keys.
        n: u8,
    },
    /// `OP_RETURN` followed by pushes only.
    NullData,
    /// P2WPKH.
    WitnessV0KeyHash,
    /// P2WSH.
    WitnessV0ScriptHash,
    /// P2TR.
    WitnessV1Taproot,
    /// P2A `OP_1 <0x4e73>` (BIP 433).
    Anchor,
    /// Any other witness version 1–16 program.
    WitnessUnknown,
    /// Anything else.
    NonStandard,
}

impl OutputType {
    /// Core's name (`getrawtransaction` "type").
    pub fn name(self) -> &'static str {
        match self {
            OutputType::PubKey => "pubkey",
            OutputType::PubKeyHash => "pubkeyhash",
            OutputType::ScriptHash => "scripthash",
            OutputType::Multisig { .. } => "multisig",
            OutputType::NullData => "nulldata",
            OutputType::WitnessV0KeyHash => "witness_v0_keyhash",
            OutputType::WitnessV0ScriptHash => "witness_v0_scripthash",
            OutputType::WitnessV1Taproot => "witness_v1_taproot",
            OutputType::Anchor => "anchor",
            OutputType::WitnessUnknown => "witness_unknown",
            OutputType::NonStandard => "nonstandard",
        }
    }
}

/// The P2A scriptPubKey `OP_1 <0x4e73>` (BIP 433).
pub const P2A_SCRIPT: [u8; 4] = [0x51, 0x02, 0x4e, 0x73];

/// Whether `spk` is exactly the pay-to-anchor script.
pub fn is_p2a(spk: &Script) -> bool {
    spk.as_bytes() == P2A_SCRIPT
}

fn valid_pubkey_size(b: &[u8]) -> bool {
    match b.first() {
        Some(2 | 3) => b.len() == 33,
        Some(4 | 6 | 7) => b.len() == 65,
        _ => false,
    }
}

/// Small-integer opcode value (`OP_1`..`OP_16`).
fn small_int(op: u8) -> Option<u8> {
    (0x51..=0x60).contains(&op).then(|| op - 0x50)
}

fn multisig(spk: &Script) -> Option<(u8, u8)> {
    let ins: Vec<Instruction<'_>> = spk.instructions().collect::<Result<_, _>>().ok()?;
    let (first, rest) = ins.split_first()?;
    let (last, rest) = rest.split_last()?;
    let (n_ins, keys) = rest.split_last()?;
    let m = small_int(first.opcode()?.to_u8())?;
    let n = small_int(n_ins.opcode()?.to_u8())?;
    if last.opcode()? != OP_CHECKMULTISIG || keys.len() != usize::from(n) || m > n {
        return None;
    }
    keys.iter()
        .all(|k| k.push_bytes().is_some_and(|p| valid_pubkey_size(p.as_bytes())))
        .then_some((m, n))
}

/// The last push of a push-only scriptSig (a P2SH redeem script).
fn last_push(script_sig: &Script) -> Option<Vec<u8>> {
    let mut last = None;
    for ins in script_sig.instructions() {
        match ins.ok()? {
            Instruction::PushBytes(p) => last = Some(p.as_bytes().to_vec()),
            Instruction::Op(_) => last = None,
        }
    }
    last
}

/// Core's `Solver` classification of a scriptPubKey.
pub fn classify(spk: &Script) -> OutputType {
    let b = spk.as_bytes();
    if is_p2a(spk) {
        return OutputType::Anchor;
    }
    if spk.is_p2sh() {
        return OutputType::ScriptHash;
    }
    if let Some(v) = spk.witness_version() {
        let prog_len = b.len().saturating_sub(2);
        return match (v.to_num(), prog_len) {
            (0, 20) => OutputType::WitnessV0KeyHash,
            (0, 32) => OutputType::WitnessV0ScriptHash,
            (0, _) => OutputType::NonStandard,
            (1, 32) => OutputType::WitnessV1Taproot,
            _ => OutputType::WitnessUnknown,
        };
    }
    if b.first() == Some(&OP_RETURN.to_u8()) {
        let rest = Script::from_bytes(b.get(1..).unwrap_or_default());
        return if rest.is_push_only() { OutputType::NullData } else { OutputType::NonStandard };
    }
    if (b.len() == 35 || b.len() == 67)
        && b.last() == Some(&OP_CHECKSIG.to_u8())
        && b.first().is_some_and(|&l| usize::from(l) == b.len() - 2)
        && valid_pubkey_size(b.get(1..b.len() - 1).unwrap_or_default())
    {
        return OutputType::PubKey;
    }
    if spk.is_p2pkh() {
        return OutputType::PubKeyHash;
    }
    if let Some((m, n)) = multisig(spk) {
        return OutputType::Multisig { m, n };
    }
    OutputType::NonStandard
}

/// Core's `IsStandard` for one output script: a known type; bare multisig at most 1–3 of 3.
pub fn is_standard_output(t: OutputType) -> bool {
    match t {
        OutputType::NonStandard => false,
        OutputType::Multisig { m, n } => (1..=3).contains(&n) && m >= 1 && m <= n,
        _ => true,
    }
}

fn compact_size_len(n: usize) -> u64 {
    match n {
        0..=0xfc => 1,
        0xfd..=0xffff => 3,
        0x1_0000..=0xffff_ffff => 5,
        _ => 9,
    }
}

/// `GetDustThreshold`: the smallest value an output of this script may carry at
/// `dust_relay_feerate` sat/kvB: the fee to create and later spend it (witness programs count
/// a 67-byte input, others 148); provably unspendable outputs are never dust.
pub fn dust_threshold(spk: &Script, dust_relay_feerate: u64) -> u64 {
    let b = spk.as_bytes();
    if b.first() == Some(&OP_RETURN.to_u8()) || b.len() > 10_000 {
        return 0;
    }
    let out_size = 8 + compact_size_len(b.len()) + b.len() as u64;
    let spend = if spk.witness_version().is_some() { 67 } else { 148 };
    fee_at(dust_relay_feerate, out_size + spend)
}

/// `IsDust`.
pub fn is_dust(out: &TxOut, dust_relay_feerate: u64) -> bool {
    out.value.to_sat() < dust_threshold(&out.script_pubkey, dust_relay_feerate)
}

/// Indexes of the dust outputs (`GetDust`).
pub fn dust_outputs(tx: &Transaction, dust_relay_feerate: u64) -> Vec<usize> {
    tx.output
        .iter()
        .enumerate()
        .filter(|(_, o)| is_dust(o, dust_relay_feerate))
        .map(|(i, _)| i)
        .collect()
}

/// `GetVirtualTransactionSize`: `ceil(max(weight, sigop_cost × 20) / 4)`.
pub fn sigop_adjusted_vsize(weight: u64, sigop_cost: u64) -> u64 {
    weight.max(sigop_cost.saturating_mul(super::BYTES_PER_SIGOP)).div_ceil(4)
}

/// One broken per-transaction rule: Core's reason, a detail, the rule's source.
pub type Violation = (&'static str, String, &'static str);

const SRC_CHECKTX: &str = "consensus/tx_check.cpp CheckTransaction";
const SRC_STD: &str = "policy/policy.cpp IsStandardTx";
const SRC_IN: &str = "policy/policy.cpp AreInputsStandard";
const SRC_WIT: &str = "policy/policy.cpp IsWitnessStandard";

/// `CheckTransaction` plus the loose-coinbase refusal: rules that need nothing but the tx.
pub fn check_transaction(tx: &Transaction) -> Vec<Violation> {
    let mut v = Vec::new();
    if tx.input.is_empty() {
        v.push(("bad-txns-vin-empty", "no inputs".into(), SRC_CHECKTX));
    }
    if tx.output.is_empty() {
        v.push(("bad-txns-vout-empty", "no outputs".into(), SRC_CHECKTX));
    }
    if (tx.base_size() as u64).saturating_mul(4) > 4_000_000 {
        v.push(("bad-txns-oversize", "stripped size × 4 above 4 000 000".into(), SRC_CHECKTX));
    }
    let max_money = 21_000_000 * 100_000_000u64;
    let mut total = 0u64;
    for (i, o) in tx.output.iter().enumerate() {
        let s = o.value.to_sat();
        if s > max_money {
            v.push(("bad-txns-vout-toolarge", format!("output {i}: {s} sat"), SRC_CHECKTX));
        }
        total = total.saturating_add(s);
    }
    if total > max_money {
        v.push(("bad-txns-txouttotal-toolarge", format!("{total} sat"), SRC_CHECKTX));
    }
    let mut seen = std::collections::HashSet::new();
    if tx.input.iter().any(|i| !seen.insert(i.previous_output)) {
        v.push(("bad-txns-inputs-duplicate", "an outpoint is spent twice".into(), SRC_CHECKTX));
    }
    if tx.is_coinbase() {
        v.push((
            "coinbase",
            "coinbase is only valid in a block".into(),
            "validation.cpp PreChecks",
        ));
    } else if tx.input.iter().any(|i| i.previous_output.is_null()) {
        v.push(("bad-txns-prevout-null", "null prevout".into(), SRC_CHECKTX));
    }
    v
}

/// `IsStandardTx` (and the context-free `PreChecks` size floor) of `policy.core`.
pub fn check_standard(policy: &Policy, tx: &Transaction) -> Vec<Violation> {
    let mut v = Vec::new();
    let version = tx.version.0;
    if !(1..=super::TRUC_VERSION).contains(&version) {
        v.push(("version", format!("version {version} is not 1, 2 or 3"), SRC_STD));
    }
    let weight = tx.weight().to_wu();
    if weight > super::MAX_STANDARD_TX_WEIGHT {
        v.push((
            "tx-size",
            format!("weight {weight} > {}", super::MAX_STANDARD_TX_WEIGHT),
            SRC_STD,
        ));
    }
    for (i, txin) in tx.input.iter().enumerate() {
        let len = txin.script_sig.len();
        if len > super::MAX_STANDARD_SCRIPTSIG_SIZE {
            v.push((
                "scriptsig-size",
                format!(
                    "input {i}: scriptSig {len} > {} bytes",
                    super::MAX_STANDARD_SCRIPTSIG_SIZE
                ),
                SRC_STD,
            ));
        }
        if !txin.script_sig.is_push_only() {
            v.push(("scriptsig-not-pushonly", format!("input {i}"), SRC_STD));
        }
    }
    // Before 30: one OP_RETURN, each script within -datacarriersize; from 30 an aggregate budget.
    let pre30 = policy.core < CoreVersion::V30;
    let mut datacarrier_left = policy.max_datacarrier_bytes.unwrap_or(0);
    let mut data_outputs = 0usize;
    for (i, out) in tx.output.iter().enumerate() {
        let t = classify(&out.script_pubkey);
        if !is_standard_output(t) {
            v.push(("scriptpubkey", format!("output {i} is {}", t.name()), SRC_STD));
            continue;
        }
        match t {
            OutputType::NullData => {
                data_outputs += 1;
                let size = out.script_pubkey.len() as u64;
                if size > datacarrier_left {
                    // Before 30 an oversized OP_RETURN fails IsStandard itself.
                    let reason = if pre30 { "scriptpubkey" } else { "datacarrier" };
                    v.push((
                        reason,
                        format!(
                            "output {i}: OP_RETURN script of {size} bytes over the data budget"
                        ),
                        SRC_STD,
                    ));
                } else if !pre30 {
                    datacarrier_left -= size;
                }
            }
            OutputType::Multisig { .. } if !policy.permit_bare_multisig => {
                v.push(("bare-multisig", format!("output {i}"), SRC_STD));
            }
            _ => {}
        }
    }
    let dust = dust_outputs(tx, policy.dust_relay_feerate);
    let allowed = if policy.ephemeral_dust() { super::MAX_DUST_OUTPUTS_PER_TX } else { 0 };
    if dust.len() > allowed {
        v.push((
            "dust",
            format!("dust outputs {dust:?} (at most {allowed} allowed)"),
            if policy.ephemeral_dust() {
                "policy/policy.cpp IsStandardTx (MAX_DUST_OUTPUTS_PER_TX)"
            } else {
                SRC_STD
            },
        ));
    }
    if pre30 && data_outputs > 1 {
        v.push(("multi-op-return", format!("{data_outputs} OP_RETURN outputs"), SRC_STD));
    }
    let stripped = tx.base_size() as u64;
    if stripped < super::MIN_STANDARD_TX_NONWITNESS_SIZE {
        v.push((
            "tx-size-small",
            format!("non-witness size {stripped} < {}", super::MIN_STANDARD_TX_NONWITNESS_SIZE),
            "validation.cpp PreChecks (MIN_STANDARD_TX_NONWITNESS_SIZE)",
        ));
    }
    v
}

/// `AreInputsStandard` and `IsWitnessStandard` for input `i` spending `prev`, plus BIP 433's
/// empty-witness rule for pay-to-anchor and its consensus twin (an empty scriptSig).
pub fn check_input(policy: &Policy, tx: &Transaction, i: usize, prev: &TxOut) -> Vec<Violation> {
    let mut v = Vec::new();
    let Some(txin) = tx.input.get(i) else { return v };
    let spk = &prev.script_pubkey;
    let t = classify(spk);
    match t {
        OutputType::NonStandard | OutputType::WitnessUnknown => {
            v.push((
                "bad-txns-nonstandard-inputs",
                format!("input {i} spends a {} output", t.name()),
                SRC_IN,
            ));
        }
        OutputType::ScriptHash => {
            let redeem = last_push(&txin.script_sig);
            let sigops = redeem.as_ref().map_or(0, |r| Script::from_bytes(r).count_sigops());
            if !txin.script_sig.is_push_only() || redeem.is_none() {
                v.push((
                    "bad-txns-nonstandard-inputs",
                    format!("input {i}: P2SH scriptSig without a redeem script"),
                    SRC_IN,
                ));
            } else if sigops > super::MAX_P2SH_SIGOPS {
                v.push((
                    "bad-txns-nonstandard-inputs",
                    format!("input {i}: redeem script has {sigops} > 15 sigops"),
                    SRC_IN,
                ));
            }
        }
        _ => {}
    }
    if t == OutputType::Anchor {
        if !txin.witness.is_empty() {
            v.push((
                "bad-witness-nonstandard",
                format!("input {i} spends pay-to-anchor with a non-empty witness"),
                "BIP 433; policy/policy.cpp IsWitnessStandard",
            ));
        }
        if !txin.script_sig.is_empty() {
            v.push((
                policy.script_failure_reason(),
                format!("input {i} spends pay-to-anchor with a scriptSig (Witness requires empty scriptSig)"),
                "BIP 141 (native witness spends take an empty scriptSig); BIP 433",
            ));
        }
        return v;
    }
    if txin.witness.is_empty() {
        return v;
    }
    // Witness program: native, or the redeem script of a P2SH spend.
    let mut program = spk.clone();
    let mut wrapped = false;
    if t == OutputType::ScriptHash {
        if let Some(r) = last_push(&txin.script_sig) {
            program = bitcoin::ScriptBuf::from_bytes(r);
            wrapped = true;
        }
    }
    let Some(ver) = program.witness_version() else {
        v.push((
            "bad-witness-nonstandard",
            format!("input {i}: witness on a non-witness spend"),
            SRC_WIT,
        ));
        return v;
    };
    let prog_len = program.len().saturating_sub(2);
    let items: Vec<&[u8]> = txin.witness.iter().collect();
    if ver.to_num() == 0 && prog_len == 32 {
        let (script, stack) = items.split_last().map_or((&[][..], &[][..]), |(s, r)| (*s, r));
        if script.len() > super::MAX_STANDARD_P2WSH_SCRIPT_SIZE {
            v.push((
                "bad-witness-nonstandard",
                format!("input {i}: witness script {} > 3600 bytes", script.len()),
                SRC_WIT,
            ));
        }
        if stack.len() > super::MAX_STANDARD_P2WSH_STACK_ITEMS {
            v.push((
                "bad-witness-nonstandard",
                format!("input {i}: {} > 100 stack items", stack.len()),
                SRC_WIT,
            ));
        }
        if let Some(big) =
            stack.iter().find(|s| s.len() > super::MAX_STANDARD_P2WSH_STACK_ITEM_SIZE)
        {
            v.push((
                "bad-witness-nonstandard",
                format!("input {i}: stack item of {} > 80 bytes", big.len()),
                SRC_WIT,
            ));
        }
    }
    if ver.to_num() == 1 && prog_len == 32 && !wrapped {
        let mut stack: &[&[u8]] = &items;
        if stack.len() >= 2 && stack.last().and_then(|a| a.first()) == Some(&0x50) {
            v.push(("bad-witness-nonstandard", format!("input {i}: taproot annex"), SRC_WIT));
            stack = stack.split_last().map_or(stack, |(_, r)| r);
        }
        if stack.len() >= 2 {
            // Script path: the control block's leaf version 0xc0 is tapscript.
            let control = stack.last().copied().unwrap_or_default();
            if control.first().is_some_and(|c| c & 0xfe == 0xc0) {
                let args = stack.get(..stack.len() - 2).unwrap_or_default();
                if let Some(big) =
                    args.iter().find(|s| s.len() > super::MAX_STANDARD_TAPSCRIPT_STACK_ITEM_SIZE)
                {
                    v.push((
                        "bad-witness-nonstandard",
                        format!("input {i}: tapscript stack item of {} > 80 bytes", big.len()),
                        SRC_WIT,
                    ));
                }
            }
        }
    }
    v
}
