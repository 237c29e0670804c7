package org.openissuer.credential.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class DeferralResponseTest {

    @Test
    void carriesTransactionIdAndInterval() {
        assertEquals("{\"transaction_id\":\"t-1\",\"interval\":5}", DeferralResponse.pending("t-1", 5).toJson().toString());
    }

    @Test
    void draft13AddsTheNextNonce() {
        assertEquals("{\"transaction_id\":\"t-1\",\"interval\":5,\"c_nonce\":\"n\",\"c_nonce_expires_in\":300}",
                new DeferralResponse("t-1", 5, Optional.of("n"), 300).toJson().toString());
    }

    @Test
    void isAnswered202() {
        assertEquals(202, new IssuanceAnswer(null, true).status());
        assertEquals(200, new IssuanceAnswer(null, false).status());
    }
}
