//! The one integration-test crate: vectors, CLI behaviour, malformed input, generated files.
// Test code may panic: a panic is how a test fails. The lints guard the library and binaries.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]

mod cli_commit;
mod cli_common;
mod cli_feasibility;
mod cli_gossip;
mod cli_gossip_v2_convert;
mod cli_offer;
mod cli_ptlc;
mod feasibility;
mod generated;
mod gossip_data;
mod interop_ldk_offers;
mod malformed;
mod offers_txt;
mod policy;
mod ptlc_lock;
mod ptlc_tx;
mod sim_ptlc;
mod support;
mod tidy;
mod vectors_adaptor;
mod vectors_bip327;
mod vectors_bip340;
mod vectors_bip353;
mod vectors_bolt01;
mod vectors_bolt03;
mod vectors_bolt07;
mod vectors_bolt07_routing;
mod vectors_bolt11;
mod vectors_bolt12;
mod vectors_commit;
mod vectors_gossip_v2;
mod vectors_taproot;
mod vectors_zero_fee;
