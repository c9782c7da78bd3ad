package io.newsflow.ingest.discovery;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Splits a byte stream into lines ({@code \n} or {@code \r\n}) without decoding it as a whole,
 * keeping at most {@code maxBytes} of a line but counting all of it, so each line can be decoded
 * (and rejected) on its own and an endless line costs no memory.
 */
final class ByteLines {

    private final InputStream in;
    private final int maxBytes;
    private final byte[] buffer = new byte[64 * 1024];
    private int pos;
    private int limit;
    private int number;
    private boolean eof;

    ByteLines(InputStream in, int maxBytes) {
        this.in = in;
        this.maxBytes = maxBytes;
    }

    /** One line: its first bytes (up to the cap), its full length, and its 1-based number. */
    record Line(int number, byte[] kept, long length) {

        boolean overlong() {
            return length > kept.length;
        }

        /** The line decoded strictly as UTF-8, or null if it is not valid UTF-8. */
        String strict() {
            try {
                return StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(kept)).toString();
            } catch (CharacterCodingException e) {
                return null;
            }
        }

        /** The kept bytes decoded with replacement characters, for reporting. */
        String lenient() {
            return new String(kept, StandardCharsets.UTF_8);
        }
    }

    /** The next line, or null at the end of the stream. */
    Line next() throws IOException {
        byte[] kept = new byte[Math.min(maxBytes, 256)];
        int keptLength = 0;
        long length = 0;
        while (true) {
            if (pos == limit && !fill()) {
                return length == 0 ? null : line(kept, keptLength, length);
            }
            int newline = indexOf((byte) '\n', pos, limit);
            int end = newline < 0 ? limit : newline;
            int take = (int) Math.min(end - pos, Math.max(0, maxBytes - keptLength));
            if (keptLength + take > kept.length) {
                kept = Arrays.copyOf(kept, Math.min(maxBytes, Math.max(keptLength + take, kept.length * 2)));
            }
            System.arraycopy(buffer, pos, kept, keptLength, take);
            keptLength += take;
            length += end - pos;
            pos = end;
            if (newline >= 0) {
                pos++;
                return line(kept, keptLength, length);
            }
        }
    }

    private Line line(byte[] kept, int keptLength, long length) {
        int n = keptLength;
        if (length == keptLength && n > 0 && kept[n - 1] == '\r') {
            n--;
            length--;
        }
        return new Line(++number, Arrays.copyOf(kept, n), length);
    }

    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        int n = in.read(buffer);
        if (n < 0) {
            eof = true;
            return false;
        }
        pos = 0;
        limit = n;
        return true;
    }

    private int indexOf(byte b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (buffer[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
