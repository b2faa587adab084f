package dev.jgvm.cli;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.jgvm.cli.Cli.CliResult;
import dev.jgvm.core.env.Env;
import dev.jgvm.fixtures.FakeGoMirror;
import dev.jgvm.fixtures.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a user is told when a version cannot be had: a version that is no Go release is said to be one (exit 3) even
 * when mirrors answer 403 for it, as buckets do for a name they do not hold; a refusal of a release that exists, and
 * every 401, keep the credentials hint (exit 5); a typo is a usage error (exit 2). The release list is the fake
 * official one over HTTPS; the mirrors answer every request with one status.
 */
class UnknownVersionIT {
    @TempDir Path tmp;
    private final List<WireMockServer> servers = new ArrayList<>();

    @AfterEach
    void stop() { servers.forEach(WireMockServer::stop); }

    private String answering(int status) {
        WireMockServer s = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1").stubRequestLoggingDisabled(true));
        s.start();
        s.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(status)));
        servers.add(s);
        return "dl+" + s.baseUrl() + "/";
    }

    private Cli cli(FakeGoMirror world, String... mirrors) throws IOException {
        Path home = tmp.resolve("jgvm");
        Files.createDirectories(home);
        Env env = Env.of("JGVM_HOME", home, "HOME", tmp, "JGVM_PLATFORM", "linux/amd64").withCwd(tmp);
        for (var e : world.env().entrySet()) env = env.with(e.getKey(), e.getValue());
        return Cli.inProcess(env.with("JGVM_MIRRORS", String.join(",", mirrors)));
    }

    private static void assertOneErrorAndAHint(CliResult r) {
        String[] lines = r.err().split("\n");
        assertEquals(2, lines.length, r.toString());
        assertTrue(lines[0].startsWith("error: "), r.toString());
        assertTrue(lines[1].startsWith("hint: "), r.toString());
    }

    @Test
    void aVersionThatIsNoReleaseIsSaidToBeNoneThoughTheLastMirrorAnswered403() throws IOException {
        try (FakeGoMirror world = FakeGoMirror.serving(Scenario.TWO_STABLE_ONE_RC).start().officialList(true)) {
            for (List<String> mirrors : List.of(List.of(answering(404), answering(403)), List.of(answering(403)))) {
                Cli jgvm = cli(world, mirrors.toArray(String[]::new));

                CliResult install = jgvm.run("install", "9.9.9");
                CliResult use = jgvm.run("use", "9.9.9");

                assertEquals(3, install.exitCode(), install.toString());
                assertOneErrorAndAHint(install);
                assertTrue(install.err().startsWith("error: go 9.9.9 is not a Go release: the official release list '" + world.originUrl()),
                        install.toString());
                assertTrue(install.err().contains("hint: 'jgvm list-remote --all' lists the releases"), install.toString());
                assertFalse(install.err().contains("credentials"), install.toString());
                assertEquals(3, use.exitCode(), use.toString());
                assertTrue(use.err().contains("error: go 9.9.9 is not a Go release"), use.toString());
                assertFalse(Files.exists(tmp.resolve(".go-version")), "use writes nothing when the install failed");
            }
        }
    }

    @Test
    void aReleaseThatAMirrorRefusesWith403KeepsTheCredentialsHint() throws IOException {
        try (FakeGoMirror world = FakeGoMirror.serving(Scenario.TWO_STABLE_ONE_RC).start().officialList(true)) {
            CliResult r = cli(world, answering(404), answering(403)).run("install", "1.22.5");

            assertEquals(5, r.exitCode(), r.toString());
            assertOneErrorAndAHint(r);
            assertTrue(r.err().contains("refused the request with HTTP 403"), r.toString());
            assertTrue(r.err().contains("hint: check the mirror's credentials"), r.toString());
        }
    }

    @Test
    void a401KeepsTheCredentialsHintWhateverTheVersion() throws IOException {
        try (FakeGoMirror world = FakeGoMirror.serving(Scenario.TWO_STABLE_ONE_RC).start().officialList(true)) {
            CliResult r = cli(world, answering(404), answering(401)).run("install", "9.9.9");

            assertEquals(5, r.exitCode(), r.toString());
            assertOneErrorAndAHint(r);
            assertTrue(r.err().contains("hint: check the mirror's credentials"), r.toString());
        }
    }

    @Test
    void withNoReleaseListToAskA403SaysTheVersionMayNotExist() throws IOException {
        try (FakeGoMirror world = FakeGoMirror.serving(Scenario.TWO_STABLE_ONE_RC).start().officialList(false)) {
            CliResult r = cli(world, answering(404), answering(403)).run("install", "9.9.9");

            assertEquals(5, r.exitCode(), r.toString());
            assertOneErrorAndAHint(r);
            assertTrue(r.err().contains("hint: go 9.9.9 may not exist ('jgvm list-remote --all' lists the releases); if it does, check the mirror's credentials"),
                    r.toString());
        }
    }

    @Test
    void aTypoIsAUsageErrorAndALineWithoutReleasesIsNotFound() throws IOException {
        try (FakeGoMirror world = FakeGoMirror.serving(Scenario.TWO_STABLE_ONE_RC).start().officialList(true)) {
            Cli jgvm = cli(world, answering(404));

            for (String typo : List.of("1.2x", "1.22.5x", "1.21alpha1", "1.22.")) {
                CliResult install = jgvm.run("install", typo);
                CliResult use = jgvm.run("use", typo);
                assertEquals(2, install.exitCode(), install.toString());
                assertOneErrorAndAHint(install);
                assertTrue(install.err().startsWith("error: '" + typo + "' is not a Go "), install.toString());
                assertEquals(2, use.exitCode(), use.toString());
                assertOneErrorAndAHint(use);
            }
            CliResult line = jgvm.run("install", "1.99");
            assertEquals(3, line.exitCode(), line.toString());
            assertOneErrorAndAHint(line);
            assertTrue(line.err().startsWith("error: no release of go 1.99 for linux/amd64 on the official release list"), line.toString());
            assertFalse(Files.exists(tmp.resolve(".go-version")), "use writes nothing when it fails");
        }
    }
}
