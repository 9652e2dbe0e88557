//! The one integration-test crate: vectors, CLI behaviour, malformed input, generated files.
// Test code fails by panicking; the library's no-panic lints do not apply here.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]

mod support;
mod vectors_adaptor;
mod vectors_bip327;
mod vectors_bip340;
