//! BOLT 3 "Fees": expected weights of commitment and HTLC transactions, the fee formula and the
//! trimming rule ("Trimmed Outputs"), including the `zero_fee_commitments` variants (bolts#1228).

use super::ChannelType;
use crate::{Error, Result};

/// Commitment weight without HTLC outputs, no anchors (both main outputs, 73-byte signatures).
pub const COMMITMENT_WEIGHT: u64 = 724;
/// Commitment weight without HTLC outputs with `option_anchors` (two extra P2WSH outputs).
pub const COMMITMENT_WEIGHT_ANCHORS: u64 = 1124;
/// Commitment weight without HTLC outputs for zero-fee commitments: the 724 base plus one
/// 13-byte P2A output (52 WU). Derived by us; the fee is 0 so only reports use it.
pub const COMMITMENT_WEIGHT_ZERO_FEE: u64 = 776;
/// Weight each untrimmed HTLC output adds to a commitment.
pub const HTLC_OUTPUT_WEIGHT: u64 = 172;
/// HTLC-timeout weight without / with `option_anchors`.
pub const HTLC_TIMEOUT_WEIGHT: u64 = 663;
/// HTLC-timeout weight with `option_anchors`.
pub const HTLC_TIMEOUT_WEIGHT_ANCHORS: u64 = 666;
/// HTLC-success weight without anchors (really 702, kept for history per the spec).
pub const HTLC_SUCCESS_WEIGHT: u64 = 703;
/// HTLC-success weight with `option_anchors` (really 705).
pub const HTLC_SUCCESS_WEIGHT_ANCHORS: u64 = 706;
/// Value of each keyed anchor output (`option_anchors`).
pub const ANCHOR_OUTPUT_SAT: u64 = 330;
/// Maximum value of the shared P2A anchor (its dust threshold); above it the rest is fee.
pub const SHARED_ANCHOR_MAX_SAT: u64 = 240;
/// `max_accepted_htlcs` bound per direction for zero-fee commitments (TRUC 10 000 vB).
pub const MAX_HTLCS_ZERO_FEE: usize = 114;
/// `max_accepted_htlcs` bound per direction otherwise (BOLT 2).
pub const MAX_HTLCS: usize = 483;

/// `fee = feerate_per_kw * weight / 1000`, rounded down.
pub fn fee_sat(feerate_per_kw: u32, weight: u64) -> Result<u64> {
    u64::from(feerate_per_kw)
        .checked_mul(weight)
        .map(|x| x / 1000)
        .ok_or_else(|| Error::invalid("fee overflows").within("feerate_per_kw"))
}

/// Commitment weight before HTLC outputs.
#[must_use]
pub fn commitment_base_weight(channel_type: ChannelType) -> u64 {
    match channel_type {
        ChannelType::StaticRemoteKey => COMMITMENT_WEIGHT,
        ChannelType::Anchors => COMMITMENT_WEIGHT_ANCHORS,
        ChannelType::ZeroFeeCommitments => COMMITMENT_WEIGHT_ZERO_FEE,
        ChannelType::SimpleTaproot => super::taproot::COMMITMENT_WEIGHT,
    }
}

/// Expected commitment weight with `untrimmed_htlcs` HTLC outputs.
pub fn commitment_weight(channel_type: ChannelType, untrimmed_htlcs: usize) -> Result<u64> {
    (untrimmed_htlcs as u64)
        .checked_mul(HTLC_OUTPUT_WEIGHT)
        .and_then(|w| w.checked_add(commitment_base_weight(channel_type)))
        .ok_or_else(|| Error::invalid("too many HTLCs"))
}

/// Expected HTLC-timeout weight.
#[must_use]
pub fn htlc_timeout_weight(channel_type: ChannelType) -> u64 {
    match channel_type {
        ChannelType::StaticRemoteKey => HTLC_TIMEOUT_WEIGHT,
        _ => HTLC_TIMEOUT_WEIGHT_ANCHORS,
    }
}

/// Expected HTLC-success weight.
#[must_use]
pub fn htlc_success_weight(channel_type: ChannelType) -> u64 {
    match channel_type {
        ChannelType::StaticRemoteKey => HTLC_SUCCESS_WEIGHT,
        _ => HTLC_SUCCESS_WEIGHT_ANCHORS,
    }
}

/// Fee an HTLC-timeout transaction pays: 0 when HTLC transactions are zero-fee.
pub fn htlc_timeout_fee_sat(channel_type: ChannelType, feerate_per_kw: u32) -> Result<u64> {
    if channel_type.zero_fee_htlc_tx() {
        return Ok(0);
    }
    fee_sat(feerate_per_kw, htlc_timeout_weight(channel_type))
}

/// Fee an HTLC-success transaction pays: 0 when HTLC transactions are zero-fee.
pub fn htlc_success_fee_sat(channel_type: ChannelType, feerate_per_kw: u32) -> Result<u64> {
    if channel_type.zero_fee_htlc_tx() {
        return Ok(0);
    }
    fee_sat(feerate_per_kw, htlc_success_weight(channel_type))
}

/// "Trimmed Outputs": an HTLC is left out of the commitment when its whole-satoshi amount minus
/// the fee of the HTLC transaction spending it is below the holder's dust limit.
pub fn is_trimmed(
    channel_type: ChannelType,
    offered: bool,
    amount_msat: u64,
    dust_limit_sat: u64,
    feerate_per_kw: u32,
) -> Result<bool> {
    let fee = if offered {
        htlc_timeout_fee_sat(channel_type, feerate_per_kw)?
    } else {
        htlc_success_fee_sat(channel_type, feerate_per_kw)?
    };
    let threshold =
        dust_limit_sat.checked_add(fee).ok_or_else(|| Error::invalid("dust limit overflows"))?;
    // An HTLC worth 0 sat never gets an output, whatever the dust limit.
    Ok(amount_msat / 1000 < threshold.max(1))
}
