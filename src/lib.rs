//! lnkit: the core library of the `ln-*` Lightning toolkit.
//!
//! Bytes or text in, typed values out; no printing, no process exit, no argument parsing.
//!
//! | module | implements |
//! |---|---|
//! | [`bolt11`] | BOLT 11 invoices (all tagged fields, signature, recovery) and bLIP 39 blinded paths |
//! | [`bip353`] | BIP 353 DNS payment instructions: RFC 9102 DNSSEC proof to `bitcoin:` URI and offer |
//! | [`error`] | one error type with the byte offset and field path |
//! | [`encoding`] | BOLT 1 fundamental types: BigSize, truncated and signed integers, TLV streams |
//! | [`wire`] | the BOLT message catalogue (BOLT 1), address descriptors, feature bits (BOLT 9) |
//! | [`types`] | `short_channel_id` (BOLT 7) |
//! | [`network`] | `--network` names, `bitcoin::Network`, BOLT chain hashes |
#![forbid(unsafe_code)]
#![deny(clippy::print_stdout, clippy::print_stderr, clippy::exit, clippy::dbg_macro)]
#![warn(missing_docs)]

pub mod bip353;
pub mod bolt11;
pub mod encoding;
pub mod error;
pub mod network;
pub mod types;
pub mod wire;

pub use error::{Error, ErrorKind, Result};
