//! BOLT 3 "HTLC-Timeout and HTLC-Success Transactions": the second-stage transactions that
//! move an HTLC output of the holder's commitment into a delayed, revocable output.
//!
//! Fee: `feerate_per_kw * 663 / 1000` (timeout) or `* 703 / 1000` (success) without anchors,
//! 0 with `option_anchors` and zero-fee commitments, where the remote signs with
//! `SIGHASH_SINGLE|SIGHASH_ANYONECANPAY` so the holder can add fee inputs and outputs.

use bitcoin::absolute::LockTime;
use bitcoin::ecdsa::Signature;
use bitcoin::hashes::{sha256, Hash};
use bitcoin::secp256k1::{Message, PublicKey, SecretKey};
use bitcoin::sighash::EcdsaSighashType;
use bitcoin::{
    Amount, OutPoint, ScriptBuf, Sequence, Transaction, TxIn, TxOut, Txid, Weight, Witness,
};

use super::commitment::{Commitment, HtlcDirection};
use super::{scripts, sign, weight, ChannelType};
use crate::{Error, Result};

/// Which second-stage transaction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum HtlcTxKind {
    /// Spends an offered HTLC after `cltv_expiry` (locktime = `cltv_expiry`).
    Timeout,
    /// Spends a received HTLC with the payment preimage (locktime 0).
    Success,
}

impl HtlcTxKind {
    /// Spec name: `htlc-timeout` / `htlc-success`.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            HtlcTxKind::Timeout => "htlc-timeout",
            HtlcTxKind::Success => "htlc-success",
        }
    }
}

/// A built HTLC transaction and what it spends.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HtlcTx {
    /// Timeout or success.
    pub kind: HtlcTxKind,
    /// Commitment format (decides sequence, version, fee and remote sighash type).
    pub channel_type: ChannelType,
    /// The transaction (witness empty until [`HtlcTx::finalize`]).
    pub tx: Transaction,
    /// Index of the spent output in the commitment transaction.
    pub commitment_output: u32,
    /// Index of the HTLC in the commitment's `CommitmentSpec::htlcs`.
    pub htlc: usize,
    /// The HTLC's payment hash (checked against the preimage when finalizing).
    pub payment_hash: [u8; 32],
    /// Witness script of the spent commitment output.
    pub witness_script: ScriptBuf,
    /// Value of the spent output.
    pub input_sat: u64,
    /// Fee this transaction pays (`input_sat` minus the output).
    pub fee_sat: u64,
    /// The HTLC key of the holder, which signs with `SIGHASH_ALL`.
    pub local_htlc: PublicKey,
    /// The HTLC key of the counterparty.
    pub remote_htlc: PublicKey,
}

impl HtlcTx {
    /// Builds the transaction spending HTLC output `output` (index in `commitment.outputs`).
    pub fn build(commitment: &Commitment, output: usize) -> Result<Self> {
        Self::build_with_txid(commitment, output, commitment.txid())
    }

    /// [`HtlcTx::build`] with the commitment's txid already computed (hashing a commitment
    /// with hundreds of outputs once per HTLC would cost more than signing it).
    pub fn build_with_txid(
        commitment: &Commitment,
        output: usize,
        commitment_txid: Txid,
    ) -> Result<Self> {
        let spec = &commitment.spec;
        let ct = spec.channel_type;
        let out = commitment
            .outputs
            .get(output)
            .ok_or_else(|| Error::invalid(format!("no output {output}")).within("commitment"))?;
        let index =
            out.htlc.ok_or_else(|| Error::invalid(format!("output {output} is not an HTLC")))?;
        let h = spec.htlcs.get(index).ok_or_else(|| Error::invalid("htlc index"))?;
        let witness_script =
            out.witness_script.clone().ok_or_else(|| Error::invalid("htlc without script"))?;
        let (kind, fee_sat, lock_time) = match h.direction {
            HtlcDirection::Offered => (
                HtlcTxKind::Timeout,
                weight::htlc_timeout_fee_sat(ct, spec.feerate_per_kw)?,
                LockTime::from_consensus(h.cltv_expiry),
            ),
            HtlcDirection::Received => (
                HtlcTxKind::Success,
                weight::htlc_success_fee_sat(ct, spec.feerate_per_kw)?,
                LockTime::ZERO,
            ),
        };
        let value = out
            .amount_sat
            .checked_sub(fee_sat)
            .ok_or_else(|| Error::rule("HTLC amount below its transaction fee"))?;
        let to_local = scripts::to_local_script(
            &spec.keys.revocation,
            spec.to_self_delay,
            &spec.keys.local_delayed,
        );
        let commitment_output =
            u32::try_from(output).map_err(|_| Error::invalid("output index"))?;
        // The 1-CSV of anchor HTLC outputs must be satisfied by the spending input.
        let sequence = if ct.csv_on_htlcs() { Sequence(1) } else { Sequence(0) };
        let tx = Transaction {
            version: ct.tx_version(),
            lock_time,
            input: vec![TxIn {
                previous_output: OutPoint { txid: commitment_txid, vout: commitment_output },
                script_sig: ScriptBuf::new(),
                sequence,
                witness: Witness::new(),
            }],
            output: vec![TxOut {
                value: Amount::from_sat(value),
                script_pubkey: scripts::p2wsh(&to_local),
            }],
        };
        Ok(HtlcTx {
            kind,
            channel_type: ct,
            tx,
            commitment_output,
            htlc: index,
            payment_hash: h.payment_hash,
            witness_script,
            input_sat: out.amount_sat,
            fee_sat,
            local_htlc: spec.keys.local_htlc,
            remote_htlc: spec.keys.remote_htlc,
        })
    }

    /// The sighash type the counterparty's signature uses.
    #[must_use]
    pub fn remote_sighash_type(&self) -> EcdsaSighashType {
        if self.channel_type.zero_fee_htlc_tx() {
            EcdsaSighashType::SinglePlusAnyoneCanPay
        } else {
            EcdsaSighashType::All
        }
    }

    /// The message a signature with `sighash_type` commits to.
    pub fn message(&self, sighash_type: EcdsaSighashType) -> Result<Message> {
        sign::p2wsh_message(&self.tx, 0, &self.witness_script, self.input_sat, sighash_type)
    }

    /// The holder's signature (`SIGHASH_ALL`) with its `local_htlcpubkey` secret.
    pub fn sign_local(&self, local_htlc_key: &SecretKey) -> Result<Signature> {
        Ok(sign::sign_message(
            &self.message(EcdsaSighashType::All)?,
            local_htlc_key,
            EcdsaSighashType::All,
        ))
    }

    /// The counterparty's signature (as sent in `commitment_signed`) with its
    /// `remote_htlcpubkey` secret.
    pub fn sign_remote(&self, remote_htlc_key: &SecretKey) -> Result<Signature> {
        let ty = self.remote_sighash_type();
        Ok(sign::sign_message(&self.message(ty)?, remote_htlc_key, ty))
    }

    /// Checks both signatures and sets the witness
    /// `0 <remotehtlcsig> <localhtlcsig> <preimage or empty> <witness script>`.
    pub fn finalize(
        &mut self,
        remote_sig: &Signature,
        local_sig: &Signature,
        preimage: Option<&[u8; 32]>,
    ) -> Result<()> {
        if remote_sig.sighash_type != self.remote_sighash_type() {
            return Err(Error::rule(format!(
                "remote signature must use {}",
                self.remote_sighash_type()
            )));
        }
        if local_sig.sighash_type != EcdsaSighashType::All {
            return Err(Error::rule("local signature must use SIGHASH_ALL"));
        }
        sign::verify_message(
            &self.message(remote_sig.sighash_type)?,
            remote_sig,
            &self.remote_htlc,
        )
        .map_err(|e| e.within("remote htlc signature"))?;
        sign::verify_message(&self.message(EcdsaSighashType::All)?, local_sig, &self.local_htlc)
            .map_err(|e| e.within("local htlc signature"))?;
        let last: &[u8] = match (self.kind, preimage) {
            (HtlcTxKind::Timeout, None) => &[],
            (HtlcTxKind::Success, Some(p)) => {
                if sha256::Hash::hash(p).to_byte_array() != self.payment_hash {
                    return Err(Error::rule("preimage does not match the payment hash"));
                }
                p
            }
            (HtlcTxKind::Timeout, Some(_)) => {
                return Err(Error::invalid("HTLC-timeout takes no preimage"))
            }
            (HtlcTxKind::Success, None) => {
                return Err(Error::invalid("HTLC-success needs the preimage"))
            }
        };
        let mut witness = Witness::new();
        witness.push(Vec::new());
        witness.push(remote_sig.to_vec());
        witness.push(local_sig.to_vec());
        witness.push(last);
        witness.push(self.witness_script.as_bytes());
        let input = self.tx.input.get_mut(0).ok_or_else(|| Error::invalid("no input"))?;
        input.witness = witness;
        Ok(())
    }

    /// The transaction id.
    #[must_use]
    pub fn txid(&self) -> Txid {
        self.tx.compute_txid()
    }

    /// Weight as it stands.
    #[must_use]
    pub fn weight(&self) -> Weight {
        self.tx.weight()
    }

    /// BOLT 3 expected weight.
    #[must_use]
    pub fn expected_weight(&self) -> u64 {
        match self.kind {
            HtlcTxKind::Timeout => weight::htlc_timeout_weight(self.channel_type),
            HtlcTxKind::Success => weight::htlc_success_weight(self.channel_type),
        }
    }
}
