package org.openissuer.webhooks.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TargetUrlTest {

    @ParameterizedTest
    @ValueSource(strings = {"https://crm.example.com/hooks/openissuer", "https://10.0.0.7:8443/h?x=1", "HTTPS://Example.COM/",
        "http://localhost:8080/hooks", "http://127.0.0.1:29099/a", "http://127.1.2.3/", "http://[::1]:9000/"})
    void acceptsHttpsAndPlainHttpToLoopback(String url) {
        assertEquals(url, TargetUrl.parse(url).toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://crm.example.com/hooks", "http://10.0.0.7/", "http://127.0.0.1.nip.io/",
        "http://localhost.example.com/", "http://128.0.0.1/", "http://127.0.0.256/", "http://0.0.0.0/",
        "ftp://example.com/", "https://user:pass@example.com/", "https://example.com/#top", "/relative",
        "mailto:hooks@example.com", "https:///nohost", "not a url"})
    void refusesEverythingElse(String url) {
        assertThrows(IllegalArgumentException.class, () -> TargetUrl.parse(url));
    }
}
