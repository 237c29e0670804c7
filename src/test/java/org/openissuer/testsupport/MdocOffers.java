package org.openissuer.testsupport;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

import jakarta.json.JsonObject;

/** Offers of the built-in mdoc configurations (an mDL and an EU PID), as a back office would create them. */
public final class MdocOffers {

    public static final String MDL = "org.iso.18013.5.1.mDL";
    public static final String MDL_NAMESPACE = "org.iso.18013.5.1";
    public static final String PID = "eu.europa.ec.eudi.pid_mso_mdoc";
    public static final String PID_DOCTYPE = "eu.europa.ec.eudi.pid.1";
    /** A few bytes standing for a JPEG portrait (its start of image marker and more). */
    public static final String PORTRAIT = "_9j_4AAQSkZJRgABAQ";

    private MdocOffers() {
    }

    /** The mDL's data as JSON with single quotes; {@code element} (if not null) gets {@code value}, or is left out for null. */
    public static String mdlClaims(String element, String value) {
        Map<String, String> claims = new LinkedHashMap<>();
        claims.put("family_name", "'Mustermann'");
        claims.put("given_name", "'Erika'");
        claims.put("birth_date", "'1964-08-12'");
        claims.put("issue_date", "'2024-01-15'");
        claims.put("expiry_date", "'2039-01-14'");
        claims.put("issuing_country", "'DE'");
        claims.put("issuing_authority", "'Kraftfahrt-Bundesamt'");
        claims.put("document_number", "'B072RRE2I55'");
        claims.put("portrait", "'" + PORTRAIT + "'");
        claims.put("un_distinguishing_sign", "'D'");
        claims.put("age_over_18", "true");
        claims.put("driving_privileges", "[{'vehicle_category_code': 'B', 'issue_date': '2024-01-15', 'expiry_date': '2039-01-14'}]");
        if (element != null) {
            if (value == null) {
                claims.remove(element);
            } else {
                claims.put(element, value);
            }
        }
        StringJoiner json = new StringJoiner(", ", "{", "}");
        claims.forEach((name, v) -> json.add("'" + name + "': " + v));
        return json.toString();
    }

    public static String pidClaims() {
        return "{'family_name': 'Mustermann', 'given_name': 'Erika', 'birth_date': '1964-08-12', 'nationality': ['DE'],"
                + " 'age_over_18': true, 'expiry_date': '2031-12-31', 'issuing_authority': 'Bundesdruckerei',"
                + " 'issuing_country': 'DE'}";
    }

    /** An offer body for POST /admin/credential-offers, written with single quotes. */
    public static String offer(String subject, String configurationIds, String claims) {
        return ("{'credential_configuration_ids': [" + configurationIds + "], 'subject': '" + subject + "', 'claims': "
                + claims + "}").replace('\'', '"');
    }

    /** An offer of both built-in mdocs, redeemed: the access token. */
    public static String tokenForBoth(String subject) {
        HttpResponse<String> created = Offers.post(offer(subject, "'" + MDL + "', '" + PID + "'",
                "{'" + MDL_NAMESPACE + "': " + mdlClaims(null, null) + ", '" + PID_DOCTYPE + "': " + pidClaims() + "}"));
        if (created.statusCode() != 201) {
            throw new AssertionError("offer not created: " + created.statusCode() + " " + created.body());
        }
        return Http.json(Offers.redeem(Offers.code(Http.json(created)), null)).getString("access_token");
    }

    /** The trust anchor the issuer publishes for mdoc verifiers. */
    public static X509Certificate publishedRoot() {
        HttpResponse<String> pem = Http.get("/certificates/iaca.pem");
        if (pem.statusCode() != 200) {
            throw new AssertionError("no published root: " + pem.statusCode());
        }
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.body().getBytes(StandardCharsets.US_ASCII)));
        } catch (Exception e) {
            throw new AssertionError("the published root is no certificate", e);
        }
    }

    public static String credential(JsonObject response, int index) {
        return response.getJsonArray("credentials").getJsonObject(index).getString("credential");
    }
}
