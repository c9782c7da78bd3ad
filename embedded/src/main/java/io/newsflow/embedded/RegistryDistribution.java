package io.newsflow.embedded;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the Apicurio Registry server distribution the build downloaded (a tar.gz in the local
 * Maven repository) and unpacks it once into a cache directory, so later runs need no network.
 *
 * @param version the registry version
 * @param home the unpacked distribution (holds {@code quarkus-run.jar})
 */
record RegistryDistribution(String version, Path home) {

    private static final Logger LOG = LoggerFactory.getLogger(RegistryDistribution.class);

    /**
     * Locates the distribution: {@code newsflow.registry.home} (an unpacked one) wins; otherwise
     * the tar.gz named by {@code newsflow.registry.dist} or recorded at build time is unpacked
     * into {@code newsflow.cache.dir} (default {@code ~/.cache/newsflow}).
     */
    static RegistryDistribution locate() {
        Properties build = buildProperties();
        String version = build.getProperty("version");
        String explicitHome = System.getProperty("newsflow.registry.home");
        if (explicitHome != null) {
            return new RegistryDistribution(version, Path.of(explicitHome));
        }
        Path archive = Path.of(System.getProperty("newsflow.registry.dist", build.getProperty("distribution")));
        Path cache = Path.of(System.getProperty("newsflow.cache.dir",
                Path.of(System.getProperty("user.home"), ".cache", "newsflow").toString()));
        Path home = cache.resolve("apicurio-registry-" + version);
        if (!Files.isRegularFile(home.resolve("quarkus-run.jar"))) {
            if (!Files.isRegularFile(archive)) {
                throw new EmbeddedStartException("Apicurio Registry " + version + " distribution not found at "
                        + archive + ": build the project once with network access (./mvnw -DskipTests install) "
                        + "or set -Dnewsflow.registry.dist=<apicurio-registry-app-all.tar.gz>");
            }
            unpack(archive, home);
        }
        return new RegistryDistribution(version, home);
    }

    private static Properties buildProperties() {
        Properties p = new Properties();
        try (InputStream in = EmbeddedRegistry.resource("registry.properties")) {
            if (in == null) {
                throw new EmbeddedStartException("registry.properties missing from the embedded module");
            }
            p.load(in);
        } catch (IOException e) {
            throw new EmbeddedStartException("cannot read registry.properties", e);
        }
        return p;
    }

    /** Unpacks into a sibling temporary directory and renames it, so a crash never leaves half a tree. */
    private static void unpack(Path archive, Path home) {
        LOG.info("Unpacking {} into {} (once)", archive.getFileName(), home);
        try {
            Files.createDirectories(home.getParent());
            Path staging = Files.createTempDirectory(home.getParent(), home.getFileName() + ".tmp");
            try (InputStream raw = new BufferedInputStream(Files.newInputStream(archive));
                 TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(raw))) {
                TarArchiveEntry entry;
                while ((entry = tar.getNextEntry()) != null) {
                    Path target = staging.resolve(entry.getName()).normalize();
                    if (!target.startsWith(staging)) {
                        throw new EmbeddedStartException("archive entry escapes its directory: " + entry.getName());
                    }
                    if (entry.isDirectory()) {
                        Files.createDirectories(target);
                    } else {
                        Files.createDirectories(target.getParent());
                        try (OutputStream out = Files.newOutputStream(target)) {
                            tar.transferTo(out);
                        }
                    }
                }
            }
            try {
                Files.move(staging, home, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
                // Another process unpacked it first: theirs is as good as ours.
                Directories.deleteRecursively(staging);
            }
        } catch (IOException e) {
            throw new EmbeddedStartException("cannot unpack " + archive + " into " + home, e);
        }
    }
}
