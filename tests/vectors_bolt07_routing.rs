//! BOLT 7 "Routing Example" (bolt07-routing-example.json): fees and CLTV along each path.

use lnkit::gossip::route::{hops, HopPolicy};

use crate::support::vector_json;

#[test]
fn bolt07_routing_example_json() {
    let v = vector_json("bolts/bolt07/bolt07-routing-example.json");
    let policy = |from: &str, to: &str| -> HopPolicy {
        let u = v["channel_updates"]
            .as_array()
            .unwrap()
            .iter()
            .find(|u| u["from"] == from && u["to"] == to)
            .unwrap_or_else(|| panic!("no update {from}->{to}"));
        HopPolicy {
            cltv_expiry_delta: u["cltv_expiry_delta"].as_u64().unwrap() as u16,
            fee_base_msat: u["fee_base_msat"].as_u64().unwrap() as u32,
            fee_proportional_millionths: u["fee_proportional_millionths"].as_u64().unwrap() as u32,
        }
    };
    // Heights are relative to the current block: the recipient gets min_final + shadow extra.
    let final_cltv = (v["recipient_min_final_cltv_expiry_delta"].as_u64().unwrap()
        + v["shadow_route_extra_cltv"].as_u64().unwrap()) as u32;
    let payments = v["payments"].as_array().unwrap();
    assert_eq!(payments.len(), 3);
    for p in payments {
        let route: Vec<&str> =
            p["route"].as_array().unwrap().iter().map(|n| n.as_str().unwrap()).collect();
        // The forwarders are the nodes strictly between sender and recipient; each prices the
        // channel towards the next node.
        let forwarders: Vec<HopPolicy> =
            route.windows(2).skip(1).map(|w| policy(w[0], w[1])).collect();
        let amount = p["amount_to_recipient_msat"].as_u64().unwrap();
        let h = hops(&forwarders, amount, final_cltv).unwrap();
        let first = h[0];
        let want = &p["expected_update_add_htlc"];
        let name = route.join("->");
        assert_eq!(first.amount_msat, want["amount_msat"].as_u64().unwrap(), "{name} amount_msat");
        assert_eq!(
            u64::from(first.cltv_expiry),
            want["cltv_expiry_relative"].as_u64().unwrap(),
            "{name} cltv_expiry"
        );
        let onion = &want["onion"][0];
        assert_eq!(
            first.amt_to_forward,
            onion["amt_to_forward"].as_u64().unwrap(),
            "{name} amt_to_forward"
        );
        assert_eq!(
            u64::from(first.outgoing_cltv_value),
            onion["outgoing_cltv_value_relative"].as_u64().unwrap(),
            "{name} outgoing_cltv_value"
        );
        for (k, node) in route.iter().enumerate().skip(1).take(route.len().saturating_sub(2)) {
            if let Some(fee) = p.get(format!("fee_at_{node}_msat")) {
                assert_eq!(h[k - 1].fee_msat, fee.as_u64().unwrap(), "{name} fee at {node}");
            }
        }
        // The last hop is always the direct B->C payment of the example.
        let last = h[h.len() - 1];
        assert_eq!((last.amount_msat, last.cltv_expiry), (amount, final_cltv), "{name} last hop");
    }
}

/// BOLT 7: "A delay of 72 blocks is used when forgetting a channel after detecting that it has
/// been spent". Two announced channels of the mainnet sample are reported spent, one 72 blocks
/// ago (forgotten) and one 71 blocks ago (kept, in grace).
#[test]
fn graph_forgets_spent_channels_after_72_blocks() {
    use crate::support::{cli, shared_dir};
    let file = shared_dir().join("research-data/mainnet-gossip-2025-verified.gsp.xz");
    let f = file.to_str().unwrap();
    let j = cli("ln-gossip").args(["graph", f, "--format", "json", "--now", "1800000000"]).run();
    j.code(0);
    let all = j.json();
    let announced: Vec<String> = all["channels"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| !c["node_id_1"].is_null())
        .map(|c| c["short_channel_id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(announced.len(), 27);
    let before = all["channels"].as_array().unwrap().len();
    let dir = std::env::temp_dir().join(format!("lnkit-spent-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let spent = dir.join("spent.txt");
    let tip = 900_000u32;
    std::fs::write(
        &spent,
        format!(
            "# scid height\n{} {}\n{} {}\n999999x1x1 1\n",
            announced[0],
            tip - 72,
            announced[1],
            tip - 71
        ),
    )
    .unwrap();
    let o = cli("ln-gossip")
        .args(["graph", f, "--now", "1800000000", "--height", &tip.to_string(), "--spent"])
        .arg(&spent)
        .run();
    o.code(0);
    let s = o.json();
    assert_eq!(s["spent"]["forgotten"], 1);
    assert_eq!(s["spent"]["in_grace_period"], 1);
    assert_eq!(s["channels"].as_u64().unwrap() as usize, before - 1);
    assert_eq!(s["announced_channels"], 26);
    std::fs::write(&spent, "not-a-scid 5\n").unwrap();
    let o = cli("ln-gossip").args(["graph", f, "--height", "5", "--spent"]).arg(&spent).run();
    o.code(1).one_line_error();
    let _ = std::fs::remove_dir_all(&dir);
}
