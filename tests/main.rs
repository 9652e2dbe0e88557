//! The one integration-test crate: vectors, CLI behaviour, malformed input, generated files.

mod support;
