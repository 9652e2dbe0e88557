//! ln-gossip: decode and verify BOLT 7 gossip (the CLI definition and glue; logic in `lnkit`).

#[path = "common/mod.rs"]
mod common;
#[path = "gossip/feasibility_cmd.rs"]
mod feasibility_cmd;
#[path = "gossip/v2_cmd.rs"]
mod v2_cmd;

use std::io::{self, BufRead, BufReader, Cursor, IsTerminal, Read};
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;
use clap::{Parser, Subcommand, ValueEnum};
use serde_json::{json, Map, Value};

use common::{Common, Out};
use lnkit::gossip::gossmap::Snapshot;
use lnkit::gossip::graph::Graph;
use lnkit::gossip::stream::{self, Event, Format, GossipReader};
use lnkit::gossip::verify::{self, Signers};

/// Decode and verify Lightning gossip and peer messages.
#[derive(Parser, Debug)]
#[command(name = "ln-gossip", version, arg_required_else_help = true)]
struct Cli {
    #[command(flatten)]
    common: Common,
    #[command(subcommand)]
    cmd: Option<Cmd>,
}

/// How an input is framed.
#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
enum InFormat {
    /// Detect: .xz is unpacked, then GSP\x01, gossip_store, GOSSMAP (gzip), hex text, be16
    Auto,
    /// One message as hex
    Hex,
    /// lnresearch GSP\x01 (big-endian CompactSize lengths)
    Gsp,
    /// 2-byte big-endian length per message (CLN gossipwith)
    Be16,
    /// One hex message per line
    Hexlines,
    /// CLN gossip_store
    #[value(name = "gossip_store")]
    GossipStore,
    /// CLN GOSSMAP_COMPRESSv1 topology snapshot (gzip)
    Gossmap,
}

/// Graph output.
#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
enum GraphFormat {
    /// Summary statistics (JSON)
    Stats,
    /// Nodes and channels with their policies (JSON)
    Json,
    /// GraphML
    Graphml,
    /// Graphviz DOT
    Dot,
}

#[derive(Subcommand, Debug)]
enum Cmd {
    /// Decode a message (hex) or a gossip file into JSON (one object, or JSON Lines for streams)
    Decode {
        /// Message hex, a file, or '-' (stdin, the default when not a terminal)
        input: Option<String>,
        /// Input framing
        #[arg(long, value_enum, default_value = "auto")]
        format: InFormat,
        /// Check a single channel_update's signature against this node id
        #[arg(long, value_name = "HEX")]
        node_id: Option<String>,
    },
    /// Verify every signature in a gossip file (deduplicated, on all cores); prints a JSON summary
    Verify {
        /// A gossip file ('-' for stdin)
        file: String,
        /// CSV (or .csv.xz) of short_channel_id,direction,signer_node_id for updates whose
        /// announcement is absent; updates with neither count as without_signer, not as failures
        #[arg(long, value_name = "CSV")]
        signers: Option<String>,
        /// Worker threads (default: all cores)
        #[arg(long, value_name = "N")]
        threads: Option<usize>,
        /// Input framing
        #[arg(long, value_enum, default_value = "auto")]
        format: InFormat,
    },
    /// Build the channel graph from a gossip file and print it or its statistics
    Graph {
        /// A gossip file or GOSSMAP snapshot ('-' for stdin)
        file: String,
        /// Current time (unix seconds) for the two-week staleness rule [default: now]
        #[arg(long, value_name = "T")]
        now: Option<u64>,
        /// Only take messages dated at or before T (the graph as of T)
        #[arg(long, value_name = "T")]
        at: Option<u32>,
        /// Output
        #[arg(long, value_enum, default_value = "stats")]
        format: GraphFormat,
        /// Input framing
        #[arg(long, value_enum, default_value = "auto")]
        input_format: InFormat,
        /// Chain source: a file of spent channels, `SCID HEIGHT` per line (spending block);
        /// with --height, channels spent 72 or more blocks ago are forgotten (BOLT 7)
        #[arg(long, value_name = "FILE", requires = "height")]
        spent: Option<std::path::PathBuf>,
        /// Current block height, for --spent
        #[arg(long, value_name = "N", requires = "spent")]
        height: Option<u32>,
    },
    /// Encode or decode gossip queries (261-265)
    Query {
        #[command(subcommand)]
        cmd: QueryCmd,
    },
    /// Compare two gossip files: channels each lacks, fresher updates, resurrectable zombies
    Diff {
        /// First file (A)
        a: String,
        /// Second file (B)
        b: String,
        /// Current time (unix seconds) for the staleness rule [default: now]
        #[arg(long, value_name = "T")]
        now: Option<u64>,
    },
    /// Gossip v2 (taproot gossip, bolts PR #1059): sign, verify, SPV proofs, convert a v1 graph
    #[command(subcommand)]
    V2(v2_cmd::V2Cmd),
    /// Payment feasibility (Pickhardt): wealth and payment checks, probabilities, r, ρ and S,
    /// with what-ifs; over an edge list, a JSON graph, or gossip
    #[command(subcommand)]
    Feasibility(feasibility_cmd::FeasCmd),
}

#[derive(Subcommand, Debug)]
enum QueryCmd {
    /// Build a query message: a KIND with flags, or the message as JSON (as `decode` prints it)
    Encode {
        /// query_channel_range | reply_channel_range | query_short_channel_ids |
        /// reply_short_channel_ids_end | gossip_timestamp_filter, or a JSON object
        what: String,
        /// first_blocknum
        #[arg(long, value_name = "N", default_value_t = 0)]
        first_block: u32,
        /// number_of_blocks
        #[arg(long, value_name = "N", default_value_t = u32::MAX)]
        blocks: u32,
        /// query_option: ask for update timestamps
        #[arg(long)]
        timestamps: bool,
        /// query_option: ask for update checksums
        #[arg(long)]
        checksums: bool,
        /// short_channel_ids (BxTxO), comma separated
        #[arg(long, value_name = "LIST", value_delimiter = ',')]
        scids: Vec<String>,
        /// query_flags, one per short_channel_id, comma separated
        #[arg(long, value_name = "LIST", value_delimiter = ',')]
        flags: Vec<u64>,
        /// sync_complete / full_information byte
        #[arg(long, value_name = "N", default_value_t = 1)]
        complete: u8,
        /// first_timestamp (gossip_timestamp_filter)
        #[arg(long, value_name = "T", default_value_t = 0)]
        first_timestamp: u32,
        /// timestamp_range (gossip_timestamp_filter)
        #[arg(long, value_name = "N", default_value_t = u32::MAX)]
        range: u32,
        /// Use the legacy zlib encoding (1), which BOLT 7 says MUST NOT be used
        #[arg(long)]
        zlib: bool,
        /// chain_hash as hex, instead of the one of --network
        #[arg(long, value_name = "HEX")]
        chain_hash: Option<String>,
    },
    /// Decode a query message (hex)
    Decode {
        /// Message hex or '-'
        hex: Option<String>,
    },
}

fn main() -> ExitCode {
    common::main_with(|| {
        let cli = Cli::parse();
        if common::generate::<Cli>(&cli.common)? {
            return Ok(());
        }
        match cli.cmd {
            Some(Cmd::Decode { input, format, node_id }) => {
                decode(input.as_deref(), format, node_id.as_deref())
            }
            Some(Cmd::Verify { file, signers, threads, format }) => {
                verify_cmd(&file, signers.as_deref(), threads, format)
            }
            Some(Cmd::Graph { file, now, at, format, input_format, spent, height }) => {
                let chain = spent.as_deref().zip(height);
                graph_cmd(&file, now, at, format, input_format, chain)
            }
            Some(Cmd::Query { cmd }) => query(cmd, &cli.common),
            Some(Cmd::Diff { a, b, now }) => diff_cmd(&a, &b, now),
            Some(Cmd::V2(c)) => v2_cmd::run(c),
            Some(Cmd::Feasibility(c)) => feasibility_cmd::run(c),
            None => common::usage("a subcommand is required (see --help)"),
        }
    })
}

const XZ_MAGIC: &[u8] = &[0xfd, b'7', b'z', b'X', b'Z', 0];
const GZ_MAGIC: &[u8] = &[0x1f, 0x8b];

/// A Write that refuses more than `left` bytes (bounded .xz unpacking).
struct Bounded {
    buf: Vec<u8>,
    left: u64,
}

impl io::Write for Bounded {
    fn write(&mut self, b: &[u8]) -> io::Result<usize> {
        if b.len() as u64 > self.left {
            return Err(io::Error::other(format!(
                "unpacked input exceeds {} bytes",
                common::MAX_INPUT
            )));
        }
        self.left -= b.len() as u64;
        self.buf.extend_from_slice(b);
        Ok(b.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// An opened input: its reader, its framing, and its size if known (for progress).
struct Input {
    reader: Box<dyn BufRead>,
    format: InFormat,
    len: Option<u64>,
}

fn open_raw(arg: &str) -> anyhow::Result<(Box<dyn BufRead>, Option<u64>)> {
    if arg == "-" {
        return Ok((Box::new(BufReader::new(io::stdin())), None));
    }
    let f = std::fs::File::open(arg).with_context(|| format!("opening {arg}"))?;
    let len = f.metadata().ok().map(|m| m.len());
    Ok((Box::new(BufReader::with_capacity(256 * 1024, f)), len))
}

/// Opens a file or stdin, unpacks .xz, and settles the framing.
fn open(arg: &str, format: InFormat) -> anyhow::Result<Input> {
    let (mut reader, mut len) = open_raw(arg)?;
    let head = reader.fill_buf().context("reading input")?.to_vec();
    if head.starts_with(XZ_MAGIC) {
        let mut out = Bounded { buf: Vec::new(), left: common::MAX_INPUT };
        let pb = common::progress(len.unwrap_or(0), "unpacking");
        let mut r = BufReader::new(pb.wrap_read(reader));
        lzma_rs::xz_decompress(&mut r, &mut out)
            .map_err(|e| lnkit::Error::invalid(format!("bad .xz data: {e}")))?;
        pb.finish_and_clear();
        len = Some(out.buf.len() as u64);
        reader = Box::new(Cursor::new(out.buf));
    }
    let format = if format == InFormat::Auto {
        let head = reader.fill_buf().context("reading input")?;
        if head.starts_with(GZ_MAGIC) {
            InFormat::Gossmap
        } else {
            match Format::sniff(head) {
                Format::Gsp => InFormat::Gsp,
                Format::GossipStore => InFormat::GossipStore,
                Format::HexLines => InFormat::Hexlines,
                Format::Be16 => InFormat::Be16,
            }
        }
    } else {
        format
    };
    Ok(Input { reader, format, len })
}

fn stream_format(f: InFormat) -> Format {
    match f {
        InFormat::Gsp => Format::Gsp,
        InFormat::GossipStore => Format::GossipStore,
        InFormat::Hexlines | InFormat::Hex | InFormat::Auto => Format::HexLines,
        InFormat::Be16 | InFormat::Gossmap => Format::Be16,
    }
}

fn is_hex_text(s: &str) -> bool {
    let t = s.trim();
    let t = t.strip_prefix("0x").or_else(|| t.strip_prefix("0X")).unwrap_or(t);
    !t.is_empty() && t.chars().all(|c| c.is_ascii_hexdigit() || c.is_whitespace())
}

fn decode(arg: Option<&str>, format: InFormat, node_id: Option<&str>) -> anyhow::Result<()> {
    let node_id = node_id.map(parse_node_id).transpose()?;
    // A literal message: an argument that is not a file, or --format hex.
    let literal = match arg {
        Some(a) if a != "-" && !Path::new(a).exists() => Some(a.to_string()),
        Some("-") | None if format == InFormat::Hex => Some(common::read_data(arg, "message hex")?),
        None if io::stdin().is_terminal() => {
            return common::usage("missing input (a message as hex, a file, or '-' for stdin)")
        }
        _ => None,
    };
    if let Some(text) = literal {
        return decode_one(&common::hex_arg(&text)?, node_id.as_ref());
    }
    let input = open(arg.unwrap_or("-"), format)?;
    if input.format == InFormat::Gossmap {
        return decode_gossmap(input);
    }
    let mut input = input;
    if matches!(input.format, InFormat::Hexlines | InFormat::Hex) {
        // One hex message in a file or on stdin prints as one object, like an argument.
        let mut text = String::new();
        (&mut input.reader)
            .take(common::MAX_INPUT)
            .read_to_string(&mut text)
            .map_err(|_| lnkit::Error::syntax("input is not UTF-8 text"))?;
        let lines: Vec<&str> =
            text.lines().filter(|l| !l.trim().is_empty() && !l.trim().starts_with('#')).collect();
        if input.format == InFormat::Hex
            || (lines.len() == 1 && lines.iter().all(|l| is_hex_text(l)))
        {
            return decode_one(&common::hex_arg(&lines.join(""))?, node_id.as_ref());
        }
        input.reader = Box::new(Cursor::new(text.into_bytes()));
    }
    decode_stream(input)
}

fn parse_node_id(s: &str) -> anyhow::Result<[u8; 33]> {
    let b = common::hex_arg(s)?;
    Ok(<[u8; 33]>::try_from(b.as_slice())
        .map_err(|_| common::Usage("--node-id must be 33 bytes of hex".into()))?)
}

/// One message: pretty JSON, with a signature check when the message is self-checkable
/// (announcements) or a node id is given (channel_update). A failed check exits 1.
fn decode_one(bytes: &[u8], node_id: Option<&[u8; 33]>) -> anyhow::Result<()> {
    let mut msg = lnkit::wire::decode_message(bytes)?;
    let ty = lnkit::gossip::msg::msg_type(bytes).unwrap_or(0);
    let checkable = matches!(ty, 256 | 257) || (ty == 258 && node_id.is_some());
    let mut ok = true;
    if checkable {
        let secp = bitcoin::secp256k1::Secp256k1::new();
        let mut cache = verify::KeyCache::default();
        let r = verify::verify_message(&secp, bytes, node_id, &mut cache);
        ok = r.is_ok();
        let errors: Vec<Value> = r.err().map(|e| e.to_string().into()).into_iter().collect();
        msg.insert("valid".into(), json!({"signatures": ok}));
        msg.insert("errors".into(), errors.into());
    }
    let mut out = Out::new();
    out.json(&Value::Object(msg))?;
    out.flush()?;
    if ok {
        Ok(())
    } else {
        Err(common::ChecksFailed.into())
    }
}

fn progress_for(len: Option<u64>) -> indicatif::ProgressBar {
    common::progress(len.unwrap_or(0), "reading")
}

/// A stream: one JSON line per record (`offset` + the decoded message, or `error`) and per
/// resync (`resync`); exit 1 at the end when anything was damaged.
fn decode_stream(input: Input) -> anyhow::Result<()> {
    let pb = progress_for(input.len);
    let pb2 = pb.clone();
    let rd = GossipReader::new(input.reader, stream_format(input.format))
        .with_progress(move |o| pb2.set_position(o));
    let mut out = Out::new();
    let mut bad = 0usize;
    for ev in rd {
        match ev? {
            Event::Header { .. } => {}
            Event::Resync { offset, skipped, reason } => {
                bad += 1;
                out.json_line(
                    &json!({"resync": {"offset": offset, "skipped": skipped, "reason": reason}}),
                )?;
            }
            Event::Record(r) => {
                let mut m = Map::new();
                m.insert("offset".into(), r.msg_offset.into());
                if let Some(t) = r.timestamp {
                    m.insert("store_timestamp".into(), t.into());
                }
                if let Some(f) = r.flags {
                    m.insert("store_flags".into(), json!(stream::store_flags::names(f)));
                }
                match stream::decode_store_message(&r.msg) {
                    Ok(d) => m.extend(d),
                    Err(e) => {
                        bad += 1;
                        let e = e.within(format!("record at offset {}", r.msg_offset));
                        m.insert("error".into(), e.to_string().into());
                        m.insert("hex".into(), hex::encode(&r.msg).into());
                    }
                }
                out.json_line(&Value::Object(m))?;
            }
        }
    }
    pb.finish_and_clear();
    out.flush()?;
    if bad > 0 {
        return Err(common::ChecksFailed.into());
    }
    Ok(())
}

fn decode_gossmap(input: Input) -> anyhow::Result<()> {
    let s = Snapshot::read_gzip(input.reader)?;
    let mut out = Out::new();
    for (i, c) in s.channels.iter().enumerate() {
        let half = |h: &lnkit::gossip::gossmap::Half| {
            json!({
                "disabled": h.disabled,
                "htlc_minimum_msat": h.htlc_minimum_msat,
                "htlc_maximum_msat": h.htlc_maximum_msat,
                "fee_base_msat": h.fee_base_msat,
                "fee_proportional_millionths": h.fee_proportional_millionths,
                "cltv_expiry_delta": h.cltv_expiry_delta,
            })
        };
        out.json_line(&json!({
            "channel": i,
            "node_1": c.nodes[0],
            "node_2": c.nodes[1],
            "capacity_sat": c.capacity_sat,
            "direction_0": half(&c.half[0]),
            "direction_1": half(&c.half[1]),
        }))?;
    }
    out.flush()?;
    Ok(())
}

/// Messages in one buffer: no allocation per message (a full graph is ~170k of them).
#[derive(Default)]
struct Msgs {
    data: Vec<u8>,
    ends: Vec<usize>,
}

impl Msgs {
    fn push(&mut self, m: &[u8]) {
        self.data.extend_from_slice(m);
        self.ends.push(self.data.len());
    }

    fn slices(&self) -> Vec<&[u8]> {
        let mut start = 0;
        self.ends
            .iter()
            .map(|&end| {
                let s = self.data.get(start..end).unwrap_or(&[]);
                start = end;
                s
            })
            .collect()
    }
}

/// What a file held: its messages (when kept), capacities, damage, or a snapshot.
#[derive(Default)]
struct Loaded {
    msgs: Msgs,
    /// `(short_channel_id, satoshis)` from gossip_store amount records.
    capacities: Vec<(u64, u64)>,
    resyncs: usize,
    skipped_bytes: u64,
    snapshot: Option<Snapshot>,
}

/// Reads a file, keeping every message (for verify and convert).
fn load(arg: &str, format: InFormat) -> anyhow::Result<Loaded> {
    let mut msgs = Msgs::default();
    let mut l = read_input(arg, format, &mut |m| msgs.push(m))?;
    l.msgs = msgs;
    Ok(l)
}

/// Reads a file straight into a graph at `now`, keeping no message.
fn load_graph(
    arg: &str,
    format: InFormat,
    at: Option<u32>,
    now: u64,
) -> anyhow::Result<(Graph, Loaded)> {
    let mut g = Graph::new(at);
    let l = read_input(arg, format, &mut |m| g.add(m))?;
    if let Some(s) = &l.snapshot {
        g = Graph::from_snapshot(s, u32::try_from(now).unwrap_or(u32::MAX));
        g.at = at;
    }
    for (scid, sat) in &l.capacities {
        g.set_capacity(*scid, *sat);
    }
    Ok((g, l))
}

/// Reads a file or stdin, giving each live message to `sink`.
fn read_input(arg: &str, format: InFormat, sink: &mut dyn FnMut(&[u8])) -> anyhow::Result<Loaded> {
    let input = open(arg, format)?;
    let mut l = Loaded::default();
    if input.format == InFormat::Gossmap {
        l.snapshot = Some(Snapshot::read_gzip(input.reader)?);
        return Ok(l);
    }
    let pb = progress_for(input.len);
    let pb2 = pb.clone();
    let rd = GossipReader::new(input.reader, stream_format(input.format))
        .with_progress(move |o| pb2.set_position(o));
    let mut last_ann: Option<u64> = None;
    for ev in rd {
        match ev? {
            Event::Header { .. } => {}
            Event::Resync { skipped, .. } => {
                l.resyncs += 1;
                l.skipped_bytes += skipped;
            }
            Event::Record(r) => {
                if r.flags.is_some_and(|f| f & stream::store_flags::DELETED != 0) {
                    continue;
                }
                match lnkit::gossip::msg::msg_type(&r.msg) {
                    Some(256) => {
                        last_ann = r.msg.get(2 + 256..).and_then(|b| {
                            let n = usize::from(u16::from_be_bytes([*b.first()?, *b.get(1)?]));
                            let s = b.get(2 + n + 32..2 + n + 40)?;
                            Some(u64::from_be_bytes(s.try_into().ok()?))
                        });
                        sink(&r.msg);
                    }
                    Some(4101) => {
                        if let (Some(scid), Some(b)) = (last_ann, r.msg.get(2..10)) {
                            if let Ok(a) = <[u8; 8]>::try_from(b) {
                                l.capacities.push((scid, u64::from_be_bytes(a)));
                            }
                        }
                    }
                    Some(t) if t < 4096 => sink(&r.msg),
                    _ => {}
                }
            }
        }
    }
    pb.finish_and_clear();
    Ok(l)
}

fn verify_cmd(
    file: &str,
    signers: Option<&str>,
    threads: Option<usize>,
    format: InFormat,
) -> anyhow::Result<()> {
    let signers = match signers {
        None => None,
        Some(p) => {
            let mut text = String::new();
            let (mut r, _) = open_raw(p)?;
            let mut head = r.fill_buf()?.to_vec();
            head.truncate(6);
            if head == XZ_MAGIC {
                let mut out = Bounded { buf: Vec::new(), left: common::MAX_INPUT };
                lzma_rs::xz_decompress(&mut r, &mut out)
                    .map_err(|e| lnkit::Error::invalid(format!("{p}: bad .xz data: {e}")))?;
                text = String::from_utf8(out.buf)
                    .map_err(|_| lnkit::Error::syntax(format!("{p}: not text")))?;
            } else {
                r.take(common::MAX_INPUT)
                    .read_to_string(&mut text)
                    .map_err(|_| lnkit::Error::syntax(format!("{p}: not text")))?;
            }
            Some(Signers::parse_csv(&text)?)
        }
    };
    let l = load(file, format)?;
    if l.snapshot.is_some() {
        return common::usage("a GOSSMAP snapshot has no signatures to verify");
    }
    let threads =
        threads.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, usize::from));
    let refs = l.msgs.slices();
    let pb = common::progress_items(refs.len() as u64, "verifying");
    let pb2 = pb.clone();
    let started = std::time::Instant::now();
    let report = verify::verify_batch(&refs, signers.as_ref(), threads, &move |n| pb2.inc(n));
    let secs = started.elapsed().as_secs_f64();
    pb.finish_and_clear();
    let mut v = report.to_json();
    if let Some(o) = v.as_object_mut() {
        o.insert("resyncs".into(), l.resyncs.into());
        o.insert("skipped_bytes".into(), l.skipped_bytes.into());
        o.insert("threads".into(), threads.into());
        o.insert("seconds".into(), ((secs * 1000.0).round() / 1000.0).into());
        if l.resyncs > 0 {
            o.insert("valid".into(), false.into());
        }
    }
    let mut out = Out::new();
    out.json(&v)?;
    out.flush()?;
    if report.all_ok() && l.resyncs == 0 {
        Ok(())
    } else {
        Err(common::ChecksFailed.into())
    }
}

fn now_or(t: Option<u64>) -> u64 {
    t.unwrap_or_else(|| {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs())
    })
}

fn graph_cmd(
    file: &str,
    now: Option<u64>,
    at: Option<u32>,
    format: GraphFormat,
    input_format: InFormat,
    chain: Option<(&Path, u32)>,
) -> anyhow::Result<()> {
    let now = now.or(at.map(u64::from));
    let now = now_or(now);
    let (mut g, l) = load_graph(file, input_format, at, now)?;
    let spent = match chain {
        Some((path, tip)) => {
            let text = String::from_utf8(common::read_file(path)?)
                .map_err(|_| lnkit::Error::syntax("spent file is not text"))?;
            let list = lnkit::gossip::graph::parse_spent(&text)?;
            let (forgotten, grace) = g.forget_spent(&list, tip);
            Some(json!({"height": tip, "forgotten": forgotten, "in_grace_period": grace}))
        }
        None => None,
    };
    let mut out = Out::new();
    match format {
        GraphFormat::Stats => {
            let mut v = g.stats(now);
            if let Some(o) = v.as_object_mut() {
                o.insert("resyncs".into(), l.resyncs.into());
                if let Some(s) = spent {
                    o.insert("spent".into(), s);
                }
            }
            out.json(&v)?;
        }
        GraphFormat::Json => out.json(&g.to_json(now))?,
        GraphFormat::Graphml => out.bytes(g.to_graphml().as_bytes())?,
        GraphFormat::Dot => out.bytes(g.to_dot().as_bytes())?,
    }
    out.flush()?;
    Ok(())
}

fn diff_cmd(a: &str, b: &str, now: Option<u64>) -> anyhow::Result<()> {
    let now = now_or(now);
    let (ga, _) = load_graph(a, InFormat::Auto, None, now)?;
    let (gb, _) = load_graph(b, InFormat::Auto, None, now)?;
    let v = lnkit::gossip::graph::diff(&ga, &gb, now);
    let mut out = Out::new();
    out.json(&v)?;
    out.flush()?;
    Ok(())
}

const QUERY_TYPES: [&str; 5] = [
    "query_short_channel_ids",
    "reply_short_channel_ids_end",
    "query_channel_range",
    "reply_channel_range",
    "gossip_timestamp_filter",
];

fn query(cmd: QueryCmd, common: &Common) -> anyhow::Result<()> {
    match cmd {
        QueryCmd::Decode { hex } => {
            let text = common::read_data(hex.as_deref(), "message hex")?;
            let bytes = common::hex_arg(&text)?;
            let m = lnkit::wire::decode_message(&bytes)?;
            let name = m.get("name").and_then(Value::as_str).unwrap_or("");
            if !QUERY_TYPES.contains(&name) {
                return Err(lnkit::Error::invalid(format!(
                    "message type {} is not a gossip query (261-265)",
                    m.get("type").cloned().unwrap_or(Value::Null)
                ))
                .into());
            }
            let mut out = Out::new();
            out.json(&Value::Object(m))?;
            out.flush()?;
            Ok(())
        }
        QueryCmd::Encode {
            what,
            first_block,
            blocks,
            timestamps,
            checksums,
            scids,
            flags,
            complete,
            first_timestamp,
            range,
            zlib,
            chain_hash,
        } => {
            let chain = match chain_hash {
                Some(h) => {
                    let b = common::hex_arg(&h)?;
                    if b.len() != 32 {
                        return common::usage("--chain-hash must be 32 bytes of hex");
                    }
                    hex::encode(b)
                }
                None => hex::encode(lnkit::network::chain_hash(common.network()?)),
            };
            let encoding = if zlib { "zlib" } else { "uncompressed" };
            let ids = json!({"encoding": encoding, "short_channel_ids": scids});
            let obj: Value = if what.trim_start().starts_with('{') {
                serde_json::from_str(&what)
                    .map_err(|e| lnkit::Error::syntax(format!("message JSON: {e}")))?
            } else {
                match what.as_str() {
                    "query_channel_range" => {
                        let tlvs = if timestamps || checksums {
                            json!({"query_option": {"timestamps": timestamps, "checksums": checksums}})
                        } else {
                            json!({})
                        };
                        json!({"name": what, "chain_hash": chain, "first_blocknum": first_block,
                            "number_of_blocks": blocks, "tlvs": tlvs})
                    }
                    "reply_channel_range" => json!({"name": what, "chain_hash": chain,
                        "first_blocknum": first_block, "number_of_blocks": blocks,
                        "sync_complete": complete, "encoded_short_ids": ids}),
                    "query_short_channel_ids" => {
                        if !flags.is_empty() && flags.len() != scids.len() {
                            return common::usage("--flags needs one value per --scids entry");
                        }
                        let tlvs = if flags.is_empty() {
                            json!({})
                        } else {
                            json!({"query_flags": {"encoding": encoding, "flags": flags}})
                        };
                        json!({"name": what, "chain_hash": chain, "encoded_short_ids": ids,
                            "tlvs": tlvs})
                    }
                    "reply_short_channel_ids_end" => {
                        json!({"name": what, "chain_hash": chain, "full_information": complete})
                    }
                    "gossip_timestamp_filter" => json!({"name": what, "chain_hash": chain,
                        "first_timestamp": first_timestamp, "timestamp_range": range}),
                    other => {
                        return common::usage(format!(
                            "unknown query {other:?} (expected one of: {}, or a JSON object)",
                            QUERY_TYPES.join(", ")
                        ))
                    }
                }
            };
            let map =
                obj.as_object().ok_or_else(|| lnkit::Error::syntax("expected a JSON object"))?;
            let bytes = lnkit::wire::encode_message(map)?;
            let mut out = Out::new();
            if common.json {
                let decoded = lnkit::wire::decode_message(&bytes)?;
                out.json(&json!({"hex": hex::encode(&bytes), "message": decoded}))?;
            } else {
                out.line(&hex::encode(&bytes))?;
            }
            out.flush()?;
            Ok(())
        }
    }
}
