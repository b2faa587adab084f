package dev.jgvm.plugins.dl;

import dev.jgvm.core.dist.ArchiveName;
import dev.jgvm.core.dist.ChecksumsFile;
import dev.jgvm.core.error.NetworkException;
import dev.jgvm.core.error.VersionNotFoundException;
import dev.jgvm.core.platform.Platform;
import dev.jgvm.core.spi.Artifact;
import dev.jgvm.core.spi.EvidenceSource;
import dev.jgvm.core.spi.GoIndex;
import dev.jgvm.core.spi.Http;
import dev.jgvm.core.spi.Release;
import dev.jgvm.core.spi.Source;
import dev.jgvm.core.version.GoVersion;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One {@code dl} directory. Lists from its JSON index, else its checksums file, else its HTML listing. */
final class DlSource implements Source {
    private final String name;
    private final URI base;
    private final Optional<URI> index;
    private final Optional<URI> checksums;
    private final Optional<URI> signature;
    private final Http http;
    private final ValidatedCache cache;
    private List<Release> releases;

    DlSource(String name, URI base, Optional<URI> index, Optional<URI> checksums, Optional<URI> signature, Http http, ValidatedCache cache) {
        this.name = name;
        this.base = base;
        this.index = index;
        this.checksums = checksums;
        this.signature = signature;
        this.http = http;
        this.cache = cache;
    }

    @Override public String name() { return name; }

    @Override public List<Release> releases() {
        if (releases == null) releases = load();
        return releases;
    }

    // An exact file needs no listing: its name is Go's, so it is asked for directly with its sidecars.
    @Override public Optional<Artifact> artifact(GoVersion version, Platform platform) {
        ArchiveName file = ArchiveName.of(version, platform);
        URI uri = base.resolve(file.fileName());
        List<EvidenceSource> evidence = new ArrayList<>();
        // What the listing says of it: its digest, and its size (a longer body is cut off).
        Optional<Artifact> listed = releases == null ? Optional.empty() : releases.stream().filter(r -> r.version().equals(version))
                .flatMap(r -> r.artifacts().stream()).filter(a -> a.fileName().equals(file.fileName())).findFirst();
        listed.ifPresent(a -> a.evidence().stream().filter(e -> e instanceof EvidenceSource.Digest).forEach(evidence::add));
        evidence.addAll(sidecars(uri));
        long size = listed.map(Artifact::size).orElse(-1L);
        return Optional.of(new Artifact(file.fileName(), version, platform, uri, size, Artifact.Layout.OFFICIAL, evidence));
    }

    private List<Release> load() {
        if (index.isPresent()) {
            String json = cache.text(index.get(), Http.MAX_LISTING, name);
            try {
                return GoIndex.parse(json, index.get(), base::resolve);
            } catch (IllegalArgumentException e) {
                throw new NetworkException("'%s' is not a release index: %s".formatted(index.get(), e.getMessage()),
                        "check the mirror's index setting", false, e);
            }
        }
        if (checksums.isPresent()) {
            String text = cache.text(checksums.get(), Http.MAX_CHECKSUMS, name);
            ChecksumsFile file = ChecksumsFile.parse(text).orElseThrow(() -> new NetworkException(
                    "'%s' is not a checksums file".formatted(checksums.get()), "check the mirror's checksums setting", false, null));
            return fromNames(new ArrayList<>(file.entries().keySet()));
        }
        List<String> names = "file".equals(base.getScheme()) ? localNames() : new ArrayList<>(DirectoryListing.fileNames(cache.text(base, Http.MAX_LISTING, name)));
        if (names.stream().noneMatch(n -> ArchiveName.parse(n).isPresent())) {
            throw new VersionNotFoundException("'%s' lists no Go archives".formatted(base), "check the mirror's url; it should be the directory holding go<version>.<os>-<arch>.tar.gz files");
        }
        return fromNames(names);
    }

    // A local directory (or a mounted share) lists itself.
    private List<String> localNames() {
        try (java.util.stream.Stream<java.nio.file.Path> s = java.nio.file.Files.list(java.nio.file.Path.of(base))) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (java.io.IOException | RuntimeException e) {
            throw new VersionNotFoundException("cannot list '%s': %s".formatted(base, e.getMessage()), "check the mirror's url");
        }
    }

    private List<Release> fromNames(List<String> names) {
        Map<GoVersion, List<Artifact>> byVersion = new LinkedHashMap<>();
        for (String n : names) {
            ArchiveName.parse(n).ifPresent(a -> {
                URI uri = base.resolve(n);
                byVersion.computeIfAbsent(a.version(), v -> new ArrayList<>())
                        .add(new Artifact(n, a.version(), a.platform(), uri, -1, Artifact.Layout.OFFICIAL, sidecars(uri)));
            });
        }
        List<Release> out = new ArrayList<>();
        byVersion.forEach((v, arts) -> out.add(new Release(v, v.isStable(), arts)));
        out.sort(Comparator.comparing(Release::version).reversed());
        return out;
    }

    private List<EvidenceSource> sidecars(URI uri) {
        List<EvidenceSource> ev = new ArrayList<>();
        if (checksums.isPresent()) ev.add(new EvidenceSource.SignedChecksums(checksums.get(), signature.orElseThrow()));
        // A signed pair at the root is offered without configuration (README, 'Behind a company network'); core counts it only when a key the
        // user trusts signed it.
        else ev.add(new EvidenceSource.SignedChecksums(base.resolve("checksums.txt"), base.resolve("signature.asc"), true));
        ev.add(new EvidenceSource.Signature(URI.create(uri + ".asc")));
        ev.add(new EvidenceSource.DigestFile(URI.create(uri + ".sha256")));
        return ev;
    }
}
