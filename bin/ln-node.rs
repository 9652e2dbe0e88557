//! ln-node: the CLI definition and glue; logic lives in `lnkit`.

#[path = "common/mod.rs"]
mod common;

use std::process::ExitCode;

use clap::Parser;

use common::Common;

/// A Lightning node in the foreground.
#[derive(Parser, Debug)]
#[command(name = "ln-node", version, arg_required_else_help = true)]
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
