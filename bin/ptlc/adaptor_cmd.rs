//! `ln-ptlc adaptor` and `ln-ptlc extract`: single-signer BIP-340 adaptor signatures and the
//! pre-signature encodings (glue only; MuSig2 adaptor sessions are `musig2 sign/aggregate
//! --adaptor T --convention ...`, whose pre-signatures these commands take as well).

use std::path::PathBuf;

use bitcoin::secp256k1::PublicKey;
use clap::{Args, Subcommand};
use lnkit::crypto::{adaptor, Point, Scalar};
use serde_json::json;

use crate::common;
use crate::input::{self, Encoding};

/// `ln-ptlc adaptor` subcommands.
#[derive(Subcommand, Debug)]
pub enum Cmd {
    /// Pre-sign a message under an adaptor point T (BIP-340 key from --key-file / LN_PTLC_KEY)
    Presign {
        /// File holding the 32-byte secret key as hex [env: LN_PTLC_KEY]
        #[arg(long, value_name = "FILE")]
        key_file: Option<PathBuf>,
        /// The message (hex / '-' / file)
        #[arg(long, value_name = "HEX")]
        msg: String,
        /// The adaptor point T (33-byte hex)
        #[arg(long, value_name = "POINT")]
        adaptor: String,
        /// 32 bytes of auxiliary randomness (hex); fresh random bytes when left out
        #[arg(long, value_name = "HEX")]
        aux: Option<String>,
        /// Output encoding of the pre-signature
        #[arg(long, value_enum, default_value = "adapted")]
        encoding: Encoding,
    },
    /// Check that a pre-signature becomes a valid signature once T's secret is added
    Verify {
        /// The signer's x-only (or compressed) public key
        #[arg(long, value_name = "KEY")]
        pubkey: String,
        /// The message (hex / '-' / file)
        #[arg(long, value_name = "HEX")]
        msg: String,
        /// The adaptor point T
        #[arg(long, value_name = "POINT")]
        adaptor: String,
        #[command(flatten)]
        pre: PreArgs,
    },
    /// Complete a pre-signature with the adaptor secret t into a BIP-340 signature
    Adapt {
        #[command(flatten)]
        pre: PreArgs,
        /// File holding the 32-byte adaptor secret as hex [env: LN_PTLC_SECRET]
        #[arg(long, value_name = "FILE")]
        secret_file: Option<PathBuf>,
    },
    /// Recover the adaptor secret from a pre-signature and the completed signature or a tx
    Extract(ExtractArgs),
    /// Convert a pre-signature between the adapted and un-adapted encodings
    Convert {
        /// The pre-signature (hex, JSON or file) in the other encoding
        #[arg(long, value_name = "PRESIG")]
        presig: String,
        /// The adaptor point T
        #[arg(long, value_name = "POINT")]
        adaptor: String,
        /// The encoding to produce (the input is the other one)
        #[arg(long, value_enum)]
        to: Encoding,
    },
}

/// A pre-signature argument.
#[derive(Args, Debug)]
pub struct PreArgs {
    /// The 65-byte pre-signature (hex, JSON from `presign`/`musig2 aggregate`, or a file)
    #[arg(long, value_name = "PRESIG")]
    pub presig: String,
    /// Its encoding: adapted = cbytes(R')||s' (default), unadapted = cbytes(R)||s' (needs T)
    #[arg(long, value_enum)]
    pub encoding: Option<Encoding>,
}

/// Arguments of `extract` (also the top-level `ln-ptlc extract`).
#[derive(Args, Debug)]
pub struct ExtractArgs {
    #[command(flatten)]
    pub pre: PreArgs,
    /// The completed 64-byte BIP-340 signature
    #[arg(long, value_name = "SIG", required_unless_present = "tx", conflicts_with = "tx")]
    pub sig: Option<String>,
    /// A transaction (hex) whose witness carries the completed signature
    #[arg(long, value_name = "HEX")]
    pub tx: Option<String>,
    /// The adaptor point T: the secret is checked against it (needed for --encoding unadapted)
    #[arg(long, value_name = "POINT")]
    pub adaptor: Option<String>,
}

fn opt_point(arg: Option<&str>) -> anyhow::Result<Option<PublicKey>> {
    arg.map(|a| input::point(a, "adaptor_point", "adaptor point")).transpose()
}

/// Runs an `adaptor` subcommand.
pub fn run(cmd: Cmd) -> anyhow::Result<()> {
    match cmd {
        Cmd::Presign { key_file, msg, adaptor: t, aux, encoding } => {
            let sk = input::secret32(key_file.as_ref(), "LN_PTLC_KEY", None, "key")?;
            let m = input::message(&msg)?;
            let t = input::point(&t, "adaptor_point", "adaptor point")?;
            let aux = match aux {
                Some(a) => input::load_fixed::<32>(&a, "aux", "aux")?,
                None => input::random32(),
            };
            let pre = adaptor::pre_sign(&sk, &m, &aux, &t)?;
            input::print(&json!({
                "pre_signature": input::encode_pre(&pre, encoding, &t)?,
                "encoding": encoding.name(),
                "pubkey": hex::encode(lnkit::crypto::schnorr::pubkey(&sk)?),
                "adaptor_point": hex::encode(t.serialize()),
            }))
        }
        Cmd::Verify { pubkey, msg, adaptor: point, pre } => {
            let pk = input::xonly(&pubkey, "pubkey", "public key")?;
            let msg = input::message(&msg)?;
            let point = input::point(&point, "adaptor_point", "adaptor point")?;
            let presig = input::pre_signature(&pre.presig, pre.encoding, Some(&point))?;
            let result = adaptor::pre_verify(&pk, &msg, &point, &presig);
            let mut v = json!({ "valid": result.is_ok() });
            if let Err(e) = &result {
                input::set(&mut v, "error", json!(e.to_string()));
            }
            input::print(&v)?;
            result.map_err(|_| common::ChecksFailed.into())
        }
        Cmd::Adapt { pre, secret_file } => {
            let t = input::secret32(secret_file.as_ref(), "LN_PTLC_SECRET", None, "secret")?;
            let scalar = Scalar::from_nonzero_bytes(&t)
                .ok_or_else(|| lnkit::Error::invalid("secret: must be in 1..n-1"))?;
            let point = Point::base_mul(&scalar).finite("adaptor point")?;
            let p = input::pre_signature(&pre.presig, pre.encoding, Some(&point))?;
            let sig = adaptor::adapt(&p, &t)?;
            input::print(&json!({ "signature": hex::encode(sig) }))
        }
        Cmd::Extract(args) => extract(&args),
        Cmd::Convert { presig, adaptor: t, to } => {
            let t = input::point(&t, "adaptor_point", "adaptor point")?;
            let from = match to {
                Encoding::Adapted => Encoding::Unadapted,
                Encoding::Unadapted => Encoding::Adapted,
            };
            let p = input::pre_signature(&presig, Some(from), Some(&t))?;
            input::print(&json!({
                "pre_signature": input::encode_pre(&p, to, &t)?,
                "encoding": to.name(),
                "adaptor_point": hex::encode(t.serialize()),
            }))
        }
    }
}

/// `extract`: from a signature, or from the witness of a transaction.
pub fn extract(args: &ExtractArgs) -> anyhow::Result<()> {
    let t = opt_point(args.adaptor.as_deref())?;
    let pre = input::pre_signature(&args.pre.presig, args.pre.encoding, t.as_ref())?;
    if let Some(txt) = &args.tx {
        let bytes = input::field_bytes(&input::load(txt, "transaction")?, "tx", "transaction")?;
        let tx: bitcoin::Transaction = bitcoin::consensus::deserialize(&bytes)
            .map_err(|e| lnkit::Error::invalid(format!("transaction: {e}")))?;
        let found = lnkit::ptlc::tx::extract_secret(&tx, &pre, t.as_ref())?;
        return input::print(&json!({
            "secret": hex::encode(found.secret),
            "input": found.input,
            "witness_item": found.item,
            "checked_against_adaptor_point": t.is_some(),
        }));
    }
    let Some(sig) = &args.sig else { return common::usage("give --sig or --tx") };
    let sig: [u8; 64] = input::load_fixed(sig, "signature", "signature")?;
    let secret = match &t {
        Some(t) => adaptor::extract_secret_for(&pre, &sig, t)?,
        None => adaptor::extract_secret(&pre, &sig)?,
    };
    input::print(&json!({
        "secret": hex::encode(secret),
        "checked_against_adaptor_point": t.is_some(),
    }))
}
