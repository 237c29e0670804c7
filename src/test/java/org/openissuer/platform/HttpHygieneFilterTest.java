package org.openissuer.platform;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.junit.jupiter.api.Test;

class HttpHygieneFilterTest {

    private static HttpServletRequest request(Map<String, List<String>> headers) {
        return (HttpServletRequest) Proxy.newProxyInstance(HttpServletRequest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getHeaders" -> Collections.enumeration(headers.getOrDefault((String) args[0], List.of()));
                    case "getHeader" -> headers.getOrDefault((String) args[0], List.of()).stream().findFirst().orElse(null);
                    default -> null;
                });
    }

    @Test
    void acceptsOneNonNegativeLengthOrChunkedAlone() {
        assertNull(HttpHygieneFilter.framingRefusal(request(Map.of())));
        assertNull(HttpHygieneFilter.framingRefusal(request(Map.of("Content-Length", List.of("96")))));
        assertNull(HttpHygieneFilter.framingRefusal(request(Map.of("Transfer-Encoding", List.of("chunked")))));
    }

    @Test
    void takesIdenticalLengthsAsOne() {
        // RFC 9110 §8.6; Liberty's HTTP/2 channel repeats the length of every request with a body
        assertNull(HttpHygieneFilter.framingRefusal(request(Map.of("Content-Length", List.of("5", "5")))));
        assertNull(HttpHygieneFilter.framingRefusal(request(Map.of("Content-Length", List.of("5, 5")))));
    }

    @Test
    void refusesWhatCouldBeReadTwoWays() {
        for (Map<String, List<String>> headers : List.of(Map.of("Content-Length", List.of("0, 96")),
                Map.of("Content-Length", List.of("-1")), Map.of("Content-Length", List.of("+5")),
                Map.of("Content-Length", List.of("5", "6")), Map.of("Content-Length", List.of("5, 6")),
                Map.of("Content-Length", List.of("5,")), Map.of("Content-Length", List.of("1".repeat(30))),
                Map.of("Content-Length", List.of("5"), "Transfer-Encoding", List.of("chunked")))) {
            assertNotNull(HttpHygieneFilter.framingRefusal(request(headers)), headers.toString());
        }
    }
}
