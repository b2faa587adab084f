package dev.jgvm.cli;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.jgvm.fixtures.FixtureDistribution;
import dev.jgvm.fixtures.TestCa;
import dev.jgvm.shims.LauncherWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real launcher and JVM where users set the JVM's environment options for their own Java programs
 * ({@code JAVA_TOOL_OPTIONS}, {@code JDK_JAVA_OPTIONS}, {@code _JAVA_OPTIONS}): a collector, an agent or an
 * {@code --add-opens} there is theirs, not jgvm's; the system properties (a company's trust store) still count.
 */
class JvmOptionsIT {
    @TempDir Path tmp;
    Path home;
    Path launcher;
    WireMockServer server;

    record Run(int exit, String out, String err) {}

    @BeforeEach
    void layOutTheLauncher() throws IOException {
        home = tmp.resolve("jgvm");
        launcher = home.resolve("bin/jgvm");
        new LauncherWriter().write(BuiltJars.copyTo(tmp.resolve("lib")), home, launcher);
    }

    @AfterEach
    void stopServer() {
        if (server != null) server.stop();
    }

    private Run jgvm(Map<String, String> env, String... args) throws Exception { return jgvmIn(tmp, env, args); }

    private Run jgvmIn(Path dir, Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("dash", launcher.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().clear();
        pb.environment().put("PATH", "/usr/bin:/bin");
        pb.environment().put("HOME", tmp.toString());
        pb.environment().put("LANG", "C.UTF-8");
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("JGVM_HOME", home.toString());
        pb.environment().put("JGVM_PLATFORM", "linux/amd64");
        pb.environment().put("JGVM_ORIGINS", "none");
        pb.environment().put("SSL_CERT_FILE", tmp.resolve("no-os-bundle").toString());
        pb.environment().put("JGVM_NO_TRAIN", "1");
        pb.environment().putAll(env);
        Process p = pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        byte[] err = p.getErrorStream().readAllBytes();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    /** What users put there for their own programs, each of which stopped every JVM command or filled its stderr. */
    private static final Map<String, String> USERS_OPTIONS = Map.of(
            "JAVA_TOOL_OPTIONS", "-XX:+UseG1GC -XX:MaxRAMPercentage=75",
            "JDK_JAVA_OPTIONS", "--add-opens=java.base/java.lang=ALL-UNNAMED",
            "_JAVA_OPTIONS", "-javaagent:/nowhere/agent.jar");

    @Test
    void theUsersJvmOptionsNeitherStopNorTouchJgvmAndComeBackForWhatItRuns() throws Exception {
        Path archive = FixtureDistribution.of("1.22.5").writeTarGz(Files.createDirectories(tmp.resolve("dl")));

        Run keys = jgvm(USERS_OPTIONS, "keys", "list");
        Run install = jgvm(USERS_OPTIONS, "install", "--from", archive.toString(), "--sha256", FixtureDistribution.sha256(archive));
        Map<String, String> selected = new java.util.HashMap<>(USERS_OPTIONS);
        selected.put("JGVM_GO_VERSION", "1.22.5");
        Run exec = jgvm(selected, "exec", "--", "sh", "-c",
                "printf '%s|%s|%s|%s\\n' \"$JAVA_TOOL_OPTIONS\" \"$JDK_JAVA_OPTIONS\" \"$_JAVA_OPTIONS\" \"$(env | grep -c '^_JGVM_WAS_')\"");

        assertEquals(0, keys.exit(), keys.err());
        assertEquals("", keys.err(), "no 'Picked up JAVA_TOOL_OPTIONS' and no [error][aot] lines");
        assertTrue(keys.out().contains("(built-in)"), keys.out());
        assertEquals(0, install.exit(), install.err());
        assertFalse(install.err().contains("Picked up"), install.err());
        assertEquals(0, exec.exit(), exec.err());
        assertEquals("-XX:+UseG1GC -XX:MaxRAMPercentage=75|--add-opens=java.base/java.lang=ALL-UNNAMED|-javaagent:/nowhere/agent.jar|0\n",
                exec.out(), "the processes jgvm starts get the user's variables as they were, and nothing of jgvm's");
    }

    @Test
    void theUsersPropertiesForTheirOwnJvmsNeitherStopJgvmNorMoveIt() throws Exception {
        // -D words too can be the user's programs' alone: a system class loader jgvm has not stopped it on every JDK
        // (java.security.manager=allow, kept for JDK 18-23, stops 24+ alike), jdk.module.* printed a warning at each
        // start, and user.dir made it read another directory's .go-version.
        Path project = Files.createDirectories(tmp.resolve("project"));
        Files.writeString(project.resolve(".go-version"), "1.22.5\n");
        Map<String, String> theirs = Map.of(
                "JAVA_TOOL_OPTIONS", "-Djava.security.manager=allow -Djava.system.class.loader=com.corp.Loader",
                "JDK_JAVA_OPTIONS", "-Djdk.module.addmods=java.sql",
                "_JAVA_OPTIONS", "-Duser.dir=/");

        Run current = jgvmIn(project, theirs, "current", "--json");

        assertEquals("", current.err(), "no 'Error occurred during initialization of VM', no warning");
        assertTrue(current.out().contains("\"origin\": \"" + project.resolve(".go-version") + "\""), current.out());
    }

    @Test
    void aTrustStoreGivenInJavaToolOptionsIsStillTrusted() throws Exception {
        // A company's root, given to every Java program as a trust store in JAVA_TOOL_OPTIONS, beside a collector.
        TestCa ca = TestCa.create(tmp.resolve("ca"), "Corp Root CA");
        server = new WireMockServer(WireMockConfiguration.options().httpDisabled(true).dynamicHttpsPort().bindAddress("127.0.0.1")
                .keystorePath(ca.serverKeystore("127.0.0.1").toString()).keystorePassword(TestCa.PASSWORD)
                .keyManagerPassword(TestCa.PASSWORD).keystoreType("PKCS12"));
        server.start();
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(404)));
        Path store = tmp.resolve("corp truststore.p12".replace(' ', '-'));
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        try (InputStream in = Files.newInputStream(ca.pem())) {
            ks.setCertificateEntry("corp", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        try (OutputStream out = Files.newOutputStream(store)) {
            ks.store(out, TestCa.PASSWORD.toCharArray());
        }
        Map<String, String> mirror = Map.of("JGVM_MIRRORS", "dl+https://127.0.0.1:" + server.httpsPort() + "/go/");

        Run without = jgvm(mirror, "mirror", "test");
        Map<String, String> with = new java.util.HashMap<>(mirror);
        with.put("JAVA_TOOL_OPTIONS", "-XX:+UseParallelGC -Djavax.net.ssl.trustStore=" + store + " -Djavax.net.ssl.trustStorePassword="
                + TestCa.PASSWORD + " -Djavax.net.ssl.trustStoreType=PKCS12");
        Run trusted = jgvm(with, "mirror", "test");

        assertTrue(without.err().contains("is issued by '" + ca.subject() + "', which jgvm does not trust"), without + "");
        assertTrue(without.out().contains(" unreachable "), without.out());
        assertFalse(trusted.err().contains("does not trust"), trusted + "");
        assertFalse(trusted.out().contains(" unreachable "), trusted + "");
        assertFalse(trusted.err().contains("Picked up"), trusted.err());
    }
}
