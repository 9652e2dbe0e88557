//! lnkit: the core library of the `ln-*` Lightning toolkit.
//!
//! Bytes or text in, typed values out; no printing, no process exit, no argument parsing.
//!
//! | module | implements |
//! |---|---|
//! | [`error`] | one error type with the byte offset and field path |
//! | [`encoding`] | BOLT 1 fundamental types: BigSize, truncated and signed integers, TLV streams |
//! | [`wire`] | the BOLT message catalogue (BOLT 1), address descriptors, feature bits (BOLT 9) |
//! | [`types`] | `short_channel_id` (BOLT 7) |
//! | [`network`] | `--network` names, `bitcoin::Network`, BOLT chain hashes |
//! | [`crypto`] | BOLT 3 key derivation and shachain, BIP-340 Schnorr, BIP-327 MuSig2, adaptor signatures |
//! | [`gossip`] | BOLT 7 gossip; gossip v2 (taproot gossip, bolts PR #1059) messages, signatures, SPV proofs |
//! | [`tx`] | BOLT 3 transactions: funding, commitment (static_remotekey, anchors, zero-fee), HTLC |
//! | [`ptlc`] | PTLC update-protocol simulator: BOLT 2 vs bolts PR #867 turn taking + NACK, PTLC signing flows |
#![forbid(unsafe_code)]
#![deny(clippy::print_stdout, clippy::print_stderr, clippy::exit, clippy::dbg_macro)]
#![warn(missing_docs)]

pub mod crypto;
pub mod encoding;
pub mod error;
pub mod gossip;
pub mod network;
pub mod ptlc;
pub mod tx;
pub mod types;
pub mod wire;

pub use error::{Error, ErrorKind, Result};
