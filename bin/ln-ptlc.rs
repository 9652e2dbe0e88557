//! ln-ptlc: the CLI definition and glue; logic lives in `lnkit`.

#[path = "common/mod.rs"]
mod common;

use std::process::ExitCode;

use clap::Parser;

use common::Common;

/// Schnorr adaptor signatures, MuSig2 and PTLCs.
#[derive(Parser, Debug)]
#[command(name = "ln-ptlc", version, arg_required_else_help = true)]
struct Cli {
    #[command(flatten)]
    common: Common,
}

fn main() -> ExitCode {
    common::main_with(|| {
        let cli = Cli::parse();
        if common::generate::<Cli>(&cli.common)? {
            return Ok(());
        }
        common::usage("nothing to do yet (see --help)")
    })
}
