package dev.jgvm.core.verify;

import dev.jgvm.core.dist.Checksum;

import dev.jgvm.core.archive.ArchiveExtractor.Layout;
import dev.jgvm.core.archive.StreamedExtraction;
import dev.jgvm.core.error.StoreException;
import dev.jgvm.core.platform.Platform;
import dev.jgvm.core.version.GoVersion;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An archive whose bytes {@link ArtifactVerifier} proved genuine: the one thing {@code Installer} publishes from
 * (ARCHITECTURE.md, 'Trust': one gate). Only the verifier creates one, and only after the evidence held.
 *
 * <p>The proven bytes are a file jgvm itself wrote under {@code JGVM_HOME} while hashing them (a download's
 * {@code .partial}, or a private copy of a local file or cache entry): no path anyone else names is ever read again
 * after it was hashed. A download of a {@code .tar.gz} may also carry its {@link StreamedExtraction}, made from that
 * very file as it was written; it is published only through this object.
 *
 * <p>Closing deletes a private copy (not a file moved into the cache) and a streamed extraction nobody published.
 * Not thread-safe.
 */
public final class VerifiedArchive implements AutoCloseable {
    private Path file;
    private boolean temporary;
    private final String fileName;
    private final Optional<GoVersion> version;
    private final Platform platform;
    private final Checksum sha256;
    private final Layout layout;
    private final List<Evidence> evidence;
    private final String source;
    private final Optional<byte[]> signature;
    private StreamedExtraction streamed;

    VerifiedArchive(Path file, boolean temporary, String fileName, Optional<GoVersion> version, Platform platform, Checksum sha256,
                    Layout layout, List<Evidence> evidence, String source, Optional<byte[]> signature, StreamedExtraction streamed) {
        this.file = Objects.requireNonNull(file, "file");
        this.temporary = temporary;
        this.fileName = Objects.requireNonNull(fileName, "fileName");
        this.version = Objects.requireNonNull(version, "version");
        this.platform = Objects.requireNonNull(platform, "platform");
        this.sha256 = Objects.requireNonNull(sha256, "sha256");
        this.layout = Objects.requireNonNull(layout, "layout");
        this.evidence = List.copyOf(evidence);
        if (this.evidence.isEmpty()) throw new IllegalArgumentException("a verified archive needs evidence");
        this.source = Objects.requireNonNull(source, "source");
        this.signature = signature.map(byte[]::clone);
        this.streamed = streamed;
    }

    /** The file holding exactly the proven bytes. */
    public Path file() { return file; }

    /** The archive's name as published ({@code go1.22.5.linux-amd64.tar.gz}, or the module zip's). */
    public String fileName() { return fileName; }

    /** The version the archive was asked for or is named for; empty for a local file named otherwise (go/VERSION decides). */
    public Optional<GoVersion> version() { return version; }

    public Platform platform() { return platform; }

    public Checksum sha256() { return sha256; }

    public Layout layout() { return layout; }

    /** What proved it, strongest first. Never empty. */
    public List<Evidence> evidence() { return evidence; }

    /** Where the bytes came from: a mirror's name, {@code bundle:<name>}, {@code file:<path>}. */
    public String source() { return source; }

    /** The archive's official {@code .asc}, when one verified with it (kept in the cache and in bundles). */
    public Optional<byte[]> signature() { return signature.map(byte[]::clone); }

    /**
     * The extraction made while the bytes downloaded, handed over to the caller (who then owns and closes it); empty
     * when there was none or it was taken already.
     */
    public Optional<StreamedExtraction> takeStreamed() {
        Optional<StreamedExtraction> s = Optional.ofNullable(streamed);
        streamed = null;
        return s;
    }

    /**
     * Moves the proven file to {@code target} with one atomic rename (into the cache), after which closing keeps it.
     * An extraction still reading the file keeps reading what it opened.
     */
    public void moveTo(Path target) {
        try {
            Files.move(file, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new StoreException("cannot cache '%s': %s".formatted(fileName, e.getMessage()), "check that JGVM_HOME is writable", e);
        }
        file = target;
        temporary = false;
    }

    @Override public void close() {
        if (streamed != null) streamed.close();
        streamed = null;
        if (temporary) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a stray copy under cache/downloads holds nothing anyone reads; it is only disk space
            }
        }
    }
}
