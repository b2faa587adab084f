package dev.jgvm.core.verify.sumdb;

import dev.jgvm.core.download.HttpClient;
import dev.jgvm.core.error.VerificationException;
import dev.jgvm.core.store.InstallStore;
import dev.jgvm.core.verify.Evidence;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A client of Go's checksum database (sum.golang.org and compatible), written from its published design
 * (golang.org/design/25530-sumdb): {@code /lookup} answers are accepted only when their signed tree note verifies
 * with the configured key, the record is proven included in that tree from tiles, and the tree is proven consistent
 * with the newest tree this JGVM_HOME has seen (stored like cmd/go's {@code latest}): a newer tree must extend it, an
 * older one (a lagging proxy) must be a prefix of it, so a log that forks or rolls back to another history is detected. Any failure is a {@link VerificationException}. Not thread-safe.
 */
public final class ChecksumDatabase {
    private static final long MAX = 1L << 20;
    private final HttpClient http;
    private final Note.Verifier verifier;
    private final Path state;

    /** @param stateDir where this database's newest seen tree is kept (JGVM_HOME/sumdb) */
    public ChecksumDatabase(HttpClient http, Note.Verifier verifier, Path stateDir) {
        this.http = http;
        this.verifier = verifier;
        this.state = stateDir.resolve(verifier.name()).resolve("latest");
    }

    /** A verified record: its id, its go.sum lines, and the tree that includes it. */
    public record Record(long id, String lines, Tree tree) {
        /** The {@code h1:} hash the record gives for a module version's zip. */
        public Optional<String> zipHash(String module, String version) {
            String prefix = module + " " + version + " ";
            return lines.lines().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length()).strip()).findFirst();
        }
    }

    /** A verified tree head. */
    public record Tree(long size, byte[] root, String note) {}

    /**
     * Looks a module version up at {@code base} (the database, or a proxy's {@code sumdb/<name>/}) and proves it.
     */
    public Record lookup(URI base, String module, String version) {
        String body = text(base.resolve("lookup/" + module + "@" + version));
        int nl = body.indexOf('\n');
        int blank = body.indexOf("\n\n");
        if (nl < 0 || blank < nl) throw malformed("the lookup answer has no record");
        long id;
        try {
            id = Long.parseLong(body.substring(0, nl).strip());
        } catch (NumberFormatException e) {
            throw malformed("the lookup answer does not start with a record id");
        }
        String lines = body.substring(nl + 1, blank + 1);
        Tree tree = tree(body.substring(blank + 2));
        if (id < 0 || id >= tree.size()) throw malformed("record %d is not in a tree of %d records".formatted(id, tree.size()));
        Function<String, byte[]> fetch = p -> bytes(base.resolve(p));
        Tiles tiles = new Tiles(tree.size(), fetch);
        byte[] root = Tlog.rootWithLeaf(tiles, 0, tree.size(), id, Tlog.leafHash(lines.getBytes(StandardCharsets.UTF_8)));
        if (!Arrays.equals(root, tree.root())) {
            throw VerificationException.tampered("the record for %s@%s is not in the checksum database's signed tree (the inclusion proof fails)"
                    .formatted(module, version), "nothing was installed; the database or the proxy in front of it is lying");
        }
        checkAgainstLatest(tree, tiles, fetch);
        return new Record(id, lines, tree);
    }

    /** The evidence a verified record and a matching zip hash give. */
    public Evidence evidence(Record r, String module, String version) {
        return new Evidence(Evidence.Kind.SIGNED, "%s@%s is record %d in %s's tree of %d records (signed, inclusion and consistency proven)"
                .formatted(module, version, r.id(), verifier.name(), r.tree().size()));
    }

    // The tree must agree with the newest one seen. A bigger one must extend it (and becomes the newest seen); the same
    // size must have the same root; a smaller one (a proxy that lags behind the database) must be a prefix of it, proven
    // from the seen tree's tiles, as cmd/go's client accepts it (golang.org/x/mod/sumdb, checkTrees). Anything else is a
    // fork or a rollback to another history.
    private void checkAgainstLatest(Tree tree, Tiles tiles, Function<String, byte[]> fetch) {
        Optional<Tree> seen = latest();
        if (seen.isPresent()) {
            Tree old = seen.get();
            if (tree.size() < old.size()) {
                Tiles ofSeen = new Tiles(old.size(), fetch);
                boolean prefix = Tlog.checkConsistency(Tlog.consistencyProof(ofSeen, tree.size(), old.size()), tree.size(), tree.root(), old.size(), old.root());
                if (!prefix) {
                    throw VerificationException.tampered(("the checksum database's tree of %d records is older than the tree of %d records seen before "
                            + "and not a prefix of it: a rollback to another history").formatted(tree.size(), old.size()),
                            "nothing was installed; report it: a log that forks is lying to someone (if the database was reset on purpose, remove " + state + ")");
                }
                return;
            }
            boolean consistent = tree.size() == old.size() ? Arrays.equals(tree.root(), old.root())
                    : Tlog.checkConsistency(Tlog.consistencyProof(tiles, old.size(), tree.size()), old.size(), old.root(), tree.size(), tree.root());
            if (!consistent) {
                throw VerificationException.tampered("the checksum database's tree of %d records does not extend the tree of %d records seen before: the log forked"
                        .formatted(tree.size(), old.size()), "nothing was installed; report it: a log that forks is lying to someone");
            }
            if (tree.size() == old.size()) return;
        }
        InstallStore.writeAtomically(state, tree.note());
    }

    private Optional<Tree> latest() {
        try {
            return Optional.of(tree(Files.readString(state, StandardCharsets.UTF_8)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw VerificationException.failed("cannot read the last seen tree '%s': %s".formatted(state, e.getMessage()), "remove it to start over");
        }
    }

    private Tree tree(String note) {
        String text = Note.parse(note).verify(verifier);
        List<String> l = text.lines().toList();
        if (l.size() < 3 || !l.get(0).equals("go.sum database tree")) throw malformed("the signed note is not a tree head");
        try {
            long size = Long.parseLong(l.get(1));
            byte[] root = Base64.getDecoder().decode(l.get(2));
            if (size < 0 || root.length != 32) throw malformed("the tree head's size or hash is malformed");
            return new Tree(size, root, note);
        } catch (IllegalArgumentException e) {
            throw malformed("the tree head's size or hash is malformed");
        }
    }

    private String text(URI u) { return new String(bytes(u), StandardCharsets.UTF_8); }

    private byte[] bytes(URI u) { return http.bytes(u, MAX); }

    private static VerificationException malformed(String why) {
        return VerificationException.tampered("" + why, "nothing was installed; the checksum database or a proxy in front of it sent bad data");
    }
}
