//! BIP-327 MuSig2: KeySort, KeyAgg ("Key Generation and Aggregation"), ApplyTweak ("Applying
//! Tweaks"), NonceGen, NonceAgg, Sign, PartialSigVerify, PartialSigAgg ("Signing") and
//! DeterministicSign ("Modifications to Nonce Generation"); plus MuSig2 adaptor sessions in the
//! two conventions found in the wild (notes/spec-protocol.md §1.3), see [`AdaptorConvention`].
//!
//! Byte-level entry points ([`SessionContext`], [`nonce_agg`], [`partial_sig_verify`],
//! [`deterministic_sign`]) blame the offending input in the error path, as the BIP's
//! `invalid_contribution` errors do: `pubkey {i}`, `pubnonce {i}`, `aggnonce`, `aggothernonce`,
//! `tweak {i}`, `psig {i}`.

use std::fmt;

use bitcoin::secp256k1::rand::{thread_rng, RngCore};
use bitcoin::secp256k1::PublicKey;

use super::adaptor::PreSignature;
use super::point::{cpoint, has_even_y, xbytes, Point};
use super::scalar::Scalar;
use super::schnorr::{challenge, join64, tagged_hash};
use crate::{Error, ErrorKind, Result};

/// `KeySort`: the keys in lexicographic byte order.
#[must_use]
pub fn key_sort(pubkeys: &[[u8; 33]]) -> Vec<[u8; 33]> {
    let mut v = pubkeys.to_vec();
    v.sort_unstable();
    v
}

/// One tweak of `ApplyTweak`: 32 bytes and whether it is x-only (BIP-341 style) or plain (BIP-32).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tweak {
    /// `tweak`, must be below n.
    pub value: [u8; 32],
    /// `is_xonly_t`.
    pub is_xonly: bool,
}

/// The KeyAgg Context `(Q, gacc, tacc)` with the key list it came from (for coefficients).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeyAggContext {
    pubkeys: Vec<[u8; 33]>,
    list_hash: [u8; 32],
    /// `GetSecondKey`: `bytes(33, 0)` when every key equals the first.
    second_key: [u8; 33],
    q: PublicKey,
    /// `gacc = -1` when set.
    gacc_neg: bool,
    tacc: Scalar,
}

impl KeyAggContext {
    /// `KeyAgg(pk_1..u)`; blames `pubkey {i}` for an invalid key.
    pub fn new(pubkeys: &[[u8; 33]]) -> Result<Self> {
        if pubkeys.is_empty() {
            return Err(Error::invalid("at least one public key is needed"));
        }
        let parts: Vec<&[u8]> = pubkeys.iter().map(<[u8; 33]>::as_slice).collect();
        let list_hash = tagged_hash("KeyAgg list", &parts);
        let second_key =
            pubkeys.iter().find(|pk| Some(*pk) != pubkeys.first()).copied().unwrap_or([0; 33]);
        let mut q = Point::Infinity;
        for (i, pk) in pubkeys.iter().enumerate() {
            let p = cpoint(pk).map_err(|e| e.within(format!("pubkey {i}")))?;
            q = q.add(&Point::Finite(p).mul(&coeff(&list_hash, &second_key, pk)));
        }
        let ctx = KeyAggContext {
            pubkeys: pubkeys.to_vec(),
            list_hash,
            second_key,
            q: q.finite("aggregate public key")?,
            gacc_neg: false,
            tacc: Scalar::ZERO,
        };
        Ok(ctx)
    }

    /// `KeyAgg` followed by `ApplyTweak` for each tweak; blames `tweak {i}`.
    pub fn with_tweaks(pubkeys: &[[u8; 33]], tweaks: &[Tweak]) -> Result<Self> {
        let mut ctx = KeyAggContext::new(pubkeys)?;
        for (i, t) in tweaks.iter().enumerate() {
            ctx.apply_tweak(t).map_err(|e| e.within(format!("tweak {i}")))?;
        }
        Ok(ctx)
    }

    /// `ApplyTweak`; on error the context is unchanged.
    pub fn apply_tweak(&mut self, tweak: &Tweak) -> Result<()> {
        let g_neg = tweak.is_xonly && !has_even_y(&self.q);
        let t = Scalar::from_bytes(&tweak.value)
            .ok_or_else(|| Error::invalid("the tweak must be less than n"))?;
        let q = Point::Finite(self.q)
            .negate_if(g_neg)
            .add(&Point::base_mul(&t))
            .finite("tweaked key")
            .map_err(|_| Error::invalid("the result of tweaking cannot be infinity"))?;
        self.q = q;
        self.gacc_neg ^= g_neg;
        self.tacc = t.add(&self.tacc.negate_if(g_neg));
        Ok(())
    }

    /// `GetXonlyPubkey`.
    #[must_use]
    pub fn xonly_pubkey(&self) -> [u8; 32] {
        xbytes(&self.q)
    }

    /// `GetPlainPubkey`.
    #[must_use]
    pub fn plain_pubkey(&self) -> [u8; 33] {
        self.q.serialize()
    }

    /// Q as a point.
    #[must_use]
    pub fn aggregate_key(&self) -> PublicKey {
        self.q
    }

    /// The individual keys, in aggregation order.
    #[must_use]
    pub fn pubkeys(&self) -> &[[u8; 33]] {
        &self.pubkeys
    }

    /// `KeyAggCoeff(pk_1..u, pk)`; fails when `pk` is not in the list.
    pub fn key_agg_coeff(&self, pk: &[u8; 33]) -> Result<Scalar> {
        if !self.pubkeys.contains(pk) {
            return Err(Error::invalid(
                "the signer's pubkey must be included in the list of pubkeys",
            ));
        }
        Ok(self.coeff_internal(pk))
    }

    fn coeff_internal(&self, pk: &[u8; 33]) -> Scalar {
        coeff(&self.list_hash, &self.second_key, pk)
    }

    /// `g·gacc = -1`: the signer's key is negated (BIP-327 "Negation of the secret key").
    fn key_negated(&self) -> bool {
        !has_even_y(&self.q) ^ self.gacc_neg
    }
}

/// A secret nonce `(k1, k2, pk)`. Not `Clone`: [`Session::sign`] consumes it, so it cannot be
/// used twice by accident. Wiped on drop.
pub struct SecNonce {
    k1: Scalar,
    k2: Scalar,
    pk: [u8; 33],
}

impl fmt::Debug for SecNonce {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SecNonce").field("pk", &hex::encode(self.pk)).finish_non_exhaustive()
    }
}

impl Drop for SecNonce {
    fn drop(&mut self) {
        self.k1.wipe();
        self.k2.wipe();
    }
}

impl SecNonce {
    /// Parses the BIP's 97-byte `bytes(32, k1) || bytes(32, k2) || pk`. Only for nonces this
    /// process stored itself: loading the same bytes twice defeats single use.
    pub fn from_bytes(b: &[u8; 97]) -> Result<SecNonce> {
        let (k1, rest) = b.split_at(32);
        let (k2, pk) = rest.split_at(32);
        let scalar = |x: &[u8], which: &str| {
            <[u8; 32]>::try_from(x)
                .ok()
                .and_then(|a| Scalar::from_nonzero_bytes(&a))
                .ok_or_else(|| Error::invalid(format!("{which} secnonce value is out of range")))
        };
        Ok(SecNonce {
            k1: scalar(k1, "first")?,
            k2: scalar(k2, "second")?,
            pk: pk.try_into().map_err(|_| Error::invalid("secnonce length"))?,
        })
    }

    /// The 97-byte serialization (see [`SecNonce::from_bytes`] for the caveat).
    #[must_use]
    pub fn to_bytes(&self) -> [u8; 97] {
        let mut out = [0u8; 97];
        let (a, rest) = out.split_at_mut(32);
        let (b, c) = rest.split_at_mut(32);
        a.copy_from_slice(&self.k1.to_bytes());
        b.copy_from_slice(&self.k2.to_bytes());
        c.copy_from_slice(&self.pk);
        out
    }

    /// The matching public nonce.
    pub fn public_nonce(&self) -> Result<PubNonce> {
        Ok(PubNonce {
            r1: Point::base_mul(&self.k1).finite("R1")?,
            r2: Point::base_mul(&self.k2).finite("R2")?,
        })
    }

    /// The individual public key the nonce was generated for.
    #[must_use]
    pub fn pubkey(&self) -> [u8; 33] {
        self.pk
    }
}

/// A signer's public nonce `(R1, R2)`, 66 bytes on the wire.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PubNonce {
    /// `R_{*,1}`.
    pub r1: PublicKey,
    /// `R_{*,2}`.
    pub r2: PublicKey,
}

impl PubNonce {
    /// `cpoint` of both halves.
    pub fn from_bytes(b: &[u8; 66]) -> Result<PubNonce> {
        let (h1, h2) = halves(b);
        Ok(PubNonce {
            r1: cpoint(&h1).map_err(|e| e.within("first half"))?,
            r2: cpoint(&h2).map_err(|e| e.within("second half"))?,
        })
    }

    /// `cbytes(R1) || cbytes(R2)`.
    #[must_use]
    pub fn to_bytes(&self) -> [u8; 66] {
        join66(&self.r1.serialize(), &self.r2.serialize())
    }
}

/// The aggregate nonce `(R1, R2)`; either half may be infinity.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AggNonce {
    /// `R1`.
    pub r1: Point,
    /// `R2`.
    pub r2: Point,
}

impl AggNonce {
    /// `cpoint_ext` of both halves.
    pub fn from_bytes(b: &[u8; 66]) -> Result<AggNonce> {
        let (h1, h2) = halves(b);
        Ok(AggNonce {
            r1: Point::from_cbytes_ext(&h1).map_err(|e| e.within("first half"))?,
            r2: Point::from_cbytes_ext(&h2).map_err(|e| e.within("second half"))?,
        })
    }

    /// `cbytes_ext(R1) || cbytes_ext(R2)`.
    #[must_use]
    pub fn to_bytes(&self) -> [u8; 66] {
        join66(&self.r1.to_cbytes_ext(), &self.r2.to_cbytes_ext())
    }

    /// `NonceAgg` over parsed nonces.
    #[must_use]
    pub fn sum(pubnonces: &[PubNonce]) -> AggNonce {
        pubnonces.iter().fold(AggNonce { r1: Point::Infinity, r2: Point::Infinity }, |acc, n| {
            AggNonce { r1: acc.r1.add(&Point::Finite(n.r1)), r2: acc.r2.add(&Point::Finite(n.r2)) }
        })
    }
}

/// `NonceAgg(pubnonce_1..u)`; blames `pubnonce {i}`.
pub fn nonce_agg(pubnonces: &[[u8; 66]]) -> Result<AggNonce> {
    if pubnonces.is_empty() {
        return Err(Error::invalid("at least one public nonce is needed"));
    }
    let parsed = pubnonces
        .iter()
        .enumerate()
        .map(|(i, b)| PubNonce::from_bytes(b).map_err(|e| e.within(format!("pubnonce {i}"))))
        .collect::<Result<Vec<_>>>()?;
    Ok(AggNonce::sum(&parsed))
}

/// The optional inputs of `NonceGen`; each one present makes nonce reuse less likely should the
/// random source fail.
#[derive(Clone, Copy, Debug, Default)]
pub struct NonceGenExtras<'a> {
    /// `sk`, the signer's secret key.
    pub sk: Option<&'a [u8; 32]>,
    /// `aggpk`, the x-only aggregate key.
    pub aggpk: Option<&'a [u8; 32]>,
    /// `m`, the message (empty and absent differ).
    pub msg: Option<&'a [u8]>,
    /// `extra_in`, any other session data.
    pub extra_in: Option<&'a [u8]>,
}

/// `NonceGen` with 32 fresh bytes from the operating system's generator as `rand'`.
pub fn nonce_gen(pk: &[u8; 33], extras: &NonceGenExtras<'_>) -> Result<(SecNonce, PubNonce)> {
    let mut rand = [0u8; 32];
    thread_rng().fill_bytes(&mut rand);
    nonce_gen_with_rand(&rand, pk, extras)
}

/// `NonceGen` with a caller-given `rand'` (for test vectors; `rand'` must never repeat).
pub fn nonce_gen_with_rand(
    rand_: &[u8; 32],
    pk: &[u8; 33],
    extras: &NonceGenExtras<'_>,
) -> Result<(SecNonce, PubNonce)> {
    let rand = match extras.sk {
        Some(sk) => xor32(sk, &tagged_hash("MuSig/aux", &[rand_])),
        None => *rand_,
    };
    let aggpk: &[u8] = extras.aggpk.map_or(&[], <[u8; 32]>::as_slice);
    let mut m_prefixed = Vec::new();
    match extras.msg {
        None => m_prefixed.push(0),
        Some(m) => {
            m_prefixed.push(1);
            m_prefixed.extend_from_slice(&(m.len() as u64).to_be_bytes());
            m_prefixed.extend_from_slice(m);
        }
    }
    let extra_in = extras.extra_in.unwrap_or(&[]);
    let extra_len = u32::try_from(extra_in.len())
        .map_err(|_| Error::invalid("extra_in is longer than 2^32-1 bytes"))?;
    let k = |i: u8| {
        Scalar::reduce(&tagged_hash(
            "MuSig/nonce",
            &[
                &rand,
                &[33],
                pk,
                &[aggpk.len() as u8],
                aggpk,
                &m_prefixed,
                &extra_len.to_be_bytes(),
                extra_in,
                &[i],
            ],
        ))
    };
    secnonce_from(k(0), k(1), *pk)
}

fn secnonce_from(k1: Scalar, k2: Scalar, pk: [u8; 33]) -> Result<(SecNonce, PubNonce)> {
    if k1.is_zero() || k2.is_zero() {
        return Err(Error::new(ErrorKind::Crypto, "nonce is zero (negligible probability)"));
    }
    let sec = SecNonce { k1, k2, pk };
    let public = sec.public_nonce()?;
    Ok((sec, public))
}

/// Which MuSig2 adaptor convention a session follows (notes/spec-protocol.md §1.3). The two
/// produce different partial signatures for the same inputs, so co-signers must agree.
///
/// The default is [`AdaptorConvention::NonceCoefficient`], libsecp256k1-zkp's: it binds the
/// adaptor point into the nonce coefficient b, which (per BlockstreamResearch/scriptless-scripts
/// PR #24) keeps the scheme sound when nonces are exchanged before T is fixed, the flow PTLC
/// channels need when nonces are sent ahead of each commitment; and it is what the reference C
/// library implements.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum AdaptorConvention {
    /// (A) libsecp256k1-zkp `musig_nonce_process(.., adaptor)` (later
    /// `secp256k1_musig_nonce_process_adaptor`): `R1* = R1 + T`,
    /// `b = H_noncecoef(cbytes_ext(R1*) || cbytes_ext(R2) || x(Q) || m)`, `R' = R1* + b·R2`.
    #[default]
    NonceCoefficient,
    /// (B) the `musig2` crate 0.4: b per BIP-327 over the plain aggnonce,
    /// `R' = (R1 + b·R2) + T`.
    FinalNonce,
}

/// The BIP's Session Context as bytes: `(aggnonce, pk_1..u, tweak_1..v, is_xonly_t_1..v, m)`.
#[derive(Clone, Copy, Debug)]
pub struct SessionContext<'a> {
    /// `aggnonce` (66 bytes, halves may be 33 zero bytes).
    pub aggnonce: &'a [u8; 66],
    /// `pk_1..u`.
    pub pubkeys: &'a [[u8; 33]],
    /// `tweak_1..v` with their modes.
    pub tweaks: &'a [Tweak],
    /// `m`.
    pub msg: &'a [u8],
}

impl SessionContext<'_> {
    /// Parses and computes `GetSessionValues`; blames `pubkey {i}`, `tweak {i}` or `aggnonce`.
    pub fn session(&self) -> Result<Session> {
        let keyagg = KeyAggContext::with_tweaks(self.pubkeys, self.tweaks)?;
        let aggnonce = AggNonce::from_bytes(self.aggnonce).map_err(|e| e.within("aggnonce"))?;
        Session::new(&keyagg, &aggnonce, self.msg)
    }
}

/// The values of `GetSessionValues(session_ctx)`, optionally for an adaptor session.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Session {
    keyagg: KeyAggContext,
    msg: Vec<u8>,
    b: Scalar,
    /// The final nonce R (for adaptor sessions the adapted nonce R', which includes T).
    r: PublicKey,
    e: Scalar,
    adaptor: Option<(PublicKey, AdaptorConvention)>,
}

impl Session {
    /// A plain BIP-327 session (`GetSessionValues`).
    pub fn new(keyagg: &KeyAggContext, aggnonce: &AggNonce, msg: &[u8]) -> Result<Session> {
        let b = nonce_coef(aggnonce, keyagg, msg);
        let r = or_generator(aggnonce.r1.add(&aggnonce.r2.mul(&b))).finite("final nonce")?;
        Ok(Session::finish(keyagg, msg, b, r, None))
    }

    /// A MuSig2 adaptor session under adaptor point `t` (notes §1.3). The partial signatures and
    /// their aggregate are pre-signatures, completed with [`super::adaptor::adapt`].
    pub fn new_adaptor(
        keyagg: &KeyAggContext,
        aggnonce: &AggNonce,
        msg: &[u8],
        t: &PublicKey,
        convention: AdaptorConvention,
    ) -> Result<Session> {
        let t_pt = Point::Finite(*t);
        let (b, r) = match convention {
            AdaptorConvention::NonceCoefficient => {
                let shifted = AggNonce { r1: aggnonce.r1.add(&t_pt), r2: aggnonce.r2 };
                let b = nonce_coef(&shifted, keyagg, msg);
                (b, shifted.r1.add(&shifted.r2.mul(&b)))
            }
            AdaptorConvention::FinalNonce => {
                let b = nonce_coef(aggnonce, keyagg, msg);
                (b, or_generator(aggnonce.r1.add(&aggnonce.r2.mul(&b))).add(&t_pt))
            }
        };
        // negligible unless someone chose T against the nonces; refuse rather than sign with G
        let r = r.finite("adapted final nonce")?;
        Ok(Session::finish(keyagg, msg, b, r, Some((*t, convention))))
    }

    fn finish(
        keyagg: &KeyAggContext,
        msg: &[u8],
        b: Scalar,
        r: PublicKey,
        adaptor: Option<(PublicKey, AdaptorConvention)>,
    ) -> Session {
        let e = challenge(&xbytes(&r), &keyagg.xonly_pubkey(), msg);
        Session { keyagg: keyagg.clone(), msg: msg.to_vec(), b, r, e, adaptor }
    }

    /// The nonce coefficient b.
    #[must_use]
    pub fn nonce_coefficient(&self) -> Scalar {
        self.b
    }

    /// The final nonce R (adapted nonce R' in an adaptor session).
    #[must_use]
    pub fn final_nonce(&self) -> PublicKey {
        self.r
    }

    /// The challenge e.
    #[must_use]
    pub fn challenge(&self) -> Scalar {
        self.e
    }

    /// The key aggregation context.
    #[must_use]
    pub fn keyagg(&self) -> &KeyAggContext {
        &self.keyagg
    }

    /// The adaptor point and convention, for adaptor sessions.
    #[must_use]
    pub fn adaptor(&self) -> Option<(PublicKey, AdaptorConvention)> {
        self.adaptor
    }

    /// `Sign(secnonce, sk, session_ctx)`: consumes the secret nonce. The result is verified
    /// before it is returned.
    pub fn sign(&self, secnonce: SecNonce, sk: &[u8; 32]) -> Result<[u8; 32]> {
        let d0 = Scalar::from_nonzero_bytes(sk)
            .ok_or_else(|| Error::invalid("secret key must be in 1..n-1"))?;
        let pk = Point::base_mul(&d0).finite("d·G")?.serialize();
        if pk != secnonce.pk {
            return Err(Error::invalid("secnonce was generated for another public key"));
        }
        let a = self.keyagg.key_agg_coeff(&pk)?;
        let negate_k = !has_even_y(&self.r);
        let mut k1 = secnonce.k1.negate_if(negate_k);
        let mut k2 = secnonce.k2.negate_if(negate_k);
        let mut d = d0.negate_if(self.keyagg.key_negated());
        let s = k1.add(&self.b.mul(&k2)).add(&self.e.mul(&a).mul(&d));
        // the secret nonce dies here: dropping wipes it, and the copies are wiped by hand
        let pubnonce = secnonce.public_nonce()?;
        drop(secnonce);
        k1.wipe();
        k2.wipe();
        d.wipe();
        let psig = s.to_bytes();
        self.verify_partial(&psig, &pubnonce, &pk)
            .map_err(|_| Error::new(ErrorKind::Crypto, "own partial signature does not verify"))?;
        Ok(psig)
    }

    /// `PartialSigVerifyInternal(psig, pubnonce, pk, session_ctx)`.
    pub fn verify_partial(
        &self,
        psig: &[u8; 32],
        pubnonce: &PubNonce,
        pk: &[u8; 33],
    ) -> Result<()> {
        let s = Scalar::from_bytes(psig)
            .ok_or_else(|| Error::invalid("partial signature is not below n"))?;
        let re = Point::Finite(pubnonce.r1)
            .add(&Point::Finite(pubnonce.r2).mul(&self.b))
            .negate_if(!has_even_y(&self.r));
        let p = cpoint(pk).map_err(|e| e.within("pubkey"))?;
        let a = self.keyagg.key_agg_coeff(pk)?;
        let rhs =
            re.add(&Point::Finite(p).mul(&self.e.mul(&a).negate_if(self.keyagg.key_negated())));
        if Point::base_mul(&s) == rhs {
            Ok(())
        } else {
            Err(Error::new(ErrorKind::Crypto, "partial signature does not verify"))
        }
    }

    /// `s_1 + … + s_u + e·g·tacc`; blames `psig {i}`.
    fn sum_psigs(&self, psigs: &[[u8; 32]]) -> Result<Scalar> {
        let mut s = Scalar::ZERO;
        for (i, p) in psigs.iter().enumerate() {
            let si = Scalar::from_bytes(p).ok_or_else(|| {
                Error::invalid("partial signature is not below n").within(format!("psig {i}"))
            })?;
            s = s.add(&si);
        }
        let g_neg = !has_even_y(&self.keyagg.q);
        Ok(s.add(&self.e.mul(&self.keyagg.tacc).negate_if(g_neg)))
    }

    /// `PartialSigAgg`: the 64-byte BIP-340 signature (not checked here; verify it with
    /// [`super::schnorr::verify`] against [`KeyAggContext::xonly_pubkey`]).
    pub fn aggregate(&self, psigs: &[[u8; 32]]) -> Result<[u8; 64]> {
        if self.adaptor.is_some() {
            return Err(Error::rule("adaptor session: use aggregate_pre_signature"));
        }
        Ok(join64(&xbytes(&self.r), &self.sum_psigs(psigs)?.to_bytes()))
    }

    /// The aggregate pre-signature of an adaptor session, in the adapted-nonce encoding of
    /// [`PreSignature`]; it is checked with `adaptor::pre_verify` before it is returned.
    /// Finish it with [`super::adaptor::adapt`]; whoever holds it and the final signature gets
    /// the secret with [`super::adaptor::extract_secret`] (both conventions alike).
    pub fn aggregate_pre_signature(&self, psigs: &[[u8; 32]]) -> Result<PreSignature> {
        let Some((t, _)) = self.adaptor else {
            return Err(Error::rule("not an adaptor session: use aggregate"));
        };
        let pre = PreSignature::new(self.r, self.sum_psigs(psigs)?);
        super::adaptor::pre_verify(&self.keyagg.xonly_pubkey(), &self.msg, &t, &pre)?;
        Ok(pre)
    }
}

/// `KeyAggCoeffInternal`: 1 for the second distinct key, else a hash of the list and the key.
fn coeff(list_hash: &[u8; 32], second_key: &[u8; 33], pk: &[u8; 33]) -> Scalar {
    if pk == second_key {
        return Scalar::ONE;
    }
    Scalar::reduce(&tagged_hash("KeyAgg coefficient", &[list_hash, pk]))
}

/// `b = int(hash_MuSig/noncecoef(aggnonce || xbytes(Q) || m)) mod n`.
fn nonce_coef(aggnonce: &AggNonce, keyagg: &KeyAggContext, msg: &[u8]) -> Scalar {
    Scalar::reduce(&tagged_hash(
        "MuSig/noncecoef",
        &[&aggnonce.to_bytes(), &keyagg.xonly_pubkey(), msg],
    ))
}

/// BIP-327 "Dealing with Infinity in Nonce Aggregation": an infinite final nonce becomes G.
fn or_generator(r: Point) -> Point {
    if r.is_infinity() {
        Point::generator()
    } else {
        r
    }
}

/// `PartialSigVerify(psig, pubnonce_1..u, pk_1..u, tweak_1..v, is_xonly_t_1..v, m, i)`.
pub fn partial_sig_verify(
    psig: &[u8; 32],
    pubnonces: &[[u8; 66]],
    pubkeys: &[[u8; 33]],
    tweaks: &[Tweak],
    msg: &[u8],
    i: usize,
) -> Result<()> {
    let aggnonce = nonce_agg(pubnonces)?;
    let keyagg = KeyAggContext::with_tweaks(pubkeys, tweaks)?;
    let session = Session::new(&keyagg, &aggnonce, msg)?;
    let (Some(nonce), Some(pk)) = (pubnonces.get(i), pubkeys.get(i)) else {
        return Err(Error::invalid("signer index out of range"));
    };
    let nonce = PubNonce::from_bytes(nonce).map_err(|e| e.within(format!("pubnonce {i}")))?;
    session.verify_partial(psig, &nonce, pk)
}

/// `DeterministicSign(sk, aggothernonce, pk_1..u, tweak_1..v, is_xonly_t_1..v, m, rand)`: the
/// signer's public nonce and partial signature, for the last signer to send its nonce.
pub fn deterministic_sign(
    sk: &[u8; 32],
    aggothernonce: &[u8; 66],
    pubkeys: &[[u8; 33]],
    tweaks: &[Tweak],
    msg: &[u8],
    rand: Option<&[u8; 32]>,
) -> Result<(PubNonce, [u8; 32])> {
    let sk_prime = match rand {
        Some(r) => xor32(sk, &tagged_hash("MuSig/aux", &[r])),
        None => *sk,
    };
    let keyagg = KeyAggContext::with_tweaks(pubkeys, tweaks)?;
    let aggpk = keyagg.xonly_pubkey();
    let k = |i: u8| {
        Scalar::reduce(&tagged_hash(
            "MuSig/deterministic/nonce",
            &[&sk_prime, aggothernonce, &aggpk, &(msg.len() as u64).to_be_bytes(), msg, &[i]],
        ))
    };
    let d = Scalar::from_nonzero_bytes(sk)
        .ok_or_else(|| Error::invalid("secret key must be in 1..n-1"))?;
    let pk = Point::base_mul(&d).finite("d·G")?.serialize();
    let (secnonce, pubnonce) = secnonce_from(k(0), k(1), pk)?;
    let other = PubNonce::from_bytes(aggothernonce).map_err(|e| e.within("aggothernonce"))?;
    let aggnonce = AggNonce::sum(&[pubnonce, other]);
    let psig = Session::new(&keyagg, &aggnonce, msg)?.sign(secnonce, sk)?;
    Ok((pubnonce, psig))
}

fn xor32(a: &[u8; 32], b: &[u8; 32]) -> [u8; 32] {
    let mut out = *a;
    for (o, x) in out.iter_mut().zip(b) {
        *o ^= x;
    }
    out
}

fn halves(b: &[u8; 66]) -> ([u8; 33], [u8; 33]) {
    let mut h1 = [0u8; 33];
    let mut h2 = [0u8; 33];
    let (l, r) = b.split_at(33);
    h1.copy_from_slice(l);
    h2.copy_from_slice(r);
    (h1, h2)
}

fn join66(a: &[u8; 33], b: &[u8; 33]) -> [u8; 66] {
    let mut out = [0u8; 66];
    let (l, r) = out.split_at_mut(33);
    l.copy_from_slice(a);
    r.copy_from_slice(b);
    out
}
