//! research-data/offers.txt: every string decodes without panic, and its verdict (valid, the
//! failed reader checks, or the decode error) is pinned in tests/golden/offers-txt-verdicts.json.
//! Re-bless with `LNKIT_BLESS=1 cargo test --test main offers_txt` and review the diff.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;

use serde_json::{json, Value};

use crate::support::shared_dir;

/// (line number, string) of every data line.
pub fn offers_txt() -> Vec<(usize, String)> {
    let p = shared_dir().join("research-data/offers.txt");
    let text = std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(i, l)| (i + 1, l.trim().to_string()))
        .collect()
}

/// The verdict string for one input.
pub fn verdict(s: &str) -> String {
    match catch_unwind(AssertUnwindSafe(|| lnkit::offers::decode_str(s))) {
        Err(_) => "PANIC".to_string(),
        Ok(Err(e)) => format!("error: {e}"),
        Ok(Ok(d)) if d.valid() => format!("valid {}", d.kind.name()),
        Ok(Ok(d)) => {
            let failed: Vec<&str> = d.failed().map(|c| c.check).collect();
            format!("invalid {}: {}", d.kind.name(), failed.join(", "))
        }
    }
}

#[test]
fn offers_txt_verdicts_match_golden() {
    let lines = offers_txt();
    assert_eq!(lines.len(), 237, "offers.txt has 237 strings");
    let mut rows = Vec::new();
    for (n, s) in &lines {
        let v = verdict(s);
        assert_ne!(v, "PANIC", "line {n} panicked");
        assert!(!v.contains('\n'), "line {n}: multi-line verdict");
        let head: String = s.chars().take(24).collect();
        rows.push(json!({"line": n, "start": head, "verdict": v}));
    }
    let got = Value::Array(rows);
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/golden/offers-txt-verdicts.json");
    if std::env::var_os("LNKIT_BLESS").is_some() {
        std::fs::write(&path, serde_json::to_string_pretty(&got).unwrap() + "\n").unwrap();
        return;
    }
    let want: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let (g, w) = (got.as_array().unwrap(), want.as_array().unwrap());
    assert_eq!(g.len(), w.len(), "golden has a different number of lines");
    for (a, b) in g.iter().zip(w) {
        assert_eq!(a, b, "verdict changed (LNKIT_BLESS=1 to accept after review)");
    }
}

#[test]
fn offers_txt_cln_invoice_matches_eclair_assertions() {
    // eclair's Bolt12InvoiceSpec "cln invoice" asserts these facts about this CLN invoice.
    let (_, s) = offers_txt()
        .into_iter()
        .find(|(_, s)| s.starts_with("lni1qqgds4gweqxey37gexf5jus4"))
        .unwrap();
    let d = lnkit::offers::decode_str(&s).unwrap();
    assert!(d.valid(), "{}", d.to_json());
    assert_eq!(d.tu64(170), Some(10_000_000));
    assert_eq!(
        hex::encode(d.point(176).unwrap()),
        "024cc50d604f657094f8a2ff031ad6d888f9ac220a86b5949cdaaa5a5c03055d69"
    );
    assert_eq!(
        hex::encode(d.value(168).unwrap()),
        "14805a7006b96286e7b0a3f618c1cd7f1059f76da766044c5bfc3fa31d5e9442"
    );
    assert_eq!(d.to_json()["offer_description"], "yolo");
}
