package dev.jgvm.cli;

import dev.jgvm.core.env.Env;
import dev.jgvm.core.dist.Checksum;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The JVM start-up caches' training run (install.sh and the launcher run it under {@code -XX:ArchiveClassesAtExit}
 * on JDK 17-23 or {@code -XX:AOTCacheOutput} on 24+): the everyday commands, in process, against a throw-away
 * JGVM_HOME, and an install from a loopback mirror, so the classes they load are archived. With the argument
 * {@code quick} only the everyday commands run ({@link #QUICK_RUNS}), and no install: on JDK 24+ every class an AOT
 * cache holds is loaded at each start that uses it, so the launcher gives those commands a cache of their own
 * (ARCHITECTURE.md, Start-up). Prints nothing; exits 0 even if a command fails.
 */
public final class Train {
    private Train() {}

    /**
     * What the everyday commands' cache is trained with: the runs the launcher starts with it (launcher.sh,
     * {@code _jgvm_lean}: the global options alone, list, current, which and env), nothing that installs or reaches the
     * network. Each class more it holds costs every one of them its loading (~10 ms of CPU per thousand on JDK 25).
     */
    static final String[][] QUICK_RUNS = {
            {"--version"}, {"--help"}, {}, {"list"}, {"list", "--json"}, {"ls", "--json"}, {"current"}, {"current", "--json"},
            {"current", "-v"}, {"which", "go"}, {"env"}, {"env", "--shell", "fish"}, {"list", "--bad"},
    };

    public static void main(String[] args) throws IOException {
        boolean quick = args.length == 1 && args[0].equals("quick");
        if (args.length > (quick ? 1 : 0)) throw new IllegalArgumentException("usage: Train [quick]");
        Path home = Files.createTempDirectory("jgvm-train");
        try {
            Path project = Files.createDirectories(home.resolve("project"));
            Env env = Env.of("JGVM_HOME", home.resolve("home"), "HOME", home, "PATH", "/usr/bin:/bin", "JGVM_PLATFORM", "linux/amd64")
                    .withCwd(project);
            PrintWriter sink = new PrintWriter(Writer.nullWriter());
            if (quick) {
                // An installed version selected here, laid out as an install leaves it, without an install's classes.
                Files.createDirectories(home.resolve("home/versions/1.22.5/bin"));
                Files.writeString(home.resolve("home/versions/1.22.5/bin/go"), "#!/bin/sh\n");
                Files.writeString(project.resolve(".go-version"), "1.22.5\n");
                for (String[] run : QUICK_RUNS) Main.run(env, sink, sink, run);
                return;
            }
            Path archive = Full.tinyGo(home.resolve("go1.22.5.linux-amd64.tar.gz"));
            String sha = Checksum.ofFile(archive).hex();
            String[][] runs = {
                    {"--version"}, {"--help"}, {"list"}, {"current"}, {"install", "--help"},
                    {"install", "--from", archive.toString(), "--sha256", sha}, {"list"}, {"ls", "--json"}, {"current", "-v"},
                    {"use", "1.22"}, {"current"}, {"which", "go"}, {"env"}, {"env", "--shell", "fish"},
                    {"exec", "--help"}, {"use", "--help"}, {"verify"}, {"keys", "list"}, {"list-remote", "--help"}, {"bundle", "--help"},
                    {"doctor", "--help"}, {"uninstall", "1.22.5"}, {"rehash"}, {"use", "nope"}, {"install", "--bad"},
            };
            for (String[] run : runs) Main.run(env, sink, sink, run);
            Full.network(home, env, sink);
        } finally {
            dev.jgvm.core.store.InstallStore.deleteTree(home);
        }
    }

    /**
     * The full training's install and download, apart: verifying a class loads the classes its methods hand each other
     * (Commons Compress's streams here), which the quick training must not.
     */
    private static final class Full {
        private Full() {}

        // A download from a loopback mirror (HTTP client, the dl plugin, the verifier, extraction as it downloads), when
        // the JDK has its small HTTP server (a jlinked runtime may not): their classes are most of an install's start-up.
        private static void network(Path home, Env env, PrintWriter sink) throws IOException {
            Path archive = tinyGo(home.resolve("go1.22.6.linux-amd64.tar.gz"));
            byte[] bytes = Files.readAllBytes(archive);
            String sha = Checksum.ofFile(archive).hex();
            com.sun.net.httpserver.HttpServer server;
            try {
                server = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
            } catch (LinkageError e) {
                return;
            }
            server.createContext("/", ex -> {
                String path = ex.getRequestURI().getPath();
                byte[] body = path.equals("/") ? "<html><body><a href=\"go1.22.6.linux-amd64.tar.gz\">go1.22.6.linux-amd64.tar.gz</a></body></html>"
                        .getBytes(StandardCharsets.UTF_8)
                        : path.equals("/go1.22.6.linux-amd64.tar.gz") ? bytes
                        : path.equals("/go1.22.6.linux-amd64.tar.gz.sha256") ? sha.getBytes(StandardCharsets.US_ASCII) : null;
                ex.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
                if (body != null) ex.getResponseBody().write(body);
                ex.close();
            });
            server.start();
            try {
                Env net = env.with("JGVM_MIRRORS", "dl+http://127.0.0.1:" + server.getAddress().getPort() + "/").with("JGVM_ORIGINS", "none")
                        .with("JGVM_RETRIES", "0");
                Main.run(net, sink, sink, new String[] {"list-remote"});
                Main.run(net, sink, sink, new String[] {"install", "--allow-mirror-checksums", "1.22.6"});
            } finally {
                server.stop(0);
            }
        }

        private static Path tinyGo(Path file) throws IOException {
            try (OutputStream fo = Files.newOutputStream(file);
                 TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(fo))) {
                String v = file.getFileName().toString().split("\\.linux")[0];
                add(tar, "go/VERSION", v + "\n", 0644);
                add(tar, "go/bin/go", "#!/bin/sh\necho go version go1.22.5 linux/amd64\n", 0755);
                add(tar, "go/bin/gofmt", "#!/bin/sh\n", 0755);
            }
            return file;
        }

        private static void add(TarArchiveOutputStream tar, String name, String content, int mode) throws IOException {
            byte[] b = content.getBytes(StandardCharsets.UTF_8);
            TarArchiveEntry e = new TarArchiveEntry(name);
            e.setSize(b.length);
            e.setMode(0100000 | mode);
            tar.putArchiveEntry(e);
            tar.write(b);
            tar.closeArchiveEntry();
        }
    }
}
