//! The one integration-test crate: vectors, CLI behaviour, malformed input, generated files.

// Test code: a panic is how a check fails. clippy.toml's allow-*-in-tests only covers #[test]
// functions, not the helpers beside them.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]

mod support;
mod vectors_bolt03;
mod vectors_zero_fee;
