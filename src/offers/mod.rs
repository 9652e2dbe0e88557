//! BOLT 12 "Negotiation Protocol for Lightning Payments": offers, invoice requests, invoices and
//! invoice errors — string codec, TLV tables, Merkle signatures, reader checks, writers, route
//! blinding (BOLT 4), recurrence (bolts PR #1240) and contacts (bLIP 42).
//!
//! <https://github.com/lightning/bolts/blob/master/12-offer-encoding.md>
//!
//! Entry points for other tools:
//! - [`decode_str`] / [`decode_str_with`]: `lno…`/`lnr…`/`lni…` → [`Decoded`];
//!   [`decode_bytes`] for a bare TLV stream of a known [`Kind`]; [`Decoded::to_json`] renders
//!   the report (`type`, fields in spec order, `offer_id`, `merkle_root`, `signature_hash`,
//!   `checks`, `valid`); [`Decoded::raw_rows`] the per-record view.
//! - [`string::encode`] / [`string::decode`]: the bech32-style text form.
//! - [`tables::BlindedPath`], [`blinding::Payinfo`]: shared with BOLT 11 bLIP 39 paths.

pub mod blinding;
pub mod build;
pub mod chain;
pub mod contact;
pub mod decode;
pub mod merkle;
pub mod recurrence;
pub mod string;
pub mod tables;

pub use decode::{
    decode_bytes, decode_str, decode_str_with, guess_kind, Check, Decoded, Kind, Options,
};

/// Renders any decoded message as the JSON the `ln-offer decode` command prints.
pub fn to_json(d: &Decoded) -> serde_json::Value {
    d.to_json()
}

/// The string form (`lno1…`, `lnr1…`, `lni1…`) of a decoded message.
pub fn to_string(d: &Decoded) -> String {
    string::encode(d.kind.hrp(), &d.bytes)
}
