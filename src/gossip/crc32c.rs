//! CRC32C (Castagnoli, RFC 3720 appendix B.4): the `channel_update` checksum of BOLT 7
//! `reply_channel_range` `checksums_tlv`, and CLN's `gossip_store` record check.
//!
//! <https://github.com/lightning/bolts/blob/master/07-routing-gossip.md#the-query_channel_rangereply_channel_range-messages>

const POLY: u32 = 0x82f6_3b78; // reflected Castagnoli polynomial

// A const fn cannot use get_mut; the loop bound keeps `i` in range.
#[allow(clippy::indexing_slicing)]
const fn table() -> [u32; 256] {
    let mut t = [0u32; 256];
    let mut i = 0;
    while i < 256 {
        let mut c = i as u32;
        let mut k = 0;
        while k < 8 {
            c = if c & 1 != 0 { (c >> 1) ^ POLY } else { c >> 1 };
            k += 1;
        }
        t[i] = c;
        i += 1;
    }
    t
}

static TABLE: [u32; 256] = table();

/// Continues a CRC32C from `seed` (0 to start; CLN seeds with the record timestamp).
pub fn crc32c(seed: u32, data: &[u8]) -> u32 {
    let mut c = !seed;
    for &b in data {
        let i = ((c ^ u32::from(b)) & 0xff) as usize;
        c = (c >> 8) ^ TABLE.get(i).copied().unwrap_or(0);
    }
    !c
}

/// BOLT 7 checksum of a whole `channel_update` message (2-byte type included): CRC32C of the
/// message without its type, `signature` and `timestamp`, trailing extensions included.
/// `None` when the message is too short to be a channel_update.
pub fn channel_update_checksum(msg: &[u8]) -> Option<u32> {
    // type(2) sig(64) chain_hash(32) scid(8) | timestamp(4) | rest
    let head = msg.get(66..106)?;
    let tail = msg.get(110..)?;
    Some(crc32c(crc32c(0, head), tail))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc3720_check_value() {
        // RFC 3720 B.4 / iSCSI: CRC32C("123456789") = 0xE3069283.
        assert_eq!(crc32c(0, b"123456789"), 0xe306_9283);
        assert_eq!(crc32c(0, &[0u8; 32]), 0x8a91_36aa);
    }
}
