//! BOLT 12 "Signature Calculation": the Merkle tree over TLV records (leaves `LnLeaf`, nonce
//! leaves `LnNonce`‖first-record, inner nodes `LnBranch` over the sorted pair; records 240–1000
//! excluded), and BIP-340 signatures over H("lightning"‖messagename‖fieldname, root).
//!
//! <https://github.com/lightning/bolts/blob/master/12-offer-encoding.md#signature-calculation>

use bitcoin::hashes::{sha256, Hash, HashEngine};
use std::sync::OnceLock;

use bitcoin::secp256k1::{
    schnorr, All, Keypair, Message, PublicKey, Secp256k1, SecretKey, XOnlyPublicKey,
};

use crate::error::{Error, ErrorKind, Result};

/// The crate's one shared context (`crypto::keys::secp`): creating one randomizes it (an EC
/// multiplication), which would dominate a decode.
pub fn secp() -> &'static Secp256k1<All> {
    crate::crypto::keys::secp()
}

/// Types 240..=1000 are signature records: outside the tree.
pub fn is_signature_type(ty: u64) -> bool {
    (240..=1000).contains(&ty)
}

/// A SHA256 engine already fed with SHA256(tag) twice (BIP-340 tagged hash prefix).
pub fn tagged_engine(tag: &[u8]) -> sha256::HashEngine {
    let t = sha256::Hash::hash(tag);
    let mut e = sha256::Hash::engine();
    e.input(t.as_byte_array());
    e.input(t.as_byte_array());
    e
}

/// H(tag, msg) = SHA256(SHA256(tag) ‖ SHA256(tag) ‖ msg).
pub fn tagged_hash(tag: &[u8], msg: &[u8]) -> [u8; 32] {
    let mut e = tagged_engine(tag);
    e.input(msg);
    sha256::Hash::from_engine(e).to_byte_array()
}

/// The three engines a tree needs, prefixed once and cloned per hash.
pub struct Hashers {
    leaf: sha256::HashEngine,
    nonce: sha256::HashEngine,
    branch: sha256::HashEngine,
}

/// The `LnLeaf` and `LnBranch` engines, prefixed once per process (their tags are fixed).
fn fixed_engines() -> &'static (sha256::HashEngine, sha256::HashEngine) {
    static E: OnceLock<(sha256::HashEngine, sha256::HashEngine)> = OnceLock::new();
    E.get_or_init(|| (tagged_engine(b"LnLeaf"), tagged_engine(b"LnBranch")))
}

impl Hashers {
    /// Hashers for a stream whose numerically-first record is `first_record` (type‖len‖value).
    pub fn new(first_record: &[u8]) -> Self {
        // The nonce tag is "LnNonce" ‖ first record: hashed incrementally, no copy.
        let mut t = sha256::Hash::engine();
        t.input(b"LnNonce");
        t.input(first_record);
        let t = sha256::Hash::from_engine(t);
        let mut nonce = sha256::Hash::engine();
        nonce.input(t.as_byte_array());
        nonce.input(t.as_byte_array());
        let (leaf, branch) = fixed_engines().clone();
        Hashers { leaf, nonce, branch }
    }

    /// H("LnLeaf", record).
    pub fn leaf(&self, record: &[u8]) -> [u8; 32] {
        let mut e = self.leaf.clone();
        e.input(record);
        sha256::Hash::from_engine(e).to_byte_array()
    }

    /// H("LnNonce"‖first-record, type as BigSize).
    pub fn nonce(&self, ty: u64) -> [u8; 32] {
        let mut e = self.nonce.clone();
        // The type as BigSize, fed straight from its big-endian bytes.
        let (prefix, from) = match ty {
            0..=0xfc => (None, 7),
            0xfd..=0xffff => (Some(0xfd), 6),
            0x1_0000..=0xffff_ffff => (Some(0xfe), 4),
            _ => (Some(0xff), 0),
        };
        if let Some(p) = prefix {
            e.input(&[p]);
        }
        e.input(ty.to_be_bytes().get(from..).unwrap_or(&[]));
        sha256::Hash::from_engine(e).to_byte_array()
    }

    /// H("LnBranch", lesser ‖ greater).
    pub fn branch(&self, a: &[u8; 32], b: &[u8; 32]) -> [u8; 32] {
        let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
        let mut e = self.branch.clone();
        e.input(lo);
        e.input(hi);
        sha256::Hash::from_engine(e).to_byte_array()
    }
}

/// Merkle root over `records` = (type, whole record bytes) in ascending type order; signature
/// records are skipped. `None` when no record is left.
pub fn root<'a>(records: impl IntoIterator<Item = (u64, &'a [u8])>) -> Option<[u8; 32]> {
    let mut recs = records.into_iter().filter(|(t, _)| !is_signature_type(*t)).peekable();
    let (_, first) = recs.peek()?;
    let h = Hashers::new(first);
    let mut level: Vec<[u8; 32]> =
        recs.map(|(t, rec)| h.branch(&h.leaf(rec), &h.nonce(t))).collect();
    // Combine neighbours at stride 1, 2, 4, ...: the odd one is carried up, so the lowest-order
    // leaves end deepest (the spec's uneven-tree rule).
    let n = level.len();
    let mut step = 1;
    while step < n {
        let mut i = 0;
        while i + step < n {
            if let (Some(a), Some(b)) = (level.get(i).copied(), level.get(i + step).copied()) {
                if let Some(slot) = level.get_mut(i) {
                    *slot = h.branch(&a, &b);
                }
            }
            i += step * 2;
        }
        step *= 2;
    }
    level.first().copied()
}

/// The tag of a signature field: "lightning" ‖ messagename ‖ fieldname.
pub fn signature_tag(message_name: &str, field_name: &str) -> String {
    format!("lightning{message_name}{field_name}")
}

/// The 32-byte message a BOLT 12 signature signs: H(tag, merkle_root).
pub fn signature_hash(message_name: &str, field_name: &str, root: &[u8; 32]) -> [u8; 32] {
    // H(tag, m) with the tag fed in pieces: no string is built.
    let mut t = sha256::Hash::engine();
    for part in ["lightning", message_name, field_name] {
        t.input(part.as_bytes());
    }
    let t = sha256::Hash::from_engine(t);
    let mut e = sha256::Hash::engine();
    e.input(t.as_byte_array());
    e.input(t.as_byte_array());
    e.input(root);
    sha256::Hash::from_engine(e).to_byte_array()
}

/// Verifies a BIP-340 signature over `hash` by the x-only form of the 33-byte `key`.
pub fn verify(hash: &[u8; 32], sig: &[u8], key: &[u8]) -> Result<()> {
    let pk =
        PublicKey::from_slice(key).map_err(|_| Error::invalid("signing key is not a point"))?;
    let (xonly, _) = pk.x_only_public_key();
    let sig = schnorr::Signature::from_slice(sig)
        .map_err(|_| Error::new(ErrorKind::Crypto, "signature is not 64 bytes"))?;
    let msg = Message::from_digest(*hash);
    secp()
        .verify_schnorr(&sig, &msg, &xonly)
        .map_err(|_| Error::new(ErrorKind::Crypto, "BIP-340 signature does not verify"))
}

/// Verifies against an already-parsed x-only key (fast path for benchmarks).
pub fn verify_xonly(hash: &[u8; 32], sig: &schnorr::Signature, key: &XOnlyPublicKey) -> bool {
    secp().verify_schnorr(sig, &Message::from_digest(*hash), key).is_ok()
}

/// Signs `hash` with BIP-340 (auxiliary randomness from the OS RNG).
pub fn sign(hash: &[u8; 32], key: &SecretKey) -> [u8; 64] {
    let kp = Keypair::from_secret_key(secp(), key);
    secp().sign_schnorr(&Message::from_digest(*hash), &kp).serialize()
}
