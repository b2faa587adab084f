package dev.jgvm.cli;

import dev.jgvm.cli.Cli.CliResult;
import dev.jgvm.core.env.Env;
import dev.jgvm.fixtures.FixtureDistribution;
import dev.jgvm.fixtures.GnuPG;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A real nginx serving a directory with autoindex on loopback, as a company or a China mirror would. */
class NginxMirrorIT {
    @TempDir Path tmp;
    Process nginx;
    int port;
    Path www;

    @BeforeEach
    void serveADirectory() throws Exception {
        Path binary = Path.of("/usr/sbin/nginx");
        assertTrue(Files.isExecutable(binary), "this test needs nginx (bash .ci/run installs it: apt-get install nginx)");
        www = Files.createDirectories(tmp.resolve("www/golang"));
        for (String v : List.of("1.22.5", "1.22.4", "1.21.13")) {
            Path a = FixtureDistribution.of(v).writeTarGz(www);
            Files.writeString(www.resolve(a.getFileName() + ".sha256"), FixtureDistribution.sha256(a));
        }
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path conf = Files.writeString(tmp.resolve("nginx.conf"), """
                daemon off;
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log;
                events { worker_connections 64; }
                http {
                  access_log %1$s/access.log;
                  client_body_temp_path %1$s/body; proxy_temp_path %1$s/proxy; fastcgi_temp_path %1$s/fcgi;
                  uwsgi_temp_path %1$s/uwsgi; scgi_temp_path %1$s/scgi;
                  server {
                    listen 127.0.0.1:%2$d;
                    root %1$s/www;
                    location / { autoindex on; }
                  }
                }
                """.formatted(tmp, port));
        // nginx's workers drop to an unprivileged user when started as root: let it read the served tree.
        for (Path p : List.of(tmp, tmp.resolve("www"), www)) {
            Files.setPosixFilePermissions(p, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        nginx = new ProcessBuilder(binary.toString(), "-c", conf.toString(), "-p", tmp.toString()).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("nginx.out").toFile()).start();
        for (int i = 0; i < 100; i++) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new AssertionError("nginx did not start: " + Files.readString(tmp.resolve("nginx.out")));
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (nginx != null) {
            nginx.destroy();
            nginx.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private Cli cli(String mirrors, Path home) {
        return Cli.inProcess(Env.of("JGVM_HOME", home, "HOME", tmp, "JGVM_PLATFORM", "linux/amd64", "JGVM_MIRRORS", mirrors,
                "JGVM_ORIGINS", "https://127.0.0.1:9/", "JGVM_CONNECT_TIMEOUT", "1s", "JGVM_RETRIES", "0").withCwd(tmp));
    }

    @Test
    void listsFromTheAutoindexPageAndInstallsWithTheMirrorsDigestWhenAllowed() {
        Cli jgvm = cli("dl+http://127.0.0.1:" + port + "/golang/", tmp.resolve("jgvm"));

        CliResult remote = jgvm.run("list-remote");
        CliResult refused = jgvm.run("install", "1.22");
        CliResult allowed = jgvm.run("install", "--allow-mirror-checksums", "1.22");

        assertEquals("1.22.5\n1.22.4\n1.21.13\n", remote.out(), remote.toString());
        assertEquals(4, refused.exitCode(), refused.toString());
        assertTrue(refused.err().contains("no origin evidence for go1.22.5.linux-amd64.tar.gz"), refused.err());
        assertEquals(0, allowed.exitCode(), allowed.toString());
        assertEquals(tmp.resolve("jgvm/versions/1.22.5") + "\n", allowed.out());
        assertTrue(allowed.err().contains("warn: go 1.22.5 was accepted on a digest the mirror"), allowed.err());
    }

    @Test
    void withOriginsSetToNoneNoOriginIsAskedAndTheMirrorsDigestStillNeedsPermission() {
        Path home = tmp.resolve("no-origin");
        Cli jgvm = Cli.inProcess(Env.of("JGVM_HOME", home, "HOME", tmp, "JGVM_PLATFORM", "linux/amd64",
                "JGVM_MIRRORS", "dl+http://127.0.0.1:" + port + "/golang/", "JGVM_ORIGINS", "none", "JGVM_RETRIES", "0").withCwd(tmp));

        CliResult refused = jgvm.run("install", "1.22.5");
        CliResult allowed = jgvm.run("install", "--allow-mirror-checksums", "1.22.5");

        assertEquals(4, refused.exitCode(), refused.toString());
        assertTrue(refused.err().contains("only mirror evidence"), refused.err());
        assertFalse(refused.err().contains("origin digest"), refused.err());
        assertEquals(0, allowed.exitCode(), allowed.toString());
        assertEquals(home.resolve("versions/1.22.5") + "\n", allowed.out());
    }

    @Test
    void installsWithASignedChecksumsFileServedByNginx() throws IOException {
        GnuPG gpg = GnuPG.in(tmp);
        String key = gpg.generateKey("Corp Release <release@corp.example>", "rsa2048");
        StringBuilder sums = new StringBuilder();
        try (var files = Files.list(www)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".tar.gz")).sorted().toList()) {
                sums.append(FixtureDistribution.sha256(p)).append("  ").append(p.getFileName()).append('\n');
            }
        }
        Path checksums = Files.writeString(www.resolve("checksums.txt"), sums);
        gpg.detachSign(key, checksums, www.resolve("signature.asc"));
        Path home = Files.createDirectories(tmp.resolve("signed-home/keys"));
        gpg.exportPublic(key, home.resolve("corp.asc"), true);
        Files.writeString(home.resolveSibling("config.toml"), """
                [[mirror]]
                name = "corp"
                type = "dl"
                url = "http://127.0.0.1:%d/golang/"
                checksums = "checksums.txt"
                signature = "signature.asc"
                """.formatted(port));

        CliResult r = cli("corp", home.getParent()).run("install", "1.21.13");

        assertEquals(0, r.exitCode(), r.toString());
        String meta = Files.readString(home.resolveSibling("meta/1.21.13.json"));
        assertTrue(meta.contains("\"kind\": \"signed\""), meta);
        assertTrue(meta.contains("Corp Release <release@corp.example>"), meta);
    }
}
