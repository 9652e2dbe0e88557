//! `ln-ptlc musig2`: a BIP-327 signing round over files or stdin/stdout JSON (glue only).
//!
//! Round: every signer runs `nonce` (secret nonce to a 0600 file, public nonce printed), then
//! `sign` with everyone's public nonces (the secret nonce file is overwritten, removed, and its
//! public nonce recorded as used in the state directory, so it can never sign twice), then anyone
//! runs `aggregate` and `verify`.

use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};

use anyhow::Context;
use bitcoin::hashes::{sha256, Hash};
use clap::{Args, Subcommand, ValueEnum};
use lnkit::crypto::musig2::{
    key_sort, nonce_gen, AggNonce, KeyAggContext, NonceGenExtras, PubNonce, SecNonce, Tweak,
};
use lnkit::crypto::{schnorr, AdaptorConvention, Session};
use serde_json::{json, Value};

use crate::common;
use crate::input::{self, Encoding};

/// `ln-ptlc musig2` subcommands.
#[derive(Subcommand, Debug)]
pub enum Cmd {
    /// KeyAgg: the aggregate public key of the signers' keys (BIP-327)
    Keyagg {
        #[command(flatten)]
        keys: KeyArgs,
    },
    /// NonceGen: write a fresh secret nonce to a file (mode 0600) and print the public nonce
    Nonce {
        #[command(flatten)]
        secret: SecretArgs,
        /// File to create for the secret nonce (refuses to overwrite)
        #[arg(long, value_name = "FILE")]
        secnonce_out: PathBuf,
        /// The signer's public key, when no secret key is given
        #[arg(long, value_name = "POINT")]
        signer: Option<String>,
        /// Message to bind the nonce to (optional, hex / '-' / file)
        #[arg(long, value_name = "HEX")]
        msg: Option<String>,
        /// Signers' keys to bind the nonce to the aggregate key (optional)
        #[arg(long = "pubkey", value_name = "POINT")]
        pubkeys: Vec<String>,
        /// Sort the keys (KeySort) before aggregating
        #[arg(long)]
        sort: bool,
    },
    /// Sign: one partial signature; consumes (destroys) the secret nonce file
    Sign {
        #[command(flatten)]
        session: SessionArgs,
        #[command(flatten)]
        secret: SecretArgs,
        /// The secret nonce file written by `nonce`
        #[arg(long, value_name = "FILE")]
        secnonce: PathBuf,
        /// Every signer's public nonce (JSON from `nonce`, hex, or a file), own included
        #[arg(long = "nonce", value_name = "NONCE", required = true)]
        nonces: Vec<String>,
        #[command(flatten)]
        state: StateArgs,
    },
    /// PartialSigVerify: check one signer's partial signature
    PartialVerify {
        #[command(flatten)]
        session: SessionArgs,
        /// Every signer's public nonce
        #[arg(long = "nonce", value_name = "NONCE", required = true)]
        nonces: Vec<String>,
        /// The partial signature (JSON from `sign`, or 32-byte hex with --signer)
        #[arg(long, value_name = "PSIG")]
        psig: String,
        /// With a hex --psig: the signer's public key (its nonce is matched by position)
        #[arg(long, value_name = "POINT")]
        signer: Option<String>,
    },
    /// PartialSigAgg: the BIP-340 signature (or, with --adaptor, the pre-signature)
    Aggregate {
        #[command(flatten)]
        session: SessionArgs,
        /// Every partial signature (JSON from `sign`; each is verified first)
        #[arg(long = "psig", value_name = "PSIG", required = true)]
        psigs: Vec<String>,
        /// Pre-signature encoding to print in an adaptor session
        #[arg(long, value_enum, default_value = "adapted")]
        encoding: Encoding,
    },
    /// Verify a BIP-340 signature (e.g. the aggregate) under an x-only key
    Verify {
        /// x-only or compressed key, or JSON from `keyagg` / `aggregate`
        #[arg(long, value_name = "KEY")]
        pubkey: String,
        /// The message (hex / '-' / file)
        #[arg(long, value_name = "HEX")]
        msg: String,
        /// The 64-byte signature (hex, or JSON from `aggregate`)
        #[arg(long, value_name = "SIG")]
        sig: String,
    },
}

/// The signers' keys and tweaks.
#[derive(Args, Debug)]
pub struct KeyArgs {
    /// A signer's public key (33-byte hex, or JSON from `nonce`); repeat for each, in order
    #[arg(long = "pubkey", value_name = "POINT", required = true)]
    pub pubkeys: Vec<String>,
    /// Sort the keys (KeySort) before aggregating
    #[arg(long)]
    pub sort: bool,
    /// A 32-byte tweak applied after KeyAgg (repeatable, in order)
    #[arg(long = "tweak", value_name = "HEX")]
    pub tweaks: Vec<String>,
    /// Apply the tweaks as x-only (BIP-341 TapTweak style) instead of plain (BIP-32 style)
    #[arg(long)]
    pub xonly: bool,
}

/// What defines a signing session.
#[derive(Args, Debug)]
pub struct SessionArgs {
    #[command(flatten)]
    pub keys: KeyArgs,
    /// The message (hex, any length; '-' or a file)
    #[arg(long, value_name = "HEX")]
    pub msg: String,
    /// Adaptor point T: the session produces a pre-signature completed by T's secret
    #[arg(long, value_name = "POINT")]
    pub adaptor: Option<String>,
    /// MuSig2 adaptor convention (default nonce-coefficient = libsecp256k1-zkp); all signers must agree
    #[arg(long, value_enum, default_value = "nonce-coefficient", requires = "adaptor")]
    pub convention: Convention,
}

/// The MuSig2 adaptor conventions (notes/spec-protocol.md §1.3).
#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum Convention {
    /// T folded into the nonce coefficient b (libsecp256k1-zkp musig; default)
    NonceCoefficient,
    /// T added to the final nonce only (the `musig2` crate 0.4)
    FinalNonce,
}

impl Convention {
    fn lib(self) -> AdaptorConvention {
        match self {
            Convention::NonceCoefficient => AdaptorConvention::NonceCoefficient,
            Convention::FinalNonce => AdaptorConvention::FinalNonce,
        }
    }

    fn name(self) -> &'static str {
        match self {
            Convention::NonceCoefficient => "nonce-coefficient",
            Convention::FinalNonce => "final-nonce",
        }
    }
}

/// The signer's secret key.
#[derive(Args, Debug)]
pub struct SecretArgs {
    /// File holding the signer's 32-byte secret key as hex [env: LN_PTLC_KEY]
    #[arg(long, value_name = "FILE")]
    pub key_file: Option<PathBuf>,
}

/// Where used nonces are recorded.
#[derive(Args, Debug)]
pub struct StateArgs {
    /// Directory of the used-nonce records [default: $XDG_STATE_HOME/lnkit, else ~/.local/state/lnkit]
    #[arg(long, value_name = "DIR")]
    pub state_dir: Option<PathBuf>,
}

/// Runs a `musig2` subcommand.
pub fn run(cmd: Cmd) -> anyhow::Result<()> {
    match cmd {
        Cmd::Keyagg { keys } => {
            let (ctx, order) = keyagg(&keys)?;
            input::print(&json!({
                "pubkeys": order.iter().map(hex::encode).collect::<Vec<_>>(),
                "aggregate_pubkey": hex::encode(ctx.xonly_pubkey()),
                "aggregate_plain_pubkey": hex::encode(ctx.plain_pubkey()),
            }))
        }
        Cmd::Nonce { secret, secnonce_out, signer, msg, pubkeys, sort } => {
            nonce(&secret, &secnonce_out, signer.as_deref(), msg.as_deref(), pubkeys, sort)
        }
        Cmd::Sign { session, secret, secnonce, nonces, state } => {
            sign(&session, &secret, &secnonce, &nonces, &state)
        }
        Cmd::PartialVerify { session, nonces, psig, signer } => {
            let s = build_session(&session, &parse_nonces(&nonces)?)?;
            let (pk, pubnonce, value) = parse_psig(&psig, signer.as_deref(), &nonces, &session)?;
            let r = s.session.verify_partial(&value, &pubnonce, &pk);
            let ok = r.is_ok();
            let mut v = json!({ "valid": ok, "pubkey": hex::encode(pk) });
            if let Err(e) = r {
                input::set(&mut v, "error", json!(e.to_string()));
            }
            input::print(&v)?;
            if ok {
                Ok(())
            } else {
                Err(common::ChecksFailed.into())
            }
        }
        Cmd::Aggregate { session, psigs, encoding } => aggregate(&session, &psigs, encoding),
        Cmd::Verify { pubkey, msg, sig } => {
            let pk = input::xonly(&pubkey, "aggregate_pubkey", "public key")?;
            let m = input::message(&msg)?;
            let sig: [u8; 64] = input::load_fixed(&sig, "signature", "signature")?;
            let r = schnorr::verify(&pk, &m, &sig);
            let mut v = json!({ "valid": r.is_ok(), "pubkey": hex::encode(pk) });
            if let Err(e) = &r {
                input::set(&mut v, "error", json!(e.to_string()));
            }
            input::print(&v)?;
            r.map_err(|_| common::ChecksFailed.into())
        }
    }
}

fn keyagg(keys: &KeyArgs) -> anyhow::Result<(KeyAggContext, Vec<[u8; 33]>)> {
    let mut pks = Vec::with_capacity(keys.pubkeys.len());
    for (i, p) in keys.pubkeys.iter().enumerate() {
        pks.push(input::load_fixed::<33>(p, "pubkey", &format!("pubkey {i}"))?);
    }
    if keys.sort {
        pks = key_sort(&pks);
    }
    let mut tweaks = Vec::with_capacity(keys.tweaks.len());
    for (i, t) in keys.tweaks.iter().enumerate() {
        let value = input::load_fixed::<32>(t, "tweak", &format!("tweak {i}"))?;
        tweaks.push(Tweak { value, is_xonly: keys.xonly });
    }
    Ok((KeyAggContext::with_tweaks(&pks, &tweaks)?, pks))
}

struct Built {
    session: Session,
    adaptor: Option<(bitcoin::secp256k1::PublicKey, Convention)>,
    aggnonce: AggNonce,
}

fn build_session(args: &SessionArgs, nonces: &[PubNonce]) -> anyhow::Result<Built> {
    let (ctx, _) = keyagg(&args.keys)?;
    let msg = input::message(&args.msg)?;
    let aggnonce = AggNonce::sum(nonces);
    let (session, adaptor) = match &args.adaptor {
        None => (Session::new(&ctx, &aggnonce, &msg)?, None),
        Some(t) => {
            let t = input::point(t, "adaptor_point", "adaptor point")?;
            let s = Session::new_adaptor(&ctx, &aggnonce, &msg, &t, args.convention.lib())?;
            (s, Some((t, args.convention)))
        }
    };
    Ok(Built { session, adaptor, aggnonce })
}

fn parse_nonces(args: &[String]) -> anyhow::Result<Vec<PubNonce>> {
    args.iter()
        .enumerate()
        .map(|(i, a)| {
            let what = format!("pubnonce {i}");
            let b = input::load_fixed::<66>(a, "pubnonce", &what)?;
            Ok(PubNonce::from_bytes(&b).map_err(|e| e.within(what))?)
        })
        .collect()
}

fn secret_key(args: &SecretArgs) -> anyhow::Result<[u8; 32]> {
    input::secret32(args.key_file.as_ref(), "LN_PTLC_KEY", None, "key")
}

fn has_secret(args: &SecretArgs) -> bool {
    args.key_file.is_some() || std::env::var("LN_PTLC_KEY").is_ok_and(|v| !v.trim().is_empty())
}

fn nonce(
    secret: &SecretArgs,
    out: &Path,
    signer: Option<&str>,
    msg: Option<&str>,
    pubkeys: Vec<String>,
    sort: bool,
) -> anyhow::Result<()> {
    let sk = if has_secret(secret) { Some(secret_key(secret)?) } else { None };
    let pk: [u8; 33] = match (&sk, signer) {
        (Some(sk), _) => {
            let d = lnkit::crypto::Scalar::from_nonzero_bytes(sk)
                .ok_or_else(|| lnkit::Error::invalid("key: secret key must be in 1..n-1"))?;
            lnkit::crypto::Point::base_mul(&d).finite("key")?.serialize()
        }
        (None, Some(p)) => input::load_fixed(p, "pubkey", "signer")?,
        (None, None) => {
            return common::usage("give the signer's --key-file (or LN_PTLC_KEY) or --signer POINT")
        }
    };
    let msg = msg.map(input::message).transpose()?;
    let aggpk = if pubkeys.is_empty() {
        None
    } else {
        let keys = KeyArgs { pubkeys, sort, tweaks: Vec::new(), xonly: false };
        Some(keyagg(&keys)?.0.xonly_pubkey())
    };
    let extras = NonceGenExtras {
        sk: sk.as_ref(),
        aggpk: aggpk.as_ref(),
        msg: msg.as_deref(),
        extra_in: None,
    };
    let (sec, public) = nonce_gen(&pk, &extras)?;
    write_secret_file(out, &hex::encode(sec.to_bytes()))?;
    input::print(&json!({
        "pubkey": hex::encode(pk),
        "pubnonce": hex::encode(public.to_bytes()),
    }))
}

/// Creates `path` with mode 0600, refusing to replace anything, and syncs it.
fn write_secret_file(path: &Path, text: &str) -> anyhow::Result<()> {
    let mut f = OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
        .with_context(|| format!("creating {} (it must not exist yet)", path.display()))?;
    f.write_all(text.as_bytes())?;
    f.write_all(b"\n")?;
    f.sync_all()?;
    Ok(())
}

fn state_dir(args: &StateArgs) -> anyhow::Result<PathBuf> {
    if let Some(d) = &args.state_dir {
        return Ok(d.clone());
    }
    if let Some(x) = std::env::var_os("XDG_STATE_HOME").filter(|v| !v.is_empty()) {
        return Ok(PathBuf::from(x).join("lnkit"));
    }
    match std::env::var_os("HOME").filter(|v| !v.is_empty()) {
        Some(h) => Ok(PathBuf::from(h).join(".local/state/lnkit")),
        None => common::usage("no state directory: set --state-dir, XDG_STATE_HOME or HOME"),
    }
}

/// Records the public nonce as used: one file per nonce, created exclusively, so two processes
/// racing on copies of the same secret nonce cannot both pass. Fails if it was used before.
fn record_used(dir: &Path, pubnonce: &PubNonce) -> anyhow::Result<PathBuf> {
    let used = dir.join("used-nonces");
    fs::create_dir_all(&used).with_context(|| format!("creating {}", used.display()))?;
    let id = sha256::Hash::hash(&pubnonce.to_bytes());
    let path = used.join(id.to_string());
    match OpenOptions::new().write(true).create_new(true).mode(0o600).open(&path) {
        Ok(mut f) => {
            f.write_all(format!("{}\n", hex::encode(pubnonce.to_bytes())).as_bytes())?;
            f.sync_all()?;
            // make the new directory entry durable before any signature leaves
            File::open(&used).and_then(|d| d.sync_all()).ok();
            Ok(path)
        }
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Err(lnkit::Error::rule(format!(
            "secret nonce already used (recorded in {}); signing again would leak the key: run `nonce` for a fresh one",
            path.display()
        ))
        .into()),
        Err(e) => Err(anyhow::Error::new(e).context(format!("writing {}", path.display()))),
    }
}

/// Overwrites the secret nonce file with zeros, syncs, and removes it.
fn destroy(path: &Path, len: usize) -> anyhow::Result<()> {
    let mut f = OpenOptions::new()
        .write(true)
        .open(path)
        .with_context(|| format!("opening {} to destroy it", path.display()))?;
    f.write_all(&vec![0u8; len.max(1)])?;
    f.sync_all()?;
    drop(f);
    fs::remove_file(path).with_context(|| format!("removing {}", path.display()))
}

fn sign(
    args: &SessionArgs,
    secret: &SecretArgs,
    secnonce_path: &Path,
    nonce_args: &[String],
    state: &StateArgs,
) -> anyhow::Result<()> {
    let sk = secret_key(secret)?;
    let raw = common::read_file(secnonce_path)?;
    let text = String::from_utf8(raw.clone())
        .map_err(|_| lnkit::Error::syntax("secret nonce file: not text"))?;
    let bytes = lnkit::encoding::parse_hex(text.trim())
        .map_err(|_| lnkit::Error::syntax("secret nonce file: not hex"))?;
    let sec = SecNonce::from_bytes(&input::fixed::<97>(&bytes, "secret nonce file")?)
        .map_err(|e| e.within("secret nonce file"))?;
    let own = sec.public_nonce()?;
    let own_pk = sec.pubkey();
    let nonces = parse_nonces(nonce_args)?;
    if !nonces.contains(&own) {
        return Err(lnkit::Error::invalid(
            "the secret nonce's public nonce is not among the --nonce values",
        )
        .into());
    }
    // everything that can fail on bad input is checked before the nonce is spent
    let built = build_session(args, &nonces)?;
    built.session.keyagg().key_agg_coeff(&own_pk)?;
    let d = lnkit::crypto::Scalar::from_nonzero_bytes(&sk)
        .ok_or_else(|| lnkit::Error::invalid("key: secret key must be in 1..n-1"))?;
    if lnkit::crypto::Point::base_mul(&d).finite("key")?.serialize() != own_pk {
        return Err(lnkit::Error::invalid("the secret nonce was generated for another key").into());
    }
    let dir = state_dir(state)?;
    record_used(&dir, &own)?;
    destroy(secnonce_path, raw.len())?;
    let psig = built.session.sign(sec, &sk)?;
    let mut v = json!({
        "pubkey": hex::encode(own_pk),
        "pubnonce": hex::encode(own.to_bytes()),
        "partial_signature": hex::encode(psig),
        "aggnonce": hex::encode(built.aggnonce.to_bytes()),
    });
    add_adaptor(&mut v, built.adaptor);
    input::print(&v)
}

fn add_adaptor(v: &mut Value, adaptor: Option<(bitcoin::secp256k1::PublicKey, Convention)>) {
    if let Some((t, c)) = adaptor {
        input::set(v, "adaptor_point", json!(hex::encode(t.serialize())));
        input::set(v, "convention", json!(c.name()));
    }
}

/// A partial signature argument: (signer key, its public nonce, the 32 bytes).
fn parse_psig(
    arg: &str,
    signer: Option<&str>,
    nonce_args: &[String],
    session: &SessionArgs,
) -> anyhow::Result<([u8; 33], PubNonce, [u8; 32])> {
    let data = input::load(arg, "partial signature")?;
    let value: [u8; 32] = input::fixed(
        &input::field_bytes(&data, "partial_signature", "partial signature")?,
        "partial signature",
    )?;
    if let input::Data::Json(_) = &data {
        let pk: [u8; 33] =
            input::fixed(&input::field_bytes(&data, "pubkey", "partial signature")?, "pubkey")?;
        let n: [u8; 66] =
            input::fixed(&input::field_bytes(&data, "pubnonce", "partial signature")?, "pubnonce")?;
        return Ok((pk, PubNonce::from_bytes(&n).map_err(|e| e.within("pubnonce"))?, value));
    }
    let Some(signer) = signer else {
        return common::usage("a hex --psig needs --signer POINT (or pass the JSON from `sign`)");
    };
    let pk: [u8; 33] = input::load_fixed(signer, "pubkey", "signer")?;
    let (ctx, order) = keyagg(&session.keys)?;
    drop(ctx);
    let pos = order
        .iter()
        .position(|p| *p == pk)
        .ok_or_else(|| lnkit::Error::invalid("signer is not among the --pubkey values"))?;
    let nonces = parse_nonces(nonce_args)?;
    let n = nonces
        .get(pos)
        .copied()
        .ok_or_else(|| lnkit::Error::invalid("no --nonce at the signer's position"))?;
    Ok((pk, n, value))
}

fn aggregate(args: &SessionArgs, psig_args: &[String], encoding: Encoding) -> anyhow::Result<()> {
    let mut parts = Vec::with_capacity(psig_args.len());
    for (i, a) in psig_args.iter().enumerate() {
        let data = input::load(a, &format!("psig {i}"))?;
        let input::Data::Json(_) = &data else {
            return common::usage("aggregate takes the JSON written by `sign` for each --psig");
        };
        let get = |f: &str| input::field_bytes(&data, f, &format!("psig {i}"));
        let pk: [u8; 33] = input::fixed(&get("pubkey")?, "pubkey")?;
        let n: [u8; 66] = input::fixed(&get("pubnonce")?, "pubnonce")?;
        let s: [u8; 32] = input::fixed(&get("partial_signature")?, "partial_signature")?;
        let n = PubNonce::from_bytes(&n).map_err(|e| e.within(format!("psig {i}: pubnonce")))?;
        parts.push((pk, n, s));
    }
    let nonces: Vec<PubNonce> = parts.iter().map(|p| p.1).collect();
    let built = build_session(args, &nonces)?;
    for (i, (pk, n, s)) in parts.iter().enumerate() {
        built.session.verify_partial(s, n, pk).map_err(|e| e.within(format!("psig {i}")))?;
    }
    let psigs: Vec<[u8; 32]> = parts.iter().map(|p| p.2).collect();
    let aggpk = built.session.keyagg().xonly_pubkey();
    let mut v = match built.adaptor {
        None => {
            let sig = built.session.aggregate(&psigs)?;
            schnorr::verify(&aggpk, &input::message(&args.msg)?, &sig)?;
            json!({ "signature": hex::encode(sig), "aggregate_pubkey": hex::encode(aggpk) })
        }
        Some((t, _)) => {
            let pre = built.session.aggregate_pre_signature(&psigs)?;
            json!({
                "pre_signature": input::encode_pre(&pre, encoding, &t)?,
                "encoding": encoding.name(),
                "aggregate_pubkey": hex::encode(aggpk),
            })
        }
    };
    add_adaptor(&mut v, built.adaptor);
    input::print(&v)
}
