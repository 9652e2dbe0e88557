//! SuperScalar / timeout-tree channel factories (notes/spec-commit.md §5, after ZmnSCPxj's
//! Delving posts): a tree of pre-signed transactions alternating kickoff transactions (plain
//! n-of-n outputs) and Decker–Wattenhofer state transactions (relative lock decrementing per
//! state; outputs `n-of-n` or `LSP & CLTV(timeout)`), ending in leaf state transactions whose
//! outputs are the client–LSP channels and the LSP's liquidity stock. Every node is version 3
//! (TRUC) with an optional keyless P2A anchor, so it is bumped by CPFP when published.
//!
//! The layout, each client's exit path, exit sizes and fees (tree transactions, the leaf
//! channel's commitment and the CPFP children that bump them), worst-case delay and a simple
//! TRUC/standardness check of every node (version, size, dust) — the full relay-policy checker
//! lives in `policy`.

use bitcoin::absolute::LockTime;
use bitcoin::hashes::{sha256, Hash};
use bitcoin::opcodes::all::{OP_CHECKSIGVERIFY, OP_CLTV};
use bitcoin::script::Builder;
use bitcoin::secp256k1::{PublicKey, SecretKey};
use bitcoin::transaction::Version;
use bitcoin::{Amount, OutPoint, ScriptBuf, Sequence, Transaction, TxIn, TxOut, Txid, Witness};
use serde_json::{json, Map, Value};

use super::taproot::TapOutput;
use super::{scripts, weight, ChannelType};
use crate::crypto::keys::secp;
use crate::crypto::musig2::{self, KeyAggContext};
use crate::{Error, Result};

/// Most clients a layout may have (keeps the tree and the report bounded).
pub const MAX_CLIENTS: usize = 1024;
/// TRUC limit on any v3 transaction (vB).
pub const TRUC_MAX_VSIZE: u64 = 10_000;
/// TRUC limit on a v3 child of an unconfirmed parent (vB).
pub const TRUC_CHILD_MAX_VSIZE: u64 = 1_000;
/// Dust threshold of a P2TR output at 3 sat/vB (Core `GetDustThreshold`).
pub const P2TR_DUST_SAT: u64 = 330;
/// Dust threshold of a P2A output.
pub const P2A_DUST_SAT: u64 = 240;
/// A CPFP child spending a node's P2A: P2A input 41 vB + one P2TR wallet input 57.5 vB + one
/// P2TR change output 43 vB + overhead 10.5 vB (notes §4), rounded up.
pub const CPFP_CHILD_VSIZE: u64 = 153;

/// The layout parameters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FactoryParams {
    /// Number of clients.
    pub clients: usize,
    /// Arity per layer from the leaves up (the last value repeats).
    pub arity: Vec<usize>,
    /// States per state layer (Decker–Wattenhofer).
    pub states: u32,
    /// nSequence step between states, in blocks.
    pub step: u16,
    /// Absolute timeout (block height) of the `LSP & CLTV` paths.
    pub timeout: u32,
    /// Channel capacity per client (sat).
    pub channel_sat: u64,
    /// LSP liquidity stock per leaf (sat; 0 for none).
    pub lsp_stock_sat: u64,
    /// Value of the P2A anchor on each node (0 for none; 240 is not dust).
    pub anchor_sat: u64,
    /// Public keys of the clients; derived from a fixed label when empty.
    pub client_keys: Vec<PublicKey>,
    /// LSP key; derived when `None`.
    pub lsp_key: Option<PublicKey>,
    /// Format of the client–LSP channels at the leaves: their output is the channel's funding
    /// output (2-of-2 P2WSH, or the MuSig2 P2TR of `simple_taproot`), and an exit ends with
    /// the channel's commitment.
    pub leaf_channel: ChannelType,
    /// The channel's `to_self_delay`: an exiting client's wait after its commitment confirms.
    pub to_self_delay: u16,
}

/// Size of a leaf channel's commitment (no HTLCs) and of the CPFP child that bumps it, in vB.
/// The commitment's size is BOLT 3's expected weight (signatures included); the child spends
/// its anchor plus one P2TR wallet coin into one P2TR change output (notes §4).
#[must_use]
pub fn leaf_commitment_vsizes(ct: ChannelType) -> (u64, u64) {
    let commitment = weight::commitment_base_weight(ct).div_ceil(4);
    // CPFP_CHILD_VSIZE holds a 41-vB P2A input; keyed anchors cost more to spend.
    let child = match ct {
        ChannelType::ZeroFeeCommitments => CPFP_CHILD_VSIZE,
        // P2WSH keyed anchor: 41 vB + (1 + 1 + 73 + 1 + 40) / 4 witness.
        ChannelType::Anchors => CPFP_CHILD_VSIZE - 41 + 70,
        // P2TR anchor spent by its key path: 57.5 vB.
        ChannelType::SimpleTaproot => CPFP_CHILD_VSIZE - 41 + 58,
        // No anchor: the commitment pays its own fee at the feerate it was signed with.
        ChannelType::StaticRemoteKey => 0,
    };
    (commitment, child)
}

/// Node kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NodeKind {
    /// Kickoff: 1-in, n-of-n outputs, no timeout path.
    Kickoff,
    /// State: relative lock decrementing per state; outputs n-of-n or LSP after timeout.
    State,
    /// Leaf state: outputs are channels and the LSP stock.
    Leaf,
}

/// One transaction of the tree.
#[derive(Debug, Clone)]
pub struct Node {
    /// Kind.
    pub kind: NodeKind,
    /// Parent node index and its output spent (`None` for the root, which spends the funding).
    pub parent: Option<(usize, u32)>,
    /// Clients below this node.
    pub clients: Vec<usize>,
    /// nSequence of the input per state, oldest state first (state txs only).
    pub nsequence_per_state: Vec<u16>,
    /// The transaction (latest state; witnesses are 64-byte placeholders for sizing).
    pub tx: Transaction,
    /// Per output: a description.
    pub outputs: Vec<Map<String, Value>>,
    /// Children node indices per output.
    pub children: Vec<Option<usize>>,
}

/// The built layout.
#[derive(Debug, Clone)]
pub struct Factory {
    /// Parameters.
    pub params: FactoryParams,
    /// Nodes, root first.
    pub nodes: Vec<Node>,
    /// Leaf node of each client.
    pub client_leaf: Vec<usize>,
}

fn demo_key(label: &str, i: usize) -> Result<PublicKey> {
    let mut pre = b"lnkit-factory/".to_vec();
    pre.extend_from_slice(label.as_bytes());
    pre.extend_from_slice(&(i as u64).to_be_bytes());
    let sk = SecretKey::from_slice(&sha256::Hash::hash(&pre).to_byte_array())
        .map_err(|_| Error::invalid("demo key"))?;
    Ok(PublicKey::from_secret_key(secp(), &sk))
}

fn agg(keys: &[PublicKey]) -> Result<PublicKey> {
    let bytes: Vec<[u8; 33]> = keys.iter().map(PublicKey::serialize).collect();
    Ok(KeyAggContext::new(&musig2::key_sort(&bytes))?.aggregate_key())
}

fn keypath_output(internal: &PublicKey) -> ScriptBuf {
    ScriptBuf::new_p2tr(secp(), internal.x_only_public_key().0, None)
}

fn timeout_output(
    internal: &PublicKey,
    lsp: &PublicKey,
    timeout: u32,
) -> Result<(ScriptBuf, ScriptBuf)> {
    let leaf = Builder::new()
        .push_slice(lsp.x_only_public_key().0.serialize())
        .push_opcode(OP_CHECKSIGVERIFY)
        .push_int(i64::from(timeout))
        .push_opcode(OP_CLTV)
        .into_script();
    let t = TapOutput::new(internal, vec![leaf.clone()])?;
    Ok((t.script_pubkey(), leaf))
}

/// A 64-byte key-path signature placeholder (sizes only).
fn keypath_witness() -> Witness {
    Witness::from_slice(&[[0u8; 64]])
}

impl Factory {
    /// Lays out the tree.
    pub fn build(params: FactoryParams) -> Result<Self> {
        let n = params.clients;
        if n == 0 || n > MAX_CLIENTS {
            return Err(Error::invalid(format!("clients must be 1..={MAX_CLIENTS}")));
        }
        if params.arity.is_empty() || params.arity.iter().any(|a| !(2..=64).contains(a)) {
            return Err(Error::invalid("each arity must be 2..=64").within("arity"));
        }
        if params.states == 0 || params.states > 64 {
            return Err(Error::invalid("states per layer must be 1..=64").within("states"));
        }
        let max_seq = u32::from(params.step).checked_mul(params.states - 1).filter(|x| *x < 0xffff);
        if max_seq.is_none() {
            return Err(Error::invalid("step × (states − 1) must fit a 16-bit relative lock"));
        }
        let keys: Vec<PublicKey> = if params.client_keys.is_empty() {
            (0..n).map(|i| demo_key("client", i)).collect::<Result<_>>()?
        } else if params.client_keys.len() == n {
            params.client_keys.clone()
        } else {
            return Err(Error::invalid("one key per client").within("client_keys"));
        };
        let lsp = match params.lsp_key {
            Some(k) => k,
            None => demo_key("lsp", 0)?,
        };
        // Group clients bottom-up: level 0 = leaf groups.
        let mut levels: Vec<Vec<Vec<usize>>> = Vec::new();
        let mut groups: Vec<Vec<usize>> = Vec::new();
        let leaf_arity = params.arity.first().copied().unwrap_or(2);
        for chunk in (0..n).collect::<Vec<_>>().chunks(leaf_arity) {
            groups.push(chunk.to_vec());
        }
        levels.push(groups.clone());
        let mut level = 1;
        while groups.len() > 1 {
            let a = params.arity.get(level).or(params.arity.last()).copied().unwrap_or(2);
            let next: Vec<Vec<usize>> =
                groups.chunks(a).map(|c| c.iter().flatten().copied().collect()).collect();
            levels.push(next.clone());
            groups = next;
            level += 1;
        }
        let mut f = Factory { params, nodes: Vec::new(), client_leaf: vec![0; n] };
        // Top-down: root kickoff, then per level a state node (leaf state at level 0) under a
        // kickoff; a state's outputs feed the kickoffs of its child groups.
        let top = levels.len().saturating_sub(1);
        let root_clients: Vec<usize> = (0..n).collect();
        f.add_subtree(&levels, top, &root_clients, None, &keys, &lsp)?;
        Ok(f)
    }

    /// What the subtree of `clients` at `level` holds: channels and stock at the leaves plus
    /// a kickoff and a state anchor per node pair (0-fee nodes pass value through).
    fn subtree_value(&self, levels: &[Vec<Vec<usize>>], level: usize, clients: &[usize]) -> u64 {
        let p = &self.params;
        let anchors = p.anchor_sat.saturating_mul(2);
        let below = if level == 0 {
            (clients.len() as u64).saturating_mul(p.channel_sat).saturating_add(p.lsp_stock_sat)
        } else {
            levels.get(level - 1).map_or(0, |lower| {
                lower
                    .iter()
                    .filter(|g| g.first().is_some_and(|c| clients.contains(c)))
                    .map(|g| self.subtree_value(levels, level - 1, g))
                    .fold(0u64, u64::saturating_add)
            })
        };
        below.saturating_add(anchors)
    }

    /// Kickoff + state (or leaf) for the group `clients` at `level`.
    fn add_subtree(
        &mut self,
        levels: &[Vec<Vec<usize>>],
        level: usize,
        clients: &[usize],
        parent: Option<(usize, u32)>,
        keys: &[PublicKey],
        lsp: &PublicKey,
    ) -> Result<()> {
        let mut signers: Vec<PublicKey> =
            clients.iter().filter_map(|&c| keys.get(c).copied()).collect();
        signers.push(*lsp);
        let group_key = agg(&signers)?;
        let below = self.subtree_value(levels, level, clients);
        // Kickoff: spends the parent's output (or the funding), one n-of-n output.
        let kickoff_out_value = below.saturating_sub(self.params.anchor_sat);
        let kickoff_spk = keypath_output(&group_key);
        let mut k_desc = vec![desc("n_of_n", kickoff_out_value, &kickoff_spk, clients, None)];
        let mut k_outputs =
            vec![TxOut { value: Amount::from_sat(kickoff_out_value), script_pubkey: kickoff_spk }];
        self.push_anchor(&mut k_outputs, &mut k_desc);
        let kickoff = self.nodes.len();
        self.nodes.push(Node {
            kind: NodeKind::Kickoff,
            parent,
            clients: clients.to_vec(),
            nsequence_per_state: vec![],
            tx: node_tx(
                parent.map(|(p, o)| (self.nodes.get(p).map(|x| x.tx.compute_txid()), o)),
                Sequence::ENABLE_RBF_NO_LOCKTIME,
                k_outputs,
            ),
            outputs: k_desc,
            children: vec![None],
        });
        // State node below the kickoff.
        let seqs: Vec<u16> = (0..self.params.states)
            .rev()
            .map(|i| (u32::from(self.params.step) * i) as u16)
            .collect();
        let latest = Sequence(u32::from(seqs.last().copied().unwrap_or(0)));
        let state = self.nodes.len();
        let mut outputs = Vec::new();
        let mut descs = Vec::new();
        let mut child_groups: Vec<Vec<usize>> = Vec::new();
        let kind = if level == 0 {
            for &c in clients {
                let key = keys.get(c).ok_or_else(|| Error::invalid("client key"))?;
                let spk = if self.params.leaf_channel.is_taproot() {
                    keypath_output(&agg(&[*key, *lsp])?)
                } else {
                    scripts::p2wsh(&scripts::funding_script(key, lsp))
                };
                descs.push(desc("channel", self.params.channel_sat, &spk, &[c], None));
                outputs.push(TxOut {
                    value: Amount::from_sat(self.params.channel_sat),
                    script_pubkey: spk,
                });
                if let Some(slot) = self.client_leaf.get_mut(c) {
                    *slot = state;
                }
            }
            if self.params.lsp_stock_sat > 0 {
                let spk = keypath_output(lsp);
                descs.push(desc("lsp_stock", self.params.lsp_stock_sat, &spk, &[], None));
                outputs.push(TxOut {
                    value: Amount::from_sat(self.params.lsp_stock_sat),
                    script_pubkey: spk,
                });
            }
            NodeKind::Leaf
        } else {
            let lower = levels.get(level - 1).ok_or_else(|| Error::invalid("level"))?;
            for g in lower.iter().filter(|g| g.first().is_some_and(|c| clients.contains(c))) {
                let mut s: Vec<PublicKey> =
                    g.iter().filter_map(|&c| keys.get(c).copied()).collect();
                s.push(*lsp);
                let (spk, leaf) = timeout_output(&agg(&s)?, lsp, self.params.timeout)?;
                let v = self.subtree_value(levels, level - 1, g);
                descs.push(desc("n_of_n_or_lsp_after_timeout", v, &spk, g, Some(&leaf)));
                outputs.push(TxOut { value: Amount::from_sat(v), script_pubkey: spk });
                child_groups.push(g.clone());
            }
            NodeKind::State
        };
        let n_main = outputs.len();
        self.push_anchor(&mut outputs, &mut descs);
        let kick_txid = self.nodes.get(kickoff).map(|x| x.tx.compute_txid());
        self.nodes.push(Node {
            kind,
            parent: Some((kickoff, 0)),
            clients: clients.to_vec(),
            nsequence_per_state: seqs,
            tx: node_tx(Some((kick_txid, 0)), latest, outputs),
            outputs: descs,
            children: vec![None; n_main],
        });
        if let Some(k) = self.nodes.get_mut(kickoff) {
            k.children = vec![Some(state)];
        }
        for (i, g) in child_groups.into_iter().enumerate() {
            let child_index = self.nodes.len();
            if let Some(slot) = self.nodes.get_mut(state).and_then(|s| s.children.get_mut(i)) {
                *slot = Some(child_index);
            }
            self.add_subtree(levels, level - 1, &g, Some((state, i as u32)), keys, lsp)?;
        }
        Ok(())
    }

    fn push_anchor(&self, outputs: &mut Vec<TxOut>, descs: &mut Vec<Map<String, Value>>) {
        if self.params.anchor_sat > 0 {
            let spk = ScriptBuf::new_p2a();
            descs.push(desc("p2a_anchor", self.params.anchor_sat, &spk, &[], None));
            outputs.push(TxOut {
                value: Amount::from_sat(self.params.anchor_sat),
                script_pubkey: spk,
            });
        }
    }

    /// How many ancestors node `i` has.
    #[must_use]
    pub fn path_depth(&self, i: usize) -> usize {
        let mut d = 0;
        let mut at = self.nodes.get(i).and_then(|n| n.parent).map(|p| p.0);
        while let Some(p) = at {
            d += 1;
            at = self.nodes.get(p).and_then(|n| n.parent).map(|x| x.0);
            if d > self.nodes.len() {
                break;
            }
        }
        d
    }

    /// Node indices from the root to client `c`'s leaf.
    #[must_use]
    pub fn path(&self, c: usize) -> Vec<usize> {
        let mut v = Vec::new();
        let mut at = self.client_leaf.get(c).copied();
        while let Some(i) = at {
            v.push(i);
            at = self.nodes.get(i).and_then(|n| n.parent).map(|p| p.0);
            if v.len() > self.nodes.len() {
                break;
            }
        }
        v.reverse();
        v
    }

    /// The report: tree, per-client exits with fees at `feerates` (sat/vB), worst-case delay,
    /// TRUC/standardness per node.
    #[must_use]
    pub fn report(&self, feerates: &[u64]) -> Map<String, Value> {
        let p = &self.params;
        let mut m = Map::new();
        m.insert(
            "params".into(),
            json!({
                "clients": p.clients, "arity": p.arity, "states_per_layer": p.states,
                "step_blocks": p.step, "timeout_height": p.timeout, "channel_sat": p.channel_sat,
                "lsp_stock_sat": p.lsp_stock_sat, "anchor_sat": p.anchor_sat,
                "leaf_channel_type": p.leaf_channel.name(), "to_self_delay": p.to_self_delay,
            }),
        );
        let nodes: Vec<Value> = self
            .nodes
            .iter()
            .enumerate()
            .map(|(i, n)| {
                let vsize = n.tx.weight().to_vbytes_ceil();
                let dust: Vec<Value> = n
                    .tx
                    .output
                    .iter()
                    .map(|o| {
                        // P2TR and P2WSH outputs are both 43 bytes: same dust threshold.
                        let limit = if o.script_pubkey.is_p2tr() || o.script_pubkey.is_p2wsh() { P2TR_DUST_SAT } else { P2A_DUST_SAT };
                        json!(o.value.to_sat() < limit)
                    })
                    .collect();
                let dust_count = dust.iter().filter(|d| **d == json!(true)).count();
                let standard = n.tx.version.0 == 3 && vsize <= TRUC_MAX_VSIZE && dust_count <= 1;
                json!({
                    "index": i,
                    "kind": match n.kind { NodeKind::Kickoff => "kickoff", NodeKind::State => "state", NodeKind::Leaf => "leaf_state" },
                    "parent": n.parent.map(|(pi, o)| json!({"node": pi, "output": o})),
                    "clients": n.clients,
                    "nsequence_per_state": n.nsequence_per_state,
                    "txid": n.tx.compute_txid().to_string(),
                    "outputs": n.outputs,
                    "children": n.children,
                    "check": {
                        "version": n.tx.version.0,
                        "vsize": vsize,
                        "weight": n.tx.weight().to_wu(),
                        "truc_max_vsize_ok": vsize <= TRUC_MAX_VSIZE,
                        "dust_outputs": dust,
                        "standard": standard,
                        "fee_sat": 0,
                        "note": if p.anchor_sat > 0 { "0-fee v3 node: needs a CPFP child on its P2A anchor (package relay)" } else { "0-fee v3 node without anchor: cannot be bumped" },
                    },
                })
            })
            .collect();
        m.insert("nodes".into(), Value::Array(nodes));
        let mut worst = 0u64;
        let mut worst_exit = 0u64;
        let (commitment_vsize, commitment_child) = leaf_commitment_vsizes(p.leaf_channel);
        m.insert(
            "leaf_commitment".into(),
            json!({
                "channel_type": p.leaf_channel.name(),
                "vsize": commitment_vsize,
                "cpfp_child_vsize": commitment_child,
                "to_self_delay": p.to_self_delay,
            }),
        );
        let mut exits = Vec::new();
        for c in 0..p.clients {
            let path = self.path(c);
            let vsize: u64 = path
                .iter()
                .filter_map(|&i| self.nodes.get(i))
                .map(|n| n.tx.weight().to_vbytes_ceil())
                .sum();
            let children = if p.anchor_sat > 0 { CPFP_CHILD_VSIZE * path.len() as u64 } else { 0 };
            let csv: u64 = path
                .iter()
                .filter_map(|&i| self.nodes.get(i))
                .filter_map(|n| n.nsequence_per_state.first())
                .map(|s| u64::from(*s))
                .sum();
            let delay = csv + path.len() as u64;
            worst = worst.max(delay);
            // Then the channel's commitment (and its child), and the to_self_delay.
            let total = vsize + children + commitment_vsize + commitment_child;
            let exit_delay = delay + 1 + u64::from(p.to_self_delay);
            worst_exit = worst_exit.max(exit_delay);
            let fees: Vec<Value> = feerates
                .iter()
                .map(|f| json!({"sat_per_vb": f, "fee_sat": f.saturating_mul(total)}))
                .collect();
            exits.push(json!({
                "client": c,
                "path": path,
                "txs": path.len(),
                "tree_vsize": vsize,
                "cpfp_children_vsize": children,
                "commitment_vsize": commitment_vsize,
                "commitment_cpfp_child_vsize": commitment_child,
                "total_vsize": total,
                "fees": fees,
                "worst_case_delay_blocks": delay,
                "exit_delay_blocks": exit_delay,
            }));
        }
        m.insert("exits".into(), Value::Array(exits));
        m.insert("worst_case_delay_blocks".into(), json!(worst));
        m.insert("worst_case_exit_delay_blocks".into(), json!(worst_exit));
        m.insert(
            "worst_case_delay_note".into(),
            json!("worst_case_delay_blocks: oldest state's relative locks along the path plus one block per tree tx (TRUC: each level confirms before the next), before the leaf channel's own force close; worst_case_exit_delay_blocks adds the commitment's block and to_self_delay"),
        );
        m
    }
}

fn desc(
    role: &str,
    value: u64,
    spk: &ScriptBuf,
    clients: &[usize],
    leaf: Option<&ScriptBuf>,
) -> Map<String, Value> {
    let mut d = Map::new();
    d.insert("role".into(), json!(role));
    d.insert("amount_sat".into(), json!(value));
    d.insert("script_pubkey".into(), json!(hex::encode(spk.as_bytes())));
    if !clients.is_empty() {
        d.insert("clients".into(), json!(clients));
    }
    if let Some(l) = leaf {
        d.insert("timeout_leaf_script".into(), json!(hex::encode(l.as_bytes())));
    }
    d
}

fn node_tx(
    prev: Option<(Option<Txid>, u32)>,
    sequence: Sequence,
    output: Vec<TxOut>,
) -> Transaction {
    let previous_output = match prev {
        Some((Some(txid), vout)) => OutPoint { txid, vout },
        _ => OutPoint { txid: Txid::all_zeros(), vout: 0 },
    };
    Transaction {
        version: Version::non_standard(3),
        lock_time: LockTime::ZERO,
        input: vec![TxIn {
            previous_output,
            script_sig: ScriptBuf::new(),
            sequence,
            witness: keypath_witness(),
        }],
        output,
    }
}
