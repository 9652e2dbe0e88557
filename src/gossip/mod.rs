//! BOLT 7 gossip beyond the wire tables: fast typed views of the three broadcast messages,
//! their signature checks (double-SHA256, ECDSA), stream readers for the file formats gossip is
//! kept in (lnresearch GSP, be16-framed, hex lines, CLN `gossip_store`, CLN
//! `GOSSMAP_COMPRESSv1`), the channel graph with the pruning rule, and the query checksum;
//! the sender-side fee and CLTV arithmetic of the routing example ([`route`]); and gossip v2
//! (taproot gossip, bolts PR #1059) in [`v2`].
//!
//! <https://github.com/lightning/bolts/blob/master/07-routing-gossip.md>

pub mod convert;
pub mod crc32c;
pub mod gossmap;
pub mod graph;
pub mod msg;
pub mod route;
pub mod stream;
pub mod v2;
pub mod verify;

/// `channel_announcement`
pub const CHANNEL_ANNOUNCEMENT: u16 = 256;
/// `node_announcement`
pub const NODE_ANNOUNCEMENT: u16 = 257;
/// `channel_update`
pub const CHANNEL_UPDATE: u16 = 258;

/// BOLT 7 "Pruning the Network View": an update older than two weeks may be pruned.
pub const STALE_AFTER_SECS: u64 = 1_209_600;
