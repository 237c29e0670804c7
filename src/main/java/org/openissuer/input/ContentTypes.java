package org.openissuer.input;

import java.util.Locale;

/**
 * The one way a request's Content-Type is checked: its media type (RFC 9110 §8.3.1: type and
 * subtype, case-insensitive), whatever parameters follow. The same answer on every server, where
 * each JAX-RS implementation's own parser accepts different malformed parameters.
 */
public final class ContentTypes {

    private ContentTypes() {
    }

    /** @param mediaType lower case, e.g. {@code application/json} */
    public static boolean is(String contentType, String mediaType) {
        if (contentType == null) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        String essence = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip();
        return essence.toLowerCase(Locale.ROOT).equals(mediaType);
    }
}
