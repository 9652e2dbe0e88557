//! ln-ptlc: the CLI definition and glue; logic lives in `lnkit`.

#[path = "ptlc/adaptor_cmd.rs"]
mod adaptor_cmd;
#[path = "common/mod.rs"]
mod common;
#[path = "ptlc/input.rs"]
mod input;
#[path = "ptlc/lock_cmd.rs"]
mod lock_cmd;
#[path = "ptlc/musig2_cmd.rs"]
mod musig2_cmd;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use serde_json::{Map, Value};

use common::{Common, Out};

/// Schnorr adaptor signatures, MuSig2 and PTLCs.
#[derive(Parser, Debug)]
#[command(name = "ln-ptlc", version, arg_required_else_help = true)]
struct Cli {
    #[command(flatten)]
    common: Common,
    #[command(subcommand)]
    cmd: Option<Cmd>,
}

#[derive(Subcommand, Debug)]
enum Cmd {
    /// BIP-327 MuSig2 signing round over files or JSON: keyagg, nonce, sign, partial-verify, aggregate, verify
    Musig2 {
        #[command(subcommand)]
        cmd: musig2_cmd::Cmd,
    },
    /// BIP-340 adaptor signatures: presign, verify, adapt, extract, convert
    Adaptor {
        #[command(subcommand)]
        cmd: adaptor_cmd::Cmd,
    },
    /// Multi-hop point locks with per-hop decorrelation: derive, settle, check
    Lock {
        #[command(subcommand)]
        cmd: lock_cmd::Cmd,
    },
    /// Recover a PTLC secret from a pre-signature and an on-chain witness (or a signature)
    Extract(adaptor_cmd::ExtractArgs),
    /// Simulate channel update protocols: BOLT 2 full duplex vs turn-based (bolts PR #867) with
    /// NACK, plus the round trips and bytes of the four PTLC signing flows; prints a JSON report
    Sim(Box<SimArgs>),
}

#[derive(Args, Debug)]
#[command(args_conflicts_with_subcommands = true)]
struct SimArgs {
    #[command(subcommand)]
    sub: Option<SimSub>,
    /// JSON config object (a file, or '-' for stdin); flags override its keys
    #[arg(long, value_name = "FILE")]
    config: Option<String>,
    /// PRNG seed (same seed, same report)
    #[arg(long)]
    seed: Option<u64>,
    /// Simulated seconds of payment arrivals and feerate moves
    #[arg(long, value_name = "S")]
    duration_s: Option<f64>,
    /// Link round-trip time
    #[arg(long, value_name = "MS")]
    rtt_ms: Option<f64>,
    /// Processing time per received message
    #[arg(long, value_name = "MS")]
    processing_ms: Option<f64>,
    /// Poisson rate of payments A offers to B
    #[arg(long, value_name = "PER_S")]
    rate_a_per_s: Option<f64>,
    /// Poisson rate of payments B offers to A
    #[arg(long, value_name = "PER_S")]
    rate_b_per_s: Option<f64>,
    /// Smallest payment (sizes are log-uniform)
    #[arg(long, value_name = "SAT")]
    amount_min_sat: Option<u64>,
    /// Largest payment
    #[arg(long, value_name = "SAT")]
    amount_max_sat: Option<u64>,
    /// Delay before the receiver fulfils an irrevocably committed HTLC
    #[arg(long, value_name = "MS")]
    hold_ms: Option<f64>,
    /// Poisson rate of market feerate moves (the opener follows with update_fee)
    #[arg(long, value_name = "PER_S")]
    feerate_move_rate_per_s: Option<f64>,
    /// Size of each feerate move, in percent
    #[arg(long, value_name = "PCT")]
    feerate_move_pct: Option<f64>,
    /// Probability that a message delivery drops the connection
    #[arg(long, value_name = "P")]
    disconnect_prob: Option<f64>,
    /// Time until the peers reconnect and exchange channel_reestablish
    #[arg(long, value_name = "MS")]
    reconnect_ms: Option<f64>,
    /// Protocol(s) to run
    #[arg(long, value_parser = ["async", "turn", "both"])]
    mode: Option<String>,
    /// Bound on processed events
    #[arg(long, value_name = "N")]
    max_events: Option<u64>,
    #[command(flatten)]
    channel: ChannelFlags,
}

#[derive(Subcommand, Debug)]
enum SimSub {
    /// Enumerate every message interleaving of a small scripted case and report reachable bad
    /// states per protocol (a node would force-close, nodes disagree, work is stuck)
    Explore(ExploreArgs),
}

#[derive(Args, Debug)]
struct ExploreArgs {
    /// JSON config object (a file, or '-' for stdin); flags override its keys
    #[arg(long, value_name = "FILE")]
    config: Option<String>,
    /// A's actions, e.g. "fee:12000,add:20000" (add:SAT, fee:PERKW; at most 4)
    #[arg(long, value_name = "ACTIONS")]
    script_a: Option<String>,
    /// B's actions, e.g. "add:20000" (add:SAT only: B is not the opener)
    #[arg(long, value_name = "ACTIONS")]
    script_b: Option<String>,
    /// Stop after this many distinct states
    #[arg(long, value_name = "N")]
    max_states: Option<u64>,
    /// Do not expand paths longer than this
    #[arg(long, value_name = "N")]
    max_depth: Option<u64>,
    /// Connection drops (with reestablish) allowed per path, 0-2
    #[arg(long, value_name = "N")]
    disconnects: Option<u64>,
    /// Receivers fulfil each HTLC as soon as it is irrevocable (as `sim` does)
    #[arg(long)]
    auto_fulfill: bool,
    /// Protocol(s) to explore
    #[arg(long, value_parser = ["async", "turn", "both"])]
    mode: Option<String>,
    #[command(flatten)]
    channel: ChannelFlags,
}

#[derive(Args, Debug)]
struct ChannelFlags {
    /// Channel capacity
    #[arg(long, value_name = "SAT")]
    capacity_sat: Option<u64>,
    /// The opener's (A's) initial balance
    #[arg(long, value_name = "SAT")]
    balance_a_sat: Option<u64>,
    /// Initial feerate
    #[arg(long, value_name = "PERKW")]
    feerate_per_kw: Option<u64>,
    /// Commitment format
    #[arg(long, value_parser = ["static_remotekey", "anchors"])]
    channel_type: Option<String>,
    /// channel_reserve_satoshis (both sides)
    #[arg(long, value_name = "SAT")]
    reserve_sat: Option<u64>,
    /// dust_limit_satoshis (both sides)
    #[arg(long, value_name = "SAT")]
    dust_limit_sat: Option<u64>,
    /// max_accepted_htlcs (both sides)
    #[arg(long, value_name = "N")]
    max_accepted_htlcs: Option<u64>,
    /// The opener's fee spike buffer multiplier for its own adds (BOLT 2 suggests 2)
    #[arg(long, value_name = "X")]
    fee_spike_buffer: Option<f64>,
    /// A's policy: the opener must afford the fee at this multiple of the feerate
    #[arg(long, value_name = "X")]
    fee_buffer_a: Option<f64>,
    /// B's policy: the opener must afford the fee at this multiple of the feerate
    #[arg(long, value_name = "X")]
    fee_buffer_b: Option<f64>,
    /// A's max_dust_htlc_exposure
    #[arg(long, value_name = "SAT")]
    max_dust_exposure_a_sat: Option<u64>,
    /// B's max_dust_htlc_exposure
    #[arg(long, value_name = "SAT")]
    max_dust_exposure_b_sat: Option<u64>,
}

fn main() -> ExitCode {
    common::main_with(|| {
        let cli = Cli::parse();
        if common::generate::<Cli>(&cli.common)? {
            return Ok(());
        }
        match cli.cmd {
            Some(Cmd::Musig2 { cmd }) => musig2_cmd::run(cmd),
            Some(Cmd::Adaptor { cmd }) => adaptor_cmd::run(cmd),
            Some(Cmd::Lock { cmd }) => lock_cmd::run(cmd),
            Some(Cmd::Extract(args)) => adaptor_cmd::extract(&args),
            Some(Cmd::Sim(args)) => match args.sub {
                Some(SimSub::Explore(e)) => sim_explore(&e),
                None => sim(&args),
            },
            None => common::usage("a subcommand is required (see --help)"),
        }
    })
}

/// The config file (or stdin) as a JSON object, or an empty one.
fn config_object(arg: Option<&str>) -> anyhow::Result<Map<String, Value>> {
    let Some(arg) = arg else { return Ok(Map::new()) };
    let text = if arg == "-" {
        common::read_stdin()?
    } else {
        let bytes = common::read_file(&PathBuf::from(arg))?;
        String::from_utf8(bytes)
            .map_err(|_| lnkit::Error::syntax("config is not UTF-8 text").within("config"))?
    };
    let v: Value = serde_json::from_str(&text)
        .map_err(|e| lnkit::Error::syntax(format!("config is not JSON: {e}")).within("config"))?;
    match v {
        Value::Object(m) => Ok(m),
        _ => Err(lnkit::Error::invalid("config must be a JSON object").within("config").into()),
    }
}

fn put<T: Into<Value>>(m: &mut Map<String, Value>, k: &str, v: Option<T>) {
    if let Some(v) = v {
        m.insert(k.to_string(), v.into());
    }
}

fn put_channel(m: &mut Map<String, Value>, c: &ChannelFlags) {
    put(m, "capacity_sat", c.capacity_sat);
    put(m, "balance_a_sat", c.balance_a_sat);
    put(m, "feerate_per_kw", c.feerate_per_kw);
    put(m, "channel_type", c.channel_type.clone());
    put(m, "reserve_sat", c.reserve_sat);
    put(m, "dust_limit_sat", c.dust_limit_sat);
    put(m, "max_accepted_htlcs", c.max_accepted_htlcs);
    put(m, "fee_spike_buffer", c.fee_spike_buffer);
    put(m, "fee_buffer_a", c.fee_buffer_a);
    put(m, "fee_buffer_b", c.fee_buffer_b);
    put(m, "max_dust_exposure_a_sat", c.max_dust_exposure_a_sat);
    put(m, "max_dust_exposure_b_sat", c.max_dust_exposure_b_sat);
}

fn sim(a: &SimArgs) -> anyhow::Result<()> {
    let mut m = config_object(a.config.as_deref())?;
    put(&mut m, "seed", a.seed);
    put(&mut m, "duration_s", a.duration_s);
    put(&mut m, "rtt_ms", a.rtt_ms);
    put(&mut m, "processing_ms", a.processing_ms);
    put(&mut m, "rate_a_per_s", a.rate_a_per_s);
    put(&mut m, "rate_b_per_s", a.rate_b_per_s);
    put(&mut m, "amount_min_sat", a.amount_min_sat);
    put(&mut m, "amount_max_sat", a.amount_max_sat);
    put(&mut m, "hold_ms", a.hold_ms);
    put(&mut m, "feerate_move_rate_per_s", a.feerate_move_rate_per_s);
    put(&mut m, "feerate_move_pct", a.feerate_move_pct);
    put(&mut m, "disconnect_prob", a.disconnect_prob);
    put(&mut m, "reconnect_ms", a.reconnect_ms);
    put(&mut m, "mode", a.mode.clone());
    put(&mut m, "max_events", a.max_events);
    put_channel(&mut m, &a.channel);
    let cfg = lnkit::ptlc::sim::SimConfig::from_json(&Value::Object(m))?;
    let report = lnkit::ptlc::sim::run(&cfg)?;
    let mut out = Out::new();
    out.json(&report)?;
    out.flush()?;
    // The replay check is a check: a divergence or protocol error fails the run.
    let broken = report.get("modes").and_then(Value::as_object).is_some_and(|ms| {
        ms.values().any(|r| {
            let consistent = r.pointer("/replay/consistent").and_then(Value::as_bool);
            let errors = r.get("protocol_errors").and_then(Value::as_array).map_or(0, Vec::len);
            consistent != Some(true) || errors > 0
        })
    });
    if broken {
        return Err(common::ChecksFailed.into());
    }
    Ok(())
}

fn sim_explore(a: &ExploreArgs) -> anyhow::Result<()> {
    let mut m = config_object(a.config.as_deref())?;
    put(&mut m, "script_a", a.script_a.clone());
    put(&mut m, "script_b", a.script_b.clone());
    put(&mut m, "max_states", a.max_states);
    put(&mut m, "max_depth", a.max_depth);
    put(&mut m, "disconnects", a.disconnects);
    if a.auto_fulfill {
        m.insert("auto_fulfill".into(), true.into());
    }
    put(&mut m, "mode", a.mode.clone());
    put_channel(&mut m, &a.channel);
    let cfg = lnkit::ptlc::sim::explore::ExploreConfig::from_json(&Value::Object(m))?;
    let report = lnkit::ptlc::sim::explore::run(&cfg)?;
    let mut out = Out::new();
    out.json(&report)?;
    out.flush()?;
    Ok(())
}
