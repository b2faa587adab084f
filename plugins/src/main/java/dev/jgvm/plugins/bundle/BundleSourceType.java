package dev.jgvm.plugins.bundle;

import dev.jgvm.core.dist.ArchiveName;
import dev.jgvm.core.error.ConfigException;
import dev.jgvm.core.error.VersionNotFoundException;
import dev.jgvm.core.spi.Artifact;
import dev.jgvm.core.spi.EvidenceSource;
import dev.jgvm.core.spi.MirrorTable;
import dev.jgvm.core.spi.PluginCache;
import dev.jgvm.core.spi.PluginContext;
import dev.jgvm.core.spi.Release;
import dev.jgvm.core.spi.Source;
import dev.jgvm.core.spi.SourceType;
import dev.jgvm.core.spi.SpiVersion;
import dev.jgvm.core.version.GoVersion;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code type = "bundle"}: a bundle made by {@code jgvm bundle create}, as a tar or an unpacked directory
 * ({@code url = "/media/usb/go-bundle.tar"}), used as a mirror with no network. Archives are offered with the
 * bundle's signed checksums and official {@code .asc} files as evidence, which core verifies as for any mirror.
 * A tar is unpacked once into this plugin's cache directory (plain file names only).
 */
public final class BundleSourceType implements SourceType {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]*");

    @Override public int spiVersion() { return SpiVersion.MAJOR; }

    @Override public String type() { return "bundle"; }

    @Override public Source create(MirrorTable mirror, PluginContext context) {
        String url = mirror.url();
        if (url.isEmpty()) throw new ConfigException("[[mirror]] '%s' of type bundle needs url = \"<bundle .tar or directory>\"".formatted(mirror.name()),
                "point it at the file 'jgvm bundle create' wrote");
        Path path = url.startsWith("file:") ? Path.of(URI.create(url)) : Path.of(url);
        return new BundleSource(mirror.name(), path, context.cache("bundle"));
    }

    private static final class BundleSource implements Source {
        private final String name;
        private final Path bundle;
        private final PluginCache cache;
        private Path dir;

        BundleSource(String name, Path bundle, PluginCache cache) {
            this.name = name;
            this.bundle = bundle;
            this.cache = cache;
        }

        @Override public String name() { return name; }

        @Override public List<Release> releases() {
            Path d = dir();
            Map<GoVersion, List<Artifact>> byVersion = new LinkedHashMap<>();
            try (Stream<Path> s = Files.list(d)) {
                for (String n : s.map(p -> p.getFileName().toString()).sorted().toList()) {
                    ArchiveName.parse(n).ifPresent(a -> byVersion.computeIfAbsent(a.version(), v -> new ArrayList<>()).add(artifact(d, n, a)));
                }
            } catch (IOException e) {
                throw new VersionNotFoundException("cannot read the bundle '%s': %s".formatted(bundle, e.getMessage()), "check the mirror's url");
            }
            List<Release> out = new ArrayList<>();
            byVersion.forEach((v, arts) -> out.add(new Release(v, v.isStable(), arts)));
            out.sort(Comparator.comparing(Release::version).reversed());
            return out;
        }

        private static Artifact artifact(Path d, String n, ArchiveName a) {
            URI uri = d.resolve(n).toUri();
            List<EvidenceSource> ev = List.of(
                    new EvidenceSource.SignedChecksums(d.resolve("checksums.txt").toUri(), d.resolve("signature.asc").toUri()),
                    new EvidenceSource.Signature(URI.create(uri + ".asc")));
            return new Artifact(n, a.version(), a.platform(), uri, -1, Artifact.Layout.OFFICIAL, ev);
        }

        // The bundle as a directory: itself, or the tar unpacked once under the cache (keyed by path, size and time).
        private Path dir() {
            if (dir != null) return dir;
            if (Files.isDirectory(bundle)) return dir = bundle;
            if (!Files.isRegularFile(bundle)) throw new VersionNotFoundException("the bundle '%s' is not there".formatted(bundle), "check the mirror's url");
            try {
                String key = cache.key(bundle.toAbsolutePath() + "|" + Files.size(bundle) + "|" + Files.getLastModifiedTime(bundle));
                return dir = cache.directory(key, tmp -> unpack(bundle, tmp));
            } catch (IOException e) {
                throw new VersionNotFoundException("cannot read the bundle '%s': %s".formatted(bundle, e.getMessage()), "copy the bundle again");
            }
        }

        private static void unpack(Path bundle, Path into) throws IOException {
            try (TarArchiveInputStream tar = new TarArchiveInputStream(new BufferedInputStream(Files.newInputStream(bundle), 1 << 16))) {
                for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
                    if (!e.isFile() || !PLAIN.matcher(e.getName()).matches()) {
                        throw new VersionNotFoundException("the bundle '%s' holds '%s', which is not a plain file".formatted(bundle, e.getName()),
                                "use a bundle made by 'jgvm bundle create'");
                    }
                    Files.copy(tar, into.resolve(e.getName()));
                }
            }
        }
    }
}
