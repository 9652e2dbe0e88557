//! BOLT 3 "Commitment Transaction": obscured commitment number, per-commitment keys, outputs
//! (to_local, to_remote, anchors, HTLCs), fee and trimming, BIP 69 + CLTV output order, and
//! the `zero_fee_commitments` variant of bolts#1228 (version 3, one shared P2A anchor holding
//! up to 240 sat of trimmed value, no fee).
//!
//! Everything is from the point of view of the commitment's holder ("local"): the holder's
//! `to_self_delay` is the one the counterparty asked for, and the dust limit is the holder's.

use bitcoin::absolute::LockTime;
use bitcoin::ecdsa::Signature;
use bitcoin::hashes::{sha256, Hash, HashEngine};
use bitcoin::secp256k1::{Message, PublicKey, SecretKey};
use bitcoin::sighash::EcdsaSighashType;
use bitcoin::{
    Amount, OutPoint, ScriptBuf, Sequence, Transaction, TxIn, TxOut, Txid, Weight, Witness,
};

use super::htlc::HtlcTx;
use super::{scripts, sign, weight, ChannelType};
use crate::crypto::keys;
use crate::{Error, Result};

/// One side of the channel.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Side {
    /// The commitment's holder.
    Local,
    /// The holder's counterparty.
    Remote,
}

/// Which way an HTLC goes, seen from the commitment's holder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum HtlcDirection {
    /// The holder pays it (resolved on-chain by an HTLC-timeout transaction).
    Offered,
    /// The holder is paid (resolved on-chain by an HTLC-success transaction).
    Received,
}

/// An HTLC committed to by the transaction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Htlc {
    /// Offered by or received by the holder.
    pub direction: HtlcDirection,
    /// Amount; the output holds it rounded down to whole satoshis.
    pub amount_msat: u64,
    /// `payment_hash`.
    pub payment_hash: [u8; 32],
    /// `cltv_expiry`: the HTLC-timeout locktime and the output-order tiebreak.
    pub cltv_expiry: u32,
}

/// A node's channel basepoints (`open_channel` / `accept_channel`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Basepoints {
    /// `funding_pubkey`.
    pub funding: PublicKey,
    /// `revocation_basepoint`.
    pub revocation: PublicKey,
    /// `payment_basepoint`.
    pub payment: PublicKey,
    /// `delayed_payment_basepoint`.
    pub delayed_payment: PublicKey,
    /// `htlc_basepoint`.
    pub htlc: PublicKey,
}

/// The keys one commitment uses, named as in BOLT 3 from the holder's point of view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CommitmentKeys {
    /// `revocationpubkey`: counterparty's revocation basepoint with the holder's point.
    pub revocation: PublicKey,
    /// `local_delayedpubkey`.
    pub local_delayed: PublicKey,
    /// `local_htlcpubkey`.
    pub local_htlc: PublicKey,
    /// `remote_htlcpubkey`.
    pub remote_htlc: PublicKey,
    /// `remotepubkey`: the counterparty's `payment_basepoint` itself (static_remotekey and later).
    pub remote_payment: PublicKey,
    /// The holder's `funding_pubkey` (keys the local anchor).
    pub local_funding: PublicKey,
    /// The counterparty's `funding_pubkey` (keys the remote anchor).
    pub remote_funding: PublicKey,
}

impl CommitmentKeys {
    /// Derives the keys of the holder's commitment at `per_commitment_point` (the holder's).
    pub fn derive(
        per_commitment_point: &PublicKey,
        holder: &Basepoints,
        counterparty: &Basepoints,
    ) -> Result<Self> {
        Ok(CommitmentKeys {
            revocation: keys::derive_revocation_pubkey(
                &counterparty.revocation,
                per_commitment_point,
            )
            .map_err(|e| e.within("revocationpubkey"))?,
            local_delayed: keys::derive_pubkey(&holder.delayed_payment, per_commitment_point)
                .map_err(|e| e.within("local_delayedpubkey"))?,
            local_htlc: keys::derive_pubkey(&holder.htlc, per_commitment_point)
                .map_err(|e| e.within("local_htlcpubkey"))?,
            remote_htlc: keys::derive_pubkey(&counterparty.htlc, per_commitment_point)
                .map_err(|e| e.within("remote_htlcpubkey"))?,
            remote_payment: counterparty.payment,
            local_funding: holder.funding,
            remote_funding: counterparty.funding,
        })
    }
}

/// The 48-bit commitment-number obscuring factor: the low 48 bits of
/// `SHA256(opener payment_basepoint || accepter payment_basepoint)`.
#[must_use]
pub fn obscuring_factor(opener_payment: &PublicKey, accepter_payment: &PublicKey) -> u64 {
    let mut engine = sha256::Hash::engine();
    engine.input(&opener_payment.serialize());
    engine.input(&accepter_payment.serialize());
    let hash = sha256::Hash::from_engine(engine).to_byte_array();
    hash.iter().skip(26).fold(0u64, |acc, b| (acc << 8) | u64::from(*b))
}

/// Everything a commitment transaction is built from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommitmentSpec {
    /// Commitment format.
    pub channel_type: ChannelType,
    /// The funding output this commitment spends.
    pub funding_outpoint: OutPoint,
    /// `funding_satoshis`.
    pub funding_sat: u64,
    /// Commitment number (0 for the first commitment), below 2^48.
    pub commitment_number: u64,
    /// From [`obscuring_factor`].
    pub obscuring_factor: u64,
    /// Relative delay on the holder's `to_local` (set by the counterparty).
    pub to_self_delay: u16,
    /// Holder's `dust_limit_satoshis`.
    pub dust_limit_sat: u64,
    /// `feerate_per_kw`; must be 0 for zero-fee commitments.
    pub feerate_per_kw: u32,
    /// Who opened the channel and pays the fee and keyed anchors.
    pub funder: Side,
    /// Holder's balance, HTLCs already taken out, fee not yet.
    pub to_local_msat: u64,
    /// Counterparty's balance, HTLCs already taken out, fee not yet.
    pub to_remote_msat: u64,
    /// HTLCs in flight, trimmed ones included.
    pub htlcs: Vec<Htlc>,
    /// Keys of this commitment.
    pub keys: CommitmentKeys,
}

/// What a commitment output is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OutputRole {
    /// The holder's delayed, revocable balance.
    ToLocal,
    /// The counterparty's balance.
    ToRemote,
    /// Keyed anchor of the holder (`option_anchors`).
    LocalAnchor,
    /// Keyed anchor of the counterparty (`option_anchors`).
    RemoteAnchor,
    /// Shared P2A anchor (zero-fee commitments).
    SharedAnchor,
    /// HTLC offered by the holder.
    OfferedHtlc,
    /// HTLC received by the holder.
    ReceivedHtlc,
}

impl OutputRole {
    /// snake_case name for reports.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            OutputRole::ToLocal => "to_local",
            OutputRole::ToRemote => "to_remote",
            OutputRole::LocalAnchor => "to_local_anchor",
            OutputRole::RemoteAnchor => "to_remote_anchor",
            OutputRole::SharedAnchor => "shared_anchor",
            OutputRole::OfferedHtlc => "offered_htlc",
            OutputRole::ReceivedHtlc => "received_htlc",
        }
    }
}

/// One output of a built commitment, in transaction order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommitmentOutput {
    /// Its role.
    pub role: OutputRole,
    /// Value in satoshis.
    pub amount_sat: u64,
    /// The output script.
    pub script_pubkey: ScriptBuf,
    /// The witness script for P2WSH outputs (`None` for P2WPKH and P2A).
    pub witness_script: Option<ScriptBuf>,
    /// Index into [`CommitmentSpec::htlcs`] for HTLC outputs.
    pub htlc: Option<usize>,
}

/// A built commitment transaction and its metadata.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Commitment {
    /// What it was built from.
    pub spec: CommitmentSpec,
    /// The transaction (witness empty until [`Commitment::finalize`]).
    pub tx: Transaction,
    /// Outputs with their roles, in transaction order.
    pub outputs: Vec<CommitmentOutput>,
    /// Indices into [`CommitmentSpec::htlcs`] of the trimmed HTLCs.
    pub trimmed_htlcs: Vec<usize>,
    /// Fee the funder paid by rule (BOLT 3 "base fee"; 0 for zero-fee commitments).
    pub base_fee_sat: u64,
    /// Actual fee: funding amount minus all outputs (base fee + trimmed amounts + rounding,
    /// minus what went to the shared anchor).
    pub fee_sat: u64,
    /// BOLT 3 expected weight (73-byte signatures, both main outputs).
    pub expected_weight: u64,
    /// The funding witness script this commitment spends.
    pub funding_script: ScriptBuf,
}

impl Commitment {
    /// Builds the holder's commitment transaction.
    pub fn build(spec: CommitmentSpec) -> Result<Self> {
        let ct = spec.channel_type;
        let obscured = check_and_obscure(&spec)?;
        check_balances(&spec)?;

        let mut trimmed_htlcs = Vec::new();
        let mut untrimmed = Vec::new();
        for (i, h) in spec.htlcs.iter().enumerate() {
            let offered = h.direction == HtlcDirection::Offered;
            if weight::is_trimmed(
                ct,
                offered,
                h.amount_msat,
                spec.dust_limit_sat,
                spec.feerate_per_kw,
            )? {
                trimmed_htlcs.push(i);
            } else {
                untrimmed.push(i);
            }
        }

        let expected_weight = weight::commitment_weight(ct, untrimmed.len())?;
        let base_fee_sat = weight::fee_sat(spec.feerate_per_kw, expected_weight)?;
        let anchors_sat =
            if ct == ChannelType::Anchors { 2 * weight::ANCHOR_OUTPUT_SAT } else { 0 };
        let funder_cost = base_fee_sat.saturating_add(anchors_sat);
        let (mut to_local_sat, mut to_remote_sat) =
            (spec.to_local_msat / 1000, spec.to_remote_msat / 1000);
        // The funder pays; a funder that cannot is left with nothing (BOLT 3 Appendix C
        // "fee greater than funder amount").
        match spec.funder {
            Side::Local => to_local_sat = to_local_sat.saturating_sub(funder_cost),
            Side::Remote => to_remote_sat = to_remote_sat.saturating_sub(funder_cost),
        }

        let keys = &spec.keys;
        let mut outputs = Vec::new();
        for &i in &untrimmed {
            let h = spec.htlcs.get(i).ok_or_else(|| Error::invalid("htlc index"))?;
            let (role, ws) = match h.direction {
                HtlcDirection::Offered => (
                    OutputRole::OfferedHtlc,
                    scripts::offered_htlc_script(
                        &keys.revocation,
                        &keys.local_htlc,
                        &keys.remote_htlc,
                        &h.payment_hash,
                        ct.csv_on_htlcs(),
                    ),
                ),
                HtlcDirection::Received => (
                    OutputRole::ReceivedHtlc,
                    scripts::received_htlc_script(
                        &keys.revocation,
                        &keys.local_htlc,
                        &keys.remote_htlc,
                        &h.payment_hash,
                        h.cltv_expiry,
                        ct.csv_on_htlcs(),
                    ),
                ),
            };
            outputs.push(wsh_output(role, h.amount_msat / 1000, ws, Some(i)));
        }
        // A zero dust limit (below BOLT 2's floor) must still not produce empty outputs.
        let floor = spec.dust_limit_sat.max(1);
        let (has_to_local, has_to_remote) = (to_local_sat >= floor, to_remote_sat >= floor);
        if has_to_local {
            let ws =
                scripts::to_local_script(&keys.revocation, spec.to_self_delay, &keys.local_delayed);
            outputs.push(wsh_output(OutputRole::ToLocal, to_local_sat, ws, None));
        }
        if has_to_remote {
            outputs.push(match ct {
                ChannelType::Anchors => wsh_output(
                    OutputRole::ToRemote,
                    to_remote_sat,
                    scripts::to_remote_anchors_script(&keys.remote_payment),
                    None,
                ),
                _ => CommitmentOutput {
                    role: OutputRole::ToRemote,
                    amount_sat: to_remote_sat,
                    script_pubkey: scripts::p2wpkh(&keys.remote_payment),
                    witness_script: None,
                    htlc: None,
                },
            });
        }
        match ct {
            // SimpleTaproot is refused by `check_and_obscure` above.
            ChannelType::StaticRemoteKey | ChannelType::SimpleTaproot => {}
            ChannelType::Anchors => {
                if has_to_local || !untrimmed.is_empty() {
                    let ws = scripts::anchor_script(&keys.local_funding);
                    outputs.push(wsh_output(
                        OutputRole::LocalAnchor,
                        weight::ANCHOR_OUTPUT_SAT,
                        ws,
                        None,
                    ));
                }
                if has_to_remote || !untrimmed.is_empty() {
                    let ws = scripts::anchor_script(&keys.remote_funding);
                    outputs.push(wsh_output(
                        OutputRole::RemoteAnchor,
                        weight::ANCHOR_OUTPUT_SAT,
                        ws,
                        None,
                    ));
                }
            }
            ChannelType::ZeroFeeCommitments => {
                let excess = spec.funding_sat.checked_sub(sum_sat(&outputs)?).ok_or_else(|| {
                    Error::rule("outputs exceed the funding amount").within("commitment")
                })?;
                outputs.push(CommitmentOutput {
                    role: OutputRole::SharedAnchor,
                    amount_sat: excess.min(weight::SHARED_ANCHOR_MAX_SAT),
                    script_pubkey: scripts::shared_anchor_script_pubkey(),
                    witness_script: None,
                    htlc: None,
                });
            }
        }

        // BIP 69 (value, then script bytes; a shorter script that is a prefix sorts first,
        // which slice ordering does) and the BOLT 3 tiebreak: identical HTLC outputs by
        // cltv_expiry. The sort is stable, so anything else equal keeps insertion order.
        let cltv_of = |o: &CommitmentOutput| -> u32 {
            o.htlc.and_then(|i| spec.htlcs.get(i)).map_or(0, |h| h.cltv_expiry)
        };
        outputs.sort_by(|a, b| {
            (a.amount_sat, a.script_pubkey.as_bytes(), cltv_of(a)).cmp(&(
                b.amount_sat,
                b.script_pubkey.as_bytes(),
                cltv_of(b),
            ))
        });

        let fee_sat = spec
            .funding_sat
            .checked_sub(sum_sat(&outputs)?)
            .ok_or_else(|| Error::rule("outputs exceed the funding amount").within("commitment"))?;

        let tx = Transaction {
            version: ct.tx_version(),
            lock_time: LockTime::from_consensus((0x20 << 24) | (obscured & 0x00ff_ffff) as u32),
            input: vec![TxIn {
                previous_output: spec.funding_outpoint,
                script_sig: ScriptBuf::new(),
                sequence: Sequence((0x80 << 24) | ((obscured >> 24) & 0x00ff_ffff) as u32),
                witness: Witness::new(),
            }],
            output: outputs
                .iter()
                .map(|o| TxOut {
                    value: Amount::from_sat(o.amount_sat),
                    script_pubkey: o.script_pubkey.clone(),
                })
                .collect(),
        };
        let funding_script = scripts::funding_script(&keys.local_funding, &keys.remote_funding);
        Ok(Commitment {
            spec,
            tx,
            outputs,
            trimmed_htlcs,
            base_fee_sat,
            fee_sat,
            expected_weight,
            funding_script,
        })
    }

    /// The transaction id (independent of signatures).
    #[must_use]
    pub fn txid(&self) -> Txid {
        self.tx.compute_txid()
    }

    /// Weight of the transaction as it stands (finalize first for the real figure).
    #[must_use]
    pub fn weight(&self) -> Weight {
        self.tx.weight()
    }

    /// Virtual size in vbytes (weight / 4, rounded up).
    #[must_use]
    pub fn vsize(&self) -> u64 {
        self.tx.weight().to_vbytes_ceil()
    }

    /// The `SIGHASH_ALL` message both funding keys sign.
    pub fn message(&self) -> Result<Message> {
        sign::p2wsh_message(
            &self.tx,
            0,
            &self.funding_script,
            self.spec.funding_sat,
            EcdsaSighashType::All,
        )
    }

    /// Signs with a funding private key (either side's: both sign the same message).
    pub fn sign(&self, funding_key: &SecretKey) -> Result<Signature> {
        Ok(sign::sign_message(&self.message()?, funding_key, EcdsaSighashType::All))
    }

    /// Checks a signature by `funding_pubkey`.
    pub fn verify(&self, sig: &Signature, funding_pubkey: &PublicKey) -> Result<()> {
        if sig.sighash_type != EcdsaSighashType::All {
            return Err(Error::rule("commitment signature must be SIGHASH_ALL"));
        }
        sign::verify_message(&self.message()?, sig, funding_pubkey)
    }

    /// Checks both signatures and sets the witness `0 <sig1> <sig2> <funding script>`, with the
    /// signatures in the order of the keys in the 2-of-2 script.
    pub fn finalize(&mut self, local_sig: &Signature, remote_sig: &Signature) -> Result<()> {
        let keys = &self.spec.keys;
        self.verify(local_sig, &keys.local_funding).map_err(|e| e.within("local signature"))?;
        self.verify(remote_sig, &keys.remote_funding).map_err(|e| e.within("remote signature"))?;
        let local_first = keys.local_funding.serialize() <= keys.remote_funding.serialize();
        let (first, second) =
            if local_first { (local_sig, remote_sig) } else { (remote_sig, local_sig) };
        let mut witness = Witness::new();
        witness.push(Vec::new());
        witness.push(first.to_vec());
        witness.push(second.to_vec());
        witness.push(self.funding_script.as_bytes());
        let input =
            self.tx.input.get_mut(0).ok_or_else(|| Error::invalid("commitment has no input"))?;
        input.witness = witness;
        Ok(())
    }

    /// The HTLC-timeout / HTLC-success transaction of every HTLC output, in output order
    /// (the order of `htlc_signature` in `commitment_signed`).
    pub fn htlc_txs(&self) -> Result<Vec<HtlcTx>> {
        let txid = self.txid();
        (0..self.outputs.len())
            .filter(|&i| self.outputs.get(i).is_some_and(|o| o.htlc.is_some()))
            .map(|i| HtlcTx::build_with_txid(self, i, txid))
            .collect()
    }
}

fn wsh_output(
    role: OutputRole,
    amount_sat: u64,
    ws: ScriptBuf,
    htlc: Option<usize>,
) -> CommitmentOutput {
    CommitmentOutput {
        role,
        amount_sat,
        script_pubkey: scripts::p2wsh(&ws),
        witness_script: Some(ws),
        htlc,
    }
}

fn sum_sat(outputs: &[CommitmentOutput]) -> Result<u64> {
    outputs
        .iter()
        .try_fold(0u64, |acc, o| acc.checked_add(o.amount_sat))
        .ok_or_else(|| Error::invalid("output amounts overflow"))
}

/// Checks the ranges the spec sets and returns the obscured commitment number.
fn check_and_obscure(spec: &CommitmentSpec) -> Result<u64> {
    const MAX_48: u64 = (1 << 48) - 1;
    if spec.commitment_number > MAX_48 {
        return Err(Error::invalid("must be below 2^48").within("commitment_number"));
    }
    if spec.obscuring_factor > MAX_48 {
        return Err(Error::invalid("must be below 2^48").within("obscuring_factor"));
    }
    let ct = spec.channel_type;
    if ct.is_taproot() {
        return Err(Error::invalid(
            "simple_taproot commitments are built by tx::taproot (TaprootCommitment)",
        )
        .within("channel_type"));
    }
    if ct == ChannelType::ZeroFeeCommitments && spec.feerate_per_kw != 0 {
        return Err(Error::rule("must be 0 with zero_fee_commitments").within("feerate_per_kw"));
    }
    let max = if ct == ChannelType::ZeroFeeCommitments {
        weight::MAX_HTLCS_ZERO_FEE
    } else {
        weight::MAX_HTLCS
    };
    for dir in [HtlcDirection::Offered, HtlcDirection::Received] {
        let n = spec.htlcs.iter().filter(|h| h.direction == dir).count();
        if n > max {
            return Err(Error::rule(format!("{n} {dir:?} HTLCs, {ct} allows at most {max}"))
                .within("htlcs"));
        }
    }
    Ok(spec.commitment_number ^ spec.obscuring_factor)
}

/// Balances and HTLCs must account for exactly the funding amount.
fn check_balances(spec: &CommitmentSpec) -> Result<()> {
    let mut total = spec.to_local_msat.checked_add(spec.to_remote_msat);
    for h in &spec.htlcs {
        total = total.and_then(|t| t.checked_add(h.amount_msat));
    }
    let total = total.ok_or_else(|| Error::invalid("balances overflow"))?;
    let funding_msat = spec
        .funding_sat
        .checked_mul(1000)
        .ok_or_else(|| Error::invalid("overflows").within("funding_sat"))?;
    if total != funding_msat {
        return Err(Error::rule(format!(
            "to_local + to_remote + HTLCs = {total} msat, funding is {funding_msat} msat"
        ))
        .within("balances"));
    }
    Ok(())
}
