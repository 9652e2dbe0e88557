//! Simple taproot channels (bolts#995, extension BOLT "Simple Taproot Channels"): the MuSig2
//! funding output (BIP 86 tweak of `KeyAgg(KeySort(..))`), tapscript `to_local` / `to_remote`
//! on the NUMS point, keyed P2TR anchors, offered/accepted HTLC outputs with the revocation key
//! as internal key, second-level HTLC transactions with BIP-340 signatures, and the MuSig2
//! signing of the commitment's key-path spend.
//!
//! [`super::ChannelType::SimpleTaproot`] names the format; the segwit-v0 builders refuse it and
//! [`TaprootCommitment::build`] takes a [`TaprootSpec`] (see [`TaprootSpec::from_commitment_spec`]).

use bitcoin::absolute::LockTime;
use bitcoin::hashes::Hash;
use bitcoin::key::XOnlyPublicKey;
use bitcoin::opcodes::all::{
    OP_CHECKSIG, OP_CHECKSIGVERIFY, OP_CLTV, OP_CSV, OP_DROP, OP_EQUALVERIFY, OP_HASH160, OP_SIZE,
    OP_VERIFY,
};
use bitcoin::script::Builder;
use bitcoin::secp256k1::PublicKey;
use bitcoin::sighash::{Prevouts, SighashCache, TapSighashType};
use bitcoin::taproot::{ControlBlock, LeafVersion, TapLeafHash, TaprootBuilder, TaprootSpendInfo};
use bitcoin::transaction::Version;
use bitcoin::{Amount, OutPoint, ScriptBuf, Sequence, Transaction, TxIn, TxOut, Txid, Witness};

use super::commitment::{CommitmentKeys, CommitmentSpec, Htlc, HtlcDirection, OutputRole, Side};
use super::weight;
use crate::crypto::keys::secp;
use crate::crypto::musig2::{self, KeyAggContext, PubNonce, SecNonce, Session, Tweak};
use crate::crypto::schnorr;
use crate::{Error, Result};

/// `simple_taproot_nums`: the internal key of `to_local` and `to_remote` (nobody knows its
/// discrete log, so only the script paths spend them).
pub const NUMS_POINT: [u8; 33] = [
    0x02, 0xdc, 0xa0, 0x94, 0x75, 0x11, 0x09, 0xd0, 0xbd, 0x05, 0x5d, 0x03, 0x56, 0x58, 0x74, 0xe8,
    0x27, 0x6d, 0xd5, 0x3e, 0x92, 0x6b, 0x44, 0xe3, 0xbd, 0x1b, 0xb6, 0xbf, 0x4b, 0xc1, 0x30, 0xa2,
    0x79,
];

/// Commitment weight without HTLC outputs (both main outputs, two P2TR anchors, key-path
/// witness). Not printed in the proposal; it is the value the vectors' fees imply.
pub const COMMITMENT_WEIGHT: u64 = 968;
/// Weight of each HTLC output (a 43-byte P2TR output).
pub const HTLC_OUTPUT_WEIGHT: u64 = 172;

fn xonly(k: &PublicKey) -> XOnlyPublicKey {
    k.x_only_public_key().0
}

fn nums() -> Result<PublicKey> {
    PublicKey::from_slice(&NUMS_POINT).map_err(|_| Error::invalid("NUMS point"))
}

/// A P2TR output with its script leaves.
#[derive(Debug, Clone)]
pub struct TapOutput {
    /// Internal key.
    pub internal_key: XOnlyPublicKey,
    /// Leaf scripts (tapscript, leaf version 0xc0).
    pub leaves: Vec<ScriptBuf>,
    /// Spend info (merkle root, output key, control blocks).
    pub spend_info: TaprootSpendInfo,
}

impl TapOutput {
    /// Builds the output; one leaf sits at the root, two sit at depth 1.
    pub fn new(internal: &PublicKey, leaves: Vec<ScriptBuf>) -> Result<Self> {
        let depth = u8::from(leaves.len() > 1);
        let mut b = TaprootBuilder::new();
        for l in &leaves {
            b = b
                .add_leaf(depth, l.clone())
                .map_err(|e| Error::invalid(format!("taproot tree: {e}")))?;
        }
        let internal_key = xonly(internal);
        let spend_info = b
            .finalize(secp(), internal_key)
            .map_err(|_| Error::invalid("taproot tree incomplete"))?;
        Ok(TapOutput { internal_key, leaves, spend_info })
    }

    /// `OP_1 <output key>`.
    #[must_use]
    pub fn script_pubkey(&self) -> ScriptBuf {
        ScriptBuf::new_p2tr_tweaked(self.spend_info.output_key())
    }

    /// Leaf hash of leaf `i`.
    pub fn leaf_hash(&self, i: usize) -> Result<TapLeafHash> {
        let l = self.leaves.get(i).ok_or_else(|| Error::invalid("no such leaf"))?;
        Ok(TapLeafHash::from_script(l, LeafVersion::TapScript))
    }

    /// Control block for leaf `i`.
    pub fn control_block(&self, i: usize) -> Result<ControlBlock> {
        let l = self.leaves.get(i).ok_or_else(|| Error::invalid("no such leaf"))?;
        self.spend_info
            .control_block(&(l.clone(), LeafVersion::TapScript))
            .ok_or_else(|| Error::invalid("leaf not in tree"))
    }
}

fn push_x(b: Builder, k: &PublicKey) -> Builder {
    b.push_slice(xonly(k).serialize())
}

/// `<key> OP_CHECKSIGVERIFY <delay> OP_CHECKSEQUENCEVERIFY` (to_local delay leaf and the
/// second-level output leaf).
#[must_use]
pub fn delay_script(delayed: &PublicKey, delay: u16) -> ScriptBuf {
    push_x(Builder::new(), delayed)
        .push_opcode(OP_CHECKSIGVERIFY)
        .push_int(i64::from(delay))
        .push_opcode(OP_CSV)
        .into_script()
}

/// `to_local`: NUMS internal key; leaves `[delay, revoke]`, the revoke leaf naming the
/// delayed key with a no-op push so it is always revealed.
pub fn to_local(revocation: &PublicKey, delay: u16, delayed: &PublicKey) -> Result<TapOutput> {
    let revoke = push_x(push_x(Builder::new(), delayed).push_opcode(OP_DROP), revocation)
        .push_opcode(OP_CHECKSIG)
        .into_script();
    TapOutput::new(&nums()?, vec![delay_script(delayed, delay), revoke])
}

/// `to_remote`: NUMS internal key, one leaf `<remotepubkey> OP_CHECKSIGVERIFY 1 OP_CSV`.
pub fn to_remote(remote: &PublicKey) -> Result<TapOutput> {
    let s = push_x(Builder::new(), remote)
        .push_opcode(OP_CHECKSIGVERIFY)
        .push_int(1)
        .push_opcode(OP_CSV)
        .into_script();
    TapOutput::new(&nums()?, vec![s])
}

/// Anchor: internal key `local_delayedpubkey` / `remotepubkey`, leaf `16 OP_CSV`.
pub fn anchor(internal: &PublicKey) -> Result<TapOutput> {
    TapOutput::new(internal, vec![Builder::new().push_int(16).push_opcode(OP_CSV).into_script()])
}

fn hash_check(payment_hash: &[u8; 32]) -> Builder {
    let h = bitcoin::hashes::ripemd160::Hash::hash(payment_hash).to_byte_array();
    Builder::new()
        .push_opcode(OP_SIZE)
        .push_int(32)
        .push_opcode(OP_EQUALVERIFY)
        .push_opcode(OP_HASH160)
        .push_slice(h)
        .push_opcode(OP_EQUALVERIFY)
}

/// `<a> OP_CHECKSIGVERIFY <b> OP_CHECKSIG`: the offered HTLC's timeout leaf (also used by
/// PTLC outputs, which keep the simple-taproot leaf shapes).
#[must_use]
pub fn two_sig_leaf(a: &PublicKey, b: &PublicKey) -> ScriptBuf {
    push_x(push_x(Builder::new(), a).push_opcode(OP_CHECKSIGVERIFY), b)
        .push_opcode(OP_CHECKSIG)
        .into_script()
}

/// `<remote> OP_CHECKSIGVERIFY 1 OP_CSV OP_VERIFY <cltv_expiry> OP_CLTV`: the accepted HTLC's
/// timeout leaf (also the received PTLC's).
#[must_use]
pub fn received_timeout_leaf(remote: &PublicKey, cltv_expiry: u32) -> ScriptBuf {
    push_x(Builder::new(), remote)
        .push_opcode(OP_CHECKSIGVERIFY)
        .push_int(1)
        .push_opcode(OP_CSV)
        .push_opcode(OP_VERIFY)
        .push_int(i64::from(cltv_expiry))
        .push_opcode(OP_CLTV)
        .into_script()
}

/// Offered HTLC: internal key `revocationpubkey`; leaves `[timeout, success]`.
pub fn offered_htlc(
    revocation: &PublicKey,
    local_htlc: &PublicKey,
    remote_htlc: &PublicKey,
    payment_hash: &[u8; 32],
) -> Result<TapOutput> {
    let timeout = two_sig_leaf(local_htlc, remote_htlc);
    let success = push_x(hash_check(payment_hash), remote_htlc)
        .push_opcode(OP_CHECKSIGVERIFY)
        .push_int(1)
        .push_opcode(OP_CSV)
        .into_script();
    TapOutput::new(revocation, vec![timeout, success])
}

/// Accepted HTLC: internal key `revocationpubkey`; leaves `[timeout, success]`.
pub fn accepted_htlc(
    revocation: &PublicKey,
    local_htlc: &PublicKey,
    remote_htlc: &PublicKey,
    payment_hash: &[u8; 32],
    cltv_expiry: u32,
) -> Result<TapOutput> {
    let timeout = received_timeout_leaf(remote_htlc, cltv_expiry);
    let success = push_x(
        push_x(hash_check(payment_hash), local_htlc).push_opcode(OP_CHECKSIGVERIFY),
        remote_htlc,
    )
    .push_opcode(OP_CHECKSIG)
    .into_script();
    TapOutput::new(revocation, vec![timeout, success])
}

/// Second-level HTLC output: internal key `revocationpubkey`, one delay leaf.
pub fn second_level(revocation: &PublicKey, delay: u16, delayed: &PublicKey) -> Result<TapOutput> {
    TapOutput::new(revocation, vec![delay_script(delayed, delay)])
}

/// The funding key aggregation: `KeyAgg(KeySort(a, b))` plus the BIP 86 x-only tweak.
pub fn funding_keyagg(a: &PublicKey, b: &PublicKey) -> Result<KeyAggContext> {
    let sorted = musig2::key_sort(&[a.serialize(), b.serialize()]);
    let mut ctx = KeyAggContext::new(&sorted)?;
    let internal = ctx.xonly_pubkey();
    let tweak = bitcoin::taproot::TapTweakHash::from_key_and_tweak(
        XOnlyPublicKey::from_slice(&internal).map_err(|_| Error::invalid("aggregate key"))?,
        None,
    );
    ctx.apply_tweak(&Tweak { value: tweak.to_byte_array(), is_xonly: true })?;
    Ok(ctx)
}

/// The funding output script `OP_1 <tweaked aggregate key>`.
pub fn funding_script_pubkey(a: &PublicKey, b: &PublicKey) -> Result<ScriptBuf> {
    let ctx = funding_keyagg(a, b)?;
    let x = XOnlyPublicKey::from_slice(&ctx.xonly_pubkey())
        .map_err(|_| Error::invalid("funding key"))?;
    Ok(ScriptBuf::new_p2tr_tweaked(bitcoin::key::TweakedPublicKey::dangerous_assume_tweaked(x)))
}

/// What a taproot commitment is built from (the BOLT 3 spec fields that apply).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TaprootSpec {
    /// Funding outpoint.
    pub funding_outpoint: OutPoint,
    /// Funding amount.
    pub funding_sat: u64,
    /// Commitment number.
    pub commitment_number: u64,
    /// Obscuring factor (as BOLT 3).
    pub obscuring_factor: u64,
    /// `to_self_delay` of the holder.
    pub to_self_delay: u16,
    /// Holder's dust limit.
    pub dust_limit_sat: u64,
    /// `feerate_per_kw`.
    pub feerate_per_kw: u32,
    /// Who pays fee and anchors.
    pub funder: Side,
    /// Holder's balance.
    pub to_local_msat: u64,
    /// Counterparty's balance.
    pub to_remote_msat: u64,
    /// HTLCs.
    pub htlcs: Vec<Htlc>,
    /// Keys (`local_funding` / `remote_funding` are the MuSig2 funding keys).
    pub keys: CommitmentKeys,
}

impl TaprootSpec {
    /// The taproot reading of a BOLT 3 spec whose channel type is `simple_taproot` (the keys'
    /// `local_funding` / `remote_funding` are the MuSig2 funding keys).
    pub fn from_commitment_spec(s: &CommitmentSpec) -> Result<Self> {
        if !s.channel_type.is_taproot() {
            return Err(Error::invalid("not a simple_taproot spec").within("channel_type"));
        }
        Ok(TaprootSpec {
            funding_outpoint: s.funding_outpoint,
            funding_sat: s.funding_sat,
            commitment_number: s.commitment_number,
            obscuring_factor: s.obscuring_factor,
            to_self_delay: s.to_self_delay,
            dust_limit_sat: s.dust_limit_sat,
            feerate_per_kw: s.feerate_per_kw,
            funder: s.funder,
            to_local_msat: s.to_local_msat,
            to_remote_msat: s.to_remote_msat,
            htlcs: s.htlcs.clone(),
            keys: s.keys,
        })
    }
}

/// The proposal's names of an output's leaves, in leaf order (as its test vectors name them).
#[must_use]
pub fn leaf_names(role: OutputRole) -> &'static [&'static str] {
    match role {
        OutputRole::ToLocal => &["settle", "revocation"],
        OutputRole::ToRemote => &["settle"],
        OutputRole::LocalAnchor | OutputRole::RemoteAnchor | OutputRole::SharedAnchor => &["sweep"],
        OutputRole::OfferedHtlc | OutputRole::ReceivedHtlc => &["timeout", "success"],
    }
}

/// One output of a taproot commitment.
#[derive(Debug, Clone)]
pub struct TapCommitmentOutput {
    /// Role.
    pub role: OutputRole,
    /// Value.
    pub amount_sat: u64,
    /// The P2TR output and its leaves.
    pub tap: TapOutput,
    /// HTLC index.
    pub htlc: Option<usize>,
}

/// A built taproot commitment.
#[derive(Debug, Clone)]
pub struct TaprootCommitment {
    /// Inputs.
    pub spec: TaprootSpec,
    /// Transaction (witness empty until [`TaprootCommitment::set_signature`]).
    pub tx: Transaction,
    /// Outputs in order.
    pub outputs: Vec<TapCommitmentOutput>,
    /// Fee paid.
    pub fee_sat: u64,
    /// Funding output spent.
    pub funding_prevout: TxOut,
    /// Indices into `spec.htlcs` of the HTLCs left out as dust.
    pub trimmed_htlcs: Vec<usize>,
    /// Expected weight (the fee basis).
    pub expected_weight: u64,
    /// `feerate_per_kw × expected_weight / 1000`.
    pub base_fee_sat: u64,
}

impl TaprootCommitment {
    /// Builds the holder's commitment: zero-fee HTLC transactions (trimming by dust limit
    /// alone), two 330-sat anchors, BIP 69 + CLTV output order, BOLT 3 locktime/sequence.
    pub fn build(spec: TaprootSpec) -> Result<Self> {
        const MAX_48: u64 = (1 << 48) - 1;
        if spec.commitment_number > MAX_48 || spec.obscuring_factor > MAX_48 {
            return Err(Error::invalid("commitment number and obscuring factor are 48-bit"));
        }
        let total = spec
            .htlcs
            .iter()
            .try_fold(spec.to_local_msat.checked_add(spec.to_remote_msat), |t, h| {
                Some(t.and_then(|t| t.checked_add(h.amount_msat)))
            })
            .flatten()
            .ok_or_else(|| Error::invalid("balances overflow"))?;
        if Some(total) != spec.funding_sat.checked_mul(1000) {
            return Err(Error::rule("balances and HTLCs must add up to the funding amount"));
        }
        for dir in [HtlcDirection::Offered, HtlcDirection::Received] {
            let n = spec.htlcs.iter().filter(|h| h.direction == dir).count();
            if n > weight::MAX_HTLCS {
                return Err(Error::rule(format!(
                    "{n} {dir:?} HTLCs, at most {} per direction",
                    weight::MAX_HTLCS
                ))
                .within("htlcs"));
            }
        }
        let k = &spec.keys;
        let floor = spec.dust_limit_sat.max(1);
        // Zero-fee HTLC transactions: trimming by the dust limit alone.
        let (untrimmed, trimmed_htlcs): (Vec<usize>, Vec<usize>) = (0..spec.htlcs.len())
            .partition(|&i| spec.htlcs.get(i).is_some_and(|h| h.amount_msat / 1000 >= floor));
        let w = (untrimmed.len() as u64)
            .checked_mul(HTLC_OUTPUT_WEIGHT)
            .and_then(|x| x.checked_add(COMMITMENT_WEIGHT))
            .ok_or_else(|| Error::invalid("too many HTLCs"))?;
        let base_fee_sat = weight::fee_sat(spec.feerate_per_kw, w)?;
        let cost = base_fee_sat.saturating_add(2 * weight::ANCHOR_OUTPUT_SAT);
        let (mut to_local, mut to_remote) = (spec.to_local_msat / 1000, spec.to_remote_msat / 1000);
        match spec.funder {
            Side::Local => to_local = to_local.saturating_sub(cost),
            Side::Remote => to_remote = to_remote.saturating_sub(cost),
        }
        let mut outputs = Vec::new();
        for &i in &untrimmed {
            let h = spec.htlcs.get(i).ok_or_else(|| Error::invalid("htlc"))?;
            let (role, tap) = match h.direction {
                HtlcDirection::Offered => (
                    OutputRole::OfferedHtlc,
                    offered_htlc(&k.revocation, &k.local_htlc, &k.remote_htlc, &h.payment_hash)?,
                ),
                HtlcDirection::Received => (
                    OutputRole::ReceivedHtlc,
                    accepted_htlc(
                        &k.revocation,
                        &k.local_htlc,
                        &k.remote_htlc,
                        &h.payment_hash,
                        h.cltv_expiry,
                    )?,
                ),
            };
            outputs.push(TapCommitmentOutput {
                role,
                amount_sat: h.amount_msat / 1000,
                tap,
                htlc: Some(i),
            });
        }
        let (has_local, has_remote) = (to_local >= floor, to_remote >= floor);
        if has_local {
            outputs.push(TapCommitmentOutput {
                role: OutputRole::ToLocal,
                amount_sat: to_local,
                tap: to_local_output(k, spec.to_self_delay)?,
                htlc: None,
            });
        }
        if has_remote {
            outputs.push(TapCommitmentOutput {
                role: OutputRole::ToRemote,
                amount_sat: to_remote,
                tap: self::to_remote(&k.remote_payment)?,
                htlc: None,
            });
        }
        if has_local || !untrimmed.is_empty() {
            outputs.push(TapCommitmentOutput {
                role: OutputRole::LocalAnchor,
                amount_sat: weight::ANCHOR_OUTPUT_SAT,
                tap: anchor(&k.local_delayed)?,
                htlc: None,
            });
        }
        if has_remote || !untrimmed.is_empty() {
            outputs.push(TapCommitmentOutput {
                role: OutputRole::RemoteAnchor,
                amount_sat: weight::ANCHOR_OUTPUT_SAT,
                tap: anchor(&k.remote_payment)?,
                htlc: None,
            });
        }
        let spks: Vec<ScriptBuf> = outputs.iter().map(|o| o.tap.script_pubkey()).collect();
        let mut order: Vec<usize> = (0..outputs.len()).collect();
        let cltv = |i: usize| {
            outputs
                .get(i)
                .and_then(|o| o.htlc)
                .and_then(|h| spec.htlcs.get(h))
                .map_or(0, |h| h.cltv_expiry)
        };
        let amount = |i: usize| outputs.get(i).map_or(0, |o| o.amount_sat);
        let spk = |i: usize| spks.get(i).map_or(&[][..], |s| s.as_bytes());
        order.sort_by(|&a, &b| (amount(a), spk(a), cltv(a)).cmp(&(amount(b), spk(b), cltv(b))));
        let mut sorted = Vec::with_capacity(outputs.len());
        let mut slots: Vec<Option<TapCommitmentOutput>> = outputs.into_iter().map(Some).collect();
        for i in order {
            if let Some(o) = slots.get_mut(i).and_then(Option::take) {
                sorted.push(o);
            }
        }
        let sum = sorted
            .iter()
            .try_fold(0u64, |a, o| a.checked_add(o.amount_sat))
            .ok_or_else(|| Error::invalid("outputs overflow"))?;
        let fee_sat = spec
            .funding_sat
            .checked_sub(sum)
            .ok_or_else(|| Error::rule("outputs exceed the funding amount"))?;
        let obscured = spec.commitment_number ^ spec.obscuring_factor;
        let tx = Transaction {
            version: Version::TWO,
            lock_time: LockTime::from_consensus((0x20 << 24) | (obscured & 0x00ff_ffff) as u32),
            input: vec![TxIn {
                previous_output: spec.funding_outpoint,
                script_sig: ScriptBuf::new(),
                sequence: Sequence((0x80 << 24) | ((obscured >> 24) & 0x00ff_ffff) as u32),
                witness: Witness::new(),
            }],
            output: sorted
                .iter()
                .map(|o| TxOut {
                    value: Amount::from_sat(o.amount_sat),
                    script_pubkey: o.tap.script_pubkey(),
                })
                .collect(),
        };
        let funding_prevout = TxOut {
            value: Amount::from_sat(spec.funding_sat),
            script_pubkey: funding_script_pubkey(&k.local_funding, &k.remote_funding)?,
        };
        Ok(TaprootCommitment {
            spec,
            tx,
            outputs: sorted,
            fee_sat,
            funding_prevout,
            trimmed_htlcs,
            expected_weight: w,
            base_fee_sat,
        })
    }

    /// The BIP 341 key-path message (`SIGHASH_DEFAULT`) the MuSig2 session signs.
    pub fn message(&self) -> Result<[u8; 32]> {
        let h = SighashCache::new(&self.tx)
            .taproot_key_spend_signature_hash(
                0,
                &Prevouts::All(&[&self.funding_prevout]),
                TapSighashType::Default,
            )
            .map_err(|e| Error::invalid(format!("signature hash: {e}")))?;
        Ok(h.to_byte_array())
    }

    /// The MuSig2 session for this commitment given both public nonces.
    pub fn session(&self, nonces: &[PubNonce]) -> Result<Session> {
        let ctx = funding_keyagg(&self.spec.keys.local_funding, &self.spec.keys.remote_funding)?;
        let agg = musig2::AggNonce::sum(nonces);
        Session::new(&ctx, &agg, &self.message()?)
    }

    /// One party's partial signature.
    pub fn partial_sign(
        &self,
        session: &Session,
        secnonce: SecNonce,
        funding_key: &[u8; 32],
    ) -> Result<[u8; 32]> {
        session.sign(secnonce, funding_key)
    }

    /// Sets the aggregated 64-byte signature after checking it against the funding output key.
    pub fn set_signature(&mut self, sig: &[u8; 64]) -> Result<()> {
        let ctx = funding_keyagg(&self.spec.keys.local_funding, &self.spec.keys.remote_funding)?;
        schnorr::verify(&ctx.xonly_pubkey(), &self.message()?, sig)
            .map_err(|e| e.within("commitment signature"))?;
        let input = self.tx.input.get_mut(0).ok_or_else(|| Error::invalid("no input"))?;
        input.witness = Witness::from_slice(&[sig.as_slice()]);
        Ok(())
    }

    /// The transaction id.
    #[must_use]
    pub fn txid(&self) -> Txid {
        self.tx.compute_txid()
    }

    /// HTLC transactions of every HTLC output, in output order.
    pub fn htlc_txs(&self) -> Result<Vec<TaprootHtlcTx>> {
        let txid = self.txid();
        let k = &self.spec.keys;
        let out = second_level(&k.revocation, self.spec.to_self_delay, &k.local_delayed)?;
        let mut v = Vec::new();
        for (i, o) in self.outputs.iter().enumerate() {
            let Some(hi) = o.htlc else { continue };
            let h = self.spec.htlcs.get(hi).ok_or_else(|| Error::invalid("htlc"))?;
            // Leaf 0 is timeout, 1 is success in both HTLC trees.
            let (leaf, lock) = match h.direction {
                HtlcDirection::Offered => (0, LockTime::from_consensus(h.cltv_expiry)),
                HtlcDirection::Received => (1, LockTime::ZERO),
            };
            let tx = Transaction {
                version: Version::TWO,
                lock_time: lock,
                input: vec![TxIn {
                    previous_output: OutPoint {
                        txid,
                        vout: u32::try_from(i).map_err(|_| Error::invalid("index"))?,
                    },
                    script_sig: ScriptBuf::new(),
                    sequence: Sequence(1),
                    witness: Witness::new(),
                }],
                output: vec![TxOut {
                    value: Amount::from_sat(o.amount_sat),
                    script_pubkey: out.script_pubkey(),
                }],
            };
            v.push(TaprootHtlcTx {
                tx,
                direction: h.direction,
                payment_hash: h.payment_hash,
                prevout: TxOut {
                    value: Amount::from_sat(o.amount_sat),
                    script_pubkey: o.tap.script_pubkey(),
                },
                tap: o.tap.clone(),
                leaf,
            });
        }
        Ok(v)
    }
}

fn to_local_output(k: &CommitmentKeys, delay: u16) -> Result<TapOutput> {
    to_local(&k.revocation, delay, &k.local_delayed)
}

/// A second-level HTLC transaction of a taproot commitment.
#[derive(Debug, Clone)]
pub struct TaprootHtlcTx {
    /// The transaction.
    pub tx: Transaction,
    /// Offered (timeout tx) or received (success tx).
    pub direction: HtlcDirection,
    /// Payment hash.
    pub payment_hash: [u8; 32],
    /// The HTLC output spent.
    pub prevout: TxOut,
    /// Its tree.
    pub tap: TapOutput,
    /// The leaf spent.
    pub leaf: usize,
}

impl TaprootHtlcTx {
    /// BIP 341 script-path message for `ty` (the remote signs `SINGLE|ANYONECANPAY`, the
    /// holder `DEFAULT`).
    pub fn message(&self, ty: TapSighashType) -> Result<[u8; 32]> {
        let h = SighashCache::new(&self.tx)
            .taproot_script_spend_signature_hash(
                0,
                &Prevouts::All(&[&self.prevout]),
                self.tap.leaf_hash(self.leaf)?,
                ty,
            )
            .map_err(|e| Error::invalid(format!("signature hash: {e}")))?;
        Ok(h.to_byte_array())
    }

    /// The counterparty's signature (65 bytes, `SIGHASH_SINGLE|ANYONECANPAY`), BIP-340 with
    /// zero auxiliary randomness as the vectors use.
    pub fn sign_remote(&self, key: &[u8; 32]) -> Result<Vec<u8>> {
        let ty = TapSighashType::SinglePlusAnyoneCanPay;
        let mut s = schnorr::sign(key, &self.message(ty)?, &[0; 32])?.to_vec();
        s.push(ty as u8);
        Ok(s)
    }

    /// The holder's signature (64 bytes, `SIGHASH_DEFAULT`).
    pub fn sign_local(&self, key: &[u8; 32]) -> Result<Vec<u8>> {
        Ok(schnorr::sign(key, &self.message(TapSighashType::Default)?, &[0; 32])?.to_vec())
    }

    /// Sets `<remotesig> <localsig> [<preimage>] <script> <control block>`.
    pub fn finalize(
        &mut self,
        remote_sig: &[u8],
        local_sig: &[u8],
        preimage: Option<&[u8; 32]>,
    ) -> Result<()> {
        let script =
            self.tap.leaves.get(self.leaf).ok_or_else(|| Error::invalid("leaf"))?.to_bytes();
        let cb = self.tap.control_block(self.leaf)?.serialize();
        let mut items = vec![remote_sig.to_vec(), local_sig.to_vec()];
        match (self.direction, preimage) {
            (HtlcDirection::Received, Some(p)) => items.push(p.to_vec()),
            (HtlcDirection::Received, None) => {
                return Err(Error::invalid("HTLC-success needs the preimage"))
            }
            (HtlcDirection::Offered, _) => {}
        }
        items.push(script);
        items.push(cb);
        let input = self.tx.input.get_mut(0).ok_or_else(|| Error::invalid("no input"))?;
        input.witness = Witness::from_slice(&items);
        Ok(())
    }
}
