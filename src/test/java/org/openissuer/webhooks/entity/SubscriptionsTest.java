package org.openissuer.webhooks.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openissuer.platform.ConfigurationException;

class SubscriptionsTest {

    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    private static String file(String subscription) {
        return ("{'subscriptions': [" + subscription + "]}").replace('\'', '"');
    }

    private static String entry(String extra) {
        return "{'id': 'crm', 'url': 'https://crm.example.com/hooks', 'secret': '" + SECRET + "', 'event_types': "
                + "['credential.issued', 'OPENID_CREDENTIAL_FAIL']" + extra + "}";
    }

    @Test
    void readsASubscriptionWithItsFilters() {
        Subscriptions parsed = Subscriptions.parse(file(entry(", 'subject_prefix': 'employee-',"
                + " 'credential_configuration_ids': ['IdentityCredential']")), "hooks.json");

        Subscription crm = parsed.byId("crm").orElseThrow();
        assertEquals("https://crm.example.com/hooks", crm.url().toString());
        assertEquals(WebhookSecret.parse(SECRET), crm.secret());
        // aliases become the canonical names, as in the events API's filter
        assertEquals(Set.of("credential.issued", "credential.request.failed"), crm.eventTypes());
        assertFalse(crm.allTypes());
        assertEquals(Optional.of("employee-"), crm.subjectPrefix());
        assertEquals(Set.of("IdentityCredential"), crm.configurationIds());
    }

    @Test
    void acceptsAllTypesAsAStar() {
        Subscription all = Subscriptions.parse(file("{'id': 'siem', 'url': 'http://localhost:9000/', 'secret': '" + SECRET
                + "', 'event_types': ['*']}"), "hooks.json").all().get(0);
        assertTrue(all.allTypes());
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "not json                                                              | is not a JSON object",
        "{'subscriptions': []} {}                                              | is not a JSON object",
        "{'subscriptions': []}                                                 | non-empty array 'subscriptions'",
        "{'hooks': []}                                                         | unknown member 'hooks'",
        "{'subscriptions': [1]}                                                | is not an object",
    })
    void refusesAMalformedFile(String json, String problem) {
        assertRefused(json.replace('\'', '"'), problem);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "{'url': 'https://a.example/', 'secret': 'S', 'event_types': ['*']}                   | needs an 'id'",
        "{'id': 'a b', 'url': 'https://a.example/', 'secret': 'S', 'event_types': ['*']}      | .id must be",
        "{'id': 'a', 'secret': 'S', 'event_types': ['*']}                                     | needs a 'url'",
        "{'id': 'a', 'url': 'http://a.example/', 'secret': 'S', 'event_types': ['*']}         | url must use https",
        "{'id': 'a', 'url': 'https://a.example/', 'event_types': ['*']}                       | needs a 'secret'",
        "{'id': 'a', 'url': 'https://a.example/', 'secret': 'MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', 'event_types': ['*']} | must start with whsec_",
        "{'id': 'a', 'url': 'https://a.example/', 'secret': 'whsec_c2hvcnQ=', 'event_types': ['*']}  | 24 to 64 bytes",
        "{'id': 'a', 'url': 'https://a.example/', 'secret': 'whsec_!!!', 'event_types': ['*']}  | standard base64",
        "{'id': 'a', 'url': 'https://a.example/', 'secret': 'S'}                              | needs 'event_types'",
        "{'id': 'a', 'url': 'https://a.example/', 'secret': 'S', 'event_types': []}           | non-empty array",
        "{'id': 'a', 'url': 'https://a.example/', 'secret': 'S', 'event_types': ['credential.isued']} | unknown event type 'credential.isued'",
        "{'id': 'a', 'url': 'https://a.example/', 'secret': 'S', 'event_types': ['*', 'offer.created']} | either",
        "{'id': 'a', 'url': 'https://a.example/', 'secret': 'S', 'event_types': ['*'], 'subject_prefix': ''} | subject_prefix",
        "{'id': 'a', 'url': 'https://a.example/', 'secret': 'S', 'event_types': ['*'], 'filter': 'x'} | unknown member 'filter'",
        "{'id': 'a', 'url': 'https://a.example/', 'secret': 'S', 'event_types': ['*'], 'credential_configuration_ids': 'X'} | non-empty array of strings",
    })
    void refusesABadSubscription(String entry, String problem) {
        assertRefused(file(entry.replace("'S'", "'" + SECRET + "'")), problem);
    }

    @Test
    void refusesTwoSubscriptionsWithOneId() {
        assertRefused(file(entry("") + ", " + entry("")), "two subscriptions with id 'crm'");
    }

    @Test
    void neverTellsTheSecretInItsMessage() {
        String secret = "whsec_" + "A".repeat(120);
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> Subscriptions.parse(file(
                "{'id': 'a', 'url': 'https://a.example/', 'secret': '" + secret + "', 'event_types': ['*']}"), "f"));
        assertFalse(e.getMessage().contains("AAAA"), e.getMessage());
        assertEquals("whsec_(hidden)", WebhookSecret.parse(SECRET).toString());
    }

    private static void assertRefused(String json, String problem) {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> Subscriptions.parse(json, "hooks.json"));
        // like every configuration error: the property first, so the operator knows what to fix
        assertTrue(e.getMessage().startsWith("issuer.webhooks.subscriptions: hooks.json "), e.getMessage());
        assertTrue(e.getMessage().contains(problem.strip()), () -> e.getMessage() + " lacks " + problem);
    }
}
