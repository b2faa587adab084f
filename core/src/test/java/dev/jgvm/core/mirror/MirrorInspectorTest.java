package dev.jgvm.core.mirror;

import dev.jgvm.core.config.Settings;
import dev.jgvm.core.config.SettingsLoader;
import dev.jgvm.core.download.HttpClient;
import dev.jgvm.core.env.Env;
import dev.jgvm.core.error.UsageException;
import dev.jgvm.core.platform.Platform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What {@code mirror list|test} show: where credentials and proxies come from, and never a secret. */
class MirrorInspectorTest {
    private static final String SECRET = "hunter2-not-to-be-shown";

    @TempDir Path home;

    private MirrorInspector inspector(String config, String... vars) throws IOException {
        Files.writeString(home.resolve("config.toml"), config);
        Object[] kv = new Object[vars.length + 4];
        kv[0] = "HOME";
        kv[1] = home;
        kv[2] = "JGVM_HOME";
        kv[3] = home;
        System.arraycopy(vars, 0, kv, 4, vars.length);
        Env env = Env.of(kv);
        Settings settings = new SettingsLoader().load(env);
        HttpClient http = HttpClient.create(settings.network(), "test");
        return new MirrorInspector(settings, env::get, () -> http, () -> Platform.parse("linux/amd64"), () -> null,
                c -> { throw new AssertionError("no source is built for a mirror that was not reached"); });
    }

    private static final String NEXUS = """
            [[mirror]]
            name = "nexus"
            type = "goproxy"
            url = "https://nexus.corp.example/repository/go-proxy/"
            username = "ci"
            password_env = "NEXUS_TOKEN"
            """;

    @Test
    void listNamesWhereCredentialsAndTheProxyComeFromButNoSecret() throws IOException {
        List<MirrorInspector.Listed> listed = inspector(NEXUS, "NEXUS_TOKEN", SECRET, "HTTPS_PROXY", "http://alice:" + SECRET + "@127.0.0.1:3128").list();

        assertEquals(List.of(new MirrorInspector.Listed("nexus", "goproxy", "https://nexus.corp.example/repository/go-proxy/", "config.toml",
                "user 'ci' from password_env NEXUS_TOKEN", "http://alice@127.0.0.1:3128 (HTTPS_PROXY)")), listed);
    }

    @Test
    void aMirrorWhosePasswordVariableIsUnsetIsListedAsUnusable() throws IOException {
        MirrorInspector.Listed nexus = inspector(NEXUS).list().get(0);

        assertEquals("unusable: [[mirror]] 'nexus' takes its password from NEXUS_TOKEN, which is not set", nexus.credentials());
        assertEquals("direct", nexus.proxy());
    }

    @Test
    void userInfoInAJgvmMirrorsUrlIsACredentialNamedWithoutItsPassword() throws IOException {
        MirrorInspector.Listed m = inspector("", "JGVM_MIRRORS", "dl+https://bob:" + SECRET + "@mirror.example/go/").list().get(0);

        assertEquals("dl+https://mirror.example/go/", m.name());
        assertEquals("https://mirror.example/go/", m.url());
        assertEquals("JGVM_MIRRORS", m.from());
        assertTrue(m.credentials().startsWith("user 'bob' from "), m.credentials());
        assertFalse(m.toString().contains(SECRET), m.toString());
    }

    @Test
    void aMirrorWhoseCredentialsCannotBeAppliedFailsTheTestUnasked() throws IOException {
        List<MirrorProbe.Health> results = inspector(NEXUS).test(List.of("nexus"));

        MirrorProbe.Health h = results.get(0);
        assertFalse(h.ok());
        assertFalse(h.reachable());
        assertEquals(List.of("[[mirror]] 'nexus' takes its password from NEXUS_TOKEN, which is not set"), h.problems());
    }

    @Test
    void aTestedMirrorIsReportedRedactedAndADeadOneIsUnreachable() throws IOException {
        String entry = "dl+http://bob:" + SECRET + "@127.0.0.1:1/go/";

        MirrorProbe.Health h = inspector("", "JGVM_MIRRORS", entry).test(List.of()).get(0);

        assertEquals("dl+http://127.0.0.1:1/go/", h.name());
        assertEquals("http://127.0.0.1:1/go/", h.url());
        assertFalse(h.reachable());
        assertFalse(h.toString().contains(SECRET), h.toString());
    }

    @Test
    void aNameThatIsNoMirrorIsAUsageError() throws IOException {
        MirrorInspector mirrors = inspector(NEXUS, "NEXUS_TOKEN", SECRET);

        UsageException e = assertThrows(UsageException.class, () -> mirrors.test(List.of("nowhere")));
        assertEquals("there is no mirror named 'nowhere'", e.getMessage());
    }
}
