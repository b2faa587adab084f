package dev.jgvm.cli.command;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.jgvm.cli.Services;
import dev.jgvm.cli.render.Terminal;
import dev.jgvm.core.error.ExitCode;
import dev.jgvm.core.error.StoreException;
import dev.jgvm.core.error.VerificationException;
import dev.jgvm.core.error.VersionNotFoundException;
import dev.jgvm.core.store.InstallMeta;
import dev.jgvm.core.store.InstallStore;
import dev.jgvm.core.verify.TreeHash;
import dev.jgvm.core.version.GoVersion;
import dev.jgvm.core.version.VersionSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code jgvm verify [SPEC]}: re-hash installed trees against the tree hash recorded when they were installed. */
@Command(name = "verify", description = "Re-hash installed Go trees against the hash recorded at install (all, or SPEC).")
public final class VerifyCommand implements Callable<Integer> {
    @Parameters(paramLabel = "SPEC", arity = "0..1", description = "One version (default: every installed one).")
    String spec;

    private final Services services;

    public VerifyCommand(Services services) { this.services = services; }

    @Override public Integer call() {
        Terminal t = services.terminal();
        InstallStore store = services.store();
        List<GoVersion> versions = spec == null ? store.installed()
                : List.of(VersionSpec.parse(spec).select(store.installed()).orElseThrow(() ->
                        new VersionNotFoundException("go %s is not installed".formatted(spec), "'jgvm list' shows what is installed")));
        int bad = 0;
        JsonArray report = new JsonArray();
        for (GoVersion v : versions) {
            InstallMeta meta = store.meta(v).orElse(null);
            JsonObject o = new JsonObject();
            o.addProperty("version", v.name());
            report.add(o);
            if (meta == null || meta.treeHash().isEmpty()) {
                o.addProperty("status", "unrecorded");
                t.warn("go %s has no recorded tree hash (installed by hand?); reinstall it with --force to record one".formatted(v));
                continue;
            }
            String now;
            try {
                now = TreeHash.of(store.goroot(v));
            } catch (IOException e) {
                throw new StoreException("cannot read '%s': %s".formatted(store.goroot(v), e.getMessage()), null, e);
            }
            boolean same = now.equals(meta.treeHash());
            o.addProperty("status", same ? "ok" : "modified");
            o.addProperty("tree_hash", now);
            o.addProperty("recorded", meta.treeHash());
            if (same) {
                if (!t.json()) t.out().println(v.name() + " ok");
            } else {
                bad++;
                if (!t.json()) t.out().println(v.name() + " MODIFIED");
                t.error("go %s changed since it was installed: %s now, %s recorded".formatted(v, now, meta.treeHash()));
            }
        }
        if (t.json()) {
            t.out().println(Json.render(report));
            t.out().flush();
        }
        if (bad > 0) {
            throw new VerificationException("%d installed version%s changed since install".formatted(bad, bad == 1 ? "" : "s"),
                    "reinstall with 'jgvm install --force <version>'");
        }
        return ExitCode.OK.code();
    }
}
