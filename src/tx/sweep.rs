//! BOLT 5 "On-chain Transaction Handling": transactions that claim commitment outputs once a
//! channel has closed unilaterally — the holder's delayed `to_local` (and HTLC-transaction
//! outputs) after `to_self_delay`, `to_remote`, keyed and P2A anchors, the counterparty's HTLC
//! outputs (preimage or timeout), and penalty transactions that take a revoked commitment's
//! `to_local` and HTLC outputs with the revocation key ("Penalty Transactions Weight
//! Calculation", Appendix A).

use bitcoin::absolute::LockTime;
use bitcoin::ecdsa::Signature;
use bitcoin::hashes::{sha256, Hash};
use bitcoin::secp256k1::{Message, PublicKey, SecretKey};
use bitcoin::sighash::{EcdsaSighashType, SighashCache};
use bitcoin::transaction::Version;
use bitcoin::{Amount, OutPoint, ScriptBuf, Sequence, Transaction, TxIn, TxOut, Txid, Witness};

use super::commitment::{Commitment, HtlcDirection, OutputRole};
use super::htlc::HtlcTx;
use super::{scripts, sign, weight, ChannelType};
use crate::{Error, Result};

/// Size the fee estimate assumes for every ECDSA signature: 72-byte DER plus the sighash byte
/// (BOLT 3/5 use 73 for their expected weights).
pub const MAX_SIG_LEN: usize = 73;

/// How an input spends the output it claims (which witness it gets).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Claim {
    /// `to_local` of the holder's own commitment, or an HTLC-transaction output, after
    /// `to_self_delay`: witness `<local_delayedsig> <>`, nSequence = `to_self_delay`.
    Delayed {
        /// The CSV the script demands.
        to_self_delay: u16,
    },
    /// A revoked `to_local` or HTLC-transaction output: `<revocation_sig> 1`.
    RevokedToLocal,
    /// A revoked HTLC output: `<revocation_sig> <revocationpubkey>`.
    RevokedHtlc {
        /// `revocationpubkey`.
        revocation_pubkey: PublicKey,
    },
    /// `to_remote` as P2WPKH (static_remotekey, zero-fee commitments): `<sig> <remotepubkey>`.
    ToRemoteP2wpkh {
        /// `remotepubkey`.
        pubkey: PublicKey,
    },
    /// `to_remote` with `option_anchors` (1-block CSV): `<sig>`, nSequence 1.
    ToRemoteAnchors,
    /// A keyed anchor by its funding key: `<sig>`.
    Anchor,
    /// A keyed anchor by anyone after 16 blocks: `<>`, nSequence 16.
    AnchorAfter16,
    /// The shared P2A anchor: empty witness.
    SharedAnchor,
    /// An HTLC the commitment's holder offered, claimed by the counterparty with the preimage:
    /// `<remotehtlcsig> <payment_preimage>` (nSequence 1 with `option_anchors`).
    HtlcPreimage {
        /// The payment preimage.
        preimage: [u8; 32],
        /// The script carries `1 OP_CSV` (anchors).
        csv1: bool,
    },
    /// An HTLC the holder received, taken back by the counterparty after `cltv_expiry`:
    /// `<remotehtlcsig> <>`, nLockTime ≥ `cltv_expiry`.
    HtlcTimeout {
        /// The HTLC's `cltv_expiry`.
        cltv_expiry: u32,
        /// The script carries `1 OP_CSV` (anchors).
        csv1: bool,
    },
}

impl Claim {
    /// Short name for reports.
    #[must_use]
    pub fn name(&self) -> &'static str {
        match self {
            Claim::Delayed { .. } => "delayed",
            Claim::RevokedToLocal => "revoked_to_local",
            Claim::RevokedHtlc { .. } => "revoked_htlc",
            Claim::ToRemoteP2wpkh { .. } | Claim::ToRemoteAnchors => "to_remote",
            Claim::Anchor => "anchor",
            Claim::AnchorAfter16 => "anchor_after_16",
            Claim::SharedAnchor => "shared_anchor",
            Claim::HtlcPreimage { .. } => "htlc_preimage",
            Claim::HtlcTimeout { .. } => "htlc_timeout",
        }
    }

    fn sequence(&self) -> Sequence {
        match self {
            Claim::Delayed { to_self_delay } => Sequence(u32::from(*to_self_delay)),
            Claim::ToRemoteAnchors
            | Claim::HtlcPreimage { csv1: true, .. }
            | Claim::HtlcTimeout { csv1: true, .. } => Sequence(1),
            Claim::AnchorAfter16 => Sequence(16),
            // Final for locktime purposes, but not 0xffffffff so a timeout's nLockTime counts.
            _ => Sequence::ENABLE_RBF_NO_LOCKTIME,
        }
    }

    /// Whether the witness holds a signature.
    #[must_use]
    pub fn needs_signature(&self) -> bool {
        !matches!(self, Claim::AnchorAfter16 | Claim::SharedAnchor)
    }

    /// The witness items before the witness script, with `sig` in the signature slot.
    fn items(&self, sig: &[u8]) -> Vec<Vec<u8>> {
        match self {
            Claim::Delayed { .. } | Claim::HtlcTimeout { .. } => vec![sig.to_vec(), vec![]],
            Claim::RevokedToLocal => vec![sig.to_vec(), vec![1]],
            Claim::RevokedHtlc { revocation_pubkey } => {
                vec![sig.to_vec(), revocation_pubkey.serialize().to_vec()]
            }
            Claim::ToRemoteP2wpkh { pubkey } => vec![sig.to_vec(), pubkey.serialize().to_vec()],
            Claim::ToRemoteAnchors | Claim::Anchor => vec![sig.to_vec()],
            Claim::AnchorAfter16 => vec![vec![]],
            Claim::SharedAnchor => vec![],
            Claim::HtlcPreimage { preimage, .. } => vec![sig.to_vec(), preimage.to_vec()],
        }
    }
}

/// One output to claim.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClaimInput {
    /// The output spent.
    pub outpoint: OutPoint,
    /// Its value.
    pub value_sat: u64,
    /// Its witness script (`None` for P2WPKH and P2A).
    pub witness_script: Option<ScriptBuf>,
    /// How it is spent.
    pub claim: Claim,
}

impl ClaimInput {
    /// The output script of the spent output.
    pub fn script_pubkey(&self) -> Result<ScriptBuf> {
        match (&self.claim, &self.witness_script) {
            (Claim::ToRemoteP2wpkh { pubkey }, _) => Ok(scripts::p2wpkh(pubkey)),
            (Claim::SharedAnchor, _) => Ok(scripts::shared_anchor_script_pubkey()),
            (_, Some(ws)) => Ok(scripts::p2wsh(ws)),
            (c, None) => {
                Err(Error::invalid(format!("{} claim needs its witness script", c.name())))
            }
        }
    }

    /// The spent output.
    pub fn prevout(&self) -> Result<TxOut> {
        Ok(TxOut { value: Amount::from_sat(self.value_sat), script_pubkey: self.script_pubkey()? })
    }

    fn witness(&self, sig: &[u8]) -> Witness {
        let mut items = self.claim.items(sig);
        if let Some(ws) = &self.witness_script {
            if !matches!(self.claim, Claim::ToRemoteP2wpkh { .. } | Claim::SharedAnchor) {
                items.push(ws.to_bytes());
            }
        }
        Witness::from_slice(&items)
    }
}

/// A built claim (sweep or penalty) transaction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sweep {
    /// The transaction (witnesses empty until [`Sweep::sign`]).
    pub tx: Transaction,
    /// What each input claims, in input order.
    pub inputs: Vec<ClaimInput>,
    /// Fee paid.
    pub fee_sat: u64,
    /// Weight once signed with 73-byte signatures.
    pub expected_weight: u64,
}

/// Builds a transaction claiming `inputs` into one output to `destination`, paying
/// `feerate_per_kw` on the expected signed weight. nLockTime is the latest HTLC timeout
/// claimed, or `lock_time` if that is later.
pub fn build(
    inputs: Vec<ClaimInput>,
    destination: ScriptBuf,
    feerate_per_kw: u32,
    version: Version,
    lock_time: u32,
) -> Result<Sweep> {
    if inputs.is_empty() {
        return Err(Error::invalid("nothing to claim").within("inputs"));
    }
    let cltv = inputs
        .iter()
        .filter_map(|i| match i.claim {
            Claim::HtlcTimeout { cltv_expiry, .. } => Some(cltv_expiry),
            _ => None,
        })
        .max()
        .unwrap_or(0)
        .max(lock_time);
    let total = inputs
        .iter()
        .try_fold(0u64, |a, i| a.checked_add(i.value_sat))
        .ok_or_else(|| Error::invalid("input values overflow"))?;
    let mut tx = Transaction {
        version,
        lock_time: LockTime::from_consensus(cltv),
        input: inputs
            .iter()
            .map(|i| TxIn {
                previous_output: i.outpoint,
                script_sig: ScriptBuf::new(),
                sequence: i.claim.sequence(),
                witness: i.witness(&[0x30; MAX_SIG_LEN]),
            })
            .collect(),
        output: vec![TxOut { value: Amount::ZERO, script_pubkey: destination }],
    };
    let expected_weight = tx.weight().to_wu();
    let fee_sat = weight::fee_sat(feerate_per_kw, expected_weight)?;
    let value = total.checked_sub(fee_sat).ok_or_else(|| {
        Error::rule(format!("claimed {total} sat do not cover the {fee_sat} sat fee"))
    })?;
    let out = tx.output.get_mut(0).ok_or_else(|| Error::invalid("no output"))?;
    let dust = out.script_pubkey.minimal_non_dust().to_sat();
    if value < dust && !out.script_pubkey.is_op_return() {
        return Err(Error::rule(format!(
            "output of {value} sat after a {fee_sat} sat fee is below the {dust} sat dust threshold"
        )));
    }
    out.value = Amount::from_sat(value);
    for i in &mut tx.input {
        i.witness = Witness::new();
    }
    Ok(Sweep { tx, inputs, fee_sat, expected_weight })
}

impl Sweep {
    /// The `SIGHASH_ALL` message input `index` signs.
    pub fn message(&self, index: usize) -> Result<Message> {
        let input = self.inputs.get(index).ok_or_else(|| Error::invalid("no such input"))?;
        match (&input.claim, &input.witness_script) {
            (Claim::ToRemoteP2wpkh { pubkey }, _) => {
                let hash = SighashCache::new(&self.tx)
                    .p2wpkh_signature_hash(
                        index,
                        &scripts::p2wpkh(pubkey),
                        Amount::from_sat(input.value_sat),
                        EcdsaSighashType::All,
                    )
                    .map_err(|e| Error::invalid(format!("signature hash: {e}")))?;
                Ok(Message::from(hash))
            }
            (_, Some(ws)) => {
                sign::p2wsh_message(&self.tx, index, ws, input.value_sat, EcdsaSighashType::All)
            }
            (c, None) => Err(Error::invalid(format!("{} claim has no script to sign", c.name()))),
        }
    }

    /// Signs every input that needs a signature with the key at its index in `keys` and sets
    /// the witnesses. Inputs that need none (P2A, anchors after 16 blocks) ignore their key.
    pub fn sign(&mut self, keys: &[Option<SecretKey>]) -> Result<()> {
        let mut witnesses = Vec::with_capacity(self.inputs.len());
        for (i, input) in self.inputs.iter().enumerate() {
            let sig = if input.claim.needs_signature() {
                let key = keys.get(i).copied().flatten().ok_or_else(|| {
                    Error::invalid(format!("no key for input {i} ({})", input.claim.name()))
                })?;
                sign::sign_message(&self.message(i)?, &key, EcdsaSighashType::All).to_vec()
            } else {
                Vec::new()
            };
            witnesses.push(input.witness(&sig));
        }
        for (txin, w) in self.tx.input.iter_mut().zip(witnesses) {
            txin.witness = w;
        }
        Ok(())
    }

    /// Sets a ready signature on input `index` (a signature made elsewhere).
    pub fn set_signature(&mut self, index: usize, sig: &Signature) -> Result<()> {
        let input = self.inputs.get(index).ok_or_else(|| Error::invalid("no such input"))?;
        let w = input.witness(&sig.to_vec());
        let txin = self.tx.input.get_mut(index).ok_or_else(|| Error::invalid("no such input"))?;
        txin.witness = w;
        Ok(())
    }

    /// The outputs spent, in input order (for script checks).
    pub fn prevouts(&self) -> Result<Vec<TxOut>> {
        self.inputs.iter().map(ClaimInput::prevout).collect()
    }

    /// The transaction id.
    #[must_use]
    pub fn txid(&self) -> Txid {
        self.tx.compute_txid()
    }
}

fn outpoint(txid: Txid, index: usize) -> Result<OutPoint> {
    Ok(OutPoint { txid, vout: u32::try_from(index).map_err(|_| Error::invalid("output index"))? })
}

/// What the holder of `com` (once it confirmed) can claim itself: `to_local` after the delay
/// and its keyed anchor (or the shared P2A anchor).
pub fn holder_claims(com: &Commitment) -> Result<Vec<ClaimInput>> {
    let txid = com.txid();
    let mut out = Vec::new();
    for (i, o) in com.outputs.iter().enumerate() {
        let claim = match o.role {
            OutputRole::ToLocal => Claim::Delayed { to_self_delay: com.spec.to_self_delay },
            OutputRole::LocalAnchor => Claim::Anchor,
            OutputRole::SharedAnchor => Claim::SharedAnchor,
            _ => continue,
        };
        out.push(ClaimInput {
            outpoint: outpoint(txid, i)?,
            value_sat: o.amount_sat,
            witness_script: o.witness_script.clone(),
            claim,
        });
    }
    Ok(out)
}

/// What the counterparty of the holder of `com` can claim when `com` confirms: its
/// `to_remote`, its anchor, the HTLCs the holder offered whose preimage `preimage_of` knows,
/// and (after their expiry) the HTLCs the holder received.
pub fn counterparty_claims(
    com: &Commitment,
    preimage_of: &dyn Fn(&[u8; 32]) -> Option<[u8; 32]>,
    include_timeouts: bool,
) -> Result<Vec<ClaimInput>> {
    let txid = com.txid();
    let ct = com.spec.channel_type;
    let mut out = Vec::new();
    for (i, o) in com.outputs.iter().enumerate() {
        let htlc = o.htlc.and_then(|h| com.spec.htlcs.get(h));
        let claim = match (o.role, htlc) {
            (OutputRole::ToRemote, _) => match ct {
                ChannelType::Anchors => Claim::ToRemoteAnchors,
                _ => Claim::ToRemoteP2wpkh { pubkey: com.spec.keys.remote_payment },
            },
            (OutputRole::RemoteAnchor, _) => Claim::Anchor,
            (OutputRole::OfferedHtlc, Some(h)) => match preimage_of(&h.payment_hash) {
                Some(preimage) => Claim::HtlcPreimage { preimage, csv1: ct.csv_on_htlcs() },
                None => continue,
            },
            (OutputRole::ReceivedHtlc, Some(h)) if include_timeouts => {
                Claim::HtlcTimeout { cltv_expiry: h.cltv_expiry, csv1: ct.csv_on_htlcs() }
            }
            _ => continue,
        };
        out.push(ClaimInput {
            outpoint: outpoint(txid, i)?,
            value_sat: o.amount_sat,
            witness_script: o.witness_script.clone(),
            claim,
        });
    }
    Ok(out)
}

/// Penalty inputs on a revoked commitment `com` (built as its holder saw it): `to_local` and
/// every HTLC output, all with the revocation key.
pub fn penalty_claims(com: &Commitment) -> Result<Vec<ClaimInput>> {
    let txid = com.txid();
    let mut out = Vec::new();
    for (i, o) in com.outputs.iter().enumerate() {
        let claim = match o.role {
            OutputRole::ToLocal => Claim::RevokedToLocal,
            OutputRole::OfferedHtlc | OutputRole::ReceivedHtlc => {
                Claim::RevokedHtlc { revocation_pubkey: com.spec.keys.revocation }
            }
            _ => continue,
        };
        out.push(ClaimInput {
            outpoint: outpoint(txid, i)?,
            value_sat: o.amount_sat,
            witness_script: o.witness_script.clone(),
            claim,
        });
    }
    Ok(out)
}

/// The output of a confirmed HTLC transaction: the holder's after `to_self_delay`, or the
/// counterparty's at once when `revoked`.
pub fn htlc_tx_output_claim(ht: &HtlcTx, com: &Commitment, revoked: bool) -> Result<ClaimInput> {
    let out = ht.tx.output.first().ok_or_else(|| Error::invalid("HTLC tx has no output"))?;
    let keys = &com.spec.keys;
    let ws =
        scripts::to_local_script(&keys.revocation, com.spec.to_self_delay, &keys.local_delayed);
    Ok(ClaimInput {
        outpoint: OutPoint { txid: ht.txid(), vout: 0 },
        value_sat: out.value.to_sat(),
        witness_script: Some(ws),
        claim: if revoked {
            Claim::RevokedToLocal
        } else {
            Claim::Delayed { to_self_delay: com.spec.to_self_delay }
        },
    })
}

/// Checks a preimage against a payment hash.
#[must_use]
pub fn preimage_matches(preimage: &[u8; 32], payment_hash: &[u8; 32]) -> bool {
    sha256::Hash::hash(preimage).to_byte_array() == *payment_hash
}

/// Which HTLC direction a role is (for reports).
#[must_use]
pub fn htlc_direction(role: OutputRole) -> Option<HtlcDirection> {
    match role {
        OutputRole::OfferedHtlc => Some(HtlcDirection::Offered),
        OutputRole::ReceivedHtlc => Some(HtlcDirection::Received),
        _ => None,
    }
}
