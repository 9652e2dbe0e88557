//! BOLT 7 gossip and gossip v2 (bolts PR #1059).
//!
//! <https://github.com/lightning/bolts/blob/master/07-routing-gossip.md>

pub mod v2;
