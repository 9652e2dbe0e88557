//! Cryptography of the Lightning protocol.
//!
//! | module | implements |
//! |---|---|
//! | [`keys`] | BOLT 3 "Key Derivation": per-commitment points, derived and revocation keys |
//! | [`shachain`] | BOLT 3 "Per-commitment Secret Requirements": secret generation and compact storage |

pub mod keys;
pub mod shachain;
