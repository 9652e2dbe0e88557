//! lnkit: the core library of the `ln-*` Lightning toolkit.
//!
//! Bytes or text in, typed values out; no printing, no process exit, no argument parsing.
//!
//! | module | implements |
//! |---|---|
//! | [`error`] | one error type with the byte offset and field path |
//! | [`encoding`] | BOLT 1 fundamental types: BigSize, truncated and signed integers, TLV streams |
//! | [`wire`] | the BOLT message catalogue (BOLT 1 now), feature bits (BOLT 9) |
//! | [`network`] | `--network` names, `bitcoin::Network`, BOLT chain hashes |
//! | [`crypto`] | BOLT 3 key derivation and per-commitment secrets (shachain) |
//! | [`tx`] | BOLT 3 transactions: funding, commitment (static_remotekey, anchors, zero-fee), HTLC |
#![forbid(unsafe_code)]
#![deny(clippy::print_stdout, clippy::print_stderr, clippy::exit, clippy::dbg_macro)]
#![warn(missing_docs)]

pub mod crypto;
pub mod error;
pub mod tx;

pub use error::{Error, ErrorKind, Result};
