package org.openissuer.offer.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openissuer.testsupport.CredentialConfigurationBuilder.claimDefinition;
import static org.openissuer.testsupport.CredentialConfigurationBuilder.element;
import static org.openissuer.testsupport.CredentialConfigurationBuilder.mdocConfiguration;
import static org.openissuer.testsupport.CredentialConfigurationBuilder.sdJwtConfiguration;

import java.util.List;

import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;
import org.openissuer.configuration.CredentialConfiguration;
import org.openissuer.error.IssuerError;
import org.openissuer.error.IssuerException;
import org.openissuer.mdoc.entity.ElementType;
import org.openissuer.testsupport.Jsons;

class OfferedClaimsTest {

    private static final CredentialConfiguration IDENTITY = sdJwtConfiguration("Identity")
            .claim(claimDefinition(true, true, JsonValue.EMPTY_JSON_ARRAY, "given_name"))
            .claim(claimDefinition(false, true, JsonValue.EMPTY_JSON_ARRAY, "address"))
            .claim(claimDefinition(true, true, JsonValue.EMPTY_JSON_ARRAY, "address", "country"))
            .claim(claimDefinition(false, true, JsonValue.EMPTY_JSON_ARRAY, "address", "locality"))
            .claim(claimDefinition(false, true, JsonValue.EMPTY_JSON_ARRAY, "nationalities"))
            .claim(claimDefinition(false, true, JsonValue.EMPTY_JSON_ARRAY, "degrees"))
            .claim(claimDefinition(true, true, JsonValue.EMPTY_JSON_ARRAY, "degrees", null, "type"))
            .build();
    private static final CredentialConfiguration EMPLOYEE = sdJwtConfiguration("Employee")
            .claim(claimDefinition(true, true, JsonValue.EMPTY_JSON_ARRAY, "employee_id"))
            .build();

    private static final CredentialConfiguration MDL = mdocConfiguration("Mdl", "org.iso.18013.5.1.mDL")
            .claim(element("org.iso.18013.5.1", "family_name", ElementType.TSTR, true))
            .claim(element("org.iso.18013.5.1", "birth_date", ElementType.FULL_DATE, false))
            .claim(element("org.iso.18013.5.1", "portrait", ElementType.BSTR, false))
            .build();

    private static void check(String claims, CredentialConfiguration... configurations) {
        OfferedClaims.check(Jsons.object(claims), List.of(configurations));
    }

    private static String refusal(String claims, CredentialConfiguration... configurations) {
        IssuerException e = assertThrows(IssuerException.class, () -> check(claims, configurations));
        assertEquals(IssuerError.INVALID_REQUEST, e.error());
        return e.description();
    }

    @Test
    void anMdocElementsValueMustFitItsType() {
        assertDoesNotThrow(() -> check("{'org.iso.18013.5.1': {'family_name': 'Doe', 'birth_date': '1990-02-28',"
                + " 'portrait': '_9j_4AAQ'}}", MDL));
        // ISO 18013-5 §7.2.1: full-date is a calendar date, a portrait bytes
        String description = refusal("{'org.iso.18013.5.1': {'family_name': 'Doe', 'birth_date': '1990-02-30'}}", MDL);
        assertTrue(description.contains("org.iso.18013.5.1/birth_date"), description);
        assertTrue(description.startsWith("claims of Mdl: "), description);
        refusal("{'org.iso.18013.5.1': {'family_name': 42}}", MDL);
        refusal("{'org.iso.18013.5.1': {'family_name': 'Doe', 'portrait': 'not base64!'}}", MDL);
        // the same types hold for a deferred offer's partial data
        assertThrows(IssuerException.class, () -> OfferedClaims.checkDeclared(
                Jsons.object("{'org.iso.18013.5.1': {'birth_date': 'yesterday'}}"), List.of(MDL)));
    }

    @Test
    void anMdocElementIsDeclaredByNamespaceAndIdentifier() {
        assertTrue(refusal("{'org.iso.18013.5.1': {'family_name': 'Doe', 'hair_colour': 'brown'}}", MDL)
                .contains("org.iso.18013.5.1.hair_colour"));
        assertTrue(refusal("{'org.iso.18013.5.1': {}}", MDL).contains("family_name"));
    }

    @Test
    void acceptsDeclaredClaimsNestedObjectsAndArrays() {
        assertDoesNotThrow(() -> check("{'given_name': 'Erika', 'address': {'country': 'DE', 'locality': 'Berlin'},"
                + " 'nationalities': ['DE', 'FR'], 'degrees': [{'type': 'BSc'}, {'type': 'MSc'}]}", IDENTITY));
    }

    @Test
    void acceptsAnyValueOfADeclaredClaimWithoutDeclaredChildren() {
        assertDoesNotThrow(() -> check("{'given_name': {'any': ['thing']}, 'nationalities': [{'x': 1}]}", IDENTITY));
    }

    @Test
    void aDeferredOffersPartialClaimsNeedOnlyBeDeclared() {
        // the mandatory given_name comes with the approval
        assertDoesNotThrow(() -> OfferedClaims.checkDeclared(Jsons.object("{'address': {'locality': 'Berlin'}}"),
                List.of(IDENTITY)));
        assertDoesNotThrow(() -> OfferedClaims.checkDeclared(JsonValue.EMPTY_JSON_OBJECT, List.of(IDENTITY)));
        assertThrows(IssuerException.class, () -> OfferedClaims.checkDeclared(Jsons.object("{'shoe_size': 42}"),
                List.of(IDENTITY)));
        assertTrue(refusal("{'address': {'locality': 'Berlin'}}", IDENTITY).contains("given_name"));
    }

    @Test
    void namesAnUnknownTopLevelClaim() {
        assertTrue(refusal("{'given_name': 'Erika', 'shoe_size': 42}", IDENTITY).contains("shoe_size"));
    }

    @Test
    void namesAnUnknownNestedClaim() {
        assertTrue(refusal("{'given_name': 'Erika', 'address': {'country': 'DE', 'planet': 'Earth'}}", IDENTITY)
                .contains("address.planet"));
        assertTrue(refusal("{'given_name': 'E', 'degrees': [{'type': 'BSc', 'grade': 1}]}", IDENTITY).contains("degrees.0.grade"));
    }

    @Test
    void namesAMissingMandatoryClaimAndItsConfiguration() {
        String description = refusal("{'address': {'country': 'DE'}}", IDENTITY);
        assertTrue(description.contains("given_name") && description.contains("Identity"), description);
    }

    @Test
    void treatsNullAsMissing() {
        assertTrue(refusal("{'given_name': null}", IDENTITY).contains("given_name"));
    }

    @Test
    void requiresANestedMandatoryClaimOnlyWhereItsParentIsPresent() {
        assertDoesNotThrow(() -> check("{'given_name': 'Erika'}", IDENTITY));
        assertTrue(refusal("{'given_name': 'Erika', 'address': {'locality': 'Berlin'}}", IDENTITY).contains("address.country"));
        assertTrue(refusal("{'given_name': 'E', 'degrees': [{'type': 'BSc'}, {}]}", IDENTITY).contains("degrees.[].type"));
    }

    @Test
    void refusesAScalarWhereTheConfigurationDeclaresClaimsInside() {
        assertTrue(refusal("{'given_name': 'Erika', 'address': 'Berlin'}", IDENTITY).contains("address"));
    }

    @Test
    void acceptsClaimsOfAnyOfferedConfigurationAndRequiresTheMandatoryOnesOfEach() {
        assertDoesNotThrow(() -> check("{'given_name': 'Erika', 'employee_id': 'E-1'}", IDENTITY, EMPLOYEE));
        assertTrue(refusal("{'given_name': 'Erika'}", IDENTITY, EMPLOYEE).contains("employee_id"));
        assertTrue(refusal("{'employee_id': 'E-1', 'given_name': 'E'}", EMPLOYEE).contains("given_name"));
    }
}
