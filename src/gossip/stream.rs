//! Readers for the files gossip is kept in, as iterators over any `impl Read` with absolute byte
//! offsets and bounded record sizes (a BOLT 8 message is at most 65,535 bytes):
//!
//! - [`Format::Gsp`]: lnresearch `GSP\x01` header, then per message a Bitcoin CompactSize length
//!   written **big-endian** (lnresearch's writer), then the message (2-byte type + payload);
//! - [`Format::Be16`]: a 2-byte big-endian length, then the message (CLN `gossipwith` output);
//! - [`Format::HexLines`]: one message in hex per line (`#` comments, blank lines skipped);
//! - [`Format::GossipStore`]: CLN `gossip_store`: a version byte, then records of `be16 flags,
//!   be16 len, be32 crc, be32 timestamp` + message, `crc = CRC32C(seed = timestamp, message)`.
//!
//! A damaged record (length out of bounds, a type that is not gossip, a bad CRC, a bad hex line)
//! does not stop the stream: the reader skips forward one byte at a time until a plausible
//! record starts, and reports what it skipped as one [`Event::Resync`] with its byte offset.
//! Only I/O errors end the iteration early.
//!
//! <https://github.com/lightning/bolts/blob/master/07-routing-gossip.md>

use std::io::{ErrorKind as IoKind, Read};

use super::crc32c::crc32c;
use super::{CHANNEL_ANNOUNCEMENT, CHANNEL_UPDATE, NODE_ANNOUNCEMENT};
use crate::error::{Error, Result};

/// Largest message a record may hold: BOLT 8 frames at most 65,535 bytes.
pub const MAX_MESSAGE: usize = 65_535;

/// A stream's framing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// `GSP\x01` + big-endian CompactSize length per message.
    Gsp,
    /// 2-byte big-endian length per message.
    Be16,
    /// One hex message per line.
    HexLines,
    /// CLN `gossip_store`.
    GossipStore,
}

impl Format {
    /// Guesses the format from the first bytes: `GSP\x01`, a gossip_store version byte
    /// (major 0, minor 9..=31) followed by a sane header, hex text, else be16.
    pub fn sniff(head: &[u8]) -> Format {
        if head.starts_with(b"GSP\x01") {
            return Format::Gsp;
        }
        if let Some(&v) = head.first() {
            if v >> 5 == 0 && (9..=31).contains(&(v & 0x1f)) && head.len() >= 13 {
                let len = u16::from_be_bytes([
                    head.get(3).copied().unwrap_or(0),
                    head.get(4).copied().unwrap_or(0),
                ]);
                if len >= 2 {
                    return Format::GossipStore;
                }
            }
        }
        let texty = head.iter().take(256).all(|b| {
            b.is_ascii_hexdigit() || b.is_ascii_whitespace() || *b == b'#' || b.is_ascii_graphic()
        });
        if !head.is_empty() && texty {
            return Format::HexLines;
        }
        Format::Be16
    }
}

/// One message found in a stream.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// Absolute offset of the record (its framing) in the stream.
    pub offset: u64,
    /// Absolute offset of the message's first byte (its type).
    pub msg_offset: u64,
    /// The whole message: 2-byte type + payload.
    pub msg: Vec<u8>,
    /// `gossip_store` header timestamp.
    pub timestamp: Option<u32>,
    /// `gossip_store` header flags.
    pub flags: Option<u16>,
}

/// What a reader yields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// The stream's header (`GSP\x01`, or the gossip_store version byte).
    Header {
        /// Header bytes.
        bytes: Vec<u8>,
    },
    /// A message.
    Record(Record),
    /// Damaged bytes were skipped.
    Resync {
        /// Absolute offset of the first skipped byte.
        offset: u64,
        /// Bytes skipped.
        skipped: u64,
        /// Why the record there was rejected.
        reason: String,
    },
}

/// `gossip_store` header flag bits (CLN).
pub mod store_flags {
    /// Record deleted.
    pub const DELETED: u16 = 0x8000;
    /// Pushed to peers (old versions).
    pub const PUSH: u16 = 0x4000;
    /// Rate-limited (spam).
    pub const RATELIMIT: u16 = 0x2000;
    /// Zombie channel.
    pub const ZOMBIE: u16 = 0x1000;
    /// Funding spent; forgotten after a delay.
    pub const DYING: u16 = 0x0800;
    /// Names of the set bits.
    pub fn names(f: u16) -> Vec<&'static str> {
        [
            (DELETED, "deleted"),
            (PUSH, "push"),
            (RATELIMIT, "ratelimit"),
            (ZOMBIE, "zombie"),
            (DYING, "dying"),
        ]
        .iter()
        .filter(|(b, _)| f & b != 0)
        .map(|(_, n)| *n)
        .collect()
    }
}

/// Minimum length of each broadcast message (type included), for plausibility.
fn min_len(ty: u16) -> Option<usize> {
    match ty {
        CHANNEL_ANNOUNCEMENT => Some(2 + 64 * 4 + 2 + 32 + 8 + 33 * 4),
        NODE_ANNOUNCEMENT => Some(2 + 64 + 2 + 4 + 33 + 3 + 32 + 2),
        CHANNEL_UPDATE => Some(2 + 64 + 32 + 8 + 4 + 1 + 1 + 2 + 8 + 4 + 4 + 8),
        259 => Some(2 + 32 + 8 + 128),
        261 | 263 | 264 => Some(2 + 32 + 2),
        262 => Some(2 + 33),
        265 => Some(2 + 32 + 8),
        // Gossip v2 (pure TLV): a type and at least one record header.
        260 | 267 | 269 | 271 => Some(2 + 2),
        _ => None,
    }
}

/// Is `msg` plausibly one BOLT 7 message (a known gossip type and at least its fixed size)?
/// Used to resynchronise after damage.
pub fn plausible_gossip(msg: &[u8]) -> bool {
    match super::msg::msg_type(msg).and_then(min_len) {
        Some(n) => msg.len() >= n,
        None => false,
    }
}

/// A byte window over a reader: look ahead, consume, absolute offsets.
struct Window<R> {
    inner: R,
    buf: Vec<u8>,
    start: usize,
    /// Absolute offset of `buf[start]`.
    abs: u64,
    eof: bool,
}

impl<R: Read> Window<R> {
    fn new(inner: R) -> Self {
        Window { inner, buf: Vec::new(), start: 0, abs: 0, eof: false }
    }

    fn avail(&self) -> &[u8] {
        self.buf.get(self.start..).unwrap_or(&[])
    }

    /// Tries to have `n` bytes available; fewer only at end of input.
    fn fill(&mut self, n: usize) -> std::io::Result<()> {
        while self.avail().len() < n && !self.eof {
            if self.start > 0 && self.start >= self.buf.len() / 2 {
                self.buf.drain(..self.start);
                self.start = 0;
            }
            // Read through a stack chunk: growing `buf` by zero-filling is slow for large
            // look-aheads, and the chunk bounds each read.
            let mut chunk = [0u8; 16 * 1024];
            let got = loop {
                match self.inner.read(&mut chunk) {
                    Ok(k) => break k,
                    Err(e) if e.kind() == IoKind::Interrupted => {}
                    Err(e) => return Err(e),
                }
            };
            self.buf.extend_from_slice(chunk.get(..got).unwrap_or(&[]));
            if got == 0 {
                self.eof = true;
            }
        }
        Ok(())
    }

    fn consume(&mut self, n: usize) {
        let n = n.min(self.avail().len());
        self.start += n;
        self.abs += n as u64;
    }

    fn at_end(&mut self) -> std::io::Result<bool> {
        self.fill(1)?;
        Ok(self.avail().is_empty())
    }
}

/// Outcome of trying to frame a record at the current position.
enum Try {
    /// A record of `total` bytes: the message is `avail[msg_at..total]`.
    Ok { msg_at: usize, total: usize, timestamp: Option<u32>, flags: Option<u16> },
    /// Not a record here.
    Bad(String),
}

/// Iterator over the events of a gossip stream. See the module doc.
pub struct GossipReader<R> {
    w: Window<R>,
    format: Format,
    started: bool,
    pending: Option<Event>,
    /// Current damaged region: (offset, bytes, first reason).
    damage: Option<(u64, u64, String)>,
    failed: bool,
    progress: Option<Box<dyn FnMut(u64)>>,
    reported: u64,
}

impl<R: Read> GossipReader<R> {
    /// A reader of `format` over `inner`.
    pub fn new(inner: R, format: Format) -> Self {
        GossipReader {
            w: Window::new(inner),
            format,
            started: false,
            pending: None,
            damage: None,
            failed: false,
            progress: None,
            reported: 0,
        }
    }

    /// Calls `f` with the absolute offset reached, every 64 KiB or so.
    pub fn with_progress(mut self, f: impl FnMut(u64) + 'static) -> Self {
        self.progress = Some(Box::new(f));
        self
    }

    /// Absolute offset of the next unread byte.
    pub fn offset(&self) -> u64 {
        self.w.abs
    }

    fn header(&mut self) -> std::io::Result<Option<Event>> {
        match self.format {
            Format::Gsp => {
                self.w.fill(4)?;
                if self.w.avail().starts_with(b"GSP\x01") {
                    self.w.consume(4);
                    return Ok(Some(Event::Header { bytes: b"GSP\x01".to_vec() }));
                }
                Ok(None)
            }
            Format::GossipStore => {
                self.w.fill(1)?;
                let Some(&v) = self.w.avail().first() else { return Ok(None) };
                self.w.consume(1);
                Ok(Some(Event::Header { bytes: vec![v] }))
            }
            Format::Be16 | Format::HexLines => Ok(None),
        }
    }

    fn try_record(&mut self) -> std::io::Result<Try> {
        match self.format {
            Format::Gsp => {
                self.w.fill(9)?;
                let a = self.w.avail();
                let (len, hdr) = match a.first().copied() {
                    None => return Ok(Try::Bad("end of input".into())),
                    Some(b) if b < 0xfd => (u64::from(b), 1),
                    Some(0xfd) => (be(a.get(1..3)), 3),
                    Some(0xfe) => (be(a.get(1..5)), 5),
                    Some(_) => (be(a.get(1..9)), 9),
                };
                if a.len() < hdr {
                    return Ok(Try::Bad("truncated length prefix".into()));
                }
                self.framed(hdr, len, None, None)
            }
            Format::Be16 => {
                self.w.fill(2)?;
                let a = self.w.avail();
                if a.len() < 2 {
                    return Ok(Try::Bad("truncated length prefix".into()));
                }
                let len = be(a.get(0..2));
                self.framed(2, len, None, None)
            }
            Format::GossipStore => {
                self.w.fill(12)?;
                let a = self.w.avail();
                if a.len() < 12 {
                    return Ok(Try::Bad("truncated record header".into()));
                }
                let flags = be(a.get(0..2)) as u16;
                let len = be(a.get(2..4));
                let crc = be(a.get(4..8)) as u32;
                let ts = be(a.get(8..12)) as u32;
                let t = self.framed(12, len, Some(ts), Some(flags))?;
                if let Try::Ok { msg_at, total, .. } = t {
                    let m = self.w.avail().get(msg_at..total).unwrap_or(&[]);
                    if crc32c(ts, m) != crc {
                        return Ok(Try::Bad("gossip_store record crc mismatch".into()));
                    }
                }
                Ok(t)
            }
            Format::HexLines => Ok(Try::Bad("hex lines are not binary records".into())),
        }
    }

    /// Checks a record of a `hdr`-byte header and `len`-byte message at the current position.
    fn framed(
        &mut self,
        hdr: usize,
        len: u64,
        timestamp: Option<u32>,
        flags: Option<u16>,
    ) -> std::io::Result<Try> {
        let Ok(n) = usize::try_from(len) else { return Ok(Try::Bad("length out of range".into())) };
        if n > MAX_MESSAGE {
            return Ok(Try::Bad(format!("record length {n} exceeds {MAX_MESSAGE}")));
        }
        self.w.fill(hdr + n)?;
        let a = self.w.avail();
        if a.len() < hdr + n {
            return Ok(Try::Bad(format!("record of {n} bytes runs past the end of input")));
        }
        let m = a.get(hdr..hdr + n).unwrap_or(&[]);
        // gossip_store also holds CLN's own records (types 4096+); its CRC vouches for them.
        if flags.is_none() && !plausible_gossip(m) {
            return Ok(Try::Bad(match super::msg::msg_type(m) {
                Some(t) => format!("message type {t} of {n} bytes is not plausible gossip"),
                None => "record shorter than a message type".into(),
            }));
        }
        Ok(Try::Ok { msg_at: hdr, total: hdr + n, timestamp, flags })
    }

    fn next_binary(&mut self) -> std::io::Result<Option<Event>> {
        loop {
            if self.w.at_end()? {
                return Ok(self.damage.take().map(resync));
            }
            match self.try_record()? {
                Try::Ok { msg_at, total, timestamp, flags } => {
                    let offset = self.w.abs;
                    let msg = self.w.avail().get(msg_at..total).unwrap_or(&[]).to_vec();
                    self.w.consume(total);
                    let rec = Event::Record(Record {
                        offset,
                        msg_offset: offset + msg_at as u64,
                        msg,
                        timestamp,
                        flags,
                    });
                    if let Some(d) = self.damage.take() {
                        self.pending = Some(rec);
                        return Ok(Some(resync(d)));
                    }
                    return Ok(Some(rec));
                }
                Try::Bad(reason) => {
                    let at = self.w.abs;
                    match &mut self.damage {
                        Some(d) => d.1 += 1,
                        None => self.damage = Some((at, 1, reason)),
                    }
                    self.w.consume(1);
                }
            }
        }
    }

    fn next_hex(&mut self) -> std::io::Result<Option<Event>> {
        loop {
            // A line holds at most one message: 2 hex digits a byte plus slack for spaces.
            let max_line = MAX_MESSAGE * 2 + 4096;
            self.w.fill(max_line + 1)?;
            let a = self.w.avail();
            if a.is_empty() {
                return Ok(None);
            }
            let offset = self.w.abs;
            let (line, used) = match a.iter().position(|&b| b == b'\n') {
                Some(i) => (a.get(..i).unwrap_or(&[]), i + 1),
                None if a.len() > max_line => {
                    // An over-long line: skip it whole.
                    let n = a.len();
                    self.w.consume(n);
                    return Ok(Some(resync((offset, n as u64, "line too long".into()))));
                }
                None => (a, a.len()),
            };
            let text = String::from_utf8_lossy(line);
            let t = text.trim();
            if t.is_empty() || t.starts_with('#') {
                self.w.consume(used);
                continue;
            }
            let msg_offset = offset + (line.len() - line.trim_ascii_start().len()) as u64;
            let parsed = crate::encoding::parse_hex(t);
            self.w.consume(used);
            return Ok(Some(match parsed {
                Ok(msg) if msg.len() <= MAX_MESSAGE && msg.len() >= 2 => {
                    Event::Record(Record { offset, msg_offset, msg, timestamp: None, flags: None })
                }
                Ok(_) => resync((offset, used as u64, "line is not one message".into())),
                Err(e) => resync((offset, used as u64, e.to_string())),
            }));
        }
    }
}

fn resync((offset, skipped, reason): (u64, u64, String)) -> Event {
    Event::Resync { offset, skipped, reason }
}

fn be(b: Option<&[u8]>) -> u64 {
    b.unwrap_or(&[]).iter().fold(0u64, |acc, &x| (acc << 8) | u64::from(x))
}

impl<R: Read> Iterator for GossipReader<R> {
    type Item = Result<Event>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.failed {
            return None;
        }
        if let Some(e) = self.pending.take() {
            return Some(Ok(e));
        }
        let r = if self.started {
            match self.format {
                Format::HexLines => self.next_hex(),
                _ => self.next_binary(),
            }
        } else {
            self.started = true;
            match self.header() {
                Ok(Some(h)) => Ok(Some(h)),
                Ok(None) if self.format == Format::Gsp => {
                    self.damage = Some((0, 0, "missing GSP\\x01 header".into()));
                    self.next_binary()
                }
                Ok(None) => match self.format {
                    Format::HexLines => self.next_hex(),
                    _ => self.next_binary(),
                },
                Err(e) => Err(e),
            }
        };
        if let Some(p) = self.progress.as_mut() {
            if self.w.abs >= self.reported + 65_536 {
                self.reported = self.w.abs;
                p(self.w.abs);
            }
        }
        match r {
            Ok(Some(e)) => Some(Ok(e)),
            Ok(None) => None,
            Err(e) => {
                self.failed = true;
                Some(Err(Error::io(format!("reading gossip stream: {e}")).at(self.w.abs as usize)))
            }
        }
    }
}

/// CLN's own `gossip_store` records that are not BOLT messages (`gossipd/gossip_store_wire.csv`).
pub static CLN_STORE_MESSAGES: &[crate::wire::MessageDef] = &[
    crate::wire::MessageDef {
        ty: 4101,
        name: "gossip_store_channel_amount",
        fields: &[crate::encoding::fields::f("satoshis", crate::encoding::fields::FieldType::U64)],
    },
    crate::wire::MessageDef {
        ty: 4102,
        name: "gossip_store_private_update",
        fields: &[crate::encoding::fields::f(
            "update",
            crate::encoding::fields::FieldType::VarBytes,
        )],
    },
];

/// Decodes a `gossip_store` record's message: BOLT messages through the wire catalogue, CLN's
/// known records by [`CLN_STORE_MESSAGES`], other CLN-internal types (4096 and up) as raw
/// `payload` with a null name.
pub fn decode_store_message(msg: &[u8]) -> Result<serde_json::Map<String, serde_json::Value>> {
    let ty = super::msg::msg_type(msg).unwrap_or(0);
    if ty < 4096 {
        return crate::wire::decode_message(msg);
    }
    let mut m = serde_json::Map::new();
    m.insert("type".into(), ty.into());
    let mut r = crate::encoding::Reader::new(msg);
    r.u16()?;
    if let Some(def) = CLN_STORE_MESSAGES.iter().find(|d| d.ty == ty) {
        m.insert("name".into(), def.name.into());
        m.extend(
            crate::encoding::fields::decode_fields(def.fields, &mut r)
                .map_err(|e| e.within(def.name))?,
        );
        if !r.is_empty() {
            m.insert(crate::wire::EXTRA_KEY.into(), hex::encode(r.take_rest()).into());
        }
    } else {
        m.insert("name".into(), serde_json::Value::Null);
        m.insert("payload".into(), hex::encode(r.take_rest()).into());
    }
    Ok(m)
}
