//! Differential test against LDK (`lightning` 0.2.7, the dev-only package `interop/ldk-offers/`):
//! every string of `research-data/offers.txt` and of the BOLT 12 / BOLT 11 / bLIP 39 vector files
//! goes through LDK's parsers and ours. Every disagreement must be a documented LDK deviation
//! ([`LDK_DEVIATIONS`], with the reason and the spec text) or the test fails; a deviation that no
//! longer occurs fails too, so the list stays true.
//!
//! The harness is built with `cargo build --locked` into `target/interop/` (its own workspace and
//! lock file), offline first so a warm cache needs no network; the build and the run are
//! time-bounded.

use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use lnkit::bolt11::{self, Invoice};
use lnkit::offers::Decoded;
use serde_json::Value;

use crate::support::{shared_dir, vector_json};

/// The LDK release the harness pins (`interop/ldk-offers/Cargo.toml`).
const LDK_VERSION: &str = "0.2.7";

/// One compared string: what we and LDK said about it.
struct Case<'a> {
    /// Our BOLT 11 decode.
    ours: Option<&'a lnkit::Result<Invoice>>,
    /// Our BOLT 12 decode.
    bolt12: Option<&'a lnkit::Result<Decoded>>,
    /// LDK's error message ("" when it accepted).
    ldk_error: &'a str,
}

/// A known, documented way LDK's verdict differs from the spec (and so from ours).
struct Deviation {
    /// Short name.
    name: &'static str,
    /// The kind of string it covers: `bolt11`, `offer`, `invoice_request`, `invoice`.
    kind: &'static str,
    /// Whether LDK accepts the strings it covers.
    ldk_ok: bool,
    /// Which disagreements it covers.
    applies: fn(&Case<'_>) -> bool,
    /// Why LDK differs.
    reason: &'static str,
    /// The spec text our verdict follows.
    spec: &'static str,
}

/// Our BOLT 12 decode succeeded and failed exactly the checks in `names` (at least one).
fn only_failed(c: &Case<'_>, names: &[&str]) -> bool {
    c.bolt12.is_some_and(|r| {
        r.as_ref().is_ok_and(|d| {
            let failed: Vec<&str> = d.failed().map(|x| x.check).collect();
            !failed.is_empty() && failed.iter().all(|f| names.contains(f))
        })
    })
}

fn has_bit_pair(features: Option<&[u8]>, even: u16) -> bool {
    features.is_some_and(|f| lnkit::wire::features::set_bits(f).iter().any(|&b| b & !1 == even))
}

/// Every LDK deviation found on this data set.
const LDK_DEVIATIONS: &[Deviation] = &[
    Deviation {
        name: "ldk_requires_payment_secret_feature_bit",
        kind: "bolt11",
        ldk_ok: false,
        applies: |c| {
            c.ldk_error == "The invoice's features are invalid"
                && c.ours.is_some_and(|r| {
                    r.as_ref().is_ok_and(|i| {
                        i.valid() && i.payment_secret().is_some() && !has_bit_pair(i.features(), 14)
                    })
                })
        },
        reason: "lightning-invoice 0.34 `check_feature_bits` rejects an invoice whose `9` field is \
                 absent or lacks payment_secret (14/15), even with a valid `s` field (its comment: \
                 the writer rule tying `s` to the feature 'has been since removed, and we now \
                 require the payment secret feature bit always'). The spec's reader needs only `s`; \
                 BOLT 9 lists payment_secret as ASSUMED. Hits 64 offers.txt strings (eclair's \
                 2018-19 mainnet invoices re-signed with `s`, and one lntb test invoice).",
        spec: "BOLT 11 reader: \"if a valid `s` field is not provided: MUST fail the payment. \
               otherwise: MUST use the `s` field as `payment_secret`\"; BOLT 9: \"Some features \
               ... are `ASSUMED` to be present by all nodes, and can be safely ignored\" \
               (14/15 `payment_secret`: ASSUMED).",
    },
    Deviation {
        name: "ldk_bolt11_route_blinding_bit_unknown",
        kind: "bolt11",
        ldk_ok: false,
        applies: |c| {
            c.ldk_error == "The invoice's features are invalid"
                && c.ours.is_some_and(|r| {
                    r.as_ref().is_ok_and(|i| {
                        i.valid()
                            && i.features().is_some_and(|f| {
                                lnkit::wire::features::set_bits(f).contains(&24)
                            })
                    })
                })
        },
        reason: "LDK's Bolt11InvoiceFeatures context has no option_route_blinding, so a required \
                 bit 24 is an unknown required bit to it; BOLT 9 allows 24/25 in invoices (context \
                 `9`). One eclair non-regression invoice sets it.",
        spec: "BOLT 9: \"| 24/25 | `option_route_blinding` | Node supports blinded paths | IN9 |\" \
               (\"`9`: presented in BOLT 11 invoices\"); BOLT 11 fails only on \"unknown _even_ \
               bits\".",
    },
    Deviation {
        name: "ldk_has_no_blip39_blinded_paths",
        kind: "bolt11",
        ldk_ok: false,
        applies: |c| {
            c.ldk_error.contains("missing the mandatory payment secret")
                && c.ours.is_some_and(|r| {
                    r.as_ref().is_ok_and(|i| {
                        i.valid() && !i.blinded_paths().is_empty() && i.payment_secret().is_none()
                    })
                })
        },
        reason: "LDK does not implement bLIP 39: the `b` (20) field is skipped as unknown, so an \
                 invoice that follows bLIP 39 and omits `s` fails LDK's payment-secret rule.",
        spec: "bLIP 39: \"An invoice containing the `b` field type: ... MUST not contain the `s` \
               field type since a payment address in the context of blinded payments does not \
               make sense\".",
    },
    Deviation {
        name: "ldk_offer_accepts_unknown_required_feature",
        kind: "offer",
        ldk_ok: true,
        applies: |c| only_failed(c, &["offer_features_known"]),
        reason: "LDK's `Offer::from_str` does not check offer_features; it refuses unknown \
                 required bits only later, when building an invoice_request. LDK's own test \
                 asserts it (`offer.rs`: \"Contains unknown feature 22\" ... `is_ok()`, with a \
                 TODO pointing at bolts #798). Hits offers-test.json \"Contains unknown feature \
                 122\" and that LDK test string (offers.txt).",
        spec: "BOLT 12 offer reader: \"if `offer_features` contains unknown _even_ bits that are \
               non-zero: MUST NOT respond to the offer.\" (offers-test.json: invalid)",
    },
    Deviation {
        name: "ldk_offer_accepts_empty_offer_chains",
        kind: "offer",
        ldk_ok: true,
        applies: |c| only_failed(c, &["offer_chains_not_empty"]),
        reason: "LDK reads a present but empty `offer_chains` as no chains (implied bitcoin).",
        spec: "BOLT 12 offer reader: \"otherwise: (`offer_chains` is set): if the node does not \
               accept invoices for at least one of the `chains`: MUST NOT respond to the offer\" \
               (an empty list has none); offers-test.json marks \"offer_chains with zero entries\" \
               invalid.",
    },
    Deviation {
        name: "ldk_accepts_bech32_padding_over_4_bits",
        kind: "offer",
        ldk_ok: true,
        applies: |c| {
            c.bolt12.is_some_and(|r| {
                r.as_ref().is_err_and(|e| e.to_string().contains("leftover bits (at most 4)"))
            })
        },
        reason: "LDK converts 5-bit groups to bytes and drops any leftover bits, whatever their \
                 number (bech32 crate `byte_iter`). Hits the offers-test.json case and an LDK \
                 `fails_parsing_bech32_encoded_offers` string that LDK itself parses (offers.txt).",
        spec: "BOLT 12 \"Encoding\": \"a bech32-style data string\", whose 8-to-5 bit \
               conversion pads with at most 4 zero bits (BIP 173); offers-test.json marks \
               \"Bech32 padding exceeds 4-bit limit\" invalid (bolts #1312).",
    },
    Deviation {
        name: "ldk_refuses_invoice_request_for_currency_offer",
        kind: "invoice_request",
        ldk_ok: false,
        applies: |c| {
            c.ldk_error.contains("UnsupportedCurrency")
                && c.bolt12.is_some_and(|r| r.as_ref().is_ok_and(|d| d.valid() && d.has(6)))
        },
        reason: "LDK 0.2.7 implements no currency conversion: `InvoiceRequest::try_from` fails \
                 with `UnsupportedCurrency` for any request whose offer has `offer_currency` \
                 (`check_amount_msats_for_quantity`), even a well-formed, correctly signed one \
                 such as signature-test.json's USD request (also in offers.txt, from LDK's \
                 merkle.rs). The spec lets the issuer convert; we report the amount check as \
                 \"conversion not checked\".",
        spec: "BOLT 12 invoice_request reader: \"if `offer_amount` is present: MUST calculate \
               the *expected amount* using the `offer_amount`: if `offer_currency` is not the \
               `invreq_chain` currency, convert to the `invreq_chain` currency.\"",
    },
];

/// What a string claims to be, from its prefix (BOLT 12 `+` joins ignored).
fn kind(s: &str) -> &'static str {
    let head: String = s
        .chars()
        .filter(|c| *c != '+' && !c.is_whitespace())
        .take(4)
        .collect::<String>()
        .to_ascii_lowercase();
    match head.as_str() {
        "lno1" => "offer",
        "lnr1" => "invoice_request",
        "lni1" => "invoice",
        _ if head.starts_with("ln") => "bolt11",
        _ => "unknown",
    }
}

/// Our verdict: accepted = decodes and passes every reader check (no clock, no chain: LDK's
/// parsers check neither). None for strings of no known kind.
fn our_verdict(s: &str) -> Option<bool> {
    match kind(s) {
        "bolt11" => Some(lnkit::bolt11::decode_str(s).is_ok_and(|i| i.valid())),
        "offer" | "invoice_request" | "invoice" => {
            Some(lnkit::offers::decode_str(s).is_ok_and(|d| d.valid()))
        }
        _ => None,
    }
}

/// Every string to compare: (string, where it came from, its label in the vector file).
fn inputs() -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    let text = std::fs::read_to_string(shared_dir().join("research-data/offers.txt")).unwrap();
    let mut n_research = 0;
    for (i, line) in text.lines().enumerate() {
        let l = line.trim();
        if !l.is_empty() && !l.starts_with('#') {
            out.push((l.to_owned(), format!("offers.txt:{}", i + 1), String::new()));
            n_research += 1;
        }
    }
    assert_eq!(n_research, 237, "offers.txt strings");
    for (i, c) in
        vector_json("bolts/bolt12/offers-test.json").as_array().unwrap().iter().enumerate()
    {
        let label = c["description"].as_str().unwrap().to_owned();
        out.push((
            c["bolt12"].as_str().unwrap().to_owned(),
            format!("offers-test.json[{i}]"),
            label,
        ));
    }
    for (i, c) in
        vector_json("bolts/bolt12/format-string-test.json").as_array().unwrap().iter().enumerate()
    {
        let label = c["comment"].as_str().unwrap().to_owned();
        let whence = format!("format-string-test.json[{i}]");
        out.push((c["string"].as_str().unwrap().to_owned(), whence, label));
    }
    for (i, c) in
        vector_json("bolts/bolt12/signature-test.json").as_array().unwrap().iter().enumerate()
    {
        if let Some(s) = c.get("bolt12").and_then(Value::as_str) {
            let label = c["comment"].as_str().unwrap_or("").to_owned();
            out.push((s.to_owned(), format!("signature-test.json[{i}]"), label));
        }
    }
    let b11 = vector_json("bolts/bolt11/bolt11-examples.json");
    for k in ["valid", "invalid"] {
        for (i, c) in b11[k].as_array().unwrap().iter().enumerate() {
            let label = c["title"].as_str().unwrap().to_owned();
            let whence = format!("bolt11-examples.json {k}[{i}]");
            out.push((c["invoice"].as_str().unwrap().to_owned(), whence, label));
        }
    }
    let b39 = vector_json("blips/blip-0039-bolt11-blinded-paths.json");
    out.push((b39["invoice"].as_str().unwrap().to_owned(), "blip-0039".into(), String::new()));
    // 237 + 53 + 12 + 1 + 26 + 1.
    assert_eq!(out.len(), 330, "inputs");
    out
}

/// Waits for `child` at most `limit`, killing it past that.
fn wait_bounded(
    child: &mut std::process::Child,
    limit: Duration,
    what: &str,
) -> std::process::ExitStatus {
    let start = Instant::now();
    loop {
        if let Some(st) = child.try_wait().unwrap() {
            return st;
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{what} took longer than {limit:?}; killed");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Builds the harness once per test run and returns the binary's path.
fn harness() -> &'static PathBuf {
    static BIN: OnceLock<PathBuf> = OnceLock::new();
    BIN.get_or_init(|| {
        let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
        let target = std::env::var_os("CARGO_TARGET_DIR")
            .map_or_else(|| root.join("target"), PathBuf::from)
            .join("interop");
        let manifest = root.join("interop/ldk-offers/Cargo.toml");
        let build = |offline: bool| {
            let mut cmd = Command::new(env!("CARGO"));
            cmd.args(["build", "--quiet", "--locked", "--manifest-path"])
                .arg(&manifest)
                .env("CARGO_TARGET_DIR", &target)
                .stdin(Stdio::null());
            if offline {
                cmd.arg("--offline");
            }
            let mut child = cmd.spawn().expect("spawn cargo");
            // A cold build of lightning takes about half a minute on 2 cores.
            wait_bounded(&mut child, Duration::from_secs(900), "building interop/ldk-offers")
                .success()
        };
        assert!(build(true) || build(false), "interop/ldk-offers does not build");
        let bin = target.join("debug/ldk-offers");
        assert!(bin.is_file(), "{} missing after build", bin.display());
        bin
    })
}

/// LDK's verdict line for each input, in order.
fn ldk_verdicts(strings: &[&str]) -> Vec<Value> {
    let mut child = Command::new(harness())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn ldk-offers");
    let mut stdin = child.stdin.take().unwrap();
    // Strings with white space (BOLT 12 continuations) travel as JSON strings.
    let data: String = strings
        .iter()
        .map(|s| {
            if s.contains(char::is_whitespace) || s.starts_with(['"', '#']) {
                Value::from(*s).to_string() + "\n"
            } else {
                format!("{s}\n")
            }
        })
        .collect();
    let writer = std::thread::spawn(move || stdin.write_all(data.as_bytes()));
    let mut stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        stdout.read_to_string(&mut s).map(|_| s)
    });
    let st = wait_bounded(&mut child, Duration::from_secs(120), "ldk-offers");
    writer.join().unwrap().unwrap();
    let out = reader.join().unwrap().unwrap();
    assert!(st.success(), "ldk-offers exit {st}");
    let v: Vec<Value> = out.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(v.len(), strings.len(), "one verdict per input");
    v
}

#[test]
fn interop_ldk_offers_verdicts() {
    let inputs = inputs();
    let strings: Vec<&str> = inputs.iter().map(|(s, _, _)| s.as_str()).collect();
    let ldk = ldk_verdicts(&strings);
    let mut n_compared = std::collections::BTreeMap::new();
    let mut used = vec![0usize; LDK_DEVIATIONS.len()];
    let mut failures = Vec::new();
    for ((s, whence, label), l) in inputs.iter().zip(&ldk) {
        assert_eq!(l["input"].as_str(), Some(s.as_str()), "{whence}: verdicts out of order");
        assert_eq!(l["kind"].as_str(), Some(kind(s)), "{whence}: kind");
        let ldk_ok = l["ok"].as_bool().unwrap();
        let decoded = (kind(s) == "bolt11").then(|| bolt11::decode_str(s));
        let decoded12 = matches!(kind(s), "offer" | "invoice_request" | "invoice")
            .then(|| lnkit::offers::decode_str(s));
        let case = Case {
            ours: decoded.as_ref(),
            bolt12: decoded12.as_ref(),
            ldk_error: l["error"].as_str().unwrap_or(""),
        };
        let Some(ours) = our_verdict(s) else { continue };
        *n_compared.entry(kind(s)).or_insert(0usize) += 1;
        if ours == ldk_ok {
            continue;
        }
        let dev = LDK_DEVIATIONS
            .iter()
            .position(|d| d.kind == kind(s) && d.ldk_ok == ldk_ok && (d.applies)(&case));
        if let Some(i) = dev {
            used[i] += 1;
            continue;
        }
        let why = match (&decoded, &decoded12) {
            (Some(Ok(inv)), _) => inv
                .failed()
                .map(|c| format!("{}: {}", c.check, c.detail))
                .collect::<Vec<_>>()
                .join("; "),
            (_, Some(Ok(d))) => d
                .failed()
                .map(|c| format!("{}: {}", c.check, c.detail))
                .collect::<Vec<_>>()
                .join("; "),
            (Some(Err(e)), _) | (_, Some(Err(e))) => e.to_string(),
            _ => String::new(),
        };
        failures.push(format!(
            "{whence} {label:?}: ours {ours}, LDK {ldk_ok} ({}); ours: {why}\n  {s}",
            case.ldk_error
        ));
    }
    for (d, n) in LDK_DEVIATIONS.iter().zip(&used) {
        assert!(!d.reason.is_empty() && !d.spec.is_empty(), "{}: document it", d.name);
        if *n == 0 {
            failures.push(format!("deviation {:?} no longer occurs: remove it", d.name));
        }
    }
    assert!(failures.is_empty(), "{} disagreement(s):\n{}", failures.len(), failures.join("\n"));
    // BOLT 11: 132 strings in offers.txt + 25 spec examples (the 26th has no `ln` prefix: kind
    // unknown, and LDK refuses it too) + 1 bLIP 39. Invoices: 15 in offers.txt. Invoice
    // requests: 9 in offers.txt + signature-test.json's. Offers: 81 in offers.txt + 53
    // offers-test.json + 12 format-string-test.json.
    let got: Vec<(&str, usize)> = n_compared.into_iter().collect();
    assert_eq!(
        got,
        [("bolt11", 158), ("invoice", 15), ("invoice_request", 10), ("offer", 146)],
        "strings compared with LDK {LDK_VERSION}, by kind"
    );
    assert_eq!(used, [64, 1, 1, 2, 1, 2, 2], "strings per deviation");
}
