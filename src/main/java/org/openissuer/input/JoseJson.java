package org.openissuer.input;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import org.openissuer.error.IssuerError;
import org.openissuer.error.IssuerException;

/**
 * Runs the JSON parts of a compact JWS or JWE through {@link BoundedJson} before Nimbus sees
 * them, so a header or payload that is JSON null, nested too deep, or repeats a member (RFC 7515
 * §5.2 item 4, RFC 7519 §4: a repeated name MUST be refused or only the last one used) is
 * refused with the caller's error.
 */
public final class JoseJson {

    // RFC 7515 §2, §7.1: each part is BASE64URL without padding; Nimbus's decoder skips other characters,
    // so "5[Ssh..." would verify as "5Ssh..." and one proof would have many spellings
    private static final Pattern PART = Pattern.compile("[A-Za-z0-9_-]*");
    private static final List<String> KEY_MEMBERS = List.of("x", "y", "n", "e", "d", "p", "q", "dp", "dq", "qi", "k");

    private JoseJson() {
    }

    private static String[] parts(String compact, int count, IssuerError error, String what) {
        String[] parts = compact.strip().split("\\.", -1);
        if (parts.length != count) {
            throw new IssuerException(error, what);
        }
        for (String part : parts) {
            if (!PART.matcher(part).matches()) {
                throw new IssuerException(error, what + ": a part is not base64url without padding");
            }
        }
        return parts;
    }

    /** A JWS (RFC 7515 §7.1): header and payload must each be a JSON object. */
    public static void requireJwsObjects(String compact, IssuerError error) {
        String[] parts = parts(compact, 3, error, "not a signed JWT (compact JWS)");
        JsonObject header = BoundedJson.object(decode(parts[0], error, "not a signed JWT"), error);
        BoundedJson.object(decode(parts[1], error, "not a signed JWT"), error);
        if (header.get("jwk") instanceof JsonObject jwk) {
            requireStrictKeyMembers(jwk, error);
        }
    }

    // RFC 7518 §6.2, §6.3: key members are BASE64URL; a skipped stray character would change the thumbprint
    // (RFC 7638) and put a key into cnf.jwk that strict verifiers cannot read
    private static void requireStrictKeyMembers(JsonObject jwk, IssuerError error) {
        for (String member : KEY_MEMBERS) {
            if (jwk.get(member) instanceof JsonString value && !PART.matcher(value.getString()).matches()) {
                throw new IssuerException(error, "the jwk member " + member + " is not base64url without padding");
            }
        }
    }

    /** A JWE (RFC 7516 §7.1): the protected header must be a JSON object; the plaintext is checked after decryption. */
    public static void requireJweHeader(String compact, IssuerError error) {
        String[] parts = parts(compact, 5, error, "not a compact JWE");
        BoundedJson.object(decode(parts[0], error, "not a compact JWE"), error);
    }

    private static String decode(String part, IssuerError error, String what) {
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(part);
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (IllegalArgumentException | CharacterCodingException e) {
            throw new IssuerException(error, what + ": a part is not base64url-encoded UTF-8");
        }
    }
}
