package dev.jgvm.core.install;

import dev.jgvm.core.error.StoreException;
import dev.jgvm.core.error.VerificationException;
import dev.jgvm.core.error.VersionNotFoundException;
import dev.jgvm.core.store.InstallMeta;
import dev.jgvm.core.store.InstallStore;
import dev.jgvm.core.verify.TreeHash;
import dev.jgvm.core.version.GoVersion;
import dev.jgvm.core.version.VersionSpec;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Re-hashes an installed tree ({@code jgvm verify}) and names what changed since the install: each added, removed
 * or modified file, from the per-file manifest recorded with the install. The manifest is believed only when its own
 * hash is the tree hash recorded in {@code meta/<v>.json}; otherwise (an older install, or a manifest that was
 * altered too) the audit still tells whether the tree changed, without names. Reads only; thread-safe.
 */
public final class TreeAudit {
    private final InstallStore store;

    public TreeAudit(InstallStore store) { this.store = store; }

    /** What an audit found. */
    public enum Status {
        /** The tree hashes to what was recorded. */
        OK,
        /** The tree differs from what was recorded. */
        MODIFIED,
        /** Nothing was recorded to compare with (installed by hand, or by a jgvm that kept no tree hash). */
        UNRECORDED
    }

    /**
     * One version's audit.
     *
     * @param recorded the tree hash recorded at install, empty when {@link Status#UNRECORDED}
     * @param actual   the tree hash now, empty when {@link Status#UNRECORDED}
     * @param named    true when the changes below are complete (a trustworthy manifest was recorded)
     * @param added    files present now but not at install, sorted
     * @param removed  files present at install but gone now, sorted
     * @param modified files whose content (or link target) changed, sorted
     */
    public record Report(GoVersion version, Status status, String recorded, String actual, boolean named,
                         List<String> added, List<String> removed, List<String> modified) {
        public Report {
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(status, "status");
            added = List.copyOf(added);
            removed = List.copyOf(removed);
            modified = List.copyOf(modified);
        }
    }

    /**
     * Audits every installed version, or the one {@code spec} selects among them ({@code jgvm verify [SPEC]}).
     *
     * @throws VersionNotFoundException (exit 3) when no installed version matches {@code spec}
     */
    public List<Report> audit(Optional<VersionSpec> spec) {
        List<GoVersion> installed = store.installed();
        List<GoVersion> versions = spec.isEmpty() ? installed
                : List.of(spec.get().select(installed).orElseThrow(() ->
                        new VersionNotFoundException("go %s is not installed".formatted(spec.get().text()), "'jgvm list' shows what is installed")));
        List<Report> out = new ArrayList<>();
        for (GoVersion v : versions) out.add(audit(v));
        return out;
    }

    /**
     * The failure that reports add up to (exit 4), when any tree changed; a version with nothing recorded is only a
     * warning, not a failure.
     */
    public static Optional<VerificationException> failure(List<Report> reports) {
        long bad = reports.stream().filter(r -> r.status() != Status.OK && r.status() != Status.UNRECORDED).count();
        if (bad == 0) return Optional.empty();
        return Optional.of(VerificationException.failed("%d installed version%s changed since install".formatted(bad, bad == 1 ? "" : "s"),
                "reinstall with 'jgvm install --force <version>'"));
    }

    /**
     * Audits one installed version.
     *
     * @throws StoreException when the tree or its records cannot be read
     */
    public Report audit(GoVersion version) {
        Optional<InstallMeta> meta = store.meta(version);
        if (meta.isEmpty() || meta.get().treeHash().isEmpty()) {
            return new Report(version, Status.UNRECORDED, "", "", false, List.of(), List.of(), List.of());
        }
        String recorded = meta.get().treeHash();
        TreeHash now;
        try {
            now = TreeHash.scan(store.goroot(version), TreeHash.Kind.of(recorded));   // as it was recorded: h1: or c1:
        } catch (IOException e) {
            throw new StoreException("cannot read '%s': %s".formatted(store.goroot(version), e.getMessage()),
                    "check the permissions under JGVM_HOME, or reinstall with 'jgvm install --force %s'".formatted(version), e);
        }
        String actual = now.value();
        if (actual.equals(recorded)) return new Report(version, Status.OK, recorded, actual, true, List.of(), List.of(), List.of());
        Optional<TreeHash> then = store.manifest(version).filter(m -> m.value().equals(recorded));
        if (then.isEmpty()) return new Report(version, Status.MODIFIED, recorded, actual, false, List.of(), List.of(), List.of());
        List<String> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        List<String> modified = new ArrayList<>();
        Map<String, String> before = then.get().files();
        Map<String, String> after = now.files();
        for (Map.Entry<String, String> e : before.entrySet()) {
            String current = after.get(e.getKey());
            if (current == null) removed.add(e.getKey());
            else if (!current.equals(e.getValue())) modified.add(e.getKey());
        }
        for (String path : after.keySet()) if (!before.containsKey(path)) added.add(path);
        return new Report(version, Status.MODIFIED, recorded, actual, true, added, removed, modified);
    }
}
