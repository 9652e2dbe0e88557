//! `ln-gossip v2 ...`: sign, verify and build SPV proofs for gossip v2 messages (glue only).

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

use clap::{Args, Subcommand, ValueEnum};
use lnkit::gossip::v2::{self, Digest, Parsed};
use serde_json::{json, Value};

use crate::common::{self, ChecksFailed, Out};

#[derive(Subcommand, Debug)]
pub enum V2Cmd {
    /// Sign a v2 message (node_announcement_2 / channel_update_2 with one key; channel_announcement_2 with all 4 or 3 co-signer keys, run as one local MuSig2 session)
    Sign(SignArgs),
    /// Verify a v2 message's BIP-340 signature (and, given the funding script, the announcement's keys)
    Verify(VerifyArgs),
    /// Build an aggregated SPV merkle proof for transactions of one block
    SpvBuild(SpvBuildArgs),
    /// Check an SPV proof: recompute the merkle root from the proven txids
    SpvVerify(SpvVerifyArgs),
    /// Re-encode a v1 graph (any stream `decode` reads, or a GOSSMAP snapshot) as v2 messages
    /// with synthetic deterministic keys; prints bytes per channel, v1 vs v2
    Convert(ConvertArgs),
}

/// Framing of `convert --out`.
#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutFormat {
    /// GSP\x01 header, big-endian CompactSize lengths
    Gsp,
    /// 2-byte big-endian length per message
    Be16,
    /// One JSON object per line: the decoded message and its `hex`
    Jsonl,
}

#[derive(Args, Debug)]
pub struct ConvertArgs {
    /// A v1 gossip file or GOSSMAP snapshot ('-' for stdin)
    file: String,
    /// Write the v2 messages here
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
    /// Framing of --out [default: jsonl for a .jsonl file, else gsp]
    #[arg(long, value_enum)]
    out_format: Option<OutFormat>,
    /// Sign every message (MuSig2 4-of-4 for announcements); without it signature records are
    /// all zeros (same sizes)
    #[arg(long)]
    sign: bool,
    /// MsgHash construction
    #[arg(long, value_enum, default_value = "lnd")]
    digest: DigestArg,
    /// Worker threads for keys and signatures (default: all cores)
    #[arg(long, value_name = "N")]
    threads: Option<usize>,
    /// Snapshot input: the timestamp its messages are given (unix seconds)
    #[arg(long, value_name = "T", default_value_t = 1_770_076_800)]
    timestamp: u32,
}

/// Which `MsgHash` construction (the PR text and lnd disagree).
#[derive(ValueEnum, Debug, Clone, Copy)]
pub enum DigestArg {
    /// tagged_hash(tag, m), as lnd computes it (default)
    Lnd,
    /// SHA256(SHA256(tag)||SHA256(tag)||SHA256(m)), as the PR appendix writes it
    Spec,
}

impl From<DigestArg> for Digest {
    fn from(d: DigestArg) -> Self {
        match d {
            DigestArg::Lnd => Digest::Lnd,
            DigestArg::Spec => Digest::Spec,
        }
    }
}

#[derive(Args, Debug)]
pub struct SignArgs {
    /// The unsigned (or signed) message as hex; '-' or omitted reads stdin
    msg: Option<String>,
    /// File with the secret key(s), 32-byte hex, one per line [env: LN_GOSSIP_KEYS, comma-separated]
    #[arg(long, value_name = "FILE")]
    key_file: Option<PathBuf>,
    /// MsgHash construction
    #[arg(long, value_enum, default_value = "lnd")]
    digest: DigestArg,
}

#[derive(Args, Debug)]
pub struct VerifyArgs {
    /// The message as hex; '-' or omitted reads stdin
    msg: Option<String>,
    /// Verify every v2 message of a stream instead (GSP, be16, hex lines; e.g. `convert`'s
    /// output): updates against the stream's announcements; prints a summary
    #[arg(long, value_name = "FILE", conflicts_with_all = ["msg", "announcement", "output_key", "funding_script"])]
    file: Option<String>,
    /// For channel_update_2: its channel_announcement_2 (hex)
    #[arg(long, value_name = "HEX")]
    announcement: Option<String>,
    /// For a channel_announcement_2 without bitcoin keys: the funding P2TR output key (x-only hex)
    #[arg(long, value_name = "HEX")]
    output_key: Option<String>,
    /// The funding output's scriptPubKey (hex): also check it is made of the announced keys
    #[arg(long, value_name = "HEX")]
    funding_script: Option<String>,
    /// MsgHash construction
    #[arg(long, value_enum, default_value = "lnd")]
    digest: DigestArg,
}

#[derive(Args, Debug)]
pub struct SpvBuildArgs {
    /// File with the block's txids (display hex, one per line, block order); '-' reads stdin
    txids: String,
    /// Positions of the transactions to prove (repeatable)
    #[arg(long = "index", required = true)]
    indices: Vec<u32>,
}

#[derive(Args, Debug)]
pub struct SpvVerifyArgs {
    /// The proof as JSON (what spv-build prints); '-' or omitted reads stdin
    proof: Option<String>,
    /// The proven txids in index order (display hex, repeatable)
    #[arg(long = "txid", required = true)]
    txids: Vec<String>,
    /// The block header's merkle root (display hex) to compare with
    #[arg(long)]
    merkle_root: Option<String>,
}

pub fn run(cmd: V2Cmd) -> anyhow::Result<()> {
    match cmd {
        V2Cmd::Sign(a) => sign(&a),
        V2Cmd::Verify(a) => verify(&a),
        V2Cmd::SpvBuild(a) => spv_build(&a),
        V2Cmd::SpvVerify(a) => spv_verify(&a),
        V2Cmd::Convert(a) => convert(&a),
    }
}

fn secrets(key_file: Option<&std::path::Path>) -> anyhow::Result<Vec<[u8; 32]>> {
    let text = common::read_secret(key_file, "LN_GOSSIP_KEYS", None)?
        .ok_or_else(|| common::Usage("signing needs --key-file or LN_GOSSIP_KEYS".into()))?;
    let mut out = Vec::new();
    for (i, line) in text.split(['\n', ',']).map(str::trim).filter(|l| !l.is_empty()).enumerate() {
        let b = lnkit::encoding::parse_hex(line)
            .map_err(|_| lnkit::Error::syntax(format!("secret key {} is not hex", i + 1)))?;
        out.push(
            b.try_into().map_err(|_| {
                lnkit::Error::invalid(format!("secret key {} is not 32 bytes", i + 1))
            })?,
        );
    }
    Ok(out)
}

fn sign(a: &SignArgs) -> anyhow::Result<()> {
    let msg = common::hex_arg(&common::read_data(a.msg.as_deref(), "message hex")?)?;
    let keys = secrets(a.key_file.as_deref())?;
    let signed = match keys.as_slice() {
        [one] => v2::sign_single(&msg, one, a.digest.into())?,
        [] => return common::usage("no secret keys given"),
        many => v2::sign_musig_local(&msg, many, a.digest.into())?,
    };
    let mut out = Out::new();
    out.line(&hex::encode(signed))?;
    out.flush()?;
    Ok(())
}

fn verify(a: &VerifyArgs) -> anyhow::Result<()> {
    if let Some(f) = &a.file {
        return verify_stream(f, a.digest.into());
    }
    let msg = common::hex_arg(&common::read_data(a.msg.as_deref(), "message hex")?)?;
    let p = Parsed::parse(&msg)?;
    let ann_bytes = a.announcement.as_deref().map(common::hex_arg).transpose()?;
    let ann = ann_bytes.as_deref().map(Parsed::parse).transpose()?;
    let output_key: Option<[u8; 32]> = match &a.output_key {
        Some(h) => Some(
            common::hex_arg(h)?
                .try_into()
                .map_err(|_| lnkit::Error::invalid("--output-key must be a 32-byte x-only key"))?,
        ),
        None => None,
    };
    let digest: Digest = a.digest.into();
    let mut checks = Vec::new();
    let key = v2::signing_key(&p, ann.as_ref(), output_key.as_ref())?;
    let sig = v2::verify(&p, &key, digest);
    checks.push(json!({
        "check": "signature",
        "ok": sig.is_ok(),
        "detail": sig.err().map_or_else(|| format!("valid under {}", key.derivation), |e| e.to_string()),
    }));
    if let Some(s) = &a.funding_script {
        let r = v2::check_funding_output(&p, &common::hex_arg(s)?);
        checks.push(json!({
            "check": "funding_output",
            "ok": r.is_ok(),
            "detail": match r { Ok(k) => k.to_string(), Err(e) => e.to_string() },
        }));
    }
    let valid = checks.iter().all(|c| c["ok"] == true);
    let report = json!({
        "name": p.name,
        "valid": valid,
        "signing_key": hex::encode(key.xonly),
        "key_derivation": key.derivation,
        "digest": match digest { Digest::Lnd => "lnd", Digest::Spec => "spec" },
        "msg_hash": hex::encode(p.digest(digest)),
        "signed_range": hex::encode(p.signed_bytes()),
        "checks": checks,
        "notes": v2::NOTES,
    });
    let mut out = Out::new();
    out.json(&report)?;
    out.flush()?;
    if valid {
        Ok(())
    } else {
        Err(ChecksFailed.into())
    }
}

/// Display-order hex txid → internal byte order.
fn txid_internal(s: &str) -> anyhow::Result<[u8; 32]> {
    let mut b: [u8; 32] = common::hex_arg(s)?
        .try_into()
        .map_err(|_| lnkit::Error::invalid(format!("txid {s:?} is not 32 bytes")))?;
    b.reverse();
    Ok(b)
}

fn spv_build(a: &SpvBuildArgs) -> anyhow::Result<()> {
    let text = if a.txids == "-" {
        common::read_stdin()?
    } else {
        String::from_utf8(common::read_file(std::path::Path::new(&a.txids))?)
            .map_err(|_| lnkit::Error::syntax("txid file is not text"))?
    };
    let txids: Vec<[u8; 32]> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(txid_internal)
        .collect::<anyhow::Result<_>>()?;
    let proof = v2::spv_build(&txids, &a.indices)?;
    let mut out = Out::new();
    out.json(&v2::spv_to_json(&proof))?;
    out.flush()?;
    Ok(())
}

fn spv_verify(a: &SpvVerifyArgs) -> anyhow::Result<()> {
    let text = common::read_data(a.proof.as_deref(), "proof JSON")?;
    let j: Value = serde_json::from_str(&text)
        .map_err(|e| lnkit::Error::syntax(format!("proof JSON: {e}")))?;
    let proof = v2::spv_from_json(&j)?;
    let txids: Vec<[u8; 32]> =
        a.txids.iter().map(|t| txid_internal(t)).collect::<anyhow::Result<_>>()?;
    let mut root = v2::spv_root(&proof, &txids)?;
    root.reverse();
    let root_hex = hex::encode(root);
    let matches = a.merkle_root.as_ref().map(|m| m.trim().eq_ignore_ascii_case(&root_hex));
    let mut out = Out::new();
    out.json(&json!({"merkle_root": root_hex, "matches": matches}))?;
    out.flush()?;
    if matches == Some(false) {
        return Err(ChecksFailed.into());
    }
    Ok(())
}

/// Verifies every v2 message of a stream; announcements first in the stream sign for their
/// updates (an update before its announcement counts as `without_announcement`).
fn verify_stream(file: &str, digest: Digest) -> anyhow::Result<()> {
    use lnkit::gossip::stream::{Event, GossipReader};
    let input = crate::open(file, crate::InFormat::Auto)?;
    let pb = crate::progress_for(input.len);
    let pb2 = pb.clone();
    let rd = GossipReader::new(input.reader, crate::stream_format(input.format))
        .with_progress(move |o| pb2.set_position(o));
    let mut anns: HashMap<Vec<u8>, Vec<u8>> = HashMap::new();
    let mut counts: BTreeMap<&'static str, (usize, usize)> = BTreeMap::new();
    let (mut without_ann, mut resyncs, mut not_v2) = (0usize, 0usize, 0usize);
    let mut failures = Vec::new();
    for ev in rd {
        let r = match ev? {
            Event::Record(r) => r,
            Event::Resync { .. } => {
                resyncs += 1;
                continue;
            }
            Event::Header { .. } => continue,
        };
        let Ok(p) = Parsed::parse(&r.msg) else {
            not_v2 += 1;
            continue;
        };
        let ann = if p.ty == 271 {
            let Some(raw) = p.get(2).and_then(|scid| anns.get(scid)) else {
                without_ann += 1;
                continue;
            };
            Some(Parsed::parse(raw)?)
        } else {
            None
        };
        let res = v2::signing_key(&p, ann.as_ref(), None).and_then(|k| v2::verify(&p, &k, digest));
        let c = counts.entry(p.name).or_default();
        match res {
            Ok(()) => {
                c.0 += 1;
                if p.ty == 267 {
                    if let Some(scid) = p.get(4) {
                        anns.insert(scid.to_vec(), r.msg.clone());
                    }
                }
            }
            Err(e) => {
                c.1 += 1;
                if failures.len() < 100 {
                    failures.push(
                        json!({"offset": r.msg_offset, "name": p.name, "error": e.to_string()}),
                    );
                }
            }
        }
    }
    pb.finish_and_clear();
    let failed: usize = counts.values().map(|c| c.1).sum();
    let valid = failed == 0 && resyncs == 0 && not_v2 == 0 && without_ann == 0;
    let per: serde_json::Map<String, Value> = counts
        .iter()
        .map(|(k, (ok, bad))| ((*k).to_string(), json!({"ok": ok, "failed": bad})))
        .collect();
    let report = json!({
        "valid": valid,
        "digest": match digest { Digest::Lnd => "lnd", Digest::Spec => "spec" },
        "messages": per,
        "updates_without_announcement": without_ann,
        "not_v2": not_v2,
        "resyncs": resyncs,
        "failures": failures,
    });
    let mut out = Out::new();
    out.json(&report)?;
    out.flush()?;
    if valid {
        Ok(())
    } else {
        Err(ChecksFailed.into())
    }
}

fn convert(a: &ConvertArgs) -> anyhow::Result<()> {
    use lnkit::gossip::convert::{self, Options};
    let loaded = crate::load(&a.file, crate::InFormat::Auto)?;
    let l = &loaded;
    let mut caps: HashMap<u64, u64> = l.capacities.iter().copied().collect();
    let started = std::time::Instant::now();
    let (msgs, source) = match &l.snapshot {
        Some(snap) => {
            // The snapshot has no messages: make unsigned v1 ones (same sizes as signed).
            let n = snap.channels.len();
            let mut m = snap.to_gossip_with(0..n, a.timestamp, false)?;
            m.extend(snap.node_announcements(0..snap.node_count, a.timestamp, false)?);
            for (i, c) in snap.channels.iter().enumerate() {
                caps.insert(lnkit::gossip::gossmap::synthetic_scid(i as u64), c.capacity_sat);
            }
            (m, "gossmap")
        }
        None => (Vec::new(), "gossip"),
    };
    let v1_seconds = started.elapsed().as_secs_f64();
    let threads =
        a.threads.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, usize::from));
    let opts = Options { sign: a.sign, digest: a.digest.into(), threads };
    let refs: Vec<&[u8]> = if l.snapshot.is_some() {
        msgs.iter().map(Vec::as_slice).collect()
    } else {
        l.msgs.slices()
    };
    let pb =
        common::progress_items(0, if a.sign { "converting and signing" } else { "converting" });
    let started = std::time::Instant::now();
    let c = convert::convert(&refs, &caps, &opts)?;
    let secs = started.elapsed().as_secs_f64();
    pb.finish_and_clear();
    drop(refs);
    drop(msgs);
    let mut report = c.report.to_json();
    let round = |x: f64| (x * 1000.0).round() / 1000.0;
    if let Some(o) = report.as_object_mut() {
        o.insert("source".into(), source.into());
        o.insert("threads".into(), threads.into());
        o.insert("digest".into(), format!("{:?}", a.digest).to_lowercase().into());
        o.insert("seconds".into(), round(secs).into());
        if source == "gossmap" {
            o.insert("snapshot_v1_seconds".into(), round(v1_seconds).into());
        }
        if let Some(path) = &a.out {
            let fmt = a.out_format.unwrap_or(if path.extension().is_some_and(|e| e == "jsonl") {
                OutFormat::Jsonl
            } else {
                OutFormat::Gsp
            });
            let bytes = write_messages(path, fmt, &c.messages)?;
            o.insert(
                "output".into(),
                json!({"file": path.display().to_string(), "format": format!("{fmt:?}").to_lowercase(),
                       "messages": c.messages.len(), "bytes": bytes}),
            );
        }
        o.insert("notes".into(), json!(v2::NOTES));
    }
    let mut out = Out::new();
    out.json(&report)?;
    out.flush()?;
    Ok(())
}

fn write_messages(path: &std::path::Path, fmt: OutFormat, msgs: &[Vec<u8>]) -> anyhow::Result<u64> {
    use std::io::Write;
    let f = std::fs::File::create(path)
        .map_err(|e| anyhow::Error::new(e).context(format!("creating {}", path.display())))?;
    let mut w = std::io::BufWriter::new(f);
    let mut n = 0u64;
    let mut put = |w: &mut std::io::BufWriter<std::fs::File>, b: &[u8]| -> std::io::Result<()> {
        n += b.len() as u64;
        w.write_all(b)
    };
    if fmt == OutFormat::Gsp {
        put(&mut w, b"GSP\x01")?;
    }
    for m in msgs {
        let len = u16::try_from(m.len())
            .map_err(|_| lnkit::Error::invalid("message over 65535 bytes"))?;
        match fmt {
            OutFormat::Gsp if len < 0xfd => put(&mut w, &[len as u8])?,
            OutFormat::Gsp => {
                put(&mut w, &[0xfd])?;
                put(&mut w, &len.to_be_bytes())?;
            }
            OutFormat::Be16 => put(&mut w, &len.to_be_bytes())?,
            OutFormat::Jsonl => {
                let mut d = lnkit::wire::decode_message(m)?;
                d.insert("hex".into(), hex::encode(m).into());
                let mut line = serde_json::to_vec(&Value::Object(d))?;
                line.push(b'\n');
                put(&mut w, &line)?;
                continue;
            }
        }
        put(&mut w, m)?;
    }
    w.flush()?;
    Ok(n)
}
