//! `ln-commit build`: JSON spec (file, '-' or stdin) plus flag overrides in, transactions out.

use std::path::PathBuf;

use anyhow::Context;
use serde_json::{Map, Value};

use crate::common::{self, Common, Out};

/// Build a transaction from a JSON spec and/or flags.
///
/// `kind` is one of funding, commitment, htlc (the HTLC-success/-timeout txs of a commitment),
/// close (`format` legacy or simple), sweep, penalty, or tx (what `inspect --json` prints).
/// Secrets (funding_privkey, *_basepoint_secret, per_commitment_secret, shachain_seed) may sit
/// in the spec's `local`/`remote` objects or in a `--key-file` JSON of the same shape.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// JSON spec: a file, '-' for stdin (stdin is also read when omitted and not a terminal)
    #[arg(long, value_name = "FILE|-")]
    pub spec: Option<String>,
    /// What to build (overrides the spec's `kind`)
    #[arg(long, value_name = "KIND")]
    pub kind: Option<String>,
    /// Channel type: static_remotekey, anchors, zero_fee_commitments
    #[arg(long, value_name = "TYPE")]
    pub channel_type: Option<String>,
    /// feerate_per_kw
    #[arg(long, value_name = "N")]
    pub feerate_per_kw: Option<u64>,
    /// The holder's dust_limit_satoshis (trimming)
    #[arg(long, value_name = "SAT")]
    pub dust_limit_sat: Option<u64>,
    /// Commitment number
    #[arg(long, value_name = "N")]
    pub commitment_number: Option<u64>,
    /// to_local balance in msat (HTLCs excluded)
    #[arg(long, value_name = "MSAT")]
    pub to_local_msat: Option<u64>,
    /// to_remote balance in msat (HTLCs excluded)
    #[arg(long, value_name = "MSAT")]
    pub to_remote_msat: Option<u64>,
    /// Also build the HTLC-success / HTLC-timeout transactions of a commitment
    #[arg(long)]
    pub htlc_txs: bool,
    /// Set any spec field: KEY=JSON (e.g. --set to_self_delay=144, --set holder='"remote"')
    #[arg(long = "set", value_name = "KEY=JSON")]
    pub set: Vec<String>,
    /// JSON file of secrets, merged into the spec [env: LN_COMMIT_SECRETS holds the JSON]
    #[arg(long, value_name = "FILE")]
    pub key_file: Option<PathBuf>,
}

/// Reads a JSON argument: inline JSON, a file, or '-' / stdin. Empty input is `{}`.
pub fn read_json(arg: Option<&str>, what: &str) -> anyhow::Result<Value> {
    let text = match arg {
        Some(s) if s.trim_start().starts_with(['{', '[']) => s.to_string(),
        Some("-") | None => common::read_data(arg, what).or_else(|e| {
            if arg.is_none() {
                Ok(String::new())
            } else {
                Err(e)
            }
        })?,
        Some(path) => {
            let bytes = common::read_file(std::path::Path::new(path))?;
            String::from_utf8(bytes)
                .map_err(|_| lnkit::Error::syntax(format!("{path}: not UTF-8")))?
        }
    };
    if text.trim().is_empty() {
        return Ok(Value::Object(Map::new()));
    }
    serde_json::from_str(&text)
        .map_err(|e| lnkit::Error::syntax(format!("{what}: JSON: {e}").replace('\n', " ")).into())
}

/// Deep-merges `extra` into `base` (objects merge, anything else replaces).
pub fn merge(base: &mut Value, extra: Value) {
    match (base, extra) {
        (Value::Object(b), Value::Object(e)) => {
            for (k, v) in e {
                merge(b.entry(k).or_insert(Value::Null), v);
            }
        }
        (b, e) => *b = e,
    }
}

pub fn run(a: Args, common: &Common) -> anyhow::Result<()> {
    let mut spec = read_json(a.spec.as_deref(), "spec")?;
    if !spec.is_object() {
        return Err(lnkit::Error::syntax("spec must be a JSON object").into());
    }
    let secrets = common::read_secret(a.key_file.as_deref(), "LN_COMMIT_SECRETS", None)?;
    if let Some(s) = secrets {
        let v: Value = serde_json::from_str(&s)
            .map_err(|_| lnkit::Error::syntax("key file: not a JSON object of secrets"))?;
        merge(&mut spec, v);
    }
    let mut set =
        |k: &str, v: Value| merge(&mut spec, Value::Object(Map::from_iter([(k.to_string(), v)])));
    if let Some(k) = a.kind {
        set("kind", Value::String(k));
    }
    if let Some(c) = a.channel_type {
        set("channel_type", Value::String(c));
    }
    for (k, v) in [
        ("feerate_per_kw", a.feerate_per_kw),
        ("dust_limit_sat", a.dust_limit_sat),
        ("commitment_number", a.commitment_number),
        ("to_local_msat", a.to_local_msat),
        ("to_remote_msat", a.to_remote_msat),
    ] {
        if let Some(v) = v {
            set(k, Value::from(v));
        }
    }
    if a.htlc_txs {
        set("htlc_txs", Value::Bool(true));
    }
    for kv in &a.set {
        let Some((k, v)) = kv.split_once('=') else {
            return common::usage(format!("--set {kv:?}: expected KEY=JSON"));
        };
        let v: Value = serde_json::from_str(v).unwrap_or_else(|_| Value::String(v.to_string()));
        set(k, v);
    }
    let built = lnkit::tx::build::build(&spec).context("build")?;
    let mut out = Out::new();
    if common.json {
        let is_htlc_only = spec.get("kind").and_then(Value::as_str) == Some("htlc");
        let v = match built.first() {
            Some(b) if !is_htlc_only => Value::Object(b.report.clone()),
            _ => serde_json::json!({
                "htlc_txs": built.iter().map(|b| Value::Object(b.report.clone())).collect::<Vec<_>>()
            }),
        };
        out.json(&v)?;
    } else {
        for b in &built {
            out.line(&bitcoin::consensus::encode::serialize_hex(&b.tx))?;
        }
    }
    out.flush()?;
    Ok(())
}
