package dev.jgvm.core.mirror;

import dev.jgvm.core.error.NetworkException;
import dev.jgvm.core.error.VersionNotFoundException;
import dev.jgvm.core.spi.MirrorTable;
import dev.jgvm.core.spi.PluginContext;
import dev.jgvm.core.spi.Release;
import dev.jgvm.core.spi.Source;
import dev.jgvm.core.spi.SourceType;
import dev.jgvm.core.spi.SpiVersion;
import dev.jgvm.core.version.GoVersion;

import java.util.List;

/** {@code type = "fake"}: a source whose listing fails as its {@code fails} key says (network, notfound) or lists go1.22.5. */
public final class FakeSourceType implements SourceType {
    @Override public int spiVersion() { return SpiVersion.MAJOR; }

    @Override public String type() { return "fake"; }

    @Override public java.util.Set<String> keys() { return java.util.Set.of("fails"); }

    @Override public Source create(MirrorTable mirror, PluginContext context) {
        String fails = mirror.string("fails").orElse("");
        return new Source() {
            @Override public String name() { return mirror.name(); }

            @Override public List<Release> releases() {
                if ("network".equals(fails)) throw new NetworkException("connection refused", null, true, null);
                if ("notfound".equals(fails)) throw new VersionNotFoundException("HTTP 404", null);
                return List.of(new Release(GoVersion.parse("1.22.5"), true, List.of()));
            }
        };
    }
}
