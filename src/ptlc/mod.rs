//! Point time-locked contracts (notes/spec-protocol.md §1.4–1.5): multi-hop point locks with
//! per-hop decorrelation, taproot PTLC outputs in the simple-taproot-channels style (bolts PR
//! #995 "HTLC Scripts & Transactions"), their second-stage transactions, and the channel update
//! protocols they ride on (§2).
//!
//! | module | implements |
//! |---|---|
//! | [`lock`] | §1.4 multi-hop locks: per-hop tweaks, left/right locks, right-to-left settlement |
//! | [`script`] | §1.5 taproot PTLC outputs (offered / received) and the second-stage delayed output |
//! | [`tx`] | §1.5 PTLC-success / PTLC-timeout / claim-success transactions, sighashes, witnesses, extraction |
//! | [`sim`] | discrete-event simulator and interleaving explorer of BOLT 2 full-duplex updates vs bolts PR #867 turn-taking (+ NACK), and of the four PTLC signing flows (§1.5) |

pub mod lock;
pub mod script;
pub mod sim;
pub mod tx;
