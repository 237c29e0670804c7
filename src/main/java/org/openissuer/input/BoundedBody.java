package org.openissuer.input;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;

import org.openissuer.error.IssuerError;
import org.openissuer.error.IssuerException;

/** Reads a request body up to a limit, as strict UTF-8: a larger or undecodable body is an invalid_request. */
public final class BoundedBody {

    private BoundedBody() {
    }

    public static String read(InputStream in, int maxBytes) {
        byte[] bytes;
        try {
            bytes = in == null ? new byte[0] : in.readNBytes(maxBytes + 1);
        } catch (IOException e) {
            throw new IssuerException(IssuerError.INVALID_REQUEST, "the request body could not be read");
        }
        if (bytes.length > maxBytes) {
            throw new IssuerException(IssuerError.INVALID_REQUEST, "the request body is larger than " + maxBytes + " bytes");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IssuerException(IssuerError.INVALID_REQUEST, "the request body is not UTF-8");
        }
    }
}
