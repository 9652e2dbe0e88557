//! The messages the simulated peers exchange, encoded byte for byte as BOLT 2 lays them out
//! ("Normal Operation", "Message Retransmission"), bolts PR #867 (`update_noop` 129, `yield`
//! 138), and placeholders for what no spec defines yet (the summit's NACK and the PTLC drafts'
//! messages, notes/spec-protocol.md §1.5 and §2.2). Signatures, secrets, points and onions are
//! zero-filled at their real sizes: the simulator measures protocol flow and bytes, not crypto.

use crate::encoding::{write_bigsize, Reader};
use crate::{Error, ErrorKind, Result};

/// `update_add_htlc` (BOLT 2).
pub const UPDATE_ADD_HTLC: u16 = 128;
/// `update_noop` (bolts PR #867).
pub const UPDATE_NOOP: u16 = 129;
/// `update_fulfill_htlc` (BOLT 2).
pub const UPDATE_FULFILL_HTLC: u16 = 130;
/// `commitment_signed` (BOLT 2).
pub const COMMITMENT_SIGNED: u16 = 132;
/// `revoke_and_ack` (BOLT 2).
pub const REVOKE_AND_ACK: u16 = 133;
/// `update_fee` (BOLT 2).
pub const UPDATE_FEE: u16 = 134;
/// `channel_reestablish` (BOLT 2).
pub const CHANNEL_REESTABLISH: u16 = 136;
/// `yield` (bolts PR #867).
pub const YIELD: u16 = 138;
/// Placeholder type of the summit's NACK (no spec assigns one; odd, so peers may ignore it).
pub const NACK: u16 = 32_769;
/// Placeholder for the drafts' `update_add_ptlc` ("128.1" in the draft).
pub const UPDATE_ADD_PTLC: u16 = 32_771;
/// Placeholder: announces the content of the commitment the sender is about to sign, so the
/// holder can pre-sign the claim transactions spending it (t-bast's `commitment_proposed`).
pub const COMMITMENT_PROPOSED: u16 = 32_773;
/// Placeholder: single-signer adaptor pre-signatures sent on their own (the "please send your
/// presigs" step of the asynchronous flow).
pub const PTLC_PRESIGS: u16 = 32_775;
/// Placeholder: MuSig2 public nonces for the PTLC transactions of a commitment.
pub const PTLC_NONCES: u16 = 32_777;
/// Placeholder for the draft's `update_accept_ptlcs`: the receiver's nonces and partial sigs.
pub const UPDATE_ACCEPT_PTLCS: u16 = 32_779;
/// Placeholder for the draft's `countersign_ptlcs`: the offerer's adaptor partial signatures.
pub const COUNTERSIGN_PTLCS: u16 = 32_781;

/// Placeholder TLV in `commitment_signed`: 65-byte adaptor pre-signatures (`R'(33) ‖ s'(32)`).
pub const TLV_ADAPTOR_PRESIGS: u64 = 1001;
/// Placeholder TLV in `commitment_signed`: 32-byte MuSig2 (adaptor) partial signatures.
pub const TLV_PARTIAL_SIGS: u64 = 1003;

/// BOLT 4 onion packet size carried by every add.
pub const ONION_LEN: usize = 1366;
/// Compact signature.
pub const SIG_LEN: usize = 64;
/// Adaptor pre-signature with its 33-byte adapted nonce.
pub const PRESIG_LEN: usize = 65;
/// MuSig2 public nonce (two points).
pub const PUBNONCE_LEN: usize = 66;
/// MuSig2 partial signature.
pub const PSIG_LEN: usize = 32;

/// Why a NACK rejected a batch.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NackReason {
    /// The opener could not pay the commitment fee (with the receiver's buffer) above its reserve.
    FeeBuffer,
    /// Trimmed HTLCs would exceed the receiver's dust exposure limit.
    DustExposure,
    /// A balance would fall below its reserve, or an HTLC limit would be exceeded.
    Reserve,
}

impl NackReason {
    fn code(self) -> u16 {
        match self {
            NackReason::FeeBuffer => 1,
            NackReason::DustExposure => 2,
            NackReason::Reserve => 3,
        }
    }

    fn from_code(c: u16) -> Result<Self> {
        Ok(match c {
            1 => NackReason::FeeBuffer,
            2 => NackReason::DustExposure,
            3 => NackReason::Reserve,
            _ => return Err(Error::invalid(format!("unknown nack reason {c}"))),
        })
    }

    /// Snake-case name for reports.
    pub fn name(self) -> &'static str {
        match self {
            NackReason::FeeBuffer => "fee_buffer",
            NackReason::DustExposure => "dust_exposure",
            NackReason::Reserve => "reserve",
        }
    }
}

/// One message, with the fields the protocol logic reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Msg {
    /// `update_add_htlc`.
    UpdateAddHtlc {
        /// HTLC id.
        id: u64,
        /// Amount.
        amount_msat: u64,
    },
    /// `update_fulfill_htlc`.
    UpdateFulfillHtlc {
        /// Id of the HTLC the peer offered.
        id: u64,
    },
    /// `update_fee`.
    UpdateFee {
        /// New feerate.
        feerate_per_kw: u32,
    },
    /// `commitment_signed`; PTLC material rides in placeholder TLVs.
    CommitmentSigned {
        /// `num_htlcs` (one `htlc_signature` each).
        num_htlcs: u16,
        /// Adaptor pre-signatures in TLV 1001.
        presigs: u16,
        /// Partial signatures in TLV 1003.
        psigs: u16,
    },
    /// `revoke_and_ack`.
    RevokeAndAck,
    /// `channel_reestablish`.
    ChannelReestablish {
        /// Commitment number of the next `commitment_signed` the sender expects.
        next_commitment_number: u64,
        /// Commitment number of the next `revoke_and_ack` the sender expects.
        next_revocation_number: u64,
    },
    /// `update_noop` (PR #867).
    UpdateNoop,
    /// `yield` (PR #867).
    Yield,
    /// NACK of the batch just proposed (placeholder).
    Nack {
        /// Why.
        reason: NackReason,
    },
    /// `update_add_ptlc` (draft): a point instead of a payment hash.
    UpdateAddPtlc {
        /// PTLC id.
        id: u64,
        /// Amount.
        amount_msat: u64,
    },
    /// `commitment_proposed` (placeholder).
    CommitmentProposed {
        /// Number of the commitment about to be signed.
        commitment_number: u64,
    },
    /// `ptlc_presigs` (placeholder).
    PtlcPresigs {
        /// Number of 65-byte pre-signatures.
        count: u16,
    },
    /// `ptlc_nonces` (placeholder).
    PtlcNonces {
        /// Number of 66-byte public nonces.
        count: u16,
    },
    /// `update_accept_ptlcs` (draft).
    UpdateAcceptPtlcs {
        /// Public nonces.
        nonces: u16,
        /// Partial signatures.
        psigs: u16,
    },
    /// `countersign_ptlcs` (draft).
    CountersignPtlcs {
        /// Partial signatures.
        psigs: u16,
    },
}

impl Msg {
    /// The message's name as the specs (or our placeholders) spell it.
    pub fn name(&self) -> &'static str {
        match self {
            Msg::UpdateAddHtlc { .. } => "update_add_htlc",
            Msg::UpdateFulfillHtlc { .. } => "update_fulfill_htlc",
            Msg::UpdateFee { .. } => "update_fee",
            Msg::CommitmentSigned { .. } => "commitment_signed",
            Msg::RevokeAndAck => "revoke_and_ack",
            Msg::ChannelReestablish { .. } => "channel_reestablish",
            Msg::UpdateNoop => "update_noop",
            Msg::Yield => "yield",
            Msg::Nack { .. } => "nack",
            Msg::UpdateAddPtlc { .. } => "update_add_ptlc",
            Msg::CommitmentProposed { .. } => "commitment_proposed",
            Msg::PtlcPresigs { .. } => "ptlc_presigs",
            Msg::PtlcNonces { .. } => "ptlc_nonces",
            Msg::UpdateAcceptPtlcs { .. } => "update_accept_ptlcs",
            Msg::CountersignPtlcs { .. } => "countersign_ptlcs",
        }
    }

    /// Encodes type + payload.
    pub fn encode(&self) -> Vec<u8> {
        let mut w = Vec::with_capacity(128);
        let zeros = |w: &mut Vec<u8>, n: usize| w.resize(w.len() + n, 0);
        let channel_id = |w: &mut Vec<u8>| w.extend_from_slice(&[0x11; 32]);
        let ty = |w: &mut Vec<u8>, t: u16| w.extend_from_slice(&t.to_be_bytes());
        match self {
            Msg::UpdateAddHtlc { id, amount_msat } | Msg::UpdateAddPtlc { id, amount_msat } => {
                let ptlc = matches!(self, Msg::UpdateAddPtlc { .. });
                ty(&mut w, if ptlc { UPDATE_ADD_PTLC } else { UPDATE_ADD_HTLC });
                channel_id(&mut w);
                w.extend_from_slice(&id.to_be_bytes());
                w.extend_from_slice(&amount_msat.to_be_bytes());
                // payment_hash (32) or point (33), cltv_expiry, onion
                zeros(&mut w, if ptlc { 33 } else { 32 });
                w.extend_from_slice(&800_000u32.to_be_bytes());
                zeros(&mut w, ONION_LEN);
            }
            Msg::UpdateFulfillHtlc { id } => {
                ty(&mut w, UPDATE_FULFILL_HTLC);
                channel_id(&mut w);
                w.extend_from_slice(&id.to_be_bytes());
                zeros(&mut w, 32);
            }
            Msg::UpdateFee { feerate_per_kw } => {
                ty(&mut w, UPDATE_FEE);
                channel_id(&mut w);
                w.extend_from_slice(&feerate_per_kw.to_be_bytes());
            }
            Msg::CommitmentSigned { num_htlcs, presigs, psigs } => {
                ty(&mut w, COMMITMENT_SIGNED);
                channel_id(&mut w);
                zeros(&mut w, SIG_LEN);
                w.extend_from_slice(&num_htlcs.to_be_bytes());
                zeros(&mut w, usize::from(*num_htlcs) * SIG_LEN);
                for (t, n, len) in [
                    (TLV_ADAPTOR_PRESIGS, *presigs, PRESIG_LEN),
                    (TLV_PARTIAL_SIGS, *psigs, PSIG_LEN),
                ] {
                    if n > 0 {
                        let l = usize::from(n) * len;
                        write_bigsize(&mut w, t);
                        write_bigsize(&mut w, l as u64);
                        zeros(&mut w, l);
                    }
                }
            }
            Msg::RevokeAndAck => {
                ty(&mut w, REVOKE_AND_ACK);
                channel_id(&mut w);
                zeros(&mut w, 32);
                w.push(0x02);
                zeros(&mut w, 32);
            }
            Msg::ChannelReestablish { next_commitment_number, next_revocation_number } => {
                ty(&mut w, CHANNEL_REESTABLISH);
                channel_id(&mut w);
                w.extend_from_slice(&next_commitment_number.to_be_bytes());
                w.extend_from_slice(&next_revocation_number.to_be_bytes());
                zeros(&mut w, 32);
                w.push(0x02);
                zeros(&mut w, 32);
            }
            Msg::UpdateNoop | Msg::Yield => {
                ty(&mut w, if matches!(self, Msg::Yield) { YIELD } else { UPDATE_NOOP });
                channel_id(&mut w);
            }
            Msg::Nack { reason } => {
                ty(&mut w, NACK);
                channel_id(&mut w);
                w.extend_from_slice(&reason.code().to_be_bytes());
            }
            Msg::CommitmentProposed { commitment_number } => {
                ty(&mut w, COMMITMENT_PROPOSED);
                channel_id(&mut w);
                w.extend_from_slice(&commitment_number.to_be_bytes());
            }
            Msg::PtlcPresigs { count } | Msg::PtlcNonces { count } => {
                let nonces = matches!(self, Msg::PtlcNonces { .. });
                ty(&mut w, if nonces { PTLC_NONCES } else { PTLC_PRESIGS });
                channel_id(&mut w);
                w.extend_from_slice(&count.to_be_bytes());
                zeros(&mut w, usize::from(*count) * if nonces { PUBNONCE_LEN } else { PRESIG_LEN });
            }
            Msg::UpdateAcceptPtlcs { nonces, psigs } => {
                ty(&mut w, UPDATE_ACCEPT_PTLCS);
                channel_id(&mut w);
                w.extend_from_slice(&nonces.to_be_bytes());
                zeros(&mut w, usize::from(*nonces) * PUBNONCE_LEN);
                w.extend_from_slice(&psigs.to_be_bytes());
                zeros(&mut w, usize::from(*psigs) * PSIG_LEN);
            }
            Msg::CountersignPtlcs { psigs } => {
                ty(&mut w, COUNTERSIGN_PTLCS);
                channel_id(&mut w);
                w.extend_from_slice(&psigs.to_be_bytes());
                zeros(&mut w, usize::from(*psigs) * PSIG_LEN);
            }
        }
        w
    }

    /// Decodes one message; every length is checked against the bytes present.
    pub fn decode(bytes: &[u8]) -> Result<Msg> {
        let mut r = Reader::new(bytes);
        let ty = r.u16().map_err(|e| e.within("type"))?;
        let _channel_id = r.array::<32>().map_err(|e| e.within("channel_id"))?;
        let count_of = |r: &mut Reader<'_>, each: usize, what: &str| -> Result<u16> {
            let n = r.u16().map_err(|e| e.within(what.to_string()))?;
            r.bytes(usize::from(n) * each).map_err(|e| e.within(what.to_string()))?;
            Ok(n)
        };
        let m = match ty {
            UPDATE_ADD_HTLC | UPDATE_ADD_PTLC => {
                let id = r.u64()?;
                let amount_msat = r.u64()?;
                r.bytes(if ty == UPDATE_ADD_PTLC { 33 } else { 32 })?;
                r.u32()?;
                r.bytes(ONION_LEN).map_err(|e| e.within("onion_routing_packet"))?;
                if ty == UPDATE_ADD_PTLC {
                    Msg::UpdateAddPtlc { id, amount_msat }
                } else {
                    Msg::UpdateAddHtlc { id, amount_msat }
                }
            }
            UPDATE_FULFILL_HTLC => {
                let id = r.u64()?;
                r.bytes(32)?;
                Msg::UpdateFulfillHtlc { id }
            }
            UPDATE_FEE => Msg::UpdateFee { feerate_per_kw: r.u32()? },
            COMMITMENT_SIGNED => {
                r.bytes(SIG_LEN)?;
                let num_htlcs = count_of(&mut r, SIG_LEN, "htlc_signature")?;
                let (mut presigs, mut psigs) = (0u16, 0u16);
                let mut last = None;
                while !r.is_empty() {
                    let t = r.bigsize()?;
                    if last.is_some_and(|l| t <= l) {
                        return Err(Error::new(ErrorKind::Ordering, "tlv types not ascending"));
                    }
                    last = Some(t);
                    let len = usize::try_from(r.bigsize()?)
                        .map_err(|_| Error::new(ErrorKind::Length, "tlv length"))?;
                    r.bytes(len)?;
                    let each = match t {
                        TLV_ADAPTOR_PRESIGS => PRESIG_LEN,
                        TLV_PARTIAL_SIGS => PSIG_LEN,
                        t if t % 2 == 1 => continue,
                        t => {
                            return Err(Error::new(
                                ErrorKind::UnknownEven,
                                format!("unknown even tlv {t}"),
                            ))
                        }
                    };
                    if len % each != 0 {
                        return Err(Error::new(ErrorKind::Length, "signature list length"));
                    }
                    let n = u16::try_from(len / each)
                        .map_err(|_| Error::new(ErrorKind::Length, "too many signatures"))?;
                    if t == TLV_ADAPTOR_PRESIGS {
                        presigs = n;
                    } else {
                        psigs = n;
                    }
                }
                Msg::CommitmentSigned { num_htlcs, presigs, psigs }
            }
            REVOKE_AND_ACK => {
                r.bytes(32 + 33)?;
                Msg::RevokeAndAck
            }
            CHANNEL_REESTABLISH => {
                let next_commitment_number = r.u64()?;
                let next_revocation_number = r.u64()?;
                r.bytes(32 + 33)?;
                Msg::ChannelReestablish { next_commitment_number, next_revocation_number }
            }
            UPDATE_NOOP => Msg::UpdateNoop,
            YIELD => Msg::Yield,
            NACK => Msg::Nack { reason: NackReason::from_code(r.u16()?)? },
            COMMITMENT_PROPOSED => Msg::CommitmentProposed { commitment_number: r.u64()? },
            PTLC_PRESIGS => Msg::PtlcPresigs { count: count_of(&mut r, PRESIG_LEN, "presigs")? },
            PTLC_NONCES => Msg::PtlcNonces { count: count_of(&mut r, PUBNONCE_LEN, "nonces")? },
            UPDATE_ACCEPT_PTLCS => {
                let nonces = count_of(&mut r, PUBNONCE_LEN, "nonces")?;
                let psigs = count_of(&mut r, PSIG_LEN, "partial_sigs")?;
                Msg::UpdateAcceptPtlcs { nonces, psigs }
            }
            COUNTERSIGN_PTLCS => {
                Msg::CountersignPtlcs { psigs: count_of(&mut r, PSIG_LEN, "partial_sigs")? }
            }
            t => return Err(Error::new(ErrorKind::UnknownEven, format!("unexpected message {t}"))),
        };
        // Only commitment_signed has an extension stream here; anything else left is an error
        // in a simulation where both ends are ours.
        if !r.is_empty() {
            return Err(Error::new(ErrorKind::Trailing, "trailing bytes").at(r.offset()));
        }
        Ok(m)
    }
}
