//! BOLT 12 "Encoding": the bech32-style string form of offers (`lno`), invoice requests (`lnr`)
//! and invoices (`lni`, used by test suites only): HRP, `1`, 5-bit data, **no checksum**; all
//! lower or all UPPER case; `+` followed by optional white space may join any two characters.
//!
//! <https://github.com/lightning/bolts/blob/master/12-offer-encoding.md#encoding>

use crate::error::{Error, ErrorKind, Result};

const CHARSET: &[u8; 32] = b"qpzry9x8gf2tvdw0s3jn54khce6mua7l";

/// Value + 1 of each lower-case bech32 data character (0: not one), indexed by ASCII code.
// Evaluated at compile time: an index out of range would fail the build, never a run.
#[allow(clippy::indexing_slicing)]
const VALUES: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut i = 0;
    while i < 32 {
        t[CHARSET[i] as usize] = i as u8 + 1;
        i += 1;
    }
    t
};

/// Value of a bech32 data character (lower case), if it is one.
fn char_value(c: u8) -> Option<u8> {
    VALUES.get(usize::from(c)).and_then(|v| v.checked_sub(1))
}

/// Decodes a BOLT 12 string into its human-readable prefix (lower case) and TLV bytes.
/// Error messages name the character position in `s`.
///
/// One pass: `+` joins (and the white space after each) are skipped, the case rule checked and
/// the 5-bit groups packed as they come. The errors keep the precedence of the spec's steps:
/// text errors (characters, joins, case) anywhere first, then the separator and prefix, then the
/// first non-bech32 data character, then the padding.
pub fn decode(s: &str) -> Result<(String, Vec<u8>)> {
    let t = s.trim();
    let lead = s.len() - s.trim_start().len();
    let mut hrp = String::new();
    let mut out = Vec::with_capacity(t.len() * 5 / 8 + 1);
    let (mut acc, mut bits) = (0u32, 0u32);
    let (mut lower, mut upper) = (false, false);
    let (mut kept, mut in_data) = (0usize, false);
    let mut bad_char: Option<(u8, usize)> = None;
    let mut chars = t.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let at = lead + i;
        if c == '+' {
            // Every kept character is ASCII alphanumeric, so only a leading '+' lacks one.
            if kept == 0 {
                return Err(Error::syntax(format!(
                    "'+' at position {at} must follow a bech32 character"
                )));
            }
            while chars.peek().is_some_and(|(_, w)| w.is_whitespace()) {
                chars.next();
            }
            match chars.peek() {
                Some((_, n)) if n.is_ascii_alphanumeric() => {}
                _ => {
                    return Err(Error::syntax(format!(
                        "'+' at position {at} must be followed by a bech32 character"
                    )))
                }
            }
            continue;
        }
        if !c.is_ascii_alphanumeric() {
            return Err(Error::syntax(format!("invalid character {c:?} at position {at}")));
        }
        lower |= c.is_ascii_lowercase();
        upper |= c.is_ascii_uppercase();
        if lower && upper {
            return Err(Error::syntax(format!(
                "mixed case at position {at}: use all lower or all UPPER case"
            )));
        }
        kept += 1;
        let c = c.to_ascii_lowercase() as u8;
        if !in_data {
            if c == b'1' {
                in_data = true;
            } else {
                hrp.push(char::from(c));
            }
            continue;
        }
        if bad_char.is_some() {
            continue;
        }
        let Some(v) = char_value(c) else {
            bad_char = Some((c, at));
            continue;
        };
        acc = ((acc << 5) | u32::from(v)) & 0xfff;
        bits += 5;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    if !in_data {
        return Err(Error::syntax("no '1' separator after the human-readable prefix"));
    }
    if hrp.is_empty() {
        return Err(Error::syntax("empty human-readable prefix"));
    }
    if let Some((c, at)) = bad_char {
        return Err(Error::syntax(format!(
            "invalid bech32 character {:?} at position {at}",
            char::from(c)
        )));
    }
    // Leftover bits are padding: fewer than 5 of them, all zero (BIP 173 convertbits rules).
    if bits >= 5 {
        return Err(Error::new(
            ErrorKind::Syntax,
            format!("invalid bech32 padding: {bits} leftover bits (at most 4)"),
        ));
    }
    if acc & ((1 << bits) - 1) != 0 {
        return Err(Error::syntax("invalid bech32 padding: non-zero padding bits"));
    }
    Ok((hrp, out))
}

/// Encodes TLV bytes as a lower-case BOLT 12 string with prefix `hrp` (no `+` joins).
pub fn encode(hrp: &str, data: &[u8]) -> String {
    let mut s = String::with_capacity(hrp.len() + 1 + data.len() * 8 / 5 + 1);
    s.push_str(hrp);
    s.push('1');
    let (mut acc, mut bits) = (0u32, 0u32);
    let mut push = |v: u32| {
        if let Some(&c) = CHARSET.get((v & 31) as usize) {
            s.push(c as char);
        }
    };
    for &b in data {
        acc = ((acc << 8) | u32::from(b)) & 0xffff;
        bits += 8;
        while bits >= 5 {
            bits -= 5;
            push(acc >> bits);
        }
    }
    if bits > 0 {
        push(acc << (5 - bits));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roundtrip_and_joins() {
        for n in 0..40u8 {
            let data: Vec<u8> = (0..n).map(|i| i.wrapping_mul(37)).collect();
            let s = encode("lno", &data);
            assert_eq!(decode(&s).unwrap(), ("lno".to_string(), data.clone()));
            assert_eq!(decode(&s.to_uppercase()).unwrap().1, data);
        }
        assert_eq!(decode("l+no1qq").unwrap().0, "lno");
        assert!(decode("lno1qq+").is_err());
        assert!(decode("lno1q++q").is_err());
        let e = decode("lno1qqb").unwrap_err().to_string();
        assert!(e.contains("position 6"), "{e}");
    }
}
