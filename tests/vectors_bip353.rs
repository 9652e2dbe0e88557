//! BIP 353 examples (`bips/bip-0353/bip-0353-examples.json`): the TXT record example and
//! 3 valid + 2 invalid DNSSEC proofs (`PSBT_OUT_DNSSEC_PROOF` values), checked at a fixed time.

use lnkit::bip353;
use lnkit::ErrorKind;

use crate::support::vector_json;

const FILE: &str = "bips/bip-0353/bip-0353-examples.json";

/// 2025-08-07 20:53:20 UTC: inside every example proof's RRSIG window (the BIP says the proofs
/// are "valid on" August 6 and 7, 2025; the latest inception is 2025-08-07 10:35 UTC).
const NOW: u64 = 1_754_600_000;

/// Why each invalid example fails: the error kind and a word of the message.
fn invalid_reason(description: &str) -> (ErrorKind, &'static str) {
    if description.contains("two TXT records") {
        (ErrorKind::Rule, "exactly one")
    } else if description.contains("missing the required NSEC3") {
        (ErrorKind::Crypto, "DNSSEC")
    } else {
        panic!("unexpected invalid example {description:?}")
    }
}

#[test]
fn bip_0353_examples_proofs() {
    let v = vector_json(FILE);
    let (mut valid, mut invalid) = (0, 0);
    for p in v["proofs"].as_array().unwrap() {
        let name = p["name"].as_str().unwrap();
        let proof = hex::decode(p["proof_hex"].as_str().unwrap()).unwrap();
        let r = bip353::verify_psbt_proof(&proof, NOW);
        if p["valid"].as_bool().unwrap() {
            let r = r.unwrap_or_else(|e| panic!("{name}: {e}"));
            assert_eq!(r.name, name);
            assert_eq!(r.parsed.address(), p["expected_address"].as_str(), "{name}: address");
            assert_eq!(r.parsed.offer(), p["expected_offer"].as_str(), "{name}: offer");
            let j = r.to_json();
            assert_eq!(j["offer"].as_str(), p["expected_offer"].as_str());
            assert!(r.valid_from <= NOW && NOW <= r.expires);
            // The same proof, without the PSBT name prefix, through the plain entry point.
            let len = usize::from(proof[0]);
            let r2 = bip353::verify_proof(&format!("₿{name}"), &proof[1 + len..], NOW).unwrap();
            assert_eq!(r2, r);
            // Outside the RRSIG window the proof is refused.
            for t in [r.valid_from - 1, r.expires + 1] {
                let e = bip353::verify_psbt_proof(&proof, t).unwrap_err();
                assert_eq!(e.kind(), ErrorKind::Crypto, "{name} at {t}: {e}");
            }
            // A proof for one name does not resolve another.
            let e = bip353::verify_proof(
                "other@dnssec_proof_tests.bitcoin.ninja",
                &proof[1 + len..],
                NOW,
            )
            .unwrap_err();
            assert_eq!(e.kind(), ErrorKind::Rule, "{name}: {e}");
            valid += 1;
        } else {
            let (kind, word) = invalid_reason(p["description"].as_str().unwrap());
            let e = r.expect_err(name);
            assert_eq!(e.kind(), kind, "{name}: {e}");
            assert!(e.to_string().contains(word), "{name}: {e}");
            invalid += 1;
        }
    }
    assert_eq!((valid, invalid), (3, 2));
}

#[test]
fn bip_0353_examples_txt_record() {
    let v = vector_json(FILE);
    let t = &v["txt_record_example"];
    let uri = bip353::txt_from_zone(t["dns_record_text"].as_str().unwrap());
    assert_eq!(uri, t["uri_reconstructed"].as_str().unwrap());
    let parsed = bip353::parse_uri(&uri).unwrap();
    let offer = parsed.offer().unwrap();
    assert!(offer.starts_with("lno1"), "{offer}");
    assert!(parsed.address().is_none());
    // The record name is the BIP's `user.user._bitcoin-payment.domain.`.
    let (user, domain) = bip353::parse_name(t["name"].as_str().unwrap()).unwrap();
    let dns = bip353::dns_name(&user, &domain);
    assert!(t["dns_record_text"].as_str().unwrap().starts_with(&dns), "{dns}");
}
