package dev.jgvm.core.verify.sumdb;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * RFC 6962 Merkle tree arithmetic as Go's transparency log (golang.org/x/mod/sumdb/tlog) uses it: leaf and node
 * hashes, subtree hashes from any source of complete-subtree hashes, and the checks of record inclusion and tree
 * consistency. Stateless.
 */
public final class Tlog {
    private Tlog() {}

    /** A source of the hash of the complete subtree at {@code level} and {@code index} (leaves are level 0). */
    @FunctionalInterface
    public interface Hashes {
        byte[] at(int level, long index);
    }

    public static byte[] leafHash(byte[] record) {
        MessageDigest d = sha256();
        d.update((byte) 0);
        d.update(record);
        return d.digest();
    }

    public static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest d = sha256();
        d.update((byte) 1);
        d.update(left);
        d.update(right);
        return d.digest();
    }

    /** The hash of leaves {@code [lo, hi)} built from complete subtrees, as RFC 6962's MTH splits it. */
    public static byte[] subtree(Hashes h, long lo, long hi) {
        long n = hi - lo;
        if (Long.bitCount(n) == 1 && lo % n == 0) return h.at(Long.numberOfTrailingZeros(n), lo / n);
        long k = Long.highestOneBit(n - 1);
        return nodeHash(subtree(h, lo, lo + k), subtree(h, lo + k, hi));
    }

    /** The root of a tree of {@code size} leaves whose leaf {@code index} has hash {@code leaf}; siblings come from h. */
    public static byte[] rootWithLeaf(Hashes h, long lo, long hi, long index, byte[] leaf) {
        if (hi - lo == 1) return leaf;
        long k = Long.highestOneBit(hi - lo - 1);
        if (index < lo + k) return nodeHash(rootWithLeaf(h, lo, lo + k, index, leaf), subtree(h, lo + k, hi));
        return nodeHash(subtree(h, lo, lo + k), rootWithLeaf(h, lo + k, hi, index, leaf));
    }

    /** RFC 6962 consistency proof that a tree of {@code oldSize} leaves is a prefix of one of {@code newSize}. */
    public static List<byte[]> consistencyProof(Hashes h, long oldSize, long newSize) {
        List<byte[]> out = new ArrayList<>();
        subproof(h, oldSize, 0, newSize, true, out);
        return out;
    }

    private static void subproof(Hashes h, long m, long lo, long hi, boolean whole, List<byte[]> out) {
        long n = hi - lo;
        if (m == n) {
            if (!whole) out.add(subtree(h, lo, hi));
            return;
        }
        long k = Long.highestOneBit(n - 1);
        if (m <= k) {
            subproof(h, m, lo, lo + k, whole, out);
            out.add(subtree(h, lo + k, hi));
        } else {
            subproof(h, m - k, lo + k, hi, false, out);
            out.add(subtree(h, lo, lo + k));
        }
    }

    /** Checks a consistency proof between two tree heads (RFC 9162 §2.1.4.2). */
    public static boolean checkConsistency(List<byte[]> proof, long oldSize, byte[] oldRoot, long newSize, byte[] newRoot) {
        if (oldSize == newSize) return proof.isEmpty() && Arrays.equals(oldRoot, newRoot);
        if (oldSize == 0 || oldSize > newSize) return false;
        List<byte[]> path = new ArrayList<>(proof);
        if (Long.bitCount(oldSize) == 1) path.add(0, oldRoot);
        if (path.isEmpty()) return false;
        long fn = oldSize - 1;
        long sn = newSize - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) return false;
            if ((fn & 1) == 1 || fn == sn) {
                fr = nodeHash(c, fr);
                sr = nodeHash(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = nodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return Arrays.equals(fr, oldRoot) && Arrays.equals(sr, newRoot) && sn == 0;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
