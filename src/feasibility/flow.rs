//! Maximum flow (Dinic's algorithm) behind the tests of spec-protocol.md §6.2: the
//! wealth-feasibility transportation network and the i → j liquidity network of §6.1.
//!
//! Every access is checked: a malformed network ends the search instead of panicking, and the
//! builders in `check.rs` only create edges between nodes that exist.

use std::collections::VecDeque;

const UNSEEN: u32 = u32::MAX;

/// A residual network. Edge `e` and its reverse `e ^ 1` are added together, so the flow pushed
/// on a forward edge is the residual capacity of its reverse.
#[derive(Debug, Clone)]
pub(crate) struct FlowNet {
    adj: Vec<Vec<usize>>,
    to: Vec<usize>,
    cap: Vec<u64>,
}

impl FlowNet {
    pub(crate) fn new(nodes: usize, edges: usize) -> Self {
        FlowNet {
            adj: vec![Vec::new(); nodes],
            to: Vec::with_capacity(edges.saturating_mul(2)),
            cap: Vec::with_capacity(edges.saturating_mul(2)),
        }
    }

    /// Adds `u → v` with capacity `c`; `None` when a node does not exist.
    pub(crate) fn add_edge(&mut self, u: usize, v: usize, c: u64) -> Option<usize> {
        if u >= self.adj.len() || v >= self.adj.len() {
            return None;
        }
        let id = self.to.len();
        self.to.extend([v, u]);
        self.cap.extend([c, 0]);
        self.adj.get_mut(u)?.push(id);
        self.adj.get_mut(v)?.push(id ^ 1);
        Some(id)
    }

    /// Flow pushed through forward edge `e`.
    pub(crate) fn flow(&self, e: usize) -> u64 {
        self.cap.get(e ^ 1).copied().unwrap_or(0)
    }

    /// Pushes up to `limit` units from `s` to `t` and returns how many went through.
    pub(crate) fn max_flow(&mut self, s: usize, t: usize, limit: u64) -> u64 {
        let n = self.adj.len();
        if s >= n || t >= n || s == t {
            return 0;
        }
        let mut total = 0u64;
        let mut level = vec![UNSEEN; n];
        let mut next_edge = vec![0usize; n];
        let mut path = Vec::new();
        while total < limit && self.levels(s, t, &mut level) {
            next_edge.fill(0);
            while total < limit {
                match self.augment(s, t, limit - total, &mut level, &mut next_edge, &mut path) {
                    Some(pushed) if pushed > 0 => total += pushed,
                    _ => break,
                }
            }
        }
        total
    }

    /// BFS levels over edges with residual capacity; true when `t` is reachable.
    fn levels(&self, s: usize, t: usize, level: &mut [u32]) -> bool {
        level.fill(UNSEEN);
        let mut queue = VecDeque::new();
        if let Some(l) = level.get_mut(s) {
            *l = 0;
            queue.push_back(s);
        }
        while let Some(u) = queue.pop_front() {
            let Some(lu) = level.get(u).copied() else { break };
            // Nodes at or past the sink's level cannot lie on a shortest path: stop there.
            if level.get(t).is_some_and(|&lt| lt != UNSEEN && lu >= lt) {
                break;
            }
            for &e in self.adj.get(u).map_or(&[][..], Vec::as_slice) {
                let (Some(&v), Some(&c)) = (self.to.get(e), self.cap.get(e)) else { continue };
                if c > 0 {
                    if let Some(lv) = level.get_mut(v) {
                        if *lv == UNSEEN {
                            *lv = lu.saturating_add(1);
                            queue.push_back(v);
                        }
                    }
                }
            }
        }
        level.get(t).is_some_and(|&l| l != UNSEEN)
    }

    /// Finds one path in the level graph (iterative DFS with per-node edge pointers, so deep
    /// graphs cannot overflow the stack), pushes its bottleneck (at most `want`) and returns it.
    /// `None` when the phase has no path left.
    fn augment(
        &mut self,
        source: usize,
        sink: usize,
        want: u64,
        level: &mut [u32],
        next_edge: &mut [usize],
        path: &mut Vec<usize>,
    ) -> Option<u64> {
        path.clear();
        let mut u = source;
        loop {
            if u == sink {
                let mut pushed = want;
                for &e in path.iter() {
                    pushed = pushed.min(*self.cap.get(e)?);
                }
                for &e in path.iter() {
                    *self.cap.get_mut(e)? -= pushed;
                    *self.cap.get_mut(e ^ 1)? += pushed;
                }
                return Some(pushed);
            }
            let wanted_level = level.get(u)?.checked_add(1)?;
            let edges = self.adj.get(u)?;
            let i = next_edge.get_mut(u)?;
            let mut step = None;
            while let Some(&e) = edges.get(*i) {
                let v = *self.to.get(e)?;
                if *self.cap.get(e)? > 0 && *level.get(v)? == wanted_level {
                    step = Some((e, v));
                    break;
                }
                *i += 1;
            }
            if let Some((e, v)) = step {
                path.push(e);
                u = v;
            } else {
                // Dead end: drop `u` from this phase and retreat one edge.
                *level.get_mut(u)? = UNSEEN;
                let e = path.pop()?;
                u = *self.to.get(e ^ 1)?;
                *next_edge.get_mut(u)? += 1;
            }
        }
    }

    /// Nodes reachable from `s` through edges with residual capacity (the source side of a
    /// minimum cut once a maximum flow has been pushed).
    pub(crate) fn reachable(&self, s: usize) -> Vec<bool> {
        let mut seen = vec![false; self.adj.len()];
        let mut stack = Vec::new();
        if let Some(x) = seen.get_mut(s) {
            *x = true;
            stack.push(s);
        }
        while let Some(u) = stack.pop() {
            for &e in self.adj.get(u).map_or(&[][..], Vec::as_slice) {
                let (Some(&v), Some(&c)) = (self.to.get(e), self.cap.get(e)) else { continue };
                if c > 0 {
                    if let Some(x) = seen.get_mut(v) {
                        if !*x {
                            *x = true;
                            stack.push(v);
                        }
                    }
                }
            }
        }
        seen
    }
}
