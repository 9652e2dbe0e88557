//! PTLCs (notes/spec-protocol.md §1) and the channel update protocols they ride on (§2).
//!
//! | module | implements |
//! |---|---|
//! | [`sim`] | discrete-event simulator and interleaving explorer of BOLT 2 full-duplex updates vs bolts PR #867 turn-taking (+ NACK), and of the four PTLC signing flows (§1.5) |

pub mod sim;
