package dev.jgvm.cli.command;

import com.google.gson.JsonArray;
import dev.jgvm.cli.render.Json;
import com.google.gson.JsonObject;
import dev.jgvm.cli.Services;
import dev.jgvm.cli.render.Terminal;
import dev.jgvm.core.error.ExitCode;
import dev.jgvm.core.error.VerificationException;
import dev.jgvm.core.error.VersionNotFoundException;
import dev.jgvm.core.install.TreeAudit;
import dev.jgvm.core.install.TreeAudit.Report;
import dev.jgvm.core.install.TreeAudit.Status;
import dev.jgvm.core.version.GoVersion;
import dev.jgvm.core.version.VersionSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code jgvm verify [SPEC]}: re-hash installed trees against the tree hash recorded when they were installed, and
 * name every file added, removed or modified since.
 */
@Command(name = "verify", addMethodSubcommands = false, description = "Re-hash installed Go trees against what was recorded at install (all, or SPEC); name each changed file.")
public final class VerifyCommand implements Callable<Integer> {
    @Parameters(paramLabel = "SPEC", arity = "0..1", description = "One version (default: every installed one).")
    String spec;

    private final Services services;

    public VerifyCommand(Services services) { this.services = services; }

    @Override public Integer call() {
        Terminal t = services.terminal();
        List<Report> reports = new TreeAudit(services.store()).audit(Optional.ofNullable(spec).map(VersionSpec::parse));
        if (t.json()) {
            t.out().println(Json.render(json(reports)));
            t.out().flush();
        }
        for (Report r : reports) {
            if (r.status() == Status.UNRECORDED) {
                t.warn("go %s has no recorded tree hash (installed by hand?); reinstall it with --force to record one".formatted(r.version()));
                continue;
            }
            if (!t.json()) t.out().println(r.version().name() + (r.status() == Status.OK ? " ok" : " MODIFIED"));
            if (r.status() == Status.OK) continue;
            if (!t.json()) {
                for (String p : r.modified()) t.out().println("  modified " + p);
                for (String p : r.removed()) t.out().println("  removed  " + p);
                for (String p : r.added()) t.out().println("  added    " + p);
            }
            if (r.named()) {
                t.error("go %s changed since it was installed: %d modified, %d removed, %d added".formatted(r.version(),
                        r.modified().size(), r.removed().size(), r.added().size()));
            } else {
                t.error("go %s changed since it was installed: %s now, %s recorded (no trustworthy file list was recorded to name the files)"
                        .formatted(r.version(), r.actual(), r.recorded()));
            }
        }
        TreeAudit.failure(reports).ifPresent(e -> { throw e; });
        return ExitCode.OK.code();
    }

    private static JsonArray json(List<Report> reports) {
        JsonArray a = new JsonArray();
        for (Report r : reports) {
            JsonObject o = new JsonObject();
            o.addProperty("version", r.version().name());
            o.addProperty("status", r.status().name().toLowerCase(java.util.Locale.ROOT));
            if (r.status() != Status.UNRECORDED) {
                o.addProperty("tree_hash", r.actual());
                o.addProperty("recorded", r.recorded());
                o.addProperty("files_named", r.named());
            }
            o.add("modified", strings(r.modified()));
            o.add("removed", strings(r.removed()));
            o.add("added", strings(r.added()));
            a.add(o);
        }
        return a;
    }

    private static JsonArray strings(List<String> values) {
        JsonArray a = new JsonArray();
        values.forEach(a::add);
        return a;
    }
}
