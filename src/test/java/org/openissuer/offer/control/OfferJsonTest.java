package org.openissuer.offer.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import org.junit.jupiter.api.Test;
import org.openissuer.offer.entity.CreatedOffer;
import org.openissuer.offer.entity.CredentialOffer;
import org.openissuer.offer.entity.CredentialOffer.TxCodeHash;
import org.openissuer.offer.entity.IssuedCredentialSummary;

class OfferJsonTest {

    private static final String ISSUER = "https://issuer.example.com";
    private static final String GRANT = "urn:ietf:params:oauth:grant-type:pre-authorized_code";
    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 11, 23, 12, 0, 0, 0, ZoneOffset.UTC);

    private static CredentialOffer offer(Optional<TxCodeHash> txCode) {
        return CredentialOffer.pending("offer-1", "ref-hash", "code-hash", "[\"IdentityCredential\",\"Employee\"]",
                "employee-4711", "{\"given_name\":\"Erika\"}", txCode, "alice", NOW, NOW.plusMinutes(15));
    }

    @Test
    void writesTheOfferOfSection411WithoutTxCode() {
        JsonObject offer = OfferJson.offer(ISSUER, offer(Optional.empty()), "the-code");
        assertEquals(ISSUER, offer.getString("credential_issuer"));
        assertEquals(List.of("IdentityCredential", "Employee"), offer.getJsonArray("credential_configuration_ids")
                .getValuesAs(JsonString.class).stream().map(JsonString::getString).toList());
        JsonObject grant = offer.getJsonObject("grants").getJsonObject(GRANT);
        assertEquals("the-code", grant.getString("pre-authorized_code"));
        assertFalse(grant.containsKey("tx_code"));
    }

    @Test
    void describesTheTxCodeWithoutRevealingIt() {
        JsonObject grant = OfferJson.offer(ISSUER, offer(Optional.of(new TxCodeHash("h", 8, Optional.of("see letter")))), "c")
                .getJsonObject("grants").getJsonObject(GRANT);
        assertEquals(Json.createObjectBuilder().add("input_mode", "numeric").add("length", 8).add("description", "see letter")
                .build(), grant.getJsonObject("tx_code"));
    }

    @Test
    void putsTheOfferByValueIntoAPercentEncodedWalletUri() {
        JsonObject offer = OfferJson.offer(ISSUER, offer(Optional.of(new TxCodeHash("h", 6, Optional.of("a b+c")))), "c");
        String uri = OfferJson.byValue(offer);
        assertTrue(uri.startsWith("openid-credential-offer://?credential_offer="));
        String encoded = uri.substring(uri.indexOf('=') + 1);
        assertFalse(encoded.contains("+") || encoded.contains(" ") || encoded.contains("{"), encoded);
        String decoded = URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        assertEquals(offer, Json.createReader(new StringReader(decoded)).readObject());
        URI.create(uri); // a valid URI
    }

    @Test
    void pointsTheByReferenceUriAtTheOfferEndpoint() {
        String offerUri = OfferJson.offerUri(ISSUER, "REF_123-x");
        assertEquals(ISSUER + "/oid4vci/credential-offers/REF_123-x", offerUri);
        assertEquals("openid-credential-offer://?credential_offer_uri=https%3A%2F%2Fissuer.example.com%2Foid4vci%2Fcredential-offers%2FREF_123-x",
                OfferJson.byReference(offerUri));
    }

    @Test
    void answersCreationWithOfferUrisAndTheTxCodeOnce() {
        CreatedOffer created = new CreatedOffer(offer(Optional.of(new TxCodeHash("h", 6, Optional.empty()))), "ref", "code",
                Optional.of("123456"));
        JsonObject json = OfferJson.created(ISSUER, created);
        assertEquals("offer-1", json.getString("id"));
        assertEquals("pending", json.getString("status"));
        assertEquals("123456", json.getString("tx_code"));
        assertEquals(ISSUER + "/oid4vci/credential-offers/ref", json.getString("credential_offer_uri"));
        assertEquals("code", json.getJsonObject("credential_offer").getJsonObject("grants").getJsonObject(GRANT)
                .getString("pre-authorized_code"));
        assertTrue(json.getString("credential_offer_by_value_uri").startsWith("openid-credential-offer://?credential_offer="));
        assertTrue(json.getString("credential_offer_by_reference_uri").startsWith("openid-credential-offer://?credential_offer_uri="));
        assertEquals("2026-11-23T12:15:00Z", json.getString("expires_at"));
    }

    @Test
    void reportsStatusAndIssuedCredentialsButNoSecretOrClaim() {
        JsonObject status = OfferJson.status(offer(Optional.of(new TxCodeHash("secret-hash", 6, Optional.empty()))),
                NOW.plusHours(1), List.of(new IssuedCredentialSummary("cred-1", "IdentityCredential", "dc+sd-jwt", "thumb", NOW)));
        assertEquals("expired", status.getString("status"));
        assertTrue(status.getBoolean("tx_code_required"));
        assertEquals("alice", status.getString("created_by"));
        assertEquals("cred-1", status.getJsonArray("credentials").getJsonObject(0).getString("credential_id"));
        assertFalse(status.toString().contains("secret-hash") || status.toString().contains("Erika")
                || status.toString().contains("code-hash"));
    }
}
