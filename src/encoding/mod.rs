//! BOLT 1 "Fundamental Types" and "Type-Length-Value Format": a byte [`Reader`] that knows its
//! absolute offset, BigSize with the minimal-encoding rule, truncated integers (tu16/tu32/tu64),
//! signed integers, and (in [`tlv`] / [`fields`]) TLV streams driven by declarative tables.
//!
//! <https://github.com/lightning/bolts/blob/master/01-messaging.md#fundamental-types>

pub mod fields;
pub mod point;
pub mod tlv;

use crate::error::{Error, ErrorKind, Result};

/// A cursor over bytes that reports absolute offsets in its errors.
#[derive(Debug, Clone)]
pub struct Reader<'a> {
    data: &'a [u8],
    pos: usize,
    /// Absolute offset of `data[0]` in the outermost input, so nested readers report real offsets.
    base: usize,
}

impl<'a> Reader<'a> {
    /// A reader over `data`, whose first byte is at offset 0.
    pub fn new(data: &'a [u8]) -> Self {
        Reader { data, pos: 0, base: 0 }
    }

    /// A reader over `data`, whose first byte is at absolute offset `base`.
    pub fn with_base(data: &'a [u8], base: usize) -> Self {
        Reader { data, pos: 0, base }
    }

    /// Absolute offset of the next byte.
    pub fn offset(&self) -> usize {
        self.base + self.pos
    }

    /// Bytes not yet read.
    pub fn remaining(&self) -> usize {
        self.data.len().saturating_sub(self.pos)
    }

    /// True when everything has been read.
    pub fn is_empty(&self) -> bool {
        self.remaining() == 0
    }

    /// The unread bytes, without consuming them.
    pub fn rest(&self) -> &'a [u8] {
        self.data.get(self.pos..).unwrap_or(&[])
    }

    /// Reads exactly `n` bytes.
    pub fn bytes(&mut self, n: usize) -> Result<&'a [u8]> {
        let start = self.pos;
        let end = start.checked_add(n).filter(|&e| e <= self.data.len()).ok_or_else(|| {
            Error::new(
                ErrorKind::Truncated,
                format!("truncated: need {n} byte{}, {} left", plural(n), self.remaining()),
            )
            .at(self.offset())
        })?;
        self.pos = end;
        Ok(self.data.get(start..end).unwrap_or(&[]))
    }

    /// Reads a fixed-size array.
    pub fn array<const N: usize>(&mut self) -> Result<[u8; N]> {
        let b = self.bytes(N)?;
        let mut out = [0u8; N];
        out.copy_from_slice(b);
        Ok(out)
    }

    /// Reads everything left.
    pub fn take_rest(&mut self) -> &'a [u8] {
        let r = self.rest();
        self.pos = self.data.len();
        r
    }

    /// A sub-reader over the next `n` bytes (consumed here), keeping absolute offsets.
    pub fn sub(&mut self, n: usize) -> Result<Reader<'a>> {
        let base = self.offset();
        let b = self.bytes(n)?;
        Ok(Reader::with_base(b, base))
    }

    /// `byte`
    pub fn u8(&mut self) -> Result<u8> {
        Ok(self.array::<1>()?[0])
    }

    /// `u16`, big-endian.
    pub fn u16(&mut self) -> Result<u16> {
        Ok(u16::from_be_bytes(self.array()?))
    }

    /// `u32`, big-endian.
    pub fn u32(&mut self) -> Result<u32> {
        Ok(u32::from_be_bytes(self.array()?))
    }

    /// `u64`, big-endian.
    pub fn u64(&mut self) -> Result<u64> {
        Ok(u64::from_be_bytes(self.array()?))
    }

    /// `bigsize`: the minimal-encoding rule is enforced.
    pub fn bigsize(&mut self) -> Result<u64> {
        let at = self.offset();
        let (v, min) = match self.u8()? {
            0xff => (self.u64()?, 0x1_0000_0000),
            0xfe => (u64::from(self.u32()?), 0x1_0000),
            0xfd => (u64::from(self.u16()?), 0xfd),
            b => return Ok(u64::from(b)),
        };
        if v < min {
            return Err(
                Error::new(ErrorKind::NonMinimal, "bigsize is not minimally encoded").at(at)
            );
        }
        Ok(v)
    }

    /// `tu64` (or tu32/tu16 with `max_len` 4/2): all remaining bytes, big-endian, no leading zero.
    pub fn truncated(&mut self, max_len: usize) -> Result<u64> {
        let at = self.offset();
        let b = self.take_rest();
        decode_truncated(b, max_len).map_err(|e| e.at(at))
    }

    /// A signed integer of `N` bytes (s8/s16/s32/s64), two's complement big-endian.
    pub fn signed(&mut self, n: usize) -> Result<i64> {
        let b = self.bytes(n)?;
        Ok(decode_signed(b))
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// Decodes a truncated unsigned integer (`tu16`, `tu32`, `tu64`) from exactly `b`.
pub fn decode_truncated(b: &[u8], max_len: usize) -> Result<u64> {
    if b.len() > max_len {
        return Err(Error::new(
            ErrorKind::Length,
            format!("truncated integer is {} bytes, more than {max_len}", b.len()),
        ));
    }
    if b.first() == Some(&0) {
        return Err(Error::new(ErrorKind::NonMinimal, "truncated integer has a leading zero byte"));
    }
    Ok(b.iter().fold(0u64, |acc, &x| (acc << 8) | u64::from(x)))
}

/// Encodes `v` as a truncated integer (no leading zero bytes; zero is empty).
pub fn encode_truncated(v: u64) -> Vec<u8> {
    let b = v.to_be_bytes();
    let skip = (v.leading_zeros() / 8) as usize;
    b.get(skip..).unwrap_or(&[]).to_vec()
}

/// Decodes two's complement big-endian of any length 1..=8.
pub fn decode_signed(b: &[u8]) -> i64 {
    let neg = b.first().is_some_and(|&x| x & 0x80 != 0);
    let init: i64 = if neg { -1 } else { 0 };
    b.iter().fold(init, |acc, &x| (acc << 8) | i64::from(x))
}

/// Encodes `v` in the smallest of s8/s16/s32/s64 that holds it (BOLT 1 Appendix D).
pub fn encode_signed_minimal(v: i64) -> Vec<u8> {
    let b = v.to_be_bytes();
    let n = if i8::try_from(v).is_ok() {
        1
    } else if i16::try_from(v).is_ok() {
        2
    } else if i32::try_from(v).is_ok() {
        4
    } else {
        8
    };
    b.get(8 - n..).unwrap_or(&[]).to_vec()
}

/// Appends `v` as a BigSize.
pub fn write_bigsize(out: &mut Vec<u8>, v: u64) {
    if v < 0xfd {
        out.push(v as u8);
    } else if v <= 0xffff {
        out.push(0xfd);
        out.extend_from_slice(&(v as u16).to_be_bytes());
    } else if v <= 0xffff_ffff {
        out.push(0xfe);
        out.extend_from_slice(&(v as u32).to_be_bytes());
    } else {
        out.push(0xff);
        out.extend_from_slice(&v.to_be_bytes());
    }
}

/// Length in bytes of `v` encoded as BigSize.
pub fn bigsize_len(v: u64) -> usize {
    match v {
        0..=0xfc => 1,
        0xfd..=0xffff => 3,
        0x1_0000..=0xffff_ffff => 5,
        _ => 9,
    }
}

/// Parses hex leniently: any case, optional `0x`, surrounding and embedded white space.
pub fn parse_hex(s: &str) -> Result<Vec<u8>> {
    let t = s.trim();
    let t = t.strip_prefix("0x").or_else(|| t.strip_prefix("0X")).unwrap_or(t);
    let clean: String = t.chars().filter(|c| !c.is_whitespace()).collect();
    hex::decode(&clean).map_err(|e| {
        let msg = match e {
            hex::FromHexError::InvalidHexCharacter { c, index } => {
                format!("invalid hex character {c:?} at position {index}")
            }
            hex::FromHexError::OddLength => "hex has an odd number of digits".to_string(),
            hex::FromHexError::InvalidStringLength => "hex has an invalid length".to_string(),
        };
        Error::syntax(msg)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncated_roundtrip_edges() {
        for v in [0u64, 1, 255, 256, u64::MAX] {
            let e = encode_truncated(v);
            assert_eq!(decode_truncated(&e, 8).unwrap(), v);
        }
        assert_eq!(decode_truncated(&[0], 8).unwrap_err().kind(), ErrorKind::NonMinimal);
        assert_eq!(decode_truncated(&[1, 2, 3], 2).unwrap_err().kind(), ErrorKind::Length);
    }

    #[test]
    fn reader_offsets_are_absolute() {
        let data = [0u8, 1, 2, 3];
        let mut r = Reader::new(&data);
        r.u8().unwrap();
        let mut s = r.sub(2).unwrap();
        s.u16().unwrap();
        assert_eq!(s.u8().unwrap_err().offset(), Some(3));
    }

    #[test]
    fn hex_is_lenient() {
        assert_eq!(parse_hex(" 0xAb cd\n").unwrap(), vec![0xab, 0xcd]);
        assert!(parse_hex("abc").is_err());
    }
}
