//! ln-offer: BOLT 12 offers, invoice requests and invoices (the CLI definition and glue; logic
//! lives in `lnkit::offers`).

#[path = "common/mod.rs"]
mod common;

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{SystemTime, UNIX_EPOCH};

use anyhow::Context;
use bitcoin::secp256k1::{rand, PublicKey, Secp256k1, SecretKey};
use clap::{Args, Parser, Subcommand, ValueEnum};
use lnkit::offers::build::{self, InvoiceParams, InvreqParams, OfferParams, RecurrenceParams};
use lnkit::offers::{blinding, chain, recurrence, string, Decoded, Kind, Options};
use serde_json::{json, Value};

use common::{Common, Out};

/// BOLT 12 offers, invoice requests and invoices: decode, check, create, verify.
#[derive(Parser, Debug)]
#[command(name = "ln-offer", version, arg_required_else_help = true)]
struct Cli {
    #[command(flatten)]
    common: Common,
    #[command(subcommand)]
    cmd: Option<Cmd>,
}

// Parsed once per run: the size difference between variants does not matter.
#[allow(clippy::large_enum_variant)]
#[derive(Subcommand, Debug)]
enum Cmd {
    /// Decode an offer, invoice_request or invoice (string or TLV hex), or a BOLT 11 invoice,
    /// into JSON with every reader check; exits 1 when a check fails (the report is still
    /// printed)
    Decode {
        /// `lno1…`, `lnr1…`, `lni1…` (with `+` joins), the TLV stream as hex, or a BOLT 11
        /// invoice (`lnbc…`, `lntb…`, `lntbs…`, `lnbcrt…`, `lnsb…`); '-' or omitted reads stdin
        input: Option<String>,
        /// One JSON line per TLV record: type, name, length, value hex, Merkle leaf (BOLT 11:
        /// one line per tagged field)
        #[arg(long)]
        raw: bool,
        /// Kind of a hex input (default: guessed from its TLV types)
        #[arg(long = "type", value_enum, value_name = "KIND")]
        kind: Option<KindArg>,
        #[command(flatten)]
        time: Now,
    },
    /// Create and sign an offer, invoice_request or invoice
    Create {
        #[command(subcommand)]
        what: Create,
    },
    /// Check a chain offer → invoice_request → invoice (mirrored fields byte-equal,
    /// signatures, amounts, node id, expiry) and a preimage against the payment hash
    Verify {
        /// The offer
        #[arg(long, value_name = "LNO")]
        offer: Option<String>,
        /// The invoice_request
        #[arg(long, value_name = "LNR")]
        invoice_request: Option<String>,
        /// The invoice (string `lni1…` or TLV hex)
        #[arg(long, value_name = "LNI")]
        invoice: Option<String>,
        /// Payment preimage (hex) to check against invoice_payment_hash [env: LN_OFFER_PREIMAGE]
        #[arg(long, value_name = "HEX")]
        preimage: Option<String>,
        #[command(flatten)]
        time: Now,
    },
    /// Encode raw records `TYPE=HEX` (in the order given, so invalid strings can be made)
    Encode {
        /// Human-readable prefix
        #[arg(long, value_enum, default_value = "lno")]
        hrp: Hrp,
        /// Print the TLV stream as hex instead of the string
        #[arg(long)]
        hex: bool,
        /// Records as TYPE=HEX (e.g. 10=74657374 22=02eec7…)
        #[arg(value_name = "TYPE=HEX", required = true)]
        records: Vec<String>,
    },
    /// Verify a BIP 353 DNSSEC proof (RFC 9102, no live DNS) for user@domain at --now and
    /// print the name, the bitcoin: URI, the validity window and the offer it carries
    /// (decoded); exits 1 when the proof or the offer fails
    Bip353 {
        /// The human-readable name, user@domain (a leading ₿ is dropped); default: the name
        /// inside a PSBT_OUT_DNSSEC_PROOF value
        #[arg(long, value_name = "USER@DOMAIN")]
        name: Option<String>,
        /// The proof: hex, a file (binary or hex), or '-' for stdin; either the RFC 9102
        /// AuthenticationChain or a PSBT_OUT_DNSSEC_PROOF value (1-byte length, name, proof)
        #[arg(long, value_name = "HEX|FILE|-")]
        proof: String,
        /// Time to check the RRSIG validity window and the offer's expiry at, seconds since
        /// 1970 (default: the system clock)
        #[arg(long, value_name = "SECS")]
        now: Option<u64>,
    },
    /// Recurrence schedule (bolts PR #1240): period starts, pay windows, amounts
    Periods {
        /// Take the recurrence from this offer (or invoice_request / invoice)
        #[arg(long, value_name = "LNO")]
        offer: Option<String>,
        /// 0 seconds, 1 days, 2 months (without --offer)
        #[arg(long, value_name = "UNIT")]
        time_unit: Option<u8>,
        /// Period length in time units (without --offer)
        #[arg(long, value_name = "N")]
        period: Option<u32>,
        /// Start of period #0, seconds since 1970 (offer_recurrence_base, or the first
        /// invoice's invoice_created_at)
        #[arg(long, value_name = "SECS")]
        basetime: Option<u64>,
        /// Pay window SECONDS_BEFORE:SECONDS_AFTER (without --offer)
        #[arg(long, value_name = "B:A")]
        paywindow: Option<String>,
        /// Amount per period (without --offer)
        #[arg(long, value_name = "N")]
        amount: Option<u64>,
        /// Scale the amount to the time left in the period at --now (without --offer)
        #[arg(long)]
        proportional: bool,
        /// First period index
        #[arg(long, default_value_t = 0, value_name = "N")]
        first: u64,
        /// Number of periods
        #[arg(long, default_value_t = 12, value_name = "N")]
        count: u64,
        /// Current time for proportional amounts (seconds since 1970)
        #[arg(long, value_name = "SECS")]
        now: Option<u64>,
    },
}

#[derive(Args, Debug, Clone)]
struct Now {
    /// Current time for expiry checks: seconds since 1970, or 'none' to skip them
    /// (default: the system clock)
    #[arg(long, value_name = "SECS|none")]
    now: Option<String>,
}

impl Now {
    fn get(&self) -> anyhow::Result<Option<u64>> {
        match self.now.as_deref() {
            None => Ok(Some(now_secs())),
            Some("none") => Ok(None),
            Some(s) => match s.parse() {
                Ok(v) => Ok(Some(v)),
                Err(_) => common::usage(format!("--now: {s:?} is not seconds or 'none'")),
            },
        }
    }
}

#[derive(ValueEnum, Debug, Clone, Copy)]
enum KindArg {
    Offer,
    InvoiceRequest,
    Invoice,
    InvoiceError,
}

#[derive(ValueEnum, Debug, Clone, Copy)]
enum Hrp {
    Lno,
    Lnr,
    Lni,
}

#[derive(ValueEnum, Debug, Clone, Copy)]
enum Mpp {
    Optional,
    Compulsory,
}

#[derive(Args, Debug, Clone)]
struct Key {
    /// File holding the signing key (32-byte hex) [env: LN_OFFER_KEY]
    #[arg(long, value_name = "FILE")]
    key_file: Option<PathBuf>,
}

#[derive(Args, Debug, Clone)]
struct PathArgs {
    /// Blinded path through these node ids (comma-separated, introduction node first); the
    /// signing key's node is appended as the final hop. Repeat for more paths.
    #[arg(long = "path", value_name = "NODE,…")]
    paths: Vec<String>,
}

#[derive(Subcommand, Debug)]
enum Create {
    /// Create an offer (`lno1…`); the signing key's public key is offer_issuer_id
    Offer {
        #[command(flatten)]
        key: Key,
        /// offer_amount: msat, or with a unit (`10sat`, `0.001btc`, `5000msat`), or minor
        /// units of --currency
        #[arg(long, value_name = "AMOUNT")]
        amount: Option<String>,
        /// offer_currency (ISO 4217, e.g. USD); --amount is then in its minor unit (cents)
        #[arg(long, value_name = "CODE")]
        currency: Option<String>,
        /// offer_description
        #[arg(long, value_name = "TEXT")]
        description: Option<String>,
        /// offer_issuer
        #[arg(long, value_name = "TEXT")]
        issuer: Option<String>,
        /// offer_absolute_expiry (seconds since 1970)
        #[arg(long, value_name = "SECS")]
        absolute_expiry: Option<u64>,
        /// offer_quantity_max (0 = unlimited)
        #[arg(long, value_name = "N")]
        quantity_max: Option<u64>,
        /// offer_metadata (hex)
        #[arg(long, value_name = "HEX")]
        metadata: Option<String>,
        /// offer_features (hex)
        #[arg(long, value_name = "HEX")]
        features: Option<String>,
        /// offer_chains entries (network names); omit for bitcoin alone
        #[arg(long = "chain", value_name = "NETWORK")]
        chains: Vec<String>,
        #[command(flatten)]
        paths: PathArgs,
        /// Leave out offer_issuer_id (needs --path; --json then prints the key to sign
        /// invoices with)
        #[arg(long)]
        no_issuer_id: bool,
        /// Recurrence UNIT:PERIOD with UNIT seconds|days|months (e.g. months:1)
        #[arg(long, value_name = "UNIT:N")]
        recurrence: Option<String>,
        /// Use offer_recurrence_optional (pre-recurrence wallets may pay once)
        #[arg(long, requires = "recurrence")]
        recurrence_optional: bool,
        /// offer_recurrence_base basetime (seconds since 1970)
        #[arg(long, value_name = "SECS", requires = "recurrence")]
        recurrence_base: Option<u64>,
        /// Set proportional_amount in offer_recurrence_base
        #[arg(long, requires = "recurrence_base")]
        recurrence_proportional: bool,
        /// offer_recurrence_paywindow SECONDS_BEFORE:SECONDS_AFTER
        #[arg(long, value_name = "B:A", requires = "recurrence")]
        recurrence_paywindow: Option<String>,
        /// offer_recurrence_limit (max_period_index)
        #[arg(long, value_name = "N", requires = "recurrence")]
        recurrence_limit: Option<u32>,
    },
    /// Create an invoice_request for an offer, signed by the payer key (invreq_payer_id)
    InvoiceRequest {
        #[command(flatten)]
        key: Key,
        /// The offer to answer
        #[arg(long, value_name = "LNO")]
        offer: String,
        /// invreq_amount (msat or with a unit)
        #[arg(long, value_name = "AMOUNT")]
        amount: Option<String>,
        /// invreq_quantity
        #[arg(long, value_name = "N")]
        quantity: Option<u64>,
        /// invreq_payer_note
        #[arg(long, value_name = "TEXT")]
        payer_note: Option<String>,
        /// invreq_bip_353_name as user@domain (a leading ₿ is dropped)
        #[arg(long, value_name = "USER@DOMAIN")]
        bip353: Option<String>,
        /// invreq_chain (network name; omitted for bitcoin)
        #[arg(long, value_name = "NETWORK")]
        chain: Option<String>,
        /// invreq_metadata (hex; default 32 random bytes)
        #[arg(long, value_name = "HEX")]
        metadata: Option<String>,
        /// invreq_features (hex)
        #[arg(long, value_name = "HEX")]
        features: Option<String>,
        /// invreq_recurrence_counter
        #[arg(long, value_name = "N")]
        recurrence_counter: Option<u32>,
        /// invreq_recurrence_start
        #[arg(long, value_name = "N")]
        recurrence_start: Option<u32>,
        /// invreq_recurrence_cancel
        #[arg(long)]
        recurrence_cancel: bool,
    },
    /// Create an invoice answering an invoice_request, signed by the node key (invoice_node_id)
    Invoice {
        #[command(flatten)]
        key: Key,
        /// The invoice_request to answer
        #[arg(long, value_name = "LNR")]
        invoice_request: String,
        /// Payment preimage (hex; default random, printed with --json) [env: LN_OFFER_PREIMAGE]
        #[arg(long, value_name = "HEX")]
        preimage: Option<String>,
        /// invoice_amount when the request has no invreq_amount and the offer is in a currency
        #[arg(long, value_name = "AMOUNT")]
        amount: Option<String>,
        /// invoice_created_at (default now)
        #[arg(long, value_name = "SECS")]
        created_at: Option<u64>,
        /// invoice_relative_expiry in seconds (default 7200, then omitted)
        #[arg(long, value_name = "SECS")]
        relative_expiry: Option<u32>,
        #[command(flatten)]
        paths: PathArgs,
        /// payment_relay fee_base_msat of each intermediate hop
        #[arg(long, default_value_t = 1000, value_name = "MSAT")]
        fee_base: u32,
        /// payment_relay fee_proportional_millionths of each intermediate hop
        #[arg(long, default_value_t = 100, value_name = "PPM")]
        fee_ppm: u32,
        /// payment_relay cltv_expiry_delta of each intermediate hop
        #[arg(long, default_value_t = 144, value_name = "BLOCKS")]
        cltv_delta: u16,
        /// Recipient's min_final_cltv_expiry_delta (added to the payinfo delta)
        #[arg(long, default_value_t = 18, value_name = "BLOCKS")]
        min_final_cltv_delta: u16,
        /// payment_constraints max_cltv_expiry at the recipient (block height)
        #[arg(long, default_value_t = 1_000_000, value_name = "HEIGHT")]
        max_cltv_expiry: u32,
        /// htlc_minimum_msat
        #[arg(long, default_value_t = 1, value_name = "MSAT")]
        htlc_min: u64,
        /// htlc_maximum_msat of the payinfo (default: the invoice amount)
        #[arg(long, value_name = "MSAT")]
        htlc_max: Option<u64>,
        /// invoice_features MPP bit
        #[arg(long, value_enum)]
        mpp: Option<Mpp>,
        /// invoice_recurrence_basetime for successive invoices of offers without a base
        #[arg(long, value_name = "SECS")]
        recurrence_basetime: Option<u64>,
    },
}

fn main() -> ExitCode {
    common::main_with(|| {
        let cli = Cli::parse();
        if common::generate::<Cli>(&cli.common)? {
            return Ok(());
        }
        let Some(cmd) = cli.cmd else {
            return common::usage("a subcommand is required (see --help)");
        };
        match cmd {
            Cmd::Decode { input, raw, kind, time } => {
                decode(&cli.common, input.as_deref(), raw, kind, &time)
            }
            Cmd::Create { what } => create(&cli.common, what),
            Cmd::Verify { offer, invoice_request, invoice, preimage, time } => verify(
                &cli.common,
                offer.as_deref(),
                invoice_request.as_deref(),
                invoice.as_deref(),
                preimage.as_deref(),
                &time,
            ),
            Cmd::Encode { hrp, hex, records } => encode(hrp, hex, &records),
            Cmd::Bip353 { name, proof, now } => bip353(&cli.common, name.as_deref(), &proof, now),
            Cmd::Periods {
                offer,
                time_unit,
                period,
                basetime,
                paywindow,
                amount,
                proportional,
                first,
                count,
                now,
            } => periods(
                offer.as_deref(),
                time_unit,
                period,
                basetime,
                paywindow.as_deref(),
                amount,
                proportional,
                first,
                count,
                now,
            ),
        }
    })
}

fn now_secs() -> u64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs())
}

/// The chain the reader accepts: only when the user named one (decoding alone is chain-agnostic).
fn reader_network(common: &Common) -> anyhow::Result<Option<bitcoin::Network>> {
    let explicit =
        common.network.is_some() || std::env::var("LN_NETWORK").is_ok_and(|v| !v.trim().is_empty());
    Ok(if explicit { Some(common.network()?) } else { None })
}

fn kind_of(k: KindArg) -> Kind {
    match k {
        KindArg::Offer => Kind::Offer,
        KindArg::InvoiceRequest => Kind::InvoiceRequest,
        KindArg::Invoice => Kind::Invoice,
        KindArg::InvoiceError => Kind::InvoiceError,
    }
}

/// A BOLT 12 string, or hex of a TLV stream (kind from `kind` or guessed).
fn parse_input(text: &str, kind: Option<Kind>, opts: &Options) -> anyhow::Result<Decoded> {
    let t = text.trim();
    let looks_string =
        t.len() > 3 && t.get(..2).is_some_and(|p| p.eq_ignore_ascii_case("ln")) && t.contains('1');
    if looks_string {
        return Ok(lnkit::offers::decode_str_with(t, opts)?);
    }
    let bytes = common::hex_arg(t)?;
    let kind = kind.unwrap_or_else(|| lnkit::offers::guess_kind(&bytes));
    Ok(lnkit::offers::decode_bytes(kind, bytes, opts)?)
}

/// True for a BOLT 11 invoice (`lnbc…`, `lntb…`, `lntbs…`, `lnbcrt…`, `lnsb…`, optionally after
/// `lightning:`), as opposed to a BOLT 12 string (`lno`/`lnr`/`lni`) or hex.
fn is_bolt11(text: &str) -> bool {
    let t = text.trim();
    let t = t
        .get(..10)
        .filter(|p| p.eq_ignore_ascii_case("lightning:"))
        .and_then(|_| t.get(10..))
        .unwrap_or(t);
    t.get(..4)
        .is_some_and(|p| ["lnbc", "lntb", "lnsb"].iter().any(|b11| p.eq_ignore_ascii_case(b11)))
}

fn decode_bolt11(
    common: &Common,
    text: &str,
    raw: bool,
    kind: Option<KindArg>,
    time: &Now,
) -> anyhow::Result<()> {
    if kind.is_some() {
        return common::usage("--type applies to BOLT 12 TLV hex, not to a BOLT 11 invoice");
    }
    let opts = lnkit::bolt11::Options {
        now: time.get()?,
        network: reader_network(common)?,
        description: None,
    };
    let inv = lnkit::bolt11::decode_str_with(text, &opts)?;
    let rows = || inv.fields.iter().map(lnkit::bolt11::TaggedField::to_json).collect();
    print_decoded(raw, rows, || inv.to_json(), inv.valid())
}

/// Prints a decode: with `raw` one JSON line per row, else the report, then exit 1 (after
/// printing) when a check failed.
fn print_decoded(
    raw: bool,
    rows: impl FnOnce() -> Vec<Value>,
    report: impl FnOnce() -> Value,
    valid: bool,
) -> anyhow::Result<()> {
    let mut out = Out::new();
    if raw {
        for row in rows() {
            out.json_line(&row)?;
        }
    } else {
        out.json(&report())?;
    }
    out.flush()?;
    if !raw && !valid {
        return Err(common::ChecksFailed.into());
    }
    Ok(())
}

fn decode(
    common: &Common,
    input: Option<&str>,
    raw: bool,
    kind: Option<KindArg>,
    time: &Now,
) -> anyhow::Result<()> {
    let text = common::read_data(input, "offer, invoice_request, invoice or BOLT 11 invoice")?;
    if is_bolt11(&text) {
        return decode_bolt11(common, &text, raw, kind, time);
    }
    let opts = Options { now: time.get()?, network: reader_network(common)? };
    let d = parse_input(&text, kind.map(kind_of), &opts)?;
    print_decoded(raw, || d.raw_rows(), || d.to_json(), d.valid())
}

fn secret_key(key: &Key) -> anyhow::Result<SecretKey> {
    let Some(s) = common::read_secret(key.key_file.as_deref(), "LN_OFFER_KEY", None)? else {
        return common::usage("a signing key is required: --key-file FILE or LN_OFFER_KEY");
    };
    let b = common::hex_arg(&s).context("signing key")?;
    SecretKey::from_slice(&b)
        .map_err(|_| common::Usage("signing key: not a valid 32-byte secret key".into()).into())
}

fn parse_amount(s: &str) -> anyhow::Result<u64> {
    let t = s.trim().to_ascii_lowercase();
    let bad = || common::Usage(format!("amount {s:?}: expected N, Nmsat, Nsat or N.Nbtc"));
    let v = if let Some(n) = t.strip_suffix("msat") {
        n.trim().parse::<u64>().map_err(|_| bad())?
    } else if let Some(n) = t.strip_suffix("sat") {
        n.trim().parse::<u64>().ok().and_then(|x| x.checked_mul(1000)).ok_or_else(bad)?
    } else if let Some(n) = t.strip_suffix("btc") {
        let (int, frac) = n.trim().split_once('.').unwrap_or((n.trim(), ""));
        if frac.len() > 11 || !frac.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad().into());
        }
        let int: u64 = if int.is_empty() { 0 } else { int.parse().map_err(|_| bad())? };
        let frac: u64 = format!("{frac:0<11}").parse().map_err(|_| bad())?;
        int.checked_mul(100_000_000_000).and_then(|x| x.checked_add(frac)).ok_or_else(bad)?
    } else {
        t.parse::<u64>().map_err(|_| bad())?
    };
    Ok(v)
}

fn opt_hex(s: Option<&str>) -> anyhow::Result<Option<Vec<u8>>> {
    s.map(common::hex_arg).transpose()
}

fn chain_hash(name: &str) -> anyhow::Result<[u8; 32]> {
    let n = lnkit::network::parse(name).map_err(|e| common::Usage(e.to_string()))?;
    Ok(lnkit::network::chain_hash(n))
}

fn node_list(s: &str) -> anyhow::Result<Vec<PublicKey>> {
    s.split(',')
        .filter(|x| !x.trim().is_empty())
        .map(|x| {
            PublicKey::from_slice(&common::hex_arg(x)?)
                .map_err(|_| common::Usage(format!("--path: {x:?} is not a node id")).into())
        })
        .collect()
}

fn random_bytes<const N: usize>() -> [u8; N] {
    let mut b = [0u8; N];
    rand::RngCore::fill_bytes(&mut rand::thread_rng(), &mut b);
    b
}

fn pair(s: &str, what: &str) -> anyhow::Result<(u32, u32)> {
    let (a, b) = s.split_once(':').ok_or_else(|| common::Usage(format!("{what}: expected A:B")))?;
    match (a.trim().parse(), b.trim().parse()) {
        (Ok(a), Ok(b)) => Ok((a, b)),
        _ => common::usage(format!("{what}: expected two numbers A:B")),
    }
}

fn print_built(common: &Common, d: &Decoded, extra: &Value) -> anyhow::Result<()> {
    if !d.valid() {
        let failed: Vec<String> =
            d.failed().map(|c| format!("{} ({})", c.check, c.detail)).collect();
        anyhow::bail!(lnkit::Error::rule(format!(
            "built {} fails its checks: {}",
            d.kind.name(),
            failed.join("; ")
        )));
    }
    let s = lnkit::offers::to_string(d);
    let mut out = Out::new();
    if common.json {
        let mut v = json!({ d.kind.name(): s, "hex": hex::encode(&d.bytes) });
        if let (Some(o), Some(e)) = (v.as_object_mut(), extra.as_object()) {
            for (k, x) in e {
                o.insert(k.clone(), x.clone());
            }
            o.insert("decoded".into(), d.to_json());
        }
        out.json(&v)?;
    } else {
        out.line(&s)?;
    }
    out.flush()?;
    Ok(())
}

fn create(common: &Common, what: Create) -> anyhow::Result<()> {
    let secp = Secp256k1::new();
    match what {
        Create::Offer {
            key,
            amount,
            currency,
            description,
            issuer,
            absolute_expiry,
            quantity_max,
            metadata,
            features,
            chains,
            paths,
            no_issuer_id,
            recurrence,
            recurrence_optional,
            recurrence_base,
            recurrence_proportional,
            recurrence_paywindow,
            recurrence_limit,
        } => {
            let sk = secret_key(&key)?;
            let me = PublicKey::from_secret_key(&secp, &sk);
            if no_issuer_id && paths.paths.is_empty() {
                return common::usage("--no-issuer-id needs at least one --path");
            }
            let mut built_paths = Vec::new();
            let mut signing_keys = Vec::new();
            for p in &paths.paths {
                let mut nodes = node_list(p)?;
                nodes.push(me);
                let session = SecretKey::from_slice(&random_bytes::<32>())?;
                let path_id = random_bytes::<32>();
                let path = blinding::message_path(&session, &nodes, &path_id)?;
                // The final hop's blinded private key signs invoices when there is no issuer id.
                let secrets = blinding::blind(
                    &session,
                    &nodes.iter().map(|n| (*n, Vec::new())).collect::<Vec<_>>(),
                )?;
                if let Some(last) = secrets.last() {
                    let b = blinding::blinded_privkey(&sk, &last.path_key)?;
                    signing_keys.push(hex::encode(b.secret_bytes()));
                }
                built_paths.push(path);
            }
            let rec = match recurrence {
                None => None,
                Some(r) => {
                    let (unit, period) = r
                        .split_once(':')
                        .ok_or_else(|| common::Usage("--recurrence: expected UNIT:N".into()))?;
                    let time_unit = match unit.trim() {
                        "seconds" | "second" | "s" | "0" => 0,
                        "days" | "day" | "d" | "1" => 1,
                        "months" | "month" | "m" | "2" => 2,
                        other => {
                            return common::usage(format!(
                                "--recurrence: unknown unit {other:?} (seconds, days, months)"
                            ))
                        }
                    };
                    let period: u32 = period
                        .trim()
                        .parse()
                        .map_err(|_| common::Usage("--recurrence: bad period".into()))?;
                    Some(RecurrenceParams {
                        optional: recurrence_optional,
                        time_unit,
                        period,
                        base: recurrence_base.map(|b| (recurrence_proportional, b)),
                        paywindow: recurrence_paywindow
                            .as_deref()
                            .map(|p| pair(p, "--recurrence-paywindow"))
                            .transpose()?,
                        limit: recurrence_limit,
                    })
                }
            };
            let amount = match (&currency, amount.as_deref()) {
                (Some(_), Some(a)) => Some(a.trim().parse::<u64>().map_err(|_| {
                    common::Usage("--amount with --currency is in minor units (an integer)".into())
                })?),
                (None, Some(a)) => Some(parse_amount(a)?),
                (_, None) => None,
            };
            let p = OfferParams {
                chains: chains.iter().map(|c| chain_hash(c)).collect::<anyhow::Result<_>>()?,
                metadata: opt_hex(metadata.as_deref())?,
                currency,
                amount,
                description,
                features: opt_hex(features.as_deref())?,
                absolute_expiry,
                paths: built_paths,
                issuer,
                quantity_max,
                issuer_id: (!no_issuer_id).then_some(me),
                recurrence: rec,
            };
            let d = build::offer(&p)?;
            let extra = if no_issuer_id {
                json!({"invoice_signing_keys": signing_keys})
            } else {
                json!({})
            };
            print_built(common, &d, &extra)
        }
        Create::InvoiceRequest {
            key,
            offer,
            amount,
            quantity,
            payer_note,
            bip353,
            chain,
            metadata,
            features,
            recurrence_counter,
            recurrence_start,
            recurrence_cancel,
        } => {
            let sk = secret_key(&key)?;
            let o = lnkit::offers::decode_str(&offer)?;
            if o.kind != Kind::Offer {
                return common::usage("--offer: not an offer (lno1…)");
            }
            let bip = match bip353 {
                None => None,
                Some(b) => {
                    let b = b.trim().trim_start_matches('₿');
                    let (n, d) = b
                        .split_once('@')
                        .ok_or_else(|| common::Usage("--bip353: expected user@domain".into()))?;
                    Some((n.to_string(), d.to_string()))
                }
            };
            let p = InvreqParams {
                metadata: opt_hex(metadata.as_deref())?
                    .unwrap_or_else(|| random_bytes::<32>().to_vec()),
                chain: chain
                    .as_deref()
                    .map(chain_hash)
                    .transpose()?
                    .filter(|h| *h != lnkit::network::chain_hash(bitcoin::Network::Bitcoin)),
                amount_msat: amount.as_deref().map(parse_amount).transpose()?,
                features: opt_hex(features.as_deref())?,
                quantity,
                payer_note,
                paths: Vec::new(),
                bip_353_name: bip,
                recurrence_counter,
                recurrence_start,
                recurrence_cancel,
            };
            let d = build::invoice_request(&o, &p, &sk)?;
            print_built(common, &d, &json!({}))
        }
        Create::Invoice {
            key,
            invoice_request,
            preimage,
            amount,
            created_at,
            relative_expiry,
            paths,
            fee_base,
            fee_ppm,
            cltv_delta,
            min_final_cltv_delta,
            max_cltv_expiry,
            htlc_min,
            htlc_max,
            mpp,
            recurrence_basetime,
        } => {
            let sk = secret_key(&key)?;
            let me = PublicKey::from_secret_key(&secp, &sk);
            let r = lnkit::offers::decode_str(&invoice_request)?;
            if r.kind != Kind::InvoiceRequest {
                return common::usage("--invoice-request: not an invoice_request (lnr1…)");
            }
            let preimage: [u8; 32] =
                match common::read_secret(None, "LN_OFFER_PREIMAGE", preimage.as_deref())? {
                    Some(h) => common::hex_arg(&h)?
                        .try_into()
                        .map_err(|_| common::Usage("preimage: expected 32 bytes".into()))?,
                    None => random_bytes::<32>(),
                };
            let amount_msat = amount.as_deref().map(parse_amount).transpose()?;
            let invoice_amount = r
                .tu64(82)
                .or_else(|| lnkit::offers::decode::expected_amount(&r))
                .or(amount_msat)
                .unwrap_or(0);
            let relay = blinding::Relay {
                cltv_expiry_delta: cltv_delta,
                fee_proportional_millionths: fee_ppm,
                fee_base_msat: fee_base,
                htlc_minimum_msat: htlc_min,
                htlc_maximum_msat: htlc_max.unwrap_or(invoice_amount.max(htlc_min)),
                max_cltv_expiry,
                min_final_cltv_expiry_delta: min_final_cltv_delta,
            };
            let specs =
                if paths.paths.is_empty() { vec![String::new()] } else { paths.paths.clone() };
            let mut built = Vec::new();
            for p in &specs {
                let mut nodes = node_list(p)?;
                nodes.push(me);
                let session = SecretKey::from_slice(&random_bytes::<32>())?;
                built.push(blinding::payment_path(
                    &session,
                    &nodes,
                    &relay,
                    &random_bytes::<32>(),
                )?);
            }
            let features = mpp.map(|m| {
                lnkit::wire::features::from_bits(&[match m {
                    Mpp::Compulsory => 16,
                    Mpp::Optional => 17,
                }])
            });
            let p = InvoiceParams {
                paths: built,
                created_at: created_at.unwrap_or_else(now_secs),
                relative_expiry,
                payment_preimage: preimage,
                amount_msat,
                features,
                recurrence_basetime,
            };
            let d = build::invoice(&r, &p, &sk)?;
            print_built(common, &d, &json!({"payment_preimage": hex::encode(preimage)}))
        }
    }
}

fn verify(
    common: &Common,
    offer: Option<&str>,
    invreq: Option<&str>,
    invoice: Option<&str>,
    preimage: Option<&str>,
    time: &Now,
) -> anyhow::Result<()> {
    let opts = Options { now: time.get()?, network: reader_network(common)? };
    if [offer, invreq, invoice].iter().filter(|x| x.is_some()).count() == 0 {
        return common::usage("give at least one of --offer, --invoice-request, --invoice");
    }
    let dec = |s: Option<&str>, kind: Kind, what: &str| -> anyhow::Result<Option<Decoded>> {
        let Some(s) = s else { return Ok(None) };
        let text = if s == "-" { common::read_stdin()? } else { s.to_string() };
        let d = parse_input(&text, Some(kind), &opts).with_context(|| what.to_string())?;
        if d.kind != kind {
            return common::usage(format!(
                "{what}: is an {}, not an {}",
                d.kind.name(),
                kind.name()
            ));
        }
        Ok(Some(d))
    };
    let o = dec(offer, Kind::Offer, "--offer")?;
    let r = dec(invreq, Kind::InvoiceRequest, "--invoice-request")?;
    let i = dec(invoice, Kind::Invoice, "--invoice")?;
    let pre: Option<[u8; 32]> = match common::read_secret(None, "LN_OFFER_PREIMAGE", preimage)? {
        Some(h) => Some(
            common::hex_arg(&h)?
                .try_into()
                .map_err(|_| common::Usage("preimage: expected 32 bytes".into()))?,
        ),
        None => None,
    };
    let checks = chain::verify_chain(o.as_ref(), r.as_ref(), i.as_ref(), pre.as_ref());
    let valid = checks.iter().all(|c| c.ok);
    let mut report = serde_json::Map::new();
    for (name, d) in [("offer", &o), ("invoice_request", &r), ("invoice", &i)] {
        if let Some(d) = d {
            report.insert(name.into(), d.to_json());
        }
    }
    report.insert("checks".into(), lnkit::check::to_json(&checks));
    report.insert("valid".into(), valid.into());
    let mut out = Out::new();
    out.json(&Value::Object(report))?;
    out.flush()?;
    if !valid {
        return Err(common::ChecksFailed.into());
    }
    Ok(())
}

fn encode(hrp: Hrp, as_hex: bool, records: &[String]) -> anyhow::Result<()> {
    let mut bytes = Vec::new();
    for r in records {
        let (t, v) =
            r.split_once('=').ok_or_else(|| common::Usage(format!("{r:?}: expected TYPE=HEX")))?;
        let ty: u64 =
            t.trim().parse().map_err(|_| common::Usage(format!("{r:?}: type is not a number")))?;
        let v = common::hex_arg(v)?;
        lnkit::encoding::tlv::write_record(&mut bytes, ty, &v);
    }
    let hrp = match hrp {
        Hrp::Lno => "lno",
        Hrp::Lnr => "lnr",
        Hrp::Lni => "lni",
    };
    let mut out = Out::new();
    out.line(&if as_hex { hex::encode(&bytes) } else { string::encode(hrp, &bytes) })?;
    out.flush()?;
    Ok(())
}

/// The proof bytes from hex, a file (binary or hex text) or '-' (stdin, binary or hex text).
fn proof_bytes(arg: &str) -> anyhow::Result<Vec<u8>> {
    let path = std::path::Path::new(arg);
    let bytes = if arg == "-" {
        common::read_stdin_bytes()?
    } else if path.is_file() {
        common::read_file(path)?
    } else {
        return common::hex_arg(arg).context("--proof: not hex and not a file");
    };
    // A file or stdin may hold the proof as hex text.
    match std::str::from_utf8(&bytes).ok().map(str::trim) {
        Some(t) if !t.is_empty() && t.bytes().all(|b| b.is_ascii_hexdigit()) => common::hex_arg(t),
        _ => Ok(bytes),
    }
}

fn bip353(
    common: &Common,
    name: Option<&str>,
    proof: &str,
    now: Option<u64>,
) -> anyhow::Result<()> {
    let bytes = proof_bytes(proof)?;
    let now = now.unwrap_or_else(now_secs);
    let res = match name {
        None => lnkit::bip353::verify_psbt_proof(&bytes, now)?,
        Some(n) => {
            let (user, domain) = lnkit::bip353::parse_name(n)?;
            // A PSBT_OUT_DNSSEC_PROOF value starts with the length-prefixed name itself.
            let want = format!("{user}@{domain}");
            let psbt = bytes.split_first().is_some_and(|(&len, rest)| {
                rest.get(..usize::from(len)).is_some_and(|p| p == want.as_bytes())
            });
            if psbt {
                lnkit::bip353::verify_psbt_proof(&bytes, now)?
            } else {
                lnkit::bip353::verify_proof(&want, &bytes, now)?
            }
        }
    };
    let mut report = res.to_json();
    let mut valid = true;
    if let (Some(offer), Some(m)) = (res.parsed.offer(), report.as_object_mut()) {
        let opts = Options { now: Some(now), network: reader_network(common)? };
        match lnkit::offers::decode_str_with(offer, &opts) {
            Ok(d) => {
                valid = d.valid() && d.kind == Kind::Offer;
                m.insert("offer_decoded".into(), d.to_json());
            }
            Err(e) => {
                valid = false;
                m.insert("offer_error".into(), e.to_string().into());
            }
        }
    }
    if let Some(m) = report.as_object_mut() {
        m.insert("valid".into(), valid.into());
    }
    let mut out = Out::new();
    out.json(&report)?;
    out.flush()?;
    if !valid {
        return Err(common::ChecksFailed.into());
    }
    Ok(())
}

#[allow(clippy::too_many_arguments)]
fn periods(
    offer: Option<&str>,
    time_unit: Option<u8>,
    period: Option<u32>,
    basetime: Option<u64>,
    paywindow: Option<&str>,
    amount: Option<u64>,
    proportional: bool,
    first: u64,
    count: u64,
    now: Option<u64>,
) -> anyhow::Result<()> {
    let schedule = if let Some(s) = offer {
        let d = lnkit::offers::decode_str(s)?;
        recurrence::Schedule::from_decoded(&d, basetime)?
    } else {
        let (Some(time_unit), Some(period), Some(basetime)) = (time_unit, period, basetime) else {
            return common::usage("give --offer, or --time-unit, --period and --basetime");
        };
        recurrence::Schedule {
            time_unit,
            period,
            basetime,
            paywindow: paywindow.map(|p| pair(p, "--paywindow")).transpose()?,
            limit: None,
            amount,
            proportional,
        }
    };
    let rows = schedule.periods(first, count, now)?;
    let mut out = Out::new();
    for p in rows {
        out.json_line(&p.to_json())?;
    }
    out.flush()?;
    Ok(())
}
