//! ln-commit: the CLI definition and glue; logic lives in `lnkit`.

#[path = "common/mod.rs"]
mod common;

use std::process::ExitCode;

use clap::Parser;

use common::Common;

/// Build and inspect BOLT 3 Lightning transactions.
#[derive(Parser, Debug)]
#[command(name = "ln-commit", version, arg_required_else_help = true)]
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
