//! BOLT 12 vectors (offers-test, format-string-test, signature-test), BOLT 4
//! route-blinding-test, bLIP 37 sciddir_or_pubkey, bLIP 42 contacts, PR #1240 offer periods.

use bitcoin::secp256k1::{PublicKey, Secp256k1, SecretKey};
use lnkit::encoding::tlv::decode_stream;
use lnkit::encoding::Reader;
use lnkit::offers::tables::{SciddirOrPubkey, ENCRYPTED_DATA_TLV};
use lnkit::offers::{blinding, contact, decode_str, merkle, recurrence, string};
use serde_json::Value;

use crate::support::vector_json;

fn sk(h: &str) -> SecretKey {
    SecretKey::from_slice(&hex::decode(h).unwrap()).unwrap()
}

fn pk(h: &str) -> PublicKey {
    PublicKey::from_slice(&hex::decode(h).unwrap()).unwrap()
}

#[test]
fn offers_test_json() {
    let v = vector_json("bolts/bolt12/offers-test.json");
    let cases = v.as_array().unwrap();
    assert_eq!(cases.len(), 53);
    let (mut valid, mut invalid) = (0, 0);
    for c in cases {
        let desc = c["description"].as_str().unwrap();
        let s = c["bolt12"].as_str().unwrap();
        let r = decode_str(s);
        if c["valid"].as_bool().unwrap() {
            let d = r.unwrap_or_else(|e| panic!("{desc}: {e}"));
            let failed: Vec<_> = d.failed().collect();
            assert!(failed.is_empty(), "{desc}: {failed:?}");
            let fields = c["fields"].as_array().unwrap();
            assert_eq!(d.records.len(), fields.len(), "{desc}");
            for (rec, f) in d.records.iter().zip(fields) {
                assert_eq!(rec.ty, f["type"].as_u64().unwrap(), "{desc}");
                assert_eq!(
                    rec.end - rec.value_start,
                    f["length"].as_u64().unwrap() as usize,
                    "{desc}"
                );
                assert_eq!(
                    hex::encode(d.value(rec.ty).unwrap()),
                    f["hex"].as_str().unwrap(),
                    "{desc}"
                );
            }
            // Re-encoding gives the same string.
            assert_eq!(lnkit::offers::to_string(&d), s, "{desc}");
            valid += 1;
        } else {
            match r {
                Err(e) => assert!(!e.to_string().contains('\n'), "{desc}"),
                Ok(d) => assert!(!d.valid(), "{desc}: decoded as valid: {}", d.to_json()),
            }
            invalid += 1;
        }
    }
    assert_eq!((valid, invalid), (20, 33));
}

#[test]
fn offers_test_json_field_info() {
    // Spot-check the decoded JSON against each vector's "field info".
    let v = vector_json("bolts/bolt12/offers-test.json");
    let by = |d: &str| {
        let c = v.as_array().unwrap().iter().find(|c| c["description"] == d).unwrap();
        decode_str(c["bolt12"].as_str().unwrap()).unwrap().to_json()
    };
    assert_eq!(by("with description (but no amount)")["offer_description"], "Test vectors");
    assert_eq!(by("with amount")["offer_amount"], 10000);
    assert_eq!(by("with currency")["offer_currency"], "USD");
    assert_eq!(by("with expiry")["offer_absolute_expiry"], 2_051_184_600);
    assert_eq!(by("with quantity")["offer_quantity_max"], 5);
    assert_eq!(by("with unlimited (or unknown) quantity")["offer_quantity_max"], 0);
    assert_eq!(by("with feature")["offer_features"]["bits"][0]["bit"], 99);
    let p = by("same, with blinded path first_node_id using sciddir");
    assert_eq!(p["offer_paths"][0]["first_node_id"]["short_channel_id"], "0x0x42");
    assert_eq!(p["offer_paths"][0]["first_node_id"]["direction"], 0);
    let p = by("... and with second blinded path via 1x2x3 (direction 1), path_key 020202...");
    assert_eq!(p["offer_paths"][1]["first_node_id"]["short_channel_id"], "1x2x3");
    assert_eq!(p["offer_paths"][1]["first_node_id"]["direction"], 1);
    assert_eq!(by("unknown odd field")["unknown_tlvs"][0]["value"], hex::encode("helloworld"));
    let t = by("for testnet");
    assert_eq!(
        t["offer_chains"][0],
        hex::encode(lnkit::network::chain_hash(bitcoin::Network::Testnet))
    );
}

#[test]
fn format_string_test_json() {
    let v = vector_json("bolts/bolt12/format-string-test.json");
    let cases = v.as_array().unwrap();
    assert_eq!(cases.len(), 12);
    let reference = string::decode(cases[0]["string"].as_str().unwrap()).unwrap();
    let mut n_valid = 0;
    for c in cases {
        let s = c["string"].as_str().unwrap();
        let what = c["comment"].as_str().unwrap();
        let r = string::decode(s);
        if c["valid"].as_bool().unwrap() {
            assert_eq!(r.unwrap_or_else(|e| panic!("{what}: {e}")), reference, "{what}");
            n_valid += 1;
        } else {
            let e = r.expect_err(what).to_string();
            assert!(e.contains("position") || e.contains("case"), "{what}: {e}");
        }
    }
    assert_eq!(n_valid, 6);
}

fn key_hex(obj: &Value, prefix: &str) -> (String, String) {
    let o = obj.as_object().unwrap();
    let (k, v) = o.iter().find(|(k, _)| k.starts_with(prefix)).unwrap();
    (k.clone(), v.as_str().unwrap().to_string())
}

#[test]
fn signature_test_json() {
    let v = vector_json("bolts/bolt12/signature-test.json");
    let cases = v.as_array().unwrap();
    assert_eq!(cases.len(), 4);
    for c in cases {
        let what = c["comment"].as_str().unwrap();
        let first = hex::decode(c["first-tlv"].as_str().unwrap()).unwrap();
        let h = merkle::Hashers::new(&first);
        let mut recs = Vec::new();
        for l in c["leaves"].as_array().unwrap() {
            let (k, leaf) = key_hex(l, "H(`LnLeaf`,");
            let rec =
                hex::decode(k.trim_start_matches("H(`LnLeaf`,").trim_end_matches(')')).unwrap();
            let mut r = Reader::new(&rec);
            let ty = r.bigsize().unwrap();
            assert_eq!(hex::encode(h.leaf(&rec)), leaf, "{what}: leaf {ty}");
            let (_, nonce) = key_hex(l, "H(`LnNonce`");
            assert_eq!(hex::encode(h.nonce(ty)), nonce, "{what}: nonce {ty}");
            let (_, br) = key_hex(l, "H(`LnBranch`");
            assert_eq!(
                hex::encode(h.branch(&h.leaf(&rec), &h.nonce(ty))),
                br,
                "{what}: branch {ty}"
            );
            recs.push((ty, rec));
        }
        let root = merkle::root(recs.iter().map(|(t, r)| (*t, r.as_slice()))).unwrap();
        assert_eq!(hex::encode(root), c["merkle"].as_str().unwrap(), "{what}");
        if let Some(s) = c["bolt12"].as_str() {
            let d = decode_str(s).unwrap();
            assert_eq!(d.merkle_root, Some(root), "{what}");
            assert_eq!(d.signature_tag().unwrap(), c["signature_tag"].as_str().unwrap());
            assert_eq!(
                hex::encode(d.signature_hash().unwrap()),
                c["H(signature_tag,merkle)"].as_str().unwrap()
            );
            assert_eq!(hex::encode(d.value(240).unwrap()), c["signature"].as_str().unwrap());
            let failed: Vec<_> = d.failed().collect();
            assert!(failed.is_empty(), "{what}: {failed:?}");
            // Our signer produces a signature that verifies under Bob's key.
            let bob = sk(&"42".repeat(32));
            let sig = merkle::sign(&d.signature_hash().unwrap(), &bob);
            merkle::verify(&d.signature_hash().unwrap(), &sig, &d.point(88).unwrap()).unwrap();
            let mut bad = sig;
            bad[5] ^= 1;
            assert!(
                merkle::verify(&d.signature_hash().unwrap(), &bad, &d.point(88).unwrap()).is_err()
            );
        }
    }
}

#[test]
fn route_blinding_test_json() {
    let v = vector_json("bolts/bolt04/route-blinding-test.json");
    let hops = v["generate"]["hops"].as_array().unwrap();
    assert_eq!(hops.len(), 4);
    // Two segments: Bob -> Carol (session 0x02...), Dave -> Eve (session 0x01...).
    let mut built = Vec::new();
    for seg in [&hops[0..2], &hops[2..4]] {
        let session = sk(seg[0]["session_key"].as_str().unwrap());
        let input: Vec<(PublicKey, Vec<u8>)> = seg
            .iter()
            .map(|h| {
                (
                    pk(h["node_id"].as_str().unwrap()),
                    hex::decode(h["encoded_tlvs"].as_str().unwrap()).unwrap(),
                )
            })
            .collect();
        built.extend(blinding::blind(&session, &input).unwrap());
    }
    for (h, b) in hops.iter().zip(&built) {
        let who = h["alias"].as_str().unwrap();
        assert_eq!(
            hex::encode(b.path_privkey.secret_bytes()),
            h["path_privkey"].as_str().unwrap(),
            "{who}"
        );
        assert_eq!(hex::encode(b.path_key.serialize()), h["path_key"].as_str().unwrap(), "{who}");
        assert_eq!(hex::encode(b.shared_secret), h["shared_secret"].as_str().unwrap(), "{who}");
        assert_eq!(hex::encode(b.rho), h["rho"].as_str().unwrap(), "{who}");
        assert_eq!(hex::encode(&b.encrypted_data), h["encrypted_data"].as_str().unwrap(), "{who}");
        assert_eq!(
            hex::encode(b.blinded_node_id.serialize()),
            h["blinded_node_id"].as_str().unwrap(),
            "{who}"
        );
        // The plaintext decodes with the BOLT 4 table (unknown odd records kept).
        let plain = hex::decode(h["encoded_tlvs"].as_str().unwrap()).unwrap();
        decode_stream(&ENCRYPTED_DATA_TLV, &mut Reader::new(&plain)).unwrap();
    }
    let route = &v["route"];
    assert_eq!(route["first_path_key"], hops[0]["path_key"]);
    let un = v["unblind"]["hops"].as_array().unwrap();
    assert_eq!(un.len(), 4);
    for (i, u) in un.iter().enumerate() {
        let who = u["alias"].as_str().unwrap();
        let enc = hex::decode(route["hops"][i]["encrypted_data"].as_str().unwrap()).unwrap();
        let r = blinding::unblind(
            &sk(u["node_privkey"].as_str().unwrap()),
            &pk(u["path_key"].as_str().unwrap()),
            &enc,
        )
        .unwrap();
        assert_eq!(
            hex::encode(r.blinded_privkey.secret_bytes()),
            u["blinded_privkey"].as_str().unwrap(),
            "{who}"
        );
        assert_eq!(hex::encode(&r.data), u["decrypted_data"].as_str().unwrap(), "{who}");
        let want_next = u.get("next_path_key_override").unwrap_or(&u["next_path_key"]);
        assert_eq!(hex::encode(r.next_path_key.serialize()), want_next.as_str().unwrap(), "{who}");
        let mut bad = enc.clone();
        bad[0] ^= 1;
        assert!(blinding::unblind(
            &sk(u["node_privkey"].as_str().unwrap()),
            &pk(u["path_key"].as_str().unwrap()),
            &bad
        )
        .is_err());
    }
}

#[test]
fn rfc8439_aead_vector() {
    // RFC 8439 section 2.8.2: the AEAD our route blinding uses (with a zero nonce there).
    use chacha20_poly1305::{ChaCha20Poly1305, Key, Nonce};
    let key: [u8; 32] = core::array::from_fn(|i| 0x80 + i as u8);
    let nonce: [u8; 12] = hex::decode("070000004041424344454647").unwrap().try_into().unwrap();
    let aad = hex::decode("50515253c0c1c2c3c4c5c6c7").unwrap();
    let mut text = b"Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the future, sunscreen would be it.".to_vec();
    let tag =
        ChaCha20Poly1305::new(Key::new(key), Nonce::new(nonce)).encrypt(&mut text, Some(&aad));
    assert_eq!(hex::encode(&text[..16]), "d31a8d34648e60db7b86afbc53ef7ec2");
    assert_eq!(hex::encode(tag), "1ae10b594f09e26a7e902ecbd0600691");
    let rho = [7u8; 32];
    let ct = blinding::encrypt(&rho, b"hello");
    assert_eq!(blinding::decrypt(&rho, &ct).unwrap(), b"hello");
    assert!(blinding::decrypt(&[8u8; 32], &ct).is_err());
}

#[test]
fn blip_0037_sciddir_or_pubkey_json() {
    let v = vector_json("proposals/sciddir-or-pubkey/blip-0037-sciddir-or-pubkey.json");
    let cases = v["vectors"].as_array().unwrap();
    assert_eq!(cases.len(), 6);
    for c in cases {
        let enc = hex::decode(c["encoded"].as_str().unwrap().replace(' ', "")).unwrap();
        let want = if let Some(s) = c.get("sciddir") {
            SciddirOrPubkey::Scid {
                direction: u8::from(!s["isNode1"].as_bool().unwrap()),
                scid: s["scid"].as_str().unwrap().parse().unwrap(),
            }
        } else if let Some(k) = c.get("standard_node_id") {
            SciddirOrPubkey::Pubkey(hex::decode(k.as_str().unwrap()).unwrap().try_into().unwrap())
        } else {
            let k = c["wallet_node_id"].as_str().unwrap();
            SciddirOrPubkey::WalletPubkey(hex::decode(k).unwrap().try_into().unwrap())
        };
        let got = SciddirOrPubkey::read(&mut Reader::new(&enc), true).unwrap();
        assert_eq!(got, want, "{c}");
        let mut out = Vec::new();
        got.write(&mut out);
        assert_eq!(out, enc, "{c}");
        // BOLT 12 paths accept only 0-3.
        let strict = SciddirOrPubkey::read(&mut Reader::new(&enc), false);
        assert_eq!(strict.is_ok(), !matches!(want, SciddirOrPubkey::WalletPubkey(_)), "{c}");
    }
}

#[test]
fn blip_0042_contact_secret_json() {
    let v = vector_json("proposals/bolt12-contacts/blip-0042-contact-secret.json");
    let cases = v["vectors"].as_array().unwrap();
    assert_eq!(cases.len(), 2);
    let secp = Secp256k1::new();
    for c in cases {
        let what = c["comment"].as_str().unwrap();
        let alice = decode_str(c["alice_offer"].as_str().unwrap()).unwrap();
        let bob = decode_str(c["bob_offer"].as_str().unwrap()).unwrap();
        let (ak, bk) = (
            sk(c["alice_offer_priv_key"].as_str().unwrap()),
            sk(c["bob_offer_priv_key"].as_str().unwrap()),
        );
        assert_eq!(
            contact::offer_node_id(&alice).unwrap(),
            pk(c["alice_offer_node_id"].as_str().unwrap()),
            "{what}"
        );
        assert_eq!(
            contact::offer_node_id(&bob).unwrap(),
            pk(c["bob_offer_node_id"].as_str().unwrap()),
            "{what}"
        );
        assert_eq!(
            PublicKey::from_secret_key(&secp, &ak),
            contact::offer_node_id(&alice).unwrap(),
            "{what}"
        );
        let want = c["contact_secret"].as_str().unwrap();
        assert_eq!(hex::encode(contact::contact_secret(&ak, &bob).unwrap()), want, "{what}");
        assert_eq!(hex::encode(contact::contact_secret(&bk, &alice).unwrap()), want, "{what}");
    }
}

#[test]
fn offer_period_test_json() {
    let v = vector_json("proposals/bolt12-recurrence/offer-period-test.json");
    let cases = v.as_array().unwrap();
    assert_eq!(cases.len(), 52);
    let mut n = 0;
    for c in cases {
        let unit = c["time_unit"].as_u64().unwrap() as u8;
        let (base, period, idx) = (
            c["basetime"].as_u64().unwrap(),
            c["period"].as_u64().unwrap() as u32,
            c["n"].as_u64().unwrap(),
        );
        if unit > 2 {
            // PR #1240 defines units 0-2 only: years are rejected.
            assert!(recurrence::period_start(base, unit, period, idx).is_err());
            continue;
        }
        let got = recurrence::period_start(base, unit, period, idx).unwrap();
        let want = c["expect"]["seconds_since_epoch"].as_u64().unwrap();
        assert_eq!(got, want, "{c}");
        let ts = c["expect"]["timestring"].as_str().unwrap().trim_start_matches('0');
        assert_eq!(recurrence::timestring(got), ts, "{c}");
        n += 1;
    }
    assert_eq!(n, 44);
}
