//! `ln-commit keys`: shachain secrets, their compact store, and BOLT 3 key derivation.

use std::path::PathBuf;

use bitcoin::secp256k1::{PublicKey, SecretKey};
use lnkit::crypto::{keys, shachain};
use serde_json::{json, Value};

use crate::build_cmd::read_json;
use crate::common::{self, Common, Out};

#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(subcommand)]
    pub cmd: KeysCmd,
}

#[derive(clap::Subcommand, Debug)]
pub enum KeysCmd {
    /// Per-commitment secrets and points from a 32-byte seed (generate_from_seed)
    Shachain {
        /// File holding the seed as hex [env: LN_COMMIT_SEED]
        #[arg(long, value_name = "FILE")]
        key_file: Option<PathBuf>,
        /// The seed as hex (prefer --key-file or LN_COMMIT_SEED)
        #[arg(long, value_name = "HEX")]
        seed: Option<String>,
        /// First commitment number
        #[arg(long, default_value_t = 0, value_name = "N")]
        from: u64,
        /// How many secrets (at most 10000)
        #[arg(long, default_value_t = 1, value_name = "K")]
        count: u64,
    },
    /// Insert revealed secrets into the compact store, checking each derives the earlier ones
    Store {
        /// JSON array of {"index"|"commitment_number", "secret"} in reveal order: file, '-' or stdin
        input: Option<String>,
    },
    /// Derive per-commitment keys: pubkey/privkey from a basepoint, revocation pubkey/privkey
    Derive {
        /// The basepoint (payment, delayed_payment, htlc or revocation)
        #[arg(long, value_name = "HEX")]
        basepoint: Option<PublicKey>,
        /// The per-commitment point
        #[arg(long, value_name = "HEX")]
        per_commitment_point: Option<PublicKey>,
        /// JSON file with basepoint_secret and/or per_commitment_secret [env: LN_COMMIT_SECRETS]
        #[arg(long, value_name = "FILE")]
        key_file: Option<PathBuf>,
    },
}

fn secret_hex(s: &str, what: &str) -> anyhow::Result<SecretKey> {
    let b = common::hex_arg(s)?;
    Ok(SecretKey::from_slice(&b)
        .map_err(|_| lnkit::Error::invalid(format!("{what}: not a valid secret key")))?)
}

pub fn run(a: Args, _common: &Common) -> anyhow::Result<()> {
    let mut out = Out::new();
    match a.cmd {
        KeysCmd::Shachain { key_file, seed, from, count } => {
            let Some(seed) =
                common::read_secret(key_file.as_deref(), "LN_COMMIT_SEED", seed.as_deref())?
            else {
                return common::usage(
                    "a seed is needed: --key-file FILE, LN_COMMIT_SEED or --seed",
                );
            };
            let seed: [u8; 32] = common::hex_arg(&seed)?
                .try_into()
                .map_err(|_| lnkit::Error::invalid("the seed must be 32 bytes"))?;
            if count > 10_000 {
                return common::usage("--count is at most 10000");
            }
            let mut list = Vec::new();
            for n in from..from.saturating_add(count) {
                let index = shachain::index_of_commitment(n)?;
                let secret = shachain::generate_from_seed(&seed, index)?;
                let sk = SecretKey::from_slice(&secret)
                    .map_err(|_| lnkit::Error::invalid("secret is not a valid key"))?;
                list.push(json!({
                    "commitment_number": n,
                    "index": index,
                    "per_commitment_secret": hex::encode(secret),
                    "per_commitment_point": keys::per_commitment_point(&sk).to_string(),
                }));
            }
            out.json(&json!({ "secrets": list }))?;
        }
        KeysCmd::Store { input } => {
            let v = read_json(input.as_deref(), "secrets")?;
            let items =
                v.as_array().ok_or_else(|| lnkit::Error::syntax("expected a JSON array"))?;
            let mut store = shachain::SecretStore::new();
            let mut results = Vec::new();
            let mut ok = true;
            for (i, item) in items.iter().enumerate() {
                let o = lnkit::tx::json::Obj::new(item, "")?;
                let index = match (o.opt_u64("index")?, o.opt_u64("commitment_number")?) {
                    (Some(x), _) => x,
                    (None, Some(n)) => shachain::index_of_commitment(n)?,
                    _ => {
                        return Err(lnkit::Error::invalid("index or commitment_number needed")
                            .within(format!("[{i}]"))
                            .into())
                    }
                };
                let secret = o.arr32("secret").map_err(|e| e.within(format!("[{i}]")))?;
                match store.insert(index, secret) {
                    Ok(()) => results.push(json!({"index": index, "ok": true})),
                    Err(e) => {
                        ok = false;
                        results.push(json!({"index": index, "ok": false, "error": e.to_string()}));
                        break;
                    }
                }
            }
            out.json(&json!({"valid": ok, "inserted": results.iter().filter(|r| r["ok"] == Value::Bool(true)).count(), "results": results, "next_index": store.next_index()}))?;
            out.flush()?;
            if !ok {
                return Err(common::ChecksFailed.into());
            }
        }
        KeysCmd::Derive { basepoint, per_commitment_point, key_file } => {
            let secrets = match common::read_secret(key_file.as_deref(), "LN_COMMIT_SECRETS", None)?
            {
                Some(s) => serde_json::from_str::<Value>(&s)
                    .map_err(|_| lnkit::Error::syntax("key file: not JSON"))?,
                None => json!({}),
            };
            let bs = secrets
                .get("basepoint_secret")
                .and_then(Value::as_str)
                .map(|s| secret_hex(s, "basepoint_secret"))
                .transpose()?;
            let pcs = secrets
                .get("per_commitment_secret")
                .and_then(Value::as_str)
                .map(|s| secret_hex(s, "per_commitment_secret"))
                .transpose()?;
            let base = basepoint.or_else(|| bs.map(|s| keys::per_commitment_point(&s)));
            let point =
                per_commitment_point.or_else(|| pcs.map(|s| keys::per_commitment_point(&s)));
            let (Some(base), Some(point)) = (base, point) else {
                return common::usage("--basepoint (or basepoint_secret) and --per-commitment-point (or per_commitment_secret) are needed");
            };
            let mut m = serde_json::Map::new();
            m.insert("basepoint".into(), json!(base.to_string()));
            m.insert("per_commitment_point".into(), json!(point.to_string()));
            m.insert("pubkey".into(), json!(keys::derive_pubkey(&base, &point)?.to_string()));
            if let Some(s) = bs {
                m.insert(
                    "privkey".into(),
                    json!(hex::encode(keys::derive_privkey(&s, &point)?.secret_bytes())),
                );
            }
            m.insert(
                "revocation_pubkey".into(),
                json!(keys::derive_revocation_pubkey(&base, &point)?.to_string()),
            );
            if let (Some(b), Some(p)) = (bs, pcs) {
                m.insert(
                    "revocation_privkey".into(),
                    json!(hex::encode(keys::derive_revocation_privkey(&b, &p)?.secret_bytes())),
                );
            }
            out.json(&Value::Object(m))?;
        }
    }
    out.flush()?;
    Ok(())
}
