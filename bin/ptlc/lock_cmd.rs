//! `ln-ptlc lock`: multi-hop point locks with per-hop decorrelation (glue over
//! `lnkit::ptlc::lock`).

use std::path::PathBuf;

use clap::{Args, Subcommand};
use lnkit::crypto::{Point, Scalar};
use lnkit::ptlc::lock::{self, Locks};
use serde_json::{json, Value};

use crate::common;
use crate::input;

/// `ln-ptlc lock` subcommands.
#[derive(Subcommand, Debug)]
pub enum Cmd {
    /// Derive every hop's left/right locks and tweaks from the recipient point Z
    Derive {
        /// The recipient's point Z = z·G (33-byte hex)
        #[arg(long, value_name = "POINT")]
        recipient_point: String,
        #[command(flatten)]
        route: RouteArgs,
    },
    /// Settle right to left from the recipient's secret z; shows the sender's proof of payment
    Settle {
        /// File holding z (32-byte hex) [env: LN_PTLC_SECRET]
        #[arg(long, value_name = "FILE")]
        secret_file: Option<PathBuf>,
        /// The recipient's point Z, checked against z (default: z·G)
        #[arg(long, value_name = "POINT")]
        recipient_point: Option<String>,
        #[command(flatten)]
        route: RouteArgs,
        /// Seed of the stand-in signing keys of each hop's adaptor signature (hex)
        #[arg(long, value_name = "HEX")]
        signer_seed: Option<String>,
    },
    /// Check a `derive` output: every lock follows from Z and the tweaks, and none repeats
    Check {
        /// The JSON written by `lock derive` ('-' or omitted: stdin; or a file)
        #[arg(value_name = "JSON")]
        input: Option<String>,
    },
}

/// How the per-hop tweaks are chosen.
#[derive(Args, Debug)]
pub struct RouteArgs {
    /// Number of PTLC hops (channels) from sender to recipient
    #[arg(long, value_name = "N", required_unless_present = "tweaks")]
    pub hops: Option<usize>,
    /// Derive the tweaks from this 32-byte seed (hex); random when neither seed nor tweaks
    #[arg(long, value_name = "HEX", conflicts_with = "tweaks")]
    pub seed: Option<String>,
    /// The per-hop tweaks y_0..y_{n-1} (32-byte hex each, sender first)
    #[arg(long = "tweak", value_name = "HEX")]
    pub tweaks: Vec<String>,
}

fn tweaks(route: &RouteArgs) -> anyhow::Result<Vec<Scalar>> {
    if !route.tweaks.is_empty() {
        if route.hops.is_some_and(|h| h != route.tweaks.len()) {
            return common::usage("--hops differs from the number of --tweak values");
        }
        return route
            .tweaks
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let b = input::load_fixed::<32>(t, "tweak", &format!("tweak {i}"))?;
                Ok(Scalar::from_bytes(&b)
                    .ok_or_else(|| lnkit::Error::invalid(format!("tweak {i}: not below n")))?)
            })
            .collect();
    }
    let Some(hops) = route.hops else { return common::usage("give --hops or --tweak values") };
    let seed = match &route.seed {
        Some(s) => input::load_fixed::<32>(s, "seed", "seed")?,
        None => input::random32(),
    };
    Ok(lock::tweaks_from_seed(&seed, hops)?)
}

fn locks_json(locks: &Locks) -> Value {
    let n = locks.len();
    let hops: Vec<Value> = locks
        .hops
        .iter()
        .map(|h| {
            json!({
                "hop": h.index,
                "from_node": h.index,
                "to_node": h.index + 1,
                "lock": hex::encode(h.lock.serialize()),
                "tweak": hex::encode(h.tweak.to_bytes()),
            })
        })
        .collect();
    let nodes: Vec<Value> = (0..=n)
        .map(|i| {
            let role = match i {
                0 => "sender",
                _ if i == n => "recipient",
                _ => "intermediary",
            };
            let tweak = if i == n {
                locks.recipient_tweak
            } else {
                locks.hops.get(i).map(|h| h.tweak).unwrap_or_default()
            };
            json!({
                "node": i,
                "role": role,
                "left_lock": locks.left_lock(i).map(|p| hex::encode(p.serialize())),
                "right_lock": locks.right_lock(i).map(|p| hex::encode(p.serialize())),
                "tweak": hex::encode(tweak.to_bytes()),
            })
        })
        .collect();
    json!({
        "recipient_point": hex::encode(locks.recipient_point.serialize()),
        "hop_count": n,
        "hops": hops,
        "nodes": nodes,
        "recipient_tweak_sum": hex::encode(locks.recipient_tweak.to_bytes()),
        "distinct_locks": locks.check_distinct().is_ok(),
    })
}

/// Runs a `lock` subcommand.
pub fn run(cmd: Cmd) -> anyhow::Result<()> {
    match cmd {
        Cmd::Derive { recipient_point, route } => {
            let z = input::point(&recipient_point, "recipient_point", "recipient point")?;
            let locks = lock::derive(&z, &tweaks(&route)?)?;
            input::print(&locks_json(&locks))
        }
        Cmd::Settle { secret_file, recipient_point, route, signer_seed } => {
            let z = input::secret32(secret_file.as_ref(), "LN_PTLC_SECRET", None, "secret")?;
            let zs = Scalar::from_nonzero_bytes(&z)
                .ok_or_else(|| lnkit::Error::invalid("secret: must be in 1..n-1"))?;
            let point = match recipient_point {
                Some(p) => input::point(&p, "recipient_point", "recipient point")?,
                None => Point::base_mul(&zs).finite("recipient point")?,
            };
            let locks = lock::derive(&point, &tweaks(&route)?)?;
            let seed = match signer_seed {
                Some(s) => input::load_fixed::<32>(&s, "signer_seed", "signer seed")?,
                None => [0u8; 32],
            };
            let settlement = lock::settle(&locks, &z, &seed)?;
            let steps: Vec<Value> = settlement
                .hops
                .iter()
                .rev()
                .map(|h| {
                    json!({
                        "hop": h.index,
                        "lock": hex::encode(h.lock.serialize()),
                        "claimed_by_node": h.index + 1,
                        "pre_signature": hex::encode(h.pre_signature.to_bytes()),
                        "signature": hex::encode(h.signature),
                        "revealed_secret": hex::encode(h.secret),
                        "node": h.index,
                        "left_secret": hex::encode(h.left_secret),
                    })
                })
                .collect();
            let mut v = locks_json(&locks);
            input::set(&mut v, "settlement", json!(steps));
            input::set(&mut v, "proof_of_payment", json!(hex::encode(settlement.proof_of_payment)));
            input::print(&v)
        }
        Cmd::Check { input: arg } => {
            let text = common::read_data(arg.as_deref(), "lock JSON")?;
            let v = match input::load(&text, "lock JSON")? {
                input::Data::Json(v) => v,
                input::Data::Bytes(_) => {
                    return Err(lnkit::Error::syntax(
                        "lock JSON: expected the JSON of `lock derive`",
                    )
                    .into())
                }
            };
            check(&v)
        }
    }
}

fn check(v: &Value) -> anyhow::Result<()> {
    let z = input::point(&v.to_string(), "recipient_point", "recipient point")?;
    let hops = v
        .get("hops")
        .and_then(Value::as_array)
        .ok_or_else(|| lnkit::Error::invalid("lock JSON: no \"hops\" array"))?;
    if hops.len() > lock::MAX_HOPS {
        return Err(
            lnkit::Error::new(lnkit::ErrorKind::TooLarge, "lock JSON: too many hops").into()
        );
    }
    let mut tw = Vec::with_capacity(hops.len());
    let mut claimed = Vec::with_capacity(hops.len());
    for (i, h) in hops.iter().enumerate() {
        let get = |f: &str| -> anyhow::Result<Vec<u8>> {
            let s = h.get(f).and_then(Value::as_str).ok_or_else(|| {
                lnkit::Error::invalid(format!("lock JSON: hop {i}: no string field {f:?}"))
            })?;
            common::hex_arg(s).map_err(|e| anyhow::anyhow!("hop {i}: {f}: {e}"))
        };
        let y: [u8; 32] = input::fixed(&get("tweak")?, &format!("hop {i}: tweak"))?;
        tw.push(
            Scalar::from_bytes(&y)
                .ok_or_else(|| lnkit::Error::invalid(format!("hop {i}: tweak not below n")))?,
        );
        claimed.push(input::fixed::<33>(&get("lock")?, &format!("hop {i}: lock"))?);
    }
    // re-derive: every lock must follow from Z and the tweaks, and none may repeat
    let mut problems = Vec::new();
    match lock::derive(&z, &tw) {
        Err(e) => problems.push(e.to_string()),
        Ok(locks) => {
            for (h, c) in locks.hops.iter().zip(&claimed) {
                if h.lock.serialize() != *c {
                    problems.push(format!("hop {}: lock is not L + y·G", h.index));
                }
            }
        }
    }
    let mut sorted = claimed.clone();
    sorted.sort_unstable();
    if sorted.windows(2).any(|w| matches!(w, [a, b] if a == b)) {
        problems.push("two hops share a lock".to_owned());
    }
    let ok = problems.is_empty();
    input::print(
        &json!({ "valid": ok, "hops": hops.len(), "distinct_locks": ok, "errors": problems }),
    )?;
    if ok {
        Ok(())
    } else {
        Err(common::ChecksFailed.into())
    }
}
