package org.openissuer.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class ClientAddressesTest {

    @Test
    void takesTheFirstForwardedHop() {
        assertEquals(Optional.of("203.0.113.7"), ClientAddresses.firstHop(" 203.0.113.7 , 10.0.0.1"));
        assertEquals(Optional.of("2001:db8::1"), ClientAddresses.firstHop("2001:db8::1"));
    }

    @Test
    void ignoresMissingOrImplausibleHops() {
        assertEquals(Optional.empty(), ClientAddresses.firstHop(null));
        assertEquals(Optional.empty(), ClientAddresses.firstHop(" , 10.0.0.1"));
        assertEquals(Optional.empty(), ClientAddresses.firstHop("x".repeat(65)));
        assertEquals(Optional.empty(), ClientAddresses.firstHop("1.2.3.4\r\nX: y"));
    }
}
