//! `ln-gossip v2 ...`: sign, verify and build SPV proofs for gossip v2 messages (glue only).

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
