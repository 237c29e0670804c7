package org.openissuer.testsupport;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/** Builds DPoP proofs (RFC 9449 §4.2), right by default, wrong on request. */
public final class DPoPJwt {

    private final JWK key;
    private JWSAlgorithm alg;
    private JOSEObjectType typ = new JOSEObjectType("dpop+jwt");
    private JWK headerJwk;
    private String jti = UUID.randomUUID().toString();
    private String htm = "POST";
    private String htu;
    private Instant issuedAt = Instant.now();
    private String ath;
    private String nonce;
    private String htcd;

    private DPoPJwt(JWK key) {
        this.key = key;
        this.alg = key instanceof RSAKey ? JWSAlgorithm.RS256 : JWSAlgorithm.ES256;
        this.headerJwk = key.toPublicJWK();
    }

    public static DPoPJwt signedBy(JWK key) {
        return new DPoPJwt(key);
    }

    public DPoPJwt htu(String htu) {
        this.htu = htu;
        return this;
    }

    public DPoPJwt htm(String htm) {
        this.htm = htm;
        return this;
    }

    public DPoPJwt jti(String jti) {
        this.jti = jti;
        return this;
    }

    public DPoPJwt issuedAt(Instant issuedAt) {
        this.issuedAt = issuedAt;
        return this;
    }

    /** ath for this access token: base64url(SHA-256(token)). */
    public DPoPJwt accessToken(String token) {
        this.ath = athOf(token);
        return this;
    }

    public DPoPJwt ath(String ath) {
        this.ath = ath;
        return this;
    }

    public DPoPJwt nonce(String nonce) {
        this.nonce = nonce;
        return this;
    }

    public DPoPJwt htcd(String htcd) {
        this.htcd = htcd;
        return this;
    }

    public DPoPJwt typ(String typ) {
        this.typ = typ == null ? null : new JOSEObjectType(typ);
        return this;
    }

    public DPoPJwt alg(JWSAlgorithm alg) {
        this.alg = alg;
        return this;
    }

    public DPoPJwt headerJwk(JWK jwk) {
        this.headerJwk = jwk;
        return this;
    }

    public String build() {
        JWSHeader.Builder header = new JWSHeader.Builder(alg).type(typ);
        if (headerJwk != null) {
            header.jwk(headerJwk);
        }
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().jwtID(jti).claim("htm", htm).claim("htu", htu)
                .claim("ath", ath).claim("nonce", nonce).claim("htcd", htcd);
        if (issuedAt != null) {
            claims.issueTime(Date.from(issuedAt));
        }
        SignedJWT jwt = new SignedJWT(header.build(), claims.build());
        try {
            jwt.sign(key instanceof RSAKey rsa ? new RSASSASigner(rsa) : new ECDSASigner((ECKey) key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    public static String athOf(String token) {
        return Base64URL.encode(sha256(token.getBytes(StandardCharsets.US_ASCII))).toString();
    }

    public static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
