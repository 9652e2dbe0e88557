//! ln-offer: the CLI definition and glue; logic lives in `lnkit`.

#[path = "common/mod.rs"]
mod common;

use std::process::ExitCode;

use clap::Parser;

use common::Common;

/// BOLT 12 offers, invoice requests and invoices; BOLT 11 invoices.
#[derive(Parser, Debug)]
#[command(name = "ln-offer", version, arg_required_else_help = true)]
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
