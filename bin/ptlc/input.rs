//! Input helpers shared by the ln-ptlc subcommands: a data argument is `-` (stdin), JSON text,
//! hex, or the path of a file holding JSON or hex (what the other subcommands wrote), so a
//! signing round can pass files around or pipe JSON.

use std::path::{Path, PathBuf};

use anyhow::Context;
use bitcoin::secp256k1::PublicKey;
use clap::ValueEnum;
use serde_json::Value;

use crate::common;

/// A loaded data argument.
pub enum Data {
    /// A JSON object (from one of our subcommands).
    Json(Value),
    /// Raw bytes.
    Bytes(Vec<u8>),
}

fn parse_text(text: &str, what: &str) -> anyhow::Result<Data> {
    let t = text.trim();
    if t.starts_with('{') {
        let v: Value = serde_json::from_str(t)
            .map_err(|e| lnkit::Error::syntax(format!("{what}: not valid JSON: {e}")))?;
        return Ok(Data::Json(v));
    }
    Ok(Data::Bytes(common::hex_arg(t).map_err(|e| anyhow::anyhow!("{what}: {e}"))?))
}

/// Loads `arg` as described in the module doc.
pub fn load(arg: &str, what: &str) -> anyhow::Result<Data> {
    if arg == "-" {
        return parse_text(&common::read_stdin()?, what);
    }
    let t = arg.trim();
    if t.starts_with('{') || lnkit::encoding::parse_hex(t).is_ok() {
        return parse_text(t, what);
    }
    let path = Path::new(arg);
    if path.exists() {
        let bytes = common::read_file(path)?;
        let text = String::from_utf8(bytes)
            .map_err(|_| lnkit::Error::syntax(format!("{what}: {} is not text", path.display())))?;
        return parse_text(&text, what).with_context(|| format!("in {}", path.display()));
    }
    Err(lnkit::Error::syntax(format!("{what}: {arg:?} is neither hex, JSON, nor an existing file"))
        .into())
}

/// The bytes of `data`: raw, or the hex string under `field` of a JSON object.
pub fn field_bytes(data: &Data, field: &str, what: &str) -> anyhow::Result<Vec<u8>> {
    match data {
        Data::Bytes(b) => Ok(b.clone()),
        Data::Json(v) => {
            let s = v.get(field).and_then(Value::as_str).ok_or_else(|| {
                lnkit::Error::invalid(format!("{what}: JSON has no string field {field:?}"))
            })?;
            Ok(common::hex_arg(s).map_err(|e| anyhow::anyhow!("{what}: {field}: {e}"))?)
        }
    }
}

/// Exactly `N` bytes.
pub fn fixed<const N: usize>(b: &[u8], what: &str) -> anyhow::Result<[u8; N]> {
    b.try_into().map_err(|_| {
        lnkit::Error::new(
            lnkit::ErrorKind::Length,
            format!("{what}: expected {N} bytes, got {}", b.len()),
        )
        .into()
    })
}

/// Loads `arg` and takes `N` bytes from it (or from `field` of its JSON).
pub fn load_fixed<const N: usize>(arg: &str, field: &str, what: &str) -> anyhow::Result<[u8; N]> {
    fixed(&field_bytes(&load(arg, what)?, field, what)?, what)
}

/// A compressed point.
pub fn point(arg: &str, field: &str, what: &str) -> anyhow::Result<PublicKey> {
    let b = load_fixed::<33>(arg, field, what)?;
    Ok(lnkit::crypto::point::cpoint(&b).map_err(|e| e.within(what.to_owned()))?)
}

/// An x-only key from 32 bytes, or the x of a 33-byte compressed point.
pub fn xonly(arg: &str, field: &str, what: &str) -> anyhow::Result<[u8; 32]> {
    let b = field_bytes(&load(arg, what)?, field, what)?;
    match b.len() {
        32 => fixed(&b, what),
        33 => {
            let p = lnkit::crypto::point::cpoint(&fixed(&b, what)?)
                .map_err(|e| e.within(what.to_owned()))?;
            Ok(lnkit::crypto::point::xbytes(&p))
        }
        n => Err(lnkit::Error::new(
            lnkit::ErrorKind::Length,
            format!("{what}: expected a 32-byte x-only or 33-byte key, got {n} bytes"),
        )
        .into()),
    }
}

/// A message: hex (any length), `-`, or a file holding hex.
pub fn message(arg: &str) -> anyhow::Result<Vec<u8>> {
    field_bytes(&load(arg, "message")?, "msg", "message")
}

/// A 32-byte secret from `--*-file`, the environment, or the command line (never echoed).
pub fn secret32(
    file: Option<&PathBuf>,
    env: &str,
    inline: Option<&str>,
    what: &str,
) -> anyhow::Result<[u8; 32]> {
    let Some(s) = common::read_secret(file.map(PathBuf::as_path), env, inline)? else {
        return common::usage(format!("missing {what} (give --{what}-file FILE or set {env})"));
    };
    // never include the value in an error
    let b = lnkit::encoding::parse_hex(&s)
        .map_err(|_| lnkit::Error::syntax(format!("{what}: not hex")))?;
    fixed(&b, what)
}

/// The two pre-signature encodings (notes/spec-protocol.md §1.2).
#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// cbytes(R') || s' with R' = R + T the adapted nonce (secp256k1-zkp draft; default)
    Adapted,
    /// cbytes(R) || s' with R the un-adapted nonce (the `musig2` crate's AdaptorSignature)
    Unadapted,
}

impl Encoding {
    /// The JSON name.
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Adapted => "adapted",
            Encoding::Unadapted => "unadapted",
        }
    }
}

/// A pre-signature argument: 65 bytes in `encoding` (flag, else the JSON's "encoding", else
/// adapted); the un-adapted encoding needs the adaptor point.
pub fn pre_signature(
    arg: &str,
    flag: Option<Encoding>,
    adaptor: Option<&PublicKey>,
) -> anyhow::Result<lnkit::crypto::PreSignature> {
    let data = load(arg, "pre-signature")?;
    let from_json = match &data {
        Data::Json(v) => match v.get("encoding").and_then(Value::as_str) {
            Some("unadapted") => Some(Encoding::Unadapted),
            Some("adapted") => Some(Encoding::Adapted),
            _ => None,
        },
        Data::Bytes(_) => None,
    };
    let bytes: [u8; 65] =
        fixed(&field_bytes(&data, "pre_signature", "pre-signature")?, "pre-signature")?;
    match flag.or(from_json).unwrap_or(Encoding::Adapted) {
        Encoding::Adapted => Ok(lnkit::crypto::PreSignature::from_bytes(&bytes)?),
        Encoding::Unadapted => {
            let Some(t) = adaptor else {
                return common::usage("the un-adapted encoding needs --adaptor POINT");
            };
            Ok(lnkit::crypto::PreSignature::from_unadapted_bytes(&bytes, t)?)
        }
    }
}

/// A pre-signature in `encoding` as hex.
pub fn encode_pre(
    pre: &lnkit::crypto::PreSignature,
    encoding: Encoding,
    adaptor: &PublicKey,
) -> anyhow::Result<String> {
    Ok(match encoding {
        Encoding::Adapted => hex::encode(pre.to_bytes()),
        Encoding::Unadapted => hex::encode(pre.to_unadapted_bytes(adaptor)?),
    })
}

/// Prints one JSON object.
pub fn print(v: &Value) -> anyhow::Result<()> {
    let mut out = common::Out::new();
    out.json(v)?;
    out.flush()?;
    Ok(())
}

/// Sets `key` of a JSON object (no-op on other values).
pub fn set(v: &mut Value, key: &str, val: Value) {
    if let Some(o) = v.as_object_mut() {
        o.insert(key.to_owned(), val);
    }
}

/// 32 bytes from the operating system's generator.
pub fn random32() -> [u8; 32] {
    use bitcoin::secp256k1::rand::{thread_rng, RngCore};
    let mut b = [0u8; 32];
    thread_rng().fill_bytes(&mut b);
    b
}
