//! CPFP child of a commitment (spec notes §4; BOLT 3 anchors, bolts#1228 `shared_anchor`, BIP 431
//! child limit, BIP 433 P2A spend): spends the anchor (keyless P2A with an empty witness, or a
//! keyed `option_anchors` anchor) plus wallet inputs so the *package* parent + child reaches a
//! target feerate. Signs P2WPKH and taproot key-path wallet inputs, or leaves them to a PSBT.

use bitcoin::absolute::LockTime;
use bitcoin::hashes::Hash;
use bitcoin::key::{Keypair, TapTweak};
use bitcoin::psbt::Psbt;
use bitcoin::secp256k1::{Message, PublicKey, Secp256k1, SecretKey};
use bitcoin::sighash::{EcdsaSighashType, Prevouts, SighashCache, TapSighashType};
use bitcoin::transaction::Version;
use bitcoin::{
    Amount, CompressedPublicKey, OutPoint, ScriptBuf, Sequence, Transaction, TxIn, TxOut, Witness,
};

use super::rules::{self, is_p2a};
use super::{fee_at, TRUC_CHILD_MAX_VSIZE, TRUC_VERSION};
use crate::{Error, Result};

/// Which anchor of the parent the child spends.
#[derive(Debug, Clone)]
pub enum Anchor {
    /// The keyless pay-to-anchor output (zero-fee commitments, bolts#1228).
    P2a,
    /// A keyed `option_anchors` anchor, signed with this funding key.
    Keyed(SecretKey),
}

/// A wallet coin that may fund the child.
#[derive(Debug, Clone)]
pub struct WalletUtxo {
    /// Where it is.
    pub outpoint: OutPoint,
    /// Its value and script (P2WPKH or P2TR).
    pub txout: TxOut,
    /// The key that spends it (P2TR: the internal key, key path, no script tree).
    pub key: Option<SecretKey>,
}

/// What to build.
#[derive(Debug, Clone)]
pub struct CpfpRequest {
    /// The commitment (or any tx with an anchor).
    pub parent: Transaction,
    /// The parent's own fee (0 for a zero-fee commitment).
    pub parent_fee: u64,
    /// Which anchor to spend.
    pub anchor: Anchor,
    /// Candidate wallet coins, largest used first.
    pub utxos: Vec<WalletUtxo>,
    /// Target package feerate, sat/kvB.
    pub target_feerate: u64,
    /// Where change goes (default: the script of the first wallet coin used).
    pub change_script: Option<ScriptBuf>,
    /// `-dustrelayfee` for the change output, sat/kvB.
    pub dust_relay_feerate: u64,
    /// Sign wallet inputs (else they are left to the PSBT).
    pub sign: bool,
}

/// The built child and its numbers.
#[derive(Debug, Clone)]
pub struct CpfpPlan {
    /// The child (fully signed when `sign`, else with only the anchor witness).
    pub child: Transaction,
    /// The PSBT when not signing.
    pub psbt: Option<Psbt>,
    /// Anchor output index in the parent and its value.
    pub anchor_vout: u32,
    /// Anchor value, sat.
    pub anchor_value: u64,
    /// Wallet coins used.
    pub wallet_inputs: usize,
    /// Parent vsize.
    pub parent_vsize: u64,
    /// Child vsize used for the fee (the signed child is at most this).
    pub child_vsize: u64,
    /// Child fee, sat.
    pub child_fee: u64,
    /// Change value (None: no change output).
    pub change: Option<u64>,
}

impl CpfpPlan {
    /// Package fee (parent + child).
    pub fn package_fee(&self, parent_fee: u64) -> u64 {
        parent_fee.saturating_add(self.child_fee)
    }
}

/// Non-witness bytes of an input (outpoint, empty scriptSig length, sequence).
const INPUT_BASE_WU: u64 = 41 * 4;
/// Witness of a P2WPKH spend at most: count, 72-byte signature, 33-byte key.
const P2WPKH_WITNESS_WU: u64 = 1 + 1 + 72 + 1 + 33;
/// Witness of a taproot key-path spend with SIGHASH_DEFAULT.
const P2TR_WITNESS_WU: u64 = 1 + 1 + 64;
/// Witness of a keyed anchor spend: count, signature, 40-byte script (LDK's 115).
const KEYED_ANCHOR_WITNESS_WU: u64 = 1 + 1 + 72 + 1 + 40;
/// The OP_RETURN a child without change carries: 3 bytes of payload keep a P2A-only child at
/// the 65-byte non-witness floor.
const NO_CHANGE_SCRIPT: [u8; 5] = [0x6a, 0x03, 0x00, 0x00, 0x00];

fn wallet_witness_wu(spk: &ScriptBuf) -> Result<u64> {
    if spk.is_p2wpkh() {
        Ok(P2WPKH_WITNESS_WU)
    } else if spk.is_p2tr() {
        Ok(P2TR_WITNESS_WU)
    } else {
        Err(Error::invalid(format!(
            "wallet coin script {} is neither P2WPKH nor P2TR",
            spk.to_hex_string()
        )))
    }
}

fn output_wu(spk_len: usize) -> u64 {
    (8 + 1 + spk_len as u64) * 4
}

fn estimate_weight(inputs_witness: &[u64], output_script_lens: &[usize]) -> u64 {
    let counts = 4 + 4 + 1 + 1; // version, locktime, input and output counts (< 253)
    let mut w = counts * 4 + 2; // + segwit marker and flag
    for wit in inputs_witness {
        w += INPUT_BASE_WU + wit;
    }
    for l in output_script_lens {
        w += output_wu(*l);
    }
    w
}

fn keyed_anchor_script(key: &SecretKey) -> ScriptBuf {
    let pk = PublicKey::from_secret_key(&Secp256k1::signing_only(), key);
    crate::tx::scripts::anchor_script(&pk)
}

/// The child's fee: what the package lacks for the target, and never less than the target on
/// the child's own vsize (a parent that pays for itself is accepted alone, and the child is
/// then judged alone).
fn child_fee(req: &CpfpRequest, parent_vsize: u64, child_vsize: u64) -> u64 {
    let package =
        fee_at(req.target_feerate, parent_vsize + child_vsize).saturating_sub(req.parent_fee);
    package.max(fee_at(req.target_feerate, child_vsize))
}

/// Builds the child. Errors when the anchor is missing, the wallet coins do not cover the fee,
/// a key does not match its coin, or a TRUC child would exceed 1 000 vB.
pub fn build(req: &CpfpRequest) -> Result<CpfpPlan> {
    let parent = &req.parent;
    let parent_txid = parent.compute_txid();
    let legacy_sigops = parent.total_sigop_cost(|_| None) as u64;
    let parent_vsize = rules::sigop_adjusted_vsize(parent.weight().to_wu(), legacy_sigops);
    let (anchor_index, anchor_out, anchor_witness_wu, anchor_script) = match &req.anchor {
        Anchor::P2a => {
            let (i, o) = parent
                .output
                .iter()
                .enumerate()
                .find(|(_, o)| is_p2a(&o.script_pubkey))
                .ok_or_else(|| Error::invalid("the parent has no pay-to-anchor output"))?;
            (i, o, 1, None)
        }
        Anchor::Keyed(k) => {
            let script = keyed_anchor_script(k);
            let spk = ScriptBuf::new_p2wsh(&script.wscript_hash());
            let (i, o) =
                parent.output.iter().enumerate().find(|(_, o)| o.script_pubkey == spk).ok_or_else(
                    || Error::invalid("the parent has no anchor output for this key"),
                )?;
            (i, o, KEYED_ANCHOR_WITNESS_WU, Some(script))
        }
    };
    let anchor_value = anchor_out.value.to_sat();
    let anchor_n = u32::try_from(anchor_index).map_err(|_| Error::invalid("anchor index"))?;
    let v3 = parent.version.0 == TRUC_VERSION;

    let mut utxos = req.utxos.clone();
    utxos.sort_by_key(|u| std::cmp::Reverse(u.txout.value));
    let mut wit = vec![anchor_witness_wu];
    for u in &utxos {
        wit.push(wallet_witness_wu(&u.txout.script_pubkey)?);
    }
    let change_spk =
        req.change_script.clone().or_else(|| utxos.first().map(|u| u.txout.script_pubkey.clone()));

    let mut chosen = None;
    for k in 0..=utxos.len() {
        let total_in = utxos
            .iter()
            .take(k)
            .map(|u| u.txout.value.to_sat())
            .fold(anchor_value, u64::saturating_add);
        let wits = wit.get(..=k).unwrap_or_default();
        // With change first, then without (the excess, below dust, goes to fees).
        if let Some(spk) = &change_spk {
            let vsize = estimate_weight(wits, &[spk.len()]).div_ceil(4);
            let fee = child_fee(req, parent_vsize, vsize);
            let dust = rules::dust_threshold(spk, req.dust_relay_feerate).max(1);
            if total_in >= fee.saturating_add(dust) {
                chosen = Some((k, vsize, fee, Some(total_in - fee)));
                break;
            }
        }
        let vsize = estimate_weight(wits, &[NO_CHANGE_SCRIPT.len()]).div_ceil(4);
        let fee = child_fee(req, parent_vsize, vsize);
        if total_in >= fee {
            chosen = Some((k, vsize, total_in, None));
            break;
        }
    }
    let Some((k, child_vsize, child_fee, change)) = chosen else {
        let all: u64 =
            utxos.iter().map(|u| u.txout.value.to_sat()).fold(anchor_value, u64::saturating_add);
        return Err(Error::rule(format!(
            "the anchor and wallet coins hold {all} sat, not enough for the package feerate"
        )));
    };
    if v3 && child_vsize > TRUC_CHILD_MAX_VSIZE {
        return Err(Error::rule(format!(
            "TRUC-violation: the child would be {child_vsize} vB > {TRUC_CHILD_MAX_VSIZE} vB (BIP 431 rule 5); use fewer, larger coins"
        )));
    }
    let used: Vec<WalletUtxo> = utxos.into_iter().take(k).collect();

    let mut input = vec![TxIn {
        previous_output: OutPoint { txid: parent_txid, vout: anchor_n },
        script_sig: ScriptBuf::new(),
        sequence: Sequence::ENABLE_RBF_NO_LOCKTIME,
        witness: Witness::new(),
    }];
    for u in &used {
        input.push(TxIn {
            previous_output: u.outpoint,
            script_sig: ScriptBuf::new(),
            sequence: Sequence::ENABLE_RBF_NO_LOCKTIME,
            witness: Witness::new(),
        });
    }
    let output = match (change, &change_spk) {
        (Some(v), Some(spk)) => {
            vec![TxOut { value: Amount::from_sat(v), script_pubkey: spk.clone() }]
        }
        _ => vec![TxOut {
            value: Amount::ZERO,
            script_pubkey: ScriptBuf::from_bytes(NO_CHANGE_SCRIPT.to_vec()),
        }],
    };
    let mut child = Transaction {
        version: if v3 { Version(TRUC_VERSION) } else { Version::TWO },
        lock_time: LockTime::ZERO,
        input,
        output,
    };
    let prevouts: Vec<TxOut> =
        std::iter::once(anchor_out.clone()).chain(used.iter().map(|u| u.txout.clone())).collect();

    let secp = Secp256k1::new();
    let mut witnesses: Vec<Witness> = vec![Witness::new(); child.input.len()];
    {
        let mut cache = SighashCache::new(&child);
        if let (Anchor::Keyed(key), Some(script)) = (&req.anchor, &anchor_script) {
            let h = cache
                .p2wsh_signature_hash(0, script, anchor_out.value, EcdsaSighashType::All)
                .map_err(|e| Error::invalid(format!("sighash: {e}")))?;
            let sig = secp.sign_ecdsa_low_r(&Message::from_digest(h.to_byte_array()), key);
            let sig = bitcoin::ecdsa::Signature::sighash_all(sig);
            if let Some(w) = witnesses.first_mut() {
                w.push(sig.to_vec());
                w.push(script.as_bytes());
            }
        }
        if req.sign {
            for (idx, u) in used.iter().enumerate() {
                let n = idx + 1;
                let key = u.key.as_ref().ok_or_else(|| {
                    Error::invalid(format!("no key for wallet coin {}", u.outpoint))
                })?;
                let w = sign_wallet_input(&secp, &mut cache, n, u, key, &prevouts)?;
                if let Some(slot) = witnesses.get_mut(n) {
                    *slot = w;
                }
            }
        }
    }
    for (txin, w) in child.input.iter_mut().zip(witnesses) {
        txin.witness = w;
    }
    let psbt = if req.sign {
        None
    } else {
        let mut unsigned = child.clone();
        for i in &mut unsigned.input {
            i.witness = Witness::new();
        }
        let mut psbt =
            Psbt::from_unsigned_tx(unsigned).map_err(|e| Error::invalid(format!("psbt: {e}")))?;
        for (k, (pin, prev)) in psbt.inputs.iter_mut().zip(prevouts.iter()).enumerate() {
            pin.witness_utxo = Some(prev.clone());
            if k == 0 {
                // The anchor input is final: empty witness (P2A) or our signature (keyed).
                pin.final_script_witness = child.input.first().map(|i| i.witness.clone());
                pin.witness_script.clone_from(&anchor_script);
            }
        }
        Some(psbt)
    };
    Ok(CpfpPlan {
        child,
        psbt,
        anchor_vout: anchor_n,
        anchor_value,
        wallet_inputs: used.len(),
        parent_vsize,
        child_vsize,
        child_fee,
        change,
    })
}

fn sign_wallet_input(
    secp: &Secp256k1<bitcoin::secp256k1::All>,
    cache: &mut SighashCache<&Transaction>,
    n: usize,
    u: &WalletUtxo,
    key: &SecretKey,
    prevouts: &[TxOut],
) -> Result<Witness> {
    let spk = &u.txout.script_pubkey;
    let pk = PublicKey::from_secret_key(secp, key);
    let mismatch =
        || Error::invalid(format!("the key given for {} does not match its script", u.outpoint));
    if spk.is_p2wpkh() {
        if *spk != ScriptBuf::new_p2wpkh(&CompressedPublicKey(pk).wpubkey_hash()) {
            return Err(mismatch());
        }
        let h = cache
            .p2wpkh_signature_hash(n, spk, u.txout.value, EcdsaSighashType::All)
            .map_err(|e| Error::invalid(format!("sighash: {e}")))?;
        let sig = secp.sign_ecdsa_low_r(&Message::from_digest(h.to_byte_array()), key);
        let sig = bitcoin::ecdsa::Signature::sighash_all(sig);
        let mut w = Witness::new();
        w.push(sig.to_vec());
        w.push(pk.serialize());
        Ok(w)
    } else if spk.is_p2tr() {
        let (xonly, _) = pk.x_only_public_key();
        if *spk != ScriptBuf::new_p2tr(secp, xonly, None) {
            return Err(mismatch());
        }
        let h = cache
            .taproot_key_spend_signature_hash(n, &Prevouts::All(prevouts), TapSighashType::Default)
            .map_err(|e| Error::invalid(format!("sighash: {e}")))?;
        let tweaked = Keypair::from_secret_key(secp, key).tap_tweak(secp, None).to_keypair();
        let sig = secp.sign_schnorr_no_aux_rand(&Message::from_digest(h.to_byte_array()), &tweaked);
        let mut w = Witness::new();
        w.push(sig.as_ref());
        Ok(w)
    } else {
        Err(mismatch())
    }
}

/// Standard base64 (RFC 4648, padded), for PSBTs without another dependency.
pub fn base64(data: &[u8]) -> String {
    const T: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut s = String::with_capacity(data.len().div_ceil(3) * 4);
    for chunk in data.chunks(3) {
        let b = [
            chunk.first().copied().unwrap_or(0),
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for k in 0..4 {
            if k <= chunk.len() {
                let idx = ((n >> (18 - 6 * k)) & 63) as usize;
                s.push(char::from(T.get(idx).copied().unwrap_or(b'A')));
            } else {
                s.push('=');
            }
        }
    }
    s
}
