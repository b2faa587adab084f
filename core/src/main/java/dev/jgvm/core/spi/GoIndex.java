package dev.jgvm.core.spi;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.jgvm.core.dist.ArchiveName;
import dev.jgvm.core.dist.Checksum;
import dev.jgvm.core.version.GoVersion;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * go.dev's release index ({@code https://go.dev/dl/?mode=json&include=all}): an array of
 * {@code {version, stable, files: [{filename, os, arch, version, sha256, size, kind}]}}. Only {@code kind: archive}
 * files become artifacts (source tarballs, .pkg and .msi installers are skipped); an empty {@code sha256} (old
 * releases) offers no digest, a {@code size} of 0 means unknown, and entries that do not parse are skipped. Read by
 * the {@code dl} source type for a mirror's index, and by core for the official release list ({@code core.mirror.ReleaseCatalog}).
 * A helper of the SPI: stateless and thread-safe; it parses, it trusts nothing (a digest it reads is offered as
 * {@link EvidenceSource.Digest} from {@code from}, which core weighs by where {@code from} is).
 */
public final class GoIndex {
    private GoIndex() {}

    /**
     * Parses an index read from {@code from}; {@code location} turns a file name into where it is downloaded.
     *
     * @throws IllegalArgumentException when the text is not a release index
     */
    public static List<Release> parse(String json, URI from, Function<String, URI> location) {
        JsonElement root;
        try {
            root = JsonParser.parseString(json);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a JSON release index: " + e.getMessage(), e);
        }
        if (!root.isJsonArray()) throw new IllegalArgumentException("not a JSON release index: no top-level array");
        List<Release> out = new ArrayList<>();
        for (JsonElement e : root.getAsJsonArray()) {
            if (!e.isJsonObject()) continue;
            JsonObject r = e.getAsJsonObject();
            Optional<GoVersion> v = GoVersion.tryParse(str(r, "version"));
            if (v.isEmpty()) continue;
            List<Artifact> artifacts = new ArrayList<>();
            JsonArray files = r.has("files") && r.get("files").isJsonArray() ? r.getAsJsonArray("files") : new JsonArray();
            for (JsonElement fe : files) {
                if (!fe.isJsonObject()) continue;
                JsonObject f = fe.getAsJsonObject();
                if (!"archive".equals(str(f, "kind"))) continue;
                String name = str(f, "filename");
                Optional<ArchiveName> an = ArchiveName.parse(name).filter(a -> a.version().equals(v.get()));
                if (an.isEmpty()) continue;
                long size = f.has("size") && f.get("size").isJsonPrimitive() ? f.get("size").getAsLong() : 0;
                List<EvidenceSource> ev = new ArrayList<>();
                String sha = str(f, "sha256");
                if (sha.length() == 64) {
                    try {
                        ev.add(new EvidenceSource.Digest(Checksum.sha256(sha), from));
                    } catch (RuntimeException notHex) {
                        // a broken digest offers nothing
                    }
                }
                URI uri = location.apply(name);
                ev.add(new EvidenceSource.DigestFile(URI.create(uri + ".sha256")));
                ev.add(new EvidenceSource.Signature(URI.create(uri + ".asc")));
                artifacts.add(new Artifact(name, v.get(), an.get().platform(), uri, size > 0 ? size : -1, Artifact.Layout.OFFICIAL, ev));
            }
            boolean stable = r.has("stable") && r.get("stable").isJsonPrimitive() ? r.get("stable").getAsBoolean() : v.get().isStable();
            out.add(new Release(v.get(), stable, artifacts));
        }
        return out;
    }

    private static String str(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e != null && e.isJsonPrimitive() ? e.getAsString() : "";
    }
}
