//! Taproot PTLC outputs (notes/spec-protocol.md §1.5) in the style of simple taproot channels
//! (bolts PR #995 `bolt-simple-taproot.md`, "HTLC Scripts & Transactions"): one tapscript leaf
//! per spending path, leaf version 0xc0, x-only keys, and the second-stage delayed output.
//!
//! A PTLC has no hash lock: the receiver's claim needs a signature of the *offerer* that the
//! offerer gave in advance as an adaptor pre-signature under the PTLC's point, so completing
//! the claim publishes the point's secret. Leaves, with `local`/`remote` seen from the holder of
//! the commitment transaction:
//!
//! * offered (holder pays remote):
//!   timeout `<local_ptlcpubkey> OP_CHECKSIGVERIFY <remote_ptlcpubkey> OP_CHECKSIG` (spent by
//!   the PTLC-timeout tx, whose locktime is `cltv_expiry`);
//!   success `<local_ptlcpubkey> OP_CHECKSIGVERIFY <remote_ptlcpubkey> OP_CHECKSIGVERIFY 1
//!   OP_CHECKSEQUENCEVERIFY` (the remote's claim-success tx, the local signature adaptor-signed);
//! * received (remote pays holder):
//!   success `<local_ptlcpubkey> OP_CHECKSIGVERIFY <remote_ptlcpubkey> OP_CHECKSIG` (the
//!   PTLC-success tx, the remote signature adaptor-signed);
//!   timeout `<remote_ptlcpubkey> OP_CHECKSIGVERIFY 1 OP_CHECKSEQUENCEVERIFY OP_VERIFY
//!   <cltv_expiry> OP_CHECKLOCKTIMEVERIFY` (as the accepted-HTLC timeout leaf).
//!
//! The key path is either the revocation key ([`KeyPath::Revocation`], exactly as the taproot
//! HTLC outputs) or the MuSig2 aggregate of the two PTLC keys ([`KeyPath::MuSig2`]): then the
//! PTLC-success spend can be one MuSig2 adaptor signature on the key path (≈188 WU less than
//! two tapscript signatures, §1.5) and revocation moves to a leaf `<revocationpubkey>
//! OP_CHECKSIG`.

use bitcoin::key::TweakedPublicKey;
use bitcoin::opcodes::all::{OP_CHECKSIG, OP_CHECKSIGVERIFY, OP_CSV};
use bitcoin::script::Builder;
use bitcoin::secp256k1::{PublicKey, XOnlyPublicKey};
use bitcoin::taproot::{ControlBlock, LeafVersion, TapLeafHash, TaprootBuilder, TaprootSpendInfo};
use bitcoin::{Script, ScriptBuf};

use crate::crypto::musig2::{key_sort, KeyAggContext, Tweak};
use crate::crypto::point::ctx;
use crate::tx::taproot::two_sig_leaf;
use crate::{Error, Result};

/// Which side offered the PTLC, seen from the commitment's holder.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Role {
    /// The holder pays the remote.
    Offered,
    /// The remote pays the holder.
    Received,
}

/// What the taproot internal key (the key path) is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum KeyPath {
    /// `revocationpubkey`, as the taproot HTLC outputs of simple taproot channels.
    #[default]
    Revocation,
    /// MuSig2 `KeyAgg(KeySort(local_ptlcpubkey, remote_ptlcpubkey))`; revocation is a leaf.
    MuSig2,
}

/// The keys of one PTLC output and its second stage (all per-commitment keys, BOLT 3 style).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PtlcKeys {
    /// `revocationpubkey`.
    pub revocation: PublicKey,
    /// `local_ptlcpubkey` (the holder's).
    pub local_ptlc: PublicKey,
    /// `remote_ptlcpubkey`.
    pub remote_ptlc: PublicKey,
    /// `local_delayedpubkey`, for the second-stage output.
    pub local_delayed: PublicKey,
}

/// A built PTLC output: its leaves, the taproot commitment and the output script.
#[derive(Clone, Debug)]
pub struct PtlcOutput {
    /// Offered or received.
    pub role: Role,
    /// What the key path is.
    pub key_path: KeyPath,
    /// The keys it was built from.
    pub keys: PtlcKeys,
    /// The CLTV expiry (a leaf constant for received PTLCs, the timeout tx's locktime for offered).
    pub cltv_expiry: u32,
    /// The timeout leaf.
    pub timeout_leaf: ScriptBuf,
    /// The success leaf.
    pub success_leaf: ScriptBuf,
    /// The revocation leaf ([`KeyPath::MuSig2`] only).
    pub revoke_leaf: Option<ScriptBuf>,
    /// The taproot internal key.
    pub internal_key: XOnlyPublicKey,
    /// Merkle root, output key, parity and control blocks.
    pub spend_info: TaprootSpendInfo,
}

/// The offered PTLC's success leaf (see the module doc).
#[must_use]
pub fn offered_success_leaf(keys: &PtlcKeys) -> ScriptBuf {
    Builder::new()
        .push_x_only_key(&keys.local_ptlc.x_only_public_key().0)
        .push_opcode(OP_CHECKSIGVERIFY)
        .push_x_only_key(&keys.remote_ptlc.x_only_public_key().0)
        .push_opcode(OP_CHECKSIGVERIFY)
        .push_int(1)
        .push_opcode(OP_CSV)
        .into_script()
}

/// The offered PTLC's timeout leaf.
#[must_use]
pub fn offered_timeout_leaf(keys: &PtlcKeys) -> ScriptBuf {
    two_sig_leaf(&keys.local_ptlc, &keys.remote_ptlc)
}

/// The received PTLC's success leaf.
#[must_use]
pub fn received_success_leaf(keys: &PtlcKeys) -> ScriptBuf {
    two_sig_leaf(&keys.local_ptlc, &keys.remote_ptlc)
}

/// The received PTLC's timeout leaf.
#[must_use]
pub fn received_timeout_leaf(keys: &PtlcKeys, cltv_expiry: u32) -> ScriptBuf {
    crate::tx::taproot::received_timeout_leaf(&keys.remote_ptlc, cltv_expiry)
}

/// `<revocationpubkey> OP_CHECKSIG` ([`KeyPath::MuSig2`]).
#[must_use]
pub fn revoke_leaf(keys: &PtlcKeys) -> ScriptBuf {
    Builder::new()
        .push_x_only_key(&keys.revocation.x_only_public_key().0)
        .push_opcode(OP_CHECKSIG)
        .into_script()
}

/// The MuSig2 key aggregation of the two PTLC keys (KeySort first, so both sides agree).
pub fn ptlc_keyagg(keys: &PtlcKeys) -> Result<KeyAggContext> {
    KeyAggContext::new(&key_sort(&[keys.local_ptlc.serialize(), keys.remote_ptlc.serialize()]))
}

fn finalize(builder: TaprootBuilder, internal_key: XOnlyPublicKey) -> Result<TaprootSpendInfo> {
    builder.finalize(ctx(), internal_key).map_err(|_| Error::invalid("incomplete tapscript tree"))
}

fn leaf_err(e: &bitcoin::taproot::TaprootBuilderError) -> Error {
    Error::invalid(format!("tapscript tree: {e}"))
}

impl PtlcOutput {
    /// Builds an offered or received PTLC output.
    pub fn new(role: Role, key_path: KeyPath, keys: &PtlcKeys, cltv_expiry: u32) -> Result<Self> {
        let (timeout_leaf, success_leaf) = match role {
            Role::Offered => (offered_timeout_leaf(keys), offered_success_leaf(keys)),
            Role::Received => {
                (received_timeout_leaf(keys, cltv_expiry), received_success_leaf(keys))
            }
        };
        let (internal_key, revoke, builder) = match key_path {
            KeyPath::Revocation => {
                let b = TaprootBuilder::new()
                    .add_leaf(1, timeout_leaf.clone())
                    .and_then(|b| b.add_leaf(1, success_leaf.clone()))
                    .map_err(|e| leaf_err(&e))?;
                (keys.revocation.x_only_public_key().0, None, b)
            }
            KeyPath::MuSig2 => {
                let agg = ptlc_keyagg(keys)?;
                let internal = XOnlyPublicKey::from_slice(&agg.xonly_pubkey())
                    .map_err(|_| Error::invalid("aggregate key"))?;
                let rl = revoke_leaf(keys);
                let b = TaprootBuilder::new()
                    .add_leaf(1, timeout_leaf.clone())
                    .and_then(|b| b.add_leaf(2, success_leaf.clone()))
                    .and_then(|b| b.add_leaf(2, rl.clone()))
                    .map_err(|e| leaf_err(&e))?;
                (internal, Some(rl), b)
            }
        };
        let spend_info = finalize(builder, internal_key)?;
        Ok(PtlcOutput {
            role,
            key_path,
            keys: *keys,
            cltv_expiry,
            timeout_leaf,
            success_leaf,
            revoke_leaf: revoke,
            internal_key,
            spend_info,
        })
    }

    /// `OP_1 <output key>`.
    #[must_use]
    pub fn script_pubkey(&self) -> ScriptBuf {
        ScriptBuf::new_p2tr_tweaked(self.spend_info.output_key())
    }

    /// The tweaked output key.
    #[must_use]
    pub fn output_key(&self) -> TweakedPublicKey {
        self.spend_info.output_key()
    }

    /// The control block that reveals `leaf`.
    pub fn control_block(&self, leaf: &Script) -> Result<ControlBlock> {
        control_block(&self.spend_info, leaf)
    }

    /// The BIP-341 TapTweak `t = hash_TapTweak(internal || merkle_root)` (the key path's tweak).
    #[must_use]
    pub fn tap_tweak(&self) -> [u8; 32] {
        self.spend_info.tap_tweak().to_scalar().to_be_bytes()
    }

    /// For [`KeyPath::MuSig2`]: the key aggregation with the TapTweak applied as an x-only tweak,
    /// ready for a MuSig2 (adaptor) session that signs the key path.
    pub fn key_path_keyagg(&self) -> Result<KeyAggContext> {
        if self.key_path != KeyPath::MuSig2 {
            return Err(Error::rule("the key path is the revocation key, not a MuSig2 aggregate"));
        }
        let mut agg = ptlc_keyagg(&self.keys)?;
        agg.apply_tweak(&Tweak { value: self.tap_tweak(), is_xonly: true })?;
        Ok(agg)
    }
}

fn control_block(info: &TaprootSpendInfo, leaf: &Script) -> Result<ControlBlock> {
    info.control_block(&(leaf.to_owned(), LeafVersion::TapScript))
        .ok_or_else(|| Error::invalid("the leaf is not in this output's tapscript tree"))
}

/// The TapLeaf hash of a tapscript leaf.
#[must_use]
pub fn leaf_hash(leaf: &Script) -> TapLeafHash {
    TapLeafHash::from_script(leaf, LeafVersion::TapScript)
}

/// The output of a PTLC-success / PTLC-timeout transaction, as the taproot HTLC second stage:
/// internal key `revocationpubkey`, one leaf `<local_delayedpubkey> OP_CHECKSIGVERIFY
/// <to_self_delay> OP_CHECKSEQUENCEVERIFY`.
#[derive(Clone, Debug)]
pub struct DelayedOutput {
    /// The delay leaf.
    pub leaf: ScriptBuf,
    /// The taproot commitment.
    pub spend_info: TaprootSpendInfo,
}

impl DelayedOutput {
    /// Builds it.
    pub fn new(
        revocation: &PublicKey,
        local_delayed: &PublicKey,
        to_self_delay: u16,
    ) -> Result<Self> {
        let leaf = Builder::new()
            .push_x_only_key(&local_delayed.x_only_public_key().0)
            .push_opcode(OP_CHECKSIGVERIFY)
            .push_int(i64::from(to_self_delay))
            .push_opcode(OP_CSV)
            .into_script();
        let b = TaprootBuilder::new().add_leaf(0, leaf.clone()).map_err(|e| leaf_err(&e))?;
        let spend_info = finalize(b, revocation.x_only_public_key().0)?;
        Ok(DelayedOutput { leaf, spend_info })
    }

    /// `OP_1 <output key>`.
    #[must_use]
    pub fn script_pubkey(&self) -> ScriptBuf {
        ScriptBuf::new_p2tr_tweaked(self.spend_info.output_key())
    }

    /// The control block of the delay leaf.
    pub fn control_block(&self) -> Result<ControlBlock> {
        control_block(&self.spend_info, &self.leaf)
    }
}
