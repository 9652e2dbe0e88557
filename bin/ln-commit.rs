//! ln-commit: the CLI definition and glue; logic lives in `lnkit`.

#[path = "common/mod.rs"]
mod common;

#[path = "commit/build_cmd.rs"]
mod build_cmd;
#[path = "commit/factory_cmd.rs"]
mod factory_cmd;
#[path = "commit/inspect_cmd.rs"]
mod inspect_cmd;
#[path = "commit/keys_cmd.rs"]
mod keys_cmd;
#[path = "commit/recover_cmd.rs"]
mod recover_cmd;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use serde_json::json;

use common::{Common, Out};

/// Build and inspect BOLT 3 Lightning transactions.
#[derive(Parser, Debug)]
#[command(name = "ln-commit", version, arg_required_else_help = true)]
struct Cli {
    #[command(flatten)]
    common: Common,
    #[command(subcommand)]
    cmd: Option<Cmd>,
}

#[derive(Subcommand, Debug)]
enum Cmd {
    /// Per-commitment secrets (shachain), their compact storage, and BOLT 3 key derivation
    Keys(keys_cmd::Args),
    /// Build (and sign, given keys) funding, commitment, HTLC, closing, sweep and penalty txs
    Build(build_cmd::Args),
    /// Decode a transaction: commitment number, output roles, fee, feerate, TRUC
    Inspect(inspect_cmd::Args),
    /// Lay out a SuperScalar / timeout-tree factory: paths, exit sizes and fees, TRUC checks
    Factory(factory_cmd::Args),
    /// Spurious force-close recovery: helper value, and the immediate to_local sweep
    Recover(recover_cmd::Args),
    /// Check a transaction or package (parents first, child last) against Bitcoin Core's relay
    /// policy: standardness, dust and ephemeral dust, TRUC, P2A, package shape and feerate, RBF
    Check(CheckArgs),
    /// Build the CPFP child that spends a commitment's anchor so the package reaches a feerate
    Cpfp(CpfpArgs),
}

fn main() -> ExitCode {
    common::main_with(|| {
        let cli = Cli::parse();
        if common::generate::<Cli>(&cli.common)? {
            return Ok(());
        }
        match cli.cmd {
            Some(Cmd::Keys(a)) => keys_cmd::run(a, &cli.common),
            Some(Cmd::Build(a)) => build_cmd::run(a, &cli.common),
            Some(Cmd::Inspect(a)) => inspect_cmd::run(&a, &cli.common),
            Some(Cmd::Factory(a)) => factory_cmd::run(&a, &cli.common),
            Some(Cmd::Recover(a)) => recover_cmd::run(a, &cli.common),
            Some(Cmd::Check(a)) => check::run(&a),
            Some(Cmd::Cpfp(a)) => cpfp::run(&a, &cli.common),
            None => common::usage("a subcommand is required (see --help)"),
        }
    })
}

#[derive(Args, Debug)]
struct CheckArgs {
    /// Raw transaction hex; several (parents first, child last) as separate arguments, or one
    /// JSON list of hex strings; '-' or omitted reads stdin
    package: Vec<String>,
    /// Bitcoin Core release whose default policy applies: 28, 29, 29.1, 30 or 31
    #[arg(long, default_value = "29", value_name = "VERSION")]
    core: String,
    /// A confirmed coin the package spends: txid:vout=amount_sat:script_hex[@height] (repeatable)
    #[arg(long = "prevout", value_name = "SPEC")]
    prevouts: Vec<String>,
    /// A transaction already in the mempool (hex, repeatable): an unconfirmed parent of the
    /// package, or one it replaces or evicts
    #[arg(long = "mempool", visible_alias = "replaces", value_name = "HEX")]
    mempool: Vec<String>,
    /// -minrelaytxfee in sat/vB (default: the release's)
    #[arg(long, value_name = "SAT_PER_VB")]
    min_relay_fee: Option<String>,
    /// -incrementalrelayfee in sat/vB (default: the release's)
    #[arg(long, value_name = "SAT_PER_VB")]
    incremental_relay_fee: Option<String>,
    /// -dustrelayfee in sat/vB (default 3)
    #[arg(long, value_name = "SAT_PER_VB")]
    dust_relay_fee: Option<String>,
    /// -datacarriersize in bytes (default: 83 before 30, 100000 from 30)
    #[arg(long, value_name = "BYTES")]
    datacarrier_size: Option<u64>,
    /// -datacarrier=0: no OP_RETURN output is standard
    #[arg(long)]
    no_datacarrier: bool,
    /// -permitbaremultisig=0
    #[arg(long)]
    reject_bare_multisig: bool,
    /// -mempoolfullrbf=0 (Core 28 only): only BIP 125-signalling or TRUC txs can be replaced
    #[arg(long)]
    no_full_rbf: bool,
    /// Chain tip height, for locktime and BIP 68 checks
    #[arg(long, value_name = "HEIGHT")]
    height: Option<u32>,
    /// Median time past of the tip, for time locktimes
    #[arg(long, value_name = "UNIX_TIME")]
    mtp: Option<u32>,
    /// Skip libbitcoinconsensus script verification
    #[arg(long)]
    no_script_check: bool,
}

mod check {
    use super::{common, json, CheckArgs, Out};
    use lnkit::policy::{self, Context, CoreVersion, Policy};

    pub fn policy_from(a: &CheckArgs) -> anyhow::Result<Policy> {
        let core: CoreVersion =
            a.core.parse().map_err(|e: lnkit::Error| common::Usage(e.to_string()))?;
        let mut p = Policy::new(core);
        let rate = |s: &Option<String>, what: &str| -> anyhow::Result<Option<u64>> {
            s.as_deref()
                .map(|v| {
                    policy::parse_feerate(v)
                        .map_err(|e| common::Usage(format!("{what}: {e}")).into())
                })
                .transpose()
        };
        if let Some(r) = rate(&a.min_relay_fee, "--min-relay-fee")? {
            p.min_relay_feerate = r;
        }
        if let Some(r) = rate(&a.incremental_relay_fee, "--incremental-relay-fee")? {
            p.incremental_relay_feerate = r;
        }
        if let Some(r) = rate(&a.dust_relay_fee, "--dust-relay-fee")? {
            p.dust_relay_feerate = r;
        }
        if let Some(d) = a.datacarrier_size {
            p.max_datacarrier_bytes = Some(d);
        }
        if a.no_datacarrier {
            p.max_datacarrier_bytes = None;
        }
        if a.no_full_rbf {
            if core != CoreVersion::V28 {
                return common::usage("--no-full-rbf exists only with --core 28");
            }
            p.full_rbf = false;
        }
        p.permit_bare_multisig = !a.reject_bare_multisig;
        p.tip_height = a.height;
        p.tip_mtp = a.mtp;
        p.verify_scripts = !a.no_script_check;
        Ok(p)
    }

    pub fn run(a: &CheckArgs) -> anyhow::Result<()> {
        let policy = policy_from(a)?;
        let joined = a.package.join(" ");
        let arg = (!a.package.is_empty()).then_some(joined.as_str());
        let text = common::read_data(arg, "transaction or package")?;
        let package = policy::parse_package(&text)?;
        let mut ctx = Context::default();
        for p in &a.prevouts {
            let (op, out, height) = policy::parse_prevout(p)?;
            ctx.add_coin(op, out, height);
        }
        for (i, m) in a.mempool.iter().enumerate() {
            let bytes = common::hex_arg(m)?;
            let tx = policy::decode_tx(&bytes).map_err(|e| e.within(format!("--mempool {i}")))?;
            ctx.mempool.push(tx);
        }
        let report = policy::check(&policy, &package, &ctx);
        let mut out = Out::new();
        let mut v = report.to_json();
        if let Some(o) = v.as_object_mut() {
            o.insert(
                "policy".into(),
                json!({
                    "min_relay_fee_sat_per_kvb": policy.min_relay_feerate,
                    "incremental_relay_fee_sat_per_kvb": policy.incremental_relay_feerate,
                    "dust_relay_fee_sat_per_kvb": policy.dust_relay_feerate,
                    "datacarrier_size": policy.max_datacarrier_bytes,
                    "permit_bare_multisig": policy.permit_bare_multisig,
                }),
            );
        }
        out.json(&v)?;
        out.flush()?;
        if report.passed() {
            Ok(())
        } else {
            Err(common::ChecksFailed.into())
        }
    }
}

#[derive(Args, Debug)]
struct CpfpArgs {
    /// The parent (commitment) transaction hex; '-' or omitted reads stdin
    parent: Option<String>,
    /// Target package feerate (parent + child) in sat/vB, e.g. 5 or 2.5
    #[arg(long, value_name = "SAT_PER_VB")]
    feerate: String,
    /// A wallet coin: txid:vout:amount_sat:script_hex (P2WPKH or P2TR; repeatable)
    #[arg(long = "utxo", value_name = "SPEC")]
    utxos: Vec<String>,
    /// Wallet private keys (hex or WIF), one per line [env: LN_COMMIT_WALLET_KEYS, comma separated]
    #[arg(long, value_name = "FILE")]
    key_file: Option<PathBuf>,
    /// A wallet private key on the command line (hex or WIF; prefer --key-file; repeatable)
    #[arg(long = "key", value_name = "KEY")]
    keys: Vec<String>,
    /// Spend the keyed `option_anchors` anchor of this funding key instead of the P2A; without a
    /// value the key comes from --anchor-key-file or LN_COMMIT_ANCHOR_KEY
    #[arg(long, value_name = "KEY", num_args = 0..=1, default_missing_value = "")]
    anchor_key: Option<String>,
    /// File holding the anchor funding key (hex or WIF)
    #[arg(long, value_name = "FILE")]
    anchor_key_file: Option<PathBuf>,
    /// The parent's own fee in sat (default: from --prevout of its inputs, else 0)
    #[arg(long, value_name = "SAT")]
    parent_fee: Option<u64>,
    /// A coin the parent spends, to compute its fee: txid:vout=amount_sat:script_hex
    #[arg(long = "prevout", value_name = "SPEC")]
    prevouts: Vec<String>,
    /// Change scriptPubKey hex (default: the script of the first wallet coin used)
    #[arg(long, value_name = "HEX", conflicts_with = "change_address")]
    change_script: Option<String>,
    /// Change address (checked against --network)
    #[arg(long, value_name = "ADDRESS")]
    change_address: Option<String>,
    /// -dustrelayfee for the change output, in sat/vB
    #[arg(long, value_name = "SAT_PER_VB", default_value = "3")]
    dust_relay_fee: String,
    /// Print an unsigned PSBT (base64) for the wallet inputs instead of a signed transaction
    #[arg(long)]
    psbt: bool,
}

mod cpfp {
    use super::{common, json, CpfpArgs, Out};
    use anyhow::Context as _;
    use bitcoin::secp256k1::{PublicKey, Secp256k1, SecretKey};
    use bitcoin::{Amount, OutPoint, ScriptBuf, TxOut};
    use lnkit::policy::cpfp::{self, Anchor, CpfpRequest, WalletUtxo};
    use lnkit::policy::{self, feerate_string};
    use std::io::Write as _;
    use std::str::FromStr;

    fn parse_key(s: &str) -> anyhow::Result<SecretKey> {
        let s = s.trim();
        if let Ok(k) = bitcoin::PrivateKey::from_wif(s) {
            return Ok(k.inner);
        }
        let b = common::hex_arg(s).context("a key is neither WIF nor hex")?;
        SecretKey::from_slice(&b)
            .map_err(|_| common::Usage("a key is not a valid secret key".into()).into())
    }

    fn parse_utxo(s: &str) -> anyhow::Result<(OutPoint, TxOut)> {
        let bad =
            || common::Usage(format!("--utxo {s:?}: expected txid:vout:amount_sat:script_hex"));
        let mut it = s.trim().splitn(4, ':');
        let (Some(txid), Some(vout), Some(amount), Some(script)) =
            (it.next(), it.next(), it.next(), it.next())
        else {
            return Err(bad().into());
        };
        let op = OutPoint::from_str(&format!("{txid}:{vout}")).map_err(|_| bad())?;
        let value: u64 = amount.parse().map_err(|_| bad())?;
        let spk = ScriptBuf::from_bytes(common::hex_arg(script)?);
        Ok((op, TxOut { value: Amount::from_sat(value), script_pubkey: spk }))
    }

    pub fn run(a: &CpfpArgs, com: &common::Common) -> anyhow::Result<()> {
        let as_json = com.json;
        let target = policy::parse_feerate(&a.feerate)
            .map_err(|e| common::Usage(format!("--feerate: {e}")))?;
        let dust = policy::parse_feerate(&a.dust_relay_fee)
            .map_err(|e| common::Usage(format!("--dust-relay-fee: {e}")))?;
        let text = common::read_data(a.parent.as_deref(), "parent transaction")?;
        let parent = policy::decode_tx(&common::hex_arg(&text)?).map_err(|e| e.within("parent"))?;

        let mut keys: Vec<SecretKey> = Vec::new();
        if let Some(all) =
            common::read_secret(a.key_file.as_deref(), "LN_COMMIT_WALLET_KEYS", None)?
        {
            for k in all.split(|c: char| c == ',' || c.is_whitespace()).filter(|k| !k.is_empty()) {
                keys.push(parse_key(k)?);
            }
        }
        for k in &a.keys {
            keys.push(parse_key(k)?);
        }
        let secp = Secp256k1::new();
        let script_of = |k: &SecretKey| {
            let pk = PublicKey::from_secret_key(&secp, k);
            (
                ScriptBuf::new_p2wpkh(&bitcoin::CompressedPublicKey(pk).wpubkey_hash()),
                ScriptBuf::new_p2tr(&secp, pk.x_only_public_key().0, None),
            )
        };
        let mut utxos = Vec::new();
        for u in &a.utxos {
            let (outpoint, txout) = parse_utxo(u)?;
            let key = keys.iter().find(|k| {
                let (w, t) = script_of(k);
                txout.script_pubkey == w || txout.script_pubkey == t
            });
            utxos.push(WalletUtxo { outpoint, txout, key: key.copied() });
        }
        let anchor = match &a.anchor_key {
            None => Anchor::P2a,
            Some(inline) => {
                let inline = (!inline.is_empty()).then_some(inline.as_str());
                let Some(k) = common::read_secret(
                    a.anchor_key_file.as_deref(),
                    "LN_COMMIT_ANCHOR_KEY",
                    inline,
                )?
                else {
                    return common::usage("--anchor-key needs a key (value, --anchor-key-file or LN_COMMIT_ANCHOR_KEY)");
                };
                Anchor::Keyed(parse_key(&k)?)
            }
        };
        let change_script = match (&a.change_script, &a.change_address) {
            (Some(h), _) => Some(ScriptBuf::from_bytes(common::hex_arg(h)?)),
            (None, Some(addr)) => {
                let network = com.network()?;
                let ad = bitcoin::Address::from_str(addr)
                    .map_err(|e| common::Usage(format!("--change-address: {e}")))?
                    .require_network(network)
                    .map_err(|e| common::Usage(format!("--change-address: {e}")))?;
                Some(ad.script_pubkey())
            }
            (None, None) => None,
        };
        let parent_fee = match a.parent_fee {
            Some(f) => f,
            None if !a.prevouts.is_empty() => {
                let mut total_in = 0u64;
                for p in &a.prevouts {
                    let (op, out, _) = policy::parse_prevout(p)?;
                    if !parent.input.iter().any(|i| i.previous_output == op) {
                        return common::usage(format!(
                            "--prevout {op} is not an input of the parent"
                        ));
                    }
                    total_in = total_in.saturating_add(out.value.to_sat());
                }
                let out: u64 = parent.output.iter().map(|o| o.value.to_sat()).sum();
                total_in.checked_sub(out).ok_or_else(|| {
                    lnkit::Error::invalid("parent outputs exceed its given inputs")
                })?
            }
            None => 0,
        };
        let req = CpfpRequest {
            parent: parent.clone(),
            parent_fee,
            anchor,
            utxos,
            target_feerate: target,
            change_script,
            dust_relay_feerate: dust,
            sign: !a.psbt,
        };
        let plan = cpfp::build(&req)?;
        let child_vsize = if a.psbt { plan.child_vsize } else { plan.child.vsize() as u64 };
        let package_vsize = plan.parent_vsize + child_vsize;
        let package_fee = plan.package_fee(parent_fee);
        let kvb = |fee: u64, vs: u64| fee.saturating_mul(1000).checked_div(vs).unwrap_or(0);
        let child_hex = bitcoin::consensus::encode::serialize_hex(&plan.child);
        let psbt = plan.psbt.as_ref().map(|p| cpfp::base64(&p.serialize()));
        let mut out = Out::new();
        if as_json {
            out.json(&json!({
                "parent_txid": parent.compute_txid().to_string(),
                "anchor": {
                    "kind": if matches!(req.anchor, Anchor::P2a) { "p2a" } else { "keyed" },
                    "vout": plan.anchor_vout,
                    "value_sat": plan.anchor_value,
                },
                "child_txid": plan.child.compute_txid().to_string(),
                "child_hex": if a.psbt { None } else { Some(&child_hex) },
                "psbt": psbt,
                "wallet_inputs": plan.wallet_inputs,
                "change_sat": plan.change,
                "parent_fee_sat": parent_fee,
                "parent_vsize": plan.parent_vsize,
                "child_fee_sat": plan.child_fee,
                "child_vsize": child_vsize,
                "child_vsize_estimate": plan.child_vsize,
                "child_feerate_sat_per_vb": feerate_string(kvb(plan.child_fee, child_vsize)),
                "package_fee_sat": package_fee,
                "package_vsize": package_vsize,
                "package_feerate_sat_per_vb": feerate_string(kvb(package_fee, package_vsize)),
                "target_feerate_sat_per_vb": feerate_string(target),
            }))?;
        } else {
            out.line(psbt.as_deref().unwrap_or(&child_hex))?;
            // A human summary on stderr; the result alone on stdout.
            let _ = writeln!(std::io::stderr().lock(), "{}", format_args!(
                "package {package_vsize} vB, fee {package_fee} sat ({} sat/vB); child {child_vsize} vB, fee {} sat ({} sat/vB)",
                feerate_string(kvb(package_fee, package_vsize)),
                plan.child_fee,
                feerate_string(kvb(plan.child_fee, child_vsize)),
            ));
        }
        out.flush()?;
        Ok(())
    }
}
