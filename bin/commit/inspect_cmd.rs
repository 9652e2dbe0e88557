//! `ln-commit inspect`: a raw transaction in, its BOLT 3 reading out (always JSON).

use lnkit::tx::inspect::{self, InspectOptions};
use serde_json::Value;

use crate::build_cmd::read_json;
use crate::common::{self, Common, Out};

/// Decode a transaction: commitment detection and number, output roles, fee and feerate.
///
/// Outputs are named from the witness scripts of spending transactions (--spent-by), else from
/// scripts derived from --keys, else by template (P2A, P2WPKH to_remote, 330-sat anchors).
#[derive(clap::Args, Debug)]
pub struct Args {
    /// The raw transaction as hex; '-' or omitted reads stdin
    pub tx: Option<String>,
    /// payment_basepoint of the opener and of the accepter: decodes the commitment number
    #[arg(long, value_name = "OPENER,ACCEPTER")]
    pub basepoints: Option<String>,
    /// Funding amount in sat: prints the fee and the trimmed amount
    #[arg(long, value_name = "SAT")]
    pub funding_amount: Option<u64>,
    /// feerate_per_kw of the commitment: splits the fee into base fee and trimmed value
    #[arg(long, value_name = "N")]
    pub feerate_per_kw: Option<u32>,
    /// Keys to derive candidate scripts from: inline JSON or a file (see `build --spec`)
    #[arg(long, value_name = "JSON|FILE")]
    pub keys: Option<String>,
    /// A transaction spending outputs of this one (hex); repeatable
    #[arg(long, value_name = "HEX")]
    pub spent_by: Vec<String>,
}

pub fn run(a: &Args, _common: &Common) -> anyhow::Result<()> {
    let text = common::read_data(a.tx.as_deref(), "transaction hex")?;
    let tx = inspect::decode_tx(&common::hex_arg(&text)?)?;
    let mut opts = InspectOptions {
        funding_sat: a.funding_amount,
        feerate_per_kw: a.feerate_per_kw,
        ..Default::default()
    };
    if let Some(bp) = &a.basepoints {
        let parts: Vec<&str> = bp.split(',').map(str::trim).collect();
        let [o, acc] = parts.as_slice() else {
            return common::usage("--basepoints takes OPENER,ACCEPTER");
        };
        let parse = |s: &str| -> anyhow::Result<bitcoin::secp256k1::PublicKey> {
            let b = common::hex_arg(s)?;
            Ok(bitcoin::secp256k1::PublicKey::from_slice(&b).map_err(|_| {
                lnkit::Error::invalid(format!("--basepoints: {s} is not a public key"))
            })?)
        };
        opts.basepoints = Some((parse(o)?, parse(acc)?));
    }
    if let Some(k) = &a.keys {
        let v = read_json(Some(k), "keys")?;
        opts.keys = lnkit::tx::json::key_candidates(&v).map_err(|e| e.within("--keys"))?;
    }
    for s in &a.spent_by {
        opts.spent_by
            .push(inspect::decode_tx(&common::hex_arg(s)?).map_err(|e| e.within("--spent-by"))?);
    }
    let r = inspect::inspect(&tx, &opts)?;
    let mut out = Out::new();
    out.json(&Value::Object(r.json))?;
    out.flush()?;
    Ok(())
}
