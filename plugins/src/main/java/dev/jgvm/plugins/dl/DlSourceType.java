package dev.jgvm.plugins.dl;

import dev.jgvm.core.error.ConfigException;
import dev.jgvm.core.spi.Http;
import dev.jgvm.core.spi.MirrorTable;
import dev.jgvm.core.spi.PluginContext;
import dev.jgvm.core.spi.Source;
import dev.jgvm.core.spi.SourceType;
import dev.jgvm.core.spi.SpiVersion;

import java.net.URI;
import java.util.Optional;
import java.util.Set;

/**
 * {@code type = "dl"}: a flat directory of official archive names (dl.google.com/go, golang.google.cn/dl, the
 * China mirrors, a Nexus raw proxy, any web server's directory). Keys: {@code url} (the directory), {@code index}
 * (a JSON index in go.dev's format), {@code checksums} and {@code signature} (a signed pair relative to url),
 * {@code username} and {@code password_env}.
 */
public final class DlSourceType implements SourceType {
    @Override public int spiVersion() { return SpiVersion.MAJOR; }

    @Override public String type() { return "dl"; }

    @Override public Set<String> keys() { return Set.of("index", "checksums", "signature"); }

    @Override public Source create(MirrorTable mirror, PluginContext context) {
        URI base = directory(mirror.name(), mirror.url());
        Http http = context.http();   // core has registered the mirror's credentials for its origin
        Optional<URI> index = mirror.string("index").map(base::resolve);
        Optional<URI> checksums = mirror.string("checksums").map(base::resolve);
        Optional<URI> signature = mirror.string("signature").map(base::resolve);
        if (checksums.isPresent() != signature.isPresent()) {
            throw new ConfigException("[[mirror]] '%s' needs both checksums and signature, or neither".formatted(mirror.name()),
                    "a checksums file is only evidence when signed: add signature = \"signature.asc\"");
        }
        return new DlSource(mirror.name(), base, index, checksums, signature, http, new ValidatedCache(context.cache("dl"), http, context.progress()));
    }

    static URI directory(String name, String url) {
        try {
            URI u = URI.create(url.endsWith("/") ? url : url + "/");
            if (u.getScheme() == null || !(u.getScheme().equals("https") || u.getScheme().equals("http") || u.getScheme().equals("file"))) {
                throw new IllegalArgumentException("needs https, http or file");
            }
            return u;
        } catch (IllegalArgumentException e) {
            throw new ConfigException("[[mirror]] '%s' has an unusable url '%s'".formatted(name, url), "write it as https://host/path/ (http and file: work too)");
        }
    }
}
