package dev.jgvm.cli.command;

import com.google.gson.JsonArray;
import dev.jgvm.cli.render.Json;
import com.google.gson.JsonObject;
import dev.jgvm.cli.Services;
import dev.jgvm.cli.render.Terminal;
import dev.jgvm.core.error.ExitCode;
import dev.jgvm.core.verify.KeyTrust;
import dev.jgvm.core.verify.KeyValidity;
import dev.jgvm.core.verify.TrustedKeys;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code jgvm keys}: the OpenPGP keys jgvm trusts for signed checksums and bundles (README, 'Offline: signed bundles'). */
@Command(name = "keys", addMethodSubcommands = false, description = "Manage the OpenPGP keys jgvm trusts (besides the built-in Go release key).",
        subcommands = {KeysCommand.Import.class, KeysCommand.ListKeys.class, KeysCommand.Remove.class})
public final class KeysCommand implements Runnable {
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    public KeysCommand(Services services) { }

    @Override public void run() { spec.commandLine().usage(spec.commandLine().getOut()); }

    private static String spaced(String fpr) { return KeyTrust.spaced(fpr); }

    private static List<String> userIds(PGPPublicKeyRing ring) { return KeyTrust.userIds(ring); }

    /** {@code keys import FILE [--fingerprint FPR] [--yes]}. */
    @Command(name = "import", addMethodSubcommands = false, description = "Trust the OpenPGP public key(s) in FILE (armored or binary, e.g. from gpg --export).")
    public static final class Import implements Callable<Integer> {
        @Parameters(paramLabel = "FILE") Path file;

        @Option(names = "--fingerprint", paramLabel = "FPR", description = "Trust only if the key has this fingerprint (spaces allowed).")
        String fingerprint;

        @Option(names = {"-y", "--yes"}, description = "Trust what the file holds without asking.")
        boolean yes;

        private final Services services;

        public Import(Services services) { this.services = services; }

        @Override public Integer call() {
            Terminal t = services.terminal();
            KeyTrust trust = new KeyTrust(services.store().home().resolve("keys"));
            List<KeyTrust.Candidate> read = trust.read(services.env().cwd().resolve(file), file.toString(), services.env().clock().instant());
            // Every key in the file is shown, with what makes it unfit, before anything is refused or trusted: nothing
            // is trusted that the user was not shown.
            for (KeyTrust.Candidate c : read) {
                KeyValidity.Report report = c.report();
                t.notice("key %s %s".formatted(spaced(report.fingerprint()), report.userIds().isEmpty() ? "(no user id)" : String.join(", ", report.userIds())));
                for (String problem : report.problems()) t.warn("key %s %s; a signature by it gives no evidence".formatted(spaced(report.fingerprint()), problem));
            }
            JsonArray imported = new JsonArray();
            for (KeyTrust.Candidate c : KeyTrust.choose(read, Optional.ofNullable(fingerprint), yes, file.toString())) {
                trust.trust(c);
                String fpr = c.fingerprint();
                t.info("trusted %s %s".formatted(spaced(fpr), String.join(", ", c.userIds())));
                if (!t.json()) t.out().println(fpr);
                JsonObject o = new JsonObject();
                o.addProperty("fingerprint", fpr);
                o.addProperty("user_ids", String.join(", ", c.userIds()));
                imported.add(o);
            }
            if (t.json()) t.out().println(Json.render(imported));
            return ExitCode.OK.code();
        }
    }

    /** {@code keys list}. */
    @Command(name = "list", addMethodSubcommands = false, aliases = "ls", description = "List the trusted keys; the built-in Go release key is marked.")
    public static final class ListKeys implements Callable<Integer> {
        private final Services services;

        public ListKeys(Services services) { this.services = services; }

        @Override public Integer call() {
            Terminal t = services.terminal();
            TrustedKeys keys = TrustedKeys.load(services.store().home().resolve("keys"));
            JsonArray a = new JsonArray();
            for (TrustedKeys.Trusted k : keys.all()) {
                String ids = String.join(", ", userIds(k.ring()));
                if (t.json()) {
                    JsonObject o = new JsonObject();
                    o.addProperty("fingerprint", k.fingerprint());
                    o.addProperty("user_ids", ids);
                    o.addProperty("built_in", k.builtIn());
                    o.addProperty("source", k.source());
                    a.add(o);
                } else {
                    t.out().println(k.fingerprint() + "  " + ids + (k.builtIn() ? "  (built-in)" : ""));
                }
            }
            if (t.json()) t.out().println(Json.render(a));
            return ExitCode.OK.code();
        }
    }

    /** {@code keys remove FPR}. */
    @Command(name = "remove", addMethodSubcommands = false, aliases = "rm", description = "Stop trusting a key.")
    public static final class Remove implements Callable<Integer> {
        @Parameters(paramLabel = "FPR") String fingerprint;

        private final Services services;

        public Remove(Services services) { this.services = services; }

        @Override public Integer call() {
            JsonArray removed = new JsonArray();
            for (TrustedKeys.Trusted k : new KeyTrust(services.store().home().resolve("keys")).remove(fingerprint)) {
                JsonObject o = new JsonObject();
                o.addProperty("fingerprint", k.fingerprint());
                o.addProperty("user_ids", String.join(", ", userIds(k.ring())));
                removed.add(o);
                services.terminal().info("no longer trusting %s %s".formatted(spaced(k.fingerprint()), String.join(", ", userIds(k.ring()))));
            }
            if (services.terminal().json()) services.terminal().out().println(Json.render(removed));
            return ExitCode.OK.code();
        }
    }
}
