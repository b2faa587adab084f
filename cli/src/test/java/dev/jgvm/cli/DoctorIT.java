package dev.jgvm.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.jgvm.cli.Cli.CliResult;
import dev.jgvm.core.env.Env;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code jgvm doctor} end to end: a newcomer's machine (another Go ahead of the shims, no C compiler on PATH, an
 * HTTPS mirror whose certificate a CA jgvm does not trust signed — as a TLS-intercepting proxy's would be), the
 * report's text and {@code --json} shape, the exit code, and {@code --fix}.
 */
class DoctorIT {
    @TempDir static Path keys;
    @TempDir Path tmp;
    Path home;
    Path project;
    static Path caPem;
    static HttpsServer mirror;

    @BeforeAll
    static void interceptingMirror() throws Exception { mirror = httpsMirror(); }

    @AfterAll
    static void stop() { mirror.stop(0); }

    @BeforeEach
    void machine() throws Exception {
        home = tmp.resolve("jgvm");
        project = Files.createDirectories(tmp.resolve("project"));
        Path bin = Files.createDirectories(home.resolve("versions/1.22.5/bin"));
        executable(bin.resolve("go"), "#!/bin/sh\necho 'go version go1.22.5 linux/amd64'\n");
        executable(bin.resolve("gofmt"), "#!/bin/sh\n");
        Files.writeString(home.resolve("version"), "1.22.5\n");
    }

    @Test
    void namesAGoAheadOfTheShimsAMissingCompilerAndAnInterceptingCaThenJsonAndExitCode() throws Exception {
        Path usrLocal = Files.createDirectories(tmp.resolve("usr/local/go/bin"));
        executable(usrLocal.resolve("go"), "#!/bin/sh\necho 'go version go1.21.0 linux/amd64'\n");
        Env env = env(usrLocal + ":" + home.resolve("shims"));
        Cli.inProcess(env).run("rehash");

        CliResult text = Cli.inProcess(env).run("doctor");
        CliResult json = Cli.inProcess(env).run("doctor", "--json");

        assertEquals(1, text.exitCode(), text.toString());
        assertTrue(text.out().contains("fail path: '%s' (go1.21.0) comes before jgvm's shims on PATH, so it wins\n     fix: put 'eval \"$(jgvm init bash)\"' last in ~/.bashrc"
                .formatted(usrLocal.resolve("go"))), text.out());
        assertTrue(text.out().contains("warn cgo: no C compiler: 'gcc' (Go's default C compiler) is not on PATH"), text.out());
        Map<String, JsonObject> byId = byId(json);
        assertEquals(1, json.exitCode(), json.toString());
        assertEquals(List.of("path", "goroot", "gobin", "gopath", "gotoolchain", "toolchain-pin", "version-files", "platform", "arch", "cgo", "shims",
                "mirrors", "tls", "clock", "directories", "disk", "jdk"), new ArrayList<>(byId.keySet()));
        JsonObject tls = byId.get("tls");
        assertEquals("fail", tls.get("status").getAsString());
        assertTrue(tls.get("finding").getAsString().contains("presents a certificate issued by 'CN=Corp Intercepting CA"), tls.toString());
        assertTrue(tls.get("finding").getAsString().endsWith("a proxy or security product may be intercepting TLS"), tls.toString());
        assertTrue(tls.get("fix").getAsString().contains("'[network] ca_file = \"/path/to/ca.pem\"' in config.toml (or JGVM_CA_FILE)"), tls.toString());
        assertEquals("fail", byId.get("mirrors").get("status").getAsString());
        assertEquals("ok", byId.get("shims").get("status").getAsString(), byId.get("shims").toString());
    }

    @Test
    void trustingTheCaAndPuttingTheShimsFirstLeavesOnlyWarningsSoItExitsZero() throws Exception {
        Env env = env(home.resolve("shims") + ":" + Files.createDirectories(tmp.resolve("cc-bin"))).with("JGVM_CA_FILE", caPem.toString());
        executable(tmp.resolve("cc-bin/gcc"), "#!/bin/sh\n");
        Cli.inProcess(env).run("rehash");

        CliResult r = Cli.inProcess(env).run("doctor", "--json");

        Map<String, JsonObject> byId = byId(r);
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals("ok", byId.get("tls").get("status").getAsString(), byId.get("tls").toString());
        assertEquals("ok", byId.get("mirrors").get("status").getAsString(), byId.get("mirrors").toString());
        assertEquals("ok", byId.get("path").get("status").getAsString());
        assertEquals("ok", byId.get("cgo").get("status").getAsString());
        assertEquals("ok", byId.get("clock").get("status").getAsString(), byId.get("clock").toString());
        for (JsonObject o : byId.values()) assertEquals(Set.of("id", "status", "finding", "fix"), o.keySet());
    }

    @Test
    void fixRegeneratesStaleShimsAndCreatesMissingDirectories() throws Exception {
        Env env = env(home.resolve("shims") + ":/usr/bin:/bin").with("JGVM_CA_FILE", caPem.toString());
        Cli.inProcess(env).run("rehash");
        Files.delete(home.resolve("shims/gofmt"));
        Files.writeString(home.resolve("shims/go1.22.5"), "#!/bin/sh\nold\n");
        executable(home.resolve("shims/go1.19"), "#!/bin/sh\n");

        CliResult before = Cli.inProcess(env).run("doctor");
        CliResult fixed = Cli.inProcess(env).run("doctor", "--fix");

        assertTrue(before.out().contains("warn shims: shims in '%s': missing 'gofmt'; written by another jgvm or with other settings: 'go1.22.5'; no longer wanted: 'go1.19'\n     fix: run 'jgvm rehash'\n"
                .formatted(home.resolve("shims"))), before.out());
        assertTrue(fixed.err().contains("info: fixed: regenerated shims and aliases (jgvm rehash)\n"), fixed.err());
        assertTrue(fixed.err().contains("info: fixed: created the missing directories of JGVM_HOME\n"), fixed.err());
        assertTrue(fixed.out().contains("ok   shims: "), fixed.out());
        assertTrue(fixed.out().contains("ok   directories: "), fixed.out());
        assertTrue(Files.isExecutable(home.resolve("shims/gofmt")));
        assertFalse(Files.exists(home.resolve("shims/go1.19")));
    }

    @Test
    void onAnArm64MacAShellAndAJvmUnderRosettaAreNamedWithTheirFixesAndOnlyWarn() throws Exception {
        // The Mac is JGVM_PLATFORM and stand-ins on PATH: sysctl (Apple silicon; translated for whoever asks it), clang, xcrun.
        Path mac = Files.createDirectories(tmp.resolve("mac-bin"));
        executable(mac.resolve("sysctl"), "#!/bin/sh\ncase \"$2\" in hw.optional.arm64|sysctl.proc_translated) echo 1 ;; *) exit 1 ;; esac\n");
        executable(mac.resolve("clang"), "#!/bin/sh\n");
        executable(mac.resolve("xcrun"), "#!/bin/sh\necho /usr/bin/clang\n");
        Env env = env(home.resolve("shims") + ":" + mac).with("JGVM_CA_FILE", caPem.toString()).with("JGVM_PLATFORM", "darwin/arm64")
                .with("_JGVM_SHELL_ROSETTA", "1");
        Cli.inProcess(env).run("rehash");

        CliResult text = Cli.inProcess(env).run("doctor");
        CliResult json = Cli.inProcess(env).run("doctor", "--json");
        CliResult nativeShell = Cli.inProcess(env.with("_JGVM_SHELL_ROSETTA", "0")).run("doctor", "--json");

        assertEquals(0, text.exitCode(), text.toString());
        assertTrue(text.out().contains("warn rosetta: the shell that started jgvm runs translated by Rosetta (as x86_64) on this arm64 Mac, so the universal"
                + " programs it starts run as x86_64 too (clang for cgo, make, git); jgvm's JVM ("), text.out());
        assertTrue(text.out().contains("\n     fix: open a terminal that does not use Rosetta (the terminal app's Get Info: untick 'Open using Rosetta'),"
                + " or start a native shell with 'arch -arm64 /bin/zsh -l'; install an arm64 JDK 17+"), text.out());
        JsonObject rosetta = byId(json).get("rosetta");
        assertEquals(0, json.exitCode(), json.toString());
        assertEquals("warn", rosetta.get("status").getAsString());
        assertEquals(List.of("path", "goroot", "gobin", "gopath", "gotoolchain", "toolchain-pin", "version-files", "platform", "arch", "rosetta", "cgo", "shims",
                "mirrors", "tls", "clock", "directories", "disk", "jdk"), new ArrayList<>(byId(json).keySet()));
        assertTrue(rosetta.get("fix").getAsString().endsWith("and point JAVA_HOME at it"), rosetta.toString());
        assertFalse(byId(nativeShell).get("rosetta").get("finding").getAsString().contains("shell"), nativeShell.out());
    }

    private Env env(String path) {
        return Env.of("HOME", tmp, "JGVM_HOME", home, "PATH", path, "JGVM_MIRRORS", "dl+https://127.0.0.1:" + mirror.getAddress().getPort() + "/",
                "SHELL", "/bin/bash").withCwd(project);
    }

    private static Map<String, JsonObject> byId(CliResult r) {
        JsonArray a = JsonParser.parseString(r.out()).getAsJsonArray();
        Map<String, JsonObject> m = new LinkedHashMap<>();
        for (JsonElement e : a) m.put(e.getAsJsonObject().get("id").getAsString(), e.getAsJsonObject());
        return m;
    }

    // A CA of its own (as a company's TLS-inspecting proxy has) signs the mirror's certificate; jgvm trusts only the JDK's roots.
    private static HttpsServer httpsMirror() throws Exception {
        Path tmp = keys;
        Path ca = tmp.resolve("ca.p12");
        Path server = tmp.resolve("server.p12");
        caPem = tmp.resolve("ca.pem");
        keytool("-genkeypair", "-keystore", ca, "-alias", "ca", "-dname", "CN=Corp Intercepting CA,O=Example Corp", "-ext", "bc:c", "-keyalg", "RSA", "-keysize", "2048");
        keytool("-exportcert", "-rfc", "-keystore", ca, "-alias", "ca", "-file", caPem);
        keytool("-genkeypair", "-keystore", server, "-alias", "server", "-dname", "CN=127.0.0.1", "-keyalg", "RSA", "-keysize", "2048");
        keytool("-certreq", "-keystore", server, "-alias", "server", "-file", tmp.resolve("server.csr"));
        keytool("-gencert", "-keystore", ca, "-alias", "ca", "-infile", tmp.resolve("server.csr"), "-outfile", tmp.resolve("server.pem"),
                "-rfc", "-ext", "SAN=ip:127.0.0.1,dns:localhost");
        keytool("-importcert", "-noprompt", "-keystore", server, "-alias", "ca", "-file", caPem);
        keytool("-importcert", "-noprompt", "-keystore", server, "-alias", "server", "-file", tmp.resolve("server.pem"));
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(server)) {
            ks.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "changeit".toCharArray());
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(kmf.getKeyManagers(), null, null);
        HttpsServer s = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        s.setHttpsConfigurator(new HttpsConfigurator(ssl));
        s.createContext("/", ex -> {
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        s.start();
        return s;
    }

    private static void keytool(Object... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        for (Object a : args) cmd.add(a.toString());
        cmd.addAll(List.of("-storetype", "PKCS12", "-storepass", "changeit", "-keypass", "changeit"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "keytool " + cmd + ": " + out);
    }

    private static void executable(Path file, String content) throws IOException {
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
