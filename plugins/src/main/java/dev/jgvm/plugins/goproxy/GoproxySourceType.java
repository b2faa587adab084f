package dev.jgvm.plugins.goproxy;

import dev.jgvm.core.dist.ArchiveName;
import dev.jgvm.core.error.ConfigException;
import dev.jgvm.core.platform.Platform;
import dev.jgvm.core.spi.Artifact;
import dev.jgvm.core.spi.EvidenceSource;
import dev.jgvm.core.spi.Http;
import dev.jgvm.core.spi.MirrorTable;
import dev.jgvm.core.spi.PluginContext;
import dev.jgvm.core.spi.Release;
import dev.jgvm.core.spi.Source;
import dev.jgvm.core.spi.SourceType;
import dev.jgvm.core.spi.SpiVersion;
import dev.jgvm.core.version.GoVersion;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code type = "goproxy"}: a Go module proxy (proxy.golang.org, goproxy.cn, goproxy.io, a Nexus or Artifactory
 * go-proxy, Athens) serving Go as the module {@code golang.org/toolchain@v0.0.1-go<version>.<os>-<arch>}: versions
 * from {@code @v/list}, zips from {@code @v/<version>.zip}. The evidence is the checksum database's record, which core
 * looks up and proves; the zip is laid out as a module (core applies cmd/go's fix-ups when extracting).
 */
public final class GoproxySourceType implements SourceType {
    static final String MODULE = "golang.org/toolchain";
    private static final Pattern VERSION = Pattern.compile("v0\\.0\\.1-go(.+)\\.([a-z0-9]+)-([a-z0-9]+)");

    @Override public int spiVersion() { return SpiVersion.MAJOR; }

    @Override public String type() { return "goproxy"; }

    @Override public Source create(MirrorTable mirror, PluginContext context) {
        URI base;
        try {
            base = URI.create(mirror.url().endsWith("/") ? mirror.url() : mirror.url() + "/");
            if (base.getScheme() == null) throw new IllegalArgumentException();
        } catch (IllegalArgumentException e) {
            throw new ConfigException("[[mirror]] '%s' has an unusable url '%s'".formatted(mirror.name(), mirror.url()), "write it as https://goproxy.cn");
        }
        Http http = context.http();   // core has registered the mirror's credentials for its origin
        return new GoproxySource(mirror.name(), base, http);
    }

    private static final class GoproxySource implements Source {
        private final String name;
        private final URI base;
        private final Http http;

        GoproxySource(String name, URI base, Http http) {
            this.name = name;
            this.base = base;
            this.http = http;
        }

        @Override public String name() { return name; }

        @Override public List<Release> releases() {
            String list = http.text(base.resolve(MODULE + "/@v/list"), Http.MAX_LISTING);
            Map<GoVersion, List<Artifact>> byVersion = new LinkedHashMap<>();
            for (String line : list.split("\n")) {
                Matcher m = VERSION.matcher(line.strip());
                if (!m.matches()) continue;
                Optional<GoVersion> v = GoVersion.tryParse(m.group(1));
                Optional<Platform> p;
                try {
                    p = Optional.of(Platform.parse(m.group(2) + "/" + m.group(3)));
                } catch (RuntimeException notAPlatform) {
                    p = Optional.empty();
                }
                if (v.isEmpty() || p.isEmpty()) continue;
                byVersion.computeIfAbsent(v.get(), x -> new ArrayList<>()).add(zipOf(v.get(), p.get()));
            }
            List<Release> out = new ArrayList<>();
            byVersion.forEach((v, a) -> out.add(new Release(v, v.isStable(), a)));
            out.sort(Comparator.comparing(Release::version).reversed());
            return out;
        }

        @Override public Optional<Artifact> artifact(GoVersion version, Platform platform) { return Optional.of(zipOf(version, platform)); }

        private Artifact zipOf(GoVersion v, Platform p) {
            String moduleVersion = ArchiveName.moduleVersion(v, p);
            URI zip = base.resolve(MODULE + "/@v/" + moduleVersion + ".zip");
            return new Artifact(moduleVersion + ".zip", v, p, zip, -1, Artifact.Layout.MODULE,
                    List.of(new EvidenceSource.ChecksumDatabase(MODULE, moduleVersion, base)));
        }
    }
}
