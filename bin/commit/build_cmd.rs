//! `ln-commit build`: JSON spec (file, '-' or stdin) plus flag overrides in, transactions out.

use std::path::{Path, PathBuf};

use anyhow::Context;
use bitcoin::hashes::{sha256, Hash};
use serde_json::{Map, Value};

use crate::common::{self, Common, Out};

/// Build a transaction from a JSON spec and/or flags.
///
/// `kind` is one of funding, commitment, htlc (the HTLC-success/-timeout txs of a commitment),
/// close (`format` legacy or simple), sweep, penalty, or tx (what `inspect --json` prints).
/// Secrets (funding_privkey, *_basepoint_secret, per_commitment_secret, shachain_seed,
/// musig2_secnonce) may sit in the spec's `local`/`remote` objects or in a `--key-file` JSON of
/// the same shape.
///
/// simple_taproot commitments are MuSig2-signed when both sides' public nonces are known and
/// each side gives a secret nonce with its funding key or a partial signature; every secret
/// nonce used is recorded under --state-dir (shared with `ln-ptlc musig2`) and refused for any
/// other signing session.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// JSON spec: a file, '-' for stdin (stdin is also read when omitted and not a terminal)
    #[arg(long, value_name = "FILE|-")]
    pub spec: Option<String>,
    /// What to build (overrides the spec's `kind`)
    #[arg(long, value_name = "KIND")]
    pub kind: Option<String>,
    /// Channel type: static_remotekey, anchors, zero_fee_commitments, simple_taproot
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
    /// simple_taproot: the `local` side's MuSig2 public nonce (66-byte hex)
    #[arg(long, value_name = "HEX")]
    pub local_pubnonce: Option<String>,
    /// simple_taproot: the `remote` side's MuSig2 public nonce (66-byte hex)
    #[arg(long, value_name = "HEX")]
    pub remote_pubnonce: Option<String>,
    /// simple_taproot: the `remote` side's MuSig2 partial signature (32-byte hex), in place of
    /// its funding key and secret nonce
    #[arg(long, value_name = "HEX")]
    pub remote_partial_sig: Option<String>,
    /// Directory of the used-nonce records [default: $XDG_STATE_HOME/lnkit, else
    /// ~/.local/state/lnkit]
    #[arg(long, value_name = "DIR")]
    pub state_dir: Option<PathBuf>,
}

fn state_dir(given: Option<&Path>) -> anyhow::Result<PathBuf> {
    if let Some(d) = given {
        return Ok(d.to_path_buf());
    }
    if let Some(x) = std::env::var_os("XDG_STATE_HOME").filter(|v| !v.is_empty()) {
        return Ok(PathBuf::from(x).join("lnkit"));
    }
    match std::env::var_os("HOME").filter(|v| !v.is_empty()) {
        Some(h) => Ok(PathBuf::from(h).join(".local/state/lnkit")),
        None => common::usage("no state directory: set --state-dir, XDG_STATE_HOME or HOME"),
    }
}

/// Records that `pubnonce` signs the session `digest` (one file per nonce, created
/// exclusively, the layout `ln-ptlc musig2 sign` uses). The same session again is allowed (it
/// yields the same partial signature); any other use of the nonce is refused.
fn record_nonce(
    dir: &Path,
    pubnonce: &lnkit::crypto::musig2::PubNonce,
    digest: &[u8; 32],
) -> lnkit::Result<()> {
    use std::io::Write as _;
    use std::os::unix::fs::OpenOptionsExt as _;
    let io = |e: std::io::Error, p: &Path| lnkit::Error::io(format!("{}: {e}", p.display()));
    let used = dir.join("used-nonces");
    std::fs::create_dir_all(&used).map_err(|e| io(e, &used))?;
    let path = used.join(sha256::Hash::hash(&pubnonce.to_bytes()).to_string());
    let line = format!("{} session {}\n", hex::encode(pubnonce.to_bytes()), hex::encode(digest));
    match std::fs::OpenOptions::new().write(true).create_new(true).mode(0o600).open(&path) {
        Ok(mut f) => {
            f.write_all(line.as_bytes()).and_then(|()| f.sync_all()).map_err(|e| io(e, &path))?;
            std::fs::File::open(&used).and_then(|d| d.sync_all()).ok();
            Ok(())
        }
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            let before = std::fs::read(&path).map_err(|e| io(e, &path))?;
            if before == line.as_bytes() {
                Ok(())
            } else {
                Err(lnkit::Error::rule(format!(
                    "secret nonce already used for another signature (recorded in {}); signing again would leak the funding key",
                    path.display()
                )))
            }
        }
        Err(e) => Err(io(e, &path)),
    }
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
    for (side, key, v) in [
        ("local", "musig2_pubnonce", &a.local_pubnonce),
        ("remote", "musig2_pubnonce", &a.remote_pubnonce),
        ("remote", "musig2_partial_sig", &a.remote_partial_sig),
    ] {
        if let Some(v) = v {
            set(side, serde_json::json!({ key: v }));
        }
    }
    for kv in &a.set {
        let Some((k, v)) = kv.split_once('=') else {
            return common::usage(format!("--set {kv:?}: expected KEY=JSON"));
        };
        let v: Value = serde_json::from_str(v).unwrap_or_else(|_| Value::String(v.to_string()));
        set(k, v);
    }
    // The state directory is looked up only when a secret nonce is about to sign.
    let given_dir = a.state_dir.as_deref();
    let built = lnkit::tx::build::build_with(&spec, &mut |nonce, digest| {
        let dir = state_dir(given_dir).map_err(|e| lnkit::Error::invalid(e.to_string()))?;
        record_nonce(&dir, nonce, digest)
    })
    .context("build")?;
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
