package org.openissuer.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/** Builds JWT proofs of possession (OID4VCI 1.0 Appendix F.1), right by default, wrong on request. */
public final class ProofJwt {

    private final JWK key;
    private JWSAlgorithm alg;
    private JOSEObjectType typ = new JOSEObjectType("openid4vci-proof+jwt");
    private JWK headerJwk;
    private String kid;
    private boolean x5c;
    private Object audience;
    private String nonce;
    private Instant issuedAt = Instant.now();
    private String issuer;

    private ProofJwt(JWK key) {
        this.key = key;
        this.alg = key instanceof RSAKey ? JWSAlgorithm.RS256 : JWSAlgorithm.ES256;
        this.headerJwk = key.toPublicJWK();
    }

    public static ProofJwt signedBy(JWK key) {
        return new ProofJwt(key);
    }

    public ProofJwt audience(String audience) {
        this.audience = audience;
        return this;
    }

    public ProofJwt audiences(List<String> audiences) {
        this.audience = audiences;
        return this;
    }

    public ProofJwt nonce(String nonce) {
        this.nonce = nonce;
        return this;
    }

    public ProofJwt issuedAt(Instant issuedAt) {
        this.issuedAt = issuedAt;
        return this;
    }

    public ProofJwt issuer(String issuer) {
        this.issuer = issuer;
        return this;
    }

    public ProofJwt typ(String typ) {
        this.typ = typ == null ? null : new JOSEObjectType(typ);
        return this;
    }

    public ProofJwt alg(JWSAlgorithm alg) {
        this.alg = alg;
        return this;
    }

    /** Puts another key (or none) in the header than the one that signs. */
    public ProofJwt headerJwk(JWK headerJwk) {
        this.headerJwk = headerJwk;
        return this;
    }

    public ProofJwt kid(String kid) {
        this.kid = kid;
        return this;
    }

    public ProofJwt withX5c() {
        this.x5c = true;
        return this;
    }

    /** A proof whose jwk header carries the private key: Nimbus's builder refuses to write one. */
    public String buildWithPrivateJwkInHeader() {
        String header = "{\"alg\":\"ES256\",\"typ\":\"" + typ + "\",\"jwk\":" + key.toJSONString() + "}";
        String signedPart = Base64URL.encode(header).toString() + "." + Base64URL.encode(claims().toString()).toString();
        try {
            Base64URL signature = new ECDSASigner((ECKey) key).sign(new JWSHeader(JWSAlgorithm.ES256),
                    signedPart.getBytes(StandardCharsets.US_ASCII));
            return signedPart + "." + signature;
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public String build() {
        JWSHeader.Builder header = new JWSHeader.Builder(alg).type(typ).jwk(headerJwk).keyID(kid);
        if (x5c) {
            header.x509CertChain(List.of(Base64.encode("not a certificate")));
        }
        SignedJWT jwt = new SignedJWT(header.build(), claims());
        try {
            jwt.sign(key instanceof RSAKey rsa ? new RSASSASigner(rsa) : new ECDSASigner((ECKey) key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private JWTClaimsSet claims() {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(issuer).claim("nonce", nonce);
        if (issuedAt != null) {
            claims.issueTime(Date.from(issuedAt));
        }
        if (audience instanceof String single) {
            claims.audience(single);
        } else if (audience instanceof List<?> list) {
            claims.audience(list.stream().map(String::valueOf).toList());
        }
        return claims.build();
    }
}
