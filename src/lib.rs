//! lnkit: the core library of the `ln-*` Lightning toolkit.
//!
//! Bytes or text in, typed values out; no printing, no process exit, no argument parsing.
//!
//! | module | implements |
//! |---|---|
//! | [`error`] | one error type with the byte offset and field path |
//! | [`encoding`] | BOLT 1 fundamental types: BigSize, truncated and signed integers, TLV streams |
//! | [`wire`] | the BOLT message catalogue (BOLT 1, BOLT 7), address descriptors, feature bits (BOLT 9) |
//! | [`gossip`] | BOLT 7 signature checks, gossip stream readers (GSP, gossip_store, GOSSMAP), the graph |
//! | [`types`] | `short_channel_id` (BOLT 7) |
//! | [`network`] | `--network` names, `bitcoin::Network`, BOLT chain hashes |
#![forbid(unsafe_code)]
#![deny(clippy::print_stdout, clippy::print_stderr, clippy::exit, clippy::dbg_macro)]
#![warn(missing_docs)]

pub mod encoding;
pub mod error;
pub mod gossip;
pub mod network;
pub mod types;
pub mod wire;

pub use error::{Error, ErrorKind, Result};
