package dev.jgvm.core.plugin;

import dev.jgvm.core.dist.Checksum;
import dev.jgvm.core.spi.PluginCache;
import dev.jgvm.core.store.InstallStore;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.regex.Pattern;

/** A plugin's {@link PluginCache}: one directory under {@code cache/plugins/}, written through the store's atomic writes. */
final class CacheDirectory implements PluginCache {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._-]+");

    private final Path dir;

    CacheDirectory(Path dir) { this.dir = dir; }

    /** The cache of {@code name} under {@code root}. */
    static CacheDirectory of(Path root, String name) { return new CacheDirectory(root.resolve(plain(name))); }

    @Override public Path dir() throws IOException { return Files.createDirectories(dir); }

    @Override public String key(String text) {
        var d = Checksum.newDigest();
        d.update(text.getBytes(StandardCharsets.UTF_8));
        return Checksum.of(d).hex().substring(0, 24);
    }

    @Override public Optional<String> read(String file, long maxBytes) {
        Path p = dir.resolve(plain(file));
        try (InputStream in = Files.newInputStream(p)) {
            byte[] b = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            return b.length > maxBytes ? Optional.empty() : Optional.of(new String(b, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override public void write(String file, String text) throws IOException {
        Path p = dir().resolve(plain(file));
        try {
            InstallStore.writeAtomically(p, text);
        } catch (RuntimeException e) {
            throw new IOException("cannot write '%s': %s".formatted(p, e.getMessage()), e);
        }
    }

    @Override public Path directory(String name, Filler fill) throws IOException {
        Path target = dir().resolve(plain(name));
        if (Files.isDirectory(target)) return target;
        Path staging = Files.createTempDirectory(dir, plain(name) + ".partial-");
        try {
            fill.fill(staging);
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException | AtomicMoveNotSupportedException raced) {
                // Another process made it first: theirs is as good as ours.
                if (!Files.isDirectory(target)) throw raced;
                InstallStore.deleteTree(staging);
            }
            return target;
        } catch (IOException | RuntimeException | Error e) {
            InstallStore.deleteTree(staging);
            throw e;
        }
    }

    @Override public Path scratch(String prefix) throws IOException { return Files.createTempDirectory(dir(), plain(prefix)); }

    @Override public void delete(Path path) throws IOException {
        Path p = path.toAbsolutePath().normalize();
        if (!p.startsWith(dir.toAbsolutePath().normalize()) || p.equals(dir.toAbsolutePath().normalize())) {
            throw new IllegalArgumentException("'%s' is not inside the plugin's cache '%s'".formatted(path, dir));
        }
        InstallStore.deleteTree(p);
    }

    private static String plain(String name) {
        if (!PLAIN.matcher(name).matches() || name.equals(".") || name.equals("..")) {
            throw new IllegalArgumentException("'%s' is not a plain file name".formatted(name));
        }
        return name;
    }
}
