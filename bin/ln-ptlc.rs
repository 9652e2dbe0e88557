//! ln-ptlc: the CLI definition and glue; logic lives in `lnkit`.

#[path = "ptlc/adaptor_cmd.rs"]
mod adaptor_cmd;
#[path = "common/mod.rs"]
mod common;
#[path = "ptlc/input.rs"]
mod input;
#[path = "ptlc/lock_cmd.rs"]
mod lock_cmd;
#[path = "ptlc/musig2_cmd.rs"]
mod musig2_cmd;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

use common::Common;

/// Schnorr adaptor signatures, MuSig2 and PTLCs.
#[derive(Parser, Debug)]
#[command(name = "ln-ptlc", version, arg_required_else_help = true)]
struct Cli {
    #[command(flatten)]
    common: Common,
    #[command(subcommand)]
    cmd: Option<Cmd>,
}

#[derive(Subcommand, Debug)]
enum Cmd {
    /// BIP-327 MuSig2 signing round over files or JSON: keyagg, nonce, sign, partial-verify, aggregate, verify
    Musig2 {
        #[command(subcommand)]
        cmd: musig2_cmd::Cmd,
    },
    /// BIP-340 adaptor signatures: presign, verify, adapt, extract, convert
    Adaptor {
        #[command(subcommand)]
        cmd: adaptor_cmd::Cmd,
    },
    /// Multi-hop point locks with per-hop decorrelation: derive, settle, check
    Lock {
        #[command(subcommand)]
        cmd: lock_cmd::Cmd,
    },
    /// Recover a PTLC secret from a pre-signature and an on-chain witness (or a signature)
    Extract(adaptor_cmd::ExtractArgs),
}

fn main() -> ExitCode {
    common::main_with(|| {
        let cli = Cli::parse();
        if common::generate::<Cli>(&cli.common)? {
            return Ok(());
        }
        match cli.cmd {
            Some(Cmd::Musig2 { cmd }) => musig2_cmd::run(cmd),
            Some(Cmd::Adaptor { cmd }) => adaptor_cmd::run(cmd),
            Some(Cmd::Lock { cmd }) => lock_cmd::run(cmd),
            Some(Cmd::Extract(args)) => adaptor_cmd::extract(&args),
            None => common::usage("a subcommand is required (see --help)"),
        }
    })
}
