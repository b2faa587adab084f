package dev.jgvm.core.store;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.jgvm.core.verify.Evidence;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The provenance of an install, stored as {@code meta/<v>.json} (README, 'Files').
 *
 * @param version     the release name without {@code go} ({@code 1.22.5})
 * @param platform    {@code linux/amd64}
 * @param archive     the archive's file name
 * @param sha256      the archive's SHA-256
 * @param source      where the bytes came from: a mirror's name, or {@code file:<path>}
 * @param evidence    what proved the archive genuine
 * @param installedAt when it was published
 * @param treeHash    the hash of the installed tree ({@code c1:}, or {@code h1:} from an older jgvm; {@code jgvm verify} re-checks it)
 * @param files       the number of entries extracted
 */
public record InstallMeta(String version, String platform, String archive, String sha256, String source,
                          List<Evidence> evidence, Instant installedAt, String treeHash, int files) {
    public InstallMeta {
        Objects.requireNonNull(version, "version");
        evidence = List.copyOf(evidence);
    }

    /** The JSON written to disk: stable field names, evidence kinds in lower case. */
    public String toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("version", version);
        o.addProperty("platform", platform);
        o.addProperty("archive", archive);
        o.addProperty("sha256", sha256);
        o.addProperty("source", source);
        o.add("evidence", Evidence.toJson(evidence));
        o.addProperty("installed_at", installedAt.toString());
        o.addProperty("tree_hash", treeHash);
        o.addProperty("files", files);
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(o) + "\n";
    }

    /** Reads what {@link #toJson()} wrote. */
    public static InstallMeta fromJson(String json) {
        JsonObject o = JsonParser.parseString(json).getAsJsonObject();
        List<Evidence> ev = o.has("evidence") ? Evidence.fromJson(o.getAsJsonArray("evidence")) : List.of();
        return new InstallMeta(str(o, "version"), str(o, "platform"), str(o, "archive"), str(o, "sha256"), str(o, "source"),
                ev, Instant.parse(str(o, "installed_at")), str(o, "tree_hash"), o.has("files") ? o.get("files").getAsInt() : 0);
    }

    private static String str(JsonObject o, String key) { return o.has(key) && !o.get(key).isJsonNull() ? o.get(key).getAsString() : ""; }
}
