package dev.jgvm.cli.command;

import com.google.gson.JsonArray;
import dev.jgvm.cli.render.Json;
import com.google.gson.JsonObject;
import dev.jgvm.cli.Services;
import dev.jgvm.cli.render.Terminal;
import dev.jgvm.core.error.ExitCode;
import dev.jgvm.core.error.StoreException;
import dev.jgvm.core.error.UsageException;
import dev.jgvm.core.error.VerificationException;
import dev.jgvm.core.store.InstallStore;
import dev.jgvm.core.verify.KeyValidity;
import dev.jgvm.core.verify.TrustedKeys;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code jgvm keys}: the OpenPGP keys jgvm trusts for signed checksums and bundles (README, 'Offline: signed bundles'). */
@Command(name = "keys", description = "Manage the OpenPGP keys jgvm trusts (besides the built-in Go release key).",
        subcommands = {KeysCommand.Import.class, KeysCommand.ListKeys.class, KeysCommand.Remove.class})
public final class KeysCommand implements Runnable {
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    public KeysCommand(Services services) { }

    @Override public void run() { spec.commandLine().usage(spec.commandLine().getOut()); }

    static String spaced(String fpr) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < fpr.length(); i += 4) b.append(i == 0 ? "" : i == 20 ? "  " : " ").append(fpr, i, Math.min(fpr.length(), i + 4));
        return b.toString();
    }

    static List<String> userIds(PGPPublicKeyRing ring) {
        List<String> ids = new ArrayList<>();
        for (Iterator<String> it = ring.getPublicKey().getUserIDs(); it.hasNext(); ) ids.add(it.next());
        return ids;
    }

    /** {@code keys import FILE [--fingerprint FPR] [--yes]}. */
    @Command(name = "import", description = "Trust the OpenPGP public key(s) in FILE (armored or binary, e.g. from gpg --export).")
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
            Path source = services.env().cwd().resolve(file);
            List<PGPPublicKeyRing> rings;
            try (InputStream in = Files.newInputStream(source)) {
                rings = TrustedKeys.parse(in);
            } catch (IOException | PGPException | RuntimeException e) {
                throw new UsageException("'%s' holds no OpenPGP public key: %s".formatted(file, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()),
                        "export one with 'gpg --export --armor FPR > key.asc'");
            }
            if (rings.isEmpty()) throw new UsageException("'%s' holds no OpenPGP public key".formatted(file), "export one with 'gpg --export --armor FPR > key.asc'");
            // Every key in the file is shown, with what makes it unfit, before anything is refused or trusted: nothing
            // is trusted that the user was not shown.
            Instant now = services.env().clock().instant();
            Map<PGPPublicKeyRing, KeyValidity.Report> reports = new LinkedHashMap<>();
            for (PGPPublicKeyRing r : rings) {
                KeyValidity.Report report = KeyValidity.report(r, now);
                reports.put(r, report);
                t.notice("key %s %s".formatted(spaced(report.fingerprint()), report.userIds().isEmpty() ? "(no user id)" : String.join(", ", report.userIds())));
                for (String problem : report.problems()) t.warn("key %s %s; a signature by it gives no evidence".formatted(spaced(report.fingerprint()), problem));
            }
            if (fingerprint != null) {
                String want = TrustedKeys.normalize(fingerprint);
                rings = rings.stream().filter(r -> reports.get(r).fingerprint().equals(want)).toList();
                if (rings.isEmpty()) {
                    throw VerificationException.failed("'%s' does not hold the key %s; nothing was imported".formatted(file, spaced(want)),
                            "check the fingerprint with the key's owner, through a channel other than the one the file came from");
                }
            } else if (!yes) {
                throw new UsageException("importing a key needs --fingerprint FPR (checked) or --yes (taken as is)",
                        "compare the fingerprints above with the key owner's, then run again with --fingerprint");
            }
            List<KeyValidity.Report> unfit = rings.stream().map(reports::get).filter(r -> !r.fit()).toList();
            if (!unfit.isEmpty() && !yes) {
                KeyValidity.Report first = unfit.get(0);
                throw VerificationException.failed("the key %s %s; nothing was imported".formatted(spaced(first.fingerprint()), first.problems().get(0)),
                        "ask its owner for a current copy; --yes trusts it as it is, but its signatures will give no evidence while it stays so");
            }
            JsonArray imported = new JsonArray();
            for (PGPPublicKeyRing r : rings) {
                String fpr = reports.get(r).fingerprint();
                Path target = services.store().home().resolve("keys").resolve(fpr + ".asc");
                InstallStore.writeAtomically(target, armor(r));
                t.info("trusted %s %s".formatted(spaced(fpr), String.join(", ", userIds(r))));
                if (!t.json()) t.out().println(fpr);
                JsonObject o = new JsonObject();
                o.addProperty("fingerprint", fpr);
                o.addProperty("user_ids", String.join(", ", userIds(r)));
                imported.add(o);
            }
            if (t.json()) t.out().println(Json.render(imported));
            return ExitCode.OK.code();
        }

        private static String armor(PGPPublicKeyRing ring) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            try (OutputStream out = new ArmoredOutputStream(b)) {
                ring.encode(out);
            } catch (IOException e) {
                throw new StoreException("cannot encode the key: " + e.getMessage(), null, e);
            }
            return b.toString(StandardCharsets.US_ASCII);
        }
    }

    /** {@code keys list}. */
    @Command(name = "list", aliases = "ls", description = "List the trusted keys; the built-in Go release key is marked.")
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
    @Command(name = "remove", aliases = "rm", description = "Stop trusting a key.")
    public static final class Remove implements Callable<Integer> {
        @Parameters(paramLabel = "FPR") String fingerprint;

        private final Services services;

        public Remove(Services services) { this.services = services; }

        @Override public Integer call() {
            String want = TrustedKeys.normalize(fingerprint);
            // A v4 fingerprint is 40 hex digits, a v6 one 64.
            if (!want.matches("[0-9A-F]{40}|[0-9A-F]{64}")) {
                throw new UsageException("'%s' is not a key fingerprint".formatted(fingerprint),
                        "give the 40 hex digits 'jgvm keys list' shows (spaces allowed)");
            }
            if (want.equals(TrustedKeys.GO_RELEASE_KEY)) {
                throw new UsageException("the Go release key is built in and cannot be removed", "it only vouches for archives signed by Go's release process");
            }
            TrustedKeys keys = TrustedKeys.load(services.store().home().resolve("keys"));
            List<TrustedKeys.Trusted> match = keys.all().stream().filter(k -> !k.builtIn() && k.fingerprint().equals(want)).toList();
            if (match.isEmpty()) {
                throw new dev.jgvm.core.error.VersionNotFoundException("no trusted key has the fingerprint %s".formatted(spaced(want)), "'jgvm keys list' shows them");
            }
            JsonArray removed = new JsonArray();
            for (TrustedKeys.Trusted k : match) {
                JsonObject o = new JsonObject();
                o.addProperty("fingerprint", k.fingerprint());
                o.addProperty("user_ids", String.join(", ", userIds(k.ring())));
                removed.add(o);
                try {
                    Files.deleteIfExists(Path.of(k.source()));
                } catch (IOException e) {
                    throw new StoreException("cannot remove '%s': %s".formatted(k.source(), e.getMessage()), null, e);
                }
                services.terminal().info("no longer trusting %s %s".formatted(spaced(want), String.join(", ", userIds(k.ring()))));
            }
            if (services.terminal().json()) services.terminal().out().println(Json.render(removed));
            return ExitCode.OK.code();
        }
    }
}
