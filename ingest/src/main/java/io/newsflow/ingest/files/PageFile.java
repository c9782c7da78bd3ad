package io.newsflow.ingest.files;

import java.nio.file.Path;

/**
 * A page read from disk: its bytes (gunzipped when the file was {@code .gz}) or why it could not
 * be read.
 *
 * @param path the file
 * @param body page bytes, null when {@code error} is set
 * @param error why the file could not be read, null when it was
 */
public record PageFile(Path path, byte[] body, String error) {

    /** True when the bytes were read. */
    public boolean ok() {
        return error == null;
    }

    /** File name without {@code .html}/{@code .htm}/{@code .gz}: the page's id in batch output. */
    public String baseName() {
        return PageFiles.baseName(path);
    }
}
