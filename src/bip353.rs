//! BIP 353 DNS payment instructions: "Records" (`user.user._bitcoin-payment.domain.` TXT, its
//! character-strings concatenated in RDATA order), "Resolution" (ignore TXT records not starting
//! with `bitcoin:`, more than one is invalid, DNSSEC validated to the root, CNAME/DNAME followed)
//! and "PSBT types" (`PSBT_OUT_DNSSEC_PROOF`: 1-byte-length name, then an RFC 9102
//! AuthenticationChain; RRSIG inception and expiry checked against the caller's clock).
//!
//! <https://github.com/bitcoin/bips/blob/master/bip-0353.mediawiki>
//!
//! DNSSEC itself (signatures, DS chains, NSEC/NSEC3 denial) is checked by the `dnssec-prover`
//! crate, which LDK uses for the same job; no DNS query is ever made here.

use dnssec_prover::rr::{Name, RR};
use dnssec_prover::ser::parse_rr_stream;
use dnssec_prover::validation::{verify_rr_stream, ValidationError};
use serde_json::{json, Value};

use crate::error::{Error, ErrorKind, Result};

/// A verified BIP 353 resolution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolution {
    /// `user@domain`.
    pub name: String,
    /// The DNS name queried, `user.user._bitcoin-payment.domain.`.
    pub dns_name: String,
    /// The `bitcoin:` URI from the single matching TXT record.
    pub uri: String,
    /// Its parsed parts.
    pub parsed: Uri,
    /// Latest RRSIG inception of the chain (seconds since 1970).
    pub valid_from: u64,
    /// Earliest RRSIG expiry of the chain.
    pub expires: u64,
    /// Lowest original TTL in the chain: the longest the result may be cached.
    pub max_cache_ttl: u32,
}

/// A BIP 21 `bitcoin:` URI split into address and query parameters.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Uri {
    /// The path: an on-chain address, or empty.
    pub path: Option<String>,
    /// Query parameters in order, keys as written.
    pub params: Vec<(String, String)>,
}

impl Uri {
    /// The first value of `key` (compared case-insensitively).
    pub fn param(&self, key: &str) -> Option<&str> {
        self.params.iter().find(|(k, _)| k.eq_ignore_ascii_case(key)).map(|(_, v)| v.as_str())
    }

    /// The on-chain address: the path, else a BIP 321 segwit parameter (`bc=`, `tb=`, `bcrt=`).
    pub fn address(&self) -> Option<&str> {
        self.path
            .as_deref()
            .or_else(|| ["bc", "tb", "bcrt"].into_iter().find_map(|k| self.param(k)))
    }

    /// The BOLT 12 offer (`lno=`).
    pub fn offer(&self) -> Option<&str> {
        self.param("lno")
    }
}

/// Splits `₿user@domain` or `user@domain` (BIP 353 "Display") into user and domain.
pub fn parse_name(s: &str) -> Result<(String, String)> {
    let s = s.trim();
    let s = s.strip_prefix('₿').unwrap_or(s);
    let (user, domain) =
        s.split_once('@').ok_or_else(|| Error::syntax(format!("{s:?} is not user@domain")))?;
    let domain = domain.strip_suffix('.').unwrap_or(domain);
    if user.is_empty() || domain.is_empty() || domain.contains('@') {
        return Err(Error::syntax(format!("{s:?} is not user@domain")));
    }
    Ok((user.to_owned(), domain.to_owned()))
}

/// The TXT owner name BIP 353 "Records" defines: `user.user._bitcoin-payment.domain.`.
pub fn dns_name(user: &str, domain: &str) -> String {
    format!("{user}.user._bitcoin-payment.{domain}.")
}

/// Parses a `bitcoin:` URI (scheme case-insensitive) into address and parameters.
pub fn parse_uri(uri: &str) -> Result<Uri> {
    let scheme = uri.get(..8).filter(|p| p.eq_ignore_ascii_case("bitcoin:"));
    let rest = scheme
        .and_then(|_| uri.get(8..))
        .ok_or_else(|| Error::syntax("payment instruction does not start with \"bitcoin:\""))?;
    let (addr, query) = rest.split_once('?').unwrap_or((rest, ""));
    let params = query
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (k.to_owned(), v.to_owned())
        })
        .collect();
    Ok(Uri { path: (!addr.is_empty()).then(|| addr.to_owned()), params })
}

/// Concatenates the quoted `<character-string>`s of a zone-file TXT record, in order, as BIP 353
/// "Resolution" requires (line breaks inside quotes are presentation only and are dropped).
pub fn txt_from_zone(record: &str) -> String {
    let mut out = String::new();
    let mut inside = false;
    let mut chars = record.chars();
    while let Some(c) = chars.next() {
        match (inside, c) {
            (_, '"') => inside = !inside,
            (true, '\\') => out.extend(chars.next()),
            (true, c) if c != '\n' && c != '\r' => out.push(c),
            _ => {}
        }
    }
    out
}

/// Verifies a `PSBT_OUT_DNSSEC_PROOF` value: a 1-byte-length human-readable name (without ₿)
/// followed by an RFC 9102 proof, checked at `now` (seconds since 1970).
pub fn verify_psbt_proof(value: &[u8], now: u64) -> Result<Resolution> {
    let (&len, rest) =
        value.split_first().ok_or_else(|| Error::new(ErrorKind::Truncated, "empty proof"))?;
    let (name, proof) = rest.split_at_checked(usize::from(len)).ok_or_else(|| {
        Error::new(ErrorKind::Truncated, format!("name length {len} runs past the end")).at(0)
    })?;
    let name = std::str::from_utf8(name)
        .map_err(|_| Error::invalid("name is not UTF-8").at(1))?
        .to_owned();
    verify_proof_at(&name, proof, now, 1 + usize::from(len))
}

/// Verifies an RFC 9102 proof for `user@domain` at `now` and returns the payment instructions.
pub fn verify_proof(name: &str, proof: &[u8], now: u64) -> Result<Resolution> {
    verify_proof_at(name, proof, now, 0)
}

fn verify_proof_at(name: &str, proof: &[u8], now: u64, base: usize) -> Result<Resolution> {
    let (user, domain) = parse_name(name)?;
    let dns = dns_name(&user, &domain);
    let qname = Name::try_from(dns.clone())
        .map_err(|()| Error::syntax(format!("{dns:?} is not a valid DNS host name")))?;
    let rrs = parse_rr_stream(proof).map_err(|()| {
        Error::syntax("proof is not a series of DNS resource records (RFC 9102)").at(base)
    })?;
    let verified = verify_rr_stream(&rrs).map_err(|e| {
        Error::new(
            ErrorKind::Crypto,
            match e {
                ValidationError::UnsupportedAlgorithm => {
                    "DNSSEC: a signature uses an unsupported algorithm"
                }
                ValidationError::ValidationCountLimited => "DNSSEC: proof needs too many steps",
                ValidationError::Invalid => "DNSSEC: proof does not validate to the root",
            },
        )
    })?;
    // "inception on all contained RRSigs is no later than the current time and ... expiry".
    if now < verified.valid_from || now > verified.expires {
        return Err(Error::new(
            ErrorKind::Crypto,
            format!(
                "DNSSEC: signatures valid from {} to {}, not at {now}",
                verified.valid_from, verified.expires
            ),
        ));
    }
    // "MUST ignore any TXT records ... which do not begin with (ignoring case) bitcoin:";
    // "multiple ... MUST treat the records as invalid".
    let candidates: Vec<Vec<u8>> = verified
        .resolve_name(&qname)
        .into_iter()
        .filter_map(|rr| if let RR::Txt(t) = rr { Some(t.data.as_vec()) } else { None })
        .filter(|d| d.get(..8).is_some_and(|p| p.eq_ignore_ascii_case(b"bitcoin:")))
        .collect();
    let data = match candidates.as_slice() {
        [one] => one,
        [] => return Err(Error::rule(format!("no verified bitcoin: TXT record at {dns}"))),
        many => {
            return Err(Error::rule(format!(
                "{} bitcoin: TXT records at {dns}; BIP 353 requires exactly one",
                many.len()
            )))
        }
    };
    let uri = String::from_utf8(data.clone())
        .map_err(|_| Error::invalid("the bitcoin: record is not UTF-8"))?;
    let parsed = parse_uri(&uri)?;
    Ok(Resolution {
        name: format!("{user}@{domain}"),
        dns_name: dns,
        uri,
        parsed,
        valid_from: verified.valid_from,
        expires: verified.expires,
        max_cache_ttl: verified.max_cache_ttl,
    })
}

impl Resolution {
    /// `{name, dns_name, uri, address, offer, params, valid_from, expires, max_cache_ttl}`.
    pub fn to_json(&self) -> Value {
        let params: serde_json::Map<String, Value> =
            self.parsed.params.iter().map(|(k, v)| (k.clone(), v.clone().into())).collect();
        json!({
            "name": self.name,
            "display": format!("₿{}", self.name),
            "dns_name": self.dns_name,
            "uri": self.uri,
            "address": self.parsed.address(),
            "offer": self.parsed.offer(),
            "params": params,
            "valid_from": self.valid_from,
            "expires": self.expires,
            "max_cache_ttl": self.max_cache_ttl,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_uris() {
        assert_eq!(
            parse_name("₿matt@mattcorallo.com").unwrap(),
            ("matt".to_owned(), "mattcorallo.com".to_owned())
        );
        assert!(parse_name("mattcorallo.com").is_err());
        assert_eq!(dns_name("a.b", "c.d"), "a.b.user._bitcoin-payment.c.d.");
        let u = parse_uri("BITCOIN:bc1qx?amount=1&LNO=lno1abc").unwrap();
        assert_eq!(u.address(), Some("bc1qx"));
        assert_eq!(parse_uri("bitcoin:?BC=BC1Q").unwrap().address(), Some("BC1Q"));
        assert_eq!(u.offer(), Some("lno1abc"));
        assert!(parse_uri("bitcoi").is_err());
        assert_eq!(txt_from_zone("x TXT \"bit\ncoin:\" \"?a=\\\"b\""), "bitcoin:?a=\"b");
    }
}
