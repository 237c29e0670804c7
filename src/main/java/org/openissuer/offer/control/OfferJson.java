package org.openissuer.offer.control;

import java.io.StringReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import org.openissuer.offer.entity.CreatedOffer;
import org.openissuer.offer.entity.CredentialOffer;
import org.openissuer.offer.entity.IssuedCredentialSummary;
import org.openissuer.platform.Endpoints;
import org.openissuer.token.entity.TokenRequest;

/** The Credential Offer (OID4VCI 1.0 §4.1.1), its two wallet URIs (§4.1), and the back-office views of an offer. */
public final class OfferJson {

    public static final String BY_REFERENCE_PATH = Endpoints.CREDENTIAL_OFFERS + "/";
    public static final String ADMIN_PATH = Endpoints.ADMIN_CREDENTIAL_OFFERS + "/";
    // §4.1: the custom scheme a wallet registers for offers
    static final String SCHEME = "openid-credential-offer://";

    private OfferJson() {
    }

    /** §4.1.1: the same document by value and by reference, code and transaction code hint included. */
    public static JsonObject offer(String issuer, CredentialOffer offer, String preAuthorizedCode) {
        JsonObjectBuilder grant = Json.createObjectBuilder().add("pre-authorized_code", preAuthorizedCode);
        offer.txCode().ifPresent(txCode -> {
            JsonObjectBuilder hint = Json.createObjectBuilder().add("input_mode", "numeric").add("length", txCode.length());
            txCode.description().ifPresent(d -> hint.add("description", d));
            grant.add("tx_code", hint);
        });
        return Json.createObjectBuilder()
                .add("credential_issuer", issuer)
                .add("credential_configuration_ids", configurationIds(offer))
                .add("grants", Json.createObjectBuilder().add(TokenRequest.PRE_AUTHORIZED_GRANT, grant))
                .build();
    }

    public static String offerUri(String issuer, String reference) {
        return issuer + BY_REFERENCE_PATH + reference;
    }

    public static String byValue(JsonObject offer) {
        return SCHEME + "?credential_offer=" + percentEncode(offer.toString());
    }

    public static String byReference(String offerUri) {
        return SCHEME + "?credential_offer_uri=" + percentEncode(offerUri);
    }

    /** The 201 answer: everything the back office hands to the wallet user, the transaction code shown this once. */
    public static JsonObject created(String issuer, CreatedOffer created) {
        JsonObject offer = offer(issuer, created.offer(), created.preAuthorizedCode());
        String offerUri = offerUri(issuer, created.reference());
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("id", created.offer().id())
                .add("status", created.offer().status(created.offer().createdAt()).wire())
                .add("issuance", created.offer().isDeferred() ? "deferred" : "immediate")
                .add("expires_at", timestamp(created.offer().expiresAt()))
                .add("credential_offer", offer)
                .add("credential_offer_uri", offerUri)
                .add("credential_offer_by_value_uri", byValue(offer))
                .add("credential_offer_by_reference_uri", byReference(offerUri));
        created.txCode().ifPresent(code -> json.add("tx_code", code));
        return json.build();
    }

    /** GET /admin/credential-offers/{id}: state and issued credentials, never a secret or a claim value. */
    public static JsonObject status(CredentialOffer offer, OffsetDateTime now, List<IssuedCredentialSummary> issued) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("id", offer.id())
                .add("status", offer.status(now).wire())
                .add("credential_configuration_ids", configurationIds(offer))
                .add("subject", offer.subject())
                .add("tx_code_required", offer.txCode().isPresent())
                .add("issuance", offer.isDeferred() ? "deferred" : "immediate")
                .add("created_by", offer.createdBy())
                .add("created_at", timestamp(offer.createdAt()))
                .add("expires_at", timestamp(offer.expiresAt()));
        offer.redeemedAt().ifPresent(t -> json.add("redeemed_at", timestamp(t)));
        offer.revokedAt().ifPresent(t -> json.add("revoked_at", timestamp(t)));
        offer.revokedBy().ifPresent(by -> json.add("revoked_by", by));
        offer.invalidatedAt().ifPresent(t -> json.add("invalidated_at", timestamp(t)));
        JsonArrayBuilder credentials = Json.createArrayBuilder();
        for (IssuedCredentialSummary credential : issued) {
            JsonObjectBuilder c = Json.createObjectBuilder().add("credential_id", credential.credentialId())
                    .add("credential_configuration_id", credential.configurationId())
                    .add("issued_at", timestamp(credential.issuedAt()));
            if (credential.format() != null) {
                c.add("format", credential.format());
            }
            if (credential.holderKeyThumbprint() != null) {
                c.add("holder_key_thumbprint", credential.holderKeyThumbprint());
            }
            credentials.add(c);
        }
        return json.add("credentials", credentials).build();
    }

    public static JsonArray configurationIds(CredentialOffer offer) {
        return Json.createReader(new StringReader(offer.configurationIds())).readArray();
    }

    // RFC 3986 percent-encoding: URLEncoder is form encoding, which writes a space as '+'
    static String percentEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String timestamp(OffsetDateTime time) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
    }
}
