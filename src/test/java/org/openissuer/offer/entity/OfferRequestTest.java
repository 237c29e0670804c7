package org.openissuer.offer.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openissuer.error.IssuerError;
import org.openissuer.error.IssuerException;

class OfferRequestTest {

    private static OfferRequest parse(String singleQuoted) {
        return OfferRequest.parse(singleQuoted.replace('\'', '"'));
    }

    private static IssuerException refused(String singleQuoted) {
        IssuerException e = assertThrows(IssuerException.class, () -> parse(singleQuoted));
        assertEquals(IssuerError.INVALID_REQUEST, e.error());
        return e;
    }

    @Test
    void readsConfigurationsSubjectClaimsAndDefaultsTheRest() {
        OfferRequest request = parse("{'credential_configuration_ids': ['A', 'B'], 'subject': 's-1', 'claims': {'x': 1}}");
        assertEquals(List.of("A", "B"), request.configurationIds());
        assertEquals("s-1", request.subject());
        assertEquals(1, request.claims().getInt("x"));
        assertTrue(request.txCode().isEmpty());
        assertTrue(request.expiresIn().isEmpty());
    }

    @Test
    void readsTxCodeAsFlagOrAsObjectWithLengthAndDescription() {
        assertTrue(parse("{'credential_configuration_ids': ['A'], 'subject': 's', 'claims': {}, 'tx_code': true}")
                .txCode().orElseThrow().length().isEmpty());
        assertTrue(parse("{'credential_configuration_ids': ['A'], 'subject': 's', 'claims': {}, 'tx_code': false}")
                .txCode().isEmpty());
        OfferRequest.TxCodeRequest txCode = parse("{'credential_configuration_ids': ['A'], 'subject': 's', 'claims': {},"
                + " 'tx_code': {'length': 8, 'description': 'sent by letter'}}").txCode().orElseThrow();
        assertEquals(Optional.of(8), txCode.length());
        assertEquals(Optional.of("sent by letter"), txCode.description());
    }

    @Test
    void readsExpiresIn() {
        assertEquals(60, parse("{'credential_configuration_ids': ['A'], 'subject': 's', 'claims': {}, 'expires_in': 60}")
                .expiresIn().getAsLong());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "[]",
        "not json",
        "{'subject': 's', 'claims': {}}",
        "{'credential_configuration_ids': [], 'subject': 's', 'claims': {}}",
        "{'credential_configuration_ids': 'A', 'subject': 's', 'claims': {}}",
        "{'credential_configuration_ids': [1], 'subject': 's', 'claims': {}}",
        "{'credential_configuration_ids': ['A', 'A'], 'subject': 's', 'claims': {}}",
        "{'credential_configuration_ids': ['A'], 'claims': {}}",
        "{'credential_configuration_ids': ['A'], 'subject': '', 'claims': {}}",
        "{'credential_configuration_ids': ['A'], 'subject': 7, 'claims': {}}",
        "{'credential_configuration_ids': ['A'], 'subject': 's'}",
        "{'credential_configuration_ids': ['A'], 'subject': 's', 'claims': []}",
        "{'credential_configuration_ids': ['A'], 'subject': 's', 'claims': {}, 'tx_code': 'yes'}",
        "{'credential_configuration_ids': ['A'], 'subject': 's', 'claims': {}, 'tx_code': {'length': 'six'}}",
        "{'credential_configuration_ids': ['A'], 'subject': 's', 'claims': {}, 'tx_code': {'description': 5}}",
        "{'credential_configuration_ids': ['A'], 'subject': 's', 'claims': {}, 'expires_in': 0}",
        "{'credential_configuration_ids': ['A'], 'subject': 's', 'claims': {}, 'expires_in': -5}",
        "{'credential_configuration_ids': ['A'], 'subject': 's', 'claims': {}, 'expires_in': 1.5}",
        "{'credential_configuration_ids': ['A'], 'subject': 's', 'claims': {}, 'expires_in': 99999999999999999999999}"})
    void refusesMalformedBodiesWithInvalidRequest(String body) {
        refused(body);
    }

    @Test
    void refusesASubjectLongerThan255Characters() {
        IssuerException e = refused("{'credential_configuration_ids': ['A'], 'subject': '" + "x".repeat(256) + "', 'claims': {}}");
        assertTrue(e.description().contains("255"));
    }

    @Test
    void refusesATxCodeDescriptionLongerThan300Characters() {
        refused("{'credential_configuration_ids': ['A'], 'subject': 's', 'claims': {}, 'tx_code': {'description': '"
                + "d".repeat(301) + "'}}");
    }

    @Test
    void refusesASubjectWithControlCharacters() {
        refused("{'credential_configuration_ids': ['A'], 'subject': 'a\\nb', 'claims': {}}");
    }

    @Test
    void anOfferIsImmediateUnlessItAsksForDeferredIssuance() {
        assertFalse(parse("{'credential_configuration_ids': ['A'], 'subject': 's', 'claims': {}}").deferred());
        assertFalse(parse("{'credential_configuration_ids': ['A'], 'subject': 's', 'claims': {}, 'issuance': 'immediate'}")
                .deferred());
        OfferRequest deferred = parse("{'credential_configuration_ids': ['A'], 'subject': 's', 'issuance': 'deferred',"
                + " 'deferred_expires_in': 3600}");
        assertTrue(deferred.deferred());
        assertEquals(3600, deferred.deferredExpiresIn().getAsLong());
        // the claims may come with the approval
        assertTrue(deferred.claims().isEmpty());
    }

    @Test
    void refusesAnUnknownIssuanceModeAndADeferredExpiryOfAnImmediateOffer() {
        refused("{'credential_configuration_ids': ['A'], 'subject': 's', 'claims': {}, 'issuance': 'later'}");
        refused("{'credential_configuration_ids': ['A'], 'subject': 's', 'claims': {}, 'issuance': true}");
        refused("{'credential_configuration_ids': ['A'], 'subject': 's', 'claims': {}, 'deferred_expires_in': 60}");
        refused("{'credential_configuration_ids': ['A'], 'subject': 's', 'issuance': 'deferred', 'deferred_expires_in': 0}");
        // an immediate offer still needs its claims
        refused("{'credential_configuration_ids': ['A'], 'subject': 's'}");
    }
}
