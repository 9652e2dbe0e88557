//! BOLT 11 invoice decoding: "Human-Readable Part" (prefix, amount, multipliers, the `p` rule),
//! "Data Part" (timestamp, signature, public-key recovery), "Tagged Fields" (p s d m n h x c f r 9,
//! unknown tags kept) and "Feature Bits"; plus bLIP 39's `b` (20) blinded-path field.
//!
//! <https://github.com/lightning/bolts/blob/master/11-payment-encoding.md>,
//! <https://github.com/lightning/blips/blob/master/blip-0039.md>
//!
//! Decoding never fails on a rule of the spec: a string that is well-formed bech32 with a
//! timestamp and a signature decodes, and each reader requirement is reported as a [`Check`].
//! Only text that cannot be read at all (bad bech32, checksum, truncated field, amount syntax) is
//! an [`Error`].

use bitcoin::bech32::primitives::checksum::Checksum;
use bitcoin::bech32::primitives::decode::UncheckedHrpstring;
use bitcoin::bech32::Fe32;
use bitcoin::hashes::{sha256, Hash};
use bitcoin::secp256k1::ecdsa::{RecoverableSignature, RecoveryId, Signature};
use bitcoin::secp256k1::{All, Message, PublicKey, Secp256k1};
use bitcoin::{Address, Network, PubkeyHash, ScriptHash, WitnessProgram, WitnessVersion};
use serde_json::{json, Map, Value};

pub use crate::check::Check;
use crate::check::Checks;
use crate::encoding::Reader;
use crate::error::{Error, ErrorKind, Result};
use crate::offers::blinding::Payinfo;
use crate::types::ShortChannelId;
use crate::wire::features;

/// The bech32 checksum without BIP 173's 90-character limit (BOLT 11: "MAY exceed the
/// 90-character limit"; a reader parses it "also without the character limit").
enum Bolt11Checksum {}

impl Checksum for Bolt11Checksum {
    type MidstateRepr = u32;
    const CODE_LENGTH: usize = usize::MAX;
    const CHECKSUM_LENGTH: usize = 6;
    // BIP 173's generator, as in `bech32::Bech32`.
    const GENERATOR_SH: [u32; 5] =
        [0x3b6a_57b2, 0x2650_8e6d, 0x1ea1_19fa, 0x3d42_33dd, 0x2a14_62b3];
    const TARGET_RESIDUE: u32 = 1;
}

/// 35-bit timestamp = 7 groups; 520-bit signature = 104 groups.
const TIMESTAMP_LEN: usize = 7;
const SIGNATURE_LEN: usize = 104;
/// BOLT 11 defaults when `x` / `c` are absent.
pub const DEFAULT_EXPIRY: u64 = 3600;
/// Default `min_final_cltv_expiry_delta`.
pub const DEFAULT_MIN_FINAL_CLTV_EXPIRY_DELTA: u64 = 18;
/// Bytes of one `r` entry: pubkey 33, scid 8, fee_base 4, fee_ppm 4, cltv 2.
const ROUTE_HOP_LEN: usize = 51;

/// Tagged field types (the 5-bit value; the bech32 character is in [`tag_char`]).
pub mod tag {
    /// `p`: payment_hash.
    pub const PAYMENT_HASH: u8 = 1;
    /// `r`: route information.
    pub const ROUTE: u8 = 3;
    /// `9`: features.
    pub const FEATURES: u8 = 5;
    /// `x`: expiry.
    pub const EXPIRY: u8 = 6;
    /// `f`: fallback address.
    pub const FALLBACK: u8 = 9;
    /// `d`: description.
    pub const DESCRIPTION: u8 = 13;
    /// `s`: payment_secret.
    pub const PAYMENT_SECRET: u8 = 16;
    /// `n`: payee node id.
    pub const PAYEE: u8 = 19;
    /// `b`: bLIP 39 blinded path.
    pub const BLINDED_PATH: u8 = 20;
    /// `h`: description hash.
    pub const DESCRIPTION_HASH: u8 = 23;
    /// `c`: min_final_cltv_expiry_delta.
    pub const MIN_FINAL_CLTV_EXPIRY_DELTA: u8 = 24;
    /// `m`: payment metadata.
    pub const METADATA: u8 = 27;
}

/// The bech32 character of a 5-bit value (`1` → `p`).
pub fn tag_char(ty: u8) -> char {
    Fe32::try_from(ty & 31).map_or('?', Fe32::to_char)
}

/// Context for checks that depend on the reader's situation.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Current time (seconds since 1970) for the expiry check; `None` skips it.
    pub now: Option<u64>,
    /// The chain the reader accepts; `None` skips the network check.
    pub network: Option<Network>,
    /// The description committed to by `h`, when the reader has it; `None` skips the check.
    pub description: Option<String>,
}

/// The amount in the human-readable part.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Amount {
    /// As written, e.g. `2500u`.
    pub text: String,
    /// The decimal number.
    pub value: u64,
    /// `m`, `u`, `n`, `p` or none (whole bitcoin).
    pub multiplier: Option<char>,
    /// In millisatoshi; `None` when a `p` amount does not end in 0 (sub-millisatoshi).
    pub msat: Option<u64>,
}

/// One hop of an `r` field (BOLT 7 `channel_update` terms).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RouteHop {
    /// Node id at the start of the channel.
    pub pubkey: [u8; 33],
    /// The channel.
    pub short_channel_id: ShortChannelId,
    /// Base fee.
    pub fee_base_msat: u32,
    /// Proportional fee.
    pub fee_proportional_millionths: u32,
    /// CLTV delta.
    pub cltv_expiry_delta: u16,
}

/// One `f` field with a known version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fallback {
    /// 0–16 witness version, 17 P2PKH, 18 P2SH.
    pub version: u8,
    /// Witness program or hash.
    pub program: Vec<u8>,
}

/// One hop of a bLIP 39 blinded path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BlindedHop {
    /// Blinded node id (the first is the introduction node's real id).
    pub blinded_node_pubkey: [u8; 33],
    /// `encrypted_recipient_data`.
    pub cipher_text: Vec<u8>,
}

/// A bLIP 39 blinded path: BOLT 12's `blinded_payinfo`, then the path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BlindedPayInfo {
    /// The `blinded_payinfo` fields (same encoding as BOLT 12 invoice field 162).
    pub payinfo: Payinfo,
    /// Blinding point for the introduction node.
    pub first_ephemeral_blinding_point: [u8; 33],
    /// The hops, introduction node first.
    pub hops: Vec<BlindedHop>,
}

/// What a tagged field holds once read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldValue {
    /// `p`.
    PaymentHash([u8; 32]),
    /// `s`.
    PaymentSecret([u8; 32]),
    /// `d`, valid UTF-8.
    Description(String),
    /// `d` that is not UTF-8 (a failed check).
    DescriptionBytes(Vec<u8>),
    /// `m`.
    Metadata(Vec<u8>),
    /// `n`.
    Payee([u8; 33]),
    /// `h`.
    DescriptionHash([u8; 32]),
    /// `x`, and whether it is minimally encoded.
    Expiry(u64, bool),
    /// `c`, and whether it is minimally encoded.
    MinFinalCltvExpiryDelta(u64, bool),
    /// `f` with a known version.
    Fallback(Fallback),
    /// `r`.
    Route(Vec<RouteHop>),
    /// `9` (big-endian bytes), and whether it is minimally encoded.
    Features(Vec<u8>, bool),
    /// bLIP 39 `b`.
    BlindedPath(BlindedPayInfo),
    /// A known field the spec says to skip (wrong fixed length, unknown `f` version, invalid `n`).
    Ignored(String),
    /// A tag this decoder does not know.
    Unknown,
}

/// One tagged field as it appears in the string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TaggedField {
    /// The 5-bit type.
    pub ty: u8,
    /// `data_length` in 5-bit groups.
    pub data_length: usize,
    /// Character offset of the type character in the string.
    pub offset: usize,
    /// The data as 5-bit values.
    pub data: Vec<u8>,
    /// The value read.
    pub value: FieldValue,
}

/// A decoded BOLT 11 invoice with the result of every reader check.
#[derive(Debug, Clone)]
pub struct Invoice {
    /// The human-readable part, lower case.
    pub hrp: String,
    /// The currency prefix after `ln` (`bc`, `tb`, `tbs`, `bcrt`).
    pub currency: String,
    /// The network of the prefix, when known.
    pub network: Option<Network>,
    /// The amount, when present.
    pub amount: Option<Amount>,
    /// Seconds since 1970.
    pub timestamp: u64,
    /// Tagged fields in string order.
    pub fields: Vec<TaggedField>,
    /// Compact signature R || S.
    pub signature: [u8; 64],
    /// The trailing recovery id byte.
    pub recovery_id: u8,
    /// The signed bytes: hrp then the data part up to the signature, zero-padded to a byte.
    pub signing_data: Vec<u8>,
    /// SHA256 of `signing_data`.
    pub signing_hash: [u8; 32],
    /// The payee: the valid `n` field, else the key recovered from the signature.
    pub node_id: Option<[u8; 33]>,
    /// Reader checks, in spec order.
    pub checks: Vec<Check>,
}

/// The crate's one shared context.
fn secp() -> &'static Secp256k1<All> {
    crate::crypto::keys::secp()
}

/// Decodes a BOLT 11 string (an optional `lightning:` prefix is stripped) with no reader context.
pub fn decode_str(s: &str) -> Result<Invoice> {
    decode_str_with(s, &Options::default())
}

/// Decodes a BOLT 11 string with reader context (time, network, known description).
pub fn decode_str_with(s: &str, opts: &Options) -> Result<Invoice> {
    let s = s.trim();
    let s = strip_prefix_ci(s, "lightning:").unwrap_or(s);
    // BIP 173 rules named plainly (the bech32 crate's messages are terse).
    if !s.contains('1') {
        return Err(Error::syntax("no bech32 separator '1'").within("bolt11"));
    }
    if s.bytes().any(|b| b.is_ascii_uppercase()) && s.bytes().any(|b| b.is_ascii_lowercase()) {
        return Err(Error::syntax("mixed upper and lower case").within("bolt11"));
    }
    if let Some(i) = s.find(|c: char| !c.is_ascii_graphic()) {
        return Err(Error::syntax("not printable ASCII").at(i).within("bolt11"));
    }
    let unchecked = UncheckedHrpstring::new(s)
        .map_err(|e| Error::syntax(format!("not bech32: {e}")).within("bolt11"))?;
    let checked = unchecked
        .validate_and_remove_checksum::<Bolt11Checksum>()
        .map_err(|e| Error::syntax(format!("bech32 checksum: {e}")).within("bolt11"))?;
    let hrp = checked.hrp().to_lowercase();
    let data: Vec<u8> = checked
        .data_part_ascii_no_checksum()
        .iter()
        .map(|&c| Fe32::from_char(char::from(c)).map(Fe32::to_u8))
        .collect::<std::result::Result<_, _>>()
        .map_err(|e| Error::syntax(format!("not bech32: {e}")).within("bolt11"))?;
    decode_parts(&hrp, &data, opts)
}

fn strip_prefix_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix).then(|| s.get(prefix.len()..)).flatten()
}

/// Decodes from the human-readable part (lower case) and the data part as 5-bit values, without
/// the checksum. Offsets in errors count characters of `hrp` + `1` + data.
pub fn decode_parts(hrp: &str, data: &[u8], opts: &Options) -> Result<Invoice> {
    decode_inner(hrp, data, opts).map_err(|e| e.within("bolt11"))
}

fn decode_inner(hrp: &str, data: &[u8], opts: &Options) -> Result<Invoice> {
    let (currency, amount) = parse_hrp(hrp)?;
    let base = hrp.len() + 1;
    let min = TIMESTAMP_LEN + SIGNATURE_LEN;
    if data.len() < min {
        return Err(Error::new(
            ErrorKind::Truncated,
            format!(
                "data part has {} characters, need at least {min} (timestamp and signature)",
                data.len()
            ),
        )
        .at(base + data.len()));
    }
    if data.iter().any(|&v| v > 31) {
        return Err(Error::syntax("data values must be 5-bit"));
    }
    let sig_start = data.len() - SIGNATURE_LEN;
    let (body, sig5) = data.split_at(sig_start);
    let (ts5, tagged) = body.split_at(TIMESTAMP_LEN);
    let timestamp = ts5.iter().fold(0u64, |acc, &v| (acc << 5) | u64::from(v));

    let mut fields = Vec::new();
    let mut i = 0usize;
    while i < tagged.len() {
        let at = base + TIMESTAMP_LEN + i;
        let (Some(&ty), Some(&hi), Some(&lo)) =
            (tagged.get(i), tagged.get(i + 1), tagged.get(i + 2))
        else {
            return Err(
                Error::new(ErrorKind::Truncated, "tagged field header needs 3 characters").at(at)
            );
        };
        let len = usize::from(hi) * 32 + usize::from(lo);
        let field_data = tagged.get(i + 3..i + 3 + len).ok_or_else(|| {
            Error::new(
                ErrorKind::Truncated,
                format!(
                    "data_length {len} runs past the signature ({} left)",
                    tagged.len() - i - 3
                ),
            )
            .at(at)
            .within(format!("field {}", tag_char(ty)))
        })?;
        let value = read_field(ty, field_data, at)
            .map_err(|e| e.within(format!("field {}", tag_char(ty))))?;
        fields.push(TaggedField {
            ty,
            data_length: len,
            offset: at,
            data: field_data.to_vec(),
            value,
        });
        i += 3 + len;
    }

    let sig_bytes = pack(sig5, false);
    let mut signature = [0u8; 64];
    signature.copy_from_slice(sig_bytes.get(..64).unwrap_or(&[0; 64]));
    let recovery_id = sig_bytes.get(64).copied().unwrap_or(0);
    let mut signing_data = hrp.as_bytes().to_vec();
    signing_data.extend(pack(body, true));
    let signing_hash = sha256::Hash::hash(&signing_data).to_byte_array();

    let mut inv = Invoice {
        hrp: hrp.to_owned(),
        network: network_of(&currency),
        currency,
        amount,
        timestamp,
        fields,
        signature,
        recovery_id,
        signing_data,
        signing_hash,
        node_id: None,
        checks: Vec::new(),
    };
    inv.run_checks(opts);
    Ok(inv)
}

/// Splits `ln` + currency + amount, and reads the amount (BOLT 11 "Human-Readable Part").
fn parse_hrp(hrp: &str) -> Result<(String, Option<Amount>)> {
    let rest = hrp
        .strip_prefix("ln")
        .ok_or_else(|| Error::syntax(format!("prefix {hrp:?} does not start with \"ln\"")).at(0))?;
    let split = rest.find(|c: char| c.is_ascii_digit()).unwrap_or(rest.len());
    let (currency, amount) = rest.split_at(split);
    if amount.is_empty() {
        return Ok((currency.to_owned(), None));
    }
    let at = 2 + split;
    let (digits, multiplier) = match amount.char_indices().last() {
        Some((i, c)) if c.is_ascii_alphabetic() => (amount.get(..i).unwrap_or(""), Some(c)),
        _ => (amount, None),
    };
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(
            Error::syntax(format!("amount {amount:?} is not a number and a multiplier")).at(at)
        );
    }
    let value: u64 = digits.parse().map_err(|_| {
        Error::new(ErrorKind::TooLarge, format!("amount {digits} does not fit in 64 bits")).at(at)
    })?;
    // 1 BTC = 10^11 msat.
    let (mul, div) = match multiplier {
        None => (100_000_000_000u64, 1u64),
        Some('m') => (100_000_000, 1),
        Some('u') => (100_000, 1),
        Some('n') => (100, 1),
        Some('p') => (1, 10),
        Some(c) => {
            return Err(Error::syntax(format!("invalid multiplier {c:?} (m, u, n or p)"))
                .at(at + digits.len()))
        }
    };
    let scaled = value.checked_mul(mul).ok_or_else(|| {
        Error::new(ErrorKind::TooLarge, format!("amount {amount} overflows millisatoshi")).at(at)
    })?;
    let msat = (scaled % div == 0).then(|| scaled / div);
    Ok((currency.to_owned(), Some(Amount { text: amount.to_owned(), value, multiplier, msat })))
}

/// Network of a BOLT 11 currency prefix (BOLT 11 names bc, tb, tbs, bcrt; tb covers testnet4).
pub fn network_of(currency: &str) -> Option<Network> {
    match currency {
        "bc" => Some(Network::Bitcoin),
        "tb" => Some(Network::Testnet),
        "tbs" => Some(Network::Signet),
        "bcrt" => Some(Network::Regtest),
        _ => None,
    }
}

/// The BOLT 11 currency prefix of a network.
pub fn currency_of(n: Network) -> &'static str {
    match n {
        Network::Bitcoin => "bc",
        Network::Signet => "tbs",
        Network::Regtest => "bcrt",
        _ => "tb",
    }
}

/// Packs 5-bit values into bytes; `pad` keeps a final partial byte (zero-filled), else the
/// leftover bits (field padding) are dropped.
fn pack(values: &[u8], pad: bool) -> Vec<u8> {
    let mut out = Vec::with_capacity(values.len() * 5 / 8 + 1);
    let mut acc = 0u32;
    let mut bits = 0u32;
    for &v in values {
        acc = (acc << 5) | u32::from(v & 31);
        bits += 5;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    if pad && bits > 0 {
        out.push((acc << (8 - bits)) as u8);
    }
    out
}

/// Big-endian number from 5-bit values, and whether it has no leading zero group.
fn number(values: &[u8]) -> Result<(u64, bool)> {
    let mut n = 0u64;
    for &v in values {
        n = n
            .checked_mul(32)
            .and_then(|n| n.checked_add(u64::from(v)))
            .ok_or_else(|| Error::new(ErrorKind::TooLarge, "value does not fit in 64 bits"))?;
    }
    Ok((n, values.first().is_none_or(|&v| v != 0)))
}

/// Feature bits of a `9` field: the last group holds bits 0–4.
fn feature_bytes(values: &[u8]) -> Vec<u8> {
    let mut bits = Vec::new();
    for (j, &v) in values.iter().rev().enumerate() {
        for k in 0..5u8 {
            if v & (1 << k) != 0 {
                if let Ok(b) = u16::try_from(j * 5 + usize::from(k)) {
                    bits.push(b);
                }
            }
        }
    }
    features::from_bits(&bits)
}

fn fixed<const N: usize>(data: &[u8], want_len: usize) -> std::result::Result<[u8; N], String> {
    if data.len() != want_len {
        return Err(format!("data_length {}, expected {want_len}", data.len()));
    }
    pack(data, false).get(..N).and_then(|b| b.try_into().ok()).ok_or_else(|| "short".to_owned())
}

fn read_field(ty: u8, data: &[u8], at: usize) -> Result<FieldValue> {
    // Offsets inside packed fields are approximate: 8 bits are 1.6 characters.
    let byte_base = at + 3;
    Ok(match ty {
        tag::PAYMENT_HASH => {
            fixed(data, 52).map_or_else(FieldValue::Ignored, FieldValue::PaymentHash)
        }
        tag::PAYMENT_SECRET => {
            fixed(data, 52).map_or_else(FieldValue::Ignored, FieldValue::PaymentSecret)
        }
        tag::DESCRIPTION_HASH => {
            fixed(data, 52).map_or_else(FieldValue::Ignored, FieldValue::DescriptionHash)
        }
        tag::PAYEE => match fixed::<33>(data, 53) {
            Ok(k) if PublicKey::from_slice(&k).is_ok() => FieldValue::Payee(k),
            Ok(_) => FieldValue::Ignored("not a valid public key".into()),
            Err(e) => FieldValue::Ignored(e),
        },
        tag::DESCRIPTION => {
            let b = pack(data, false);
            String::from_utf8(b).map_or_else(
                |e| FieldValue::DescriptionBytes(e.into_bytes()),
                FieldValue::Description,
            )
        }
        tag::METADATA => FieldValue::Metadata(pack(data, false)),
        tag::EXPIRY => {
            let (n, minimal) = number(data).map_err(|e| e.at(byte_base))?;
            FieldValue::Expiry(n, minimal)
        }
        tag::MIN_FINAL_CLTV_EXPIRY_DELTA => {
            let (n, minimal) = number(data).map_err(|e| e.at(byte_base))?;
            FieldValue::MinFinalCltvExpiryDelta(n, minimal)
        }
        tag::FEATURES => {
            FieldValue::Features(feature_bytes(data), data.first().is_none_or(|&v| v != 0))
        }
        tag::FALLBACK => match data.split_first() {
            None => FieldValue::Ignored("empty fallback".into()),
            Some((&v, _)) if v > 18 => FieldValue::Ignored(format!("unknown fallback version {v}")),
            Some((&version, rest)) => {
                FieldValue::Fallback(Fallback { version, program: pack(rest, false) })
            }
        },
        tag::ROUTE => FieldValue::Route(read_route(&pack(data, false), byte_base)?),
        tag::BLINDED_PATH => FieldValue::BlindedPath(read_blinded(&pack(data, false), byte_base)?),
        _ => FieldValue::Unknown,
    })
}

fn point(r: &mut Reader<'_>, what: &str) -> Result<[u8; 33]> {
    let at = r.offset();
    let k: [u8; 33] = r.array()?;
    PublicKey::from_slice(&k)
        .map_err(|_| Error::invalid(format!("{what} is not a valid public key")).at(at))?;
    Ok(k)
}

fn read_route(bytes: &[u8], base: usize) -> Result<Vec<RouteHop>> {
    if bytes.len() % ROUTE_HOP_LEN != 0 {
        return Err(Error::new(
            ErrorKind::Length,
            format!("{} bytes is not a whole number of {ROUTE_HOP_LEN}-byte hops", bytes.len()),
        )
        .at(base));
    }
    let mut r = Reader::with_base(bytes, base);
    let mut hops = Vec::with_capacity(bytes.len() / ROUTE_HOP_LEN);
    while !r.is_empty() {
        hops.push(RouteHop {
            pubkey: point(&mut r, "pubkey")?,
            short_channel_id: ShortChannelId(r.u64()?),
            fee_base_msat: r.u32()?,
            fee_proportional_millionths: r.u32()?,
            cltv_expiry_delta: r.u16()?,
        });
    }
    Ok(hops)
}

fn read_blinded(bytes: &[u8], base: usize) -> Result<BlindedPayInfo> {
    let mut r = Reader::with_base(bytes, base);
    let payinfo = Payinfo::read(&mut r)?;
    let first_ephemeral_blinding_point = point(&mut r, "first_ephemeral_blinding_point")
        .map_err(|e| e.within("first_ephemeral_blinding_point"))?;
    let num_hops = r.u8().map_err(|e| e.within("num_hops"))?;
    let mut hops = Vec::with_capacity(usize::from(num_hops));
    for i in 0..num_hops {
        let hop = (|| {
            let blinded_node_pubkey = point(&mut r, "blinded_node_pubkey")?;
            let n = r.bigsize()?;
            let n = usize::try_from(n)
                .map_err(|_| Error::new(ErrorKind::TooLarge, "cipher_text_length"))?;
            let cipher_text = r.bytes(n)?.to_vec();
            Ok::<_, Error>(BlindedHop { blinded_node_pubkey, cipher_text })
        })()
        .map_err(|e| e.within(format!("blinded_hops[{i}]")))?;
        hops.push(hop);
    }
    if !r.is_empty() {
        return Err(Error::new(
            ErrorKind::Trailing,
            format!("{} bytes after the path", r.remaining()),
        )
        .at(r.offset()));
    }
    Ok(BlindedPayInfo { payinfo, first_ephemeral_blinding_point, hops })
}

/// BOLT 9 dependencies among features allowed in invoices (`9` context): feature → requires.
const DEPENDENCIES: &[(u16, u16)] = &[
    (16, 14), // basic_mpp → payment_secret
    (14, 8),  // payment_secret → var_onion_optin
];

fn has_feature(bytes: &[u8], even: u16) -> bool {
    features::set_bits(bytes).iter().any(|&b| b & !1 == even)
}

impl Fallback {
    /// `P2PKH`, `P2SH`, `P2WPKH`, `P2WSH`, `P2TR` or `witness_vN`.
    pub fn kind(&self) -> String {
        match (self.version, self.program.len()) {
            (17, _) => "P2PKH".into(),
            (18, _) => "P2SH".into(),
            (0, 20) => "P2WPKH".into(),
            (0, 32) => "P2WSH".into(),
            (1, 32) => "P2TR".into(),
            (v, _) => format!("witness_v{v}"),
        }
    }

    /// The address on `network`, or why there is none (wrong program length).
    pub fn address(&self, network: Network) -> std::result::Result<Address, String> {
        match self.version {
            17 | 18 => {
                let h: [u8; 20] = self
                    .program
                    .as_slice()
                    .try_into()
                    .map_err(|_| format!("{}-byte hash, expected 20", self.program.len()))?;
                Ok(if self.version == 17 {
                    Address::p2pkh(PubkeyHash::from_byte_array(h), network)
                } else {
                    Address::p2sh_from_hash(ScriptHash::from_byte_array(h), network)
                })
            }
            v => {
                let wv = WitnessVersion::try_from(v).map_err(|e| e.to_string())?;
                let wp = WitnessProgram::new(wv, &self.program).map_err(|e| e.to_string())?;
                Ok(Address::from_witness_program(wp, network))
            }
        }
    }
}

impl Invoice {
    fn values(&self) -> impl Iterator<Item = &FieldValue> {
        self.fields.iter().map(|f| &f.value)
    }

    /// The first valid `p`.
    pub fn payment_hash(&self) -> Option<[u8; 32]> {
        self.values().find_map(|v| if let FieldValue::PaymentHash(h) = v { Some(*h) } else { None })
    }

    /// The first valid `s`.
    pub fn payment_secret(&self) -> Option<[u8; 32]> {
        self.values()
            .find_map(|v| if let FieldValue::PaymentSecret(h) = v { Some(*h) } else { None })
    }

    /// The first `d` (valid UTF-8).
    pub fn description(&self) -> Option<&str> {
        self.values().find_map(|v| {
            if let FieldValue::Description(d) = v {
                Some(d.as_str())
            } else {
                None
            }
        })
    }

    /// The first valid `h`.
    pub fn description_hash(&self) -> Option<[u8; 32]> {
        self.values()
            .find_map(|v| if let FieldValue::DescriptionHash(h) = v { Some(*h) } else { None })
    }

    /// The first `m`.
    pub fn payment_metadata(&self) -> Option<&[u8]> {
        self.values().find_map(|v| {
            if let FieldValue::Metadata(m) = v {
                Some(m.as_slice())
            } else {
                None
            }
        })
    }

    /// The first valid `n`.
    pub fn payee(&self) -> Option<[u8; 33]> {
        self.values().find_map(|v| if let FieldValue::Payee(k) = v { Some(*k) } else { None })
    }

    /// `x`, or the default 3600 s.
    pub fn expiry(&self) -> u64 {
        self.values()
            .find_map(|v| if let FieldValue::Expiry(n, _) = v { Some(*n) } else { None })
            .unwrap_or(DEFAULT_EXPIRY)
    }

    /// `c`, or the default 18.
    pub fn min_final_cltv_expiry_delta(&self) -> u64 {
        self.values()
            .find_map(|v| {
                if let FieldValue::MinFinalCltvExpiryDelta(n, _) = v {
                    Some(*n)
                } else {
                    None
                }
            })
            .unwrap_or(DEFAULT_MIN_FINAL_CLTV_EXPIRY_DELTA)
    }

    /// The first `9`, as big-endian bytes.
    pub fn features(&self) -> Option<&[u8]> {
        self.values().find_map(|v| {
            if let FieldValue::Features(b, _) = v {
                Some(b.as_slice())
            } else {
                None
            }
        })
    }

    /// `f` fields with a known version, in preference order.
    pub fn fallbacks(&self) -> Vec<&Fallback> {
        self.values()
            .filter_map(|v| if let FieldValue::Fallback(f) = v { Some(f) } else { None })
            .collect()
    }

    /// `r` fields (one route each), in preference order.
    pub fn routes(&self) -> Vec<&[RouteHop]> {
        self.values()
            .filter_map(|v| if let FieldValue::Route(r) = v { Some(r.as_slice()) } else { None })
            .collect()
    }

    /// bLIP 39 `b` fields.
    pub fn blinded_paths(&self) -> Vec<&BlindedPayInfo> {
        self.values()
            .filter_map(|v| if let FieldValue::BlindedPath(p) = v { Some(p) } else { None })
            .collect()
    }

    /// True when every check passed.
    pub fn valid(&self) -> bool {
        self.checks.iter().all(|c| c.ok)
    }

    /// Failed checks.
    pub fn failed(&self) -> impl Iterator<Item = &Check> {
        self.checks.iter().filter(|c| !c.ok)
    }

    /// Seconds since 1970 after which the invoice should not be paid.
    pub fn expires_at(&self) -> u64 {
        self.timestamp.saturating_add(self.expiry())
    }

    fn count(&self, pred: impl Fn(&FieldValue) -> bool) -> usize {
        self.values().filter(|v| pred(v)).count()
    }

    /// Runs the BOLT 11 reader requirements in spec order (and sets `node_id`).
    fn run_checks(&mut self, opts: &Options) {
        let mut c = Checks::default();
        let mut add = |check: &'static str, ok: bool, detail: String| c.add(check, ok, detail);

        // Human-readable part: "if it does NOT understand the prefix: MUST fail the payment".
        add(
            "prefix_known",
            self.network.is_some(),
            match self.network {
                Some(n) => format!("ln{} is {}", self.currency, crate::network::name(n)),
                None => format!("unknown currency prefix {:?}", self.currency),
            },
        );
        if let Some(a) = &self.amount {
            // "if multiplier is `p` and the last decimal of `amount` is not 0: MUST fail".
            add(
                "amount_whole_msat",
                a.msat.is_some(),
                match a.msat {
                    Some(m) => format!("{} = {m} msat", a.text),
                    None => format!("{} is not a whole number of millisatoshi", a.text),
                },
            );
        }

        // Tagged fields.
        let n_p = self.count(|v| matches!(v, FieldValue::PaymentHash(_)));
        add("payment_hash", n_p > 0, format!("{n_p} valid p field(s); the first is used"));

        let paths = self.blinded_paths().len();
        let n_s = self.count(|v| matches!(v, FieldValue::PaymentSecret(_)));
        if paths == 0 {
            // "if a valid `s` field is not provided: MUST fail the payment".
            add("payment_secret", n_s > 0, format!("{n_s} valid s field(s)"));
        } else {
            // bLIP 39: an invoice with `b` "MUST not contain the `r` field" nor "the `s` field".
            let n_r = self.routes().len();
            add(
                "blinded_paths_without_s_or_r",
                n_s == 0 && n_r == 0,
                format!("{paths} b field(s), {n_s} s field(s), {n_r} r field(s)"),
            );
        }

        let n_d = self
            .count(|v| matches!(v, FieldValue::Description(_) | FieldValue::DescriptionBytes(_)));
        let n_h = self.count(|v| matches!(v, FieldValue::DescriptionHash(_)));
        // "MUST fail the payment if neither a `d` field nor a `h` field is present, or if both are".
        add(
            "description_or_hash",
            (n_d > 0) != (n_h > 0),
            format!("{n_d} d field(s), {n_h} h field(s)"),
        );
        let bad_utf8 = self.count(|v| matches!(v, FieldValue::DescriptionBytes(_)));
        if n_d > 0 {
            add(
                "description_utf8",
                bad_utf8 == 0,
                if bad_utf8 == 0 {
                    "valid UTF-8".into()
                } else {
                    format!("{bad_utf8} d field(s) not UTF-8")
                },
            );
        }
        if let (Some(want), Some(h)) = (&opts.description, self.description_hash()) {
            let got = sha256::Hash::hash(want.as_bytes()).to_byte_array();
            add(
                "description_hash_matches",
                got == h,
                format!("SHA256(description) = {}", hex::encode(got)),
            );
        }

        // "if a `c`, `x`, or `9` field is provided which has a non-minimal data_length: SHOULD
        // treat the invoice as invalid".
        for f in &self.fields {
            let (name, minimal) = match f.value {
                FieldValue::Expiry(_, m) => ("expiry_minimal", m),
                FieldValue::MinFinalCltvExpiryDelta(_, m) => {
                    ("min_final_cltv_expiry_delta_minimal", m)
                }
                FieldValue::Features(_, m) => ("features_minimal", m),
                _ => continue,
            };
            add(
                name,
                minimal,
                format!(
                    "{} field at offset {}: {}",
                    tag_char(f.ty),
                    f.offset,
                    if minimal { "no leading zero" } else { "leading zero field element" }
                ),
            );
        }

        if let Some(fb) = self.features().map(<[u8]>::to_vec) {
            // "if the `9` field contains unknown _even_ bits that are non-zero: MUST fail".
            let unknown = features::unknown_required(&fb);
            add(
                "features_known_even",
                unknown.is_empty(),
                if unknown.is_empty() {
                    "no unknown even bit".into()
                } else {
                    format!("unknown even bit(s) {}", list(&unknown))
                },
            );
            // "if the feature vector does not set all known, transitive feature dependencies:
            // MUST NOT attempt the payment".
            let missing: Vec<String> = DEPENDENCIES
                .iter()
                .filter(|(f, dep)| has_feature(&fb, *f) && !has_feature(&fb, *dep))
                .map(|(f, dep)| {
                    format!(
                        "{} needs {}",
                        features::name(*f).unwrap_or("?"),
                        features::name(*dep).unwrap_or("?")
                    )
                })
                .collect();
            add(
                "feature_dependencies",
                missing.is_empty(),
                if missing.is_empty() { "all set".into() } else { missing.join("; ") },
            );
        }

        let fallbacks = self.fallbacks();
        if !fallbacks.is_empty() {
            let net = self.network.unwrap_or(Network::Bitcoin);
            let bad: Vec<String> = fallbacks
                .iter()
                .filter_map(|f| f.address(net).err().map(|e| format!("version {}: {e}", f.version)))
                .collect();
            add(
                "fallbacks_valid",
                bad.is_empty(),
                if bad.is_empty() {
                    format!("{} fallback(s)", fallbacks.len())
                } else {
                    bad.join("; ")
                },
            );
        }

        // Signature: "if a valid `n` field is provided: MUST use the `n` field to validate the
        // signature ... If the signature is not compliant with the low-S standard rule: MUST fail;
        // otherwise: MUST perform ECDSA public-key recovery and accept both high-S and low-S".
        let msg = Message::from_digest(self.signing_hash);
        if let Some(n) = self.payee() {
            self.node_id = Some(n);
            match (Signature::from_compact(&self.signature), PublicKey::from_slice(&n)) {
                (Ok(sig), Ok(pk)) => {
                    let mut low = sig;
                    low.normalize_s();
                    add(
                        "signature",
                        secp().verify_ecdsa(&msg, &low, &pk).is_ok(),
                        "verified against the n field".into(),
                    );
                    add(
                        "signature_low_s",
                        low == sig,
                        if low == sig { "low S".into() } else { "high S with an n field".into() },
                    );
                }
                _ => add("signature", false, "signature is not a valid compact signature".into()),
            }
        } else {
            // A high-S signature is read as its low-S twin with the same recovery id, as the
            // spec's "Public-key recovery with high-S signature" example requires.
            let low = Signature::from_compact(&self.signature).map(|mut s| {
                s.normalize_s();
                s.serialize_compact()
            });
            let recovered = RecoveryId::from_i32(i32::from(self.recovery_id))
                .and_then(|id| RecoverableSignature::from_compact(&low?, id))
                .and_then(|sig| secp().recover_ecdsa(&msg, &sig));
            match recovered {
                Ok(pk) => {
                    self.node_id = Some(pk.serialize());
                    add("signature", true, format!("recovered node id {pk}"));
                }
                Err(e) => add(
                    "signature",
                    false,
                    format!("no public key recoverable (recovery id {}): {e}", self.recovery_id),
                ),
            }
        }

        // Payer requirements that need the reader's context.
        if let Some(now) = opts.now {
            add(
                "not_expired",
                now < self.expires_at(),
                format!(
                    "expires at {} (timestamp {} + expiry {}), now {now}",
                    self.expires_at(),
                    self.timestamp,
                    self.expiry()
                ),
            );
        }
        if let Some(want) = opts.network {
            add(
                "network",
                self.network == Some(want),
                format!(
                    "invoice for ln{}, reader on {}",
                    self.currency,
                    crate::network::name(want)
                ),
            );
        }
        self.checks = c.0;
    }

    /// The JSON report: prefix and amount, timestamp, the fields by BOLT name (first of each),
    /// every tagged field in order, signature data, `checks` and `valid`.
    pub fn to_json(&self) -> Value {
        let mut m = Map::new();
        m.insert("type".into(), "bolt11_invoice".into());
        m.insert("hrp".into(), self.hrp.clone().into());
        m.insert("currency".into(), self.currency.clone().into());
        m.insert("network".into(), self.network.map(crate::network::name).into());
        if let Some(a) = &self.amount {
            m.insert("amount".into(), a.text.clone().into());
            m.insert("amount_msat".into(), a.msat.into());
        }
        m.insert("timestamp".into(), self.timestamp.into());
        if let Some(h) = self.payment_hash() {
            m.insert("payment_hash".into(), hex::encode(h).into());
        }
        if let Some(s) = self.payment_secret() {
            m.insert("payment_secret".into(), hex::encode(s).into());
        }
        if let Some(d) = self.description() {
            m.insert("description".into(), d.into());
        }
        if let Some(h) = self.description_hash() {
            m.insert("description_hash".into(), hex::encode(h).into());
        }
        if let Some(md) = self.payment_metadata() {
            m.insert("payment_metadata".into(), hex::encode(md).into());
        }
        if let Some(n) = self.payee() {
            m.insert("payee".into(), hex::encode(n).into());
        }
        m.insert("expiry".into(), self.expiry().into());
        m.insert("expires_at".into(), self.expires_at().into());
        m.insert("min_final_cltv_expiry_delta".into(), self.min_final_cltv_expiry_delta().into());
        if let Some(f) = self.features() {
            m.insert("features".into(), features::to_json(f));
        }
        let fallbacks = self.fallbacks();
        if !fallbacks.is_empty() {
            m.insert("fallbacks".into(), fallbacks.iter().map(|f| self.fallback_json(f)).collect());
        }
        let routes = self.routes();
        if !routes.is_empty() {
            let v: Vec<Value> = routes
                .iter()
                .map(|r| r.iter().map(RouteHop::to_json).collect::<Vec<_>>().into())
                .collect();
            m.insert("routes".into(), v.into());
        }
        let paths = self.blinded_paths();
        if !paths.is_empty() {
            m.insert("blinded_paths".into(), paths.iter().map(|p| p.to_json()).collect());
        }
        m.insert("tagged_fields".into(), self.fields.iter().map(TaggedField::to_json).collect());
        m.insert("signature".into(), hex::encode(self.signature).into());
        m.insert("recovery_id".into(), self.recovery_id.into());
        m.insert("signing_data".into(), hex::encode(&self.signing_data).into());
        m.insert("signing_hash".into(), hex::encode(self.signing_hash).into());
        m.insert("node_id".into(), self.node_id.map(hex::encode).into());
        m.insert(
            "node_id_source".into(),
            match (self.node_id, self.payee()) {
                (Some(_), Some(_)) => "n".into(),
                (Some(_), None) => "recovered".into(),
                _ => Value::Null,
            },
        );
        m.insert("checks".into(), crate::check::to_json(&self.checks));
        m.insert("valid".into(), self.valid().into());
        Value::Object(m)
    }

    fn fallback_json(&self, f: &Fallback) -> Value {
        let addr =
            self.network.ok_or_else(|| "unknown network".to_owned()).and_then(|n| f.address(n));
        json!({
            "version": f.version,
            "type": f.kind(),
            "program": hex::encode(&f.program),
            "address": addr.as_ref().ok().map(ToString::to_string),
        })
    }
}

fn list(v: &[u16]) -> String {
    v.iter().map(u16::to_string).collect::<Vec<_>>().join(", ")
}

impl RouteHop {
    /// `{pubkey, short_channel_id, fee_base_msat, fee_proportional_millionths, cltv_expiry_delta}`.
    pub fn to_json(&self) -> Value {
        json!({
            "pubkey": hex::encode(self.pubkey),
            "short_channel_id": self.short_channel_id.to_string(),
            "fee_base_msat": self.fee_base_msat,
            "fee_proportional_millionths": self.fee_proportional_millionths,
            "cltv_expiry_delta": self.cltv_expiry_delta,
        })
    }
}

impl BlindedPayInfo {
    /// bLIP 39 field names, `hops` as `{blinded_node_pubkey, cipher_text}`.
    pub fn to_json(&self) -> Value {
        let hops: Vec<Value> = self
            .hops
            .iter()
            .map(|h| {
                json!({
                    "blinded_node_pubkey": hex::encode(h.blinded_node_pubkey),
                    "cipher_text": hex::encode(&h.cipher_text),
                })
            })
            .collect();
        let p = &self.payinfo;
        json!({
            "fee_base_msat": p.fee_base_msat,
            "fee_proportional_millionths": p.fee_proportional_millionths,
            "cltv_expiry_delta": p.cltv_expiry_delta,
            "htlc_minimum_msat": p.htlc_minimum_msat,
            "htlc_maximum_msat": p.htlc_maximum_msat,
            "flen": p.features.len(),
            "features": features::to_json(&p.features),
            "first_ephemeral_blinding_point": hex::encode(self.first_ephemeral_blinding_point),
            "num_hops": self.hops.len(),
            "hops": hops,
        })
    }
}

impl TaggedField {
    /// `{tag, type, data_length, offset, name, ...value}`; unknown and ignored fields keep
    /// their data (as bech32 characters and as packed hex).
    pub fn to_json(&self) -> Value {
        let mut m = Map::new();
        m.insert("tag".into(), tag_char(self.ty).to_string().into());
        m.insert("type".into(), self.ty.into());
        m.insert("data_length".into(), self.data_length.into());
        m.insert("offset".into(), self.offset.into());
        let name = match self.ty {
            tag::PAYMENT_HASH => "payment_hash",
            tag::PAYMENT_SECRET => "payment_secret",
            tag::DESCRIPTION => "description",
            tag::METADATA => "payment_metadata",
            tag::PAYEE => "payee",
            tag::DESCRIPTION_HASH => "description_hash",
            tag::EXPIRY => "expiry",
            tag::MIN_FINAL_CLTV_EXPIRY_DELTA => "min_final_cltv_expiry_delta",
            tag::FALLBACK => "fallback",
            tag::ROUTE => "route",
            tag::FEATURES => "features",
            tag::BLINDED_PATH => "blinded_path",
            _ => "unknown",
        };
        m.insert("name".into(), name.into());
        let value = match &self.value {
            FieldValue::PaymentHash(b)
            | FieldValue::PaymentSecret(b)
            | FieldValue::DescriptionHash(b) => hex::encode(b).into(),
            FieldValue::Description(s) => s.clone().into(),
            FieldValue::DescriptionBytes(b) | FieldValue::Metadata(b) => hex::encode(b).into(),
            FieldValue::Payee(k) => hex::encode(k).into(),
            FieldValue::Expiry(n, _) | FieldValue::MinFinalCltvExpiryDelta(n, _) => (*n).into(),
            FieldValue::Features(b, _) => features::to_json(b),
            FieldValue::Fallback(f) => {
                json!({"version": f.version, "type": f.kind(), "program": hex::encode(&f.program)})
            }
            FieldValue::Route(r) => r.iter().map(RouteHop::to_json).collect(),
            FieldValue::BlindedPath(p) => p.to_json(),
            FieldValue::Ignored(why) => {
                m.insert("ignored".into(), why.clone().into());
                Value::Null
            }
            FieldValue::Unknown => Value::Null,
        };
        if matches!(self.value, FieldValue::Ignored(_) | FieldValue::Unknown) {
            let chars: String = self.data.iter().map(|&v| tag_char(v)).collect();
            m.insert("data".into(), chars.into());
            m.insert("hex".into(), hex::encode(pack(&self.data, false)).into());
        } else {
            m.insert("value".into(), value);
        }
        Value::Object(m)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pack_pads_or_drops() {
        // 52 groups = 260 bits: 32 bytes, 4 padding bits dropped.
        assert_eq!(pack(&[0; 52], false).len(), 32);
        assert_eq!(pack(&[0; 52], true).len(), 33);
        assert_eq!(pack(&[31, 31], true), vec![0xff, 0xc0]);
    }

    #[test]
    fn amounts() {
        let (_, a) = parse_hrp("lnbc2500u").unwrap();
        assert_eq!(a.unwrap().msat, Some(250_000_000));
        let (_, a) = parse_hrp("lnbc9678785340p").unwrap();
        assert_eq!(a.unwrap().msat, Some(967_878_534));
        let (_, a) = parse_hrp("lnbc2500000001p").unwrap();
        assert_eq!(a.unwrap().msat, None);
        assert!(parse_hrp("lnbc2500x").is_err());
        assert!(parse_hrp("lnbc99999999999999999999").is_err());
        let (c, a) = parse_hrp("lnbcrt").unwrap();
        assert_eq!((c.as_str(), a), ("bcrt", None));
    }
}
