package org.openissuer.encryption.entity;

/** A response body as it goes on the wire: JSON, or a JWE of it (OID4VCI 1.0 §8.3, §10). */
public record EncodedBody(String content, String mediaType) {
}
