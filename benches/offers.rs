//! BOLT 12 decoding speed, lnkit next to LDK (`lightning` 0.2.7) in one run:
//! - the valid `lno` strings of research-data/offers.txt (mean µs per offer);
//! - decode + Merkle root + BIP-340 verify of two real invoices from offers.txt: the 497-byte
//!   CLN invoice and the 1,853-byte invoice with several blinded paths (eclair interop set).
//!
//! Both sides start from the same strings. The LDK column comes from the dev-only harness
//! `interop/ldk-offers` (`--bench N`), built here in release into `target/interop/`; LDK's
//! invoice parse verifies the signature too, so both do the same work. Each figure is the best
//! of five timed rounds, lnkit's and LDK's alternating (the machine is shared).
//! Run: `cargo bench --bench offers` (add `--no-default-features` to skip building
//! libbitcoinconsensus, which this benchmark does not use).
//!
//! `cargo bench --bench offers -- --profile[=offers|invoices]` runs only lnkit's side, a fixed
//! number of passes, for `valgrind --tool=callgrind` (instruction counts do not depend on the
//! machine's load).

// A benchmark stops on a broken set-up: expect/assert are its error path.
#![allow(clippy::expect_used, clippy::panic, clippy::print_stdout, clippy::indexing_slicing)]

use std::hint::black_box;
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::Instant;

use lnkit::offers::decode_str;
use serde_json::Value;

/// Timed rounds per figure; the best one is printed.
const ROUNDS: usize = 5;
/// Wall time each round aims for.
const ROUND_SECS: f64 = 0.4;

fn shared() -> PathBuf {
    std::env::var_os("LNKIT_SHARED")
        .map_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared"), PathBuf::from)
}

/// Passes over `items` that make one round last about [`ROUND_SECS`].
fn calibrate<T>(items: &[T], f: &mut impl FnMut(&T)) -> usize {
    let mut passes = 1usize;
    loop {
        let start = Instant::now();
        for _ in 0..passes {
            items.iter().for_each(&mut *f);
        }
        if start.elapsed().as_secs_f64() >= ROUND_SECS / 4.0 || passes >= 1 << 22 {
            return passes * 4;
        }
        passes *= 2;
    }
}

/// Mean µs per item of one round of `passes` passes.
fn round<T>(items: &[T], passes: usize, f: &mut impl FnMut(&T)) -> f64 {
    let start = Instant::now();
    for _ in 0..passes {
        items.iter().for_each(&mut *f);
    }
    start.elapsed().as_secs_f64() * 1e6 / (passes * items.len()) as f64
}

/// Best of [`ROUNDS`] rounds for lnkit and for LDK, the two alternating so that a change in the
/// machine's load hits both columns alike.
fn compare<T>(
    items: &[T],
    mut f: impl FnMut(&T),
    ldk: Option<&PathBuf>,
    strings: &[String],
) -> (f64, Option<f64>) {
    let passes = calibrate(items, &mut f);
    let (mut ours, mut theirs) = (f64::INFINITY, ldk.map(|_| f64::INFINITY));
    for _ in 0..ROUNDS {
        ours = ours.min(round(items, passes, &mut f));
        if let (Some(bin), Some(t)) = (ldk, theirs.as_mut()) {
            *t = t.min(ldk_round(bin, strings, passes));
        }
    }
    (ours, theirs)
}

/// Builds the LDK harness in release (offline first, so a warm cache needs no network).
fn ldk_harness() -> Option<PathBuf> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map_or_else(|| root.join("target"), PathBuf::from)
        .join("interop");
    let manifest = root.join("interop/ldk-offers/Cargo.toml");
    let build = |offline: bool| {
        let mut cmd = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()));
        cmd.args(["build", "--quiet", "--release", "--locked", "--manifest-path"])
            .arg(&manifest)
            .env("CARGO_TARGET_DIR", &target)
            .stdin(Stdio::null());
        if offline {
            cmd.arg("--offline");
        }
        cmd.status().is_ok_and(|s| s.success())
    };
    if !(build(true) || build(false)) {
        eprintln!("interop/ldk-offers does not build: LDK column left empty");
        return None;
    }
    Some(target.join("release/ldk-offers"))
}

/// Runs the harness with `args`, the inputs on stdin (one per line), and returns its stdout.
fn run_harness(bin: &PathBuf, args: &[String], inputs: &[String]) -> String {
    let mut child = Command::new(bin)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("spawn ldk-offers");
    let mut stdin = child.stdin.take().expect("stdin");
    let data: String = inputs.iter().flat_map(|s| [s.as_str(), "\n"]).collect();
    let writer = std::thread::spawn(move || stdin.write_all(data.as_bytes()));
    let out = child.wait_with_output().expect("ldk-offers output");
    writer.join().expect("writer").expect("write inputs");
    assert!(out.status.success(), "ldk-offers {args:?}: {}", out.status);
    String::from_utf8(out.stdout).expect("utf-8")
}

/// LDK's accept/reject verdict per input.
fn ldk_accepts(bin: &PathBuf, inputs: &[String]) -> Vec<bool> {
    run_harness(bin, &[], inputs)
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).expect("json")["ok"].as_bool().expect("ok"))
        .collect()
}

/// LDK's mean µs per input over `passes` passes (one harness run).
fn ldk_round(bin: &PathBuf, inputs: &[String], passes: usize) -> f64 {
    let out = run_harness(bin, &["--bench".into(), passes.to_string()], inputs);
    let v: Value = serde_json::from_str(out.trim()).expect("bench json");
    assert_eq!(v["accepted"].as_u64(), Some(inputs.len() as u64), "LDK refused an input");
    v["mean_us_per_input"].as_f64().expect("mean")
}

fn row(what: &str, n: usize, ours: f64, ldk: Option<f64>) {
    let (l, ratio) = match ldk {
        Some(l) => (format!("{l:.2}"), format!("{:.2}", ours / l)),
        None => ("n/a".into(), "n/a".into()),
    };
    println!("{what:<46} {n:>5} {ours:>12.2} {l:>12} {ratio:>7}");
}

fn main() {
    let text =
        std::fs::read_to_string(shared().join("research-data/offers.txt")).expect("offers.txt");
    let lines: Vec<&str> =
        text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).collect();
    // `--profile` (both), `--profile=offers` or `--profile=invoices`.
    let profile = std::env::args()
        .find_map(|a| a.strip_prefix("--profile").map(|w| w.trim_start_matches('=').to_string()));
    let profile = profile.as_deref();
    let ldk = if profile.is_some() { None } else { ldk_harness() };
    let mut offers: Vec<String> = lines
        .iter()
        .filter(|l| l.starts_with("lno1"))
        .filter(|l| decode_str(l).is_ok_and(|d| d.valid()))
        .map(|l| (*l).to_string())
        .collect();
    // Time only what both accept: a rejection is a shorter path than a full decode.
    if let Some(bin) = &ldk {
        let before = offers.len();
        let ok = ldk_accepts(bin, &offers);
        let mut keep = ok.iter();
        offers.retain(|_| keep.next().copied().unwrap_or(false));
        if offers.len() != before {
            println!("({} valid offer(s) that LDK refuses are left out)", before - offers.len());
        }
    }
    let invoices: Vec<(&str, String)> = [
        ("lni1qqgds4gweqxey37gexf5jus4", "CLN invoice"),
        ("lni1qqsyzre2s0lc77w5h33ck654", "invoice, 3 blinded paths"),
    ]
    .into_iter()
    .map(|(head, what)| {
        let s = lines.iter().find(|l| l.starts_with(head)).expect("invoice in offers.txt");
        let d = decode_str(s).expect("decodes");
        assert!(d.valid(), "{what} must verify");
        (*s, format!("{what} ({} B)", d.bytes.len()))
    })
    .collect();

    if let Some(which) = profile {
        let mut work: Vec<&str> = Vec::new();
        if which != "invoices" {
            work.extend(offers.iter().map(String::as_str));
        }
        if which != "offers" {
            work.extend(invoices.iter().map(|(s, _)| *s));
        }
        for _ in 0..20 {
            for s in &work {
                black_box(decode_str(black_box(s)).expect("decodes"));
            }
        }
        return;
    }
    // Wall-clock figures: a loaded machine inflates them, so say how loaded it was.
    if let Ok(l) = std::fs::read_to_string("/proc/loadavg") {
        println!("load average: {}", l.split_whitespace().take(3).collect::<Vec<_>>().join(" "));
    }
    println!(
        "{:<46} {:>5} {:>12} {:>12} {:>7}",
        "decode (µs per item)", "items", "lnkit", "LDK 0.2.7", "ratio"
    );
    let (t, l) = compare(
        &offers,
        |s| {
            black_box(decode_str(black_box(s)).expect("decodes"));
        },
        ldk.as_ref(),
        &offers,
    );
    row("offers.txt lno (valid)", offers.len(), t, l);

    for (s, what) in &invoices {
        let one = [(*s).to_string()];
        // decode_str = bech32 + TLV parse + field checks + Merkle root + every reader check,
        // which includes the BIP-340 signature verification.
        let (t, l) = compare(
            &one,
            |s| {
                let d = decode_str(black_box(s)).expect("decodes");
                black_box(d.valid());
            },
            ldk.as_ref(),
            &one,
        );
        row(&format!("{what} +merkle+sig"), 1, t, l);
    }
    println!("target: lnkit ≤ 0.8 × LDK on each row (ratio = lnkit / LDK)");
}
