package dev.jgvm.plugins.dl;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.jgvm.core.config.Settings;
import dev.jgvm.core.config.Settings.MirrorConfig;
import dev.jgvm.core.download.HttpClient;
import dev.jgvm.core.env.Env;
import dev.jgvm.core.error.ConfigException;
import dev.jgvm.core.error.NetworkException;
import dev.jgvm.core.event.ProgressListener;
import dev.jgvm.core.plugin.PluginHost;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A Nexus-like mirror that wants Basic credentials: from username and password_env. */
class CredentialsTest {
    @TempDir Path tmp;
    WireMockServer nexus;

    @BeforeEach
    void start() {
        nexus = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        nexus.start();
        nexus.stubFor(get(urlEqualTo("/")).atPriority(9).willReturn(aResponse().withStatus(401)));
        nexus.stubFor(get(urlEqualTo("/")).atPriority(1).withHeader("Authorization", equalTo("Basic Y2k6czNjcjN0"))
                .willReturn(aResponse().withStatus(200).withBody("<a href=\"go1.22.5.linux-amd64.tar.gz\">go1.22.5.linux-amd64.tar.gz</a>")));
    }

    @AfterEach
    void stop() { nexus.stop(); }

    // What core lends plugins, built as core builds it (the test stands in for the composition root).
    private PluginHost context(Env env) {
        HttpClient http = HttpClient.create(new dev.jgvm.core.config.SettingsLoader().load(env).network(), "test");
        return new PluginHost(() -> http, tmp.resolve("plugins"), Settings.defaults(), env, ProgressListener.NONE);
    }

    private MirrorConfig corp(Map<String, Object> extra) {
        Map<String, Object> t = new java.util.HashMap<>(Map.of("name", "corp", "type", "dl", "url", nexus.baseUrl() + "/"));
        t.putAll(extra);
        return new MirrorConfig("corp", "dl", nexus.baseUrl() + "/", t);
    }

    // Core applies a mirror's credentials when it builds the chain (ARCHITECTURE.md, plugins); the source type never sees them.
    private static dev.jgvm.core.spi.Source chain(MirrorConfig mirror, PluginHost context) {
        return dev.jgvm.core.mirror.MirrorChain.create(java.util.List.of(mirror), context, CredentialsTest.class.getClassLoader()).sources().get(0);
    }

    @Test
    void sendsTheMirrorsCredentials() {
        var source = chain(corp(Map.of("username", "ci", "password_env", "NEXUS_TOKEN")), context(Env.of("HOME", tmp, "NEXUS_TOKEN", "s3cr3t")));

        assertEquals("1.22.5", source.releases().get(0).version().name());
    }

    @Test
    void withoutCredentialsTheRefusalSaysWhatToCheck() {
        var source = chain(corp(Map.of()), context(Env.of("HOME", tmp)));

        NetworkException e = assertThrows(NetworkException.class, source::releases);

        assertTrue(e.getMessage().contains("HTTP 401"), e.getMessage());
        assertTrue(e.hint().orElseThrow().contains("password_env"), e.hint().orElseThrow());
    }

    @Test
    void aPasswordVariableThatIsNotSetIsAConfigError() {
        ConfigException e = assertThrows(ConfigException.class, () -> chain(corp(Map.of("username", "ci", "password_env", "NEXUS_TOKEN")),
                context(Env.of("HOME", tmp))));

        assertEquals("[[mirror]] 'corp' takes its password from NEXUS_TOKEN, which is not set", e.getMessage());
        assertEquals(2, e.exitCode().code());
    }
}
