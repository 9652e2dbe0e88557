//! BOLT 12 writers: offers, invoice requests answering an offer (all offer fields copied, signed
//! by `invreq_payer_id`) and invoices answering an invoice request (all non-signature
//! invoice_request fields copied, signed by `invoice_node_id`), following each "writer MUST".
//!
//! <https://github.com/lightning/bolts/blob/master/12-offer-encoding.md#requirements-for-offers>
//! <https://github.com/lightning/bolts/blob/master/12-offer-encoding.md#requirements-for-invoice-requests>
//! <https://github.com/lightning/bolts/blob/master/12-offer-encoding.md#requirements-1>

use std::collections::BTreeMap;

use bitcoin::hashes::{sha256, Hash};
use bitcoin::secp256k1::{PublicKey, SecretKey};

use super::blinding::Payinfo;
use super::decode::{decode_bytes, expected_amount, in_invreq_range, Decoded, Kind, Options};
use super::merkle;
use super::tables::BlindedPath;
use crate::encoding::encode_truncated;
use crate::encoding::tlv::write_record;
use crate::error::{Error, Result};

/// Records being assembled, kept sorted by type.
#[derive(Debug, Clone, Default)]
pub struct Records(BTreeMap<u64, Vec<u8>>);

impl Records {
    /// Sets record `ty` to `value`.
    pub fn set(&mut self, ty: u64, value: Vec<u8>) {
        self.0.insert(ty, value);
    }

    /// Sets a truncated integer record.
    pub fn tu64(&mut self, ty: u64, v: u64) {
        self.set(ty, encode_truncated(v));
    }

    /// Sets a record when `v` is given.
    pub fn opt_tu64(&mut self, ty: u64, v: Option<u64>) {
        if let Some(v) = v {
            self.tu64(ty, v);
        }
    }

    /// Sets a UTF-8 record when `v` is given.
    pub fn opt_text(&mut self, ty: u64, v: Option<&str>) {
        if let Some(v) = v {
            self.set(ty, v.as_bytes().to_vec());
        }
    }

    /// Sets a `...*blinded_path` record when `paths` is not empty.
    pub fn paths(&mut self, ty: u64, paths: &[BlindedPath]) -> Result<()> {
        if paths.is_empty() {
            return Ok(());
        }
        let mut v = Vec::new();
        for p in paths {
            p.write(&mut v)?;
        }
        self.set(ty, v);
        Ok(())
    }

    /// The TLV stream.
    pub fn bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        for (t, v) in &self.0 {
            write_record(&mut out, *t, v);
        }
        out
    }

    /// Computes the Merkle root, signs H("lightning"‖`kind`‖"signature", root) with `key` and
    /// adds the `signature` record (240).
    pub fn sign(&mut self, kind: Kind, key: &SecretKey) -> Result<()> {
        self.0.remove(&240);
        let recs: Vec<(u64, Vec<u8>)> = self
            .0
            .iter()
            .map(|(t, v)| {
                let mut r = Vec::new();
                write_record(&mut r, *t, v);
                (*t, r)
            })
            .collect();
        let root = merkle::root(recs.iter().map(|(t, r)| (*t, r.as_slice())))
            .ok_or_else(|| Error::invalid("nothing to sign"))?;
        let hash = merkle::signature_hash(kind.name(), "signature", &root);
        self.set(240, merkle::sign(&hash, key).to_vec());
        Ok(())
    }
}

/// Recurrence of an offer (bolts PR #1240).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RecurrenceParams {
    /// `offer_recurrence_optional` (25) instead of `offer_recurrence_compulsory` (24).
    pub optional: bool,
    /// 0 seconds, 1 days, 2 months.
    pub time_unit: u8,
    /// Period in `time_unit`s.
    pub period: u32,
    /// `offer_recurrence_base`: (proportional_amount, basetime).
    pub base: Option<(bool, u64)>,
    /// `offer_recurrence_paywindow`: (seconds_before, seconds_after).
    pub paywindow: Option<(u32, u32)>,
    /// `offer_recurrence_limit`.
    pub limit: Option<u32>,
}

/// Fields of a new offer.
#[derive(Debug, Clone, Default)]
pub struct OfferParams {
    /// `offer_chains` (omitted when empty; set it only for chains other than bitcoin alone).
    pub chains: Vec<[u8; 32]>,
    /// `offer_metadata`
    pub metadata: Option<Vec<u8>>,
    /// `offer_currency` (ISO 4217).
    pub currency: Option<String>,
    /// `offer_amount` (msat, or currency minor units).
    pub amount: Option<u64>,
    /// `offer_description`
    pub description: Option<String>,
    /// `offer_features`
    pub features: Option<Vec<u8>>,
    /// `offer_absolute_expiry`
    pub absolute_expiry: Option<u64>,
    /// `offer_paths`
    pub paths: Vec<BlindedPath>,
    /// `offer_issuer`
    pub issuer: Option<String>,
    /// `offer_quantity_max`
    pub quantity_max: Option<u64>,
    /// `offer_issuer_id`
    pub issuer_id: Option<PublicKey>,
    /// Recurrence.
    pub recurrence: Option<RecurrenceParams>,
}

/// Builds an offer and decodes it back (with its reader checks).
pub fn offer(p: &OfferParams) -> Result<Decoded> {
    if p.amount.is_some() && p.description.is_none() {
        return Err(Error::rule("an offer with an amount needs a description"));
    }
    if p.currency.is_some() && p.amount.is_none() {
        return Err(Error::rule("offer_currency needs offer_amount"));
    }
    if p.amount == Some(0) {
        return Err(Error::rule("offer_amount must be greater than zero"));
    }
    if p.issuer_id.is_none() && p.paths.is_empty() {
        return Err(Error::rule("an offer needs offer_issuer_id or offer_paths"));
    }
    let mut r = Records::default();
    if !p.chains.is_empty() {
        r.set(2, p.chains.concat());
    }
    if let Some(m) = &p.metadata {
        r.set(4, m.clone());
    }
    r.opt_text(6, p.currency.as_deref());
    r.opt_tu64(8, p.amount);
    r.opt_text(10, p.description.as_deref());
    if let Some(f) = &p.features {
        r.set(12, f.clone());
    }
    r.opt_tu64(14, p.absolute_expiry);
    r.paths(16, &p.paths)?;
    r.opt_text(18, p.issuer.as_deref());
    r.opt_tu64(20, p.quantity_max);
    if let Some(k) = p.issuer_id {
        r.set(22, k.serialize().to_vec());
    }
    if let Some(rec) = &p.recurrence {
        if rec.optional && rec.base.is_some() {
            return Err(Error::rule("offer_recurrence_optional must not be used with a base"));
        }
        let mut v = vec![rec.time_unit];
        v.extend_from_slice(&encode_truncated(u64::from(rec.period)));
        r.set(if rec.optional { 25 } else { 24 }, v);
        if let Some((prop, base)) = rec.base {
            let mut v = vec![u8::from(prop)];
            v.extend_from_slice(&encode_truncated(base));
            r.set(26, v);
        }
        if let Some((before, after)) = rec.paywindow {
            let mut v = before.to_be_bytes().to_vec();
            v.extend_from_slice(&encode_truncated(u64::from(after)));
            r.set(27, v);
        }
        if let Some(l) = rec.limit {
            r.tu64(29, u64::from(l));
        }
    }
    decode_bytes(Kind::Offer, r.bytes(), &Options::default())
}

/// Fields of a new invoice_request (besides the copied offer).
#[derive(Debug, Clone, Default)]
pub struct InvreqParams {
    /// `invreq_metadata` (unpredictable; the caller draws it).
    pub metadata: Vec<u8>,
    /// `invreq_chain` (omit for bitcoin).
    pub chain: Option<[u8; 32]>,
    /// `invreq_amount` msat.
    pub amount_msat: Option<u64>,
    /// `invreq_features`
    pub features: Option<Vec<u8>>,
    /// `invreq_quantity`
    pub quantity: Option<u64>,
    /// `invreq_payer_note`
    pub payer_note: Option<String>,
    /// `invreq_paths`
    pub paths: Vec<BlindedPath>,
    /// `invreq_bip_353_name` (name, domain).
    pub bip_353_name: Option<(String, String)>,
    /// `invreq_recurrence_counter`
    pub recurrence_counter: Option<u32>,
    /// `invreq_recurrence_start`
    pub recurrence_start: Option<u32>,
    /// `invreq_recurrence_cancel`
    pub recurrence_cancel: bool,
}

/// Builds an invoice_request for `offer`, signed by `payer_key` (`invreq_payer_id`).
pub fn invoice_request(
    offer: &Decoded,
    p: &InvreqParams,
    payer_key: &SecretKey,
) -> Result<Decoded> {
    if offer.kind != Kind::Offer {
        return Err(Error::invalid("not an offer"));
    }
    let mut r = Records::default();
    // Copy every offer record, unknown ones included.
    for rec in &offer.records {
        r.set(rec.ty, offer.bytes.get(rec.value_start..rec.end).unwrap_or(&[]).to_vec());
    }
    r.set(0, p.metadata.clone());
    if let Some(c) = p.chain {
        r.set(80, c.to_vec());
    }
    r.opt_tu64(82, p.amount_msat);
    if let Some(f) = &p.features {
        r.set(84, f.clone());
    }
    r.opt_tu64(86, p.quantity);
    let secp = super::merkle::secp();
    r.set(88, PublicKey::from_secret_key(secp, payer_key).serialize().to_vec());
    r.opt_text(89, p.payer_note.as_deref());
    r.paths(90, &p.paths)?;
    if let Some((name, domain)) = &p.bip_353_name {
        let mut v = Vec::new();
        for part in [name, domain] {
            v.push(
                u8::try_from(part.len())
                    .map_err(|_| Error::invalid("BIP 353 part over 255 bytes"))?,
            );
            v.extend_from_slice(part.as_bytes());
        }
        r.set(91, v);
    }
    r.opt_tu64(92, p.recurrence_counter.map(u64::from));
    r.opt_tu64(93, p.recurrence_start.map(u64::from));
    if p.recurrence_cancel {
        r.set(94, Vec::new());
    }
    r.sign(Kind::InvoiceRequest, payer_key)?;
    decode_bytes(Kind::InvoiceRequest, r.bytes(), &Options::default())
}

/// Fields of a new invoice (besides the copied invoice_request).
#[derive(Debug, Clone, Default)]
pub struct InvoiceParams {
    /// `invoice_paths`, each with its `blinded_payinfo`.
    pub paths: Vec<(BlindedPath, Payinfo)>,
    /// `invoice_created_at`
    pub created_at: u64,
    /// `invoice_relative_expiry` (omitted when 7200 or `None`).
    pub relative_expiry: Option<u32>,
    /// The preimage whose SHA256 is `invoice_payment_hash`.
    pub payment_preimage: [u8; 32],
    /// `invoice_amount` when the request has no `invreq_amount` and the offer amount is not in
    /// msat (currency); ignored otherwise.
    pub amount_msat: Option<u64>,
    /// `invoice_features`
    pub features: Option<Vec<u8>>,
    /// `invoice_recurrence_basetime` for successive recurring invoices without a base.
    pub recurrence_basetime: Option<u64>,
}

/// Builds an invoice answering `invreq`, signed by `node_key` (`invoice_node_id`).
pub fn invoice(invreq: &Decoded, p: &InvoiceParams, node_key: &SecretKey) -> Result<Decoded> {
    if invreq.kind != Kind::InvoiceRequest {
        return Err(Error::invalid("not an invoice_request"));
    }
    if p.paths.is_empty() {
        return Err(Error::rule("an invoice needs at least one blinded path"));
    }
    let secp = super::merkle::secp();
    let node_id = PublicKey::from_secret_key(secp, node_key).serialize();
    if let Some(issuer) = invreq.point(22) {
        if issuer != node_id {
            return Err(Error::rule("the signing key is not the offer's offer_issuer_id"));
        }
    } else if invreq.has(16) {
        let finals: Vec<[u8; 33]> =
            invreq.paths(16).iter().filter_map(BlindedPath::final_node_id).collect();
        if !finals.contains(&node_id) {
            return Err(Error::rule(
                "the offer has no offer_issuer_id: sign with the blinded key of a final offer_paths hop",
            ));
        }
    }
    let amount = match invreq.tu64(82) {
        Some(a) => a,
        None => match expected_amount(invreq) {
            Some(a) => a,
            None => p.amount_msat.ok_or_else(|| {
                Error::rule("no invreq_amount and no msat offer_amount: give the invoice amount")
            })?,
        },
    };
    let mut r = Records::default();
    for rec in invreq.records.iter().filter(|x| in_invreq_range(x.ty)) {
        r.set(rec.ty, invreq.bytes.get(rec.value_start..rec.end).unwrap_or(&[]).to_vec());
    }
    let paths: Vec<BlindedPath> = p.paths.iter().map(|(b, _)| b.clone()).collect();
    r.paths(160, &paths)?;
    let mut pay = Vec::new();
    for (_, info) in &p.paths {
        info.write(&mut pay)?;
    }
    r.set(162, pay);
    r.tu64(164, p.created_at);
    if let Some(e) = p.relative_expiry.filter(|e| *e != 7200) {
        r.tu64(166, u64::from(e));
    }
    r.set(168, sha256::Hash::hash(&p.payment_preimage).to_byte_array().to_vec());
    r.tu64(170, amount);
    if let Some(f) = &p.features {
        r.set(174, f.clone());
    }
    r.set(176, node_id.to_vec());
    if invreq.has(24) || invreq.has(25) {
        let base = match invreq.value(26) {
            Some(b) => crate::encoding::decode_truncated(b.get(1..).unwrap_or(&[]), 8)?,
            None if invreq.tu64(92).unwrap_or(0) == 0 => p.created_at,
            None => p.recurrence_basetime.ok_or_else(|| {
                Error::rule("a successive recurring invoice needs the period #0 basetime")
            })?,
        };
        r.tu64(177, base);
    }
    r.sign(Kind::Invoice, node_key)?;
    decode_bytes(Kind::Invoice, r.bytes(), &Options::default())
}
