package org.openissuer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openissuer.testsupport.Deployments;
import org.openissuer.testsupport.IssuerIT;

/**
 * RFC 9112 §6.3: a request whose framing two parsers could read differently is refused and the
 * connection closed. WildFly's Undertow does so; Liberty 26's HTTP channel accepts all three and
 * hands the application a normalised request, so there a proxy must normalise (docs/security.md, "Limits
 * of the HTTP channel"). Neither refuses bare-LF line endings.
 */
@IssuerIT
class RequestFramingIT {

    @BeforeEach
    void onlyWhereTheServerRefusesThem() {
        assumeTrue("wildfly".equals(System.getProperty("it.server")), "Liberty's HTTP channel accepts these framings");
    }

    private static final Pattern STATUS_LINE = Pattern.compile("HTTP/1\\.1 (\\d{3})");
    private static final String SMUGGLED = "GET /.well-known/openid-credential-issuer HTTP/1.1\r\nHost: localhost\r\n\r\n";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.issuerWar();
    }

    private static void assertRefusedAndClosed(String answer) {
        Matcher m = STATUS_LINE.matcher(answer);
        int answers = 0;
        while (m.find()) {
            answers++;
        }
        assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
        assertEquals(1, answers, "the rest of the body ran as a second request:\n" + answer);
    }

    @Test
    void aContentLengthListIsRefusedAndNothingIsSmuggled() throws IOException {
        String body = SMUGGLED + "x".repeat(96 - SMUGGLED.length());
        assertRefusedAndClosed(HttpChannelIT.exchange("POST /oid4vci/nonce HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0, 96\r\n\r\n" + body));
    }

    @Test
    void aNegativeContentLengthIsRefused() throws IOException {
        assertRefusedAndClosed(HttpChannelIT.exchange("POST /oid4vci/nonce HTTP/1.1\r\nHost: localhost\r\nContent-Length: -1\r\n\r\n"));
    }

    @Test
    void contentLengthWithTransferEncodingIsRefused() throws IOException {
        assertRefusedAndClosed(HttpChannelIT.exchange("POST /oid4vci/nonce HTTP/1.1\r\nHost: localhost\r\nContent-Length: 5\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n" + SMUGGLED));
    }
}
