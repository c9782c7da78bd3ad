package io.newsflow.enrich.topology;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * What the stages of near-duplicate search send each other through their repartition topics (see
 * {@link DedupeStage}). Internal to one application version, so a compact hand-written binary
 * form: the topics are private to the topology and drained on upgrade like any repartition topic.
 */
sealed interface DedupeMessage {

    /**
     * A probe of the buckets (LSH band keys, and the {@code hash:} key of the exact text) that live on one
     * partition of the band search, keyed by the first of them. Empty {@code buckets}: the one bucket of the
     * record's key (a probe written before probes were grouped by partition).
     */
    record Probe(String id, String round, byte[] signature, List<String> buckets) implements DedupeMessage {
        public Probe {
            buckets = List.copyOf(buckets);
        }
    }

    /**
     * The article itself, keyed by its id, waiting for {@code expected} answers of round {@code round};
     * {@code error} when its signature could not be computed (it is then published unmarked).
     */
    record Article(String round, int expected, String error, byte[] article) implements DedupeMessage {
    }

    /** One band's answer for the article of the key: its best earlier match there, if any. */
    record Answer(String round, String match, double similarity, String error) implements DedupeMessage {
    }

    /** The serde of the repartition topics. */
    static Serde<DedupeMessage> serde() {
        return Serdes.serdeFrom(new Writer(), new Reader());
    }

    /** Writes a tag byte, then the fields. */
    final class Writer implements Serializer<DedupeMessage> {
        @Override
        public byte[] serialize(String topic, DedupeMessage m) {
            if (m == null) {
                return null;
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                switch (m) {
                    case Probe p -> {
                        out.writeByte(4);
                        out.writeUTF(p.id());
                        out.writeUTF(p.round());
                        writeBytes(out, p.signature());
                        out.writeShort(p.buckets().size());
                        for (String bucket : p.buckets()) {
                            out.writeUTF(bucket);
                        }
                    }
                    case Article a -> {
                        out.writeByte(2);
                        out.writeUTF(a.round());
                        out.writeInt(a.expected());
                        writeNullable(out, a.error());
                        writeBytes(out, a.article());
                    }
                    case Answer a -> {
                        out.writeByte(3);
                        out.writeUTF(a.round());
                        writeNullable(out, a.match());
                        out.writeDouble(a.similarity());
                        writeNullable(out, a.error());
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return bytes.toByteArray();
        }

        private static void writeBytes(DataOutputStream out, byte[] b) throws IOException {
            out.writeInt(b.length);
            out.write(b);
        }

        private static void writeNullable(DataOutputStream out, String s) throws IOException {
            out.writeBoolean(s != null);
            if (s != null) {
                // writeUTF stops at 64 KB; a reason is a line, an exception message at most a few.
                out.writeUTF(s.length() > 8_000 ? s.substring(0, 8_000) : s);
            }
        }
    }

    /** Reads what {@link Writer} wrote. */
    final class Reader implements Deserializer<DedupeMessage> {
        @Override
        public DedupeMessage deserialize(String topic, byte[] data) {
            if (data == null) {
                return null;
            }
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
                return switch (in.readByte()) {
                    // A probe of one bucket, as versions before grouped probes wrote it: the bucket is its key.
                    case 1 -> new Probe(in.readUTF(), in.readUTF(), readBytes(in), List.of());
                    case 4 -> new Probe(in.readUTF(), in.readUTF(), readBytes(in), readStrings(in));
                    case 2 -> new Article(in.readUTF(), in.readInt(), readNullable(in), readBytes(in));
                    case 3 -> new Answer(in.readUTF(), readNullable(in), in.readDouble(), readNullable(in));
                    default -> throw new SerializationException("unknown dedupe message tag in " + topic);
                };
            } catch (IOException e) {
                throw new SerializationException("unreadable dedupe message in " + topic, e);
            }
        }

        private static byte[] readBytes(DataInputStream in) throws IOException {
            byte[] b = new byte[in.readInt()];
            in.readFully(b);
            return b;
        }

        private static List<String> readStrings(DataInputStream in) throws IOException {
            String[] out = new String[in.readUnsignedShort()];
            for (int i = 0; i < out.length; i++) {
                out[i] = in.readUTF();
            }
            return List.of(out);
        }

        private static String readNullable(DataInputStream in) throws IOException {
            return in.readBoolean() ? in.readUTF() : null;
        }
    }
}
