//! `ln-commit recover`: spurious force-close recovery through the revocation path.
#![allow(clippy::many_single_char_names)]

use std::path::PathBuf;

use bitcoin::secp256k1::{PublicKey, SecretKey};
use lnkit::tx::{build, json, recover, Commitment};
use serde_json::{json as j, Value};

use crate::build_cmd::{merge, read_json};
use crate::common::{self, Common, Out};

#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(subcommand)]
    pub cmd: RecoverCmd,
}

#[derive(clap::Subcommand, Debug)]
pub enum RecoverCmd {
    /// The honest peer: the helper value for the closer's confirmed commitment
    Helper {
        /// The closer's per_commitment_point of the confirmed commitment
        #[arg(long, value_name = "HEX")]
        per_commitment_point: PublicKey,
        /// JSON file with revocation_basepoint_secret [env: LN_COMMIT_SECRETS]
        #[arg(long, value_name = "FILE")]
        key_file: Option<PathBuf>,
    },
    /// The closer: sweep its to_local at once with the helper value (refused with pending HTLCs)
    Sweep {
        /// The closer's commitment spec (holder = the closer); file, '-' or stdin
        #[arg(long, value_name = "FILE|-")]
        spec: Option<String>,
        /// JSON file merged into the spec; may hold "helper" [env: LN_COMMIT_SECRETS]
        #[arg(long, value_name = "FILE")]
        key_file: Option<PathBuf>,
        /// Destination scriptPubKey (hex)
        #[arg(long, value_name = "HEX")]
        destination: String,
        /// feerate_per_kw of the sweep
        #[arg(long, default_value_t = 1000, value_name = "N")]
        feerate_per_kw: u32,
    },
}

fn secrets(key_file: Option<&std::path::Path>) -> anyhow::Result<Value> {
    Ok(match common::read_secret(key_file, "LN_COMMIT_SECRETS", None)? {
        Some(s) => {
            serde_json::from_str(&s).map_err(|_| lnkit::Error::syntax("key file: not JSON"))?
        }
        None => j!({}),
    })
}

fn secret_field(v: &Value, key: &str) -> anyhow::Result<SecretKey> {
    let s = v
        .get(key)
        .and_then(Value::as_str)
        .ok_or_else(|| lnkit::Error::invalid(format!("{key} missing from the key file")))?;
    Ok(SecretKey::from_slice(&common::hex_arg(s)?)
        .map_err(|_| lnkit::Error::invalid(format!("{key}: not a secret key")))?)
}

pub fn run(a: Args, common: &Common) -> anyhow::Result<()> {
    let mut out = Out::new();
    match a.cmd {
        RecoverCmd::Helper { per_commitment_point, key_file } => {
            let s = secrets(key_file.as_deref())?;
            let rb = secret_field(&s, "revocation_basepoint_secret")?;
            let k = recover::helper_value(&rb, &per_commitment_point)?;
            out.json(&j!({
                "helper": hex::encode(k.secret_bytes()),
                "per_commitment_point": per_commitment_point.to_string(),
                "revocation_basepoint": PublicKey::from_secret_key(lnkit::crypto::keys::secp(), &rb).to_string(),
            }))?;
        }
        RecoverCmd::Sweep { spec, key_file, destination, feerate_per_kw } => {
            let mut v = read_json(spec.as_deref(), "spec")?;
            let s = secrets(key_file.as_deref())?;
            let helper = secret_field(&s, "helper")?;
            merge(&mut v, s);
            let p = json::commitment(&v)?;
            let secret = p.per_commitment_secret.ok_or_else(|| {
                lnkit::Error::invalid(
                    "the closer's per_commitment_secret (or shachain_seed) is needed",
                )
            })?;
            let rb = p.counterparty.map(|c| c.basepoints.revocation).ok_or_else(|| {
                lnkit::Error::invalid("the peer's revocation_basepoint is needed")
            })?;
            let com = Commitment::build(p.spec.clone())?;
            let dest = bitcoin::ScriptBuf::from_bytes(common::hex_arg(&destination)?);
            let sw = recover::recovery_sweep(&com, &helper, &secret, &rb, dest, feerate_per_kw)?;
            if common.json {
                let mut r = build::sweep_report("recovery_sweep", &sw);
                r.insert("commitment_txid".into(), j!(com.txid().to_string()));
                out.json(&Value::Object(r))?;
            } else {
                out.line(&bitcoin::consensus::encode::serialize_hex(&sw.tx))?;
            }
        }
    }
    out.flush()?;
    Ok(())
}
