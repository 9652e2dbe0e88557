//! `--network` names, `bitcoin::Network`, and BOLT chain hashes (BOLT 0 "chain_hash": the
//! genesis block hash in internal byte order).
//!
//! <https://github.com/lightning/bolts/blob/master/00-introduction.md#glossary-and-terminology-guide>

use bitcoin::constants::ChainHash;
use bitcoin::Network;

use crate::error::Error;

/// Every network name the tools accept, in help order.
pub const NAMES: [&str; 5] = ["bitcoin", "testnet", "testnet4", "signet", "regtest"];

/// Parses a network name (`mainnet` is accepted for `bitcoin`).
pub fn parse(name: &str) -> Result<Network, Error> {
    match name.trim().to_ascii_lowercase().as_str() {
        "bitcoin" | "mainnet" => Ok(Network::Bitcoin),
        "testnet" | "testnet3" => Ok(Network::Testnet),
        "testnet4" => Ok(Network::Testnet4),
        "signet" => Ok(Network::Signet),
        "regtest" => Ok(Network::Regtest),
        other => Err(Error::syntax(format!("unknown network {other:?}"))),
    }
}

/// Our name for a network.
pub fn name(n: Network) -> &'static str {
    NAMES.into_iter().find(|s| parse(s) == Ok(n)).unwrap_or("regtest")
}

/// The BOLT `chain_hash` bytes of a network.
pub fn chain_hash(n: Network) -> [u8; 32] {
    ChainHash::using_genesis_block(n).to_bytes()
}

/// The network whose chain hash is `h`, if any of ours.
pub fn from_chain_hash(h: &[u8]) -> Option<Network> {
    NAMES.iter().filter_map(|s| parse(s).ok()).find(|&n| chain_hash(n).as_slice() == h)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mainnet_chain_hash_is_genesis_in_wire_order() {
        assert_eq!(
            hex::encode(chain_hash(Network::Bitcoin)),
            "6fe28c0ab6f1b372c1a6a246ae63f74f931e8365e15a089c68d6190000000000"
        );
        for n in NAMES {
            let net = parse(n).unwrap();
            assert_eq!(from_chain_hash(&chain_hash(net)), Some(net));
            assert_eq!(name(net), n);
        }
    }
}
