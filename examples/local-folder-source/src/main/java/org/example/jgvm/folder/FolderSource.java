package org.example.jgvm.folder;

import dev.jgvm.core.dist.ArchiveName;
import dev.jgvm.core.dist.Checksum;
import dev.jgvm.core.dist.ChecksumsFile;
import dev.jgvm.core.error.NetworkException;
import dev.jgvm.core.error.VersionNotFoundException;
import dev.jgvm.core.spi.Artifact;
import dev.jgvm.core.spi.EvidenceSource;
import dev.jgvm.core.spi.Http;
import dev.jgvm.core.spi.Release;
import dev.jgvm.core.spi.Source;
import dev.jgvm.core.version.GoVersion;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One folder. The listing is the folder's file names that are official archive names; each archive is offered with
 * every piece of evidence present beside it:
 * <ul>
 *   <li>the checksums file and its signature, as a signed pair: jgvm checks the signature against the keys the user
 *       trusts ({@code jgvm keys import}) and the archive's digest against the file — <em>signed</em> evidence;</li>
 *   <li>the digest that checksums file lists, read here: it is the folder vouching for itself, <em>mirror</em>
 *       evidence, accepted only when the user allows it ({@code --allow-mirror-checksums});</li>
 *   <li>{@code <archive>.asc}, an official signature copied with the archive from go.dev, checked against Go's key.</li>
 * </ul>
 * Failures follow {@link Source}: a folder that is not there is "not found" (the next mirror is tried), a checksums
 * file that is not one is a failure of this mirror. Used by one thread at a time; the listing is read once.
 */
final class FolderSource implements Source {
    private final String name;
    private final Path folder;
    private final String checksums;
    private final String signature;
    private final Http http;
    private List<Release> releases;

    FolderSource(String name, Path folder, String checksums, String signature, Http http) {
        this.name = name;
        this.folder = folder;
        this.checksums = checksums;
        this.signature = signature;
        this.http = http;
    }

    @Override public String name() { return name; }

    @Override public List<Release> releases() {
        if (releases == null) releases = list();
        return releases;
    }

    private List<Release> list() {
        List<String> names;
        try (Stream<Path> s = Files.list(folder)) {
            names = s.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new VersionNotFoundException("the folder '%s' cannot be listed: %s".formatted(folder, e.getMessage()),
                    "check the mirror's url; is the drive mounted?");
        }
        Optional<ChecksumsFile> sums = names.contains(checksums) ? Optional.of(readChecksums()) : Optional.empty();
        boolean signed = sums.isPresent() && names.contains(signature);
        Map<GoVersion, List<Artifact>> byVersion = new LinkedHashMap<>();
        for (String n : names) {
            Optional<ArchiveName> archive = ArchiveName.parse(n);
            if (archive.isEmpty()) continue;
            URI uri = folder.resolve(n).toUri();
            List<EvidenceSource> evidence = new ArrayList<>();
            if (signed) evidence.add(new EvidenceSource.SignedChecksums(folder.resolve(checksums).toUri(), folder.resolve(signature).toUri()));
            Optional<Checksum> listed = sums.flatMap(f -> f.digest(n));
            listed.ifPresent(c -> evidence.add(new EvidenceSource.Digest(c, folder.resolve(checksums).toUri())));
            if (names.contains(n + ".asc")) evidence.add(new EvidenceSource.Signature(URI.create(uri + ".asc")));
            long size = size(folder.resolve(n));
            byVersion.computeIfAbsent(archive.get().version(), v -> new ArrayList<>())
                    .add(new Artifact(n, archive.get().version(), archive.get().platform(), uri, size, Artifact.Layout.OFFICIAL, evidence));
        }
        List<Release> out = new ArrayList<>();
        byVersion.forEach((v, artifacts) -> out.add(new Release(v, v.isStable(), artifacts)));
        out.sort(Comparator.comparing(Release::version).reversed());
        return out;
    }

    // Read through jgvm's Http, which caps the size (a huge file is refused, not loaded) and speaks file: URIs as well
    // as https: ones: the same code would read a checksums file on a web server.
    private ChecksumsFile readChecksums() {
        URI uri = folder.resolve(checksums).toUri();
        String text = http.text(uri, Http.MAX_CHECKSUMS);
        return ChecksumsFile.parse(text).orElseThrow(() -> new NetworkException(
                "'%s' is not a checksums file (<sha256>  <file> lines)".formatted(uri), "regenerate it with sha256sum go*.tar.gz go*.zip", false, null));
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }
}
