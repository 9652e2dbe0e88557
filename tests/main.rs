//! The one integration-test crate: vectors, CLI behaviour, malformed input, generated files.
// Test code may panic: a panic is how a test fails. The lints guard the library and binaries.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]

mod cli_common;
mod cli_gossip;
mod generated;
mod gossip_data;
mod malformed;
mod support;
mod tidy;
mod vectors_bolt01;
mod vectors_bolt07;
