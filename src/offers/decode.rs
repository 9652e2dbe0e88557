//! BOLT 12 readers: decodes an offer, invoice_request, invoice or invoice_error TLV stream
//! (keeping the original bytes for the Merkle tree), and runs every "reader MUST" of the spec
//! (and of the recurrence draft, bolts PR #1240) as a named check.
//!
//! <https://github.com/lightning/bolts/blob/master/12-offer-encoding.md#requirements-for-offers>
//! <https://github.com/lightning/bolts/blob/master/12-offer-encoding.md#requirements-for-invoice-requests>
//! <https://github.com/lightning/bolts/blob/master/12-offer-encoding.md#requirements-1>

use bitcoin::Network;
use serde_json::{json, Map, Value};

use super::merkle;
use super::recurrence;
use super::tables::{self, BlindedPath, PathsSummary};
pub use crate::check::Check;
use crate::check::Checks;
use crate::encoding::tlv::{self, TlvStreamDef};
use crate::encoding::{decode_truncated, Reader};
use crate::error::{Error, Result};
use crate::network;
use crate::wire::features;

/// The kind of BOLT 12 message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `offer` (`lno`).
    Offer,
    /// `invoice_request` (`lnr`).
    InvoiceRequest,
    /// `invoice` (`lni` in test suites; normally only inside onion messages).
    Invoice,
    /// `invoice_error` (onion messages only; no string form).
    InvoiceError,
}

impl Kind {
    /// The kind for a human-readable prefix.
    pub fn from_hrp(hrp: &str) -> Option<Kind> {
        match hrp {
            "lno" => Some(Kind::Offer),
            "lnr" => Some(Kind::InvoiceRequest),
            "lni" => Some(Kind::Invoice),
            _ => None,
        }
    }

    /// The kind for its BOLT name (`offer`, `invoice_request`, `invoice`, `invoice_error`).
    pub fn from_name(name: &str) -> Option<Kind> {
        [Kind::Offer, Kind::InvoiceRequest, Kind::Invoice, Kind::InvoiceError]
            .into_iter()
            .find(|k| k.name() == name.replace('-', "_"))
    }

    /// Human-readable prefix of the string form.
    pub fn hrp(self) -> &'static str {
        match self {
            Kind::Offer => "lno",
            Kind::InvoiceRequest => "lnr",
            Kind::Invoice | Kind::InvoiceError => "lni",
        }
    }

    /// BOLT name of the TLV stream (also the `messagename` of signature tags).
    pub fn name(self) -> &'static str {
        match self {
            Kind::Offer => "offer",
            Kind::InvoiceRequest => "invoice_request",
            Kind::Invoice => "invoice",
            Kind::InvoiceError => "invoice_error",
        }
    }

    /// The TLV table.
    pub fn stream(self) -> &'static TlvStreamDef {
        match self {
            Kind::Offer => &tables::OFFER,
            Kind::InvoiceRequest => &tables::INVOICE_REQUEST,
            Kind::Invoice => &tables::INVOICE,
            Kind::InvoiceError => &tables::INVOICE_ERROR,
        }
    }
}

/// Context for the checks that depend on the reader's situation.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Current time (seconds since 1970) for expiry checks; `None` skips them.
    pub now: Option<u64>,
    /// The chain the reader accepts; `None` skips the chain checks.
    pub network: Option<Network>,
}

/// Where one record sits in [`Decoded::bytes`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Record {
    /// The TLV type.
    pub ty: u64,
    /// Offset of its type byte.
    pub start: usize,
    /// Offset of its value.
    pub value_start: usize,
    /// Offset just past its value.
    pub end: usize,
}

/// A decoded BOLT 12 message with its original bytes and the result of every reader check.
#[derive(Debug, Clone)]
pub struct Decoded {
    /// The kind.
    pub kind: Kind,
    /// The TLV stream exactly as received.
    pub bytes: Vec<u8>,
    /// The records, ascending.
    pub records: Vec<Record>,
    /// Merkle root of all non-signature records (`None` for an empty stream).
    pub merkle_root: Option<[u8; 32]>,
    /// Reader checks, in spec order.
    pub checks: Vec<Check>,
    /// Per record of blinded paths (16, 90, 160): what the checks need, gathered while checking
    /// every point of it.
    paths: Vec<(u64, PathsSummary)>,
}

/// Decodes a BOLT 12 string (`lno…`, `lnr…`, `lni…`) with no time or chain context.
pub fn decode_str(s: &str) -> Result<Decoded> {
    decode_str_with(s, &Options::default())
}

/// Decodes a BOLT 12 string with reader context.
pub fn decode_str_with(s: &str, opts: &Options) -> Result<Decoded> {
    let (hrp, bytes) = super::string::decode(s)?;
    let kind = Kind::from_hrp(&hrp).ok_or_else(|| {
        Error::syntax(format!("not a BOLT 12 string: prefix {hrp:?} (expected lno, lnr or lni)"))
    })?;
    decode_bytes(kind, bytes, opts)
}

/// Guesses the kind of a bare TLV stream: any invoice type (160–239) → invoice; any
/// invoice_request type (0, 80–159, 240) → invoice_request; else offer.
pub fn guess_kind(bytes: &[u8]) -> Kind {
    let Ok(recs) = tlv::parse_stream(&mut Reader::new(bytes)) else { return Kind::Offer };
    if recs.iter().any(|r| (160..=239).contains(&r.ty)) {
        Kind::Invoice
    } else if recs.iter().any(|r| r.ty == 0 || (80..=159).contains(&r.ty) || r.ty == 240) {
        Kind::InvoiceRequest
    } else {
        Kind::Offer
    }
}

/// Decodes a TLV stream of `kind` and runs the reader checks.
///
/// Every record is checked as the JSON decoder would read it (same errors), but JSON is only
/// built on request ([`Decoded::fields`], [`Decoded::to_json`]).
pub fn decode_bytes(kind: Kind, bytes: Vec<u8>, opts: &Options) -> Result<Decoded> {
    let def = kind.stream();
    let mut paths = Vec::new();
    let records = {
        let mut r = Reader::new(&bytes);
        let raw = tlv::parse_stream(&mut r).map_err(|e| e.within(kind.name()))?;
        for rec in &raw {
            match def.get(rec.ty) {
                // Blinded paths: checked by a walker that keeps what the checks need.
                Some(d) if matches!(rec.ty, 16 | 90 | 160) => {
                    tables::check_paths(rec.value, rec.value_offset)
                        .map(|s| paths.push((rec.ty, s)))
                        .map_err(|e| e.within(format!("tlv type {} ({})", d.ty, d.name)))
                }
                Some(d) => tlv::check_record(d, rec),
                None => tlv::unknown_record(def, rec),
            }
            .map_err(|e| e.within(kind.name()))?;
        }
        raw.iter()
            .map(|x| Record {
                ty: x.ty,
                start: x.offset,
                value_start: x.value_offset,
                end: x.value_offset + x.value.len(),
            })
            .collect::<Vec<_>>()
    };
    let merkle_root =
        merkle::root(records.iter().map(|r| (r.ty, bytes.get(r.start..r.end).unwrap_or(&[]))));
    let mut d = Decoded { kind, bytes, records, merkle_root, checks: Vec::new(), paths };
    let mut c = Checks::default();
    match kind {
        Kind::Offer => offer_checks(&d, &mut c, opts),
        Kind::InvoiceRequest => invreq_checks(&d, &mut c, opts),
        Kind::Invoice => invoice_checks(&d, &mut c, opts),
        Kind::InvoiceError => {}
    }
    d.checks = c.0;
    Ok(d)
}

/// True for types an offer may carry.
pub fn in_offer_range(ty: u64) -> bool {
    (1..=79).contains(&ty) || (1_000_000_000..=1_999_999_999).contains(&ty)
}

/// True for the non-signature types an invoice_request may carry (and an invoice mirrors).
pub fn in_invreq_range(ty: u64) -> bool {
    ty <= 159 || (1_000_000_000..=2_999_999_999).contains(&ty)
}

fn unknown_even(bytes: &[u8], known: &[u16]) -> Vec<u16> {
    features::set_bits(bytes).into_iter().filter(|b| b % 2 == 0 && !known.contains(b)).collect()
}

fn list(v: &[u64]) -> String {
    v.iter().map(u64::to_string).collect::<Vec<_>>().join(", ")
}

impl Decoded {
    /// Decoded fields in spec order (BOLT names); unknown odd records under `unknown_tlvs`.
    pub fn fields(&self) -> Map<String, Value> {
        // The stream was checked when decoded, so this decodes.
        tlv::parse_stream(&mut Reader::new(&self.bytes))
            .and_then(|raw| tlv::decode_records(self.kind.stream(), &raw))
            .unwrap_or_default()
    }

    /// The summary of blinded-path record `ty` (16, 90, 160), when present.
    fn paths_summary(&self, ty: u64) -> Option<&PathsSummary> {
        self.paths.iter().find(|(t, _)| *t == ty).map(|(_, s)| s)
    }

    /// The whole record (type, length, value) bytes.
    pub fn record_bytes(&self, r: &Record) -> &[u8] {
        self.bytes.get(r.start..r.end).unwrap_or(&[])
    }

    /// The value of record `ty`, if present.
    pub fn value(&self, ty: u64) -> Option<&[u8]> {
        self.records
            .iter()
            .find(|r| r.ty == ty)
            .map(|r| self.bytes.get(r.value_start..r.end).unwrap_or(&[]))
    }

    /// True when record `ty` is present.
    pub fn has(&self, ty: u64) -> bool {
        self.records.iter().any(|r| r.ty == ty)
    }

    /// A truncated-integer record (`tu32`/`tu64`) as a number.
    pub fn tu64(&self, ty: u64) -> Option<u64> {
        self.value(ty).and_then(|v| decode_truncated(v, 8).ok())
    }

    /// A 33-byte point record.
    pub fn point(&self, ty: u64) -> Option<[u8; 33]> {
        self.value(ty).and_then(|v| v.try_into().ok())
    }

    /// Blinded paths of record `ty` (16 `offer_paths`, 90 `invreq_paths`, 160 `invoice_paths`).
    pub fn paths(&self, ty: u64) -> Vec<BlindedPath> {
        let Some(r) = self.records.iter().find(|r| r.ty == ty) else { return Vec::new() };
        tables::read_paths_with(
            self.bytes.get(r.value_start..r.end).unwrap_or(&[]),
            r.value_start,
            false,
        )
        .unwrap_or_default()
    }

    /// True when every check passed.
    pub fn valid(&self) -> bool {
        self.checks.iter().all(|c| c.ok)
    }

    /// Failed checks.
    pub fn failed(&self) -> impl Iterator<Item = &Check> {
        self.checks.iter().filter(|c| !c.ok)
    }

    /// The records whose types satisfy `keep`, re-encoded as one stream.
    pub fn subset(&self, keep: impl Fn(u64) -> bool) -> Vec<u8> {
        let mut out = Vec::new();
        for r in self.records.iter().filter(|r| keep(r.ty)) {
            out.extend_from_slice(self.record_bytes(r));
        }
        out
    }

    /// `offer_id`: the Merkle root of the offer's records (for an invoice_request or invoice,
    /// of the mirrored offer records 1–79 and 1000000000–1999999999).
    pub fn offer_id(&self) -> Option<[u8; 32]> {
        match self.kind {
            Kind::Offer => self.merkle_root,
            Kind::InvoiceError => None,
            _ => merkle::root(
                self.records
                    .iter()
                    .filter(|r| in_offer_range(r.ty))
                    .map(|r| (r.ty, self.record_bytes(r))),
            ),
        }
    }

    /// The signature tag, e.g. `lightninginvoice_requestsignature` (signed kinds only).
    pub fn signature_tag(&self) -> Option<String> {
        matches!(self.kind, Kind::InvoiceRequest | Kind::Invoice)
            .then(|| merkle::signature_tag(self.kind.name(), "signature"))
    }

    /// The tagged hash the `signature` signs: H(tag, merkle_root).
    pub fn signature_hash(&self) -> Option<[u8; 32]> {
        let root = self.merkle_root?;
        matches!(self.kind, Kind::InvoiceRequest | Kind::Invoice)
            .then(|| merkle::signature_hash(self.kind.name(), "signature", &root))
    }

    /// The key that must have signed: `invreq_payer_id` or `invoice_node_id`.
    pub fn signing_key(&self) -> Option<[u8; 33]> {
        match self.kind {
            Kind::InvoiceRequest => self.point(88),
            Kind::Invoice => self.point(176),
            _ => None,
        }
    }

    /// The JSON report: `type`, the fields in spec order, ids and hashes, `checks`, `valid`.
    pub fn to_json(&self) -> Value {
        let mut m = Map::new();
        m.insert("type".into(), self.kind.name().into());
        m.extend(self.fields());
        if let Some(id) = self.offer_id() {
            m.insert("offer_id".into(), hex::encode(id).into());
        }
        if let Some(root) = self.merkle_root {
            m.insert("merkle_root".into(), hex::encode(root).into());
        }
        if let (Some(tag), Some(h)) = (self.signature_tag(), self.signature_hash()) {
            m.insert("signature_tag".into(), tag.into());
            m.insert("signature_hash".into(), hex::encode(h).into());
        }
        m.insert("checks".into(), crate::check::to_json(&self.checks));
        m.insert("valid".into(), self.valid().into());
        Value::Object(m)
    }

    /// One row per record: type, BOLT name, length, value hex, and its Merkle leaf
    /// H("LnLeaf", record) (null for signature records, which are outside the tree).
    pub fn raw_rows(&self) -> Vec<Value> {
        let first = self.records.iter().find(|r| !merkle::is_signature_type(r.ty));
        let h = first.map(|r| merkle::Hashers::new(self.record_bytes(r)));
        self.records
            .iter()
            .map(|r| {
                let name = self.kind.stream().get(r.ty).map(|d| d.name);
                let leaf = match &h {
                    Some(h) if !merkle::is_signature_type(r.ty) => {
                        Value::from(hex::encode(h.leaf(self.record_bytes(r))))
                    }
                    _ => Value::Null,
                };
                let nonce = match &h {
                    Some(h) if !merkle::is_signature_type(r.ty) => {
                        Value::from(hex::encode(h.nonce(r.ty)))
                    }
                    _ => Value::Null,
                };
                json!({
                    "type": r.ty,
                    "name": name,
                    "offset": r.start,
                    "length": r.end - r.value_start,
                    "value": hex::encode(self.bytes.get(r.value_start..r.end).unwrap_or(&[])),
                    "merkle_leaf": leaf,
                    "merkle_nonce": nonce,
                })
            })
            .collect()
    }
}

fn chain_check(c: &mut Checks, name: &'static str, chains: &[[u8; 32]], net: Network) {
    let want = network::chain_hash(net);
    let netname = network::name(net);
    if chains.is_empty() {
        c.add(
            name,
            net == Network::Bitcoin,
            format!("no chain given (bitcoin); reader accepts {netname}"),
        );
    } else {
        let ok = chains.contains(&want);
        let names: Vec<String> = chains
            .iter()
            .map(|h| {
                network::from_chain_hash(h)
                    .map_or_else(|| hex::encode(h), |n| network::name(n).to_string())
            })
            .collect();
        c.add(name, ok, format!("chains [{}]; reader accepts {netname}", names.join(", ")));
    }
}

fn chains_of(v: Option<&[u8]>) -> Vec<[u8; 32]> {
    v.map(|b| b.chunks_exact(32).filter_map(|c| c.try_into().ok()).collect()).unwrap_or_default()
}

fn hops_check(c: &mut Checks, d: &Decoded, ty: u64, name: &'static str) {
    let Some(paths) = d.paths_summary(ty) else { return };
    c.add(
        name,
        paths.empty.is_empty(),
        if paths.empty.is_empty() {
            format!("{} path(s), each with at least one hop", paths.count)
        } else {
            let list: Vec<String> = paths.empty.iter().map(usize::to_string).collect();
            format!("path(s) [{}] have num_hops = 0", list.join(", "))
        },
    );
}

/// Number of `blinded_payinfo` entries in an (already checked) `invoice_blindedpay` value, and
/// how many have no unknown even feature bits.
fn payinfo_features(v: &[u8]) -> (usize, usize) {
    // fee_base_msat u32, fee_proportional_millionths u32, cltv_expiry_delta u16,
    // htlc_minimum_msat u64, htlc_maximum_msat u64, then u16 flen + features.
    const FIXED: usize = 4 + 4 + 2 + 8 + 8;
    let mut r = Reader::new(v);
    let (mut n, mut usable) = (0, 0);
    while !r.is_empty() {
        let Ok(f) = r.bytes(FIXED).and_then(|_| r.u16()).and_then(|l| r.bytes(usize::from(l)))
        else {
            break;
        };
        n += 1;
        usable += usize::from(unknown_even(f, &[]).is_empty());
    }
    (n, usable)
}

/// The reader rules on the offer fields (shared by the offer, and an invoice_request
/// responding to one).
fn offer_body_checks(d: &Decoded, c: &mut Checks, opts: &Options) {
    if let Some(f) = d.value(12) {
        let bad = unknown_even(f, &[]);
        c.add(
            "offer_features_known",
            bad.is_empty(),
            if bad.is_empty() {
                "no unknown even bits".to_string()
            } else {
                format!("unknown even bits {bad:?}")
            },
        );
    }
    if d.has(2) {
        let n = chains_of(d.value(2)).len();
        c.add("offer_chains_not_empty", n > 0, format!("{n} chain(s)"));
    }
    if let Some(net) = opts.network {
        chain_check(c, "offer_chain_supported", &chains_of(d.value(2)), net);
    }
    if d.has(8) {
        c.add(
            "offer_amount_has_description",
            d.has(10),
            if d.has(10) {
                "offer_description set"
            } else {
                "offer_amount without offer_description"
            },
        );
        let amt = d.tu64(8).unwrap_or(0);
        c.add("offer_amount_nonzero", amt > 0, format!("offer_amount = {amt}"));
    }
    if d.has(6) {
        c.add(
            "offer_currency_has_amount",
            d.has(8),
            if d.has(8) { "offer_amount set" } else { "offer_currency without offer_amount" },
        );
    }
    let id_or_paths = d.has(22) || d.has(16);
    c.add(
        "offer_issuer_id_or_paths",
        id_or_paths,
        match (d.has(22), d.has(16)) {
            (true, true) => "offer_issuer_id and offer_paths",
            (true, false) => "offer_issuer_id",
            (false, true) => "offer_paths",
            (false, false) => "neither offer_issuer_id nor offer_paths",
        },
    );
    hops_check(c, d, 16, "offer_paths_num_hops");
    let counter = d.tu64(92).unwrap_or(0);
    if let (Some(now), Some(exp)) = (opts.now, d.tu64(14)) {
        // Recurrence draft: the expiry only limits the initial request.
        if counter == 0 {
            c.add(
                "offer_not_expired",
                now <= exp,
                format!("offer_absolute_expiry {exp}, now {now}"),
            );
        }
    }
    let rec = d.value(24).or_else(|| d.value(25));
    if let Some(r) = rec {
        let unit = r.first().copied().unwrap_or(0);
        let period = r.get(1..).and_then(|p| decode_truncated(p, 4).ok()).unwrap_or(0);
        let mut bad = Vec::new();
        if unit > 2 {
            bad.push(format!("time_unit {unit} is not 0, 1 or 2"));
        }
        if period == 0 {
            bad.push("period is 0".to_string());
        }
        if d.has(29) && d.tu64(29) == Some(0) {
            bad.push("max_period_index is 0".to_string());
        }
        c.add(
            "offer_recurrence_valid",
            bad.is_empty(),
            if bad.is_empty() {
                format!("time_unit {unit}, period {period}")
            } else {
                bad.join("; ")
            },
        );
    } else {
        let stray: Vec<u64> = [26, 27, 29].into_iter().filter(|t| d.has(*t)).collect();
        if !stray.is_empty() || d.has(92) || d.has(93) || d.has(94) {
            c.add(
                "offer_recurrence_fields_need_recurrence",
                stray.is_empty(),
                if stray.is_empty() {
                    "no recurrence_base/paywindow/limit".to_string()
                } else {
                    format!(
                        "types [{}] set without offer_recurrence_optional/compulsory",
                        list(&stray)
                    )
                },
            );
        }
    }
}

fn offer_checks(d: &Decoded, c: &mut Checks, opts: &Options) {
    let bad: Vec<u64> = d.records.iter().map(|r| r.ty).filter(|t| !in_offer_range(*t)).collect();
    c.add(
        "offer_tlv_ranges",
        bad.is_empty(),
        if bad.is_empty() {
            "all types within 1-79 and 1000000000-1999999999".to_string()
        } else {
            format!("types outside 1-79 and 1000000000-1999999999: {}", list(&bad))
        },
    );
    offer_body_checks(d, c, opts);
}

fn signature_check(d: &Decoded, c: &mut Checks, key_name: &str) {
    let (Some(hash), Some(key)) = (d.signature_hash(), d.signing_key()) else {
        c.add("signature_valid", false, format!("no {key_name} to check the signature with"));
        return;
    };
    match d.value(240) {
        None => c.add("signature_valid", false, "signature (type 240) missing"),
        Some(sig) => match merkle::verify(&hash, sig, &key) {
            Ok(()) => c.add(
                "signature_valid",
                true,
                format!("BIP-340 signature by {key_name} {}", hex::encode(key)),
            ),
            Err(e) => c.add(
                "signature_valid",
                false,
                format!("{e} (key {key_name} {})", hex::encode(key)),
            ),
        },
    }
}

fn name_ok(s: &str) -> bool {
    s.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
}

/// The expected amount in msat from `offer_amount` × `invreq_quantity`, when the offer is in
/// the chain's unit (no `offer_currency`).
pub fn expected_amount(d: &Decoded) -> Option<u64> {
    if d.has(6) {
        return None;
    }
    let amount = d.tu64(8)?;
    amount.checked_mul(d.tu64(86).unwrap_or(1))
}

fn invreq_checks(d: &Decoded, c: &mut Checks, opts: &Options) {
    c.add(
        "invreq_metadata_present",
        d.has(0),
        if d.has(0) { "set" } else { "invreq_metadata missing" },
    );
    c.add(
        "invreq_payer_id_present",
        d.has(88),
        if d.has(88) { "set" } else { "invreq_payer_id missing" },
    );
    let bad: Vec<u64> = d
        .records
        .iter()
        .map(|r| r.ty)
        .filter(|t| !merkle::is_signature_type(*t) && !in_invreq_range(*t))
        .collect();
    c.add(
        "invreq_tlv_ranges",
        bad.is_empty(),
        if bad.is_empty() {
            "non-signature types within 0-159 and 1000000000-2999999999".to_string()
        } else {
            format!("types outside 0-159 and 1000000000-2999999999: {}", list(&bad))
        },
    );
    if let Some(f) = d.value(84) {
        let bad = unknown_even(f, &[]);
        c.add(
            "invreq_features_known",
            bad.is_empty(),
            if bad.is_empty() {
                "no unknown even bits".to_string()
            } else {
                format!("unknown even bits {bad:?}")
            },
        );
    }
    signature_check(d, c, "invreq_payer_id");
    hops_check(c, d, 90, "invreq_paths_num_hops");
    let cancel = d.has(94);
    if d.has(22) || d.has(16) {
        offer_body_checks(d, c, opts);
        if d.has(20) {
            let max = d.tu64(20).unwrap_or(0);
            let q = d.tu64(86);
            let (ok, detail) = match q {
                None if cancel => (true, "no invreq_quantity (cancellation)".to_string()),
                None => (false, "offer_quantity_max set but invreq_quantity missing".to_string()),
                Some(q) if max != 0 => {
                    (q > 0 && q <= max, format!("invreq_quantity {q}, offer_quantity_max {max}"))
                }
                Some(q) => (q > 0, format!("invreq_quantity {q}, offer_quantity_max unlimited")),
            };
            c.add("invreq_quantity_valid", ok, detail);
        } else if d.has(86) {
            c.add(
                "invreq_quantity_valid",
                false,
                "invreq_quantity set but offer has no offer_quantity_max",
            );
        }
        let invreq_amount = d.tu64(82);
        if d.has(8) {
            match (expected_amount(d), invreq_amount) {
                (Some(exp), Some(got)) => {
                    let exp = recurrence::scaled_expected(d, exp, opts.now);
                    c.add(
                        "invreq_amount_sufficient",
                        got >= exp,
                        format!("invreq_amount {got} msat, expected at least {exp} msat"),
                    );
                }
                (None, Some(got)) => c.add(
                    "invreq_amount_sufficient",
                    true,
                    format!(
                        "invreq_amount {got} msat; offer in {} (conversion not checked)",
                        d.value(6).and_then(|v| std::str::from_utf8(v).ok()).unwrap_or("?")
                    ),
                ),
                _ => {}
            }
        } else if !cancel {
            c.add(
                "invreq_amount_present",
                invreq_amount.is_some(),
                if invreq_amount.is_some() {
                    "set (offer has no amount)"
                } else {
                    "offer has no offer_amount and invreq_amount is missing"
                },
            );
        }
        invreq_recurrence_checks(d, c);
    } else {
        let stray: Vec<u64> = [2, 12, 20].into_iter().filter(|t| d.has(*t)).collect();
        c.add(
            "invreq_without_offer_fields",
            stray.is_empty(),
            if stray.is_empty() {
                "not a response to an offer: no offer_chains, offer_features, offer_quantity_max"
                    .to_string()
            } else {
                format!("not a response to an offer, yet has types {}", list(&stray))
            },
        );
        c.add(
            "invreq_amount_present",
            d.has(82),
            if d.has(82) { "set" } else { "invreq_amount missing (required without an offer)" },
        );
    }
    if let Some(net) = opts.network {
        let chains: Vec<[u8; 32]> =
            d.value(80).and_then(|v| v.try_into().ok()).into_iter().collect();
        chain_check(c, "invreq_chain_supported", &chains, net);
    }
    let bip353 = d.value(91).and_then(|v| (tables::BIP_353_NAME.decode)(&mut Reader::new(v)).ok());
    if let Some(n) = bip353 {
        let name = n.get("name").and_then(Value::as_str).unwrap_or("");
        let domain = n.get("domain").and_then(Value::as_str).unwrap_or("");
        c.add(
            "invreq_bip_353_name_charset",
            name_ok(name) && name_ok(domain),
            format!("name {name:?}, domain {domain:?}"),
        );
    }
}

fn invreq_recurrence_checks(d: &Decoded, c: &mut Checks) {
    let has_rec = d.has(24) || d.has(25);
    if !has_rec {
        let stray: Vec<u64> = [92, 93, 94].into_iter().filter(|t| d.has(*t)).collect();
        if !stray.is_empty() {
            c.add(
                "invreq_recurrence_fields_need_recurrence",
                false,
                format!("types {} set but the offer has no recurrence", list(&stray)),
            );
        }
        return;
    }
    let counter = d.tu64(92);
    c.add(
        "invreq_recurrence_counter_present",
        counter.is_some() || d.has(92),
        if d.has(92) {
            "set"
        } else {
            "offer has recurrence but invreq_recurrence_counter is missing"
        },
    );
    if d.has(26) {
        c.add(
            "invreq_recurrence_start_present",
            d.has(93),
            if d.has(93) {
                "set (offer has recurrence_base)"
            } else {
                "offer has recurrence_base but invreq_recurrence_start is missing"
            },
        );
    } else if d.has(93) {
        c.add(
            "invreq_recurrence_start_absent",
            false,
            "invreq_recurrence_start set but the offer has no recurrence_base",
        );
    }
    let index = counter.unwrap_or(0).saturating_add(d.tu64(93).unwrap_or(0));
    if let Some(limit) = d.tu64(29) {
        c.add(
            "invreq_recurrence_within_limit",
            index <= limit,
            format!("period index {index}, max_period_index {limit}"),
        );
    }
    if counter.unwrap_or(0) == 0 && d.has(94) {
        c.add(
            "invreq_recurrence_cancel_not_initial",
            false,
            "invreq_recurrence_cancel on the initial request (counter 0)",
        );
    }
}

fn invoice_checks(d: &Decoded, c: &mut Checks, opts: &Options) {
    for (ty, name, what) in [
        (170, "invoice_amount_present", "invoice_amount"),
        (164, "invoice_created_at_present", "invoice_created_at"),
        (168, "invoice_payment_hash_present", "invoice_payment_hash"),
        (176, "invoice_node_id_present", "invoice_node_id"),
    ] {
        c.add(
            name,
            d.has(ty),
            if d.has(ty) { format!("{what} set") } else { format!("{what} missing") },
        );
    }
    if let Some(net) = opts.network {
        let chains: Vec<[u8; 32]> =
            d.value(80).and_then(|v| v.try_into().ok()).into_iter().collect();
        chain_check(c, "invoice_chain_supported", &chains, net);
    }
    if let Some(f) = d.value(174) {
        let bad = unknown_even(f, &[16]);
        c.add(
            "invoice_features_known",
            bad.is_empty(),
            if bad.is_empty() {
                "no unknown even bits".to_string()
            } else {
                format!("unknown even bits {bad:?}")
            },
        );
    }
    if let (Some(now), Some(created)) = (opts.now, d.tu64(164)) {
        let rel = d.tu64(166).unwrap_or(7200);
        let until = created.saturating_add(rel);
        c.add(
            "invoice_not_expired",
            now <= until,
            format!("expires at {until} (created {created} + {rel} s), now {now}"),
        );
    }
    let n_paths = d.paths_summary(160).map_or(0, |p| p.count);
    c.add("invoice_paths_present", n_paths > 0, format!("{n_paths} path(s)"));
    hops_check(c, d, 160, "invoice_paths_num_hops");
    c.add(
        "invoice_blindedpay_present",
        d.has(162),
        if d.has(162) { "set" } else { "invoice_blindedpay missing" },
    );
    if let Some(v) = d.value(162) {
        let (n_payinfo, usable) = payinfo_features(v);
        c.add(
            "invoice_blindedpay_per_path",
            n_payinfo == n_paths,
            format!("{n_payinfo} payinfo for {n_paths} path(s)"),
        );
        c.add(
            "invoice_has_usable_path",
            usable > 0,
            format!("{usable} path(s) without unknown even payinfo features"),
        );
    }
    let node = d.point(176);
    if let Some(issuer) = d.point(22) {
        c.add(
            "invoice_node_id_is_offer_issuer_id",
            node == Some(issuer),
            format!(
                "invoice_node_id {}, offer_issuer_id {}",
                node.map(hex::encode).unwrap_or_default(),
                hex::encode(issuer)
            ),
        );
    } else if d.has(16) {
        let finals = d.paths_summary(16).map_or(&[][..], |p| p.finals.as_slice());
        c.add(
            "invoice_node_id_in_offer_paths",
            node.is_some_and(|n| finals.contains(&n)),
            format!(
                "invoice_node_id must be a final blinded_node_id of offer_paths ({} path(s))",
                finals.len()
            ),
        );
    }
    signature_check(d, c, "invoice_node_id");
    if let Some(want) = d.tu64(82) {
        let got = d.tu64(170);
        c.add(
            "invoice_amount_is_invreq_amount",
            got == Some(want),
            format!(
                "invoice_amount {} msat, invreq_amount {want} msat",
                got.map_or_else(|| "missing".into(), |g| g.to_string())
            ),
        );
    }
    if d.has(24) || d.has(25) {
        let basetime = d.tu64(177);
        c.add(
            "invoice_recurrence_basetime_present",
            basetime.is_some(),
            if basetime.is_some() {
                "set"
            } else {
                "offer has recurrence but invoice_recurrence_basetime is missing"
            },
        );
        if let (Some(bt), 0) = (basetime, d.tu64(92).unwrap_or(0)) {
            let (want, what) = match d.value(26) {
                Some(b) => (
                    b.get(1..).and_then(|t| decode_truncated(t, 8).ok()).unwrap_or(0),
                    "offer_recurrence_base.basetime",
                ),
                None => (d.tu64(164).unwrap_or(0), "invoice_created_at"),
            };
            c.add(
                "invoice_recurrence_basetime_matches",
                bt == want,
                format!("invoice_recurrence_basetime {bt}, {what} {want}"),
            );
        }
    }
}
