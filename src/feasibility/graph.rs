//! The channel graph of the payment-feasibility model (spec-protocol.md §6.1 "Model", [PICK]):
//! nodes, 2-party and k-party channels with integer capacities, optional credit allowances,
//! the plain-text and JSON descriptions the CLI reads, and the what-ifs of §6.3 (merge channels
//! into a k-party channel, allow credit, add or remove a channel).

use std::collections::HashMap;

use serde_json::{json, Map, Value};

use crate::{Error, ErrorKind, Result};

/// Largest sum of capacities and credit lines accepted: every balance, wealth and flow then
/// fits in `i64` / `u64` with room for the sums the algorithms form.
pub const MAX_TOTAL: u64 = 1 << 62;

/// One channel: its members share `capacity` coins (the funding output); with a credit
/// allowance each member's balance may go down to `−credit` (§6.1 "Credit").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Channel {
    /// Unique name: given (e.g. a short_channel_id) or the members joined by `-`.
    pub label: String,
    /// Node indices, at least two, distinct; more than two make a k-party channel.
    pub members: Vec<usize>,
    /// Coins locked in the channel, > 0.
    pub capacity: u64,
    /// How far below zero each member's balance may go.
    pub credit: u64,
}

/// A channel as a caller describes it, by node names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChannelSpec {
    /// Optional unique label; defaults to the member names joined by `-`.
    pub label: Option<String>,
    /// Member node names (two for an ordinary channel).
    pub nodes: Vec<String>,
    /// Capacity in the caller's unit (sat, or coarser buckets to keep exact mode small).
    pub capacity: u64,
    /// Credit allowance per member (0 = none).
    pub credit: u64,
}

impl ChannelSpec {
    /// A channel between `nodes` of `capacity`, no label, no credit.
    pub fn new<S: AsRef<str>>(nodes: &[S], capacity: u64) -> Self {
        ChannelSpec {
            label: None,
            nodes: nodes.iter().map(|s| s.as_ref().to_string()).collect(),
            capacity,
            credit: 0,
        }
    }
}

/// A validated graph. Capacities, node references and totals are checked once here, so the
/// algorithms can rely on them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Graph {
    nodes: Vec<String>,
    index: HashMap<String, usize>,
    channels: Vec<Channel>,
    total: u64,
    /// Per node: the sum of credit allowances of its channels (the shift that turns balances
    /// with credit into non-negative ones).
    shift: Vec<u64>,
    /// Per node: the most it can own in any state (see [`Graph::max_wealths`]).
    max_wealth: Vec<u64>,
}

impl Graph {
    /// Builds a graph. `nodes` lists every node (isolated ones included) in the order wealth
    /// vectors use; when empty, nodes are taken from the channels in order of appearance and
    /// no name can be unknown.
    pub fn new(nodes: Vec<String>, channels: Vec<ChannelSpec>) -> Result<Graph> {
        let implicit = nodes.is_empty();
        let mut index = HashMap::with_capacity(nodes.len());
        for (i, name) in nodes.iter().enumerate() {
            check_name(name).map_err(|e| e.within(format!("node {i}")))?;
            if index.insert(name.clone(), i).is_some() {
                return Err(Error::new(
                    ErrorKind::Duplicate,
                    format!("node {name:?} listed twice"),
                ));
            }
        }
        let mut nodes = nodes;
        let mut built = Vec::with_capacity(channels.len());
        for (k, spec) in channels.into_iter().enumerate() {
            let mut members = Vec::with_capacity(spec.nodes.len());
            for name in &spec.nodes {
                let i = match index.get(name) {
                    Some(&i) => i,
                    None if implicit => {
                        check_name(name).map_err(|e| e.within(format!("channel {k}")))?;
                        let i = nodes.len();
                        nodes.push(name.clone());
                        index.insert(name.clone(), i);
                        i
                    }
                    None => {
                        return Err(Error::invalid(format!("unknown node {name:?}"))
                            .within(format!("channel {k}")))
                    }
                };
                members.push(i);
            }
            let label = spec.label.unwrap_or_else(|| spec.nodes.join("-"));
            built.push(Channel { label, members, capacity: spec.capacity, credit: spec.credit });
        }
        Graph::from_parts(nodes, built)
    }

    /// Validates channels over an already indexed node list; labels are made unique.
    fn from_parts(nodes: Vec<String>, mut channels: Vec<Channel>) -> Result<Graph> {
        if channels.is_empty() {
            return Err(Error::invalid("the graph has no channels"));
        }
        let index: HashMap<String, usize> =
            nodes.iter().enumerate().map(|(i, n)| (n.clone(), i)).collect();
        let mut shift = vec![0u64; nodes.len()];
        let mut total = 0u64;
        let mut shifted_total = 0u64;
        let mut labels: HashMap<String, usize> = HashMap::with_capacity(channels.len());
        for (k, ch) in channels.iter_mut().enumerate() {
            let at = |e: Error| e.within(format!("channel {k} ({})", ch_label(&ch.label)));
            if ch.capacity == 0 {
                return Err(at(Error::invalid("capacity must be positive")));
            }
            if ch.members.len() < 2 {
                return Err(at(Error::invalid("a channel needs at least two nodes")));
            }
            let mut seen = ch.members.clone();
            seen.sort_unstable();
            seen.dedup();
            if seen.len() != ch.members.len() {
                return Err(at(Error::new(ErrorKind::Duplicate, "a node appears twice")));
            }
            if seen.last().is_some_and(|&m| m >= nodes.len()) {
                return Err(at(Error::invalid("unknown node index")));
            }
            let too_large = || at(Error::new(ErrorKind::TooLarge, "capacities exceed 2^62"));
            let k_members = ch.members.len() as u64;
            let shifted = ch
                .credit
                .checked_mul(k_members)
                .and_then(|c| c.checked_add(ch.capacity))
                .ok_or_else(too_large)?;
            total = total.checked_add(ch.capacity).ok_or_else(too_large)?;
            shifted_total = shifted_total.checked_add(shifted).ok_or_else(too_large)?;
            if shifted_total > MAX_TOTAL {
                return Err(too_large());
            }
            for &m in &ch.members {
                if let Some(s) = shift.get_mut(m) {
                    *s = s.checked_add(ch.credit).ok_or_else(too_large)?;
                }
            }
            if ch.label.is_empty() {
                return Err(at(Error::invalid("empty channel label")));
            }
            if let Some(first) = labels.insert(ch.label.clone(), k) {
                // Parallel channels share a default label: number the later ones.
                let base = ch.label.clone();
                let mut n = 2;
                while labels.contains_key(&format!("{base}#{n}")) {
                    n += 1;
                }
                ch.label = format!("{base}#{n}");
                labels.insert(base, first);
                labels.insert(ch.label.clone(), k);
            }
        }
        let mut g = Graph { nodes, index, channels, total, shift, max_wealth: Vec::new() };
        g.max_wealth = g.compute_max_wealths();
        Ok(g)
    }

    /// Parses either JSON (see [`Graph::from_json`]) or the edge-list text form: tokens
    /// `A-B:CAP` (or `A-B-C:CAP` for a 3-party channel) separated by white space, commas or
    /// semicolons; `#` starts a comment.
    pub fn parse(text: &str) -> Result<Graph> {
        let trimmed = text.trim_start();
        if trimmed.starts_with('{') || trimmed.starts_with('[') {
            let v: Value = serde_json::from_str(trimmed)
                .map_err(|e| Error::syntax(format!("graph JSON: {e}")))?;
            return Graph::from_json(&v);
        }
        let mut specs = Vec::new();
        for line in text.lines() {
            let line = line.split('#').next().unwrap_or("");
            for tok in line.split(|c: char| c.is_whitespace() || c == ',' || c == ';') {
                if tok.is_empty() {
                    continue;
                }
                let k = specs.len();
                let at = |e: Error| e.within(format!("channel {k} ({})", ch_label(tok)));
                let Some((members, cap)) = tok.rsplit_once(':') else {
                    return Err(at(Error::syntax("expected NODE-NODE:CAPACITY")));
                };
                let nodes: Vec<String> = members.split('-').map(str::to_string).collect();
                if nodes.iter().any(String::is_empty) {
                    return Err(at(Error::syntax("empty node name")));
                }
                let capacity = parse_amount(cap, "capacity").map_err(at)?;
                specs.push(ChannelSpec { label: None, nodes, capacity, credit: 0 });
            }
        }
        Graph::new(Vec::new(), specs)
    }

    /// Reads `{"nodes": [..]?, "channels": [{"nodes": [a, b], "capacity": n, "label"?,
    /// "credit"?}]}` or a bare channel array. Node names are strings or non-negative integers;
    /// `node_1`/`node_2` may replace `nodes`; `capacity_sat` or `capacity_satoshis` may replace
    /// `capacity`; `short_channel_id` may replace `label`.
    pub fn from_json(v: &Value) -> Result<Graph> {
        let (nodes, channels) = match v {
            Value::Array(chs) => (Vec::new(), chs),
            Value::Object(o) => {
                let nodes = match o.get("nodes") {
                    None | Some(Value::Null) => Vec::new(),
                    Some(Value::Array(a)) => a
                        .iter()
                        .enumerate()
                        .map(|(i, n)| node_name(n).map_err(|e| e.within(format!("nodes[{i}]"))))
                        .collect::<Result<Vec<_>>>()?,
                    Some(_) => return Err(Error::invalid("must be an array").within("nodes")),
                };
                let Some(Value::Array(chs)) = o.get("channels") else {
                    return Err(Error::invalid("missing channel array").within("channels"));
                };
                (nodes, chs)
            }
            _ => return Err(Error::invalid("graph JSON must be an object or an array")),
        };
        let specs = channels
            .iter()
            .enumerate()
            .map(|(k, c)| channel_spec(c).map_err(|e| e.within(format!("channels[{k}]"))))
            .collect::<Result<Vec<_>>>()?;
        if nodes.is_empty() && v.get("nodes").is_some_and(Value::is_array) {
            return Err(Error::invalid("empty node list").within("nodes"));
        }
        Graph::new(nodes, specs)
    }

    /// The graph as JSON in the form [`Graph::from_json`] reads.
    pub fn to_json(&self) -> Value {
        let channels: Vec<Value> = self
            .channels
            .iter()
            .map(|c| {
                let mut o = Map::new();
                o.insert("label".into(), json!(c.label));
                o.insert("nodes".into(), json!(self.names(&c.members)));
                o.insert("capacity".into(), json!(c.capacity));
                if c.credit > 0 {
                    o.insert("credit".into(), json!(c.credit));
                }
                Value::Object(o)
            })
            .collect();
        json!({ "nodes": self.nodes, "channels": channels })
    }

    /// Node names in wealth-vector order.
    pub fn nodes(&self) -> &[String] {
        &self.nodes
    }

    /// The channels.
    pub fn channels(&self) -> &[Channel] {
        &self.channels
    }

    /// Number of nodes n.
    pub fn node_count(&self) -> usize {
        self.nodes.len()
    }

    /// Total coins C = Σ cap.
    pub fn total_capacity(&self) -> u64 {
        self.total
    }

    /// True when some channel allows credit.
    pub fn has_credit(&self) -> bool {
        self.channels.iter().any(|c| c.credit > 0)
    }

    /// The index of a node by name.
    pub fn node_index(&self, name: &str) -> Result<usize> {
        self.index
            .get(name)
            .copied()
            .ok_or_else(|| Error::invalid(format!("unknown node {name:?}")))
    }

    /// The name of node `i` ("?" when out of range).
    pub fn node_name(&self, i: usize) -> &str {
        self.nodes.get(i).map_or("?", String::as_str)
    }

    /// A channel's index by label, or by its position when `what` is a number not used as a
    /// label.
    pub fn channel_index(&self, what: &str) -> Result<usize> {
        if let Some(k) = self.channels.iter().position(|c| c.label == what) {
            return Ok(k);
        }
        match what.parse::<usize>() {
            Ok(k) if k < self.channels.len() => Ok(k),
            _ => Err(Error::invalid(format!("unknown channel {:?}", ch_label(what)))),
        }
    }

    /// What-if: channels `which` (at least two) become one k-party channel whose members are
    /// all their endpoints and whose capacity is the sum (the extensibility theorem of §6.1
    /// says no feasible wealth distribution is lost). Credit does not carry over: merge first,
    /// then grant credit.
    pub fn merge(&self, which: &[usize], label: Option<String>) -> Result<Graph> {
        let mut sorted = which.to_vec();
        sorted.sort_unstable();
        sorted.dedup();
        if sorted.len() < 2 || sorted.len() != which.len() {
            return Err(Error::invalid("merge needs at least two distinct channels"));
        }
        let mut members = Vec::new();
        let mut capacity = 0u64;
        let mut labels = Vec::new();
        for &k in which {
            let ch = self
                .channels
                .get(k)
                .ok_or_else(|| Error::invalid(format!("no channel {k} to merge")))?;
            if ch.credit > 0 {
                return Err(Error::invalid(format!(
                    "channel {} has credit; merge before granting credit",
                    ch.label
                )));
            }
            for &m in &ch.members {
                if !members.contains(&m) {
                    members.push(m);
                }
            }
            capacity = capacity
                .checked_add(ch.capacity)
                .ok_or_else(|| Error::new(ErrorKind::TooLarge, "merged capacity overflows"))?;
            labels.push(ch.label.clone());
        }
        let label = label.unwrap_or_else(|| labels.join("+"));
        let mut channels: Vec<Channel> = self
            .channels
            .iter()
            .enumerate()
            .filter(|(k, _)| !sorted.contains(k))
            .map(|(_, c)| c.clone())
            .collect();
        channels.push(Channel { label, members, capacity, credit: 0 });
        Graph::from_parts(self.nodes.clone(), channels)
    }

    /// What-if: each member of channel `which` may go `credit` below zero.
    pub fn with_credit(&self, which: usize, credit: u64) -> Result<Graph> {
        let mut channels = self.channels.clone();
        let ch = channels
            .get_mut(which)
            .ok_or_else(|| Error::invalid(format!("no channel {which} to grant credit on")))?;
        ch.credit = credit;
        Graph::from_parts(self.nodes.clone(), channels)
    }

    /// What-if: one more channel between existing nodes.
    pub fn with_channel(&self, spec: ChannelSpec) -> Result<Graph> {
        let members = spec
            .nodes
            .iter()
            .map(|n| self.node_index(n))
            .collect::<Result<Vec<_>>>()
            .map_err(|e| e.within("added channel"))?;
        let mut channels = self.channels.clone();
        let label = spec.label.unwrap_or_else(|| spec.nodes.join("-"));
        channels.push(Channel { label, members, capacity: spec.capacity, credit: spec.credit });
        Graph::from_parts(self.nodes.clone(), channels)
    }

    /// What-if: channel `which` closed (its nodes stay, possibly isolated).
    pub fn without_channel(&self, which: usize) -> Result<Graph> {
        if which >= self.channels.len() {
            return Err(Error::invalid(format!("no channel {which} to remove")));
        }
        let channels = self
            .channels
            .iter()
            .enumerate()
            .filter(|&(k, _)| k != which)
            .map(|(_, c)| c.clone())
            .collect();
        Graph::from_parts(self.nodes.clone(), channels)
    }

    /// Reads a wealth distribution: JSON (`{"name": amount}` with absent nodes at 0, or an
    /// array in node order), `name=amount` pairs, or plain amounts in node order, separated by
    /// commas or white space. The sum must be C.
    pub fn parse_wealth(&self, text: &str) -> Result<Vec<u64>> {
        let trimmed = text.trim();
        let mut wealth = vec![0u64; self.nodes.len()];
        let mut set = |name: &str, amount: u64, seen: &mut Vec<bool>| -> Result<()> {
            let i = self.node_index(name)?;
            if let (Some(w), Some(s)) = (wealth.get_mut(i), seen.get_mut(i)) {
                if *s {
                    return Err(Error::new(ErrorKind::Duplicate, format!("node {name:?} twice")));
                }
                *s = true;
                *w = amount;
            }
            Ok(())
        };
        let mut seen = vec![false; self.nodes.len()];
        if trimmed.starts_with('{') || trimmed.starts_with('[') {
            let v: Value = serde_json::from_str(trimmed)
                .map_err(|e| Error::syntax(format!("wealth JSON: {e}")))?;
            match &v {
                Value::Object(o) => {
                    for (name, amount) in o {
                        let a = json_amount(amount).map_err(|e| e.within(name.clone()))?;
                        set(name, a, &mut seen)?;
                    }
                }
                Value::Array(a) => {
                    if a.len() != self.nodes.len() {
                        return Err(wrong_length(a.len(), self.nodes.len()));
                    }
                    for (i, amount) in a.iter().enumerate() {
                        let x = json_amount(amount).map_err(|e| e.within(format!("[{i}]")))?;
                        set(self.node_name(i), x, &mut seen)?;
                    }
                }
                _ => return Err(Error::invalid("wealth JSON must be an object or an array")),
            }
        } else {
            let toks: Vec<&str> = trimmed
                .split(|c: char| c.is_whitespace() || c == ',' || c == ';')
                .filter(|t| !t.is_empty())
                .collect();
            if toks.iter().all(|t| !t.contains('=')) {
                if toks.len() != self.nodes.len() {
                    return Err(wrong_length(toks.len(), self.nodes.len()));
                }
                for (i, t) in toks.iter().enumerate() {
                    let a = parse_amount_allow_zero(t).map_err(|e| e.within(format!("[{i}]")))?;
                    set(self.node_name(i), a, &mut seen)?;
                }
            } else {
                for t in toks {
                    let Some((name, amount)) = t.split_once('=') else {
                        return Err(Error::syntax(format!("expected NODE=AMOUNT, got {t:?}")));
                    };
                    let a = parse_amount_allow_zero(amount).map_err(|e| e.within(name))?;
                    set(name, a, &mut seen)?;
                }
            }
        }
        self.check_wealth_vector(&wealth)?;
        Ok(wealth)
    }

    /// Checks that `wealth` has one entry per node and sums to C (an element of W(C, n)).
    pub fn check_wealth_vector(&self, wealth: &[u64]) -> Result<()> {
        if wealth.len() != self.nodes.len() {
            return Err(wrong_length(wealth.len(), self.nodes.len()));
        }
        let mut sum = 0u64;
        for &w in wealth {
            sum = sum
                .checked_add(w)
                .ok_or_else(|| Error::new(ErrorKind::TooLarge, "wealth sum overflows"))?;
        }
        if sum != self.total {
            return Err(Error::rule(format!(
                "wealth sums to {sum} but the channels hold {} (wealth only moves, it is never \
                 created)",
                self.total
            )));
        }
        Ok(())
    }

    pub(crate) fn shift(&self, v: usize) -> u64 {
        self.shift.get(v).copied().unwrap_or(0)
    }

    /// A channel's capacity in shifted coordinates: balances plus credit are ≥ 0 and sum to
    /// this (validated ≤ 2^62 when the graph was built).
    pub(crate) fn shifted_capacity(ch: &Channel) -> u64 {
        ch.credit.saturating_mul(ch.members.len() as u64).saturating_add(ch.capacity)
    }

    /// Per node, the largest wealth it can hold in any state: its channels' capacities plus
    /// what credit lets it take from the other members, at most C.
    pub(crate) fn max_wealths(&self) -> &[u64] {
        &self.max_wealth
    }

    fn compute_max_wealths(&self) -> Vec<u64> {
        let mut out = vec![0u64; self.nodes.len()];
        for ch in &self.channels {
            let others = ch.members.len().saturating_sub(1) as u64;
            let most = ch.capacity.saturating_add(ch.credit.saturating_mul(others));
            for &v in &ch.members {
                if let Some(m) = out.get_mut(v) {
                    *m = m.saturating_add(most);
                }
            }
        }
        for m in &mut out {
            *m = (*m).min(self.total);
        }
        out
    }

    pub(crate) fn names(&self, idx: &[usize]) -> Vec<String> {
        idx.iter().map(|&i| self.node_name(i).to_string()).collect()
    }
}

fn wrong_length(got: usize, want: usize) -> Error {
    Error::new(ErrorKind::Length, format!("wealth has {got} entries, the graph {want} nodes"))
}

/// Node names appear in errors and JSON: keep them printable and bounded.
fn check_name(name: &str) -> Result<()> {
    if name.is_empty() {
        return Err(Error::invalid("empty node name"));
    }
    if name.len() > 256 || name.chars().any(char::is_control) {
        return Err(Error::invalid("node names are at most 256 printable characters"));
    }
    Ok(())
}

/// A label cut short for error messages (inputs may be arbitrary bytes).
fn ch_label(s: &str) -> String {
    let mut out: String = s.chars().filter(|c| !c.is_control()).take(40).collect();
    if s.chars().count() > 40 {
        out.push('…');
    }
    out
}

fn node_name(v: &Value) -> Result<String> {
    match v {
        Value::String(s) => Ok(s.clone()),
        Value::Number(n) if n.is_u64() => Ok(n.to_string()),
        _ => Err(Error::invalid("a node name must be a string or a non-negative integer")),
    }
}

fn json_amount(v: &Value) -> Result<u64> {
    match v {
        Value::Number(n) => n.as_u64().ok_or_else(|| {
            if n.as_i64().is_some_and(|x| x < 0) {
                Error::invalid(format!("negative amount {n}"))
            } else {
                Error::invalid(format!("amount {n} is not a whole number of units"))
            }
        }),
        Value::String(s) => parse_amount_allow_zero(s),
        _ => Err(Error::invalid("an amount must be a non-negative integer")),
    }
}

fn channel_spec(c: &Value) -> Result<ChannelSpec> {
    let Value::Object(o) = c else {
        return Err(Error::invalid("a channel must be an object"));
    };
    let nodes = match (o.get("nodes"), o.get("node_1"), o.get("node_2")) {
        (Some(Value::Array(a)), None, None) => a
            .iter()
            .enumerate()
            .map(|(i, n)| node_name(n).map_err(|e| e.within(format!("nodes[{i}]"))))
            .collect::<Result<Vec<_>>>()?,
        (None, Some(a), Some(b)) => vec![
            node_name(a).map_err(|e| e.within("node_1"))?,
            node_name(b).map_err(|e| e.within("node_2"))?,
        ],
        _ => return Err(Error::invalid("give either \"nodes\": [..] or node_1 and node_2")),
    };
    let cap_keys = ["capacity", "capacity_sat", "capacity_satoshis"];
    let caps: Vec<&str> = cap_keys.into_iter().filter(|k| o.contains_key(*k)).collect();
    let [key] = caps.as_slice() else {
        return Err(Error::invalid(
            "give exactly one of capacity, capacity_sat, capacity_satoshis",
        ));
    };
    let capacity = o.get(*key).map_or(Ok(0), json_amount).map_err(|e| e.within(*key))?;
    if capacity == 0 {
        return Err(Error::invalid("capacity must be positive").within(*key));
    }
    let credit = match o.get("credit") {
        None => 0,
        Some(v) => json_amount(v).map_err(|e| e.within("credit"))?,
    };
    let label = match o.get("label").or_else(|| o.get("short_channel_id")) {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(s.clone()),
        Some(_) => return Err(Error::invalid("a label must be a string").within("label")),
    };
    Ok(ChannelSpec { label, nodes, capacity, credit })
}

/// A positive integer amount from text.
fn parse_amount(s: &str, what: &str) -> Result<u64> {
    let v = parse_amount_allow_zero(s)?;
    if v == 0 {
        return Err(Error::invalid(format!("{what} must be positive")));
    }
    Ok(v)
}

fn parse_amount_allow_zero(s: &str) -> Result<u64> {
    let s = s.trim();
    if s.starts_with('-') {
        return Err(Error::invalid(format!("negative amount {}", ch_label(s))));
    }
    s.replace('_', "")
        .parse::<u64>()
        .map_err(|_| Error::syntax(format!("{:?} is not a non-negative integer", ch_label(s))))
}
