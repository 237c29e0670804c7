package org.openissuer.admin.control;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.X509CertUtils;

/**
 * The key formats MicroProfile JWT accepts for {@code mp.jwt.verify.publickey(.location)}: a JWK
 * set, a single JWK, PEM public keys or certificates, or bare base64 DER. Only public halves are kept.
 */
public final class PublicKeyText {

    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

    private PublicKeyText() {
    }

    public static JWKSet parse(String text) {
        String trimmed = text.strip();
        try {
            if (trimmed.startsWith("{")) {
                JWKSet set = trimmed.contains("\"keys\"") ? JWKSet.parse(trimmed) : new JWKSet(JWK.parse(trimmed));
                return requireKeys(set.toPublicJWKSet());
            }
            if (trimmed.contains("-----BEGIN")) {
                return requireKeys(new JWKSet(pem(trimmed)));
            }
            return new JWKSet(jwk(publicKey(Base64.getMimeDecoder().decode(trimmed))));
        } catch (ParseException | GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not a JWK set, JWK, PEM public key or certificate: " + e.getMessage(), e);
        }
    }

    private static List<JWK> pem(String text) throws GeneralSecurityException {
        List<JWK> keys = new ArrayList<>();
        Matcher block = PEM.matcher(text);
        while (block.find()) {
            byte[] der = Base64.getMimeDecoder().decode(block.group(2).replaceAll("\\s", ""));
            if ("CERTIFICATE".equals(block.group(1))) {
                X509Certificate certificate = X509CertUtils.parse(der);
                if (certificate == null) {
                    throw new GeneralSecurityException("unreadable certificate");
                }
                keys.add(jwk(certificate.getPublicKey()));
            } else if ("PUBLIC KEY".equals(block.group(1))) {
                keys.add(jwk(publicKey(der)));
            } else {
                throw new GeneralSecurityException("PEM " + block.group(1) + " is not a public key or certificate");
            }
        }
        return keys;
    }

    private static PublicKey publicKey(byte[] der) throws GeneralSecurityException {
        X509EncodedKeySpec spec = new X509EncodedKeySpec(der);
        try {
            return KeyFactory.getInstance("RSA").generatePublic(spec);
        } catch (GeneralSecurityException notRsa) {
            return KeyFactory.getInstance("EC").generatePublic(spec);
        }
    }

    private static JWK jwk(PublicKey key) throws GeneralSecurityException {
        if (key instanceof RSAPublicKey rsa) {
            return new RSAKey.Builder(rsa).build();
        }
        if (key instanceof ECPublicKey ec) {
            Curve curve = Curve.forECParameterSpec(ec.getParams());
            if (curve == null) {
                throw new GeneralSecurityException("unsupported EC curve");
            }
            return new ECKey.Builder(curve, ec).build();
        }
        throw new GeneralSecurityException("unsupported key type " + key.getAlgorithm());
    }

    private static JWKSet requireKeys(JWKSet set) {
        if (set.isEmpty()) {
            throw new IllegalArgumentException("no public key in it");
        }
        return set;
    }
}
