//! Cryptography over the `secp256k1` that `bitcoin` 0.32 re-exports: BOLT 3 key derivation and
//! shachain, BIP-340 Schnorr, BIP-327 MuSig2 and adaptor signatures.
//!
//! | module | implements |
//! |---|---|
//! | [`keys`] | BOLT 3 "Key Derivation": per-commitment points, derived and revocation keys |
//! | [`shachain`] | BOLT 3 "Per-commitment Secret Requirements": secret generation and compact storage |
//! | [`scalar`] | integers mod the group order n, zero included (BIP-340 "Notation") |
//! | [`point`] | group elements with the point at infinity (BIP-327 `cpoint_ext` / `cbytes_ext`) |
//! | [`schnorr`] | BIP-340: tagged hashes, Sign (with `aux_rand`), Verify |
//! | [`musig2`] | BIP-327 MuSig2: KeySort, KeyAgg, tweaks, NonceGen, NonceAgg, Sign, PartialSigVerify, PartialSigAgg, DeterministicSign; MuSig2 adaptor sessions in both conventions (notes/spec-protocol.md §1.3) |
//! | [`adaptor`] | single-signer BIP-340 adaptor signatures as in the secp256k1-zkp PR #299 draft (notes §1.2) |
//!
//! Nothing here is hardened against timing side channels beyond what libsecp256k1 gives for
//! point multiplication; the scalar code avoids secret-dependent branches where it is cheap.

// The BIPs' one-letter names (d, k, R, e, s, b, t) keep the code checkable line by line
// against the spec text.
#![allow(clippy::many_single_char_names)]

pub mod adaptor;
pub mod keys;
pub mod musig2;
pub mod point;
pub mod scalar;
pub mod schnorr;
pub mod shachain;

pub use adaptor::PreSignature;
pub use musig2::{AdaptorConvention, KeyAggContext, PubNonce, SecNonce, Session};
pub use point::Point;
pub use scalar::Scalar;
