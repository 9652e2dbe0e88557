//! ln-gossip: decode and verify BOLT 7 gossip (the CLI definition and glue; logic in `lnkit`).

#[path = "common/mod.rs"]
mod common;
#[path = "gossip/v2_cmd.rs"]
mod v2_cmd;

use std::process::ExitCode;

use clap::{Parser, Subcommand};
use serde_json::Value;

use common::{Common, Out};

/// Decode and verify Lightning gossip and peer messages.
#[derive(Parser, Debug)]
#[command(name = "ln-gossip", version, arg_required_else_help = true)]
struct Cli {
    #[command(flatten)]
    common: Common,
    #[command(subcommand)]
    cmd: Option<Cmd>,
}

#[derive(Subcommand, Debug)]
enum Cmd {
    /// Decode one Lightning message (2-byte type + payload, as hex) into JSON with BOLT names
    Decode {
        /// The message as hex; '-' or omitted reads stdin
        hex: Option<String>,
    },
    /// Gossip v2 (taproot gossip, bolts PR #1059): sign, verify, SPV proofs
    #[command(subcommand)]
    V2(v2_cmd::V2Cmd),
}

fn main() -> ExitCode {
    common::main_with(|| {
        let cli = Cli::parse();
        if common::generate::<Cli>(&cli.common)? {
            return Ok(());
        }
        match cli.cmd {
            Some(Cmd::Decode { hex }) => decode(hex.as_deref()),
            Some(Cmd::V2(c)) => v2_cmd::run(c),
            None => common::usage("a subcommand is required (see --help)"),
        }
    })
}

fn decode(arg: Option<&str>) -> anyhow::Result<()> {
    let text = common::read_data(arg, "message hex")?;
    let bytes = common::hex_arg(&text)?;
    let msg = lnkit::wire::decode_message(&bytes)?;
    let mut out = Out::new();
    out.json(&Value::Object(msg))?;
    out.flush()?;
    Ok(())
}
