package io.newsflow.schemas.ids;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Article ids: every topic is keyed by one, so all stages are co-partitioned and a re-fetch of a
 * page lands on the partition that already holds its history.
 */
public final class ArticleIds {

    /** 16 bytes of SHA-256 (32 hex chars): collision-free for any realistic crawl, short in logs. */
    private static final int ID_BYTES = 16;

    private ArticleIds() {
    }

    /** The id of the article at this canonical URL: hex of the first 16 bytes of its SHA-256. */
    public static String fromCanonicalUrl(String canonicalUrl) {
        if (canonicalUrl == null || canonicalUrl.isBlank()) {
            throw new IllegalArgumentException("canonical URL must not be blank");
        }
        byte[] digest = sha256().digest(canonicalUrl.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, ID_BYTES);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-256 (MessageDigest javadoc).
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
