package org.openissuer.configuration;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.openissuer.platform.ConfigurationException;
import org.openissuer.testsupport.ConfigurationAssertions;

/** Asserts how the parser refuses a file: the property, then the file, then what is wrong. */
final class ParserRejections {

    static final String SOURCE = "test.json";

    private ParserRejections() {
    }

    static ConfigurationException rejects(String json, String... fragments) {
        ConfigurationException e = ConfigurationAssertions.assertRejected(CredentialConfigurationParser.PROPERTY,
                () -> CredentialConfigurationParser.parse(json, SOURCE), fragments);
        assertTrue(e.getMessage().startsWith("issuer.credential-configurations: " + SOURCE + " "), e.getMessage());
        return e;
    }
}
