package dev.jgvm.cli.command;

import com.google.gson.JsonArray;
import dev.jgvm.cli.render.Progress;
import dev.jgvm.cli.render.Json;
import com.google.gson.JsonObject;
import dev.jgvm.cli.Services;
import dev.jgvm.cli.render.Terminal;
import dev.jgvm.core.bundle.BundleImporter;
import dev.jgvm.core.bundle.BundleWriter;
import dev.jgvm.core.download.ArchiveCache;
import dev.jgvm.core.error.ExitCode;
import dev.jgvm.core.error.UsageException;
import dev.jgvm.core.event.ProgressListener;
import dev.jgvm.core.install.Installer;
import dev.jgvm.core.install.Installer.Installation;
import dev.jgvm.core.platform.Platform;
import dev.jgvm.core.verify.PgpSigner;
import dev.jgvm.core.verify.VerifiedArchive;
import dev.jgvm.core.version.GoVersion;
import dev.jgvm.core.version.VersionSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code jgvm bundle create|import}: signed offline bundles for machines without network (README, 'Offline: signed bundles'). */
@Command(name = "bundle", addMethodSubcommands = false, description = "Make and import signed offline bundles of Go versions.",
        subcommands = {BundleCommand.Create.class, BundleCommand.Import.class})
public final class BundleCommand implements Runnable {
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    public BundleCommand(Services services) { }

    @Override public void run() { spec.commandLine().usage(spec.commandLine().getOut()); }

    /** {@code bundle create SPEC... --platform P[,P] [--sign-key FILE] -o FILE}. */
    @Command(name = "create", addMethodSubcommands = false, description = "Fetch and verify versions through the mirror chain and pack them into a signed tar.")
    public static final class Create implements Callable<Integer> {
        @Parameters(paramLabel = "SPEC", arity = "1..*", description = "Versions: 1.22.5, 1.22, latest.")
        List<String> specs;

        @Option(names = "--platform", paramLabel = "OS/ARCH[,OS/ARCH]", split = ",", description = "Platforms to include (default: this one).")
        List<String> platforms = new ArrayList<>();

        @Option(names = "--sign-key", paramLabel = "FILE", description = "An OpenPGP secret key (gpg --export-secret-keys --armor); passphrase from JGVM_SIGN_PASSPHRASE or a prompt.")
        Path signKey;

        @Option(names = {"-o", "--output"}, paramLabel = "FILE", required = true, description = "The bundle to write (a .tar).")
        Path output;

        @Option(names = "--mirror", paramLabel = "NAME", description = "Fetch only from this mirror.")
        String mirror;

        @Option(names = "--allow-mirror-checksums", description = "Accept archives only their mirror vouches for (reported).")
        boolean allowMirrorChecksums;

        private final Services services;

        public Create(Services services) { this.services = services; }

        @Override public Integer call() {
            Terminal t = services.terminal();
            ProgressListener progress = Progress.listener(t);
            Optional<PgpSigner> signer = Optional.ofNullable(signKey).map(k -> PgpSigner.load(services.env().cwd().resolve(k), passphrase(t)));
            if (signer.isEmpty()) t.warn("the bundle is not signed (no --sign-key): machines will refuse it unless their [verify] minimum is 'mirror'");
            List<Platform> targets = platforms.isEmpty() ? List.of(services.platforms().platform(Optional.empty()))
                    : platforms.stream().map(Platform::parse).toList();
            var remote = services.remoteInstaller(Optional.ofNullable(mirror), allowMirrorChecksums, false, progress);
            List<VerifiedArchive> archives = new ArrayList<>();
            Path written;
            try {
                for (Platform p : targets) {
                    for (String s : specs) {
                        GoVersion v = remote.resolve(VersionSpec.parse(s), p, false, progress);
                        VerifiedArchive e = remote.obtain(v, p, false, progress);
                        if (e.layout() != dev.jgvm.core.archive.ArchiveExtractor.Layout.OFFICIAL) {
                            e.close();
                            throw new UsageException("go %s for %s came as a module-proxy zip ('%s'); bundles carry official archives".formatted(v, p, e.fileName()),
                                    "make the bundle from a dl mirror: --mirror official, or a [[mirror]] of type dl");
                        }
                        if (archives.stream().noneMatch(a -> a.fileName().equals(e.fileName()))) archives.add(e);
                        else e.close();
                        t.info("added %s (%s)".formatted(e.fileName(), e.evidence().get(0).kind().text()));
                    }
                }
                written = new BundleWriter().write(archives, signer, services.env().cwd().resolve(output));
            } finally {
                archives.forEach(VerifiedArchive::close);
            }
            signer.ifPresent(sg -> t.info("signed checksums.txt with key %s".formatted(sg.fingerprint())));
            if (t.json()) {
                JsonArray a = new JsonArray();
                for (VerifiedArchive e : archives) {
                    JsonObject o = new JsonObject();
                    o.addProperty("file", e.fileName());
                    o.addProperty("sha256", e.sha256().hex());
                    o.addProperty("evidence", e.evidence().get(0).kind().text());
                    a.add(o);
                }
                JsonObject o = new JsonObject();
                o.addProperty("bundle", written.toString());
                o.addProperty("signed_by", signer.map(PgpSigner::fingerprint).orElse(null));
                o.add("archives", a);
                t.out().println(Json.render(o));
                return ExitCode.OK.code();
            }
            t.out().println(written);
            return ExitCode.OK.code();
        }

        private char[] passphrase(Terminal t) {
            Optional<String> env = services.env().get("JGVM_SIGN_PASSPHRASE");
            if (env.isPresent()) return env.get().toCharArray();
            java.io.Console console = services.systemStreams() ? System.console() : null;
            if (console != null) {
                char[] p = console.readPassword("passphrase for %s: ", signKey);
                return p == null ? new char[0] : p;
            }
            return new char[0]; // an unprotected key; a protected one fails with a hint
        }
    }

    /** {@code bundle import BUNDLE [--install all|current|none]}. */
    @Command(name = "import", addMethodSubcommands = false, description = "Verify a bundle, add its archives to the cache and install those for this platform.")
    public static final class Import implements Callable<Integer> {
        /** What to install after importing. */
        enum Mode { all, current, none }

        @Parameters(paramLabel = "BUNDLE", description = "A bundle .tar or its unpacked directory.")
        Path bundle;

        @Option(names = "--install", paramLabel = "MODE", defaultValue = "current",
                description = "current (default): install the bundle's versions for this platform; all: the same, and name the other platforms' archives it keeps cached; none: only cache them.")
        Mode install;

        private final Services services;

        public Import(Services services) { this.services = services; }

        @Override public Integer call() {
            Terminal t = services.terminal();
            ProgressListener progress = Progress.listener(t);
            Path file = services.env().cwd().resolve(bundle);
            if (!java.nio.file.Files.exists(file)) throw new UsageException("no such bundle '%s'".formatted(bundle), "give the .tar that 'jgvm bundle create' wrote");
            BundleImporter importer = new BundleImporter(services.store(), new ArchiveCache(services.store().cacheDir()), services.localVerifier());
            List<VerifiedArchive> imported = importer.importBundle(file, progress);
            JsonArray importedJson = new JsonArray();
            JsonArray installedJson = new JsonArray();
            try {
                Platform here = services.platforms().platform(Optional.empty());
                for (VerifiedArchive e : imported) {
                    JsonObject io = new JsonObject();
                    io.addProperty("file", e.fileName());
                    io.addProperty("evidence", e.evidence().get(0).detail());
                    importedJson.add(io);
                    t.info("imported %s (%s)".formatted(e.fileName(), e.evidence().get(0).detail()));
                    if (install == Mode.none) continue;
                    if (!e.platform().equals(here)) {
                        if (install == Mode.all) t.info("kept %s in the cache: it is for %s, this machine is %s".formatted(e.fileName(), e.platform(), here));
                        continue;
                    }
                    Installation i = services.installer().install(e, Installer.InstallOptions.DEFAULT, progress);
                    if (i.alreadyInstalled()) t.info("go %s is already installed".formatted(i.version()));
                    JsonObject o = new JsonObject();
                    o.addProperty("version", i.version().name());
                    o.addProperty("goroot", i.goroot().toString());
                    o.addProperty("already_installed", i.alreadyInstalled());
                    installedJson.add(o);
                    if (!t.json()) t.out().println(i.goroot());
                }
            } finally {
                imported.forEach(VerifiedArchive::close);
            }
            if (t.json()) {
                JsonObject o = new JsonObject();
                o.add("imported", importedJson);
                o.add("installed", installedJson);
                t.out().println(Json.render(o));
            }
            return ExitCode.OK.code();
        }
    }

}
