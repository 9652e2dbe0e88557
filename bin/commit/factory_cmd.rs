//! `ln-commit factory`: SuperScalar / timeout-tree layouts.

use lnkit::tx::factory::{Factory, FactoryParams};
use serde_json::Value;

use crate::common::{self, Common, Out};

/// Lay out a SuperScalar / timeout-tree factory: kickoff/state alternation, scripts, nSequence
/// per state, each client's exit path with vsize and fees, worst-case delay, TRUC checks.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Number of clients
    #[arg(long, default_value_t = 8, value_name = "N")]
    pub clients: usize,
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
    let f = Factory::build(FactoryParams {
        clients: a.clients,
        arity,
        states: a.states,
        step: a.step,
        timeout: a.timeout,
        channel_sat: a.channel_sat,
        lsp_stock_sat: a.lsp_stock_sat,
        anchor_sat: a.anchor_sat,
        client_keys: vec![],
        lsp_key: None,
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
