//! The one integration-test crate: vectors, CLI behaviour, malformed input, generated files.
// Test code may panic: a panic is how a test fails. The lints guard the library and binaries.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]

mod cli_common;
mod generated;
mod malformed;
mod sim_ptlc;
mod support;
mod tidy;
mod vectors_adaptor;
mod vectors_bip327;
mod vectors_bip340;
mod vectors_bolt01;
mod vectors_bolt03;
mod vectors_gossip_v2;
mod vectors_zero_fee;
