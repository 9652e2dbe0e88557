//! Package and mempool-context rules of Bitcoin Core: package shape (`policy/packages.cpp`
//! IsWellFormedPackage / IsChildWithParents, `doc/policy/packages.md`), TRUC (BIP 431,
//! `policy/truc_policy.cpp` SingleTRUCChecks / PackageTRUCChecks), ephemeral dust
//! (`policy/ephemeral_policy.cpp`), min relay and package feerates, BIP 68/locktime finality,
//! replacements (BIP 125 rules 2–6, `policy/rbf.cpp`, `doc/policy/mempool-replacements.md`),
//! sibling eviction and package RBF (`validation.cpp` ReplacementChecks / PackageMempoolChecks).

use std::collections::{BTreeSet, HashMap, HashSet};

use bitcoin::{OutPoint, Transaction, TxOut, Txid};

use super::rules::{self, Violation};
use super::{
    fee_at, Coin, Context, CoreVersion, Failure, Policy, Report, TxSummary, MAX_PACKAGE_COUNT,
    MAX_PACKAGE_WEIGHT, MAX_REPLACEMENT_CANDIDATES, TRUC_CHILD_MAX_VSIZE, TRUC_MAX_VSIZE,
    TRUC_VERSION,
};

const SRC_TRUC: &str = "BIP 431; policy/truc_policy.cpp";
const SRC_PKG: &str = "doc/policy/packages.md; policy/packages.cpp IsWellFormedPackage";
const SRC_EPH: &str = "policy/ephemeral_policy.cpp";
const SRC_FEE: &str = "validation.cpp PreChecks / CheckFeeRate (-minrelaytxfee)";
const SRC_PRBF: &str = "doc/policy/packages.md; validation.cpp PackageMempoolChecks";

/// Where an input's coin lives.
#[derive(Clone, Copy)]
enum Src<'a> {
    Package(usize),
    Mempool(usize),
    Coin(&'a Coin),
    Unknown,
}

struct World<'a> {
    package: &'a [Transaction],
    ctx: &'a Context,
    pkg_txids: Vec<Txid>,
    mem_txids: Vec<Txid>,
    pkg_index: HashMap<Txid, usize>,
    mem_index: HashMap<Txid, usize>,
}

impl<'a> World<'a> {
    fn new(package: &'a [Transaction], ctx: &'a Context) -> Self {
        let pkg_txids: Vec<Txid> = package.iter().map(Transaction::compute_txid).collect();
        let mem_txids: Vec<Txid> = ctx.mempool.iter().map(Transaction::compute_txid).collect();
        let mut pkg_index = HashMap::new();
        for (i, t) in pkg_txids.iter().enumerate() {
            pkg_index.entry(*t).or_insert(i);
        }
        let mut mem_index = HashMap::new();
        for (i, t) in mem_txids.iter().enumerate() {
            if !pkg_index.contains_key(t) {
                mem_index.entry(*t).or_insert(i);
            }
        }
        World { package, ctx, pkg_txids, mem_txids, pkg_index, mem_index }
    }

    fn src(&self, op: &OutPoint) -> Src<'a> {
        if let Some(&j) = self.pkg_index.get(&op.txid) {
            Src::Package(j)
        } else if let Some(&m) = self.mem_index.get(&op.txid) {
            Src::Mempool(m)
        } else if let Some(c) = self.ctx.coins.get(op) {
            Src::Coin(c)
        } else {
            Src::Unknown
        }
    }

    /// The output an outpoint names, when known (`Err` = the named tx has no such output).
    fn prevout(&self, op: &OutPoint) -> Result<Option<TxOut>, ()> {
        let out = |tx: &Transaction| {
            usize::try_from(op.vout).ok().and_then(|v| tx.output.get(v)).cloned().ok_or(())
        };
        match self.src(op) {
            Src::Package(j) => self.package.get(j).map_or(Ok(None), |t| out(t).map(Some)),
            Src::Mempool(m) => self.ctx.mempool.get(m).map_or(Ok(None), |t| out(t).map(Some)),
            Src::Coin(c) => Ok(Some(c.txout.clone())),
            Src::Unknown => Ok(None),
        }
    }

    fn all_prevouts(&self, tx: &Transaction) -> Option<Vec<TxOut>> {
        tx.input.iter().map(|i| self.prevout(&i.previous_output).ok().flatten()).collect()
    }

    fn fee(&self, tx: &Transaction) -> Option<u64> {
        let ins = self.all_prevouts(tx)?;
        let i: u64 = ins.iter().try_fold(0u64, |a, o| a.checked_add(o.value.to_sat()))?;
        let o: u64 = tx.output.iter().try_fold(0u64, |a, o| a.checked_add(o.value.to_sat()))?;
        i.checked_sub(o)
    }

    fn sizes(&self, tx: &Transaction) -> (u64, Option<u64>, u64) {
        let weight = tx.weight().to_wu();
        let prevouts = self.all_prevouts(tx);
        let sigops = if let Some(p) = &prevouts {
            let map: HashMap<OutPoint, TxOut> =
                tx.input.iter().map(|i| i.previous_output).zip(p.iter().cloned()).collect();
            tx.total_sigop_cost(|op| map.get(op).cloned()) as u64
        } else {
            tx.total_sigop_cost(|_| None) as u64
        };
        let vsize = rules::sigop_adjusted_vsize(weight, sigops);
        (weight, prevouts.map(|_| sigops), vsize)
    }

    /// Unconfirmed parents (package or mempool) of a tx, deduplicated, in input order.
    fn parents(&self, tx: &Transaction) -> Vec<Src<'a>> {
        let mut seen = HashSet::new();
        let mut out = Vec::new();
        for i in &tx.input {
            let s = self.src(&i.previous_output);
            if matches!(s, Src::Package(_) | Src::Mempool(_)) && seen.insert(i.previous_output.txid)
            {
                out.push(s);
            }
        }
        out
    }

    fn tx_of(&self, s: Src<'a>) -> Option<&'a Transaction> {
        match s {
            Src::Package(j) => self.package.get(j),
            Src::Mempool(m) => self.ctx.mempool.get(m),
            _ => None,
        }
    }

    fn txid_of(&self, s: Src<'a>) -> Option<Txid> {
        match s {
            Src::Package(j) => self.pkg_txids.get(j).copied(),
            Src::Mempool(m) => self.mem_txids.get(m).copied(),
            _ => None,
        }
    }

    /// Number of unconfirmed ancestors (bounded walk).
    fn ancestor_count(&self, tx: &Transaction) -> usize {
        let mut seen: HashSet<Txid> = HashSet::new();
        let mut stack: Vec<Src<'a>> = self.parents(tx);
        while let Some(s) = stack.pop() {
            let Some(id) = self.txid_of(s) else { continue };
            if !seen.insert(id) || seen.len() > 1000 {
                continue;
            }
            if let Some(t) = self.tx_of(s) {
                stack.extend(self.parents(t));
            }
        }
        seen.len()
    }

    /// Mempool transactions spending an output of `txid`.
    fn mempool_children(&self, txid: Txid) -> Vec<usize> {
        self.mem_index
            .values()
            .copied()
            .filter(|&m| {
                self.ctx
                    .mempool
                    .get(m)
                    .is_some_and(|t| t.input.iter().any(|i| i.previous_output.txid == txid))
            })
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect()
    }

    /// The mempool transactions that conflict with `tx` (spend one of its outpoints).
    fn direct_conflicts(&self, tx: &Transaction) -> BTreeSet<usize> {
        let ops: HashSet<OutPoint> = tx.input.iter().map(|i| i.previous_output).collect();
        self.mem_index
            .values()
            .copied()
            .filter(|&m| {
                self.ctx
                    .mempool
                    .get(m)
                    .is_some_and(|t| t.input.iter().any(|i| ops.contains(&i.previous_output)))
            })
            .collect()
    }

    /// `conflicts` plus their mempool descendants.
    fn with_descendants(&self, conflicts: &BTreeSet<usize>) -> BTreeSet<usize> {
        let mut all = conflicts.clone();
        let mut stack: Vec<usize> = conflicts.iter().copied().collect();
        while let Some(m) = stack.pop() {
            let Some(id) = self.mem_txids.get(m) else { continue };
            for c in self.mempool_children(*id) {
                if all.insert(c) {
                    stack.push(c);
                }
            }
        }
        all
    }
}

struct Checker<'a> {
    policy: &'a Policy,
    world: World<'a>,
    report: Report,
}

impl Checker<'_> {
    fn fail(
        &mut self,
        tx: Option<usize>,
        reason: impl Into<String>,
        detail: String,
        src: &'static str,
    ) {
        self.report.failures.push(Failure {
            tx_index: tx,
            reason: reason.into(),
            detail,
            source: src,
        });
    }

    fn violations(&mut self, i: usize, v: Vec<Violation>) {
        for (reason, detail, src) in v {
            self.fail(Some(i), reason, detail, src);
        }
    }

    fn skip(&mut self, s: String) {
        if !self.report.skipped.contains(&s) {
            self.report.skipped.push(s);
        }
    }

    fn id(&self, i: usize) -> String {
        self.report
            .txs
            .get(i)
            .map_or_else(String::new, |t| format!("tx {} (wtxid={})", t.txid, t.wtxid))
    }
}

fn mempool_id(tx: &Transaction) -> String {
    format!("tx {} (wtxid={})", tx.compute_txid(), tx.compute_wtxid())
}

/// Checks one transaction (`package` of one) or a package (parents first, child last) against
/// the relay policy of `policy.core`, in the mempool context `ctx`.
pub fn check(policy: &Policy, package: &[Transaction], ctx: &Context) -> Report {
    let world = World::new(package, ctx);
    let mut txs = Vec::with_capacity(package.len());
    for tx in package {
        let (weight, sigop_cost, vsize) = world.sizes(tx);
        txs.push(TxSummary {
            txid: tx.compute_txid(),
            wtxid: tx.compute_wtxid(),
            version: tx.version.0,
            weight,
            vsize,
            sigop_cost,
            fee: world.fee(tx),
        });
    }
    let report = Report { core: policy.core, txs, failures: Vec::new(), skipped: Vec::new() };
    let mut c = Checker { policy, world, report };
    if package.len() > 1 {
        package_shape(&mut c);
    }
    for (i, tx) in package.iter().enumerate() {
        per_tx(&mut c, i, tx);
        truc(&mut c, i, tx);
        ephemeral(&mut c, i, tx);
    }
    fees(&mut c);
    replacements(&mut c);
    c.report
}

fn per_tx(c: &mut Checker<'_>, i: usize, tx: &Transaction) {
    c.violations(i, rules::check_transaction(tx));
    c.violations(i, rules::check_standard(c.policy, tx));
    let mut known = Vec::with_capacity(tx.input.len());
    let mut all_known = true;
    for (k, txin) in tx.input.iter().enumerate() {
        match c.world.prevout(&txin.previous_output) {
            Err(()) => {
                all_known = false;
                c.fail(
                    Some(i),
                    "bad-txns-inputs-missingorspent",
                    format!("input {k} names output {} that does not exist", txin.previous_output),
                    "consensus/tx_verify.cpp CheckTxInputs",
                );
            }
            Ok(None) => {
                all_known = false;
                c.skip(format!(
                    "tx {i} input {k}: prevout {} not given (--prevout): its fee, input \
                     standardness and script checks are skipped",
                    txin.previous_output
                ));
            }
            Ok(Some(p)) => {
                let v = rules::check_input(c.policy, tx, k, &p);
                c.violations(i, v);
                known.push(p);
            }
        }
    }
    let summary = c.report.txs.get(i).cloned();
    if all_known {
        let ins: u64 = known.iter().map(|o| o.value.to_sat()).fold(0, u64::saturating_add);
        let outs: u64 = tx.output.iter().map(|o| o.value.to_sat()).fold(0, u64::saturating_add);
        if ins < outs {
            c.fail(
                Some(i),
                "bad-txns-in-belowout",
                format!("value in {ins} < value out {outs}"),
                "consensus/tx_verify.cpp CheckTxInputs",
            );
        }
        if let Some(cost) = summary.as_ref().and_then(|s| s.sigop_cost) {
            if cost > super::MAX_STANDARD_TX_SIGOPS_COST {
                c.fail(
                    Some(i),
                    "bad-txns-too-many-sigops",
                    format!("sigop cost {cost} > {}", super::MAX_STANDARD_TX_SIGOPS_COST),
                    "validation.cpp PreChecks (MAX_STANDARD_TX_SIGOPS_COST)",
                );
            }
        }
        if c.policy.verify_scripts {
            script_check(c, i, tx, &known);
        }
    }
    finality(c, i, tx);
    // Ephemeral dust: a tx with a dust output must pay no fee (29+).
    if c.policy.ephemeral_dust() {
        let dust = rules::dust_outputs(tx, c.policy.dust_relay_feerate);
        if let (false, Some(fee)) = (dust.is_empty(), summary.and_then(|s| s.fee)) {
            if fee != 0 {
                c.fail(
                    Some(i),
                    "dust",
                    format!(
                        "tx with dust output must be 0-fee (fee {fee} sat, dust outputs {dust:?})"
                    ),
                    "policy/ephemeral_policy.cpp PreCheckEphemeralTx",
                );
            }
        }
    }
}

#[cfg(feature = "consensus")]
fn script_check(c: &mut Checker<'_>, i: usize, tx: &Transaction, prevouts: &[TxOut]) {
    if let Err(e) = super::verify_scripts(tx, prevouts) {
        c.fail(
            Some(i),
            c.policy.script_failure_reason(),
            format!("libbitcoinconsensus: {e}"),
            "validation.cpp PolicyScriptChecks (libbitcoinconsensus, all consensus flags)",
        );
    }
}

#[cfg(not(feature = "consensus"))]
fn script_check(c: &mut Checker<'_>, i: usize, _tx: &Transaction, _prevouts: &[TxOut]) {
    c.skip(format!("tx {i}: scripts not verified (built without the `consensus` feature)"));
}

/// `IsFinalTx` at the next block and BIP 68 sequence locks (`CheckSequenceLocks`).
fn finality(c: &mut Checker<'_>, i: usize, tx: &Transaction) {
    let lt = tx.lock_time.to_consensus_u32();
    let all_final = tx.input.iter().all(|t| t.sequence.0 == 0xffff_ffff);
    if lt != 0 && !all_final {
        let next = c.policy.tip_height.map(|h| h.saturating_add(1));
        if lt < 500_000_000 {
            match next {
                Some(h) if lt >= h => c.fail(
                    Some(i),
                    "non-final",
                    format!("locktime height {lt} not reached by next block {h}"),
                    "validation.cpp PreChecks (IsFinalTx)",
                ),
                None => c.skip(format!("tx {i}: locktime {lt} not checked (no --height)")),
                _ => {}
            }
        } else {
            // Time locks before the genesis block's time are final on every chain (commitments
            // put 0x20 in the top byte: a 1987 date).
            const GENESIS_TIME: u32 = 1_231_006_505;
            match c.policy.tip_mtp {
                None if lt < GENESIS_TIME => {}
                Some(t) if lt >= t => c.fail(
                    Some(i),
                    "non-final",
                    format!("locktime time {lt} not before median time past {t}"),
                    "validation.cpp PreChecks (IsFinalTx)",
                ),
                None => c.skip(format!("tx {i}: time locktime {lt} not checked (no --mtp)")),
                _ => {}
            }
        }
    }
    if tx.version.0 < 2 {
        return;
    }
    for (k, txin) in tx.input.iter().enumerate() {
        let seq = txin.sequence.0;
        if seq & (1 << 31) != 0 {
            continue;
        }
        let blocks = seq & 0xffff;
        if seq & (1 << 22) != 0 {
            if blocks != 0 {
                c.skip(format!("tx {i} input {k}: time-based relative lock not checked"));
            }
            continue;
        }
        if blocks == 0 {
            continue;
        }
        match c.world.src(&txin.previous_output) {
            Src::Package(_) | Src::Mempool(_) => c.fail(
                Some(i),
                "non-BIP68-final",
                format!("input {k}: relative lock of {blocks} blocks on an unconfirmed parent"),
                "BIP 68; validation.cpp CheckSequenceLocks",
            ),
            Src::Coin(coin) => match (coin.height, c.policy.tip_height) {
                (Some(h), Some(tip)) if u64::from(h) + u64::from(blocks) > u64::from(tip) + 1 => {
                    c.fail(
                        Some(i),
                        "non-BIP68-final",
                        format!("input {k}: coin at height {h} + {blocks} blocks > next block {}", tip + 1),
                        "BIP 68; validation.cpp CheckSequenceLocks",
                    );
                }
                (Some(_), Some(_)) => {}
                _ => c.skip(format!(
                    "tx {i} input {k}: relative lock of {blocks} blocks not checked (coin height or --height unknown)"
                )),
            },
            Src::Unknown => {}
        }
    }
}

fn package_shape(c: &mut Checker<'_>) {
    let pkg = c.world.package;
    let n = pkg.len();
    if n > MAX_PACKAGE_COUNT {
        c.fail(
            None,
            "package-too-many-transactions",
            format!("{n} > {MAX_PACKAGE_COUNT}"),
            SRC_PKG,
        );
    }
    let weight: u64 = c.report.txs.iter().map(|t| t.weight).sum();
    if weight > MAX_PACKAGE_WEIGHT {
        c.fail(
            None,
            "package-too-large",
            format!("weight {weight} > {MAX_PACKAGE_WEIGHT}"),
            SRC_PKG,
        );
    }
    let unique: HashSet<Txid> = c.world.pkg_txids.iter().copied().collect();
    if unique.len() != n {
        c.fail(None, "package-contains-duplicates", "the same txid twice".into(), SRC_PKG);
    }
    // Sorted: a tx may spend only earlier package txs.
    let pos: HashMap<Txid, usize> =
        c.world.pkg_txids.iter().enumerate().map(|(i, t)| (*t, i)).collect();
    let unsorted = pkg.iter().enumerate().any(|(i, tx)| {
        tx.input.iter().any(|inp| pos.get(&inp.previous_output.txid).is_some_and(|&j| j >= i))
    });
    if unsorted {
        c.fail(None, "package-not-sorted", "a transaction spends a later one".into(), SRC_PKG);
    }
    let mut spent = HashSet::new();
    let conflict =
        pkg.iter().flat_map(|t| t.input.iter()).any(|i| !spent.insert(i.previous_output));
    if conflict {
        c.fail(
            None,
            "conflict-in-package",
            "two transactions spend the same outpoint".into(),
            SRC_PKG,
        );
    }
    // Child with parents: every other tx is a parent of the last.
    let Some(child) = pkg.last() else { return };
    let child_parents: HashSet<Txid> = child.input.iter().map(|i| i.previous_output.txid).collect();
    let not_parent = c.world.pkg_txids.iter().take(n - 1).any(|t| !child_parents.contains(t));
    if not_parent {
        c.fail(
            None,
            "package-not-child-with-parents",
            "every transaction but the last must be a parent of the last".into(),
            "doc/policy/packages.md; policy/packages.cpp IsChildWithParents",
        );
    }
    if c.policy.core < CoreVersion::V30 {
        // Up to 29 every unconfirmed parent must be in the package (#31385 lifted it in 30).
        let mut unknown = false;
        let mut mempool_parent = None;
        for inp in &child.input {
            match c.world.src(&inp.previous_output) {
                Src::Mempool(m) => mempool_parent = Some(m),
                Src::Unknown => unknown = true,
                _ => {}
            }
        }
        if let Some(m) = mempool_parent {
            let id = c.world.mem_txids.get(m).map(ToString::to_string).unwrap_or_default();
            c.fail(
                None,
                "package-not-child-with-unconfirmed-parents",
                format!("the child spends mempool tx {id}, which is not in the package"),
                "validation.cpp AcceptPackage (Core ≤ 29)",
            );
        } else if unknown {
            c.skip("child inputs without a given prevout are taken as confirmed".into());
        }
    }
}

fn truc(c: &mut Checker<'_>, i: usize, tx: &Transaction) {
    let Some(vsize) = c.report.txs.get(i).map(|t| t.vsize) else { return };
    let me = c.id(i);
    let parents = c.world.parents(tx);
    let v3 = tx.version.0 == TRUC_VERSION;
    for &p in &parents {
        let Some(ptx) = c.world.tx_of(p) else { continue };
        let pid = match p {
            Src::Package(j) => c.id(j),
            _ => mempool_id(ptx),
        };
        let pv3 = ptx.version.0 == TRUC_VERSION;
        if v3 && !pv3 {
            c.fail(
                Some(i),
                "TRUC-violation",
                format!("version=3 {me} cannot spend from non-version=3 {pid}"),
                SRC_TRUC,
            );
        } else if !v3 && pv3 {
            c.fail(
                Some(i),
                "TRUC-violation",
                format!("non-version=3 {me} cannot spend from version=3 {pid}"),
                SRC_TRUC,
            );
        }
    }
    if !v3 {
        return;
    }
    if vsize > TRUC_MAX_VSIZE {
        c.fail(
            Some(i),
            "TRUC-violation",
            format!("version=3 {me} is too big: {vsize} > {TRUC_MAX_VSIZE} virtual bytes"),
            SRC_TRUC,
        );
    }
    let ancestors = c.world.ancestor_count(tx);
    if ancestors + 1 > 2 {
        c.fail(Some(i), "TRUC-violation", format!("{me} would have too many ancestors"), SRC_TRUC);
        return;
    }
    let Some(&parent) = parents.first() else { return };
    if vsize > TRUC_CHILD_MAX_VSIZE {
        c.fail(
            Some(i),
            "TRUC-violation",
            format!(
                "version=3 child {me} is too big: {vsize} > {TRUC_CHILD_MAX_VSIZE} virtual bytes"
            ),
            SRC_TRUC,
        );
    }
    let Some(ptxid) = c.world.txid_of(parent) else { return };
    let parent_desc = c.world.tx_of(parent).map(mempool_id).unwrap_or_default();
    // Another package tx spending the same parent.
    let sibling_in_package = c
        .world
        .package
        .iter()
        .enumerate()
        .any(|(k, t)| k != i && t.input.iter().any(|inp| inp.previous_output.txid == ptxid));
    if sibling_in_package {
        c.fail(
            Some(i),
            "TRUC-violation",
            format!("{parent_desc} would exceed descendant count limit"),
            SRC_TRUC,
        );
        return;
    }
    // Mempool children of the parent that this tx does not replace.
    let replaced = c.world.direct_conflicts(tx);
    let others: Vec<usize> =
        c.world.mempool_children(ptxid).into_iter().filter(|m| !replaced.contains(m)).collect();
    if others.is_empty() {
        return;
    }
    let single = c.world.package.len() == 1;
    let evictable = others.len() == 1
        && others
            .first()
            .and_then(|&m| c.world.mem_txids.get(m))
            .is_some_and(|id| c.world.mempool_children(*id).is_empty());
    if single && evictable {
        // Sibling eviction: the sibling is replaced under the RBF rules (see `replacements`).
        return;
    }
    c.fail(
        Some(i),
        "TRUC-violation",
        format!("{parent_desc} would exceed descendant count limit"),
        SRC_TRUC,
    );
}

/// Sibling to evict for a single v3 child, if any (SingleTRUCChecks).
fn sibling_to_evict(c: &Checker<'_>, tx: &Transaction) -> Option<usize> {
    if tx.version.0 != TRUC_VERSION || c.world.package.len() != 1 {
        return None;
    }
    let parents = c.world.parents(tx);
    let [parent] = parents.as_slice() else { return None };
    let ptxid = c.world.txid_of(*parent)?;
    let replaced = c.world.direct_conflicts(tx);
    let others: Vec<usize> =
        c.world.mempool_children(ptxid).into_iter().filter(|m| !replaced.contains(m)).collect();
    let [sib] = others.as_slice() else { return None };
    let id = c.world.mem_txids.get(*sib)?;
    c.world.mempool_children(*id).is_empty().then_some(*sib)
}

fn ephemeral(c: &mut Checker<'_>, i: usize, tx: &Transaction) {
    if !c.policy.ephemeral_dust() {
        return;
    }
    let spent: HashSet<OutPoint> = tx.input.iter().map(|t| t.previous_output).collect();
    for p in c.world.parents(tx) {
        let (Some(ptx), Some(ptxid)) = (c.world.tx_of(p), c.world.txid_of(p)) else { continue };
        let dust = rules::dust_outputs(ptx, c.policy.dust_relay_feerate);
        let missing: Vec<usize> = dust
            .into_iter()
            .filter(|&d| !spent.contains(&OutPoint { txid: ptxid, vout: d as u32 }))
            .collect();
        if !missing.is_empty() {
            let me = c.id(i);
            c.fail(
                Some(i),
                "missing-ephemeral-spends",
                format!(
                    "{me} did not spend parent's ephemeral dust (output {missing:?} of {ptxid})"
                ),
                SRC_EPH,
            );
        }
    }
}

fn fees(c: &mut Checker<'_>) {
    let rate = c.policy.min_relay_feerate;
    let n = c.world.package.len();
    let txs = c.report.txs.clone();
    // Core validates each package tx alone first; those that pass (with their in-package
    // parents) are accepted and leave the package feerate, which judges only the rest.
    let mut alone_ok = vec![false; n];
    for (i, t) in txs.iter().enumerate() {
        let Some(fee) = t.fee else {
            c.skip(format!("tx {i}: fee unknown, min relay fee not checked"));
            continue;
        };
        let need = fee_at(rate, t.vsize);
        let parents_ok = c.world.package.get(i).is_some_and(|tx| {
            tx.input.iter().all(|inp| {
                c.world
                    .pkg_index
                    .get(&inp.previous_output.txid)
                    .is_none_or(|&j| alone_ok.get(j).copied().unwrap_or(false))
            })
        });
        if let Some(slot) = alone_ok.get_mut(i) {
            *slot = fee >= need && parents_ok;
        }
        // Alone, every tx pays min relay; in a package, TRUC txs may lean on the package.
        if fee < need && (n == 1 || t.version != TRUC_VERSION) {
            c.fail(Some(i), "min relay fee not met", format!("{fee} < {need}"), SRC_FEE);
        }
    }
    if n > 1 {
        let rest: Vec<&TxSummary> =
            txs.iter().zip(&alone_ok).filter(|(_, ok)| !**ok).map(|(t, _)| t).collect();
        let fee: Option<u64> = rest.iter().try_fold(0u64, |a, t| a.checked_add(t.fee?));
        let vsize: u64 = rest.iter().map(|t| t.vsize).sum();
        if let (Some(fee), false) = (fee, rest.is_empty()) {
            let need = fee_at(rate, vsize);
            if fee < need {
                c.fail(
                    None,
                    "min relay fee not met",
                    format!(
                        "package fee {fee} < {need} for the {vsize} vB of the {} transaction(s) not accepted alone",
                        rest.len()
                    ),
                    "doc/policy/packages.md (package feerate); validation.cpp CheckFeeRate",
                );
            }
        }
    }
}

/// A transaction as RBF sees it: fee, vsize, and the in-set parents.
#[derive(Clone)]
struct Node {
    fee: u64,
    vsize: u64,
    parents: Vec<usize>,
}

/// Chunks of a small set by repeatedly taking the best ancestor set (a valid linearization),
/// then merging chunks whose feerate rises: the feerate diagram's segments `(fee, vsize)`.
fn chunks(nodes: &[Node]) -> Vec<(u64, u64)> {
    let mut left: BTreeSet<usize> = (0..nodes.len()).collect();
    let mut out: Vec<(u64, u64)> = Vec::new();
    while !left.is_empty() {
        let mut best: Option<(BTreeSet<usize>, u64, u64)> = None;
        for &k in &left {
            let mut anc = BTreeSet::new();
            let mut stack = vec![k];
            while let Some(x) = stack.pop() {
                if left.contains(&x) && anc.insert(x) {
                    if let Some(nd) = nodes.get(x) {
                        stack.extend(nd.parents.iter().copied());
                    }
                }
            }
            let fee: u64 = anc.iter().filter_map(|&x| nodes.get(x)).map(|n| n.fee).sum();
            let size: u64 = anc.iter().filter_map(|&x| nodes.get(x)).map(|n| n.vsize).sum();
            let better = best.as_ref().is_none_or(|(_, bf, bs)| {
                u128::from(fee) * u128::from(*bs) > u128::from(*bf) * u128::from(size)
            });
            if better {
                best = Some((anc, fee, size));
            }
        }
        let Some((set, fee, size)) = best else { break };
        for x in &set {
            left.remove(x);
        }
        out.push((fee, size));
        while out.len() >= 2 {
            let (Some(&(f2, s2)), Some(&(f1, s1))) = (out.last(), out.get(out.len() - 2)) else {
                break;
            };
            if u128::from(f2) * u128::from(s1) > u128::from(f1) * u128::from(s2) {
                out.pop();
                out.pop();
                out.push((f1 + f2, s1 + s2));
            } else {
                break;
            }
        }
    }
    out
}

/// Whether diagram `new` is at least `old` everywhere and better somewhere.
fn improves(new: &[(u64, u64)], old: &[(u64, u64)]) -> bool {
    fn points(d: &[(u64, u64)]) -> Vec<(f64, f64)> {
        let mut p = vec![(0.0, 0.0)];
        let (mut x, mut y) = (0.0, 0.0);
        for &(f, s) in d {
            x += s as f64;
            y += f as f64;
            p.push((x, y));
        }
        p
    }
    fn at(p: &[(f64, f64)], x: f64) -> f64 {
        for w in p.windows(2) {
            if let [(x0, y0), (x1, y1)] = w {
                if x <= *x1 {
                    return if x1 > x0 { y0 + (y1 - y0) * (x - x0) / (x1 - x0) } else { *y1 };
                }
            }
        }
        p.last().map_or(0.0, |l| l.1)
    }
    let (pn, po) = (points(new), points(old));
    let mut better = false;
    for x in pn.iter().chain(po.iter()).map(|q| q.0) {
        let (a, b) = (at(&pn, x), at(&po, x));
        if a + 1e-9 < b {
            return false;
        }
        if a > b + 1e-9 {
            better = true;
        }
    }
    better
}

fn replacements(c: &mut Checker<'_>) {
    let n = c.world.package.len();
    let pkg = c.world.package;
    let mut direct: Vec<BTreeSet<usize>> =
        pkg.iter().map(|t| c.world.direct_conflicts(t)).collect();
    let mut sibling = false;
    if n == 1 {
        if let (Some(tx), Some(d)) = (pkg.first(), direct.first_mut()) {
            if let Some(s) = sibling_to_evict(c, tx) {
                d.insert(s);
                sibling = true;
            }
        }
    }
    let all_direct: BTreeSet<usize> = direct.iter().flatten().copied().collect();
    if all_direct.is_empty() {
        return;
    }
    let suffix = if sibling { " (including sibling eviction)" } else { "" };
    // Core 28 with -mempoolfullrbf=0: only BIP 125 signalling or TRUC txs can be replaced.
    if c.policy.core == CoreVersion::V28 && !c.policy.full_rbf {
        for &m in &all_direct {
            let Some(t) = c.world.ctx.mempool.get(m) else { continue };
            let signals = t.input.iter().any(|i| i.sequence.0 < 0xffff_fffe);
            if !signals && t.version.0 != TRUC_VERSION && !sibling {
                c.fail(
                    Some(n - 1),
                    "txn-mempool-conflict",
                    format!("{} does not signal BIP 125 and is not TRUC", mempool_id(t)),
                    "BIP 125; validation.cpp PreChecks (-mempoolfullrbf=0)",
                );
                return;
            }
        }
    }
    let all = c.world.with_descendants(&all_direct);
    let mem = &c.world.ctx.mempool;
    let orig_nodes: Option<Vec<Node>> = all
        .iter()
        .map(|&m| {
            let t = mem.get(m)?;
            let fee = c.world.fee(t)?;
            let (_, _, vsize) = c.world.sizes(t);
            let parents = t
                .input
                .iter()
                .filter_map(|i| c.world.mem_index.get(&i.previous_output.txid))
                .filter_map(|p| all.iter().position(|x| x == p))
                .collect();
            Some(Node { fee, vsize, parents })
        })
        .collect();
    let Some(orig_nodes) = orig_nodes else {
        c.skip(
            "a replaced mempool tx has unknown prevouts (--prevout): RBF fee rules skipped".into(),
        );
        return;
    };
    let orig_fee: u64 = orig_nodes.iter().map(|x| x.fee).sum();
    let new_nodes: Option<Vec<Node>> = c
        .report
        .txs
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let tx = pkg.get(i)?;
            let parents = tx
                .input
                .iter()
                .filter_map(|inp| c.world.pkg_index.get(&inp.previous_output.txid).copied())
                .collect();
            Some(Node { fee: t.fee?, vsize: t.vsize, parents })
        })
        .collect();
    let Some(new_nodes) = new_nodes else {
        c.skip("replacement fee unknown: RBF fee rules skipped".into());
        return;
    };
    let new_fee: u64 = new_nodes.iter().map(|x| x.fee).sum();
    let new_vsize: u64 = new_nodes.iter().map(|x| x.vsize).sum();
    let incremental = fee_at(c.policy.incremental_relay_feerate, new_vsize);
    let diagram_ok = improves(&chunks(&new_nodes), &chunks(&orig_nodes));
    if n == 1 {
        let me = c.report.txs.first().map(|t| t.txid.to_string()).unwrap_or_default();
        let (Some(tx), Some(newn)) = (pkg.first(), new_nodes.first()) else { return };
        if c.policy.core < CoreVersion::V31 {
            // Rule 6: a higher feerate than each direct conflict (CFeeRate, sat/kvB truncated).
            let rate =
                |f: u64, s: u64| if s == 0 { 0 } else { u128::from(f) * 1000 / u128::from(s) };
            let new_rate = rate(newn.fee, newn.vsize);
            for &m in &all_direct {
                let Some(pos) = all.iter().position(|x| *x == m) else { continue };
                let Some(o) = orig_nodes.get(pos) else { continue };
                let old_rate = rate(o.fee, o.vsize);
                if new_rate <= old_rate {
                    c.fail(
                        Some(0),
                        format!("insufficient fee{suffix}"),
                        format!("rejecting replacement {me}; new feerate {new_rate} sat/kvB <= old feerate {old_rate} sat/kvB"),
                        "BIP 125 rule 6; policy/rbf.cpp PaysMoreThanConflicts",
                    );
                    return;
                }
            }
        }
        if all.len() > MAX_REPLACEMENT_CANDIDATES {
            c.fail(
                Some(0),
                format!("too many potential replacements{suffix}"),
                format!(
                    "rejecting replacement {me}; too many potential replacements ({} > 100)",
                    all.len()
                ),
                "BIP 125 rule 5; policy/rbf.cpp GetEntriesForConflicts",
            );
            return;
        }
        if c.policy.core < CoreVersion::V31 {
            // Rule 2: no unconfirmed input that the replaced txs did not already spend from.
            let parents_of_conflicts: HashSet<Txid> = all
                .iter()
                .filter_map(|&m| mem.get(m))
                .flat_map(|t| t.input.iter().map(|i| i.previous_output.txid))
                .collect();
            for (k, inp) in tx.input.iter().enumerate() {
                let txid = inp.previous_output.txid;
                if c.world.mem_index.contains_key(&txid) && !parents_of_conflicts.contains(&txid) {
                    c.fail(
                        Some(0),
                        "replacement-adds-unconfirmed",
                        format!("replacement {me} adds unconfirmed input, idx {k}"),
                        "BIP 125 rule 2; policy/rbf.cpp HasNoNewUnconfirmed (Core ≤ 30)",
                    );
                    return;
                }
            }
        }
        if new_fee < orig_fee {
            c.fail(
                Some(0),
                format!("insufficient fee{suffix}"),
                format!("rejecting replacement {me}, less fees than conflicting txs; {new_fee} < {orig_fee} sat"),
                "BIP 125 rule 3; policy/rbf.cpp PaysForRBF",
            );
            return;
        }
        if new_fee - orig_fee < incremental {
            c.fail(
                Some(0),
                format!("insufficient fee{suffix}"),
                format!(
                    "rejecting replacement {me}, not enough additional fees to relay; {} < {incremental} sat",
                    new_fee - orig_fee
                ),
                "BIP 125 rule 4; policy/rbf.cpp PaysForRBF (-incrementalrelayfee)",
            );
            return;
        }
        if c.policy.core >= CoreVersion::V31 && !diagram_ok {
            c.fail(
                Some(0),
                "replacement-failed",
                "insufficient feerate: does not improve feerate diagram".into(),
                "doc/policy/mempool-replacements.md rule 6 (cluster mempool, Core 31)",
            );
        }
        return;
    }
    // Package RBF: one parent, one child, no mempool ancestors.
    let is_1p1c = n == 2
        && pkg.last().is_some_and(|ch| {
            c.world
                .pkg_txids
                .first()
                .is_some_and(|p| ch.input.iter().any(|i| i.previous_output.txid == *p))
        });
    if !is_1p1c {
        c.fail(
            None,
            "package RBF failed: package must be 1-parent-1-child",
            String::new(),
            SRC_PRBF,
        );
        return;
    }
    let mempool_ancestor = pkg
        .iter()
        .any(|t| t.input.iter().any(|i| c.world.mem_index.contains_key(&i.previous_output.txid)));
    if mempool_ancestor {
        c.fail(
            None,
            "package RBF failed: new transaction cannot have mempool ancestors",
            String::new(),
            SRC_PRBF,
        );
        return;
    }
    let child_id = c.report.txs.get(1).map(|t| t.txid.to_string()).unwrap_or_default();
    if all.len() > MAX_REPLACEMENT_CANDIDATES {
        c.fail(
            None,
            "package RBF failed: too many potential replacements",
            format!(
                "rejecting replacement {child_id}; too many potential replacements ({} > 100)",
                all.len()
            ),
            SRC_PRBF,
        );
        return;
    }
    if new_fee < orig_fee || new_fee - orig_fee < incremental {
        let detail = if new_fee < orig_fee {
            format!("rejecting replacement {child_id}, less fees than conflicting txs; {new_fee} < {orig_fee} sat")
        } else {
            format!(
                "rejecting replacement {child_id}, not enough additional fees to relay; {} < {incremental} sat",
                new_fee - orig_fee
            )
        };
        c.fail(None, "package RBF failed: insufficient anti-DoS fees", detail, SRC_PRBF);
        return;
    }
    if let Some(p) = new_nodes.first() {
        // package feerate must beat the parent's own (CFeeRate comparison).
        let pr = u128::from(p.fee) * 1000 / u128::from(p.vsize.max(1));
        let kr = u128::from(new_fee) * 1000 / u128::from(new_vsize.max(1));
        if kr <= pr {
            c.fail(
                None,
                "package RBF failed: package feerate is less than or equal to parent feerate",
                format!("package feerate {kr} sat/kvB <= parent feerate {pr} sat/kvB"),
                SRC_PRBF,
            );
            return;
        }
    }
    if !diagram_ok {
        c.fail(
            None,
            "package RBF failed: insufficient feerate: does not improve feerate diagram",
            String::new(),
            SRC_PRBF,
        );
    }
}
