package dev.jgvm.core.verify;

import dev.jgvm.core.dist.Checksum;

import dev.jgvm.core.config.Settings.EvidenceLevel;

import java.util.Objects;

/**
 * What proved an archive genuine (ARCHITECTURE.md, 'Trust'), recorded in {@code meta/<v>.json} and shown by {@code install}.
 *
 * @param kind    the kind of evidence
 * @param detail  one line for people: which file, key or database and from where
 */
public record Evidence(Kind kind, String detail) {
    public Evidence {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
    }

    /** Kinds of evidence, strongest first. */
    public enum Kind {
        /** An OpenPGP signature by a trusted key, or a checksum-database record in a signed tree. */
        SIGNED(EvidenceLevel.SIGNED),
        /** A digest given by the user on the command line ({@code --sha256}): the user vouches for it. */
        USER(EvidenceLevel.SIGNED),
        /** A digest from the official origin over HTTPS. */
        ORIGIN(EvidenceLevel.ORIGIN),
        /** A digest served by the mirror itself. */
        MIRROR(EvidenceLevel.MIRROR);

        private final EvidenceLevel level;

        Kind(EvidenceLevel level) { this.level = level; }

        public EvidenceLevel level() { return level; }

        public String text() { return name().toLowerCase(java.util.Locale.ROOT); }
    }

    /** Evidence as stored in meta and cache records: {@code [{"kind": "signed", "detail": "..."}]}. */
    public static com.google.gson.JsonArray toJson(java.util.List<Evidence> evidence) {
        com.google.gson.JsonArray a = new com.google.gson.JsonArray();
        for (Evidence e : evidence) {
            com.google.gson.JsonObject j = new com.google.gson.JsonObject();
            j.addProperty("kind", e.kind().text());
            j.addProperty("detail", e.detail());
            a.add(j);
        }
        return a;
    }

    /** Reads what {@link #toJson} wrote. */
    public static java.util.List<Evidence> fromJson(com.google.gson.JsonArray a) {
        java.util.List<Evidence> out = new java.util.ArrayList<>();
        for (com.google.gson.JsonElement e : a) {
            com.google.gson.JsonObject j = e.getAsJsonObject();
            out.add(new Evidence(Kind.valueOf(j.get("kind").getAsString().toUpperCase(java.util.Locale.ROOT)), j.get("detail").getAsString()));
        }
        return out;
    }

    public static Evidence userSha256(Checksum c) { return new Evidence(Kind.USER, "sha256 " + c.hex() + " given with --sha256"); }
}
