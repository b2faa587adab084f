package dev.jgvm.core.verify.sumdb;

import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * A checksum database for tests, built with jgvm's own tlog code and signed with its own Ed25519 key: records are
 * go.sum line pairs, the tree's tiles (height 8, full and partial) and lookups are written to a directory served as
 * {@code file:} URLs.
 */
public final class TestLog {
    final String name;
    final Ed25519PrivateKeyParameters key;
    public final String verifierKey;
    final List<byte[]> records = new ArrayList<>();
    final List<String> names = new ArrayList<>();

    public TestLog(String name) {
        this.name = name;
        this.key = new Ed25519PrivateKeyParameters(new SecureRandom());
        byte[] pub = key.generatePublicKey().getEncoded();
        byte[] algKey = new byte[33];
        algKey[0] = 1;
        System.arraycopy(pub, 0, algKey, 1, 32);
        byte[] hash = Note.Verifier.keyHash(name, algKey);
        this.verifierKey = name + "+" + String.format("%08x", java.nio.ByteBuffer.wrap(hash).getInt()) + "+" + Base64.getEncoder().encodeToString(algKey);
    }

    /** Adds the record for a module version: its zip and go.mod hashes. */
    public TestLog add(String module, String version, String zipHash) {
        names.add(module + "@" + version);
        records.add((module + " " + version + " " + zipHash + "\n" + module + " " + version + "/go.mod h1:8wlg68NqwW7eMnI1aABk/C2pDYXj8mrMY4TyRfiLeS0=\n")
                .getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** Adds n filler records. */
    public TestLog fill(int n) {
        for (int i = 0; i < n; i++) add("example.com/m" + i, "v1.0." + i, "h1:" + Base64.getEncoder().encodeToString(new byte[32]));
        return this;
    }

    /** The stored hashes of the first {@code size} records, by level. */
    List<List<byte[]>> levels(int size) {
        List<List<byte[]>> levels = new ArrayList<>();
        List<byte[]> l0 = new ArrayList<>();
        for (int i = 0; i < size; i++) l0.add(Tlog.leafHash(records.get(i)));
        levels.add(l0);
        while (levels.get(levels.size() - 1).size() > 1) {
            List<byte[]> prev = levels.get(levels.size() - 1);
            List<byte[]> next = new ArrayList<>();
            for (int i = 0; i + 1 < prev.size(); i += 2) next.add(Tlog.nodeHash(prev.get(i), prev.get(i + 1)));
            levels.add(next);
        }
        return levels;
    }

    byte[] root(int size) {
        List<List<byte[]>> lv = levels(size);
        return Tlog.subtree((level, index) -> lv.get(level).get((int) index), 0, size);
    }

    /** A signed tree note for the first {@code size} records (with the given root, to forge one). */
    String note(int size, byte[] root, Ed25519PrivateKeyParameters signer, String signerName) {
        String text = "go.sum database tree\n" + size + "\n" + Base64.getEncoder().encodeToString(root) + "\n";
        Ed25519Signer s = new Ed25519Signer();
        s.init(true, signer);
        byte[] msg = text.getBytes(StandardCharsets.UTF_8);
        s.update(msg, 0, msg.length);
        byte[] sig = s.generateSignature();
        byte[] pub = signer.generatePublicKey().getEncoded();
        byte[] algKey = new byte[33];
        algKey[0] = 1;
        System.arraycopy(pub, 0, algKey, 1, 32);
        byte[] raw = new byte[68];
        System.arraycopy(Note.Verifier.keyHash(signerName, algKey), 0, raw, 0, 4);
        System.arraycopy(sig, 0, raw, 4, 64);
        return text + "\n\u2014 " + signerName + " " + Base64.getEncoder().encodeToString(raw) + "\n";
    }

    String note(int size) { return note(size, root(size), key, name); }

    /** Every record so far. */
    public int size() { return records.size(); }

    /** Writes the tree of the first {@code size} records: tiles, lookups and latest. */
    public void write(Path dir, int size) throws IOException {
        List<List<byte[]>> lv = levels(size);
        for (int tl = 0; (size >> (8 * tl)) > 0; tl++) {
            List<byte[]> hashes = lv.size() > 8 * tl ? lv.get(8 * tl) : List.of();
            int count = size >> (8 * tl);
            for (int k = 0; k * 256 < count; k++) {
                int width = Math.min(256, count - k * 256);
                byte[] data = new byte[width * 32];
                for (int i = 0; i < width; i++) System.arraycopy(hashes.get(k * 256 + i), 0, data, i * 32, 32);
                Path p = dir.resolve(Tiles.path(tl, k, width));
                Files.createDirectories(p.getParent());
                Files.write(p, data);
            }
        }
        String note = note(size);
        for (int i = 0; i < size; i++) {
            Path p = dir.resolve("lookup/" + names.get(i));
            Files.createDirectories(p.getParent());
            Files.writeString(p, i + "\n" + new String(records.get(i), StandardCharsets.UTF_8) + "\n" + note);
        }
        Files.writeString(dir.resolve("latest"), note);
    }

    static byte[] flip(byte[] b) {
        byte[] c = Arrays.copyOf(b, b.length);
        c[0] ^= 1;
        return c;
    }
}
