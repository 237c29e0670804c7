package org.openissuer.configuration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openissuer.configuration.ParserRejections.rejects;
import static org.openissuer.testsupport.ClaimJson.claim;
import static org.openissuer.testsupport.ClaimJson.claimAt;
import static org.openissuer.testsupport.CredentialConfigurationJson.sdJwt;
import static org.openissuer.testsupport.Jsons.json;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openissuer.testsupport.ClaimJson;
import org.openissuer.testsupport.CredentialConfigurationsFile;

/** The "claims" of a credential configuration: paths (OID4VCI 1.0 Appendix C), flags and reserved names. */
class CredentialConfigurationParserClaimsTest {

    @Test
    void readsPathsWithNamesIndexesAndNull() {
        List<ClaimDefinition> claims = parse(claim("nationalities"), claimAt("['nationalities', null]"),
                claim("degrees"), claimAt("['degrees', 0]"), claimAt("['degrees', 0, 'title']"));

        assertEquals(Arrays.asList("nationalities", ClaimDefinition.NullSegment.ALL), claims.get(1).path());
        assertEquals(List.of("degrees", 0), claims.get(3).path());
        assertEquals(List.of("degrees", 0, "title"), claims.get(4).path());
        assertEquals("title", claims.get(4).name());
    }

    @Test
    void readsMandatoryAndSelectivelyDisclosable() {
        List<ClaimDefinition> claims = parse(claim("given_name").mandatory(true).selectivelyDisclosable(false),
                claim("email").mandatory(false).selectivelyDisclosable(true));

        assertTrue(claims.get(0).mandatory());
        assertFalse(claims.get(0).selectivelyDisclosable());
        assertFalse(claims.get(1).mandatory());
        assertTrue(claims.get(1).selectivelyDisclosable());
    }

    @Test
    void allowsReservedNamesBelowTheTopLevel() {
        // Only top-level JWT claims are the issuer's (SD-JWT VC §3.2.2.2); a nested "iss" is subject data
        List<ClaimDefinition> claims = parse(claim("employer"), claim("employer", "iss"), claim("employer", "status"));

        assertEquals(List.of("employer", "status"), claims.get(2).path());
    }

    @Test
    void allowsAConfigurationWithoutClaims() {
        assertTrue(parse().isEmpty());
    }

    @Test
    void rejectsClaimWithEmptyPath() {
        rejectsClaims("a claim needs a non-empty 'path' array", claimAt("[]"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "'given_name'", "{'name': 'given_name'}", "null", "7" })
    void rejectsPathThatIsNoArray(String path) {
        rejectsClaims("a claim needs a non-empty 'path' array", claimAt(path));
    }

    @Test
    void rejectsClaimWithoutPath() {
        rejectsClaims("a claim needs a non-empty 'path' array", claim("x").remove("path").mandatory(true));
    }

    @Test
    void rejectsPathStartingWithNull() {
        rejectsClaims("must start with a claim name", claimAt("[null]"));
    }

    @Test
    void rejectsPathStartingWithAnIndex() {
        rejectsClaims("must start with a claim name", claimAt("[0, 'x']"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "['degrees', -1]", "['degrees', 1.5]", "['degrees', 0.5]", "['degrees', 1e-1]" })
    void rejectsIndexThatIsNoNonNegativeInteger(String path) {
        rejectsClaims("not a non-negative integer", claim("degrees"), claimAt(path));
    }

    @ParameterizedTest
    @ValueSource(strings = { "['degrees', 2147483648]", "['degrees', 4294967296]", "['degrees', 5000000000]", "['degrees', 1e40]" })
    void rejectsIndexBeyondTheIntRangeInsteadOfWrappingIt(String path) {
        rejectsClaims("not a non-negative integer", claim("degrees"), claimAt(path));
    }

    @Test
    void acceptsTheLargestIntIndex() {
        assertEquals(List.of("degrees", Integer.MAX_VALUE), parse(claim("degrees"), claimAt("['degrees', 2147483647]")).get(1).path());
    }

    @ParameterizedTest
    @ValueSource(strings = { "['degrees', true]", "['degrees', {}]", "['degrees', ['x']]" })
    void rejectsPathSegmentsOfOtherTypes(String path) {
        rejectsClaims("may hold only strings, null and non-negative integers", claim("degrees"), claimAt(path));
    }

    @Test
    void rejectsClaimThatIsNoObject() {
        rejects("{\"credential_configurations\": {\"Pid\": {\"format\": \"dc+sd-jwt\", \"scope\": \"pid\", \"vct\": \"v\","
                + " \"claims\": [[\"given_name\"]]}}}", "every entry of claims must be an object");
    }

    @Test
    void rejectsClaimsThatIsNoArray() {
        rejects(CredentialConfigurationsFile.with(sdJwt("Pid").set("claims", json("{'path': ['a']}"))).toJson(),
                "'claims' must be an array");
    }

    @Test
    void rejectsDuplicateClaimPath() {
        rejectsClaims("[\"address\",\"locality\"] is declared twice",
                claim("address"), claim("address", "locality"), claim("address", "locality").mandatory(true));
    }

    @Test
    void rejectsNestedClaimWithoutDeclaredParent() {
        rejectsClaims("its parent [address] must be declared before it", claim("address", "locality"));
    }

    @Test
    void rejectsNestedClaimDeclaredBeforeItsParent() {
        rejectsClaims("must be declared before it", claim("address", "locality"), claim("address"));
    }

    @Test
    void rejectsDeeplyNestedClaimWhoseDirectParentIsMissing() {
        rejectsClaims("its parent [address, geo] must be declared", claim("address"), claim("address", "geo", "lat"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "iss", "sub", "aud", "jti", "exp", "nbf", "iat", "cnf", "vct", "vct#integrity", "status", "_sd", "_sd_alg", "..." })
    void rejectsReservedTopLevelClaimName(String name) {
        rejectsClaims("'" + name + "' is set by the issuer and cannot be a subject claim", claim(name));
    }

    @Test
    void rejectsUnknownMemberOfAClaim() {
        rejectsClaims("unknown member 'mandatroy'", claim("given_name").set("mandatroy", json("true")));
    }

    @ParameterizedTest
    @ValueSource(strings = { "mandatory", "selectively_disclosable" })
    void rejectsFlagThatIsNoBoolean(String flag) {
        rejectsClaims("'" + flag + "' must be true or false", claim("given_name").set(flag, json("'true'")));
        rejectsClaims("'" + flag + "' must be true or false", claim("given_name").set(flag, json("1")));
    }

    private static List<ClaimDefinition> parse(ClaimJson... claims) {
        return CredentialConfigurationParser.parse(CredentialConfigurationsFile.with(sdJwt("Pid").claims(claims)).toJson(),
                "test.json").configurations().get("Pid").claims();
    }

    private static void rejectsClaims(String problem, ClaimJson... claims) {
        rejects(CredentialConfigurationsFile.with(sdJwt("Pid").claims(claims)).toJson(), "'Pid'", problem);
    }
}
