//! BOLT 7 "HTLC Fees" and "Routing Example": the amounts and CLTV values a sender puts in each
//! hop's `update_add_htlc` / onion payload, worked backwards from the recipient through the
//! forwarding nodes' `channel_update` policies.
//!
//! <https://github.com/lightning/bolts/blob/master/07-routing-gossip.md#htlc-fees>

use crate::error::{Error, Result};

/// The part of a forwarding node's `channel_update` (for its outgoing channel) that prices a hop.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HopPolicy {
    /// Blocks the node subtracts from the incoming HTLC's expiry.
    pub cltv_expiry_delta: u16,
    /// Base fee.
    pub fee_base_msat: u32,
    /// Proportional fee per million.
    pub fee_proportional_millionths: u32,
}

impl HopPolicy {
    /// `fee_base_msat + ( amount_to_forward * fee_proportional_millionths / 1000000 )`, rounded
    /// down as the spec's integer arithmetic does.
    pub fn fee_msat(&self, amount_to_forward: u64) -> Result<u64> {
        let prop = u128::from(amount_to_forward) * u128::from(self.fee_proportional_millionths)
            / 1_000_000;
        u64::try_from(prop)
            .ok()
            .and_then(|p| p.checked_add(u64::from(self.fee_base_msat)))
            .ok_or_else(|| Error::invalid("fee overflows u64"))
    }
}

/// What one hop receives: its `update_add_htlc` and the onion payload it forwards on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hop {
    /// `update_add_htlc.amount_msat` offered to this hop.
    pub amount_msat: u64,
    /// `update_add_htlc.cltv_expiry` offered to this hop.
    pub cltv_expiry: u32,
    /// Onion `amt_to_forward` for this hop.
    pub amt_to_forward: u64,
    /// Onion `outgoing_cltv_value` for this hop.
    pub outgoing_cltv_value: u32,
    /// The fee this hop keeps (0 for the recipient).
    pub fee_msat: u64,
}

/// Works a route backwards. `forwarders` are the policies of the intermediate nodes in path
/// order (each one's update for the channel it forwards over); `final_cltv` is the recipient's
/// expiry (current height + `min_final_cltv_expiry_delta` + any shadow-route extra). Returns one
/// entry per hop after the sender: forwarders first, recipient last.
pub fn hops(forwarders: &[HopPolicy], amount_msat: u64, final_cltv: u32) -> Result<Vec<Hop>> {
    let mut out = vec![Hop {
        amount_msat,
        cltv_expiry: final_cltv,
        amt_to_forward: amount_msat,
        outgoing_cltv_value: final_cltv,
        fee_msat: 0,
    }];
    let (mut amount, mut cltv) = (amount_msat, final_cltv);
    for p in forwarders.iter().rev() {
        let fee = p.fee_msat(amount)?;
        let incoming = amount.checked_add(fee).ok_or_else(|| Error::invalid("amount overflows"))?;
        let incoming_cltv = cltv
            .checked_add(u32::from(p.cltv_expiry_delta))
            .ok_or_else(|| Error::invalid("cltv overflows"))?;
        out.push(Hop {
            amount_msat: incoming,
            cltv_expiry: incoming_cltv,
            amt_to_forward: amount,
            outgoing_cltv_value: cltv,
            fee_msat: fee,
        });
        (amount, cltv) = (incoming, incoming_cltv);
    }
    out.reverse();
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fee_rounds_down_and_overflow_is_an_error() {
        let p =
            HopPolicy { cltv_expiry_delta: 0, fee_base_msat: 1, fee_proportional_millionths: 1 };
        assert_eq!(p.fee_msat(999_999).unwrap(), 1);
        let big = HopPolicy {
            cltv_expiry_delta: u16::MAX,
            fee_base_msat: u32::MAX,
            fee_proportional_millionths: u32::MAX,
        };
        assert!(hops(&[big; 3], u64::MAX / 2, u32::MAX - 1).is_err());
    }
}
