package io.newsflow.ingest.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A loopback server that answers every request with the same raw bytes and closes the connection,
 * for responses no well-behaved server library would send (Content-Length lies, header floods).
 */
final class RawResponseServer implements AutoCloseable {

    private static final byte[] NOT_FOUND = "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
            .getBytes(StandardCharsets.ISO_8859_1);

    private final ServerSocket socket;

    private RawResponseServer(ServerSocket socket, byte[] response) {
        this.socket = socket;
        Thread.ofVirtual().start(() -> serve(response));
    }

    /** Starts a server answering {@code response} (status line, headers and body, as is). */
    static RawResponseServer answering(byte[] response) {
        try {
            return new RawResponseServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Like {@link #answering(byte[])} for an ASCII head followed by {@code body}. */
    static RawResponseServer answering(String head, byte[] body) {
        byte[] h = head.getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[h.length + body.length];
        System.arraycopy(h, 0, all, 0, h.length);
        System.arraycopy(body, 0, all, h.length, body.length);
        return answering(all);
    }

    /** The address of {@code path} here. */
    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort() + path);
    }

    /** host:port, for the SSRF guard's allow list. */
    String hostPort() {
        return "127.0.0.1:" + socket.getLocalPort();
    }

    private void serve(byte[] response) {
        while (!socket.isClosed()) {
            try (Socket s = socket.accept()) {
                String requestLine = readHead(s.getInputStream());
                OutputStream out = s.getOutputStream();
                // robots.txt is missing, so that the case is about the page, not about its robots.txt
                out.write(requestLine.contains(" /robots.txt ") ? NOT_FOUND : response);
                out.flush();
            } catch (IOException e) {
                // the client hung up or the server is closing: serve the next one, if any
            }
        }
    }

    /** Reads up to the blank line ending the request head; returns the request line. */
    private static String readHead(InputStream in) throws IOException {
        StringBuilder first = new StringBuilder();
        boolean firstDone = false;
        int state = 0;
        for (int b = in.read(); b >= 0; b = in.read()) {
            firstDone |= b == '\n';
            if (!firstDone) {
                first.append((char) b);
            }
            state = (b == '\r' || b == '\n') ? state + 1 : 0;
            if (state == 4) {
                break;
            }
        }
        return first.toString();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
