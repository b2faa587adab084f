package dev.jgvm.cli.command;

import com.google.gson.JsonArray;
import dev.jgvm.cli.render.Progress;
import dev.jgvm.cli.render.Json;
import com.google.gson.JsonObject;
import dev.jgvm.cli.render.Terminal;
import dev.jgvm.core.bundle.BundleService;
import dev.jgvm.core.env.Env;
import dev.jgvm.core.error.ExitCode;
import dev.jgvm.core.install.Installer.Installation;
import dev.jgvm.core.platform.Platform;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/** {@code jgvm bundle create|import}: signed offline bundles for machines without network (README, 'Offline: signed bundles'). */
@Command(name = "bundle", addMethodSubcommands = false, description = "Make and import signed offline bundles of Go versions.",
        subcommands = {BundleCommand.Create.class, BundleCommand.Import.class})
public final class BundleCommand implements Runnable {
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    public BundleCommand() { }

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

        private final Terminal t;
        private final Env env;
        private final boolean systemStreams;
        private final Supplier<BundleService> bundles;

        /** @param systemStreams whether a passphrase may be asked on the console */
        public Create(Terminal t, Env env, boolean systemStreams, Supplier<BundleService> bundles) {
            this.t = t;
            this.env = env;
            this.systemStreams = systemStreams;
            this.bundles = bundles;
        }

        @Override public Integer call() {
            BundleService.Created c = bundles.get().create(specs, platforms, Optional.ofNullable(signKey), this::passphrase, output,
                    Optional.ofNullable(mirror), allowMirrorChecksums, Progress.listener(t), new BundleService.CreateListener() {
                        @Override public void unsigned() {
                            t.warn("the bundle is not signed (no --sign-key): machines will refuse it unless their [verify] minimum is 'mirror'");
                        }

                        @Override public void added(BundleService.Archive a) { t.info("added %s (%s)".formatted(a.file(), a.evidence())); }
                    });
            c.signedBy().ifPresent(fpr -> t.info("signed checksums.txt with key %s".formatted(fpr)));
            if (t.json()) {
                JsonArray a = new JsonArray();
                for (BundleService.Archive e : c.archives()) {
                    JsonObject o = new JsonObject();
                    o.addProperty("file", e.file());
                    o.addProperty("sha256", e.sha256());
                    o.addProperty("evidence", e.evidence());
                    a.add(o);
                }
                JsonObject o = new JsonObject();
                o.addProperty("bundle", c.bundle().toString());
                o.addProperty("signed_by", c.signedBy().orElse(null));
                o.add("archives", a);
                t.out().println(Json.render(o));
                return ExitCode.OK.code();
            }
            t.out().println(c.bundle());
            return ExitCode.OK.code();
        }

        private char[] passphrase() {
            Optional<String> given = env.get("JGVM_SIGN_PASSPHRASE");
            if (given.isPresent()) return given.get().toCharArray();
            java.io.Console console = systemStreams ? System.console() : null;
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

        private final Terminal t;
        private final Supplier<BundleService> bundles;

        public Import(Terminal t, Supplier<BundleService> bundles) {
            this.t = t;
            this.bundles = bundles;
        }

        @Override public Integer call() {
            BundleService.Imported r = bundles.get().importBundle(bundle, install != Mode.none, Progress.listener(t), new BundleService.ImportListener() {
                @Override public void imported(BundleService.Archive a) { t.info("imported %s (%s)".formatted(a.file(), a.detail())); }

                @Override public void otherPlatform(BundleService.Archive a, Platform here) {
                    if (install == Mode.all) t.info("kept %s in the cache: it is for %s, this machine is %s".formatted(a.file(), a.platform(), here));
                }

                @Override public void installed(Installation i) {
                    if (i.alreadyInstalled()) t.info("go %s is already installed".formatted(i.version()));
                    if (!t.json()) t.out().println(i.goroot());
                }
            });
            if (t.json()) {
                JsonArray importedJson = new JsonArray();
                for (BundleService.Archive e : r.archives()) {
                    JsonObject io = new JsonObject();
                    io.addProperty("file", e.file());
                    io.addProperty("evidence", e.detail());
                    importedJson.add(io);
                }
                JsonArray installedJson = new JsonArray();
                for (Installation i : r.installed()) {
                    JsonObject o = new JsonObject();
                    o.addProperty("version", i.version().name());
                    o.addProperty("goroot", i.goroot().toString());
                    o.addProperty("already_installed", i.alreadyInstalled());
                    installedJson.add(o);
                }
                JsonObject o = new JsonObject();
                o.add("imported", importedJson);
                o.add("installed", installedJson);
                t.out().println(Json.render(o));
            }
            return ExitCode.OK.code();
        }
    }
}
