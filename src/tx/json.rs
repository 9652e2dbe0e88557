//! JSON forms of the BOLT 3 inputs: channel basepoints and their secrets (BOLT 2
//! `open_channel` / `accept_channel` names), per-commitment points from a shachain seed (BOLT 3
//! "Per-commitment Secret Requirements"), and the commitment specification ("Commitment
//! Transaction"), as `ln-commit build --spec` and `inspect --keys` read them.
//!
//! Every field error names its JSON path.

#![allow(clippy::many_single_char_names)]

use std::str::FromStr;

use bitcoin::hashes::{sha256, Hash};
use bitcoin::secp256k1::{PublicKey, SecretKey};
use bitcoin::{OutPoint, ScriptBuf, Txid};
use serde_json::{Map, Value};

use super::commitment::{
    obscuring_factor, Basepoints, CommitmentKeys, CommitmentSpec, Htlc, HtlcDirection, Side,
};
use super::inspect::{HtlcHint, KeyCandidate};
use super::ChannelType;
use crate::crypto::{keys, shachain};
use crate::{Error, Result};

/// `(payment_hash, payment_preimage)` pairs.
pub type Preimages = Vec<([u8; 32], [u8; 32])>;

/// Most HTLCs a spec may list (both directions at the BOLT 2 maximum).
pub const MAX_SPEC_HTLCS: usize = 2 * 483;

/// A JSON object with its path, for field access with located errors.
#[derive(Clone, Copy)]
pub struct Obj<'a> {
    map: &'a Map<String, Value>,
    path: &'a str,
}

impl<'a> Obj<'a> {
    /// Wraps `v`, which must be an object.
    pub fn new(v: &'a Value, path: &'a str) -> Result<Self> {
        v.as_object()
            .map(|map| Obj { map, path })
            .ok_or_else(|| Error::syntax("must be a JSON object").within(path))
    }

    fn err(&self, key: &str, msg: &str) -> Error {
        let p = if self.path.is_empty() { key.to_string() } else { format!("{}.{key}", self.path) };
        Error::invalid(msg.to_string()).within(p)
    }

    /// The raw value.
    #[must_use]
    pub fn get(&self, key: &str) -> Option<&'a Value> {
        self.map.get(key).filter(|v| !v.is_null())
    }

    /// A sub-object, if present.
    pub fn obj(&self, key: &'a str) -> Result<Option<Obj<'a>>> {
        match self.get(key) {
            None => Ok(None),
            Some(v) => v
                .as_object()
                .map(|map| Some(Obj { map, path: key }))
                .ok_or_else(|| self.err(key, "must be an object")),
        }
    }

    /// An optional string.
    pub fn opt_str(&self, key: &str) -> Result<Option<&'a str>> {
        match self.get(key) {
            None => Ok(None),
            Some(v) => v.as_str().map(Some).ok_or_else(|| self.err(key, "must be a string")),
        }
    }

    /// A required string.
    pub fn str(&self, key: &str) -> Result<&'a str> {
        self.opt_str(key)?.ok_or_else(|| self.err(key, "missing"))
    }

    /// An optional unsigned integer (a JSON number or a decimal string).
    pub fn opt_u64(&self, key: &str) -> Result<Option<u64>> {
        match self.get(key) {
            None => Ok(None),
            Some(Value::String(s)) => {
                s.parse().map(Some).map_err(|_| self.err(key, "must be an unsigned integer"))
            }
            Some(v) => {
                v.as_u64().map(Some).ok_or_else(|| self.err(key, "must be an unsigned integer"))
            }
        }
    }

    /// A required unsigned integer.
    pub fn u64(&self, key: &str) -> Result<u64> {
        self.opt_u64(key)?.ok_or_else(|| self.err(key, "missing"))
    }

    /// A required integer that fits `T`.
    pub fn int<T: TryFrom<u64>>(&self, key: &str) -> Result<T> {
        T::try_from(self.u64(key)?).map_err(|_| self.err(key, "out of range"))
    }

    /// An optional integer that fits `T`.
    pub fn opt_int<T: TryFrom<u64>>(&self, key: &str) -> Result<Option<T>> {
        self.opt_u64(key)?
            .map(|x| T::try_from(x).map_err(|_| self.err(key, "out of range")))
            .transpose()
    }

    /// An optional boolean.
    pub fn opt_bool(&self, key: &str) -> Result<Option<bool>> {
        match self.get(key) {
            None => Ok(None),
            Some(v) => v.as_bool().map(Some).ok_or_else(|| self.err(key, "must be true or false")),
        }
    }

    /// Optional hex bytes.
    pub fn opt_hex(&self, key: &str) -> Result<Option<Vec<u8>>> {
        self.opt_str(key)?
            .map(|s| crate::encoding::parse_hex(s).map_err(|e| e.within(self.field(key))))
            .transpose()
    }

    fn field(&self, key: &str) -> String {
        if self.path.is_empty() {
            key.to_string()
        } else {
            format!("{}.{key}", self.path)
        }
    }

    /// Optional hex of exactly `N` bytes.
    pub fn opt_arr<const N: usize>(&self, key: &str) -> Result<Option<[u8; N]>> {
        self.opt_hex(key)?
            .map(|b| {
                <[u8; N]>::try_from(b.as_slice())
                    .map_err(|_| self.err(key, &format!("must be {N} bytes of hex")))
            })
            .transpose()
    }

    /// A required 32-byte hex value.
    pub fn arr32(&self, key: &str) -> Result<[u8; 32]> {
        self.opt_arr::<32>(key)?.ok_or_else(|| self.err(key, "missing"))
    }

    /// An optional public key.
    pub fn opt_pubkey(&self, key: &str) -> Result<Option<PublicKey>> {
        self.opt_hex(key)?
            .map(|b| PublicKey::from_slice(&b).map_err(|_| self.err(key, "not a valid public key")))
            .transpose()
    }

    /// A required public key.
    pub fn pubkey(&self, key: &str) -> Result<PublicKey> {
        self.opt_pubkey(key)?.ok_or_else(|| self.err(key, "missing"))
    }

    /// An optional secret key (32 bytes; the spec's trailing `01` marker is accepted).
    pub fn opt_secret(&self, key: &str) -> Result<Option<SecretKey>> {
        self.opt_hex(key)?
            .map(|b| {
                let b = match b.as_slice() {
                    [head @ .., 1] if head.len() == 32 => head.to_vec(),
                    _ => b,
                };
                SecretKey::from_slice(&b).map_err(|_| self.err(key, "not a valid secret key"))
            })
            .transpose()
    }

    /// Optional script hex.
    pub fn opt_script(&self, key: &str) -> Result<Option<ScriptBuf>> {
        Ok(self.opt_hex(key)?.map(ScriptBuf::from_bytes))
    }

    /// A required script.
    pub fn script(&self, key: &str) -> Result<ScriptBuf> {
        self.opt_script(key)?.ok_or_else(|| self.err(key, "missing"))
    }

    /// A required txid (display order hex).
    pub fn txid(&self, key: &str) -> Result<Txid> {
        Txid::from_str(self.str(key)?).map_err(|_| self.err(key, "not a txid"))
    }

    /// An optional array.
    pub fn opt_array(&self, key: &str, max: usize) -> Result<Option<&'a Vec<Value>>> {
        match self.get(key) {
            None => Ok(None),
            Some(Value::Array(a)) if a.len() <= max => Ok(Some(a)),
            Some(Value::Array(_)) => Err(self.err(key, &format!("more than {max} entries"))),
            Some(_) => Err(self.err(key, "must be an array")),
        }
    }

    /// The field's path for messages.
    #[must_use]
    pub fn path_of(&self, key: &str) -> String {
        self.field(key)
    }
}

/// One side's basepoints and whatever secrets were given for them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SideKeys {
    /// Public basepoints.
    pub basepoints: Basepoints,
    /// `funding_privkey`.
    pub funding_secret: Option<SecretKey>,
    /// `revocation_basepoint_secret`.
    pub revocation_secret: Option<SecretKey>,
    /// `payment_basepoint_secret`.
    pub payment_secret: Option<SecretKey>,
    /// `delayed_payment_basepoint_secret`.
    pub delayed_payment_secret: Option<SecretKey>,
    /// `htlc_basepoint_secret`.
    pub htlc_secret: Option<SecretKey>,
    /// `per_commitment_secret` of this side's commitment.
    pub per_commitment_secret: Option<SecretKey>,
    /// `per_commitment_point` of this side's commitment.
    pub per_commitment_point: Option<PublicKey>,
    /// `shachain_seed` generating this side's per-commitment secrets.
    pub shachain_seed: Option<[u8; 32]>,
    /// `musig2_secnonce`: BIP-327 secret nonce (97 bytes) for a taproot commitment signature.
    pub musig2_secnonce: Option<[u8; 97]>,
    /// `musig2_pubnonce`: this side's public nonce (66 bytes).
    pub musig2_pubnonce: Option<[u8; 66]>,
    /// `musig2_partial_sig`: this side's partial signature, standing in for its key.
    pub musig2_partial_sig: Option<[u8; 32]>,
}

fn point_or_secret(
    o: &Obj<'_>,
    point_key: &str,
    secret_key: &str,
) -> Result<(PublicKey, Option<SecretKey>)> {
    let secret = o.opt_secret(secret_key)?;
    let given = o.opt_pubkey(point_key)?;
    match (given, secret) {
        (Some(p), Some(s)) if keys::per_commitment_point(&s) != p => Err(Error::invalid(format!(
            "{} does not match {}",
            o.path_of(secret_key),
            o.path_of(point_key)
        ))),
        (Some(p), s) => Ok((p, s)),
        (None, Some(s)) => Ok((keys::per_commitment_point(&s), Some(s))),
        (None, None) => Err(Error::invalid(format!(
            "missing (give {} or {})",
            o.path_of(point_key),
            o.path_of(secret_key)
        ))),
    }
}

/// Parses a side object: each basepoint as `<name>` (point) or `<name>_secret` (secret).
pub fn side_keys(o: &Obj<'_>) -> Result<SideKeys> {
    let (funding, funding_secret) = point_or_secret(o, "funding_pubkey", "funding_privkey")?;
    let (revocation, revocation_secret) =
        point_or_secret(o, "revocation_basepoint", "revocation_basepoint_secret")?;
    let (payment, payment_secret) =
        point_or_secret(o, "payment_basepoint", "payment_basepoint_secret")?;
    let (delayed_payment, delayed_payment_secret) =
        point_or_secret(o, "delayed_payment_basepoint", "delayed_payment_basepoint_secret")?;
    let (htlc, htlc_secret) = point_or_secret(o, "htlc_basepoint", "htlc_basepoint_secret")?;
    let per_commitment_secret = o.opt_secret("per_commitment_secret")?;
    let mut per_commitment_point = o.opt_pubkey("per_commitment_point")?;
    if let Some(s) = per_commitment_secret {
        let p = keys::per_commitment_point(&s);
        if per_commitment_point.is_some_and(|q| q != p) {
            return Err(Error::invalid("does not match per_commitment_point")
                .within(o.path_of("per_commitment_secret")));
        }
        per_commitment_point = Some(p);
    }
    Ok(SideKeys {
        basepoints: Basepoints { funding, revocation, payment, delayed_payment, htlc },
        funding_secret,
        revocation_secret,
        payment_secret,
        delayed_payment_secret,
        htlc_secret,
        per_commitment_secret,
        per_commitment_point,
        shachain_seed: o.opt_arr::<32>("shachain_seed")?,
        musig2_secnonce: o.opt_arr::<97>("musig2_secnonce")?,
        musig2_pubnonce: o.opt_arr::<66>("musig2_pubnonce")?,
        musig2_partial_sig: o.opt_arr::<32>("musig2_partial_sig")?,
    })
}

impl SideKeys {
    /// The per-commitment secret for `commitment_number`: given, or from the shachain seed.
    pub fn secret_for(&self, commitment_number: u64) -> Result<Option<SecretKey>> {
        if let Some(s) = self.per_commitment_secret {
            return Ok(Some(s));
        }
        let Some(seed) = self.shachain_seed else { return Ok(None) };
        let index = shachain::index_of_commitment(commitment_number)?;
        let bytes = shachain::generate_from_seed(&seed, index)?;
        SecretKey::from_slice(&bytes)
            .map(Some)
            .map_err(|_| Error::invalid("per-commitment secret is not a valid key"))
    }

    /// The per-commitment point for `commitment_number`.
    pub fn point_for(&self, commitment_number: u64) -> Result<PublicKey> {
        if let Some(s) = self.secret_for(commitment_number)? {
            let p = keys::per_commitment_point(&s);
            if self.per_commitment_point.is_some_and(|q| q != p) {
                return Err(Error::invalid("per_commitment_point does not match the secret"));
            }
            return Ok(p);
        }
        self.per_commitment_point.ok_or_else(|| {
            Error::invalid(
                "the holder's per_commitment_point, per_commitment_secret or shachain_seed is needed",
            )
        })
    }
}

/// The parsed commitment spec with the keys and secrets of both sides.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedCommitment {
    /// What [`crate::tx::Commitment::build`] takes.
    pub spec: CommitmentSpec,
    /// The holder's side (whose commitment it is).
    pub holder: Option<SideKeys>,
    /// The counterparty.
    pub counterparty: Option<SideKeys>,
    /// The holder's per-commitment point.
    pub per_commitment_point: Option<PublicKey>,
    /// The holder's per-commitment secret, when known (revoked commitments).
    pub per_commitment_secret: Option<SecretKey>,
    /// Preimages given for HTLCs, by payment hash.
    pub preimages: Preimages,
    /// Whether the holder is the `local` side of the spec.
    pub holder_is_local: bool,
}

fn side_name(s: &str, path: &str) -> Result<bool> {
    match s {
        "local" => Ok(true),
        "remote" => Ok(false),
        _ => Err(Error::invalid(format!("{s:?} is not local or remote")).within(path.to_string())),
    }
}

/// Parses HTLC entries: `direction` (`offered`/`received`, seen from the `local` side),
/// `amount_msat`, `payment_hash` or `payment_preimage`, `cltv_expiry`.
fn htlcs(o: &Obj<'_>, flip: bool) -> Result<(Vec<Htlc>, Preimages)> {
    let mut out = Vec::new();
    let mut preimages = Vec::new();
    for (i, h) in o.opt_array("htlcs", MAX_SPEC_HTLCS)?.into_iter().flatten().enumerate() {
        let path = format!("htlcs[{i}]");
        let ho = Obj::new(h, &path)?;
        let offered = match ho.str("direction").map_err(|e| e.within(path.clone()))? {
            "offered" | "local->remote" => true,
            "received" | "remote->local" => false,
            d => {
                return Err(Error::invalid(format!("direction {d:?} is not offered or received"))
                    .within(path))
            }
        };
        let preimage = ho.opt_arr::<32>("payment_preimage").map_err(|e| e.within(path.clone()))?;
        let hash = match (ho.opt_arr::<32>("payment_hash")?, preimage) {
            (Some(h), Some(p)) if sha256::Hash::hash(&p).to_byte_array() != h => {
                return Err(
                    Error::invalid("payment_preimage does not match payment_hash").within(path)
                )
            }
            (Some(h), _) => h,
            (None, Some(p)) => sha256::Hash::hash(&p).to_byte_array(),
            (None, None) => {
                return Err(Error::invalid("payment_hash or payment_preimage needed").within(path))
            }
        };
        if let Some(p) = preimage {
            preimages.push((hash, p));
        }
        out.push(Htlc {
            direction: if offered == flip {
                HtlcDirection::Received
            } else {
                HtlcDirection::Offered
            },
            amount_msat: ho.u64("amount_msat").map_err(|e| e.within(path.clone()))?,
            payment_hash: hash,
            cltv_expiry: ho.int("cltv_expiry").map_err(|e| e.within(path.clone()))?,
        });
    }
    Ok((out, preimages))
}

/// Derived keys given directly (`keys` object), instead of basepoints and a point.
fn direct_keys(k: &Obj<'_>) -> Result<CommitmentKeys> {
    Ok(CommitmentKeys {
        revocation: k.pubkey("revocation_pubkey")?,
        local_delayed: k.pubkey("local_delayed_pubkey")?,
        local_htlc: k.pubkey("local_htlc_pubkey")?,
        remote_htlc: k.pubkey("remote_htlc_pubkey")?,
        remote_payment: k.pubkey("remote_pubkey")?,
        local_funding: k.pubkey("local_funding_pubkey")?,
        remote_funding: k.pubkey("remote_funding_pubkey")?,
    })
}

/// Parses a commitment spec (see the README of `ln-commit build`). `holder` (default `local`)
/// says whose commitment it is; `local`/`remote`, `funder`, `opener` and HTLC directions are
/// always named from the `local` side.
pub fn commitment(v: &Value) -> Result<ParsedCommitment> {
    let o = Obj::new(v, "")?;
    let holder_is_local = side_name(o.opt_str("holder")?.unwrap_or("local"), "holder")?;
    let flip = !holder_is_local;
    let channel_type =
        ChannelType::from_name(o.str("channel_type")?).map_err(|e| e.within("channel_type"))?;
    let number: u64 = o.u64("commitment_number")?;
    let local =
        o.obj("local")?.map(|s| side_keys(&s)).transpose().map_err(|e| e.within("local"))?;
    let remote =
        o.obj("remote")?.map(|s| side_keys(&s)).transpose().map_err(|e| e.within("remote"))?;
    let (holder, counterparty) = if holder_is_local { (local, remote) } else { (remote, local) };
    let funder_local = side_name(o.opt_str("funder")?.unwrap_or("local"), "funder")?;
    let opener_local = match o.opt_str("opener")? {
        Some(s) => side_name(s, "opener")?,
        None => funder_local,
    };
    let funder = if funder_local == holder_is_local { Side::Local } else { Side::Remote };

    let mut per_commitment_point = o.opt_pubkey("per_commitment_point")?;
    let mut per_commitment_secret = o.opt_secret("per_commitment_secret")?;
    if let Some(h) = &holder {
        if per_commitment_secret.is_none() {
            per_commitment_secret = h.secret_for(number)?;
        }
        if per_commitment_point.is_none() {
            per_commitment_point = h.point_for(number).ok();
        }
    }
    if let Some(s) = per_commitment_secret {
        let p = keys::per_commitment_point(&s);
        if per_commitment_point.is_some_and(|q| q != p) {
            return Err(Error::invalid("does not match per_commitment_point")
                .within("per_commitment_secret"));
        }
        per_commitment_point = Some(p);
    }

    let keys =
        match (o.obj("keys")?, &holder, &counterparty, per_commitment_point) {
            (Some(k), _, _, _) => direct_keys(&k).map_err(|e| e.within("keys"))?,
            (None, Some(h), Some(c), Some(p)) => {
                CommitmentKeys::derive(&p, &h.basepoints, &c.basepoints)?
            }
            (None, Some(_), Some(_), None) => return Err(Error::invalid(
                "give per_commitment_point, per_commitment_secret or the holder's shachain_seed",
            )),
            _ => return Err(Error::invalid("give `local` and `remote` basepoints, or `keys`")),
        };
    let obscuring = match (o.opt_u64("obscuring_factor")?, &local, &remote) {
        (Some(f), _, _) => f,
        (None, Some(l), Some(r)) => {
            let (a, b) = if opener_local { (l, r) } else { (r, l) };
            obscuring_factor(&a.basepoints.payment, &b.basepoints.payment)
        }
        _ => return Err(Error::invalid("obscuring_factor or both payment basepoints needed")),
    };
    let (htlc_list, preimages) = htlcs(&o, flip)?;
    let (to_local_msat, to_remote_msat) = (o.u64("to_local_msat")?, o.u64("to_remote_msat")?);
    let spec = CommitmentSpec {
        channel_type,
        funding_outpoint: OutPoint { txid: o.txid("funding_txid")?, vout: o.int("funding_vout")? },
        funding_sat: o.u64("funding_sat")?,
        commitment_number: number,
        obscuring_factor: obscuring,
        to_self_delay: o.int("to_self_delay")?,
        dust_limit_sat: o.u64("dust_limit_sat")?,
        feerate_per_kw: o.opt_int("feerate_per_kw")?.unwrap_or(0),
        funder,
        to_local_msat: if holder_is_local { to_local_msat } else { to_remote_msat },
        to_remote_msat: if holder_is_local { to_remote_msat } else { to_local_msat },
        htlcs: htlc_list,
        keys,
    };
    Ok(ParsedCommitment {
        spec,
        holder,
        counterparty,
        per_commitment_point,
        per_commitment_secret,
        preimages,
        holder_is_local,
    })
}

/// Parses `inspect --keys`: one object or an array of them, each either a commitment-like
/// object (`local`, `remote`, a point or secret, optional `holder`) or direct `keys`, with
/// optional `to_self_delay` and `htlcs` (`payment_hash`, `cltv_expiry`).
pub fn key_candidates(v: &Value) -> Result<Vec<KeyCandidate>> {
    let items: Vec<&Value> = match v {
        Value::Array(a) if a.len() <= 16 => a.iter().collect(),
        Value::Array(_) => return Err(Error::invalid("at most 16 key sets")),
        other => vec![other],
    };
    let mut out = Vec::new();
    for (i, item) in items.into_iter().enumerate() {
        let path = format!("[{i}]");
        let o = Obj::new(item, &path)?;
        let number = o.opt_u64("commitment_number")?.unwrap_or(0);
        let holder_is_local = side_name(o.opt_str("holder")?.unwrap_or("local"), "holder")?;
        let keys = if let Some(k) = o.obj("keys")? {
            direct_keys(&k).map_err(|e| e.within("keys"))?
        } else {
            let l = o.obj("local")?.ok_or_else(|| Error::invalid("`local` or `keys` needed"))?;
            let r = o.obj("remote")?.ok_or_else(|| Error::invalid("`remote` or `keys` needed"))?;
            let (l, r) = (side_keys(&l).map_err(|e| e.within("local"))?, side_keys(&r)?);
            let (h, c) = if holder_is_local { (l, r) } else { (r, l) };
            let point = match o.opt_pubkey("per_commitment_point")? {
                Some(p) => p,
                None => h.point_for(number)?,
            };
            CommitmentKeys::derive(&point, &h.basepoints, &c.basepoints)?
        };
        let mut hints = Vec::new();
        for (j, h) in o.opt_array("htlcs", MAX_SPEC_HTLCS)?.into_iter().flatten().enumerate() {
            let hp = format!("htlcs[{j}]");
            let ho = Obj::new(h, &hp)?;
            let payment_hash =
                match (ho.opt_arr::<32>("payment_hash")?, ho.opt_arr::<32>("payment_preimage")?) {
                    (Some(h), _) => h,
                    (None, Some(p)) => sha256::Hash::hash(&p).to_byte_array(),
                    (None, None) => {
                        return Err(Error::invalid("payment_hash needed").within(hp));
                    }
                };
            hints.push(HtlcHint { payment_hash, cltv_expiry: ho.opt_int("cltv_expiry")? });
        }
        out.push(KeyCandidate {
            keys,
            to_self_delay: o.opt_int("to_self_delay")?,
            htlcs: hints,
            label: o
                .opt_str("label")?
                .unwrap_or(if holder_is_local { "local" } else { "remote" })
                .to_string(),
        });
    }
    Ok(out)
}
