package dev.jgvm.cli;

import dev.jgvm.core.env.Env;
import dev.jgvm.core.verify.Checksum;
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
import java.security.MessageDigest;

/**
 * The JVM start-up cache's training run (install.sh and the launcher run it under {@code -XX:ArchiveClassesAtExit}
 * on JDK 17-23 or {@code -XX:AOTCacheOutput} on 24+): the everyday commands, in process, against a throw-away
 * JGVM_HOME, so the classes they load are archived. Prints nothing; exits 0 even if a command fails.
 */
public final class Train {
    private Train() {}

    public static void main(String[] args) throws IOException {
        Path home = Files.createTempDirectory("jgvm-train");
        try {
            Path project = Files.createDirectories(home.resolve("project"));
            Path archive = tinyGo(home.resolve("go1.22.5.linux-amd64.tar.gz"));
            String sha = sha256(archive);
            Env env = Env.of("JGVM_HOME", home.resolve("home"), "HOME", home, "PATH", "/usr/bin:/bin", "JGVM_PLATFORM", "linux/amd64")
                    .withCwd(project);
            String[][] runs = {
                    {"--version"}, {"--help"}, {"list"}, {"current"}, {"install", "--help"},
                    {"install", "--from", archive.toString(), "--sha256", sha}, {"list"}, {"ls", "--json"}, {"current", "-v"},
                    {"use", "1.22"}, {"current"}, {"which", "go"}, {"env"}, {"env", "--shell", "fish"},
                    {"exec", "--help"}, {"use", "--help"}, {"verify"}, {"keys", "list"}, {"list-remote", "--help"}, {"bundle", "--help"},
                    {"uninstall", "1.22.5"}, {"rehash"}, {"use", "nope"}, {"install", "--bad"},
            };
            PrintWriter sink = new PrintWriter(Writer.nullWriter());
            for (String[] run : runs) Main.run(env, sink, sink, run);
        } finally {
            dev.jgvm.core.store.InstallStore.deleteTree(home);
        }
    }

    private static Path tinyGo(Path file) throws IOException {
        try (OutputStream fo = Files.newOutputStream(file);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(fo))) {
            add(tar, "go/VERSION", "go1.22.5\n", 0644);
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

    private static String sha256(Path file) throws IOException {
        MessageDigest d = Checksum.newDigest();
        d.update(Files.readAllBytes(file));
        return Checksum.of(d).hex();
    }
}
