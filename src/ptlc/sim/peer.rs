//! One channel party as a sans-I/O state machine: bytes in, actions (bytes out, events) out.
//!
//! `Mode::Async` is BOLT 2 "Normal Operation" (full duplex: updates at any time, one
//! unacknowledged `commitment_signed` per direction) and "Message Retransmission"
//! (`channel_reestablish`, reversal of uncommitted updates, RAA/CS replay in original order).
//! `Mode::Turn` is bolts PR #867 `option_simplified_update` (turns, `update_noop` → `yield`,
//! turn passing on `revoke_and_ack`, replay of an unfinished turn after reconnection) plus the
//! summit's NACK: the receiver of a batch that breaks its reserve / fee-buffer / dust policy
//! answers `nack` instead of `revoke_and_ack`, both sides drop the batch and the channel lives on.
//! Out-of-turn updates are never sent optimistically: a node without the turn sends
//! `update_noop` and waits for `yield` (the PR's "simple implementation").

use std::collections::VecDeque;

use super::chan::{CommitState, Entry, Pair, Params, Policy, Side, Update, Violation};
use super::msg::Msg;
use crate::Result;

/// Which update protocol the peers speak.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mode {
    /// BOLT 2 full duplex.
    Async,
    /// PR #867 turn taking + NACK.
    Turn,
}

impl Mode {
    /// "async" / "turn".
    pub fn name(self) -> &'static str {
        match self {
            Mode::Async => "async",
            Mode::Turn => "turn",
        }
    }
}

/// Something the node wants to do (from its driver: a payment, a fulfil, a fee move).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Work {
    /// Offer an HTLC.
    Add {
        /// Amount.
        amount_msat: u64,
        /// Driver tag.
        tag: u64,
    },
    /// Fulfil an HTLC the peer offered.
    Fulfill {
        /// Its id.
        id: u64,
        /// Driver tag.
        tag: u64,
    },
    /// Move the feerate (opener only).
    Fee {
        /// Target feerate.
        feerate_per_kw: u32,
        /// Driver tag.
        tag: u64,
    },
}

/// What a step produced.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Bytes for the peer.
    Send(Vec<u8>),
    /// Update `index` of `offerer`'s log is irrevocably committed as far as this node knows
    /// (in its current commitment and in the peer's acknowledged one).
    Irrevocable {
        /// Whose log.
        offerer: Side,
        /// Position.
        index: usize,
    },
    /// An HTLC the peer offered is irrevocably committed: it may be fulfilled now.
    Incoming {
        /// Its id.
        id: u64,
    },
    /// A commitment this node signed or received breaks its policy: under BOLT 2 the node
    /// would fail the channel. The simulation counts it and carries on.
    Violation {
        /// Whose commitment.
        holder: Side,
        /// Its number.
        number: u64,
        /// Which rule.
        reason: Violation,
    },
    /// The node's own check refused a piece of work (the payment fails locally, nothing sent).
    Refused {
        /// Driver tag.
        tag: u64,
        /// Which rule.
        reason: Violation,
    },
    /// The node NACKed the peer's batch.
    NackSent {
        /// Why.
        reason: Violation,
    },
    /// The peer NACKed this node's batch; `dropped` adds failed (fulfils are retried).
    Nacked {
        /// Tags of dropped updates.
        dropped: Vec<u64>,
    },
    /// Messages re-sent after `channel_reestablish`.
    Retransmitted(usize),
    /// The peer broke the protocol; this node stops.
    ProtocolError(String),
}

/// Per-step context: what does not change and is not state.
#[derive(Debug, Clone, Copy)]
pub struct Ctx<'a> {
    /// Channel parameters.
    pub params: &'a Params,
    /// This node's policy.
    pub policy: &'a Policy,
    /// Protocol.
    pub mode: Mode,
}

/// A channel party.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Peer {
    /// Which party.
    pub side: Side,
    /// Both parties' update logs (own updates as sent, the peer's as received).
    pub logs: Pair<Vec<Entry>>,
    /// Current local commitment.
    pub local: CommitState,
    /// Its number.
    pub local_n: u64,
    /// Latest remote commitment whose predecessor the peer revoked.
    pub remote_acked: CommitState,
    /// Its number.
    pub remote_acked_n: u64,
    /// Remote commitment signed, awaiting `revoke_and_ack` (number `remote_acked_n + 1`).
    pub remote_pending: Option<CommitState>,
    /// Next HTLC id to offer.
    pub next_htlc_id: u64,
    /// Transport up.
    pub connected: bool,
    /// Peer's `channel_reestablish` received on this connection.
    pub reestablished: bool,
    /// The last of {last CS, last RAA} sent was the CS (for replay order).
    cs_after_raa: bool,
    /// Turn holder as this node believes (turn mode).
    pub turn: Side,
    /// Mid-turn: this node's batch is out.
    pub proposing: bool,
    /// `update_noop` sent, waiting for `yield`.
    requested: bool,
    /// Work not yet sent.
    pub work: VecDeque<Work>,
    /// Irrevocable prefix of each log.
    irrevocable: Pair<usize>,
    /// Set once the peer broke the protocol.
    pub failed: bool,
}

type Checked = std::result::Result<(), Violation>;

impl Peer {
    /// A party of a channel funded with `balance_msat` at `feerate_per_kw`.
    pub fn new(side: Side, balance_msat: Pair<u64>, feerate_per_kw: u32) -> Self {
        let s = CommitState::initial(balance_msat, feerate_per_kw);
        Peer {
            side,
            logs: Pair::default(),
            local: s.clone(),
            local_n: 0,
            remote_acked: s,
            remote_acked_n: 0,
            remote_pending: None,
            next_htlc_id: 0,
            connected: true,
            reestablished: true,
            cs_after_raa: false,
            turn: Side::A,
            proposing: false,
            requested: false,
            work: VecDeque::new(),
            irrevocable: Pair::default(),
            failed: false,
        }
    }

    fn me(&self) -> Side {
        self.side
    }

    fn peer(&self) -> Side {
        self.side.other()
    }

    fn send(out: &mut Vec<Action>, m: &Msg) {
        out.push(Action::Send(m.encode()));
    }

    /// Everything this node knows of, applied.
    pub fn projected(&self) -> Result<CommitState> {
        let to = Pair::new(self.logs.a.len(), self.logs.b.len());
        self.local.advance(&self.logs, to)
    }

    /// Queues work and acts on it if it can.
    pub fn push_work(&mut self, ctx: Ctx<'_>, w: Work) -> Vec<Action> {
        self.work.push_back(w);
        self.poll(ctx)
    }

    /// The transport dropped: reverse the peer's uncommitted updates (BOLT 2).
    pub fn disconnect(&mut self) {
        self.connected = false;
        self.reestablished = false;
        self.requested = false;
        let keep = *self.local.counts.get(self.peer());
        let peer = self.peer();
        self.logs.get_mut(peer).truncate(keep);
    }

    /// The transport is back: send `channel_reestablish`.
    pub fn connect(&mut self) -> Vec<Action> {
        self.connected = true;
        let mut out = Vec::new();
        if self.failed {
            return out;
        }
        Self::send(
            &mut out,
            &Msg::ChannelReestablish {
                next_commitment_number: self.local_n + 1,
                next_revocation_number: self.remote_acked_n,
            },
        );
        out
    }

    /// Acts on queued work if the protocol allows it now.
    pub fn poll(&mut self, ctx: Ctx<'_>) -> Vec<Action> {
        let mut out = Vec::new();
        if let Err(e) = self.poll_inner(ctx, &mut out) {
            self.fail(&mut out, &e.to_string());
        }
        out
    }

    fn fail(&mut self, out: &mut Vec<Action>, msg: &str) {
        self.failed = true;
        out.push(Action::ProtocolError(format!("{}: {msg}", self.side.name())));
    }

    fn poll_inner(&mut self, ctx: Ctx<'_>, out: &mut Vec<Action>) -> Result<()> {
        if self.failed || !self.connected || !self.reestablished {
            return Ok(());
        }
        match ctx.mode {
            Mode::Async => {
                while let Some(w) = self.work.pop_front() {
                    self.send_work(ctx, &w, out)?;
                }
                self.maybe_commit(ctx, out)?;
            }
            Mode::Turn => {
                if self.turn == self.me() {
                    if !self.proposing && self.remote_pending.is_none() {
                        self.propose(ctx, out)?;
                    }
                } else if !self.work.is_empty() && !self.requested {
                    self.requested = true;
                    Self::send(out, &Msg::UpdateNoop);
                }
            }
        }
        Ok(())
    }

    /// Turn mode: send one batch (an `update_fee` alone, or everything up to the next fee move)
    /// and its `commitment_signed`.
    fn propose(&mut self, ctx: Ctx<'_>, out: &mut Vec<Action>) -> Result<()> {
        let mut sent = 0usize;
        let mut first = true;
        while let Some(w) = self.work.front() {
            let is_fee = matches!(w, Work::Fee { .. });
            if is_fee && !first {
                break;
            }
            first = false;
            let Some(w) = self.work.pop_front() else { break };
            if self.send_work(ctx, &w, out)? {
                sent += 1;
            }
            if is_fee {
                break;
            }
        }
        if sent > 0 {
            self.proposing = true;
            self.maybe_commit(ctx, out)?;
        }
        Ok(())
    }

    /// Sends one piece of work after the sender-side checks. Returns whether a message went.
    fn send_work(&mut self, ctx: Ctx<'_>, w: &Work, out: &mut Vec<Action>) -> Result<bool> {
        let me = self.me();
        match *w {
            Work::Add { amount_msat, tag } => {
                let id = self.next_htlc_id;
                let u = Update::Add { id, amount_msat };
                match self.check_with(ctx, &u)? {
                    Ok(()) => {
                        self.next_htlc_id += 1;
                        self.logs.get_mut(me).push(Entry { update: u, tag });
                        Self::send(out, &Msg::UpdateAddHtlc { id, amount_msat });
                        Ok(true)
                    }
                    Err(reason) => {
                        out.push(Action::Refused { tag, reason });
                        Ok(false)
                    }
                }
            }
            Work::Fulfill { id, tag } => {
                self.logs.get_mut(me).push(Entry { update: Update::Fulfill { id }, tag });
                Self::send(out, &Msg::UpdateFulfillHtlc { id });
                Ok(true)
            }
            Work::Fee { feerate_per_kw, tag } => {
                if me != Side::A {
                    return Ok(false);
                }
                let cur = self.projected()?.feerate_per_kw;
                let Some(f) = self.affordable_feerate(ctx, cur, feerate_per_kw)? else {
                    out.push(Action::Refused { tag, reason: Violation::FeeBuffer });
                    return Ok(false);
                };
                if f == cur {
                    return Ok(false);
                }
                self.logs
                    .get_mut(me)
                    .push(Entry { update: Update::Fee { feerate_per_kw: f }, tag });
                Self::send(out, &Msg::UpdateFee { feerate_per_kw: f });
                Ok(true)
            }
        }
    }

    /// The projected state plus `u`, checked with this node's sender rules.
    fn check_with(&self, ctx: Ctx<'_>, u: &Update) -> Result<Checked> {
        let base = self.projected()?;
        if let Update::Add { amount_msat, .. } = u {
            if *base.balance_msat.get(self.me()) < *amount_msat {
                return Ok(Err(Violation::Reserve));
            }
        }
        // The counts of `s` are not meaningful: it is only checked, never stored.
        let Ok(s) = base.with(self.me(), u) else { return Ok(Err(Violation::Reserve)) };
        match u {
            Update::Add { .. } => ctx.params.check_add(&s, self.me(), ctx.policy),
            _ => ctx.params.check_both(&s, ctx.policy),
        }
    }

    /// The feerate to propose for a target: the target if it passes, else for an increase the
    /// highest passing feerate above the current one (binary search), else `None`.
    fn affordable_feerate(&self, ctx: Ctx<'_>, cur: u32, target: u32) -> Result<Option<u32>> {
        let ok = |f: u32| -> Result<bool> {
            Ok(self.check_with(ctx, &Update::Fee { feerate_per_kw: f })?.is_ok())
        };
        if target == cur || ok(target)? {
            return Ok(Some(target));
        }
        if target < cur {
            return Ok(None);
        }
        let (mut lo, mut hi) = (cur, target); // ok(lo) assumed, !ok(hi)
        while hi - lo > 1 {
            let mid = lo + (hi - lo) / 2;
            if ok(mid)? {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        Ok(if lo > cur { Some(lo) } else { None })
    }

    /// Signs the peer's next commitment if there is something new for it and no signature is
    /// outstanding.
    fn maybe_commit(&mut self, ctx: Ctx<'_>, out: &mut Vec<Action>) -> Result<()> {
        if self.remote_pending.is_some() || !self.reestablished || !self.connected {
            return Ok(());
        }
        let (me, peer) = (self.me(), self.peer());
        let mut to = Pair::default();
        *to.get_mut(me) = self.logs.get(me).len();
        *to.get_mut(peer) = *self.local.counts.get(peer);
        if to == self.remote_acked.counts {
            return Ok(());
        }
        let next = self.remote_acked.advance(&self.logs, to)?;
        if let Err(reason) = ctx.params.check(&next, peer, ctx.policy)? {
            out.push(Action::Violation { holder: peer, number: self.remote_acked_n + 1, reason });
        }
        Self::send(out, &self.cs_for(ctx, &next)?);
        self.cs_after_raa = true;
        self.remote_pending = Some(next);
        Ok(())
    }

    fn cs_for(&self, ctx: Ctx<'_>, s: &CommitState) -> Result<Msg> {
        let n = ctx.params.num_htlcs(s, self.peer())?;
        let num_htlcs = u16::try_from(n).map_err(|_| crate::Error::invalid("too many htlcs"))?;
        Ok(Msg::CommitmentSigned { num_htlcs, presigs: 0, psigs: 0 })
    }

    fn mark_irrevocable(&mut self, out: &mut Vec<Action>) {
        for side in [Side::A, Side::B] {
            let upto = (*self.local.counts.get(side)).min(*self.remote_acked.counts.get(side));
            let from = *self.irrevocable.get(side);
            for index in from..upto {
                out.push(Action::Irrevocable { offerer: side, index });
                if side == self.peer() {
                    if let Some(Entry { update: Update::Add { id, .. }, .. }) =
                        self.logs.get(side).get(index)
                    {
                        out.push(Action::Incoming { id: *id });
                    }
                }
            }
            if upto > from {
                *self.irrevocable.get_mut(side) = upto;
            }
        }
    }

    /// Handles one message from the peer.
    pub fn handle(&mut self, ctx: Ctx<'_>, bytes: &[u8]) -> Vec<Action> {
        let mut out = Vec::new();
        if self.failed {
            return out;
        }
        let r = Msg::decode(bytes).and_then(|m| self.handle_msg(ctx, m, &mut out));
        if let Err(e) = r {
            self.fail(&mut out, &e.to_string());
        }
        out
    }

    fn handle_msg(&mut self, ctx: Ctx<'_>, m: Msg, out: &mut Vec<Action>) -> Result<()> {
        let (me, peer) = (self.me(), self.peer());
        if let Msg::ChannelReestablish { next_commitment_number, next_revocation_number } = m {
            return self.on_reestablish(ctx, next_commitment_number, next_revocation_number, out);
        }
        if !self.reestablished {
            return Err(crate::Error::rule(format!("{} before channel_reestablish", m.name())));
        }
        let is_update = matches!(
            m,
            Msg::UpdateAddHtlc { .. } | Msg::UpdateFulfillHtlc { .. } | Msg::UpdateFee { .. }
        );
        let is_cs = matches!(m, Msg::CommitmentSigned { .. });
        if ctx.mode == Mode::Turn && self.turn == me && (is_update || is_cs && !self.proposing) {
            // PR #867: the peer sent updates during our turn. Ignored if we already sent ours,
            // else we yield and process them. (Our peers never do this; a confused one might.)
            if self.proposing {
                return Ok(());
            }
            Self::send(out, &Msg::Yield);
            self.turn = peer;
        }
        match m {
            Msg::UpdateAddHtlc { id, amount_msat } => {
                let e = Entry { update: Update::Add { id, amount_msat }, tag: 0 };
                self.logs.get_mut(peer).push(e);
            }
            Msg::UpdateFulfillHtlc { id } => {
                self.logs.get_mut(peer).push(Entry { update: Update::Fulfill { id }, tag: 0 });
            }
            Msg::UpdateFee { feerate_per_kw } => {
                if peer != Side::A {
                    return Err(crate::Error::rule("update_fee from the non-opener"));
                }
                let e = Entry { update: Update::Fee { feerate_per_kw }, tag: 0 };
                self.logs.get_mut(peer).push(e);
            }
            Msg::CommitmentSigned { num_htlcs, .. } => {
                self.on_commitment_signed(ctx, num_htlcs, out)?;
            }
            Msg::RevokeAndAck => self.on_revoke_and_ack(ctx, out)?,
            Msg::UpdateNoop => {
                if ctx.mode == Mode::Turn && self.turn == me && !self.proposing {
                    Self::send(out, &Msg::Yield);
                    self.turn = peer;
                }
            }
            Msg::Yield => {
                if ctx.mode == Mode::Turn {
                    self.turn = me;
                    self.requested = false;
                }
            }
            Msg::Nack { .. } => self.on_nack(out)?,
            other => {
                return Err(crate::Error::rule(format!("unexpected {}", other.name())));
            }
        }
        self.poll_inner(ctx, out)
    }

    fn on_commitment_signed(
        &mut self,
        ctx: Ctx<'_>,
        num_htlcs: u16,
        out: &mut Vec<Action>,
    ) -> Result<()> {
        let (me, peer) = (self.me(), self.peer());
        let mut to = Pair::default();
        *to.get_mut(me) = *self.remote_acked.counts.get(me);
        *to.get_mut(peer) = self.logs.get(peer).len();
        let next = self.local.advance(&self.logs, to)?;
        let want = ctx.params.num_htlcs(&next, me)?;
        if usize::from(num_htlcs) != want {
            return Err(crate::Error::rule(format!(
                "commitment_signed has {num_htlcs} htlc signatures, commitment has {want} htlc outputs"
            )));
        }
        match ctx.mode {
            Mode::Turn => {
                // The batch will land in both commitments: check both before acknowledging.
                if let Err(reason) = ctx.params.check_both(&next, ctx.policy)? {
                    Self::send(out, &Msg::Nack { reason });
                    out.push(Action::NackSent { reason });
                    let keep = *self.local.counts.get(peer);
                    self.logs.get_mut(peer).truncate(keep);
                    self.turn = me;
                    self.proposing = false;
                    return Ok(());
                }
            }
            Mode::Async => {
                if let Err(reason) = ctx.params.check(&next, me, ctx.policy)? {
                    out.push(Action::Violation { holder: me, number: self.local_n + 1, reason });
                }
            }
        }
        self.local = next;
        self.local_n += 1;
        Self::send(out, &Msg::RevokeAndAck);
        self.cs_after_raa = false;
        self.mark_irrevocable(out);
        if ctx.mode == Mode::Turn {
            if self.turn == me && self.proposing {
                // Our turn's last step: sending revoke_and_ack gives the turn away.
                self.turn = peer;
                self.proposing = false;
            } else {
                self.maybe_commit(ctx, out)?;
            }
        }
        Ok(())
    }

    fn on_revoke_and_ack(&mut self, ctx: Ctx<'_>, out: &mut Vec<Action>) -> Result<()> {
        let Some(p) = self.remote_pending.take() else {
            return Err(crate::Error::rule("revoke_and_ack without a pending commitment_signed"));
        };
        self.remote_acked = p;
        self.remote_acked_n += 1;
        self.mark_irrevocable(out);
        if ctx.mode == Mode::Turn && !self.proposing {
            // The proposer's final revoke_and_ack hands us the turn.
            self.turn = self.me();
            self.requested = false;
        }
        Ok(())
    }

    fn on_nack(&mut self, out: &mut Vec<Action>) -> Result<()> {
        if self.remote_pending.take().is_none() {
            return Err(crate::Error::rule("nack without a pending commitment_signed"));
        }
        let me = self.me();
        let keep = *self.remote_acked.counts.get(me);
        let dropped: Vec<Entry> = self.logs.get_mut(me).split_off(keep);
        let mut tags = Vec::new();
        let mut retry = Vec::new();
        for e in dropped {
            match e.update {
                Update::Fulfill { id } => retry.push(Work::Fulfill { id, tag: e.tag }),
                _ => tags.push(e.tag),
            }
        }
        for w in retry.into_iter().rev() {
            self.work.push_front(w);
        }
        out.push(Action::Nacked { dropped: tags });
        self.turn = self.peer();
        self.proposing = false;
        Ok(())
    }

    fn on_reestablish(
        &mut self,
        ctx: Ctx<'_>,
        next_commitment_number: u64,
        next_revocation_number: u64,
        out: &mut Vec<Action>,
    ) -> Result<()> {
        if self.reestablished {
            return Err(crate::Error::rule("duplicate channel_reestablish"));
        }
        let me = self.me();
        let bad = |what: &str| crate::Error::rule(format!("channel_reestablish: {what}"));
        // Did the peer get our last revoke_and_ack?
        let resend_raa = if next_revocation_number == self.local_n {
            false
        } else if next_revocation_number + 1 == self.local_n {
            true
        } else {
            return Err(bad("next_revocation_number out of step"));
        };
        // Did the peer get our last commitment_signed?
        let cs_lost = match (&self.remote_pending, next_commitment_number) {
            (Some(_), n) if n == self.remote_acked_n + 2 => false,
            (Some(_), n) if n == self.remote_acked_n + 1 => true,
            (None, n) if n == self.remote_acked_n + 1 => false,
            _ => return Err(bad("next_commitment_number out of step")),
        };
        let mut resend_cs = cs_lost;
        if ctx.mode == Mode::Turn {
            // PR #867: a node whose peer holds a newer commitment than it has acknowledged
            // back is mid-turn; exactly one such node resumes, else the lesser node_id (A).
            let mine = next_commitment_number.saturating_sub(1) > next_revocation_number;
            let theirs = self.local_n > self.remote_acked_n;
            self.turn = match (mine, theirs) {
                (true, false) => me,
                (false, true) => self.peer(),
                (false, false) => Side::A,
                (true, true) => return Err(bad("both turns unfinished")),
            };
            self.requested = false;
            self.proposing = mine;
            let own_batch = self
                .remote_pending
                .as_ref()
                .is_some_and(|p| p.counts.get(me) > self.remote_acked.counts.get(me));
            if cs_lost && own_batch && self.turn != me {
                // A commitment_signed the peer never saw is not considered sent; the batch
                // goes back to the queue for our next turn.
                self.remote_pending = None;
                resend_cs = false;
                let keep = *self.remote_acked.counts.get(me);
                let back: Vec<Entry> = self.logs.get_mut(me).split_off(keep);
                for e in back.into_iter().rev() {
                    let w = match e.update {
                        Update::Add { amount_msat, .. } => Work::Add { amount_msat, tag: e.tag },
                        Update::Fulfill { id } => Work::Fulfill { id, tag: e.tag },
                        Update::Fee { feerate_per_kw } => Work::Fee { feerate_per_kw, tag: e.tag },
                    };
                    self.work.push_front(w);
                }
            } else if cs_lost && own_batch {
                self.proposing = true;
            }
            if resend_raa && mine {
                // Our final revoke_and_ack of the turn gets re-sent: the turn passes with it.
                self.turn = self.peer();
                self.proposing = false;
            }
        }
        // Replay: our updates the peer lacks, the commitment_signed at its original place,
        // and revoke_and_ack / commitment_signed in their original relative order.
        let own = self.logs.get(me).clone();
        let acked = *self.remote_acked.counts.get(me);
        let (has, cs_at) = match (&self.remote_pending, resend_cs) {
            (Some(p), true) => (acked, Some(*p.counts.get(me))),
            (Some(p), false) => (*p.counts.get(me), None),
            (None, _) => (acked, None),
        };
        let mut sent = 0usize;
        let mut emit = |out: &mut Vec<Action>, m: &Msg| {
            Self::send(out, m);
            sent += 1;
        };
        if resend_raa && (!resend_cs || self.cs_after_raa) {
            emit(out, &Msg::RevokeAndAck);
        }
        let upto_cs = cs_at.unwrap_or(has).max(has);
        for e in own.get(has..upto_cs).unwrap_or_default() {
            emit(out, &update_msg(&e.update));
        }
        if let (Some(p), true) = (&self.remote_pending, resend_cs) {
            let cs = self.cs_for(ctx, p)?;
            emit(out, &cs);
            if resend_raa && !self.cs_after_raa {
                emit(out, &Msg::RevokeAndAck);
            }
        }
        for e in own.get(upto_cs..).unwrap_or_default() {
            emit(out, &update_msg(&e.update));
        }
        out.push(Action::Retransmitted(sent));
        self.reestablished = true;
        self.poll_inner(ctx, out)
    }
}

fn update_msg(u: &Update) -> Msg {
    match *u {
        Update::Add { id, amount_msat } => Msg::UpdateAddHtlc { id, amount_msat },
        Update::Fulfill { id } => Msg::UpdateFulfillHtlc { id },
        Update::Fee { feerate_per_kw } => Msg::UpdateFee { feerate_per_kw },
    }
}
