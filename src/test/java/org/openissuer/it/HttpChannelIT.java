package org.openissuer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.openissuer.testsupport.Deployments;
import org.openissuer.testsupport.Http;
import org.openissuer.testsupport.IssuerIT;

/** What reaches the wire for hostile paths, and the headers every answer carries. */
@IssuerIT
class HttpChannelIT {

    private static final Pattern STATUS_LINE = Pattern.compile("HTTP/1\\.1 (\\d{3})");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.issuerWar();
    }

    /** Everything the server writes on one connection until it closes it or goes quiet. */
    static String exchange(String raw) throws IOException {
        try (Socket socket = new Socket("localhost", Integer.parseInt(System.getProperty("it.http.port", "19080")))) {
            socket.setSoTimeout(3_000);
            OutputStream out = socket.getOutputStream();
            out.write(raw.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) >= 0;) {
                    answer.write(buffer, 0, n);
                }
            } catch (SocketTimeoutException | java.net.SocketException quiet) {
                // the connection stayed open (or was reset): what arrived is the answer
            }
            return answer.toString(StandardCharsets.ISO_8859_1);
        }
    }

    private static int statusCount(String answer) {
        Matcher m = STATUS_LINE.matcher(answer);
        int count = 0;
        while (m.find()) {
            count++;
        }
        return count;
    }

    @Test
    void hostilePathsNameNoProduct() throws IOException {
        for (String path : new String[] {"/oid4vci/credential-offers/%00", "/oid4vci/credential-offers/%", "/%2e%2e/", "/..;/",
                "/oid4vci/%2e%2e/%2e%2e/etc/passwd"}) {
            String answer = exchange("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            String lower = answer.toLowerCase(Locale.ROOT);
            assertTrue(answer.startsWith("HTTP/1.1 4"), path + "\n" + answer);
            if (!"wildfly".equals(System.getProperty("it.server"))) {
                // Liberty adds the endpoint's headers to its channel's own answers; Undertow's are bare
                assertTrue(lower.contains("\nx-content-type-options: nosniff"), answer);
            }
            // Liberty's channel still answers %00 with its own CWWWC0005I line (docs/security.md, "Limits of the HTTP channel")
            for (String tell : new String[] {"srve", "liberty", "websphere", "exception", "\tat ", "\nserver:", "x-powered-by"}) {
                assertFalse(lower.contains(tell), path + " names the product (" + tell + "):\n" + answer);
            }
        }
    }

    @Test
    void whatTheChannelRefusesItselfNamesNoServer() throws IOException {
        String nonce = "POST /oid4vci/nonce HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\n";
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 120; i++) {
            many.append("X-H").append(i).append(": v\r\n");
        }
        for (String raw : new String[] {nonce + "X-Big: " + "a".repeat(9_000) + "\r\n\r\n", nonce + many + "\r\n",
                "GET /" + "a".repeat(9_000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n", nonce + "no colon here\r\n\r\n",
                "POST /openapi HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"}) {
            String answer = exchange(raw).toLowerCase(Locale.ROOT);
            // a 4xx or a closed connection; never a 5xx, a Server header or a product name
            assertFalse(answer.startsWith("http/1.1 5"), answer);
            for (String tell : new String[] {"\nserver:", "x-powered-by", "liberty", "websphere", "wildfly", "undertow"}) {
                assertFalse(answer.contains(tell), tell + " in\n" + answer);
            }
        }
    }

    @Test
    void answersCarryNoSniffAndPagesCannotBeFramed() {
        HttpResponse<String> metadata = Http.get("/.well-known/openid-credential-issuer");
        assertEquals("nosniff", metadata.headers().firstValue("X-Content-Type-Options").orElse(null));
        HttpResponse<String> ui = Http.get("/openapi/ui/");
        assertTrue(ui.headers().allValues("Content-Security-Policy").contains("frame-ancestors 'none'"), ui.headers().toString());
        assertEquals("nosniff", ui.headers().firstValue("X-Content-Type-Options").orElse(null));
    }
}
