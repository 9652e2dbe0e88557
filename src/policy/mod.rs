//! Bitcoin Core transaction relay policy, as Lightning force-closes meet it: standardness
//! (`policy/policy.cpp` IsStandardTx / AreInputsStandard / IsWitnessStandard), dust and ephemeral
//! dust (`policy/ephemeral_policy.cpp`), TRUC (BIP 431, `policy/truc_policy.cpp`), pay-to-anchor
//! (BIP 433), packages (`doc/policy/packages.md`, `policy/packages.cpp`), replacements (BIP 125
//! rules 3–6, `doc/policy/mempool-replacements.md`, `policy/rbf.cpp`), per Core release 28–31.
//!
//! | module | implements |
//! |---|---|
//! | [`rules`] | context-free and per-input standardness, dust thresholds, sigop-adjusted vsize |
//! | [`package`] | package shape, TRUC topology, ephemeral dust, fee floors, RBF and sibling eviction |
//! | [`cpfp`] | the fee-bumping child of a commitment (P2A or keyed anchor) for a package feerate |
//!
//! The checker is static: it sees only the transactions, the prevouts and the mempool
//! transactions it is given. Prevouts given as coins are confirmed; package parents and the
//! given mempool transactions are unconfirmed.

pub mod cpfp;
pub mod package;
pub mod rules;

use std::collections::HashMap;
use std::fmt;
use std::str::FromStr;

use bitcoin::consensus::encode::deserialize_partial;
use bitcoin::{OutPoint, Transaction, TxOut, Txid};
use serde_json::{json, Value};

use crate::{Error, Result};

pub use package::check;

/// The Bitcoin Core release whose default policy is checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum CoreVersion {
    /// 28.0: TRUC, P2A spends, 1P1C relay, package RBF; any dust output is non-standard.
    V28,
    /// 29.0: ephemeral dust (one dust output in a 0-fee tx, spent in the package).
    V29,
    /// 29.1: min relay feerate lowered to 0.1 sat/vB.
    V29_1,
    /// 30.0: min/incremental relay 0.1 sat/vB, several OP_RETURNs up to 100 000 bytes, packages
    /// need not hold every unconfirmed parent, `mempool-script-verify-flag-failed`.
    V30,
    /// 31.0: cluster mempool: RBF by feerate diagram, no "no new unconfirmed inputs" rule.
    V31,
}

impl CoreVersion {
    /// Every version, oldest first.
    pub const ALL: [CoreVersion; 5] = [
        CoreVersion::V28,
        CoreVersion::V29,
        CoreVersion::V29_1,
        CoreVersion::V30,
        CoreVersion::V31,
    ];

    /// The release name as `--core` takes it.
    pub fn name(self) -> &'static str {
        match self {
            CoreVersion::V28 => "28",
            CoreVersion::V29 => "29",
            CoreVersion::V29_1 => "29.1",
            CoreVersion::V30 => "30",
            CoreVersion::V31 => "31",
        }
    }
}

impl fmt::Display for CoreVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for CoreVersion {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        match s.trim().trim_start_matches('v') {
            "28" | "28.0" | "28.1" | "28.2" => Ok(CoreVersion::V28),
            "29" | "29.0" => Ok(CoreVersion::V29),
            "29.1" | "29.2" => Ok(CoreVersion::V29_1),
            "30" | "30.0" | "30.1" | "30.2" => Ok(CoreVersion::V30),
            "31" | "31.0" => Ok(CoreVersion::V31),
            other => Err(Error::syntax(format!(
                "unknown Core version {other:?} (expected 28, 29, 29.1, 30 or 31)"
            ))),
        }
    }
}

/// A node's relay settings. [`Policy::new`] gives a release's defaults; every field may be
/// changed as the matching `bitcoind` option would (`-minrelaytxfee`, `-dustrelayfee`, ...).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Policy {
    /// The release whose rules apply.
    pub core: CoreVersion,
    /// `-minrelaytxfee`, sat per 1000 vB.
    pub min_relay_feerate: u64,
    /// `-incrementalrelayfee`, sat per 1000 vB (BIP 125 rule 4).
    pub incremental_relay_feerate: u64,
    /// `-dustrelayfee`, sat per 1000 vB.
    pub dust_relay_feerate: u64,
    /// `-datacarriersize` (None = `-datacarrier=0`).
    pub max_datacarrier_bytes: Option<u64>,
    /// `-permitbaremultisig`.
    pub permit_bare_multisig: bool,
    /// Height of the chain tip, for `non-final` / `non-BIP68-final` (None: not checked).
    pub tip_height: Option<u32>,
    /// Median time past of the tip, for time locks (None: time locks not checked).
    pub tip_mtp: Option<u32>,
    /// Run libbitcoinconsensus on inputs whose prevouts are all known.
    pub verify_scripts: bool,
    /// `-mempoolfullrbf` (28 only; always on from 29): replace txs that do not signal BIP 125.
    pub full_rbf: bool,
}

/// `MAX_STANDARD_TX_WEIGHT`.
pub const MAX_STANDARD_TX_WEIGHT: u64 = 400_000;
/// `MIN_STANDARD_TX_NONWITNESS_SIZE`.
pub const MIN_STANDARD_TX_NONWITNESS_SIZE: u64 = 65;
/// `MAX_STANDARD_SCRIPTSIG_SIZE`.
pub const MAX_STANDARD_SCRIPTSIG_SIZE: usize = 1650;
/// `MAX_STANDARD_TX_SIGOPS_COST`.
pub const MAX_STANDARD_TX_SIGOPS_COST: u64 = 16_000;
/// `DEFAULT_BYTES_PER_SIGOP` (sigop-adjusted vsize).
pub const BYTES_PER_SIGOP: u64 = 20;
/// `MAX_P2SH_SIGOPS`.
pub const MAX_P2SH_SIGOPS: usize = 15;
/// `MAX_STANDARD_P2WSH_SCRIPT_SIZE`.
pub const MAX_STANDARD_P2WSH_SCRIPT_SIZE: usize = 3600;
/// `MAX_STANDARD_P2WSH_STACK_ITEMS`.
pub const MAX_STANDARD_P2WSH_STACK_ITEMS: usize = 100;
/// `MAX_STANDARD_P2WSH_STACK_ITEM_SIZE`.
pub const MAX_STANDARD_P2WSH_STACK_ITEM_SIZE: usize = 80;
/// `MAX_STANDARD_TAPSCRIPT_STACK_ITEM_SIZE`.
pub const MAX_STANDARD_TAPSCRIPT_STACK_ITEM_SIZE: usize = 80;
/// `DUST_RELAY_TX_FEE` (sat/kvB).
pub const DUST_RELAY_TX_FEE: u64 = 3000;
/// `MAX_DUST_OUTPUTS_PER_TX` (Core 29+).
pub const MAX_DUST_OUTPUTS_PER_TX: usize = 1;
/// `TRUC_VERSION`.
pub const TRUC_VERSION: i32 = 3;
/// `TRUC_MAX_VSIZE`.
pub const TRUC_MAX_VSIZE: u64 = 10_000;
/// `TRUC_CHILD_MAX_VSIZE`.
pub const TRUC_CHILD_MAX_VSIZE: u64 = 1_000;
/// `MAX_PACKAGE_COUNT`.
pub const MAX_PACKAGE_COUNT: usize = 25;
/// `MAX_PACKAGE_WEIGHT`.
pub const MAX_PACKAGE_WEIGHT: u64 = 404_000;
/// `MAX_REPLACEMENT_CANDIDATES` (BIP 125 rule 5).
pub const MAX_REPLACEMENT_CANDIDATES: usize = 100;

impl Policy {
    /// The default policy of `core`.
    pub fn new(core: CoreVersion) -> Self {
        let tenth = core >= CoreVersion::V29_1;
        Policy {
            core,
            min_relay_feerate: if tenth { 100 } else { 1000 },
            // 29.1's incremental fee is not confirmed (spec notes §0): keep 1 sat/vB before 30.
            incremental_relay_feerate: if core >= CoreVersion::V30 { 100 } else { 1000 },
            dust_relay_feerate: DUST_RELAY_TX_FEE,
            max_datacarrier_bytes: Some(if core >= CoreVersion::V30 { 100_000 } else { 83 }),
            permit_bare_multisig: true,
            tip_height: None,
            tip_mtp: None,
            verify_scripts: true,
            full_rbf: true,
        }
    }

    /// Whether ephemeral dust exists in this release.
    pub fn ephemeral_dust(&self) -> bool {
        self.core >= CoreVersion::V29
    }

    /// The reject reason of a script failure in this release.
    pub fn script_failure_reason(&self) -> &'static str {
        if self.core >= CoreVersion::V30 {
            "mempool-script-verify-flag-failed"
        } else {
            "mandatory-script-verify-flag-failed"
        }
    }
}

/// `CFeeRate::GetFee`: the fee for `vsize` at `rate` sat/kvB, rounded up (Core ≥ 23).
pub fn fee_at(rate_per_kvb: u64, vsize: u64) -> u64 {
    let prod = u128::from(rate_per_kvb) * u128::from(vsize);
    let fee = prod.div_ceil(1000);
    u64::try_from(fee).unwrap_or(u64::MAX)
}

/// Parses a feerate in sat/vB ("2", "0.1", "12.345") into sat/kvB.
pub fn parse_feerate(s: &str) -> Result<u64> {
    let s = s.trim();
    let bad = || Error::syntax(format!("bad feerate {s:?} (sat/vB, e.g. 2 or 0.1)"));
    let (int, frac) = s.split_once('.').unwrap_or((s, ""));
    if int.is_empty() && frac.is_empty() || frac.len() > 3 {
        return Err(bad());
    }
    let digits = |t: &str| t.bytes().all(|b| b.is_ascii_digit());
    if !digits(int) || !digits(frac) {
        return Err(bad());
    }
    let whole: u64 = if int.is_empty() { 0 } else { int.parse().map_err(|_| bad())? };
    let mut milli: u64 = if frac.is_empty() { 0 } else { frac.parse().map_err(|_| bad())? };
    for _ in frac.len()..3 {
        milli = milli.saturating_mul(10);
    }
    whole.checked_mul(1000).and_then(|w| w.checked_add(milli)).ok_or_else(bad)
}

/// Formats sat/kvB as sat/vB with up to three decimals.
pub fn feerate_string(per_kvb: u64) -> String {
    let (w, f) = (per_kvb / 1000, per_kvb % 1000);
    if f == 0 {
        format!("{w}")
    } else {
        format!("{w}.{f:03}").trim_end_matches('0').to_string()
    }
}

/// A confirmed coin a checked transaction spends.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Coin {
    /// The output.
    pub txout: TxOut,
    /// Height of the block that holds it, for relative locks (None: unknown).
    pub height: Option<u32>,
}

/// What the checker knows beside the package: confirmed coins and mempool transactions (the
/// parents the package spends and the transactions it would replace or evict).
#[derive(Debug, Clone, Default)]
pub struct Context {
    /// Confirmed prevouts.
    pub coins: HashMap<OutPoint, Coin>,
    /// Unconfirmed transactions already in the mempool.
    pub mempool: Vec<Transaction>,
}

impl Context {
    /// Adds a confirmed coin.
    pub fn add_coin(&mut self, outpoint: OutPoint, txout: TxOut, height: Option<u32>) {
        self.coins.insert(outpoint, Coin { txout, height });
    }
}

/// One broken rule, in Core's words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    /// Index of the package transaction (None: the package as a whole).
    pub tx_index: Option<usize>,
    /// Core's reject reason (`TRUC-violation`, `dust`, `min relay fee not met`, ...).
    pub reason: String,
    /// Core's debug text, or ours where Core has none.
    pub detail: String,
    /// Where the rule is written (BIP / Core file).
    pub source: &'static str,
}

/// Sizes and fees of one checked transaction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TxSummary {
    /// txid.
    pub txid: Txid,
    /// wtxid.
    pub wtxid: bitcoin::Wtxid,
    /// nVersion.
    pub version: i32,
    /// Weight units.
    pub weight: u64,
    /// Sigop-adjusted virtual size (what TRUC and fee rules use).
    pub vsize: u64,
    /// Sigop cost when every prevout is known.
    pub sigop_cost: Option<u64>,
    /// Fee when every prevout is known.
    pub fee: Option<u64>,
}

/// The result of [`check`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    /// The rules applied.
    pub core: CoreVersion,
    /// One entry per package transaction.
    pub txs: Vec<TxSummary>,
    /// Every broken rule.
    pub failures: Vec<Failure>,
    /// Checks that could not run, and why (missing prevouts, no tip height...).
    pub skipped: Vec<String>,
}

impl Report {
    /// True when no rule failed.
    pub fn passed(&self) -> bool {
        self.failures.is_empty()
    }

    /// Whether some failure has this reject reason.
    pub fn has(&self, reason: &str) -> bool {
        self.failures.iter().any(|f| f.reason == reason)
    }

    /// Package fee and vsize, when every fee is known.
    pub fn package_fee_vsize(&self) -> Option<(u64, u64)> {
        let mut fee = 0u64;
        let mut vsize = 0u64;
        for t in &self.txs {
            fee = fee.checked_add(t.fee?)?;
            vsize = vsize.checked_add(t.vsize)?;
        }
        Some((fee, vsize))
    }

    /// The report as JSON: `valid`, per-tx sizes and fees, package feerate, `errors`, `skipped`.
    pub fn to_json(&self) -> Value {
        let txs: Vec<Value> = self
            .txs
            .iter()
            .enumerate()
            .map(|(i, t)| {
                json!({
                    "index": i,
                    "txid": t.txid.to_string(),
                    "wtxid": t.wtxid.to_string(),
                    "version": t.version,
                    "weight": t.weight,
                    "vsize": t.vsize,
                    "sigop_cost": t.sigop_cost,
                    "fee_sat": t.fee,
                    "feerate_sat_per_vb": t.fee.map(|f| ratio(f, t.vsize)),
                })
            })
            .collect();
        let package = self.package_fee_vsize().map(|(fee, vsize)| {
            json!({ "fee_sat": fee, "vsize": vsize, "feerate_sat_per_vb": ratio(fee, vsize) })
        });
        let errors: Vec<Value> = self
            .failures
            .iter()
            .map(|f| {
                json!({
                    "tx_index": f.tx_index,
                    "txid": f.tx_index.and_then(|i| self.txs.get(i)).map(|t| t.txid.to_string()),
                    "reason": f.reason,
                    "detail": f.detail,
                    "source": f.source,
                })
            })
            .collect();
        json!({
            "core": self.core.name(),
            "valid": self.passed(),
            "txs": txs,
            "package": package,
            "errors": errors,
            "skipped": self.skipped,
        })
    }
}

fn ratio(fee: u64, vsize: u64) -> Value {
    if vsize == 0 {
        return Value::Null;
    }
    let r = (fee as f64) / (vsize as f64);
    json!((r * 1000.0).round() / 1000.0)
}

/// The most transactions [`parse_package`] accepts (a package is at most 25; leave room for
/// a checker to report `package-too-many-transactions`).
pub const MAX_PARSE_TXS: usize = 1000;

/// Decodes one raw transaction (consensus encoding, no trailing bytes).
pub fn decode_tx(bytes: &[u8]) -> Result<Transaction> {
    let (tx, used): (Transaction, usize) =
        deserialize_partial(bytes).map_err(|e| Error::invalid(format!("bad transaction: {e}")))?;
    if used != bytes.len() {
        return Err(Error::new(
            crate::ErrorKind::Trailing,
            format!("{} bytes after the transaction", bytes.len().saturating_sub(used)),
        )
        .at(used));
    }
    Ok(tx)
}

/// Parses a package: raw hex transactions separated by white space or commas, or a JSON list
/// of hex strings (`submitpackage` style). Parents first, child last.
pub fn parse_package(text: &str) -> Result<Vec<Transaction>> {
    let t = text.trim();
    let items: Vec<String> = if t.starts_with('[') {
        let v: Value = serde_json::from_str(t)
            .map_err(|e| Error::syntax(format!("package JSON: {e}").replace('\n', " ")))?;
        let Some(arr) = v.as_array() else {
            return Err(Error::syntax("package JSON must be a list of hex strings"));
        };
        arr.iter()
            .enumerate()
            .map(|(i, x)| {
                x.as_str()
                    .map(str::to_string)
                    .ok_or_else(|| Error::syntax(format!("package JSON item {i} is not a string")))
            })
            .collect::<Result<_>>()?
    } else {
        t.split(|c: char| c.is_whitespace() || c == ',')
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect()
    };
    if items.is_empty() {
        return Err(Error::syntax("no transaction given"));
    }
    if items.len() > MAX_PARSE_TXS {
        return Err(Error::new(
            crate::ErrorKind::TooLarge,
            format!("{} transactions (at most {MAX_PARSE_TXS})", items.len()),
        ));
    }
    items
        .iter()
        .enumerate()
        .map(|(i, h)| {
            let bytes = crate::encoding::parse_hex(h).map_err(|e| e.within(format!("tx {i}")))?;
            decode_tx(&bytes).map_err(|e| e.within(format!("tx {i}")))
        })
        .collect()
}

/// Parses `txid:vout=amount_sat:script_hex[@height]` (a `--prevout`).
pub fn parse_prevout(s: &str) -> Result<(OutPoint, TxOut, Option<u32>)> {
    let bad =
        |m: &str| Error::syntax(format!("prevout {s:?}: {m} (txid:vout=amount_sat:script_hex)"));
    let (op, rest) = s.trim().split_once('=').ok_or_else(|| bad("missing '='"))?;
    let outpoint = OutPoint::from_str(op.trim()).map_err(|_| bad("bad txid:vout"))?;
    let (amount, script) = rest.split_once(':').ok_or_else(|| bad("missing ':' before script"))?;
    let (script, height) = match script.split_once('@') {
        Some((sc, h)) => (sc, Some(h.trim().parse::<u32>().map_err(|_| bad("bad height"))?)),
        None => (script, None),
    };
    let value = amount.trim().parse::<u64>().map_err(|_| bad("bad amount"))?;
    let script = crate::encoding::parse_hex(script)?;
    Ok((
        outpoint,
        TxOut { value: bitcoin::Amount::from_sat(value), script_pubkey: script.into() },
        height,
    ))
}

/// Script-checks every input of `tx` against `prevouts` (one per input, in order) with
/// libbitcoinconsensus and every consensus flag, taproot included. Returns the failing input.
#[cfg(feature = "consensus")]
pub fn verify_scripts(tx: &Transaction, prevouts: &[TxOut]) -> Result<()> {
    if prevouts.len() != tx.input.len() {
        return Err(Error::invalid(format!(
            "{} prevouts for {} inputs",
            prevouts.len(),
            tx.input.len()
        )));
    }
    let raw = bitcoin::consensus::serialize(tx);
    let utxos: Vec<bitcoinconsensus::Utxo> = prevouts
        .iter()
        .map(|p| bitcoinconsensus::Utxo {
            script_pubkey: p.script_pubkey.as_bytes().as_ptr(),
            script_pubkey_len: p.script_pubkey.len() as u32,
            value: i64::try_from(p.value.to_sat()).unwrap_or(i64::MAX),
        })
        .collect();
    let flags = bitcoinconsensus::VERIFY_ALL_PRE_TAPROOT | bitcoinconsensus::VERIFY_TAPROOT;
    for (i, p) in prevouts.iter().enumerate() {
        bitcoinconsensus::verify_with_flags(
            p.script_pubkey.as_bytes(),
            p.value.to_sat(),
            &raw,
            Some(&utxos),
            i,
            flags,
        )
        .map_err(|e| Error::new(crate::ErrorKind::Crypto, format!("input {i}: {e:?}")))?;
    }
    Ok(())
}
