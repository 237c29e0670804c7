package org.openissuer.offer.entity;

import java.util.Optional;

/** A new offer with the secrets the creator sees once: the reference, the code and the transaction code. */
public record CreatedOffer(CredentialOffer offer, String reference, String preAuthorizedCode, Optional<String> txCode) {
}
