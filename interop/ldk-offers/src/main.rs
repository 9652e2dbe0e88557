//! ldk-offers: LDK's verdict on BOLT 11 / BOLT 12 strings, for lnkit's differential tests.
//!
//! Reads one string per line on stdin (blank lines and `#` comments skipped; a line starting with
//! `"` is a JSON string, for inputs with line breaks) and prints one JSON
//! line per string: `{"input", "kind", "ok", "error"}`. `--bench N` instead makes N passes over
//! the inputs and prints one JSON object with the mean microseconds per input (lnkit's
//! `benches/offers.rs` runs it from a release build for its LDK column).
//!
//! Dev-only: this package has its own workspace and is never part of lnkit's build.

use std::io::{BufRead, Write};
use std::str::FromStr;
use std::time::Instant;

use lightning::bitcoin::bech32::primitives::decode::CheckedHrpstring;
use lightning::bitcoin::bech32::NoChecksum;
use lightning::bolt11_invoice::Bolt11Invoice;
use lightning::offers::invoice::Bolt12Invoice;
use lightning::offers::invoice_request::InvoiceRequest;
use lightning::offers::offer::Offer;
use serde_json::json;

/// What a string claims to be, from its prefix.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Offer,
    InvoiceRequest,
    Invoice,
    Bolt11,
    Unknown,
}

impl Kind {
    fn of(s: &str) -> Kind {
        // BOLT 12 allows `+` joins anywhere, so look at the string without them.
        let head: String = s
            .chars()
            .filter(|c| *c != '+' && !c.is_whitespace())
            .take(4)
            .collect::<String>()
            .to_ascii_lowercase();
        match head.as_str() {
            "lno1" => Kind::Offer,
            "lnr1" => Kind::InvoiceRequest,
            "lni1" => Kind::Invoice,
            _ if head.starts_with("ln") => Kind::Bolt11,
            _ => Kind::Unknown,
        }
    }

    fn name(self) -> &'static str {
        match self {
            Kind::Offer => "offer",
            Kind::InvoiceRequest => "invoice_request",
            Kind::Invoice => "invoice",
            Kind::Bolt11 => "bolt11",
            Kind::Unknown => "unknown",
        }
    }
}

/// BOLT 12 string → TLV bytes, with LDK's `+` continuation rules (its own helper is sealed).
fn bolt12_bytes(s: &str, hrp: &str) -> Result<Vec<u8>, String> {
    let joined: String = if s.contains('+') {
        let mut chunks = s.split('+');
        let first = chunks.next().unwrap_or("");
        if first.is_empty() || first.contains(char::is_whitespace) {
            return Err("invalid continuation".into());
        }
        for c in chunks {
            let c = c.trim_start();
            if c.is_empty() || c.contains(char::is_whitespace) {
                return Err("invalid continuation".into());
            }
        }
        s.chars().filter(|c| *c != '+' && !c.is_whitespace()).collect()
    } else {
        s.to_owned()
    };
    let parsed =
        CheckedHrpstring::new::<NoChecksum>(&joined).map_err(|e| format!("bech32: {e}"))?;
    if parsed.hrp().lowercase_char_iter().ne(hrp.chars()) {
        return Err("invalid bech32 hrp".into());
    }
    Ok(parsed.byte_iter().collect())
}

/// LDK's parse of `s`; Ok(()) when it accepts. BOLT 12 invoice and invoice_request parsing
/// includes LDK's signature verification; BOLT 11 parsing includes signature checks too.
fn ldk_parse(kind: Kind, s: &str) -> Result<(), String> {
    match kind {
        Kind::Offer => Offer::from_str(s).map(drop).map_err(|e| format!("{e:?}")),
        Kind::InvoiceRequest => {
            let b = bolt12_bytes(s, "lnr")?;
            InvoiceRequest::try_from(b).map(drop).map_err(|e| format!("{e:?}"))
        }
        Kind::Invoice => {
            let b = bolt12_bytes(s, "lni")?;
            Bolt12Invoice::try_from(b).map(drop).map_err(|e| format!("{e:?}"))
        }
        Kind::Bolt11 => Bolt11Invoice::from_str(s).map(drop).map_err(|e| e.to_string()),
        Kind::Unknown => Err("unknown prefix".into()),
    }
}

/// One string per line; a line starting with `"` is a JSON string (for inputs that contain
/// line breaks or white space, as BOLT 12 `+` continuations may).
fn inputs() -> Vec<String> {
    let stdin = std::io::stdin();
    stdin
        .lock()
        .lines()
        .map_while(Result::ok)
        .map(|l| l.trim().to_owned())
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| if l.starts_with('"') { serde_json::from_str(&l).unwrap_or(l) } else { l })
        .collect()
}

fn verdicts(out: &mut impl Write) -> std::io::Result<()> {
    for s in inputs() {
        let kind = Kind::of(&s);
        // A panic in LDK is a finding, not a harness crash.
        let r = std::panic::catch_unwind(|| ldk_parse(kind, &s))
            .unwrap_or_else(|_| Err("ldk panicked".into()));
        let line = json!({
            "input": s,
            "kind": kind.name(),
            "ok": r.is_ok(),
            "error": r.err(),
        });
        writeln!(out, "{line}")?;
    }
    Ok(())
}

/// Times LDK on the inputs the same way lnkit's bench times itself: `n` passes over the whole
/// list, mean microseconds per input. Invoice and invoice_request parsing includes the Merkle
/// root and the BIP-340 signature check (`Bolt12Invoice::try_from` / `InvoiceRequest::try_from`
/// call `merkle::verify_signature`), so both sides do the same work.
fn bench(n: u32, out: &mut impl Write) -> std::io::Result<()> {
    let list = inputs();
    let kinds: Vec<Kind> = list.iter().map(|s| Kind::of(s)).collect();
    let ok = list.iter().zip(&kinds).filter(|(s, k)| ldk_parse(**k, s).is_ok()).count();
    let start = Instant::now();
    for _ in 0..n {
        for (s, k) in list.iter().zip(&kinds) {
            let _ = std::hint::black_box(ldk_parse(*k, std::hint::black_box(s)));
        }
    }
    let el = start.elapsed().as_secs_f64();
    let items = f64::from(n) * list.len() as f64;
    let v = json!({
        "ldk": "lightning 0.2.7",
        "iterations": n,
        "inputs": list.len(),
        "accepted": ok,
        "mean_us_per_input": if list.is_empty() { 0.0 } else { el * 1e6 / items },
    });
    writeln!(out, "{v}")
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let r = match args.as_slice() {
        [] => verdicts(&mut out),
        [flag, n] if flag == "--bench" => match n.parse::<u32>() {
            Ok(n) if n > 0 => bench(n, &mut out),
            _ => {
                eprintln!("error: --bench takes a positive iteration count");
                std::process::exit(2);
            }
        },
        _ => {
            eprintln!("usage: ldk-offers [--bench N] < strings.txt");
            std::process::exit(2);
        }
    };
    if let Err(e) = r {
        eprintln!("error: {e}");
        std::process::exit(3);
    }
}
