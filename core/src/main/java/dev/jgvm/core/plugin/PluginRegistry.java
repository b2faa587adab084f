package dev.jgvm.core.plugin;

import dev.jgvm.core.spi.InstallHook;
import dev.jgvm.core.spi.SourceType;
import dev.jgvm.core.spi.SpiVersion;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.jar.JarFile;
import java.util.zip.ZipException;

/**
 * The source types and install hooks jgvm can use: the built-in ones (on jgvm's own class path) and those in the jars
 * of {@code JGVM_HOME/plugins/}, each jar in a class loader of its own (its classes cannot see another plugin's).
 * A jar that cannot be read, names a class it does not hold, or whose provider fails to construct is recorded as a
 * {@link Problem} naming the file, and the rest load as usual: a broken plugin never stops a command that does not
 * need it. So is an extension built for another major version of the SPI ({@link SpiVersion}), or built before the SPI
 * had a version: it is refused with both versions, since its calls could fail or mean something else. A built-in source type wins over a plugin's of the same {@code type}. Built once per command; not
 * thread-safe.
 */
public final class PluginRegistry {
    /** Where a built-in extension comes from, as {@link Extension#origin()} says it. */
    public static final String BUILT_IN = "built in";
    private static final int MAX_PROVIDERS = 1000;

    private final Map<String, SourceType> sourceTypes = new LinkedHashMap<>();
    private final List<InstallHook> hooks = new ArrayList<>();
    private final List<Extension> extensions = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();

    /** What an extension is. */
    public enum Kind {
        SOURCE_TYPE("source type"), INSTALL_HOOK("install hook");

        private final String text;

        Kind(String text) { this.text = text; }

        public String text() { return text; }
    }

    /**
     * One loaded extension.
     *
     * @param name    a source type's {@code type}, or a hook's name
     * @param version the jar's {@code Implementation-Version} (jgvm's own for built-ins), or {@code unknown}
     * @param origin  {@link #BUILT_IN}, or the jar's file name
     */
    public record Extension(Kind kind, String name, String version, String origin) {
        public Extension {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(origin, "origin");
        }
    }

    /** A jar that did not load (or loaded only in part), and why, in one line. */
    public record Problem(String jar, String message) {}

    private PluginRegistry() {}

    /**
     * Loads the built-in extensions from {@code builtIn} and every {@code *.jar} in {@code pluginsDir} (which need not
     * exist), in file-name order.
     */
    public static PluginRegistry load(ClassLoader builtIn, String builtInVersion, Path pluginsDir) {
        PluginRegistry r = new PluginRegistry();
        r.add(builtIn, null, BUILT_IN, builtInVersion);
        List<Path> jars = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(pluginsDir, "*.jar")) {
            for (Path p : ds) jars.add(p);
        } catch (NoSuchFileException e) {
            // no plugins directory: the built-in extensions only
        } catch (IOException e) {
            r.problems.add(new Problem(pluginsDir.toString(), "cannot list the plugins directory: " + e.getMessage()));
        }
        jars.sort(null);
        for (Path jar : jars) r.addJar(jar, builtIn);
        return r;
    }

    /** Source types by their {@code type}, built-ins first. */
    public Map<String, SourceType> sourceTypes() { return java.util.Collections.unmodifiableMap(sourceTypes); }

    public List<InstallHook> hooks() { return List.copyOf(hooks); }

    /** Everything loaded, source types then hooks, each in load order. */
    public List<Extension> extensions() {
        List<Extension> out = new ArrayList<>(extensions.stream().filter(e -> e.kind() == Kind.SOURCE_TYPE).toList());
        out.addAll(extensions.stream().filter(e -> e.kind() == Kind.INSTALL_HOOK).toList());
        return out;
    }

    public List<Problem> problems() { return List.copyOf(problems); }

    private void addJar(Path jar, ClassLoader parent) {
        String name = jar.getFileName().toString();
        String version;
        try (JarFile jf = new JarFile(jar.toFile())) {
            var manifest = jf.getManifest();
            version = manifest == null ? null : manifest.getMainAttributes().getValue("Implementation-Version");
        } catch (ZipException e) {
            problems.add(new Problem(name, "not a jar: " + e.getMessage()));
            return;
        } catch (IOException e) {
            problems.add(new Problem(name, "cannot read it: " + e.getMessage()));
            return;
        }
        URLClassLoader loader;
        try {
            loader = new URLClassLoader(name, new URL[] {jar.toUri().toURL()}, parent);
        } catch (IOException e) {
            problems.add(new Problem(name, "cannot load it: " + e.getMessage()));
            return;
        }
        // The loader stays open for the command's life: its classes are used until the process ends.
        add(loader, loader, name, version == null ? "unknown" : version);
    }

    // Providers visible to `loader`; with `only` set, just those whose class that loader defined (not the parent's).
    private void add(ClassLoader loader, ClassLoader only, String origin, String version) {
        for (SourceType t : providers(SourceType.class, loader, only, origin)) {
            String type;
            try {
                type = Objects.requireNonNull(t.type(), "type()");
            } catch (RuntimeException | LinkageError e) {
                problems.add(new Problem(origin, "source type %s has no usable type(): %s".formatted(t.getClass().getName(), message(e))));
                continue;
            }
            Optional<String> refused = refusedVersion(t::spiVersion, "source type '%s'".formatted(type));
            if (refused.isPresent()) {
                problems.add(new Problem(origin, refused.get()));
                continue;
            }
            if (sourceTypes.containsKey(type)) {
                problems.add(new Problem(origin, "source type '%s' is already provided; this one is ignored".formatted(type)));
                continue;
            }
            sourceTypes.put(type, t);
            extensions.add(new Extension(Kind.SOURCE_TYPE, type, version, origin));
        }
        for (InstallHook h : providers(InstallHook.class, loader, only, origin)) {
            String hookName;
            try {
                hookName = Objects.requireNonNull(h.name(), "name()");
            } catch (RuntimeException | LinkageError e) {
                problems.add(new Problem(origin, "install hook %s has no usable name(): %s".formatted(h.getClass().getName(), message(e))));
                continue;
            }
            Optional<String> refused = refusedVersion(h::spiVersion, "install hook '%s'".formatted(hookName));
            if (refused.isPresent()) {
                problems.add(new Problem(origin, refused.get()));
                continue;
            }
            hooks.add(h);
            extensions.add(new Extension(Kind.INSTALL_HOOK, hookName, version, origin));
        }
    }

    // Why an extension built for another SPI major is refused, or empty when it matches.
    private static Optional<String> refusedVersion(java.util.function.IntSupplier spiVersion, String what) {
        int built;
        try {
            built = spiVersion.getAsInt();
        } catch (AbstractMethodError e) {
            return Optional.of("%s was built for a plugin SPI without a version (before %d); this jgvm has SPI %s, so it is not loaded"
                    .formatted(what, SpiVersion.MAJOR, SpiVersion.text()));
        } catch (RuntimeException | LinkageError e) {
            return Optional.of("%s has no usable spiVersion(): %s".formatted(what, message(e)));
        }
        if (built == SpiVersion.MAJOR) return Optional.empty();
        return Optional.of("%s was built for plugin SPI %d; this jgvm has SPI %s, so it is not loaded"
                .formatted(what, built, SpiVersion.text()));
    }

    private <S> List<S> providers(Class<S> service, ClassLoader loader, ClassLoader only, String origin) {
        List<S> out = new ArrayList<>();
        Iterator<S> it = ServiceLoader.load(service, loader).iterator();
        // A failing provider is reported and the iteration goes on with the next one.
        for (int i = 0; i < MAX_PROVIDERS; i++) {
            try {
                if (!it.hasNext()) break;
                S s = it.next();
                if (only == null || s.getClass().getClassLoader() == only) out.add(s);
            } catch (ServiceConfigurationError | LinkageError | RuntimeException e) {
                problems.add(new Problem(origin, message(e)));
            }
        }
        return out;
    }

    private static String message(Throwable e) {
        Throwable root = e;
        StringBuilder b = new StringBuilder(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
            b.append(": ").append(root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage());
        }
        return b.toString().lines().findFirst().orElse("");
    }
}
