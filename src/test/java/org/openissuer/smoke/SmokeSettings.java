package org.openissuer.smoke;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the smoke test needs to know, from system properties:
 * <ul>
 * <li>{@code smoke.issuer}: the Credential Issuer Identifier (ISSUER_URL), e.g. {@code https://localhost:9443};</li>
 * <li>{@code smoke.trust}: a PEM certificate to trust for TLS besides the JDK's CAs (optional);</li>
 * <li>{@code smoke.admin-token}: a back-office access token from the organisation's identity provider, or
 * {@code smoke.admin-key} (a private EC JWK the issuer trusts, MP_JWT_VERIFY_PUBLICKEY_LOCATION) with
 * {@code smoke.admin-issuer} and {@code smoke.admin-group} to mint one;</li>
 * <li>{@code smoke.offer}: the JSON body of the offer to create (default: the built-in IdentityCredential).</li>
 * </ul>
 */
record SmokeSettings(String issuer, Path trust, String adminToken, Path adminKey, String adminIssuer, String adminGroup,
        String offer) {

    static SmokeSettings fromSystemProperties() {
        String issuer = required("smoke.issuer");
        String token = blankToNull(System.getProperty("smoke.admin-token"));
        Path key = path("smoke.admin-key");
        if (token == null && key == null) {
            throw new SmokeIssuance.SmokeFailure("set smoke.admin-token, or smoke.admin-key with smoke.admin-issuer");
        }
        Path offer = path("smoke.offer");
        return new SmokeSettings(issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer, path("smoke.trust"),
                token, key, key == null ? null : required("smoke.admin-issuer"),
                System.getProperty("smoke.admin-group", "issuer-admin"),
                offer == null ? builtInOffer() : read(offer));
    }

    private static String builtInOffer() {
        try (var in = SmokeSettings.class.getResourceAsStream("/smoke/identity-offer.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String required(String name) {
        String value = blankToNull(System.getProperty(name));
        if (value == null) {
            throw new SmokeIssuance.SmokeFailure("set " + name);
        }
        return value;
    }

    private static Path path(String name) {
        String value = blankToNull(System.getProperty(name));
        if (value == null) {
            return null;
        }
        Path path = Path.of(value);
        if (!Files.isReadable(path)) {
            throw new SmokeIssuance.SmokeFailure(name + ": cannot read " + path.toAbsolutePath());
        }
        return path;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
