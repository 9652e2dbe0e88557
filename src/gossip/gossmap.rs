//! CLN `GOSSMAP_COMPRESSv1` topology snapshots (CLN `devtools/gossmap-compress`), gzip'd:
//! the header `GOSSMAP_COMPRESSv1\0`, then BOLT 1 BigSize numbers: `channel_count`, the start
//! node index of each channel, the end node index of each channel, the disabled half-channels
//! (`2*channel+direction`, ended by `2*channel_count`), then six "templates" (a count, that
//! many distinct values, then one index per item): capacity (sat, per channel) and htlc_min,
//! htlc_max (0 = capacity, 1 = 99% of capacity), base fee, proportional fee and CLTV delta
//! (per direction). No short_channel_ids and no signatures: [`Snapshot::to_gossip`] makes
//! signed BOLT 7 messages from it with deterministic keys, as CLN's decompressor does.
//!
//! <https://github.com/lightning/bolts/blob/master/07-routing-gossip.md>

use std::io::Read;

use bitcoin::hashes::{sha256d, Hash};
use bitcoin::secp256k1::{All, Message, PublicKey, Secp256k1, SecretKey};

use crate::error::{Error, ErrorKind, Result};

/// The 19-byte header (with its NUL).
pub const HEADER: &[u8] = b"GOSSMAP_COMPRESSv1\0";

/// Most channels a snapshot may declare (the 2026 mainnet graph has ~51k): bounds allocation.
pub const MAX_CHANNELS: u64 = 4_000_000;

/// Policy of one direction.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Half {
    /// Disabled (or without an update) in the source store.
    pub disabled: bool,
    /// `htlc_minimum_msat`
    pub htlc_minimum_msat: u64,
    /// `htlc_maximum_msat` (the 0/1 shorthands already applied; in msat as CLN writes it).
    pub htlc_maximum_msat: u64,
    /// `fee_base_msat`
    pub fee_base_msat: u64,
    /// `fee_proportional_millionths`
    pub fee_proportional_millionths: u64,
    /// `cltv_expiry_delta`
    pub cltv_expiry_delta: u64,
}

/// One channel.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Channel {
    /// Node indexes of the two ends (index 0 has the most channels).
    pub nodes: [u64; 2],
    /// Capacity in satoshi.
    pub capacity_sat: u64,
    /// Per-direction policy, in the snapshot's direction order (node 0 → node 1 first).
    pub half: [Half; 2],
}

/// A parsed snapshot.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Snapshot {
    /// Channels in file order.
    pub channels: Vec<Channel>,
    /// One more than the largest node index used.
    pub node_count: u64,
    /// Bytes of decompressed data consumed (all of it on success).
    pub decompressed_len: u64,
}

/// Reads BigSize numbers from a byte stream, counting bytes.
struct Nums<R> {
    r: R,
    pos: u64,
}

impl<R: Read> Nums<R> {
    fn byte(&mut self) -> Result<u8> {
        let mut b = [0u8; 1];
        match self.r.read_exact(&mut b) {
            Ok(()) => {
                self.pos += 1;
                Ok(b[0])
            }
            Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => {
                Err(Error::new(ErrorKind::Truncated, "snapshot ends early").at(self.pos as usize))
            }
            Err(e) => Err(Error::io(format!("reading snapshot: {e}")).at(self.pos as usize)),
        }
    }

    fn be(&mut self, n: usize) -> Result<u64> {
        let mut v = 0u64;
        for _ in 0..n {
            v = (v << 8) | u64::from(self.byte()?);
        }
        Ok(v)
    }

    fn bigsize(&mut self) -> Result<u64> {
        let at = self.pos as usize;
        let (v, min) = match self.byte()? {
            0xff => (self.be(8)?, 0x1_0000_0000),
            0xfe => (self.be(4)?, 0x1_0000),
            0xfd => (self.be(2)?, 0xfd),
            b => return Ok(u64::from(b)),
        };
        if v < min {
            return Err(
                Error::new(ErrorKind::NonMinimal, "bigsize is not minimally encoded").at(at)
            );
        }
        Ok(v)
    }

    /// A template: distinct values (at most `max` of them).
    fn template(&mut self, what: &str, max: u64) -> Result<Vec<u64>> {
        let at = self.pos as usize;
        let n = self.bigsize()?;
        if n > max {
            return Err(Error::new(
                ErrorKind::TooLarge,
                format!("{what}: {n} template values for {max} items"),
            )
            .at(at));
        }
        let mut t = Vec::with_capacity(n as usize);
        for _ in 0..n {
            t.push(self.bigsize()?);
        }
        Ok(t)
    }

    fn pick(&mut self, t: &[u64], what: &str) -> Result<u64> {
        let at = self.pos as usize;
        let i = self.bigsize()?;
        usize::try_from(i).ok().and_then(|i| t.get(i).copied()).ok_or_else(|| {
            Error::invalid(format!("{what}: template index {i} out of range")).at(at)
        })
    }
}

type Set = fn(&mut Half, u64, u64);

impl Snapshot {
    /// Parses a gzip'd snapshot (the `.compressed` file). Offsets in errors are in the
    /// decompressed data.
    pub fn read_gzip(r: impl Read) -> Result<Snapshot> {
        Self::read_plain(flate2::read::GzDecoder::new(r))
    }

    /// Parses decompressed snapshot bytes from a reader; the input must end exactly after the
    /// last template.
    pub fn read_plain(r: impl Read) -> Result<Snapshot> {
        let mut n = Nums { r, pos: 0 };
        let mut hdr = [0u8; 19];
        for b in &mut hdr {
            *b = n.byte()?;
        }
        if hdr != HEADER {
            return Err(Error::invalid("not a GOSSMAP_COMPRESSv1 snapshot (bad header)").at(0));
        }
        let at = n.pos as usize;
        let count = n.bigsize()?;
        if count > MAX_CHANNELS {
            return Err(Error::new(
                ErrorKind::TooLarge,
                format!("{count} channels exceeds {MAX_CHANNELS}"),
            )
            .at(at));
        }
        let cn = count as usize;
        // Each channel needs at least one byte per field; grow as the data proves itself.
        let mut channels: Vec<Channel> = Vec::with_capacity(cn.min(1 << 16));
        let mut node_count = 0u64;
        for _ in 0..cn {
            let a = n.bigsize()?;
            node_count = node_count.max(a.saturating_add(1));
            channels.push(Channel { nodes: [a, 0], ..Channel::default() });
        }
        for c in &mut channels {
            let b = n.bigsize()?;
            node_count = node_count.max(b.saturating_add(1));
            c.nodes[1] = b;
        }
        let halves = count * 2;
        loop {
            let at = n.pos as usize;
            let i = n.bigsize()?;
            if i == halves {
                break;
            }
            let h = usize::try_from(i / 2)
                .ok()
                .and_then(|c| channels.get_mut(c))
                .and_then(|c| c.half.get_mut((i % 2) as usize))
                .ok_or_else(|| Error::invalid(format!("disabled index {i} out of range")).at(at))?;
            h.disabled = true;
        }
        let t = n.template("capacities", count)?;
        for c in &mut channels {
            c.capacity_sat = n.pick(&t, "capacity")?;
        }
        let fields: [(&str, Set); 5] = [
            ("htlc_min", |h, v, _| h.htlc_minimum_msat = v),
            ("htlc_max", |h, v, cap| {
                let cap_msat = cap.saturating_mul(1000);
                h.htlc_maximum_msat = match v {
                    0 => cap_msat,
                    // CLN's compressor: capacity_msat * 0.99 in floating point.
                    1 => (cap_msat as f64 * 0.99) as u64,
                    v => v,
                }
            }),
            ("basefee", |h, v, _| h.fee_base_msat = v),
            ("propfee", |h, v, _| h.fee_proportional_millionths = v),
            ("delay", |h, v, _| h.cltv_expiry_delta = v),
        ];
        for (what, set) in fields {
            let t = n.template(what, halves)?;
            for c in &mut channels {
                let cap = c.capacity_sat;
                for h in &mut c.half {
                    let v = n.pick(&t, what)?;
                    set(h, v, cap);
                }
            }
        }
        let mut extra = [0u8; 1];
        let end = n.pos;
        match n.r.read(&mut extra) {
            Ok(0) => {}
            Ok(_) => {
                return Err(Error::new(ErrorKind::Trailing, "bytes after the last template")
                    .at(end as usize))
            }
            Err(e) => return Err(Error::io(format!("reading snapshot: {e}")).at(end as usize)),
        }
        Ok(Snapshot { channels, node_count, decompressed_len: end })
    }

    /// Total capacity in satoshi.
    pub fn capacity_sat(&self) -> u64 {
        self.channels.iter().map(|c| c.capacity_sat).sum()
    }

    /// Disabled half-channels.
    pub fn disabled_halves(&self) -> usize {
        self.channels.iter().flat_map(|c| c.half.iter()).filter(|h| h.disabled).count()
    }
}

/// The deterministic secret key of node `index` (CLN's choice: the index's little-endian bytes
/// over a key of 0x01 bytes).
pub fn node_secret(index: u64) -> Result<SecretKey> {
    let mut k = [1u8; 32];
    if let Some(head) = k.get_mut(..8) {
        head.copy_from_slice(&index.to_le_bytes());
    }
    SecretKey::from_slice(&k).map_err(|_| Error::invalid(format!("no key for node {index}")))
}

/// A synthetic short_channel_id for channel `i` (block 600,000 + i / 1000, tx i % 1000, out 0):
/// unique and ascending in file order.
pub fn synthetic_scid(i: u64) -> u64 {
    ((600_000 + i / 1000) << 40) | ((i % 1000) << 16)
}

fn sign(secp: &Secp256k1<All>, hash: &[u8; 32], key: &SecretKey) -> [u8; 64] {
    secp.sign_ecdsa(&Message::from_digest(*hash), key).serialize_compact()
}

impl Snapshot {
    /// Makes the snapshot into signed mainnet BOLT 7 messages: per channel a
    /// `channel_announcement` (node and bitcoin keys from [`node_secret`]) and two
    /// `channel_update`s stamped `timestamp`. Channels `range` only (for splitting work).
    pub fn to_gossip(&self, range: std::ops::Range<usize>, timestamp: u32) -> Result<Vec<Vec<u8>>> {
        self.to_gossip_with(range, timestamp, true)
    }

    /// [`Snapshot::to_gossip`], with all-zero signatures unless `sign` (for sizes and graph
    /// structure without the cost of ECDSA signing).
    pub fn to_gossip_with(
        &self,
        range: std::ops::Range<usize>,
        timestamp: u32,
        sign: bool,
    ) -> Result<Vec<Vec<u8>>> {
        let secp = Secp256k1::new();
        let sign = |secp: &Secp256k1<All>, h: &[u8; 32], k: &SecretKey| {
            if sign {
                self::sign(secp, h, k)
            } else {
                [0u8; 64]
            }
        };
        let mut keys: std::collections::HashMap<u64, (SecretKey, [u8; 33])> =
            std::collections::HashMap::new();
        let mut key = |i: u64| -> Result<(SecretKey, [u8; 33])> {
            if let Some(k) = keys.get(&i) {
                return Ok(*k);
            }
            let s = node_secret(i)?;
            let k = (s, PublicKey::from_secret_key(&secp, &s).serialize());
            keys.insert(i, k);
            Ok(k)
        };
        let chain = crate::network::chain_hash(bitcoin::Network::Bitcoin);
        let mut out = Vec::with_capacity(range.len() * 3);
        for (i, c) in self.channels.iter().enumerate().skip(range.start).take(range.len()) {
            let (ka, kb) = (key(c.nodes[0])?, key(c.nodes[1])?);
            let swap = ka.1 > kb.1;
            let (k1, k2) = if swap { (kb, ka) } else { (ka, kb) };
            let scid = synthetic_scid(i as u64);
            let mut body = Vec::with_capacity(432);
            body.extend_from_slice(&0u16.to_be_bytes());
            body.extend_from_slice(&chain);
            body.extend_from_slice(&scid.to_be_bytes());
            for k in [&k1.1, &k2.1, &k1.1, &k2.1] {
                body.extend_from_slice(k);
            }
            let h = sha256d::Hash::hash(&body).to_byte_array();
            let mut m = super::CHANNEL_ANNOUNCEMENT.to_be_bytes().to_vec();
            for s in [&k1.0, &k2.0, &k1.0, &k2.0] {
                m.extend_from_slice(&sign(&secp, &h, s));
            }
            m.extend_from_slice(&body);
            out.push(m);
            for (d, half) in c.half.iter().enumerate() {
                // Snapshot direction d is from nodes[d]; on the wire 0 means from node_id_1.
                let dir = u8::from((d == 1) != swap);
                let signer = if d == 0 { &ka.0 } else { &kb.0 };
                let mut u = Vec::with_capacity(128);
                u.extend_from_slice(&chain);
                u.extend_from_slice(&scid.to_be_bytes());
                u.extend_from_slice(&timestamp.to_be_bytes());
                u.push(1);
                u.push(dir | if half.disabled { 2 } else { 0 });
                u.extend_from_slice(&(half.cltv_expiry_delta as u16).to_be_bytes());
                u.extend_from_slice(&half.htlc_minimum_msat.to_be_bytes());
                u.extend_from_slice(&(half.fee_base_msat as u32).to_be_bytes());
                u.extend_from_slice(&(half.fee_proportional_millionths as u32).to_be_bytes());
                u.extend_from_slice(&half.htlc_maximum_msat.to_be_bytes());
                let h = sha256d::Hash::hash(&u).to_byte_array();
                let mut m = super::CHANNEL_UPDATE.to_be_bytes().to_vec();
                m.extend_from_slice(&sign(&secp, &h, signer));
                m.extend_from_slice(&u);
                out.push(m);
            }
        }
        Ok(out)
    }
}

impl Snapshot {
    /// A `node_announcement` for each node index in `range` (the snapshot has none): key from
    /// [`node_secret`], alias `node<index>`, colour from the index, no features, no addresses,
    /// stamped `timestamp`; all-zero signature unless `sign`.
    pub fn node_announcements(
        &self,
        range: std::ops::Range<u64>,
        timestamp: u32,
        sign: bool,
    ) -> Result<Vec<Vec<u8>>> {
        let secp = Secp256k1::new();
        let end = range.end.min(self.node_count);
        let mut out =
            Vec::with_capacity(usize::try_from(end.saturating_sub(range.start)).unwrap_or(0));
        for i in range.start..end {
            let sk = node_secret(i)?;
            let mut body = Vec::with_capacity(76);
            body.extend_from_slice(&0u16.to_be_bytes());
            body.extend_from_slice(&timestamp.to_be_bytes());
            body.extend_from_slice(&PublicKey::from_secret_key(&secp, &sk).serialize());
            let b = i.to_be_bytes();
            body.extend_from_slice(b.get(5..8).unwrap_or(&[0; 3]));
            let mut alias = [0u8; 32];
            let name = format!("node{i}");
            for (a, c) in alias.iter_mut().zip(name.bytes()) {
                *a = c;
            }
            body.extend_from_slice(&alias);
            body.extend_from_slice(&0u16.to_be_bytes());
            let h = sha256d::Hash::hash(&body).to_byte_array();
            let mut m = super::NODE_ANNOUNCEMENT.to_be_bytes().to_vec();
            m.extend_from_slice(&if sign { self::sign(&secp, &h, &sk) } else { [0; 64] });
            m.extend_from_slice(&body);
            out.push(m);
        }
        Ok(out)
    }
}
