//! `ln-gossip feasibility ...`: payment feasibility (Pickhardt) over an edge list, a JSON graph,
//! or real gossip (glue only; the model is `lnkit::feasibility`).

use std::path::Path;

use clap::{Args, Subcommand, ValueEnum};
use lnkit::feasibility::{
    self, ChannelSpec, Graph, Mode, Options, SampleOptions, WealthModel, DEFAULT_MAX_STATES,
};
use serde_json::{json, Map, Value};

use crate::common::{self, ChecksFailed, Out};
use crate::InFormat;

#[derive(Subcommand, Debug)]
pub enum FeasCmd {
    /// Is a wealth distribution feasible? Prints a witness channel state or a violated cut
    Wealth {
        #[command(flatten)]
        g: GraphArgs,
        /// The distribution: `A=5,B=3,...`, amounts in node order, or JSON; '-' reads stdin
        #[arg(long, value_name = "W")]
        wealth: String,
    },
    /// Can FROM pay AMOUNT to TO from a given wealth distribution?
    Payment {
        #[command(flatten)]
        g: GraphArgs,
        /// The distribution (as for `wealth`)
        #[arg(long, value_name = "W")]
        wealth: String,
        #[command(flatten)]
        pay: PayArgs,
    },
    /// Probability that a payment of AMOUNT from FROM to TO is feasible (exact for small
    /// graphs, max-flow sampling with a confidence interval for large ones)
    Prob {
        #[command(flatten)]
        g: GraphArgs,
        #[command(flatten)]
        pay: PayArgs,
        #[command(flatten)]
        est: EstArgs,
    },
    /// Network figures: r = |W_G| / |W(C,n)|, ρ(a) (share of infeasible payments) per amount,
    /// S = ζ / ρ
    Network {
        #[command(flatten)]
        g: GraphArgs,
        /// Payment amounts for ρ (repeatable)
        #[arg(long = "amount", value_name = "A")]
        amounts: Vec<u64>,
        /// ζ: on-chain transactions per second available to the network (gives S = ζ / ρ)
        #[arg(long, value_name = "TPS")]
        zeta: Option<f64>,
        #[command(flatten)]
        est: EstArgs,
    },
}

/// How GRAPH is given.
#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum GraphFormat {
    /// Detect: JSON, an edge list, or a gossip file / GOSSMAP snapshot
    Auto,
    /// `A-B:CAP` tokens (`A-B-C:CAP` for a 3-party channel)
    Edges,
    /// `{"nodes": [..], "channels": [{"nodes": [a, b], "capacity": n}]}` or a channel array
    Json,
    /// Any stream `decode` reads (GSP, be16, hex lines, gossip_store, GOSSMAP)
    Gossip,
}

#[derive(Args, Debug)]
pub struct GraphArgs {
    /// An edge list (`0-1:3 0-2:7 2-1:11`) or JSON, inline or in a file, or a gossip file;
    /// '-' reads stdin
    graph: String,
    /// How GRAPH is given
    #[arg(long, value_enum, default_value = "auto")]
    graph_format: GraphFormat,
    /// Gossip input: capacity (sat) of channels whose capacity is not known (no
    /// htlc_maximum_msat, no gossip_store amount); without it they are left out
    #[arg(long, value_name = "SAT")]
    capacity: Option<u64>,
    /// Gossip input: one coin of the model is UNIT satoshis (capacities rounded down; channels
    /// under one unit are left out)
    #[arg(long, value_name = "SAT", default_value_t = 1)]
    unit: u64,
    /// What-if: merge these channels (labels or positions, comma separated) into one k-party
    /// channel (repeatable)
    #[arg(long, value_name = "CH,CH")]
    merge: Vec<String>,
    /// What-if: each member of CH may go AMOUNT below zero (repeatable)
    #[arg(long, value_name = "CH=AMOUNT")]
    credit: Vec<String>,
    /// What-if: open a channel between existing nodes (repeatable)
    #[arg(long, value_name = "A-B:CAP")]
    add: Vec<String>,
    /// What-if: close channel CH (repeatable)
    #[arg(long, value_name = "CH")]
    remove: Vec<String>,
}

#[derive(Args, Debug)]
pub struct PayArgs {
    /// Sender node
    #[arg(long, value_name = "NODE")]
    from: String,
    /// Receiver node
    #[arg(long, value_name = "NODE")]
    to: String,
    /// Amount (in the graph's unit)
    #[arg(long, value_name = "A")]
    amount: u64,
}

/// Exact or sampled probabilities.
#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum ModeArg {
    /// Exact when the state space is within --max-states, else sampling
    Auto,
    /// Exact enumeration only
    Exact,
    /// Monte-Carlo with max-flow per sample
    Sample,
}

/// Which wealth distributions are equally likely.
#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum ModelArg {
    /// Every feasible wealth distribution (the notes' golden numbers)
    #[value(name = "uniform_wealth")]
    UniformWealth,
    /// Every channel state (each channel's split uniform, independently)
    #[value(name = "uniform_balances")]
    UniformBalances,
}

#[derive(Args, Debug)]
pub struct EstArgs {
    /// Exact, sampled, or exact when small enough
    #[arg(long, value_enum, default_value = "auto")]
    mode: ModeArg,
    /// Wealth model
    #[arg(long, value_enum, default_value = "uniform_wealth")]
    model: ModelArg,
    /// Bound on exact-enumeration work
    #[arg(long, value_name = "N", default_value_t = DEFAULT_MAX_STATES)]
    max_states: u64,
    /// Samples to keep when sampling
    #[arg(long, value_name = "N", default_value_t = 10_000)]
    samples: u64,
    /// PRNG seed (same seed, same numbers)
    #[arg(long, value_name = "N", default_value_t = 1)]
    seed: u64,
    /// Cap on draws from W(C,n) (rejection sampling)
    #[arg(long, value_name = "N", default_value_t = 1_000_000)]
    max_attempts: u64,
}

impl EstArgs {
    fn options(&self) -> Options {
        Options {
            model: match self.model {
                ModelArg::UniformWealth => WealthModel::UniformWealth,
                ModelArg::UniformBalances => WealthModel::UniformBalances,
            },
            mode: match self.mode {
                ModeArg::Auto => Mode::Auto,
                ModeArg::Exact => Mode::Exact,
                ModeArg::Sample => Mode::Sample,
            },
            max_states: self.max_states,
            sample: SampleOptions {
                samples: self.samples,
                seed: self.seed,
                max_attempts: self.max_attempts,
                ..SampleOptions::default()
            },
        }
    }
}

pub fn run(cmd: FeasCmd) -> anyhow::Result<()> {
    let (result, ok) = match cmd {
        FeasCmd::Wealth { g, wealth } => {
            let (graph, info) = load_graph(&g)?;
            let w = graph.parse_wealth(&common::read_data(Some(&wealth), "wealth")?)?;
            let c = feasibility::check_wealth(&graph, &w)?;
            (with_graph(c.to_json(), info), c.feasible)
        }
        FeasCmd::Payment { g, wealth, pay } => {
            let (graph, info) = load_graph(&g)?;
            let w = graph.parse_wealth(&common::read_data(Some(&wealth), "wealth")?)?;
            let (i, j) = pair(&graph, &pay)?;
            let c = feasibility::check_payment(&graph, &w, i, j, pay.amount)?;
            (with_graph(c.to_json(), info), c.feasible)
        }
        FeasCmd::Prob { g, pay, est } => {
            let (graph, info) = load_graph(&g)?;
            let (i, j) = pair(&graph, &pay)?;
            let p = feasibility::payment_probability(&graph, i, j, pay.amount, &est.options())?;
            (with_graph(p.to_json(), info), true)
        }
        FeasCmd::Network { g, amounts, zeta, est } => {
            let (graph, info) = load_graph(&g)?;
            let r = feasibility::network(&graph, &amounts, zeta, &est.options())?;
            (with_graph(r.to_json(), info), true)
        }
    };
    let mut out = Out::new();
    out.json(&result)?;
    out.flush()?;
    // A check that does not hold exits 1 (after its report), like the other checks.
    if ok {
        Ok(())
    } else {
        Err(ChecksFailed.into())
    }
}

fn pair(g: &Graph, p: &PayArgs) -> anyhow::Result<(usize, usize)> {
    let i = g.node_index(&p.from).map_err(|e| e.within("--from"))?;
    let j = g.node_index(&p.to).map_err(|e| e.within("--to"))?;
    Ok((i, j))
}

fn with_graph(result: Value, info: Map<String, Value>) -> Value {
    let mut o = Map::new();
    o.insert("graph".into(), Value::Object(info));
    match result {
        Value::Object(r) => o.extend(r),
        other => {
            o.insert("result".into(), other);
        }
    }
    Value::Object(o)
}

/// Reads GRAPH, applies the what-ifs, and describes the result for the JSON output.
fn load_graph(a: &GraphArgs) -> anyhow::Result<(Graph, Map<String, Value>)> {
    if a.unit == 0 {
        return common::usage("--unit must be positive");
    }
    let is_file = a.graph == "-" || Path::new(&a.graph).exists();
    let format = match a.graph_format {
        GraphFormat::Auto if is_file => sniff(&a.graph)?,
        GraphFormat::Auto => {
            if a.graph.trim_start().starts_with(['{', '[']) {
                GraphFormat::Json
            } else {
                GraphFormat::Edges
            }
        }
        f => f,
    };
    let mut info = Map::new();
    let mut g = if format == GraphFormat::Gossip {
        let (g, from) = from_gossip(&a.graph, a.capacity, a.unit)?;
        info.insert("source".into(), "gossip".into());
        info.extend(from);
        g
    } else {
        let text = if is_file {
            if a.graph == "-" {
                common::read_stdin()?
            } else {
                String::from_utf8(common::read_file(Path::new(&a.graph))?)
                    .map_err(|_| lnkit::Error::syntax("the graph file is not UTF-8 text"))?
            }
        } else {
            a.graph.clone()
        };
        let json = text.trim_start().starts_with(['{', '[']);
        info.insert("source".into(), if json { "json" } else { "edges" }.into());
        Graph::parse(&text)?
    };
    let mut what_ifs = Vec::new();
    // Fixed order (remove, add, merge, credit): merging refuses channels with credit, and a
    // channel is named by its label, or by its position in the graph as it is at that step.
    for ch in &a.remove {
        let k = g.channel_index(ch).map_err(|e| e.within("--remove"))?;
        let label = g.channels().get(k).map(|c| c.label.clone()).unwrap_or_default();
        g = g.without_channel(k)?;
        what_ifs.push(json!({"remove": label}));
    }
    for spec in &a.add {
        let added = Graph::parse(spec).map_err(|e| e.within("--add"))?;
        for c in added.channels() {
            let nodes: Vec<String> =
                c.members.iter().map(|&m| added.node_name(m).to_string()).collect();
            g = g.with_channel(ChannelSpec::new(&nodes, c.capacity))?;
            what_ifs.push(json!({"add": {"nodes": nodes, "capacity": c.capacity}}));
        }
    }
    for list in &a.merge {
        let idx = list
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|c| g.channel_index(c))
            .collect::<lnkit::Result<Vec<usize>>>()
            .map_err(|e| e.within("--merge"))?;
        let labels: Vec<String> =
            idx.iter().filter_map(|&k| g.channels().get(k).map(|c| c.label.clone())).collect();
        g = g.merge(&idx, None)?;
        what_ifs.push(json!({"merge": labels}));
    }
    for c in &a.credit {
        let Some((ch, amount)) = c.rsplit_once('=') else {
            return common::usage("--credit takes CH=AMOUNT");
        };
        let k = g.channel_index(ch).map_err(|e| e.within("--credit"))?;
        let amount: u64 = amount
            .trim()
            .parse()
            .map_err(|_| lnkit::Error::syntax("--credit amount is not a number"))?;
        let label = g.channels().get(k).map(|c| c.label.clone()).unwrap_or_default();
        g = g.with_credit(k, amount)?;
        what_ifs.push(json!({"credit": {"channel": label, "amount": amount}}));
    }
    info.insert("nodes".into(), g.node_count().into());
    info.insert("channels".into(), g.channels().len().into());
    info.insert("total_capacity".into(), g.total_capacity().into());
    if !what_ifs.is_empty() {
        info.insert("what_ifs".into(), what_ifs.into());
    }
    Ok((g, info))
}

/// Text that is JSON or an edge list is a graph description; anything else (binary, .xz, gzip,
/// hex lines) goes to the gossip readers.
fn sniff(arg: &str) -> anyhow::Result<GraphFormat> {
    if arg == "-" {
        // stdin cannot be peeked twice: take it as a description unless it is binary.
        return Ok(GraphFormat::Auto);
    }
    let mut head = vec![0u8; 512];
    let n = {
        use std::io::Read;
        let mut f = std::fs::File::open(arg).map_err(|e| anyhow::anyhow!(e))?;
        f.read(&mut head).map_err(|e| anyhow::anyhow!(e))?
    };
    head.truncate(n);
    let Ok(text) = std::str::from_utf8(&head) else {
        return Ok(GraphFormat::Gossip);
    };
    let t = text.trim_start();
    if t.starts_with(['{', '[']) {
        return Ok(GraphFormat::Json);
    }
    let hexy = t
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
        .all(|l| l.trim().chars().all(|c| c.is_ascii_hexdigit() || c.is_whitespace()));
    Ok(if t.starts_with("GSP") || hexy { GraphFormat::Gossip } else { GraphFormat::Edges })
}

/// A feasibility graph from gossip: channels from channel_announcements (node ids as names,
/// short_channel_ids as labels); capacity from the store's amount record, the snapshot, or the
/// larger `htlc_maximum_msat` of the two updates, else `default_sat`; in units of `unit` sat.
fn from_gossip(
    arg: &str,
    default_sat: Option<u64>,
    unit: u64,
) -> anyhow::Result<(Graph, Map<String, Value>)> {
    let (gg, l) = crate::load_graph(arg, InFormat::Auto, None, 0)?;
    let snapshot = l.snapshot.is_some();
    let mut specs = Vec::new();
    let (mut unannounced, mut no_capacity, mut below_unit, mut loops) = (0usize, 0, 0, 0);
    let (mut from_amount, mut from_htlc_max, mut from_default) = (0usize, 0, 0);
    for (scid, c) in &gg.channels {
        let Some(ids) = c.node_ids else {
            unannounced += 1;
            continue;
        };
        if ids[0] == ids[1] {
            loops += 1;
            continue;
        }
        let htlc_max = c.updates.iter().flatten().map(|u| u.htlc_maximum_msat / 1000).max();
        let sat = match (c.capacity_sat, htlc_max, default_sat) {
            (Some(s), _, _) => {
                from_amount += 1;
                s
            }
            (None, Some(s), _) if s > 0 => {
                from_htlc_max += 1;
                s
            }
            (None, _, Some(d)) => {
                from_default += 1;
                d
            }
            _ => {
                no_capacity += 1;
                continue;
            }
        };
        let units = sat / unit;
        if units == 0 {
            below_unit += 1;
            continue;
        }
        let name = |id: &[u8; 33]| {
            if snapshot {
                // Snapshot node ids are `02 00.. index`: name them by index (the node map's).
                let mut b = [0u8; 8];
                b.copy_from_slice(id.get(25..).unwrap_or(&[0; 8]));
                u64::from_be_bytes(b).to_string()
            } else {
                hex::encode(id)
            }
        };
        specs.push(ChannelSpec {
            label: Some(lnkit::types::ShortChannelId(*scid).to_string()),
            nodes: vec![name(&ids[0]), name(&ids[1])],
            capacity: units,
            credit: 0,
        });
    }
    let g = Graph::new(Vec::new(), specs)?;
    let mut info = Map::new();
    info.insert("unit_sat".into(), unit.into());
    info.insert(
        "capacity_from".into(),
        json!({"store_or_snapshot": from_amount, "htlc_maximum_msat": from_htlc_max,
               "default": from_default}),
    );
    info.insert(
        "left_out".into(),
        json!({"unannounced": unannounced, "no_capacity": no_capacity,
               "below_unit": below_unit, "self_loops": loops}),
    );
    Ok((g, info))
}
