//! ln-offer CLI: create → decode → verify round trips for offer, invoice_request and invoice
//! (with issuer id, blinded paths only, recurrence), exit codes, --raw, encode, periods.

use serde_json::Value;

use crate::support::{cli, vector_json};

const ALICE: &str = "4141414141414141414141414141414141414141414141414141414141414141";
const BOB: &str = "4242424242424242424242424242424242424242424242424242424242424242";
const ALICE_ID: &str = "02eec7245d6b7d2ccb30380bfbe2a3648cd7a942653f5aa340edcea1f283686619";
const CAROL_ID: &str = "027f31ebc5462c1fdce1b737ecff52d37d75dea43ce11c74d25aa297165faa2007";
const NOW: &str = "1700000000";

fn offer_cli(key: &str, args: &[&str]) -> Value {
    let o = cli("ln-offer").env("LN_OFFER_KEY", key).args(["--json", "create"]).args(args).run();
    o.code(0);
    o.json()
}

fn ok_checks(v: &Value) -> bool {
    v["checks"].as_array().unwrap().iter().all(|c| c["ok"] == true) && v["valid"] == true
}

#[test]
fn create_offer_invoice_request_invoice_round_trip() {
    let offer = offer_cli(
        ALICE,
        &[
            "offer",
            "--amount",
            "10sat",
            "--description",
            "coffee",
            "--issuer",
            "alice@example.com",
            "--quantity-max",
            "5",
            "--absolute-expiry",
            "1800000000",
        ],
    );
    let lno = offer["offer"].as_str().unwrap();
    assert!(lno.starts_with("lno1"));
    // Decode independently: fields as given, offer_issuer_id = Alice's key.
    let d = cli("ln-offer").args(["decode", lno, "--now", NOW]).run();
    d.code(0);
    let d = d.json();
    assert_eq!(d["type"], "offer");
    assert_eq!(d["offer_amount"], 10_000);
    assert_eq!(d["offer_issuer_id"], ALICE_ID);
    assert_eq!(d["offer_quantity_max"], 5);
    assert!(ok_checks(&d));
    // After the expiry the same offer fails offer_not_expired (exit 1, report printed).
    let late = cli("ln-offer").args(["decode", lno, "--now", "1900000000"]).run();
    late.code(1);
    assert!(late.json()["checks"]
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c["check"] == "offer_not_expired" && c["ok"] == false));

    let req = offer_cli(
        BOB,
        &[
            "invoice-request",
            "--offer",
            lno,
            "--quantity",
            "3",
            "--payer-note",
            "thanks",
            "--bip353",
            "₿bob@example.com",
        ],
    );
    let lnr = req["invoice_request"].as_str().unwrap();
    let r = cli("ln-offer").args(["decode", lnr, "--now", NOW]).run();
    r.code(0);
    let r = r.json();
    assert_eq!(
        r["invreq_payer_id"],
        "0324653eac434488002cc06bbfb7f10fe18991e35f9fe4302dbea6d2353dc0ab1c"
    );
    assert_eq!(r["invreq_bip_353_name"]["domain"], "example.com");
    assert_eq!(r["signature_tag"], "lightninginvoice_requestsignature");
    assert_eq!(r["offer_id"], d["offer_id"], "the request's offer_id is the offer's");

    let preimage = "11".repeat(32);
    let inv = cli("ln-offer")
        .env("LN_OFFER_KEY", ALICE)
        .env("LN_OFFER_PREIMAGE", &preimage)
        .args([
            "--json",
            "create",
            "invoice",
            "--invoice-request",
            lnr,
            "--created-at",
            NOW,
            "--path",
            CAROL_ID,
            "--mpp",
            "optional",
        ])
        .run();
    inv.code(0);
    let inv = inv.json();
    let lni = inv["invoice"].as_str().unwrap();
    let i = cli("ln-offer").args(["decode", lni, "--now", "1700000100"]).run();
    i.code(0);
    let i = i.json();
    assert_eq!(i["invoice_amount"]["msat"], 30_000, "offer_amount x quantity");
    assert_eq!(i["invoice_node_id"], ALICE_ID);
    assert_eq!(i["invoice_paths"][0]["first_node_id"], CAROL_ID);
    assert_eq!(i["invoice_paths"][0]["num_hops"], 2);
    // SHA256(0x11 * 32)
    assert_eq!(
        i["invoice_payment_hash"],
        "02d449a31fbb267c8f352e9968a79e3e5fc95c1bbeaa502fd6454ebde5a4bedc"
    );

    let v = cli("ln-offer")
        .args([
            "verify",
            "--offer",
            lno,
            "--invoice-request",
            lnr,
            "--invoice",
            lni,
            "--preimage",
            &preimage,
            "--now",
            "1700000100",
        ])
        .run();
    v.code(0);
    let v = v.json();
    let names: Vec<&str> =
        v["checks"].as_array().unwrap().iter().map(|c| c["check"].as_str().unwrap()).collect();
    for want in [
        "offer_fields_mirrored",
        "invoice_request_fields_mirrored",
        "invoice_node_id_is_offer_issuer_id",
        "invoice_amount_is_expected_amount",
        "preimage_matches_payment_hash",
    ] {
        assert!(names.contains(&want), "{want} missing from {names:?}");
    }
    // Wrong preimage, and an invoice past its 7200 s expiry: exit 1.
    let bad = cli("ln-offer")
        .args(["verify", "--invoice", lni, "--preimage", &"22".repeat(32), "--now", "1700000100"])
        .run();
    bad.code(1);
    let late = cli("ln-offer").args(["verify", "--invoice", lni, "--now", "1700007201"]).run();
    late.code(1);
    // An invoice_request for another offer does not mirror this offer.
    let other = offer_cli(ALICE, &["offer", "--description", "other"]);
    let o2 = cli("ln-offer")
        .args([
            "verify",
            "--offer",
            other["offer"].as_str().unwrap(),
            "--invoice-request",
            lnr,
            "--now",
            NOW,
        ])
        .run();
    o2.code(1);
}

#[test]
fn offer_without_issuer_id_signs_invoices_with_the_blinded_key() {
    let offer =
        offer_cli(ALICE, &["offer", "--description", "tips", "--path", CAROL_ID, "--no-issuer-id"]);
    let lno = offer["offer"].as_str().unwrap();
    let d = offer["decoded"].clone();
    assert!(d.get("offer_issuer_id").is_none());
    assert_eq!(d["offer_paths"][0]["first_node_id"], CAROL_ID);
    let key = offer["invoice_signing_keys"][0].as_str().unwrap();
    let req = offer_cli(BOB, &["invoice-request", "--offer", lno, "--amount", "5000msat"]);
    let lnr = req["invoice_request"].as_str().unwrap();
    // Alice's node key is not the invoice_node_id: refused.
    let refused = cli("ln-offer")
        .env("LN_OFFER_KEY", ALICE)
        .args(["create", "invoice", "--invoice-request", lnr])
        .run();
    refused.code(1).one_line_error();
    let inv = offer_cli(key, &["invoice", "--invoice-request", lnr, "--created-at", NOW]);
    let lni = inv["invoice"].as_str().unwrap();
    let final_id = d["offer_paths"][0]["path"][1]["blinded_node_id"].clone();
    assert_eq!(inv["decoded"]["invoice_node_id"], final_id);
    let v = cli("ln-offer")
        .args(["verify", "--offer", lno, "--invoice-request", lnr, "--invoice", lni, "--now", NOW])
        .run();
    v.code(0);
}

#[test]
fn recurrence_round_trip_and_periods() {
    let offer = offer_cli(
        ALICE,
        &[
            "offer",
            "--amount",
            "1000000",
            "--description",
            "monthly",
            "--recurrence",
            "months:1",
            "--recurrence-base",
            "31485600",
            "--recurrence-limit",
            "11",
        ],
    );
    let lno = offer["offer"].as_str().unwrap();
    assert_eq!(offer["decoded"]["offer_recurrence_compulsory"]["time_unit"], 2);
    assert_eq!(offer["decoded"]["offer_recurrence_base"]["basetime"], 31_485_600);
    // Missing invreq_recurrence_start for an offer with a base: the request fails its checks.
    let bad = cli("ln-offer")
        .env("LN_OFFER_KEY", BOB)
        .args(["create", "invoice-request", "--offer", lno, "--recurrence-counter", "0"])
        .run();
    bad.code(1).one_line_error();
    let req = offer_cli(
        BOB,
        &[
            "invoice-request",
            "--offer",
            lno,
            "--recurrence-counter",
            "0",
            "--recurrence-start",
            "2",
        ],
    );
    let inv = offer_cli(
        ALICE,
        &[
            "invoice",
            "--invoice-request",
            req["invoice_request"].as_str().unwrap(),
            "--created-at",
            NOW,
        ],
    );
    assert_eq!(inv["decoded"]["invoice_recurrence_basetime"], 31_485_600);
    // The schedule: same day of month, clamped (31 Dec 1970 + 2 months = 28 Feb 1971).
    let p = cli("ln-offer").args(["periods", "--offer", lno, "--count", "3"]).run();
    p.code(0);
    let rows: Vec<Value> = p.stdout.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[1]["start_utc"], "31 Jan 1971 10:00:00 UTC");
    assert_eq!(rows[2]["start_utc"], "28 Feb 1971 10:00:00 UTC");
    let p = cli("ln-offer")
        .args([
            "periods",
            "--time-unit",
            "0",
            "--period",
            "1500",
            "--basetime",
            "0",
            "--amount",
            "1000",
            "--proportional",
            "--now",
            "150",
            "--count",
            "1",
        ])
        .run();
    assert_eq!(p.code(0).stdout.lines().count(), 1);
    let row: Value = serde_json::from_str(p.stdout.lines().next().unwrap()).unwrap();
    assert_eq!(row["amount"], 900, "150 s into a 1500 s period: 10% off");
}

#[test]
fn decode_raw_hex_and_errors() {
    let v = vector_json("bolts/bolt12/offers-test.json");
    let with_paths = v
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["description"] == "with blinded path via Bob (0x424242...), path_key 020202...")
        .unwrap();
    let s = with_paths["bolt12"].as_str().unwrap();
    let raw = cli("ln-offer").args(["decode", "--raw", s]).run();
    raw.code(0);
    let rows: Vec<Value> = raw.stdout.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[1]["type"], 16);
    assert_eq!(rows[1]["name"], "offer_paths");
    assert_eq!(rows[0]["value"], with_paths["fields"][0]["hex"]);
    // Hex input of the signature-test invoice_request (kind guessed from type 0 / 88).
    let sig = vector_json("bolts/bolt12/signature-test.json");
    let lnr = sig[3]["bolt12"].as_str().unwrap();
    let (_, bytes) = lnkit::offers::string::decode(lnr).unwrap();
    let d = cli("ln-offer").args(["decode", "--now", "none", &hex::encode(&bytes)]).run();
    d.code(0);
    assert_eq!(d.json()["type"], "invoice_request");
    assert_eq!(d.json()["merkle_root"], sig[3]["merkle"]);
    // Upper case and + joins from stdin.
    let up = format!("{}+\n  {}", &lnr[..20].to_uppercase(), &lnr[20..].to_uppercase());
    cli("ln-offer").args(["decode", "--now", "none"]).stdin(up).run().code(0);
    // Structural errors: one line, exit 1, nothing on stdout.
    for bad in ["lno1pgpq", "lno1qqb", "lnx1qq", "LnO1pq"] {
        let o = cli("ln-offer").args(["decode", bad]).run();
        o.code(1).one_line_error();
        assert!(o.stdout.is_empty(), "{bad}");
    }
    // Usage errors exit 2.
    cli("ln-offer").args(["create", "offer", "--description", "x"]).run().code(2);
}

#[test]
fn encode_makes_deliberately_invalid_strings() {
    // offer_amount without offer_description: decodes, fails one check, exit 1.
    let out = cli("ln-offer").args(["encode", "8=2710", &format!("22={ALICE_ID}")]).run();
    out.code(0);
    let text = out.stdout.trim();
    let dec = cli("ln-offer").args(["decode", text]).run();
    dec.code(1);
    let failed: Vec<Value> = dec.json()["checks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["ok"] == false)
        .cloned()
        .collect();
    assert_eq!(failed.len(), 1);
    assert_eq!(failed[0]["check"], "offer_amount_has_description");
    // Out of order records: a decode error naming the offset.
    let out = cli("ln-offer").args(["encode", &format!("22={ALICE_ID}"), "10=74"]).run();
    let err = cli("ln-offer").args(["decode", out.stdout.trim()]).run();
    err.code(1).one_line_error();
    assert!(err.stderr.contains("offset 35"), "{}", err.stderr);
    // --hex
    let hexed = cli("ln-offer").args(["encode", "--hex", "10=74"]).run();
    assert_eq!(hexed.code(0).stdout.trim(), "0a0174");
}

/// The payment hash a bolt11-examples.json breakdown states, if any.
fn breakdown_payment_hash(case: &Value) -> Option<String> {
    case["breakdown"].as_array()?.iter().find_map(|l| {
        let h = l.as_str()?.split("payment hash ").nth(1)?.trim_end_matches(')');
        (h.len() == 64).then(|| h.to_owned())
    })
}

#[test]
fn decode_bolt11_examples_json() {
    let v = vector_json("bolts/bolt11/bolt11-examples.json");
    let mut n = 0;
    for case in v["valid"].as_array().unwrap() {
        let (title, inv) = (case["title"].as_str().unwrap(), case["invoice"].as_str().unwrap());
        // The examples date from 2017: skip the expiry check.
        let o = cli("ln-offer").args(["decode", "--now", "none", inv]).run();
        assert_eq!(o.code, 0, "{title}: {}", o.stderr);
        let j = o.json();
        assert_eq!(j["type"], "bolt11_invoice", "{title}");
        assert_eq!(j["valid"], true, "{title}");
        if let Some(h) = breakdown_payment_hash(case) {
            assert_eq!(j["payment_hash"], h.as_str(), "{title}: payment_hash");
        }
        n += 1;
    }
    for case in v["invalid"].as_array().unwrap() {
        let (title, inv) = (case["title"].as_str().unwrap(), case["invoice"].as_str().unwrap());
        let o = cli("ln-offer").args(["decode", "--now", "none", inv]).run();
        assert_eq!(o.code, 1, "{title}: {}", o.stderr);
        // Either a report whose checks fail, or a one-line error and nothing on stdout.
        if o.stdout.is_empty() {
            o.one_line_error();
        } else {
            assert_eq!(o.json()["valid"], false, "{title}");
        }
        n += 1;
    }
    assert_eq!(n, 26, "bolt11-examples.json records");
    // bLIP 39 blinded paths, `lightning:` prefix and upper case; --raw: one line per field.
    let b39 = vector_json("blips/blip-0039-bolt11-blinded-paths.json");
    let inv = b39["invoice"].as_str().unwrap();
    let o = cli("ln-offer").args(["decode", "--now", "none"]).stdin(inv.to_owned()).run();
    o.code(0);
    assert_eq!(o.json()["payment_hash"], b39["expected"]["payment_hash"]);
    let up = format!("LIGHTNING:{}", inv.to_uppercase());
    cli("ln-offer").args(["decode", "--now", "none", &up]).run().code(0);
    let raw = cli("ln-offer").args(["decode", "--raw", "--now", "none", inv]).run();
    let types: Vec<u64> = raw
        .code(0)
        .stdout
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap()["type"].as_u64().unwrap())
        .collect();
    assert_eq!(types.iter().filter(|t| **t == 20).count(), 2, "two bLIP 39 paths: {types:?}");
    // The expiry check at a later time fails: exit 1, the report still printed.
    let late = cli("ln-offer").args(["decode", "--now", "1900000000", inv]).run();
    late.code(1);
    assert_eq!(late.json()["valid"], false);
    cli("ln-offer").args(["decode", "--type", "offer", inv]).run().code(2);
}

#[test]
fn bip353_bip_0353_examples_json() {
    // Inside every example proof's RRSIG window (see vectors_bip353.rs).
    const AT: &str = "1754600000";
    let v = vector_json("bips/bip-0353/bip-0353-examples.json");
    let (mut valid, mut invalid) = (0, 0);
    for p in v["proofs"].as_array().unwrap() {
        let (name, proof) = (p["name"].as_str().unwrap(), p["proof_hex"].as_str().unwrap());
        let o =
            cli("ln-offer").args(["bip353", "--name", name, "--proof", proof, "--now", AT]).run();
        if p["valid"] == true {
            assert_eq!(o.code, 0, "{name}: {}", o.stderr);
            let j = o.json();
            assert_eq!(j["name"], name);
            let uri = j["uri"].as_str().unwrap().to_ascii_lowercase();
            assert!(uri.starts_with("bitcoin:"), "{name}: {uri}");
            assert_eq!(j["address"], p["expected_address"], "{name}");
            assert_eq!(j["offer"], p.get("expected_offer").cloned().unwrap_or(Value::Null));
            let (from, to) = (j["valid_from"].as_u64().unwrap(), j["expires"].as_u64().unwrap());
            assert!(from <= 1_754_600_000 && 1_754_600_000 <= to, "{name}: {from}..{to}");
            if p.get("expected_offer").is_some() {
                assert_eq!(j["offer_decoded"]["type"], "offer", "{name}");
                assert_eq!(j["offer_decoded"]["valid"], true, "{name}");
            }
            assert_eq!(j["valid"], true);
            valid += 1;
        } else {
            o.code(1).one_line_error();
            assert!(o.stdout.is_empty(), "{name}");
            invalid += 1;
        }
    }
    assert_eq!((valid, invalid), (3, 2));
    // The proof with an offer: the name from the PSBT value, the proof from stdin (hex) and
    // from a binary file; outside the RRSIG window it is refused.
    let p = &v["proofs"][2];
    let hexp = p["proof_hex"].as_str().unwrap();
    let o = cli("ln-offer").args(["bip353", "--proof", "-", "--now", AT]).stdin(hexp).run();
    assert_eq!(o.code(0).json()["name"], p["name"]);
    let file = std::env::temp_dir().join(format!("lnkit-bip353-{}.bin", std::process::id()));
    std::fs::write(&file, hex::decode(hexp).unwrap()).unwrap();
    let o = cli("ln-offer").args(["bip353", "--now", AT, "--proof"]).arg(&file).run();
    std::fs::remove_file(&file).unwrap();
    assert_eq!(o.code(0).json()["offer"], p["expected_offer"]);
    let late = cli("ln-offer").args(["bip353", "--proof", hexp, "--now", "1900000000"]).run();
    late.code(1).one_line_error();
    // A proof for one name does not resolve another.
    let other = ["bip353", "--name", "other@dnssec_proof_tests.bitcoin.ninja", "--proof", hexp];
    cli("ln-offer").args(other).args(["--now", AT]).run().code(1).one_line_error();
}
