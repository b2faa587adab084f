package dev.jgvm.core.doctor;

import dev.jgvm.core.store.InstallStore;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code directories}: the directories of {@code JGVM_HOME} exist and are writable ({@code --fix} creates missing
 * ones); {@code disk}: free space where they live (a Go release takes about 250 MB extracted, twice that while one installs).
 */
public final class HomeCheck implements Check {
    static final long FAIL_BELOW = 600L << 20;
    static final long WARN_BELOW = 2L << 30;

    /** The directories an install writes to. */
    public static List<Path> directories(InstallStore store) {
        return List.of(store.versionsDir(), store.shimsDir(), store.aliasesDir(), store.metaDir(), store.cacheDir(), store.tmpDir(), store.locksDir());
    }

    /** Creates whichever of {@link #directories} are missing. */
    public static void createDirectories(InstallStore store) throws IOException {
        for (Path d : directories(store)) Files.createDirectories(d);
    }

    @Override public List<Finding> examine(Situation s) {
        InstallStore store = s.store();
        List<String> missing = new ArrayList<>();
        List<String> readOnly = new ArrayList<>();
        for (Path d : directories(store)) {
            if (!Files.isDirectory(d)) missing.add(store.home().relativize(d) + "/");
            else if (!Files.isWritable(d)) readOnly.add(d.toString());
        }
        List<Finding> out = new ArrayList<>();
        if (!readOnly.isEmpty()) {
            out.add(Finding.fail("directories", "not writable: " + String.join(", ", readOnly),
                    "make them yours again: 'sudo chown -R \"$USER\" %s'".formatted(store.home())));
        } else if (!missing.isEmpty()) {
            out.add(Finding.warn("directories", "missing in '%s': %s".formatted(store.home(), String.join(", ", missing)),
                    "run 'jgvm doctor --fix' (or any install creates them)").repairedBy(Repair.CREATE_DIRECTORIES));
        } else {
            out.add(Finding.ok("directories", "'%s' has all its directories, writable".formatted(store.home())));
        }
        Path existing = store.home();
        while (existing != null && !Files.exists(existing)) existing = existing.getParent();
        try {
            FileStore fs = Files.getFileStore(existing == null ? Path.of("/") : existing);
            long free = fs.getUsableSpace();
            String shown = "%s free for '%s'".formatted(size(free), store.home());
            String fix = "free space there ('jgvm uninstall <old version>' and clearing '%s' help), or move JGVM_HOME to a larger disk".formatted(store.cacheDir());
            if (free < FAIL_BELOW) out.add(Finding.fail("disk", shown + ": too little for one Go install (about 600 MB while it installs)", fix));
            else if (free < WARN_BELOW) out.add(Finding.warn("disk", shown + ": room for a few Go installs at most", fix));
            else out.add(Finding.ok("disk", shown));
        } catch (IOException e) {
            out.add(Finding.warn("disk", "cannot tell the free space for '%s': %s".formatted(store.home(), e.getMessage()), "check that the disk is mounted"));
        }
        return out;
    }

    private static String size(long bytes) {
        if (bytes >= 10L << 30) return (bytes >> 30) + " GB";
        if (bytes >= 1L << 30) return "%.1f GB".formatted(bytes / (double) (1L << 30));
        return (bytes >> 20) + " MB";
    }
}
