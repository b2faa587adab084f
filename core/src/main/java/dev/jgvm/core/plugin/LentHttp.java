package dev.jgvm.core.plugin;

import dev.jgvm.core.download.HttpClient;
import dev.jgvm.core.spi.Http;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Core's {@link HttpClient} as the SPI's {@link Http}: what a plugin reads goes through the same transport as core's
 * own downloads, so proxies, CA roots, retries and the credentials core registered per origin apply to it. The client
 * is made on first use (a command that lists nothing never configures the network). Thread-safe.
 */
final class LentHttp implements Http {
    private final Supplier<HttpClient> client;

    LentHttp(Supplier<HttpClient> client) { this.client = Objects.requireNonNull(client, "client"); }

    @Override public byte[] bytes(URI uri, long maxBytes) { return client.get().bytes(uri, maxBytes); }

    @Override public Conditional textIfChanged(URI uri, Optional<String> etag, Optional<String> lastModified, long maxBytes) {
        HttpClient.Conditional c = client.get().textIfChanged(uri, etag, lastModified, maxBytes);
        return new Conditional(c.text(), c.etag(), c.lastModified());
    }

    @Override public Body open(URI uri, long offset) {
        HttpClient.Body b = client.get().get(uri, offset);
        return new Body(b.stream(), b.length(), b.partial(), b.finalUri(), b.contentType());
    }

    @Override public boolean exists(URI uri) { return client.get().exists(uri); }
}
