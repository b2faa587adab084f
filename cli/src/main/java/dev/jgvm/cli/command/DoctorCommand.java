package dev.jgvm.cli.command;

import com.google.gson.JsonArray;
import dev.jgvm.cli.render.Json;
import com.google.gson.JsonObject;
import dev.jgvm.cli.Services;
import dev.jgvm.cli.render.Terminal;
import dev.jgvm.core.doctor.Doctor;
import dev.jgvm.core.doctor.Finding;
import dev.jgvm.core.doctor.Repair;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code jgvm doctor}: runs every check of {@code core.doctor} and prints, per check, its status, finding and fix;
 * exit 1 when any check fails. {@code --fix} first applies the safe fixes the findings offer, then checks again.
 */
@Command(name = "doctor", addMethodSubcommands = false, description = "Diagnose the Go set-up: PATH, GOROOT, GOTOOLCHAIN vs go.mod, architectures, cgo, shims, mirrors, disk, JDK.")
public final class DoctorCommand implements Callable<Integer> {
    private final Services services;

    @Option(names = "--fix", description = "Apply the safe fixes (rehash, remove stale shims, create missing directories, retrain the start-up cache).")
    boolean fix;

    public DoctorCommand(Services services) { this.services = services; }

    @Override public Integer call() {
        Terminal t = services.terminal();
        List<Finding> findings = Doctor.standard(services.detectedPlatform()).examine(services.doctorSituation());
        if (fix) {
            Set<Repair> repairs = EnumSet.noneOf(Repair.class);
            for (Finding f : findings) f.repair().ifPresent(repairs::add);
            for (Repair r : repairs) {
                if (services.repair(r)) t.info("fixed: " + r.done());
                else t.warn("could not apply: " + r.done());
            }
            if (repairs.isEmpty()) t.info("nothing to fix automatically");
            else findings = Doctor.standard(services.detectedPlatform()).examine(services.doctorSituation());
        }
        if (t.json()) {
            JsonArray a = new JsonArray();
            for (Finding f : findings) {
                JsonObject o = new JsonObject();
                o.addProperty("id", f.id());
                o.addProperty("status", f.status().text());
                o.addProperty("finding", f.finding());
                o.addProperty("fix", f.fix());
                a.add(o);
            }
            t.out().println(Json.render(a));
        } else {
            for (Finding f : findings) {
                if (t.quiet() && f.status() == dev.jgvm.core.doctor.Status.OK) continue;
                t.out().println("%-4s %s: %s".formatted(f.status().text(), f.id(), f.finding()));
                if (!f.fix().isEmpty()) t.out().println("     fix: " + f.fix());
            }
        }
        return Doctor.exitCode(findings);
    }
}
