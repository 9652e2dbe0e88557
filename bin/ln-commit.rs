//! ln-commit: the CLI definition and glue; logic lives in `lnkit`.

#[path = "common/mod.rs"]
mod common;

#[path = "commit/build_cmd.rs"]
mod build_cmd;
#[path = "commit/factory_cmd.rs"]
mod factory_cmd;
#[path = "commit/inspect_cmd.rs"]
mod inspect_cmd;
#[path = "commit/keys_cmd.rs"]
mod keys_cmd;
#[path = "commit/recover_cmd.rs"]
mod recover_cmd;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

use common::Common;

/// Build and inspect BOLT 3 Lightning transactions.
#[derive(Parser, Debug)]
#[command(name = "ln-commit", version, arg_required_else_help = true)]
struct Cli {
    #[command(flatten)]
    common: Common,
    #[command(subcommand)]
    cmd: Option<Cmd>,
}

#[derive(Subcommand, Debug)]
enum Cmd {
    /// Per-commitment secrets (shachain), their compact storage, and BOLT 3 key derivation
    Keys(keys_cmd::Args),
    /// Build (and sign, given keys) funding, commitment, HTLC, closing, sweep and penalty txs
    Build(build_cmd::Args),
    /// Decode a transaction: commitment number, output roles, fee, feerate, TRUC
    Inspect(inspect_cmd::Args),
    /// Lay out a SuperScalar / timeout-tree factory: paths, exit sizes and fees, TRUC checks
    Factory(factory_cmd::Args),
    /// Spurious force-close recovery: helper value, and the immediate to_local sweep
    Recover(recover_cmd::Args),
}

fn main() -> ExitCode {
    common::main_with(|| {
        let cli = Cli::parse();
        if common::generate::<Cli>(&cli.common)? {
            return Ok(());
        }
        match cli.cmd {
            Some(Cmd::Keys(a)) => keys_cmd::run(a, &cli.common),
            Some(Cmd::Build(a)) => build_cmd::run(a, &cli.common),
            Some(Cmd::Inspect(a)) => inspect_cmd::run(&a, &cli.common),
            Some(Cmd::Factory(a)) => factory_cmd::run(&a, &cli.common),
            Some(Cmd::Recover(a)) => recover_cmd::run(a, &cli.common),
            None => common::usage("a subcommand is required (see --help)"),
        }
    })
}
