//! The four PTLC signing flows of notes/spec-protocol.md §1.5 (single-signer vs MuSig2 adaptor
//! signatures × synchronous (turn-based, both commitments hold the same updates) vs
//! asynchronous (BOLT 2) commitments), run as two message-driven state machines over the
//! simulated link for one isolated PTLC offered by A to B.
//!
//! Each node sends a message as soon as these rules allow, and no sooner:
//! 1. Content: a node can sign or pre-sign for a commitment only once it knows which updates
//!    that commitment holds. In sync mode both commitments hold the turn's updates, known from
//!    the start; in async mode the signer decides and tells the holder (by `commitment_signed`
//!    or `commitment_proposed`), and A's update reaches A's own commitment only after B has
//!    acknowledged it with `revoke_and_ack` (BOLT 2 ordering).
//! 2. Claim before sign: B signs A's commitment only once it holds A's adaptor
//!    (pre-)signature for B's claim-success transaction spending it, since the PTLC's secret is
//!    revealed only by completing a signature (§1.5, "received-by-remote success path").
//! 3. A's `commitment_signed` for B carries A's adaptor (pre-)signature for B's PTLC-success
//!    transaction, as today's carries `htlc_signature`s; B's for A carries B's signature on A's
//!    PTLC-timeout transaction.
//! 4. MuSig2: every PTLC transaction needs both parties' public nonces (content-independent, so
//!    A sends its nonces with the add); for adaptor signatures the receiver's partial signature
//!    goes first so the offerer can later extract the secret (§1.3).
//!
//! The PTLC is irrevocable (B may forward) when B receives A's `revoke_and_ack`.

use std::collections::VecDeque;

use serde_json::{json, Map, Value};

use super::msg::Msg;
use super::SimConfig;
use crate::{Error, Result};

/// Adaptor signature kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sig {
    /// Single-signer adaptor pre-signatures (65 B) plus plain signatures (64 B).
    Single,
    /// MuSig2 adaptor partial signatures (32 B) after nonce exchange (66 B each).
    Musig2,
}

/// One of the four flows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Variant {
    /// Signature kind.
    pub sig: Sig,
    /// Synchronous (turn-based) commitments.
    pub sync: bool,
}

impl Variant {
    /// All four, in the order of the analysis.
    pub const ALL: [Variant; 4] = [
        Variant { sig: Sig::Single, sync: true },
        Variant { sig: Sig::Single, sync: false },
        Variant { sig: Sig::Musig2, sync: true },
        Variant { sig: Sig::Musig2, sync: false },
    ];

    /// e.g. "single_sig_sync".
    pub fn name(self) -> &'static str {
        match (self.sig, self.sync) {
            (Sig::Single, true) => "single_sig_sync",
            (Sig::Single, false) => "single_sig_async",
            (Sig::Musig2, true) => "musig2_sync",
            (Sig::Musig2, false) => "musig2_async",
        }
    }

    /// Round trips to irrevocable in instagibbs' analysis (notes §1.5).
    pub fn expected_round_trips(self) -> f64 {
        match (self.sig, self.sync) {
            (Sig::Single, true) => 1.5,
            (Sig::Single, false) | (Sig::Musig2, true) => 2.5,
            (Sig::Musig2, false) => 3.5,
        }
    }
}

/// A: offerer of the PTLC.
#[derive(Debug, Default)]
struct Offerer {
    b_success_psig: bool,
    b_claim_psig: bool,
    sent_cs: bool,
    sent_claim: bool,
}

/// B: receiver.
#[derive(Debug, Default)]
struct Receiver {
    got_add: bool,
    a_nonces: bool,
    knows_cb: bool,
    sent_accept: bool,
    got_cs: bool,
    claim_material: bool,
    sent_cs: bool,
    irrevocable_at_leg: Option<u32>,
}

/// What one flow exchanged.
#[derive(Debug, Clone)]
pub struct Flow {
    /// (leg, sender, message name, bytes) in send order.
    pub messages: Vec<(u32, &'static str, &'static str, usize)>,
    /// Legs (one-way flights) until B received the message that made the PTLC irrevocable.
    pub legs: u32,
}

/// Runs one flow: messages are really encoded, sent, decoded and acted on, leg by leg.
pub fn run_flow(v: Variant) -> Result<Flow> {
    let musig = v.sig == Sig::Musig2;
    let mut a = Offerer::default();
    let mut b = Receiver { knows_cb: v.sync, ..Receiver::default() };
    // In flight: (leg, to_b, bytes)
    let mut wire: VecDeque<(u32, bool, Vec<u8>)> = VecDeque::new();
    let mut log = Vec::new();
    let mut send = |wire: &mut VecDeque<(u32, bool, Vec<u8>)>, leg: u32, to_b: bool, m: Msg| {
        let bytes = m.encode();
        log.push((leg, if to_b { "a" } else { "b" }, m.name(), bytes.len()));
        wire.push_back((leg, to_b, bytes));
    };
    // Leg 1: the add, A's nonces for its three PTLC transactions (MuSig2), and in async mode
    // the announcement of B's next commitment (MuSig2 needs B's partial signature first).
    send(&mut wire, 1, true, Msg::UpdateAddPtlc { id: 0, amount_msat: 1_000_000 });
    if musig {
        send(&mut wire, 1, true, Msg::PtlcNonces { count: 3 });
        if !v.sync {
            send(&mut wire, 1, true, Msg::CommitmentProposed { commitment_number: 1 });
        }
    } else {
        // Single-signer: A knows B's next commitment (it decides it) and, in sync mode, its own.
        let presigs = if v.sync { 2 } else { 1 };
        send(&mut wire, 1, true, Msg::CommitmentSigned { num_htlcs: 0, presigs, psigs: 0 });
        a.sent_cs = true;
        a.sent_claim = v.sync;
    }
    let mut steps = 0;
    while let Some((leg, to_b, bytes)) = wire.pop_front() {
        steps += 1;
        if steps > 64 {
            return Err(Error::invalid("ptlc flow does not terminate"));
        }
        let m = Msg::decode(&bytes)?;
        let next = leg + 1;
        if to_b {
            match m {
                Msg::UpdateAddPtlc { .. } => b.got_add = true,
                Msg::PtlcNonces { .. } => b.a_nonces = true,
                Msg::CommitmentProposed { .. } => b.knows_cb = true,
                Msg::CommitmentSigned { presigs, psigs, .. } => {
                    b.got_cs = true;
                    b.claim_material |= usize::from(presigs) + usize::from(psigs) >= 2;
                    send(&mut wire, next, false, Msg::RevokeAndAck);
                    if !b.claim_material {
                        // Async: B now decides A's next commitment and asks for A's claim
                        // material for it (single-sig: "please send your presigs"); with MuSig2
                        // B's partial signature goes first.
                        send(
                            &mut wire,
                            next,
                            false,
                            Msg::CommitmentProposed { commitment_number: 1 },
                        );
                        if musig {
                            send(
                                &mut wire,
                                next,
                                false,
                                Msg::UpdateAcceptPtlcs { nonces: 0, psigs: 1 },
                            );
                        }
                    }
                }
                Msg::PtlcPresigs { .. } | Msg::CountersignPtlcs { .. } => b.claim_material = true,
                Msg::RevokeAndAck => {
                    b.irrevocable_at_leg = Some(leg);
                }
                other => return Err(Error::invalid(format!("b: unexpected {}", other.name()))),
            }
            // MuSig2: B answers with its nonces and (receiver-first) partial signatures for every
            // PTLC transaction whose commitment content it knows.
            if musig && b.got_add && b.a_nonces && b.knows_cb && !b.sent_accept {
                b.sent_accept = true;
                let psigs = if v.sync { 2 } else { 1 };
                send(&mut wire, next, false, Msg::UpdateAcceptPtlcs { nonces: 3, psigs });
            }
            if b.got_cs && b.claim_material && !b.sent_cs {
                b.sent_cs = true;
                // B's signature on A's PTLC-timeout: a plain signature or a partial one.
                let m = if musig {
                    Msg::CommitmentSigned { num_htlcs: 0, presigs: 0, psigs: 1 }
                } else {
                    Msg::CommitmentSigned { num_htlcs: 1, presigs: 0, psigs: 0 }
                };
                send(&mut wire, next, false, m);
            }
        } else {
            match m {
                Msg::UpdateAcceptPtlcs { nonces, psigs } => {
                    if nonces > 0 {
                        a.b_success_psig = true;
                        a.b_claim_psig |= psigs >= 2;
                    } else {
                        a.b_claim_psig = true;
                    }
                }
                Msg::CommitmentProposed { .. } => {
                    if !musig && !a.sent_claim {
                        a.sent_claim = true;
                        send(&mut wire, next, true, Msg::PtlcPresigs { count: 1 });
                    }
                }
                Msg::RevokeAndAck => {}
                Msg::CommitmentSigned { .. } => send(&mut wire, next, true, Msg::RevokeAndAck),
                other => return Err(Error::invalid(format!("a: unexpected {}", other.name()))),
            }
            if musig && a.b_success_psig && !a.sent_cs {
                a.sent_cs = true;
                // A's adaptor partial signature for B's PTLC-success, plus (sync) for B's claim.
                let psigs = if a.b_claim_psig { 2 } else { 1 };
                a.sent_claim = a.b_claim_psig;
                send(
                    &mut wire,
                    next,
                    true,
                    Msg::CommitmentSigned { num_htlcs: 0, presigs: 0, psigs },
                );
            } else if musig && a.sent_cs && a.b_claim_psig && !a.sent_claim {
                a.sent_claim = true;
                send(&mut wire, next, true, Msg::CountersignPtlcs { psigs: 1 });
            }
        }
    }
    let legs =
        b.irrevocable_at_leg.ok_or_else(|| Error::invalid("ptlc never became irrevocable"))?;
    Ok(Flow { messages: log, legs })
}

/// Runs the four flows; latency uses the config's RTT and processing time.
pub fn run_all(cfg: &SimConfig) -> Result<Value> {
    let mut out = Map::new();
    for v in Variant::ALL {
        let f = run_flow(v)?;
        let rt = f64::from(f.legs) / 2.0;
        let per_leg = cfg.rtt_ms / 2.0 + cfg.processing_ms;
        let bytes: usize = f.messages.iter().map(|m| m.3).sum();
        let msgs: Vec<Value> = f
            .messages
            .iter()
            .map(|(leg, from, name, len)| json!({ "leg": leg, "from": from, "message": name, "bytes": len }))
            .collect();
        out.insert(
            v.name().into(),
            json!({
                "round_trips": rt,
                "expected_round_trips": v.expected_round_trips(),
                "matches_analysis": (rt - v.expected_round_trips()).abs() < 1e-9,
                "latency_ms": ((f64::from(f.legs) * per_leg) * 1000.0).round() / 1000.0,
                "bytes_on_wire": bytes,
                "message_count": msgs.len(),
                "messages": msgs,
            }),
        );
    }
    Ok(Value::Object(out))
}
