package org.openissuer.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A bare HTTP/1.1 client on one keep-alive socket, for one thread: writes the request in one go,
 * reads status, headers and a Content-Length or chunked body. Reconnects when the server closes
 * the connection (Connection: close, e.g. after Liberty's keep-alive request limit).
 */
final class SocketTransport implements Transport {

    private static final int TIMEOUT_MILLIS = 30_000;

    private final InetSocketAddress address;
    private final String host;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private final byte[] line = new byte[8192];
    private long responseBytes;

    SocketTransport(URI base) {
        this.address = new InetSocketAddress(base.getHost(), base.getPort());
        this.host = base.getHost() + ":" + base.getPort();
    }

    @Override
    public Response post(String path, String body, String... headers) throws IOException {
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(256 + body.length()).append("POST ").append(path).append(" HTTP/1.1\r\nHost: ")
                .append(host).append("\r\nContent-Length: ").append(content.length).append("\r\n");
        for (int i = 0; i < headers.length; i += 2) {
            head.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
        }
        byte[] request = head.append("\r\n").append(body).toString().getBytes(StandardCharsets.UTF_8);
        boolean reused = socket != null;
        if (!reused) {
            connect();
        }
        out.write(request);
        out.flush();
        responseBytes = 0;
        try {
            return read();
        } catch (EOFException e) {
            if (!reused || responseBytes > 0) {
                throw e;
            }
            // the server had closed the idle connection before our request: it never saw it, send it again
            connect();
            out.write(request);
            out.flush();
            return read();
        }
    }

    private Response read() throws IOException {
        String status = readLine();
        int code = Integer.parseInt(status.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean close = false;
        for (String header = readLine(); !header.isEmpty(); header = readLine()) {
            int colon = header.indexOf(':');
            String name = header.substring(0, colon).trim();
            String value = header.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("Content-Length")) {
                length = Long.parseLong(value);
            } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                chunked = value.equalsIgnoreCase("chunked");
            } else if (name.equalsIgnoreCase("Connection")) {
                close = value.equalsIgnoreCase("close");
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream(length > 0 ? (int) length : 2048);
        if (chunked) {
            for (int size = Integer.parseInt(readLine().split(";")[0].trim(), 16); size > 0;
                    size = Integer.parseInt(readLine().split(";")[0].trim(), 16)) {
                copy(size, body);
                readLine();
            }
            while (!readLine().isEmpty()) {
                // trailers
            }
        } else if (length >= 0) {
            copy(length, body);
        } else {
            in.transferTo(body);
            close = true;
        }
        if (close) {
            close();
        }
        return new Response(code, body.toString(StandardCharsets.UTF_8));
    }

    private void copy(long count, ByteArrayOutputStream to) throws IOException {
        byte[] buffer = line;
        long left = count;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                throw new EOFException("connection closed in a response body");
            }
            to.write(buffer, 0, n);
            left -= n;
        }
    }

    private String readLine() throws IOException {
        int length = 0;
        while (true) {
            int b = in.read();
            responseBytes++;
            if (b < 0) {
                close();
                throw new EOFException("connection closed by the server");
            }
            if (b == '\n') {
                break;
            }
            if (b != '\r' && length < line.length) {
                line[length++] = (byte) b;
            }
        }
        return new String(line, 0, length, StandardCharsets.ISO_8859_1);
    }

    private void connect() throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(TIMEOUT_MILLIS);
        socket.connect(address, TIMEOUT_MILLIS);
        in = new BufferedInputStream(socket.getInputStream(), 16384);
        out = socket.getOutputStream();
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
            socket = null;
        }
    }
}
