//! BOLT 3 "Transactions": plain values in, a `bitcoin::Transaction` plus what a user needs to
//! check it out (each output's role, script and amount; txid, weight, fee).
//!
//! | module | implements |
//! |---|---|
//! | [`scripts`] | BOLT 3 "Transaction Output" scripts: funding, to_local, to_remote, anchors, HTLCs |
//! | [`weight`] | BOLT 3 "Fees": expected weights, fee and trimming rules |
//! | [`commitment`] | BOLT 3 "Commitment Transaction" (+ zero-fee-commitments, bolts#1228) |
//! | [`htlc`] | BOLT 3 "HTLC-Timeout and HTLC-Success Transactions" |
//! | [`funding`] | BOLT 3 "Funding Transaction Output" and Appendix B/G funding transactions |
//! | [`close`] | BOLT 3 "Legacy Closing Transaction" and "Closing Transaction" (`option_simple_close`) |
//! | [`sweep`] | BOLT 5 claims of commitment outputs and penalty transactions |
//! | [`json`] | JSON forms of basepoints, secrets and commitment specs |
//! | [`build`] | JSON spec → built (and signed) transactions with reports |
//! | [`inspect`] | decoding a transaction back into commitment number and output roles |
//! | [`taproot`] | bolts#995 simple taproot channels: scripts, commitment, HTLC txs, MuSig2 signing |
//! | [`factory`] | SuperScalar / timeout-tree factory layouts (notes §5) |
//! | [`recover`] | spurious force-close recovery through the revocation path (notes §6) |
//! | [`sign`] | BIP 143 signature hashes and ECDSA signatures as BOLT 3 uses them |

pub mod build;
pub mod close;
pub mod commitment;
pub mod factory;
pub mod funding;
pub mod htlc;
pub mod inspect;
pub mod json;
pub mod recover;
pub mod scripts;
pub mod sign;
pub mod sweep;
pub mod taproot;
pub mod weight;

use bitcoin::transaction::Version;

pub use commitment::{
    obscuring_factor, Basepoints, Commitment, CommitmentKeys, CommitmentOutput, CommitmentSpec,
    Htlc, HtlcDirection, OutputRole, Side,
};
pub use htlc::{HtlcTx, HtlcTxKind};

/// The commitment format a channel uses (BOLT 2 `channel_type`, BOLT 9 feature bits).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ChannelType {
    /// `option_static_remotekey` (bit 12): no anchors, HTLC transactions pay their own fee.
    StaticRemoteKey,
    /// `option_anchors` (bit 22, formerly `option_anchors_zero_fee_htlc_tx`): two keyed
    /// 330-sat anchors, 1-block CSV on to_remote and HTLC outputs, zero-fee HTLC transactions.
    Anchors,
    /// `zero_fee_commitments` (bit 40, bolts#1228): version 3 (TRUC), no fee, one shared
    /// pay-to-anchor output holding trimmed value up to 240 sat.
    ZeroFeeCommitments,
    /// `option_simple_taproot` (bits 80/81, staging 180/181; bolts#995): MuSig2 key-path
    /// funding, tapscript outputs, two keyed P2TR anchors, zero-fee HTLC transactions with
    /// BIP-340 signatures. Built by [`taproot`], not by [`Commitment::build`].
    SimpleTaproot,
}

impl ChannelType {
    /// Every type, in feature-bit order.
    pub const ALL: [ChannelType; 4] = [
        ChannelType::StaticRemoteKey,
        ChannelType::Anchors,
        ChannelType::ZeroFeeCommitments,
        ChannelType::SimpleTaproot,
    ];

    /// The spec's name of the feature.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            ChannelType::StaticRemoteKey => "static_remotekey",
            ChannelType::Anchors => "anchors",
            ChannelType::ZeroFeeCommitments => "zero_fee_commitments",
            ChannelType::SimpleTaproot => "simple_taproot",
        }
    }

    /// Parses [`ChannelType::name`] (also `option_`-prefixed spellings).
    pub fn from_name(name: &str) -> crate::Result<Self> {
        let bare = name.strip_prefix("option_").unwrap_or(name);
        match bare {
            "static_remotekey" => Ok(ChannelType::StaticRemoteKey),
            "anchors" | "anchors_zero_fee_htlc_tx" => Ok(ChannelType::Anchors),
            "zero_fee_commitments" => Ok(ChannelType::ZeroFeeCommitments),
            "simple_taproot" | "simple_taproot_staging" | "simple_taproot_channels" => {
                Ok(ChannelType::SimpleTaproot)
            }
            _ => Err(crate::Error::invalid(format!("unknown channel type {name:?}"))),
        }
    }

    /// Version of commitment and HTLC transactions: 3 (TRUC) for zero-fee commitments.
    #[must_use]
    pub fn tx_version(self) -> Version {
        match self {
            ChannelType::ZeroFeeCommitments => Version::non_standard(3),
            ChannelType::StaticRemoteKey | ChannelType::Anchors | ChannelType::SimpleTaproot => {
                Version::TWO
            }
        }
    }

    /// Whether HTLC and to_remote outputs carry the `1 OP_CSV` that keeps them from being
    /// spent in the same package as the commitment (only the keyed-anchor format needs it;
    /// TRUC already limits the package; the taproot leaves carry it too).
    #[must_use]
    pub fn csv_on_htlcs(self) -> bool {
        matches!(self, ChannelType::Anchors | ChannelType::SimpleTaproot)
    }

    /// Whether outputs are taproot (the segwit-v0 builders refuse this type).
    #[must_use]
    pub fn is_taproot(self) -> bool {
        self == ChannelType::SimpleTaproot
    }

    /// Whether HTLC transactions pay no fee and the remote signs them with
    /// `SIGHASH_SINGLE|SIGHASH_ANYONECANPAY` so the holder can attach fee inputs.
    #[must_use]
    pub fn zero_fee_htlc_tx(self) -> bool {
        self != ChannelType::StaticRemoteKey
    }
}

impl std::fmt::Display for ChannelType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}
