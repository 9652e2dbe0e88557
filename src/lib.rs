//! lnkit: the core library of the `ln-*` Lightning toolkit.
//!
//! Bytes or text in, typed values out; no printing, no process exit, no argument parsing.
//!
//! | module | implements |
//! |---|---|
//! | [`bolt11`] | BOLT 11 invoices (all tagged fields, signature, recovery) and bLIP 39 blinded paths |
//! | [`bip353`] | BIP 353 DNS payment instructions: RFC 9102 DNSSEC proof to `bitcoin:` URI and offer |
//! | [`check`] | the `{check, ok, detail}` rows of BOLT 11 and BOLT 12 reader requirements |
//! | [`error`] | one error type with the byte offset and field path |
//! | [`encoding`] | BOLT 1 fundamental types: BigSize, truncated and signed integers, TLV streams |
//! | [`wire`] | the BOLT message catalogue (BOLT 1, BOLT 7), address descriptors, feature bits (BOLT 9) |
//! | [`gossip`] | BOLT 7 signature checks, gossip stream readers (GSP, gossip_store, GOSSMAP), the graph |
//! | [`types`] | `short_channel_id` (BOLT 7) |
//! | [`network`] | `--network` names, `bitcoin::Network`, BOLT chain hashes |
//! | [`crypto`] | BOLT 3 key derivation and shachain, BIP-340 Schnorr, BIP-327 MuSig2, adaptor signatures |
//! | [`gossip`] | BOLT 7 gossip; gossip v2 (taproot gossip, bolts PR #1059) messages, signatures, SPV proofs |
//! | [`policy`] | Bitcoin Core relay policy (standardness, dust, TRUC BIP 431, P2A BIP 433, ephemeral dust, packages, RBF) and the CPFP child builder |
//! | [`feasibility`] | payment feasibility (Pickhardt): W_G membership, payment probabilities, r(G), S = ζ/ρ (notes spec-protocol.md §6) |
//! | [`tx`] | BOLT 3 transactions: funding, commitment (static_remotekey, anchors, zero-fee, simple taproot), HTLC |
//! | [`offers`] | BOLT 12 offers, invoice requests, invoices; route blinding (BOLT 4); recurrence (PR #1240) |
//! | [`crypto`] | BIP-340 Schnorr, BIP-327 MuSig2, Schnorr and MuSig2 adaptor signatures |
//! | [`ptlc`] | PTLCs: multi-hop point locks, taproot PTLC outputs and second-stage transactions |
//! | [`ptlc`] | PTLC update-protocol simulator: BOLT 2 vs bolts PR #867 turn taking + NACK, PTLC signing flows |
#![forbid(unsafe_code)]
#![deny(clippy::print_stdout, clippy::print_stderr, clippy::exit, clippy::dbg_macro)]
#![warn(missing_docs)]

pub mod bip353;
pub mod bolt11;
pub mod check;
pub mod crypto;
pub mod encoding;
pub mod error;
pub mod feasibility;
pub mod gossip;
pub mod network;
pub mod offers;
pub mod policy;
pub mod ptlc;
pub mod tx;
pub mod types;
pub mod wire;

pub use error::{Error, ErrorKind, Result};
