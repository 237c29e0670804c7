package org.openissuer.input;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import org.openissuer.error.IssuerError;
import org.openissuer.error.IssuerException;

/**
 * The one way a request body is read: never more than a limit plus one byte, so a huge body is
 * refused, never buffered. A larger or unreadable body is the caller's protocol error.
 */
public final class BoundedBody {

    private BoundedBody() {
    }

    /** The body as strict UTF-8; too large, unreadable or undecodable is an invalid_request. */
    public static String read(InputStream in, int maxBytes) {
        byte[] bytes = bytes(in, maxBytes, IssuerError.INVALID_REQUEST);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IssuerException(IssuerError.INVALID_REQUEST, "the request body is not UTF-8");
        }
    }

    /** The body's bytes as sent; too large or unreadable is {@code error}. No body is an empty one. */
    public static byte[] bytes(InputStream in, int maxBytes, IssuerError error) {
        byte[] bytes;
        try {
            bytes = in == null ? new byte[0] : in.readNBytes(maxBytes + 1);
        } catch (IOException e) {
            throw new IssuerException(error, "the request body could not be read");
        }
        if (bytes.length > maxBytes) {
            throw new IssuerException(error, "the request body is larger than " + maxBytes + " bytes");
        }
        return bytes;
    }
}
