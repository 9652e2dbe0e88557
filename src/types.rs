//! Newtypes shared by every tool: `short_channel_id` as `BLOCKxTXxOUT` (BOLT 7
//! "Definition of `short_channel_id`").
//!
//! <https://github.com/lightning/bolts/blob/master/07-routing-gossip.md#definition-of-short_channel_id>

use std::fmt;
use std::str::FromStr;

use crate::error::Error;

/// A short channel id: 3 bytes block height, 3 bytes tx index, 2 bytes output index.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ShortChannelId(pub u64);

impl ShortChannelId {
    /// Builds from its parts; `None` when a part overflows its width.
    pub fn new(block: u32, tx: u32, out: u16) -> Option<Self> {
        (block < 1 << 24 && tx < 1 << 24)
            .then(|| ShortChannelId(u64::from(block) << 40 | u64::from(tx) << 16 | u64::from(out)))
    }

    /// Funding block height.
    pub fn block(self) -> u32 {
        (self.0 >> 40) as u32
    }

    /// Transaction index within the block.
    pub fn tx_index(self) -> u32 {
        ((self.0 >> 16) & 0xff_ffff) as u32
    }

    /// Output index.
    pub fn output(self) -> u16 {
        (self.0 & 0xffff) as u16
    }
}

impl fmt::Display for ShortChannelId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}x{}x{}", self.block(), self.tx_index(), self.output())
    }
}

impl FromStr for ShortChannelId {
    type Err = Error;

    /// Parses `BxTxO` (also CLN's `B:T:O`), or a plain decimal u64.
    fn from_str(s: &str) -> Result<Self, Error> {
        let bad =
            || Error::syntax(format!("invalid short_channel_id {s:?}: expected BLOCKxTXxOUT"));
        let parts: Vec<&str> = s.trim().split(['x', ':']).collect();
        match parts.as_slice() {
            [b, t, o] => {
                let b = b.parse().map_err(|_| bad())?;
                let t = t.parse().map_err(|_| bad())?;
                let o = o.parse().map_err(|_| bad())?;
                ShortChannelId::new(b, t, o).ok_or_else(bad)
            }
            [n] => n.parse().map(ShortChannelId).map_err(|_| bad()),
            _ => Err(bad()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scid_text_roundtrip() {
        let s: ShortChannelId = "539268x845x1".parse().unwrap();
        assert_eq!(s.to_string(), "539268x845x1");
        assert_eq!(s.0, (539_268u64 << 40) | (845 << 16) | 1);
        assert!("16777216x0x0".parse::<ShortChannelId>().is_err());
    }
}
