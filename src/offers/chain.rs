//! BOLT 12 across messages: an invoice_request mirrors its offer, an invoice mirrors its
//! invoice_request (fields 0–159 and 1000000000–2999999999 byte-equal), amounts and node ids
//! agree, and a payment preimage matches `invoice_payment_hash`.
//!
//! <https://github.com/lightning/bolts/blob/master/12-offer-encoding.md#requirements-1>

use bitcoin::hashes::{sha256, Hash};

use super::decode::{expected_amount, in_invreq_range, in_offer_range, Check, Decoded};
use super::tables::BlindedPath;

fn records_in(d: &Decoded, keep: impl Fn(u64) -> bool) -> Vec<(u64, &[u8])> {
    d.records.iter().filter(|r| keep(r.ty)).map(|r| (r.ty, d.record_bytes(r))).collect()
}

fn mirror(name: &'static str, from: &Decoded, to: &Decoded, keep: fn(u64) -> bool) -> Check {
    let a = records_in(from, keep);
    let b = records_in(to, keep);
    let differ: Vec<String> = {
        let mut types: Vec<u64> = a.iter().chain(b.iter()).map(|(t, _)| *t).collect();
        types.sort_unstable();
        types.dedup();
        types
            .into_iter()
            .filter(|t| {
                a.iter().find(|(x, _)| x == t).map(|(_, r)| *r)
                    != b.iter().find(|(x, _)| x == t).map(|(_, r)| *r)
            })
            .map(|t| t.to_string())
            .collect()
    };
    Check {
        check: name,
        ok: differ.is_empty(),
        detail: if differ.is_empty() {
            format!(
                "{} record(s) byte-equal in {} and {}",
                a.len(),
                from.kind.name(),
                to.kind.name()
            )
        } else {
            format!(
                "types differ between {} and {}: {}",
                from.kind.name(),
                to.kind.name(),
                differ.join(", ")
            )
        },
    }
}

fn shown(v: Option<u64>) -> String {
    v.map_or_else(|| "missing".to_string(), |x| x.to_string())
}

fn valid_check(name: &'static str, d: &Decoded) -> Check {
    let failed: Vec<&str> = d.failed().map(|c| c.check).collect();
    Check {
        check: name,
        ok: failed.is_empty(),
        detail: if failed.is_empty() {
            format!("{} passes its {} reader checks", d.kind.name(), d.checks.len())
        } else {
            format!("failed: {}", failed.join(", "))
        },
    }
}

/// Checks a chain offer → invoice_request → invoice (any of them may be absent) and,
/// with a preimage, the payment hash. Each message's own reader checks are summarised as
/// `<kind>_valid`; decode them with the wanted `now` first.
pub fn verify_chain(
    offer: Option<&Decoded>,
    invreq: Option<&Decoded>,
    invoice: Option<&Decoded>,
    preimage: Option<&[u8; 32]>,
) -> Vec<Check> {
    let mut out = Vec::new();
    for (name, d) in
        [("offer_valid", offer), ("invoice_request_valid", invreq), ("invoice_valid", invoice)]
    {
        if let Some(d) = d {
            out.push(valid_check(name, d));
        }
    }
    match (offer, invreq, invoice) {
        (Some(o), Some(r), _) => out.push(mirror("offer_fields_mirrored", o, r, in_offer_range)),
        (Some(o), None, Some(i)) => out.push(mirror("offer_fields_mirrored", o, i, in_offer_range)),
        _ => {}
    }
    if let (Some(r), Some(i)) = (invreq, invoice) {
        out.push(mirror("invoice_request_fields_mirrored", r, i, in_invreq_range));
    }
    if let (Some(o), Some(i)) = (offer, invoice) {
        let node = i.point(176);
        if let Some(issuer) = o.point(22) {
            out.push(Check {
                check: "invoice_node_id_is_offer_issuer_id",
                ok: node == Some(issuer),
                detail: format!(
                    "invoice_node_id {}, offer_issuer_id {}",
                    node.map(hex::encode).unwrap_or_default(),
                    hex::encode(issuer)
                ),
            });
        } else {
            let finals: Vec<[u8; 33]> =
                o.paths(16).iter().filter_map(BlindedPath::final_node_id).collect();
            out.push(Check {
                check: "invoice_node_id_in_offer_paths",
                ok: node.is_some_and(|n| finals.contains(&n)),
                detail: format!(
                    "invoice_node_id {} among {} final blinded_node_id(s)",
                    node.map(hex::encode).unwrap_or_default(),
                    finals.len()
                ),
            });
        }
    }
    if let Some(i) = invoice {
        let got = i.tu64(170);
        let src = invreq.unwrap_or(i);
        if let Some(want) = src.tu64(82) {
            out.push(Check {
                check: "invoice_amount_is_invreq_amount",
                ok: got == Some(want),
                detail: format!("invoice_amount {} msat, invreq_amount {want} msat", shown(got)),
            });
        } else if let Some(exp) = expected_amount(src) {
            out.push(Check {
                check: "invoice_amount_is_expected_amount",
                ok: got == Some(exp),
                detail: format!(
                    "invoice_amount {} msat, offer_amount x quantity = {exp} msat",
                    shown(got)
                ),
            });
        }
        if let Some(p) = preimage {
            let h = sha256::Hash::hash(p).to_byte_array();
            let want = i.value(168);
            out.push(Check {
                check: "preimage_matches_payment_hash",
                ok: want == Some(&h[..]),
                detail: format!(
                    "SHA256(preimage) = {}, invoice_payment_hash = {}",
                    hex::encode(h),
                    want.map_or_else(|| "missing".into(), hex::encode)
                ),
            });
        }
    }
    out
}
