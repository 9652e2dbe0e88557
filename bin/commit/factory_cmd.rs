//! `ln-commit factory`: SuperScalar / timeout-tree layouts.

use bitcoin::secp256k1::PublicKey;
use lnkit::tx::factory::{Factory, FactoryParams};
use lnkit::tx::ChannelType;
use serde_json::Value;

use crate::build_cmd::read_json;
use crate::common::{self, Common, Out};

/// Lay out a SuperScalar / timeout-tree factory: kickoff/state alternation, scripts, nSequence
/// per state, each client's exit path with vsize and fees, worst-case delay, TRUC checks.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Number of clients [default: 8, or the number of --keys client keys]
    #[arg(long, value_name = "N")]
    pub clients: Option<usize>,
    /// Arity per layer from the leaves up, comma separated (the last repeats)
    #[arg(long, default_value = "2,4", value_name = "A,B,..")]
    pub arity: String,
    /// States per state layer (Decker–Wattenhofer)
    #[arg(long, default_value_t = 4, value_name = "S")]
    pub states: u32,
    /// Relative-lock step between states, in blocks
    #[arg(long, default_value_t = 144, value_name = "BLOCKS")]
    pub step: u16,
    /// Absolute timeout height of the LSP & CLTV paths
    #[arg(long, default_value_t = 900_000, value_name = "HEIGHT")]
    pub timeout: u32,
    /// Channel capacity per client
    #[arg(long, default_value_t = 100_000, value_name = "SAT")]
    pub channel_sat: u64,
    /// LSP liquidity stock per leaf
    #[arg(long, default_value_t = 50_000, value_name = "SAT")]
    pub lsp_stock_sat: u64,
    /// P2A anchor value on each node (0: none)
    #[arg(long, default_value_t = 240, value_name = "SAT")]
    pub anchor_sat: u64,
    /// Feerates for the exit-cost table, sat/vB, comma separated
    #[arg(long, default_value = "1,10,50,100", value_name = "F,..")]
    pub feerates: String,
    /// Public keys: inline JSON or a file, {"lsp_pubkey": HEX, "client_pubkeys": [HEX, ..]}
    /// (--clients defaults to their number); without it, fixed demo keys
    #[arg(long, value_name = "JSON|FILE")]
    pub keys: Option<String>,
    /// Channel type of the leaf channels (their funding output and the commitment that ends
    /// an exit): zero_fee_commitments, anchors, simple_taproot, static_remotekey
    #[arg(long, default_value = "zero_fee_commitments", value_name = "TYPE")]
    pub leaf_channel_type: String,
    /// to_self_delay of the leaf channels (added to the exit delay)
    #[arg(long, default_value_t = 144, value_name = "BLOCKS")]
    pub to_self_delay: u16,
}

/// The `--keys` JSON: the LSP's key and one key per client.
fn parse_keys(v: &Value) -> anyhow::Result<(PublicKey, Vec<PublicKey>)> {
    let key = |x: &Value, path: &str| -> anyhow::Result<PublicKey> {
        let s = x.as_str().ok_or_else(|| {
            lnkit::Error::invalid("must be a hex string").within(path.to_string())
        })?;
        let b = lnkit::encoding::parse_hex(s).map_err(|e| e.within(path.to_string()))?;
        Ok(PublicKey::from_slice(&b)
            .map_err(|_| lnkit::Error::invalid("not a public key").within(path.to_string()))?)
    };
    let lsp = v
        .get("lsp_pubkey")
        .ok_or_else(|| lnkit::Error::invalid("missing").within("--keys: lsp_pubkey"))?;
    let lsp = key(lsp, "--keys: lsp_pubkey")?;
    let list = v.get("client_pubkeys").and_then(Value::as_array).ok_or_else(|| {
        lnkit::Error::invalid("missing (an array)").within("--keys: client_pubkeys")
    })?;
    if list.len() > lnkit::tx::factory::MAX_CLIENTS {
        return Err(lnkit::Error::invalid(format!(
            "more than {} clients",
            lnkit::tx::factory::MAX_CLIENTS
        ))
        .within("--keys: client_pubkeys")
        .into());
    }
    let clients = list
        .iter()
        .enumerate()
        .map(|(i, x)| key(x, &format!("--keys: client_pubkeys[{i}]")))
        .collect::<anyhow::Result<Vec<_>>>()?;
    Ok((lsp, clients))
}

fn list<T: std::str::FromStr>(s: &str, what: &str) -> anyhow::Result<Vec<T>> {
    s.split(',')
        .map(|x| {
            x.trim()
                .parse::<T>()
                .map_err(|_| common::Usage(format!("--{what}: {x:?} is not a number")).into())
        })
        .collect()
}

/// `v[k]` without clippy's indexing lint (serde_json's index never panics either).
fn g<'a>(v: &'a Value, k: &str) -> &'a Value {
    v.get(k).unwrap_or(&Value::Null)
}

pub fn run(a: &Args, common: &Common) -> anyhow::Result<()> {
    let arity: Vec<usize> = list(&a.arity, "arity")?;
    let feerates: Vec<u64> = list(&a.feerates, "feerates")?;
    if feerates.len() > 64 {
        return common::usage("--feerates: at most 64 values");
    }
    let leaf_channel = ChannelType::from_name(&a.leaf_channel_type)
        .map_err(|e| common::Usage(format!("--leaf-channel-type: {e}")))?;
    let (lsp_key, client_keys) = match &a.keys {
        Some(k) => {
            let (l, c) = parse_keys(&read_json(Some(k), "keys")?)?;
            (Some(l), c)
        }
        None => (None, vec![]),
    };
    let clients = match (a.clients, client_keys.len()) {
        (Some(n), 0) => n,
        (None, 0) => 8,
        (Some(n), k) if n != k => {
            return common::usage(format!("--clients {n} but --keys lists {k} client keys"));
        }
        (_, k) => k,
    };
    let f = Factory::build(FactoryParams {
        clients,
        arity,
        states: a.states,
        step: a.step,
        timeout: a.timeout,
        channel_sat: a.channel_sat,
        lsp_stock_sat: a.lsp_stock_sat,
        anchor_sat: a.anchor_sat,
        client_keys,
        lsp_key,
        leaf_channel,
        to_self_delay: a.to_self_delay,
    })?;
    let r = Value::Object(f.report(&feerates));
    let mut out = Out::new();
    if common.json {
        out.json(&r)?;
    } else {
        for (i, n) in g(&r, "nodes").as_array().into_iter().flatten().enumerate() {
            let depth = f.path_depth(i);
            out.line(&format!(
                "{}{} #{i} clients {} vsize {} nSequence {} outputs {}",
                "  ".repeat(depth),
                g(n, "kind").as_str().unwrap_or(""),
                g(n, "clients"),
                g(g(n, "check"), "vsize"),
                g(n, "nsequence_per_state"),
                g(n, "outputs").as_array().map_or(0, Vec::len),
            ))?;
        }
        for e in g(&r, "exits").as_array().into_iter().flatten() {
            out.line(&format!(
                "client {}: {} txs, {} vB with CPFP children, delay <= {} blocks, fees {}",
                g(e, "client"),
                g(e, "txs"),
                g(e, "total_vsize"),
                g(e, "worst_case_delay_blocks"),
                g(e, "fees")
            ))?;
        }
        out.line(&format!("worst-case delay: {} blocks", g(&r, "worst_case_delay_blocks")))?;
    }
    out.flush()?;
    Ok(())
}
