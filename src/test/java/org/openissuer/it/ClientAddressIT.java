package org.openissuer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.openissuer.testsupport.AdminTokens;
import org.openissuer.testsupport.Database;
import org.openissuer.testsupport.Deployments;
import org.openissuer.testsupport.Http;
import org.openissuer.testsupport.IssuerIT;
import org.openissuer.testsupport.Offers;

/**
 * Behind a trusted proxy (the ITs run with issuer.rate-limit.trust-forwarded-for=true) every audit
 * row names the client of X-Forwarded-For, not the proxy, whichever endpoint wrote it.
 */
@IssuerIT
class ClientAddressIT {

    private static final String CLIENT = "203.0.113.7";
    private static final String FORWARDED_FOR = "X-Forwarded-For";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.issuerWar();
    }

    @Test
    void auditRowsNameTheForwardedClientOnEveryEndpoint() throws Exception {
        HttpResponse<String> created = Http.post("/admin/credential-offers", Offers.identityOffer("it-" + UUID.randomUUID(), null),
                "Content-Type", "application/json", "Authorization", AdminTokens.token().bearer(), FORWARDED_FOR, CLIENT);
        assertEquals(201, created.statusCode(), created.body());

        HttpResponse<String> unauthenticated = Http.post("/admin/credential-offers", Offers.identityOffer("s", null),
                "Content-Type", "application/json", FORWARDED_FOR, CLIENT);
        assertEquals(401, unauthenticated.statusCode(), unauthenticated.body());

        HttpResponse<String> unknownOffer = Http.get("/oid4vci/credential-offers/no-such-reference-" + UUID.randomUUID(),
                FORWARDED_FOR, CLIENT);
        assertEquals(404, unknownOffer.statusCode(), unknownOffer.body());

        HttpResponse<String> token = Http.post("/oid4vci/token",
                "grant_type=" + Offers.PRE_AUTHORIZED_GRANT.replace(":", "%3A") + "&pre-authorized_code=unknown-code",
                "Content-Type", "application/x-www-form-urlencoded", FORWARDED_FOR, CLIENT);
        assertEquals(400, token.statusCode(), token.body());

        List<String> wrong = new ArrayList<>();
        for (HttpResponse<String> response : List.of(created, unauthenticated, unknownOffer, token)) {
            String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();
            List<String> addresses = clientAddresses(requestId);
            String request = response.request().method() + " " + response.request().uri().getPath();
            assertFalse(addresses.isEmpty(), "no audit rows for " + request);
            if (!addresses.stream().allMatch(CLIENT::equals)) {
                wrong.add(request + " " + addresses);
            }
        }
        assertEquals(List.of(), wrong, "audit rows whose client_address is not " + CLIENT);
    }

    private static List<String> clientAddresses(String requestId) throws Exception {
        try (Connection db = Database.connect();
                PreparedStatement query = db.prepareStatement(
                        "SELECT client_address FROM issuance_event WHERE request_id = ? ORDER BY id")) {
            query.setString(1, requestId);
            List<String> addresses = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    addresses.add(rows.getString(1));
                }
            }
            return addresses;
        }
    }
}
