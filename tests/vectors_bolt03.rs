//! BOLT 3 vectors: Appendix B (funding), C (static_remotekey commitments + HTLC txs),
//! D (shachain), E (key derivation), F (anchors), G (dual funding) and the fee example.

use std::str::FromStr;

use bitcoin::absolute::LockTime;
use bitcoin::consensus::encode::{deserialize, serialize_hex};
use bitcoin::hashes::{sha256, Hash};
use bitcoin::secp256k1::{PublicKey, SecretKey};
use bitcoin::sighash::{EcdsaSighashType, SighashCache};
use bitcoin::{Amount, OutPoint, ScriptBuf, Sequence, Transaction, TxOut, Txid, Witness};
use lnkit::crypto::{keys, shachain};
use lnkit::tx::funding::{self, FundingInput, InteractiveInput, InteractiveOutput};
use lnkit::tx::{
    obscuring_factor, Basepoints, ChannelType, Commitment, CommitmentKeys, CommitmentSpec, Htlc,
    HtlcDirection, HtlcTxKind, Side,
};
use serde_json::Value;

use crate::support::vector_json;

pub fn s<'a>(v: &'a Value, key: &str) -> &'a str {
    v.get(key).and_then(Value::as_str).unwrap_or_else(|| panic!("missing string {key:?}"))
}

pub fn u(v: &Value, key: &str) -> u64 {
    v.get(key).and_then(Value::as_u64).unwrap_or_else(|| panic!("missing integer {key:?}"))
}

pub fn bytes(h: &str) -> Vec<u8> {
    hex::decode(h).unwrap_or_else(|e| panic!("hex {h}: {e}"))
}

pub fn b32(h: &str) -> [u8; 32] {
    bytes(h).try_into().unwrap()
}

pub fn pk(h: &str) -> PublicKey {
    PublicKey::from_slice(&bytes(h)).unwrap()
}

/// A private key, with or without the spec's trailing `01` (compressed-key marker).
pub fn sk(h: &str) -> SecretKey {
    let b = bytes(h);
    let b = if b.len() == 33 && b[32] == 1 { &b[..32] } else { &b[..] };
    SecretKey::from_slice(b).unwrap()
}

pub fn point(secret: &SecretKey) -> PublicKey {
    PublicKey::from_secret_key(keys::secp(), secret)
}

pub fn txid(h: &str) -> Txid {
    Txid::from_str(h).unwrap()
}

/// Basepoints of a side where only some matter; the rest get a fixed unused key.
pub fn basepoints(
    funding: PublicKey,
    revocation: Option<PublicKey>,
    payment: PublicKey,
    delayed: Option<PublicKey>,
    htlc: PublicKey,
) -> Basepoints {
    let unused = point(&SecretKey::from_slice(&[0x99; 32]).unwrap());
    Basepoints {
        funding,
        revocation: revocation.unwrap_or(unused),
        payment,
        delayed_payment: delayed.unwrap_or(unused),
        htlc,
    }
}

#[test]
fn bolt03_key_derivation() {
    let v = vector_json("bolts/bolt03/bolt03-key-derivation.json");
    let inp = &v["inputs"];
    let base_secret = sk(s(inp, "base_secret"));
    let pcs = sk(s(inp, "per_commitment_secret"));
    let base_point = pk(s(inp, "base_point"));
    let pcp = pk(s(inp, "per_commitment_point"));
    assert_eq!(point(&base_secret), base_point);
    assert_eq!(keys::per_commitment_point(&pcs), pcp);
    let tests = v["tests"].as_array().unwrap();
    assert_eq!(tests.len(), 4);
    for t in tests {
        let name = s(t, "name");
        let exp = &t["expected"];
        let (key, got) = if let Some(e) = exp.get("localpubkey") {
            (e, keys::derive_pubkey(&base_point, &pcp).unwrap().to_string())
        } else if let Some(e) = exp.get("localprivkey") {
            (e, hex::encode(keys::derive_privkey(&base_secret, &pcp).unwrap().secret_bytes()))
        } else if let Some(e) = exp.get("revocationpubkey") {
            (e, keys::derive_revocation_pubkey(&base_point, &pcp).unwrap().to_string())
        } else if let Some(e) = exp.get("revocationprivkey") {
            (
                e,
                hex::encode(
                    keys::derive_revocation_privkey(&base_secret, &pcs).unwrap().secret_bytes(),
                ),
            )
        } else {
            panic!("{name}: unknown expectation {exp}");
        };
        assert_eq!(got, key.as_str().unwrap(), "{name}");
    }
}

#[test]
fn bolt03_shachain() {
    let v = vector_json("bolts/bolt03/bolt03-shachain.json");
    let gens = v["generation"].as_array().unwrap();
    assert_eq!(gens.len(), 5);
    for g in gens {
        let seed = b32(&s(g, "seed").to_lowercase());
        let got = shachain::generate_from_seed(&seed, u(g, "I")).unwrap();
        assert_eq!(hex::encode(got), s(g, "output"), "{}", s(g, "name"));
    }
    let stores = v["storage"].as_array().unwrap();
    assert_eq!(stores.len(), 9);
    let mut inserts = 0;
    for st in stores {
        let name = s(st, "name");
        let mut store = shachain::SecretStore::new();
        let mut revealed = Vec::new();
        for step in st["steps"].as_array().unwrap() {
            inserts += 1;
            let (i, secret) = (u(step, "I"), b32(s(step, "secret")));
            let res = store.insert(i, secret);
            match s(step, "output") {
                "OK" => {
                    res.unwrap_or_else(|e| panic!("{name}: insert {i}: {e}"));
                    revealed.push((i, secret));
                }
                "ERROR" => assert!(res.is_err(), "{name}: insert {i} should fail"),
                o => panic!("{name}: unknown output {o}"),
            }
        }
        for (i, secret) in revealed {
            assert_eq!(store.get(i), Some(secret), "{name}: get {i}");
        }
    }
    assert_eq!(inserts, 56);
}

#[test]
fn bolt03_funding_tx() {
    let v = vector_json("bolts/bolt03/bolt03-funding-tx.json");
    let val = &v["values"];
    let coinbase: Transaction =
        deserialize(&bytes(s(val, "Block 1 coinbase transaction"))).unwrap();
    let key = sk(s(val, "Block 1 coinbase privkey"));
    let key_pub = bitcoin::PublicKey::new(point(&key));
    let input = OutPoint { txid: txid(s(val, "input txid")), vout: u(val, "input index") as u32 };
    assert_eq!(input.txid, coinbase.compute_txid());
    let prev_spk = coinbase.output[0].script_pubkey.clone();
    let change_spk = ScriptBuf::new_p2wpkh(&key_pub.wpubkey_hash().unwrap());
    let built = funding::build_funding_tx(
        &[FundingInput {
            previous_output: input,
            value_sat: u(val, "input satoshis"),
            sequence: Sequence::MAX,
            signed_script_sig_len: 107,
            signed_witness_len: 0,
        }],
        u(val, "funding satoshis"),
        &pk(s(val, "local_funding_pubkey")),
        &pk(s(val, "remote_funding_pubkey")),
        change_spk,
        u(&v["comments"], "feerate_per_kw") as u32,
        LockTime::ZERO,
    )
    .unwrap();
    assert_eq!(u64::from(built.funding_output), u(val, "funding output"));
    assert_eq!(
        hex::encode(built.funding_script.as_bytes()),
        s(&v["comments"], "funding witness script")
    );
    assert_eq!(built.tx.output[1].value.to_sat(), u(val, "change satoshis"));
    // Sign the P2PKH coinbase input (wallet side, not BOLT 3 code).
    let mut tx = built.tx.clone();
    let hash = SighashCache::new(&tx)
        .legacy_signature_hash(0, &prev_spk, EcdsaSighashType::All.to_u32())
        .unwrap();
    let sig = bitcoin::ecdsa::Signature {
        signature: keys::secp().sign_ecdsa(&hash.into(), &key),
        sighash_type: EcdsaSighashType::All,
    };
    tx.input[0].script_sig = bitcoin::script::Builder::new()
        .push_slice(sig.serialize())
        .push_key(&key_pub)
        .into_script();
    assert_eq!(tx.weight().to_wu(), built.expected_weight);
    assert_eq!(serialize_hex(&tx), s(val, "funding tx"));
    assert_eq!(tx.compute_txid().to_string(), s(&v["comments"], "txid"));
    verify_spend(&tx, &[coinbase.output[0].clone()], "funding tx");
}

#[test]
fn bolt03_dual_funding_tx() {
    let v = vector_json("bolts/bolt03/bolt03-dual-funding-tx.json");
    let fp = &v["funding_parameters"];
    let feerate = u(fp, "feerate_per_kw") as u32;
    let opener_in = &v["expected_opener_tx_add_input"]["messages"][0];
    let accepter_in = &v["expected_accepter_tx_add_input"]["messages"][0];
    let prevtx: Transaction = deserialize(&bytes(s(opener_in, "prevtx"))).unwrap();
    assert_eq!(s(opener_in, "prevtx"), s(accepter_in, "prevtx"));
    let input = |m: &Value| InteractiveInput {
        serial_id: u(m, "serial_id"),
        previous_output: OutPoint { txid: prevtx.compute_txid(), vout: u(m, "prev_vout") as u32 },
        sequence: Sequence(u(m, "sequence") as u32),
    };
    // `script` carries a leading length byte in the spec (see the file's notes).
    let output = |m: &Value| {
        let script = bytes(s(m, "script"));
        assert_eq!(u64::from(script[0]), u(m, "scriptlen"));
        InteractiveOutput {
            serial_id: u(m, "serial_id"),
            value_sat: u(m, "sats"),
            script_pubkey: ScriptBuf::from_bytes(script[1..].to_vec()),
        }
    };
    let opener_outs: Vec<_> = v["expected_opener_tx_add_output"]["messages"]
        .as_array()
        .unwrap()
        .iter()
        .map(output)
        .collect();
    let accepter_outs: Vec<_> = v["expected_accepter_tx_add_output"]["messages"]
        .as_array()
        .unwrap()
        .iter()
        .map(output)
        .collect();
    assert_eq!((opener_outs.len(), accepter_outs.len()), (2, 1));

    // The 2-of-2 funding output of the vector.
    let two = &v["outputs"][2];
    let fs = lnkit::tx::scripts::funding_script(&pk(s(two, "pubkey1")), &pk(s(two, "pubkey2")));
    assert_eq!(hex::encode(fs.as_bytes()), s(two, "script"));
    let funding =
        opener_outs.iter().find(|o| o.script_pubkey == lnkit::tx::scripts::p2wsh(&fs)).unwrap();
    let total_funding = u(fp, "opener_funding_satoshis") + u(fp, "accepter_funding_satoshis");
    assert_eq!(funding.value_sat, total_funding);

    // Fee split: each side's change = its input - its funding - its fee.
    let wit_len = |k: &str| u(&v[k], "witness_len");
    let in_value = |m: &Value| prevtx.output[u(m, "prev_vout") as usize].value.to_sat();
    let ow =
        funding::contribution_weight(true, &[wit_len("expected_opener_tx_signatures")], &[22, 34])
            .unwrap();
    assert_eq!(ow, 609);
    let of = funding::contribution_fee_sat(ow, feerate).unwrap();
    assert_eq!(of, 155);
    let opener_change = opener_outs.iter().find(|o| o.script_pubkey.len() == 22).unwrap();
    assert_eq!(
        opener_change.value_sat,
        in_value(opener_in) - u(fp, "opener_funding_satoshis") - of
    );
    let aw =
        funding::contribution_weight(false, &[wit_len("expected_accepter_tx_signatures")], &[22])
            .unwrap();
    assert_eq!(aw, 395);
    let af = funding::contribution_fee_sat(aw, feerate).unwrap();
    assert_eq!(af, 100);
    assert_eq!(
        accepter_outs[0].value_sat,
        in_value(accepter_in) - u(fp, "accepter_funding_satoshis") - af
    );

    let all_outs: Vec<_> = opener_outs.iter().chain(&accepter_outs).cloned().collect();
    let mut tx = funding::build_interactive_tx(
        &[input(opener_in), input(accepter_in)],
        &all_outs,
        LockTime::from_consensus(u(fp, "locktime") as u32),
    )
    .unwrap();
    assert_eq!(serialize_hex(&tx), s(&v, "unsigned_funding_tx"));
    assert_eq!(tx.compute_txid().to_string(), s(&v["expected_opener_tx_signatures"], "txid"));

    // Witnesses: the opener's hash-lock P2WSH (preimage + script), the accepter's P2WPKH signature.
    let wd = &v["inputs"][0]["witness_data"];
    let opener_witness = Witness::from_slice(&[
        bytes(s(&wd["preimage"], "hex")),
        bytes(s(&wd["witness_script"], "hex")),
    ]);
    assert_eq!(
        hex::encode(bitcoin::consensus::serialize(&opener_witness)),
        s(&v["expected_opener_tx_signatures"], "witness_data")
    );
    let acc_key = bitcoin::PrivateKey::from_wif(s(&v["inputs"][1], "privkey")).unwrap();
    let acc_spk = ScriptBuf::from_bytes(bytes(s(&v["inputs"][1], "scriptPubKey")));
    let acc_index = tx
        .input
        .iter()
        .position(|i| i.previous_output.vout == u(accepter_in, "prev_vout") as u32)
        .unwrap();
    let opener_index = 1 - acc_index;
    let hash = SighashCache::new(&tx)
        .p2wpkh_signature_hash(
            acc_index,
            &acc_spk,
            Amount::from_sat(in_value(accepter_in)),
            EcdsaSighashType::All,
        )
        .unwrap();
    let sig = bitcoin::ecdsa::Signature {
        signature: keys::secp().sign_ecdsa(&hash.into(), &acc_key.inner),
        sighash_type: EcdsaSighashType::All,
    };
    let acc_witness = Witness::p2wpkh(&sig, &acc_key.inner.public_key(keys::secp()));
    assert_eq!(
        hex::encode(bitcoin::consensus::serialize(&acc_witness)),
        s(&v["expected_accepter_tx_signatures"], "witness_data")
    );
    tx.input[acc_index].witness = acc_witness;
    tx.input[opener_index].witness = opener_witness;
    assert_eq!(serialize_hex(&tx), s(&v, "signed_funding_tx"));
    let prevouts: Vec<TxOut> =
        tx.input.iter().map(|i| prevtx.output[i.previous_output.vout as usize].clone()).collect();
    verify_spend(&tx, &prevouts, "dual funding tx");
}

/// Appendix C's common setup: keys, HTLCs, and the spec builder.
pub struct AppendixC {
    pub v: Value,
    pub keys: CommitmentKeys,
    pub local_funding_key: SecretKey,
    pub remote_funding_key: SecretKey,
    pub local_htlc_key: SecretKey,
    pub remote_htlc_key: SecretKey,
    pub factor: u64,
    pub htlcs: Vec<(Htlc, [u8; 32])>,
}

impl AppendixC {
    pub fn load() -> Self {
        let v = vector_json("bolts/bolt03/bolt03-commitment-vectors.json");
        let k = &v["keys"];
        let iv = &v["internal_derivation_values"];
        let bp = &v["basepoints"];
        let pcp = pk(s(iv, "local_per_commitment_point"));
        assert_eq!(keys::per_commitment_point(&sk(s(iv, "x_local_per_commitment_secret"))), pcp);
        let local_funding_key = sk(s(k, "local_funding_privkey"));
        let remote_funding_key = sk(s(iv, "remote_funding_privkey"));
        assert_eq!(point(&local_funding_key), pk(s(k, "local_funding_pubkey")));
        assert_eq!(point(&remote_funding_key), pk(s(k, "remote_funding_pubkey")));
        let local_payment_secret = sk(s(iv, "local_payment_basepoint_secret"));
        let remote_payment_secret = sk(s(iv, "remote_payment_basepoint_secret"));
        assert_eq!(point(&local_payment_secret), pk(s(bp, "local_payment_basepoint")));
        assert_eq!(point(&remote_payment_secret), pk(s(bp, "remote_payment_basepoint")));
        assert_eq!(
            point(&sk(s(iv, "remote_revocation_basepoint_secret"))),
            pk(s(iv, "remote_revocation_basepoint"))
        );
        let holder = basepoints(
            pk(s(k, "local_funding_pubkey")),
            None,
            pk(s(bp, "local_payment_basepoint")),
            Some(pk(s(iv, "local_delayed_payment_basepoint"))),
            pk(s(bp, "local_htlc_basepoint")),
        );
        let counterparty = basepoints(
            pk(s(k, "remote_funding_pubkey")),
            Some(pk(s(iv, "remote_revocation_basepoint"))),
            pk(s(bp, "remote_payment_basepoint")),
            None,
            pk(s(bp, "remote_htlc_basepoint")),
        );
        let keys = CommitmentKeys::derive(&pcp, &holder, &counterparty).unwrap();
        // The derived keys are the ones the appendix lists.
        assert_eq!(keys.revocation, pk(s(k, "local_revocation_pubkey")));
        assert_eq!(keys.local_delayed, pk(s(k, "local_delayedpubkey")));
        assert_eq!(keys.local_htlc, pk(s(k, "local_htlcpubkey")));
        assert_eq!(keys.remote_htlc, pk(s(k, "remote_htlcpubkey")));
        // The HTLC basepoints are the payment basepoints in this appendix.
        let local_htlc_key = keys::derive_privkey(&local_payment_secret, &pcp).unwrap();
        let remote_htlc_key = keys::derive_privkey(&remote_payment_secret, &pcp).unwrap();
        assert_eq!(point(&local_htlc_key), keys.local_htlc);
        assert_eq!(point(&remote_htlc_key), keys.remote_htlc);
        assert_eq!(
            hex::encode(keys::derive_privkey(&local_payment_secret, &pcp).unwrap().secret_bytes()),
            &s(k, "local_privkey")[..64]
        );
        let factor = obscuring_factor(&holder.payment, &counterparty.payment);
        assert_eq!(factor, 0x2bb0_3852_1914);
        let htlcs = v["htlcs"]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| {
                let preimage = b32(s(h, "payment_preimage"));
                let direction = match s(h, "direction") {
                    "remote->local" => HtlcDirection::Received,
                    "local->remote" => HtlcDirection::Offered,
                    d => panic!("direction {d}"),
                };
                let htlc = Htlc {
                    direction,
                    amount_msat: u(h, "amount_msat"),
                    payment_hash: sha256::Hash::hash(&preimage).to_byte_array(),
                    cltv_expiry: u(h, "expiry") as u32,
                };
                (htlc, preimage)
            })
            .collect();
        AppendixC {
            v,
            keys,
            local_funding_key,
            remote_funding_key,
            local_htlc_key,
            remote_htlc_key,
            factor,
            htlcs,
        }
    }

    /// The HTLC set a vector uses, told apart by the msat its balances leave out:
    /// none, HTLCs 0-4 (12 000 000 msat) or 1, 5 and 6 (12 000 001 msat).
    pub fn htlcs_for(&self, to_local_msat: u64, to_remote_msat: u64) -> Vec<usize> {
        let funding_msat = u(&self.v["common_parameters"], "funding_amount_satoshi") * 1000;
        match funding_msat - to_local_msat - to_remote_msat {
            0 => vec![],
            12_000_000 => vec![0, 1, 2, 3, 4],
            12_000_001 => vec![1, 5, 6],
            other => panic!("no HTLC set sums to {other} msat"),
        }
    }

    pub fn spec(
        &self,
        ct: ChannelType,
        to_local_msat: u64,
        to_remote_msat: u64,
        feerate: u32,
        dust: u64,
    ) -> CommitmentSpec {
        let cp = &self.v["common_parameters"];
        CommitmentSpec {
            channel_type: ct,
            funding_outpoint: OutPoint {
                txid: txid(s(cp, "funding_tx_id")),
                vout: u(cp, "funding_output_index") as u32,
            },
            funding_sat: u(cp, "funding_amount_satoshi"),
            commitment_number: u(cp, "commitment_number"),
            obscuring_factor: self.factor,
            to_self_delay: u(cp, "local_delay") as u16,
            dust_limit_sat: dust,
            feerate_per_kw: feerate,
            funder: Side::Local,
            to_local_msat,
            to_remote_msat,
            htlcs: self
                .htlcs_for(to_local_msat, to_remote_msat)
                .iter()
                .map(|&i| self.htlcs[i].0)
                .collect(),
            keys: self.keys,
        }
    }

    pub fn preimage_of(&self, payment_hash: &[u8; 32]) -> [u8; 32] {
        self.htlcs.iter().find(|(h, _)| &h.payment_hash == payment_hash).unwrap().1
    }
}

/// Script-checks a fully signed transaction against the outputs it spends with
/// libbitcoinconsensus (all consensus flags: P2SH, DER, NULLDUMMY, CLTV, CSV, witness, taproot;
/// through `lnkit::policy::verify_scripts`, Core 26's library).
/// CLTV/CSV are checked against the transaction's own locktime and sequences.
pub fn verify_spend(tx: &Transaction, prevouts: &[TxOut], what: &str) {
    assert_eq!(tx.input.len(), prevouts.len(), "{what}: prevouts");
    lnkit::policy::verify_scripts(tx, prevouts)
        .unwrap_or_else(|e| panic!("{what}: script check failed: {e}"));
}

pub fn der(sig: &bitcoin::ecdsa::Signature) -> String {
    hex::encode(sig.signature.serialize_der())
}

#[test]
fn bolt03_commitment_vectors() {
    let c = AppendixC::load();
    let cp = &c.v["common_parameters"];
    let vectors = c.v["vectors"].as_array().unwrap();
    assert_eq!(vectors.len(), 16);
    let mut htlc_txs_checked = 0;
    for vec in vectors {
        let name = s(vec, "name");
        let spec = c.spec(
            ChannelType::StaticRemoteKey,
            u(vec, "to_local_msat"),
            u(vec, "to_remote_msat"),
            u(vec, "local_feerate_per_kw") as u32,
            u(cp, "local_dust_limit_satoshi"),
        );
        let mut com = Commitment::build(spec).unwrap_or_else(|e| panic!("{name}: {e}"));
        if let Some(f) = vec.get("base_commitment_fee_sat") {
            assert_eq!(com.base_fee_sat, f.as_u64().unwrap(), "{name}: base fee");
        }
        if let Some(f) = vec.get("actual_commitment_fee_sat") {
            assert_eq!(com.fee_sat, f.as_u64().unwrap(), "{name}: actual fee");
        }
        let outs = vec["outputs"].as_array().unwrap();
        // The last vector lists only its HTLC outputs; the full tx comparison covers the rest.
        let listed_htlcs = outs.iter().filter(|o| s(o, "output") == "htlc").count();
        let built_htlcs = com.outputs.iter().filter(|o| o.htlc.is_some()).count();
        assert_eq!(built_htlcs, listed_htlcs, "{name}: HTLC output count");
        // The appendix lists outputs in spec order (HTLCs, to_local, to_remote), not tx order.
        for (i, want) in outs.iter().enumerate() {
            let role = match s(want, "output") {
                "htlc" => format!("{}_htlc", s(want, "direction")),
                r => r.to_string(),
            };
            let spk = match (want.get("wscript"), want.get("p2wpkh_pubkey")) {
                (Some(ws), _) => {
                    lnkit::tx::scripts::p2wsh(&ScriptBuf::from_bytes(bytes(ws.as_str().unwrap())))
                }
                (_, Some(k)) => lnkit::tx::scripts::p2wpkh(&pk(k.as_str().unwrap())),
                _ => panic!("{name}: output {i} has no script"),
            };
            let found = com.outputs.iter().any(|o| {
                o.role.name() == role
                    && o.amount_sat == u(want, "amount_sat")
                    && o.script_pubkey == spk
            });
            assert!(
                found,
                "{name}: listed output {i} ({role}, {} sat) not built",
                u(want, "amount_sat")
            );
        }
        let local_sig = com.sign(&c.local_funding_key).unwrap();
        let remote_sig = com.sign(&c.remote_funding_key).unwrap();
        assert_eq!(der(&local_sig), s(vec, "local_signature"), "{name}: local signature");
        assert_eq!(der(&remote_sig), s(vec, "remote_signature"), "{name}: remote signature");
        com.finalize(&local_sig, &remote_sig).unwrap();
        assert_eq!(serialize_hex(&com.tx), s(vec, "commit_tx"), "{name}: commitment tx");
        assert!(
            com.weight().to_wu() <= com.expected_weight,
            "{name}: weight above the BOLT 3 estimate"
        );
        verify_spend(&com.tx, &[funding_prevout(&com)], name);

        let htlc_vecs = vec["htlc_txs"].as_array().unwrap();
        let htlc_txs = com.htlc_txs().unwrap();
        assert_eq!(htlc_txs.len(), htlc_vecs.len(), "{name}: HTLC tx count");
        assert_eq!(htlc_txs.len() as u64, u(vec, "num_htlcs"), "{name}: num_htlcs");
        for (mut ht, want) in htlc_txs.into_iter().zip(htlc_vecs) {
            let what = format!("{name}: HTLC output {}", ht.commitment_output);
            assert_eq!(u64::from(ht.commitment_output), u(want, "commit_output_index"), "{what}");
            let kind = if ht.kind == HtlcTxKind::Success { "htlc-success" } else { "htlc-timeout" };
            assert_eq!(kind, s(want, "type"), "{what}");
            let remote = ht.sign_remote(&c.remote_htlc_key).unwrap();
            let local = ht.sign_local(&c.local_htlc_key).unwrap();
            assert_eq!(der(&remote), s(want, "remote_htlc_signature"), "{what}: remote signature");
            assert_eq!(der(&local), s(want, "local_htlc_signature"), "{what}: local signature");
            let preimage =
                (ht.kind == HtlcTxKind::Success).then(|| c.preimage_of(&ht.payment_hash));
            ht.finalize(&remote, &local, preimage.as_ref()).unwrap();
            assert_eq!(serialize_hex(&ht.tx), s(want, "tx"), "{what}: tx");
            verify_spend(&ht.tx, &[com.tx.output[ht.commitment_output as usize].clone()], &what);
            htlc_txs_checked += 1;
        }
    }
    assert_eq!(htlc_txs_checked, 33);
}

pub fn funding_prevout(com: &Commitment) -> bitcoin::TxOut {
    bitcoin::TxOut {
        value: Amount::from_sat(com.spec.funding_sat),
        script_pubkey: lnkit::tx::scripts::p2wsh(&com.funding_script),
    }
}

#[test]
fn bolt03_anchors_commitment_vectors() {
    let c = AppendixC::load();
    let v = vector_json("bolts/bolt03/bolt03-anchors-commitment-vectors.json");
    let vectors = v["vectors"].as_array().unwrap();
    assert_eq!(vectors.len(), 9);
    let mut htlc_txs_checked = 0;
    for vec in vectors {
        let name = s(vec, "Name");
        let spec = c.spec(
            ChannelType::Anchors,
            u(vec, "LocalBalance"),
            u(vec, "RemoteBalance"),
            u(vec, "FeePerKw") as u32,
            u(vec, "DustLimitSatoshis"),
        );
        assert_eq!(
            !spec.htlcs.is_empty(),
            vec["UseTestHtlcs"].as_bool().unwrap(),
            "{name}: UseTestHtlcs"
        );
        let mut com = Commitment::build(spec).unwrap_or_else(|e| panic!("{name}: {e}"));
        let local_sig = com.sign(&c.local_funding_key).unwrap();
        let remote_sig = com.sign(&c.remote_funding_key).unwrap();
        assert_eq!(der(&remote_sig), s(vec, "RemoteSigHex"), "{name}: remote signature");
        com.finalize(&local_sig, &remote_sig).unwrap();
        assert_eq!(
            serialize_hex(&com.tx),
            s(vec, "ExpectedCommitmentTxHex"),
            "{name}: commitment tx"
        );
        verify_spend(&com.tx, &[funding_prevout(&com)], name);
        let descs = vec["HtlcDescs"].as_array().unwrap();
        let htlc_txs = com.htlc_txs().unwrap();
        assert_eq!(htlc_txs.len(), descs.len(), "{name}: HTLC tx count");
        for (mut ht, want) in htlc_txs.into_iter().zip(descs) {
            let what = format!("{name}: HTLC output {}", ht.commitment_output);
            let remote = ht.sign_remote(&c.remote_htlc_key).unwrap();
            assert_eq!(remote.sighash_type, EcdsaSighashType::SinglePlusAnyoneCanPay);
            assert_eq!(der(&remote), s(want, "RemoteSigHex"), "{what}: remote signature");
            let local = ht.sign_local(&c.local_htlc_key).unwrap();
            let preimage =
                (ht.kind == HtlcTxKind::Success).then(|| c.preimage_of(&ht.payment_hash));
            ht.finalize(&remote, &local, preimage.as_ref()).unwrap();
            assert_eq!(serialize_hex(&ht.tx), s(want, "ResolutionTxHex"), "{what}: tx");
            verify_spend(&ht.tx, &[com.tx.output[ht.commitment_output as usize].clone()], &what);
            htlc_txs_checked += 1;
        }
    }
    assert_eq!(htlc_txs_checked, 15);
}

#[test]
fn bolt03_fee_example() {
    use lnkit::tx::weight;
    let v = vector_json("bolts/bolt03/bolt03-fee-example.json");
    let ex = &v["example"];
    let exp = &ex["expected"];
    assert!(!ex["option_anchors"].as_bool().unwrap());
    let ct = ChannelType::StaticRemoteKey;
    let feerate = u(ex, "feerate_per_kw") as u32;
    let dust = u(ex, "dust_limit_satoshis");
    assert_eq!(weight::htlc_timeout_weight(ct), u(exp, "htlc_timeout_weight"));
    assert_eq!(weight::htlc_timeout_fee_sat(ct, feerate).unwrap(), u(exp, "htlc_timeout_fee_sat"));
    assert_eq!(weight::htlc_success_weight(ct), u(exp, "htlc_success_weight"));
    assert_eq!(weight::htlc_success_fee_sat(ct, feerate).unwrap(), u(exp, "htlc_success_fee_sat"));
    assert_eq!(weight::commitment_weight(ct, 0).unwrap(), u(exp, "commitment_weight_start"));

    // The same numbers through a real commitment (Appendix C keys, balances made up to fit).
    let c = AppendixC::load();
    let amounts =
        |k: &str| ex[k].as_array().unwrap().iter().map(|a| a.as_u64().unwrap()).collect::<Vec<_>>();
    let mut htlcs = Vec::new();
    for (dir, key) in [
        (HtlcDirection::Offered, "offered_htlcs_msat"),
        (HtlcDirection::Received, "received_htlcs_msat"),
    ] {
        for a in amounts(key) {
            htlcs.push(Htlc {
                direction: dir,
                amount_msat: a,
                payment_hash: [htlcs.len() as u8; 32],
                cltv_expiry: 500,
            });
        }
    }
    let steps = exp["steps"].as_array().unwrap();
    assert_eq!(steps.len(), htlcs.len());
    let mut spec = c.spec(ct, 7_000_000_000, 3_000_000_000, feerate, dust);
    spec.to_local_msat -= htlcs.iter().map(|h| h.amount_msat).sum::<u64>();
    spec.htlcs = htlcs.clone();
    let com = Commitment::build(spec).unwrap();
    let mut weight_now = u(exp, "commitment_weight_start");
    for (i, (h, step)) in htlcs.iter().zip(steps).enumerate() {
        let what = s(step, "htlc");
        let trimmed = step["trimmed"].as_bool().unwrap();
        assert_eq!(com.trimmed_htlcs.contains(&i), trimmed, "{what}");
        if !trimmed {
            weight_now += weight::HTLC_OUTPUT_WEIGHT;
            assert_eq!(weight_now, u(step, "weight_after"), "{what}");
            let out = com.outputs.iter().position(|o| o.htlc == Some(i)).unwrap();
            let ht = lnkit::tx::HtlcTx::build(&com, out).unwrap();
            assert_eq!(ht.tx.output[0].value.to_sat(), u(step, "htlc_tx_output_sat"), "{what}");
            assert_eq!(h.amount_msat / 1000 - ht.fee_sat, u(step, "htlc_tx_output_sat"), "{what}");
        }
    }
    assert_eq!(com.expected_weight, weight_now);
    assert_eq!(com.base_fee_sat, u(exp, "base_commitment_fee_sat"));
    // Actual fee = base fee + trimmed HTLCs (to_local absorbed the rest here).
    let trimmed_sat: u64 = com.trimmed_htlcs.iter().map(|&i| htlcs[i].amount_msat / 1000).sum();
    assert_eq!(com.base_fee_sat + trimmed_sat, u(exp, "actual_commitment_fee_sat"));
    assert_eq!(com.fee_sat, u(exp, "actual_commitment_fee_sat"));
}
