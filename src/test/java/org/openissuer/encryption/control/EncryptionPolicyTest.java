package org.openissuer.encryption.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.jwk.JWK;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.openissuer.configuration.Dialect;
import org.openissuer.encryption.entity.ResponseEncryptionParameters;
import org.openissuer.error.IssuerError;
import org.openissuer.error.IssuerException;
import org.openissuer.testsupport.ConfigurationAssertions;
import org.openissuer.testsupport.Jwe;

class EncryptionPolicyTest {

    private final JWK wallet = Jwe.walletKey(JWEAlgorithm.ECDH_ES, "w").toPublicJWK();
    private final Optional<ResponseEncryptionParameters> asked = Optional.of(
            new ResponseEncryptionParameters(wallet, JWEAlgorithm.ECDH_ES, EncryptionMethod.A128GCM, Optional.empty()));
    private final EncryptionPolicy defaults = new EncryptionPolicy(false, false, true);

    @Test
    void byDefaultEncryptionIsOptional() {
        assertDoesNotThrow(() -> defaults.checkRequest(false));
        assertDoesNotThrow(() -> defaults.checkResponse(false, Dialect.V1, Optional.empty()));
        assertDoesNotThrow(() -> defaults.checkResponse(true, Dialect.V1, asked));
    }

    @Test
    void aPlaintextRequestIsRefusedWhenRequestEncryptionIsRequired() {
        EncryptionPolicy policy = new EncryptionPolicy(true, false, true);
        assertRefused(() -> policy.checkRequest(false));
        assertDoesNotThrow(() -> policy.checkRequest(true));
    }

    @Test
    void aRequestWithoutResponseEncryptionIsRefusedWhenResponseEncryptionIsRequired() {
        EncryptionPolicy policy = new EncryptionPolicy(false, true, true);
        assertRefused(() -> policy.checkResponse(true, Dialect.V1, Optional.empty()));
        assertRefused(() -> policy.checkResponse(false, Dialect.DRAFT_13, Optional.empty()));
        assertDoesNotThrow(() -> policy.checkResponse(true, Dialect.V1, asked));
    }

    @Test
    void responseEncryptionInAPlaintextRequestIsRefusedInVersion1() {
        // OID4VCI 1.0 §8.2
        assertRefused(() -> defaults.checkResponse(false, Dialect.V1, asked));
    }

    @Test
    void responseEncryptionInAPlaintextDraft13RequestIsAcceptedUnlessConfiguredOtherwise() {
        assertDoesNotThrow(() -> defaults.checkResponse(false, Dialect.DRAFT_13, asked));
        assertRefused(() -> new EncryptionPolicy(false, false, false).checkResponse(false, Dialect.DRAFT_13, asked));
    }

    @Test
    void everyPreV1DialectMayAskInAPlaintextRequestUnderTheSameSetting() {
        for (Dialect dialect : new Dialect[] {Dialect.DRAFT_15, Dialect.DRAFT_13_OR_15}) {
            assertDoesNotThrow(() -> defaults.checkResponse(false, dialect, asked));
            assertRefused(() -> new EncryptionPolicy(false, false, false).checkResponse(false, dialect, asked));
        }
    }

    @Test
    void settingsAreStrictBooleans() {
        assertEquals(true, EncryptionSettings.flag(EncryptionSettings.REQUEST_REQUIRED, " TRUE "));
        assertEquals(false, EncryptionSettings.flag(EncryptionSettings.REQUEST_REQUIRED, "false"));
        ConfigurationAssertions.assertRejected(EncryptionSettings.RESPONSE_REQUIRED,
                () -> EncryptionSettings.flag(EncryptionSettings.RESPONSE_REQUIRED, "yes"), "true or false");
    }

    private static void assertRefused(Executable check) {
        IssuerException e = assertThrows(IssuerException.class, check);
        assertEquals(IssuerError.INVALID_ENCRYPTION_PARAMETERS, e.error());
    }
}
