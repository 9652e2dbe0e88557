//! Feasibility of one wealth distribution and of one payment (spec-protocol.md §6.1, §6.2):
//! ω ∈ W_G by maximum flow, with a witness channel state when it holds and a violated cut when
//! it does not; payments by ω' = ω − a·b_i + a·b_j ∈ W_G and by the i → j maximum flow in the
//! liquidity network of a fixed state.
//!
//! The flow network is the transportation form of the notes' circulation (equivalent, and
//! uniform for k-party channels): source → channel e (capacity cap(e)) → each member v of e →
//! sink (capacity ω(v)). ω is feasible iff the maximum flow is C; the flow on e → v is the
//! balance λ(e, v). Otherwise the nodes T the source cannot reach in the residual network
//! satisfy ω(T) > Σ cap(e) over channels touching T (Gale/Hall): T wants more coins than all
//! channels it is in hold together. Credit shifts every balance by the allowance so the same
//! network applies (balances + credit ≥ 0).

use serde_json::{json, Map, Value};

use super::flow::FlowNet;
use super::graph::Graph;
use crate::{Error, ErrorKind, Result};

pub(crate) fn internal() -> Error {
    Error::new(ErrorKind::InvalidValue, "internal inconsistency in the flow network")
}

/// Shifted balances (balance + credit) per channel, per member, in member order.
pub(crate) type Shifted = Vec<Vec<u64>>;

/// The transportation test on the shifted wealth `ω(v) + shift(v)`.
pub(crate) enum Transport {
    Feasible(Shifted),
    Cut(Vec<usize>),
}

pub(crate) fn transport(graph: &Graph, wealth: &[u64]) -> Result<Transport> {
    let chans = graph.channels();
    let n = graph.node_count();
    // Cheap certificate first: a node owning more than all its channels hold is a one-node
    // cut. Uniform draws on large graphs almost always fail here, sparing the flow.
    for (v, (&w, &most)) in wealth.iter().zip(graph.max_wealths()).enumerate() {
        if w > most {
            return Ok(Transport::Cut(vec![v]));
        }
    }
    let m = chans.len();
    let source = 0;
    let sink = m + n + 1;
    let node = |v: usize| 1 + m + v;
    let members: usize = chans.iter().map(|c| c.members.len()).sum();
    let mut net = FlowNet::new(m + n + 2, m + members + n);
    let mut member_edges = Vec::with_capacity(m);
    let mut want = 0u64;
    for (k, ch) in chans.iter().enumerate() {
        let c = Graph::shifted_capacity(ch);
        want = want.checked_add(c).ok_or_else(internal)?;
        net.add_edge(source, 1 + k, c).ok_or_else(internal)?;
        let mut ids = Vec::with_capacity(ch.members.len());
        for &v in &ch.members {
            ids.push(net.add_edge(1 + k, node(v), c).ok_or_else(internal)?);
        }
        member_edges.push(ids);
    }
    for (v, &w) in wealth.iter().enumerate() {
        let shifted = w.checked_add(graph.shift(v)).ok_or_else(internal)?;
        net.add_edge(node(v), sink, shifted).ok_or_else(internal)?;
    }
    let pushed = net.max_flow(source, sink, want);
    if pushed == want {
        let state =
            member_edges.iter().map(|ids| ids.iter().map(|&e| net.flow(e)).collect()).collect();
        return Ok(Transport::Feasible(state));
    }
    let reach = net.reachable(source);
    let cut = (0..n).filter(|&v| !reach.get(node(v)).copied().unwrap_or(true)).collect();
    Ok(Transport::Cut(cut))
}

/// The liquidity network of a shifted state (§6.1): a 2-party channel gives u → v with
/// capacity λ(e, u) and v → u with λ(e, v); a k-party channel gets a hub h with u → h capacity
/// λ(e, u) (what u can pay in) and h → u capacity cap(e) − λ(e, u) (what the others can pay
/// u), which allows exactly the rebalancings that keep every member's balance in range.
pub(crate) fn liquidity(graph: &Graph, state: &[Vec<u64>]) -> Result<FlowNet> {
    let n = graph.node_count();
    let chans = graph.channels();
    let hubs = chans.iter().filter(|c| c.members.len() > 2).count();
    let edges: usize = chans.iter().map(|c| c.members.len() * 2).sum();
    let mut net = FlowNet::new(n + hubs, edges);
    let mut hub = n;
    for (ch, bal) in chans.iter().zip(state) {
        let c = Graph::shifted_capacity(ch);
        if bal.len() != ch.members.len() {
            return Err(internal());
        }
        if let ([u, v], [bu, bv]) = (ch.members.as_slice(), bal.as_slice()) {
            net.add_edge(*u, *v, *bu).ok_or_else(internal)?;
            net.add_edge(*v, *u, *bv).ok_or_else(internal)?;
        } else {
            for (&u, &b) in ch.members.iter().zip(bal) {
                net.add_edge(u, hub, b).ok_or_else(internal)?;
                net.add_edge(hub, u, c.checked_sub(b).ok_or_else(internal)?)
                    .ok_or_else(internal)?;
            }
            hub += 1;
        }
    }
    Ok(net)
}

/// Largest amount (at most `limit`) `from` can pay `to` in a shifted state, sender funds aside.
pub(crate) fn max_flow_in_state(
    graph: &Graph,
    state: &[Vec<u64>],
    from: usize,
    to: usize,
    limit: u64,
) -> Result<u64> {
    Ok(liquidity(graph, state)?.max_flow(from, to, limit))
}

/// One channel's balances in a witness state (balances may be negative with credit).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChannelBalance {
    /// Channel label.
    pub channel: String,
    /// Member names.
    pub nodes: Vec<String>,
    /// Balance of each member, same order.
    pub balances: Vec<i64>,
}

impl ChannelBalance {
    /// `{"channel", "nodes", "balances"}`.
    pub fn to_json(&self) -> Value {
        json!({ "channel": self.channel, "nodes": self.nodes, "balances": self.balances })
    }
}

/// A set of nodes that must hold more than every channel they are in can give them:
/// `wealth > max_wealth` proves the distribution infeasible.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cut {
    /// The node set T.
    pub nodes: Vec<String>,
    /// ω(T).
    pub wealth: u64,
    /// Σ over channels touching T of cap(e) (+ credit the members outside T can extend).
    pub max_wealth: u64,
    /// Labels of the channels touching T.
    pub channels: Vec<String>,
}

impl Cut {
    /// `{"nodes", "wealth", "max_wealth", "channels"}`.
    pub fn to_json(&self) -> Value {
        json!({
            "nodes": self.nodes,
            "wealth": self.wealth,
            "max_wealth": self.max_wealth,
            "channels": self.channels,
        })
    }
}

fn cut_of(graph: &Graph, wealth: &[u64], set: &[usize]) -> Cut {
    let mut inside = vec![false; graph.node_count()];
    for &v in set {
        if let Some(x) = inside.get_mut(v) {
            *x = true;
        }
    }
    let is_in = |v: usize| inside.get(v).copied().unwrap_or(false);
    let wealth_t = set.iter().map(|&v| wealth.get(v).copied().unwrap_or(0)).sum::<u64>();
    let mut max_wealth = 0u64;
    let mut channels = Vec::new();
    for ch in graph.channels() {
        if ch.members.iter().any(|&v| is_in(v)) {
            let outside = ch.members.iter().filter(|&&v| !is_in(v)).count() as u64;
            max_wealth = max_wealth
                .saturating_add(ch.capacity)
                .saturating_add(ch.credit.saturating_mul(outside));
            channels.push(ch.label.clone());
        }
    }
    Cut { nodes: graph.names(set), wealth: wealth_t, max_wealth, channels }
}

fn witness(graph: &Graph, state: &[Vec<u64>]) -> Vec<ChannelBalance> {
    graph
        .channels()
        .iter()
        .zip(state)
        .map(|(ch, bal)| ChannelBalance {
            channel: ch.label.clone(),
            nodes: graph.names(&ch.members),
            // Shifted balances are ≤ 2^62 (checked when the graph was built): both fit i64.
            balances: bal.iter().map(|&b| b as i64 - ch.credit as i64).collect(),
        })
        .collect()
}

/// Outcome of "is this wealth distribution in W_G?".
#[derive(Debug, Clone, PartialEq)]
pub struct WealthCheck {
    /// The distribution checked (node name → amount).
    pub wealth: Vec<(String, u64)>,
    /// ω ∈ W_G.
    pub feasible: bool,
    /// A channel state realising ω (when feasible).
    pub witness: Option<Vec<ChannelBalance>>,
    /// A violated cut (when infeasible).
    pub cut: Option<Cut>,
}

impl WealthCheck {
    /// `{"feasible", "wealth", "witness" | "cut"}`.
    pub fn to_json(&self) -> Value {
        let mut o = Map::new();
        o.insert("feasible".into(), json!(self.feasible));
        let w: Map<String, Value> =
            self.wealth.iter().map(|(n, a)| (n.clone(), json!(a))).collect();
        o.insert("wealth".into(), Value::Object(w));
        if let Some(wit) = &self.witness {
            o.insert("witness".into(), wit.iter().map(ChannelBalance::to_json).collect());
        }
        if let Some(cut) = &self.cut {
            o.insert("cut".into(), cut.to_json());
        }
        Value::Object(o)
    }
}

/// Is `wealth` (one amount per node, in node order, summing to C) in W_G?
pub fn check_wealth(graph: &Graph, wealth: &[u64]) -> Result<WealthCheck> {
    graph.check_wealth_vector(wealth)?;
    let named = graph.nodes().iter().cloned().zip(wealth.iter().copied()).collect();
    Ok(match transport(graph, wealth)? {
        Transport::Feasible(state) => WealthCheck {
            wealth: named,
            feasible: true,
            witness: Some(witness(graph, &state)),
            cut: None,
        },
        Transport::Cut(set) => WealthCheck {
            wealth: named,
            feasible: false,
            witness: None,
            cut: Some(cut_of(graph, wealth, &set)),
        },
    })
}

/// Why a payment is infeasible.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Infeasible {
    /// The starting distribution is not in W_G (no channel state has it).
    WealthInfeasible,
    /// The sender owns less than the amount.
    SenderLacksFunds,
    /// ω' ∉ W_G: the cut shows which nodes would hold too much.
    Cut,
}

impl Infeasible {
    /// snake_case name used in JSON.
    pub fn name(self) -> &'static str {
        match self {
            Infeasible::WealthInfeasible => "wealth_infeasible",
            Infeasible::SenderLacksFunds => "sender_lacks_funds",
            Infeasible::Cut => "cut",
        }
    }
}

/// Outcome of "can `from` pay `amount` to `to` from this wealth distribution?".
#[derive(Debug, Clone, PartialEq)]
pub struct PaymentCheck {
    /// Sender name.
    pub from: String,
    /// Receiver name.
    pub to: String,
    /// Amount.
    pub amount: u64,
    /// The payment can be made (with rebalancing / MPP, §6.1).
    pub feasible: bool,
    /// Why not, when infeasible.
    pub reason: Option<Infeasible>,
    /// Largest amount `from` can pay `to` from this distribution (0 if it is infeasible).
    pub max_amount: u64,
    /// ω' = ω − a·b_from + a·b_to (when the sender has the funds).
    pub wealth_after: Option<Vec<(String, u64)>>,
    /// A state realising ω' (when feasible).
    pub witness_after: Option<Vec<ChannelBalance>>,
    /// Violated cut of ω (reason `wealth_infeasible`) or of ω' (reason `cut`).
    pub cut: Option<Cut>,
}

impl PaymentCheck {
    /// `{"from", "to", "amount", "feasible", "reason", "max_amount", "wealth_after"?,
    /// "witness_after"?, "cut"?}`.
    pub fn to_json(&self) -> Value {
        let mut o = Map::new();
        o.insert("from".into(), json!(self.from));
        o.insert("to".into(), json!(self.to));
        o.insert("amount".into(), json!(self.amount));
        o.insert("feasible".into(), json!(self.feasible));
        o.insert("reason".into(), self.reason.map_or(Value::Null, |r| json!(r.name())));
        o.insert("max_amount".into(), json!(self.max_amount));
        if let Some(w) = &self.wealth_after {
            let w: Map<String, Value> = w.iter().map(|(n, a)| (n.clone(), json!(a))).collect();
            o.insert("wealth_after".into(), Value::Object(w));
        }
        if let Some(wit) = &self.witness_after {
            o.insert("witness_after".into(), wit.iter().map(ChannelBalance::to_json).collect());
        }
        if let Some(cut) = &self.cut {
            o.insert("cut".into(), cut.to_json());
        }
        Value::Object(o)
    }
}

pub(crate) fn check_pair(graph: &Graph, from: usize, to: usize) -> Result<()> {
    let n = graph.node_count();
    if from >= n || to >= n {
        return Err(Error::invalid("unknown node index"));
    }
    if from == to {
        return Err(Error::invalid("sender and receiver are the same node"));
    }
    Ok(())
}

/// Can `from` pay `amount` to `to` when the nodes own `wealth`? Feasible iff
/// ω' = ω − a·b_from + a·b_to ∈ W_G (§6.1); `max_amount` is the i → j maximum flow in the
/// liquidity network of a witness state (capped by the sender's wealth), which the notes show
/// does not depend on which witness.
pub fn check_payment(
    graph: &Graph,
    wealth: &[u64],
    from: usize,
    to: usize,
    amount: u64,
) -> Result<PaymentCheck> {
    graph.check_wealth_vector(wealth)?;
    check_pair(graph, from, to)?;
    let mut out = PaymentCheck {
        from: graph.node_name(from).to_string(),
        to: graph.node_name(to).to_string(),
        amount,
        feasible: false,
        reason: None,
        max_amount: 0,
        wealth_after: None,
        witness_after: None,
        cut: None,
    };
    let state = match transport(graph, wealth)? {
        Transport::Feasible(state) => state,
        Transport::Cut(set) => {
            out.reason = Some(Infeasible::WealthInfeasible);
            out.cut = Some(cut_of(graph, wealth, &set));
            return Ok(out);
        }
    };
    let sender = wealth.get(from).copied().ok_or_else(internal)?;
    out.max_amount = max_flow_in_state(graph, &state, from, to, sender)?;
    if sender < amount {
        out.reason = Some(Infeasible::SenderLacksFunds);
        return Ok(out);
    }
    let mut after = wealth.to_vec();
    if let Some(w) = after.get_mut(from) {
        *w -= amount;
    }
    if let Some(w) = after.get_mut(to) {
        *w = w.checked_add(amount).ok_or_else(internal)?;
    }
    out.wealth_after = Some(graph.nodes().iter().cloned().zip(after.iter().copied()).collect());
    match transport(graph, &after)? {
        Transport::Feasible(s) => {
            out.feasible = true;
            out.witness_after = Some(witness(graph, &s));
        }
        Transport::Cut(set) => {
            out.reason = Some(Infeasible::Cut);
            out.cut = Some(cut_of(graph, &after, &set));
        }
    }
    Ok(out)
}

/// Turns caller balances (per channel, per member; negative allowed down to −credit) into
/// shifted ones, checking that each channel's balances sum to its capacity.
pub(crate) fn shift_state(graph: &Graph, balances: &[Vec<i64>]) -> Result<Shifted> {
    if balances.len() != graph.channels().len() {
        return Err(Error::new(
            ErrorKind::Length,
            format!("{} channel states for {} channels", balances.len(), graph.channels().len()),
        ));
    }
    let mut out = Vec::with_capacity(balances.len());
    for (ch, bal) in graph.channels().iter().zip(balances) {
        let at = |e: Error| e.within(format!("channel {}", ch.label));
        if bal.len() != ch.members.len() {
            return Err(at(Error::new(ErrorKind::Length, "one balance per member")));
        }
        let mut sum = 0i128;
        let mut shifted = Vec::with_capacity(bal.len());
        for &b in bal {
            let s = i128::from(b) + i128::from(ch.credit);
            let s = u64::try_from(s).map_err(|_| {
                at(Error::rule(format!("balance {b} is below the credit allowance")))
            })?;
            sum += i128::from(b);
            shifted.push(s);
        }
        if sum != i128::from(ch.capacity) {
            return Err(at(Error::rule(format!(
                "balances sum to {sum}, the capacity is {}",
                ch.capacity
            ))));
        }
        out.push(shifted);
    }
    Ok(out)
}

/// The fixed-state test of §6.1: the largest amount `from` can route to `to` in the liquidity
/// network of `balances` (per channel, per member), capped by the sender's wealth. A payment of
/// `a` is feasible iff this is ≥ a.
pub fn max_payment_in_state(
    graph: &Graph,
    balances: &[Vec<i64>],
    from: usize,
    to: usize,
) -> Result<u64> {
    check_pair(graph, from, to)?;
    let state = shift_state(graph, balances)?;
    let sender: i128 = graph
        .channels()
        .iter()
        .zip(balances)
        .flat_map(|(ch, b)| ch.members.iter().zip(b).filter(|(&m, _)| m == from))
        .map(|(_, &b)| i128::from(b))
        .sum();
    let cap = u64::try_from(sender.max(0)).unwrap_or(u64::MAX);
    max_flow_in_state(graph, &state, from, to, cap)
}
