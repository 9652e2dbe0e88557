//! BOLT 12 decoding speed: the valid `lno` strings of research-data/offers.txt (mean µs per
//! offer), and decode + Merkle root + BIP-340 verify of a ~500-byte and a 1,853-byte invoice
//! built with `lnkit::offers::build`. Prints our figures; the LDK column comes from the
//! interop/ harness (see `ldk_column`). Run: `cargo bench --bench offers`.

// A benchmark stops on a broken set-up: expect/assert are its error path.
#![allow(clippy::expect_used, clippy::panic)]

use std::hint::black_box;
use std::path::PathBuf;
use std::time::Instant;

use bitcoin::secp256k1::{PublicKey, Secp256k1, SecretKey};
use lnkit::offers::blinding::{payment_path, Relay};
use lnkit::offers::build::{self, InvoiceParams, InvreqParams, OfferParams};
use lnkit::offers::{decode_bytes, decode_str, Decoded, Kind, Options};

fn shared() -> PathBuf {
    std::env::var_os("LNKIT_SHARED")
        .map_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared"), PathBuf::from)
}

fn key(b: u8) -> SecretKey {
    SecretKey::from_slice(&[b; 32]).expect("valid key")
}

/// An invoice for an offer whose description is `desc_len` bytes, with `paths` blinded paths
/// of `hops` hops each (the last hop is the recipient).
fn invoice(desc_len: usize, paths: usize, hops: usize) -> Decoded {
    let secp = Secp256k1::new();
    let (alice, bob) = (key(0x41), key(0x42));
    let carol = PublicKey::from_secret_key(&secp, &key(0x43));
    let dave = PublicKey::from_secret_key(&secp, &key(0x44));
    let offer = build::offer(&OfferParams {
        amount: Some(1_000_000),
        description: Some("x".repeat(desc_len)),
        issuer: Some("bench".into()),
        issuer_id: Some(PublicKey::from_secret_key(&secp, &alice)),
        ..OfferParams::default()
    })
    .expect("offer");
    let req = build::invoice_request(
        &offer,
        &InvreqParams {
            metadata: vec![7; 32],
            payer_note: Some("bench".into()),
            ..InvreqParams::default()
        },
        &bob,
    )
    .expect("invoice_request");
    let relay = Relay {
        cltv_expiry_delta: 144,
        fee_proportional_millionths: 100,
        fee_base_msat: 1000,
        htlc_minimum_msat: 1,
        htlc_maximum_msat: 1_000_000,
        max_cltv_expiry: 1_000_000,
        min_final_cltv_expiry_delta: 18,
    };
    let me = PublicKey::from_secret_key(&secp, &alice);
    let nodes = [carol, dave, me];
    let route = nodes.get(nodes.len().saturating_sub(hops)..).expect("at most 3 hops");
    let built = (0..paths)
        .map(|i| payment_path(&key(0x50 + i as u8), route, &relay, &[9; 32]).expect("path"))
        .collect();
    let p = InvoiceParams {
        paths: built,
        created_at: 1_700_000_000,
        payment_preimage: [1; 32],
        ..InvoiceParams::default()
    };
    build::invoice(&req, &p, &alice).expect("invoice")
}

/// An invoice of exactly `target` bytes (adjusting the description).
fn invoice_of_size(target: usize, paths: usize, hops: usize) -> Decoded {
    let mut len = 10;
    for _ in 0..8 {
        let d = invoice(len, paths, hops);
        if d.bytes.len() == target {
            return d;
        }
        len = (len as isize + target as isize - d.bytes.len() as isize).max(1) as usize;
    }
    invoice(len, paths, hops)
}

fn time_per_item<T>(items: &[T], mut f: impl FnMut(&T)) -> f64 {
    let mut iters = 1usize;
    loop {
        let start = Instant::now();
        for _ in 0..iters {
            for it in items {
                f(it);
            }
        }
        let el = start.elapsed();
        if el.as_millis() >= 500 || iters >= 1 << 20 {
            return el.as_secs_f64() * 1e6 / (iters * items.len()) as f64;
        }
        iters *= 2;
    }
}

// ---- LDK COLUMN -------------------------------------------------------------------------
/// Mean µs per item of LDK (`lightning::offers`) on the same inputs, for the comparison
/// column. The interop/ LDK harness (branch bolt11) fills this in; `None` prints "n/a".
/// `what` is one of "offers.txt lno", "invoice ~500 B", "invoice 1853 B"; `inputs` are the
/// exact strings (bech32, `lno`/`lni`) we timed.
fn ldk_column(_what: &str, _inputs: &[String]) -> Option<f64> {
    None
}
// ------------------------------------------------------------------------------------------

fn row(what: &str, n: usize, ours: f64, inputs: &[String]) {
    let ldk = ldk_column(what, inputs).map_or_else(|| "n/a".to_string(), |v| format!("{v:.2}"));
    println!("{what:<28} {n:>6} {ours:>14.2} {ldk:>14}");
}

fn main() {
    let text =
        std::fs::read_to_string(shared().join("research-data/offers.txt")).expect("offers.txt");
    let offers: Vec<String> = text
        .lines()
        .map(str::trim)
        .filter(|l| l.starts_with("lno1"))
        .filter(|l| decode_str(l).is_ok_and(|d| d.valid()))
        .map(str::to_string)
        .collect();
    // Wall-clock figures: a loaded machine inflates them, so say how loaded it was.
    if let Ok(l) = std::fs::read_to_string("/proc/loadavg") {
        println!("load average: {}", l.split_whitespace().take(3).collect::<Vec<_>>().join(" "));
    }
    println!("{:<28} {:>6} {:>14} {:>14}", "input", "items", "lnkit µs/item", "LDK µs/item");
    let t = time_per_item(&offers, |s| {
        black_box(decode_str(black_box(s)).expect("decodes"));
    });
    row("offers.txt lno (valid)", offers.len(), t, &offers);

    for (what, target, paths, hops) in
        [("invoice ~500 B", 500, 1, 1), ("invoice 1853 B", 1853, 3, 3)]
    {
        let inv = invoice_of_size(target, paths, hops);
        assert!(inv.valid(), "bench invoice must verify");
        let bytes = inv.bytes.clone();
        let s = lnkit::offers::to_string(&inv);
        // decode_bytes = TLV parse + field decode + Merkle root + every reader check, which
        // includes the BIP-340 signature verification.
        let t = time_per_item(std::slice::from_ref(&bytes), |b| {
            let d = decode_bytes(Kind::Invoice, black_box(b.clone()), &Options::default())
                .expect("decodes");
            black_box(d.valid());
        });
        row(&format!("{what} ({} B)", bytes.len()), 1, t, &[s]);
    }
}
