package dev.jgvm.core.verify.sumdb;

import dev.jgvm.core.error.VerificationException;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * A signed note in the format of golang.org/x/mod/sumdb/note: a text ending in a newline, a blank line, then
 * signature lines {@code — <name> <base64(4-byte key hash || signature)>}. {@link #verify} accepts it only when a line
 * by the verifier's name and key hash carries a valid Ed25519 signature over the text. Immutable.
 */
public final class Note {
    private static final String DASH = "\u2014 ";
    private final String text;
    private final List<String[]> signatures; // {name, base64}

    private Note(String text, List<String[]> signatures) {
        this.text = text;
        this.signatures = signatures;
    }

    /** Splits a note into its text and signature lines; malformed notes are a {@link VerificationException}. */
    public static Note parse(String message) {
        int split = message.lastIndexOf("\n\n");
        if (split < 0 || !message.endsWith("\n")) throw malformed("no blank line before the signatures");
        String text = message.substring(0, split + 1);
        List<String[]> sigs = new ArrayList<>();
        for (String line : message.substring(split + 2).split("\n")) {
            if (line.isEmpty()) continue;
            if (!line.startsWith(DASH)) throw malformed("a signature line does not start with '— '");
            String[] parts = line.substring(DASH.length()).split(" ");
            if (parts.length != 2) throw malformed("a signature line is not '— name signature'");
            sigs.add(parts);
        }
        if (sigs.isEmpty()) throw malformed("no signature");
        return new Note(text, sigs);
    }

    /** The signed text, ending in a newline. */
    public String text() { return text; }

    /**
     * Verifies the note with a verifier key ({@code name+hash+base64key}, as GOSUMDB writes it).
     *
     * @throws VerificationException when no signature by that key verifies
     */
    public String verify(Verifier verifier) {
        byte[] msg = text.getBytes(StandardCharsets.UTF_8);
        for (String[] s : signatures) {
            if (!s[0].equals(verifier.name())) continue;
            byte[] raw;
            try {
                raw = Base64.getDecoder().decode(s[1]);
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (raw.length != 4 + 64 || !Arrays.equals(Arrays.copyOf(raw, 4), verifier.keyHash())) continue;
            Ed25519Signer signer = new Ed25519Signer();
            signer.init(false, new Ed25519PublicKeyParameters(verifier.publicKey(), 0));
            signer.update(msg, 0, msg.length);
            if (signer.verifySignature(Arrays.copyOfRange(raw, 4, raw.length))) return text;
        }
        throw VerificationException.tampered("the checksum database's signed note is not signed by '%s' (forged or for another key)".formatted(verifier.name()),
                "nothing was installed; check GOSUMDB, or that the proxy does not tamper with /sumdb/ answers");
    }

    private static VerificationException malformed(String why) {
        return VerificationException.tampered("the checksum database sent a malformed signed note: " + why, "nothing was installed");
    }

    /** An Ed25519 note verifier key: {@code <name>+<8 hex key hash>+<base64(0x01 || 32-byte public key)>}. */
    public record Verifier(String name, byte[] keyHash, byte[] publicKey) {
        /** sum.golang.org's key, as cmd/go has it built in. */
        public static final String SUM_GOLANG_ORG = "sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8";

        public static Verifier parse(String key) {
            String[] p = key.strip().split("\\+", 3); // the base64 key may hold + itself
            if (p.length != 3) throw bad(key, "is not name+hash+key");
            byte[] raw;
            try {
                raw = Base64.getDecoder().decode(p[2]);
            } catch (IllegalArgumentException e) {
                throw bad(key, "has a key that is not base64");
            }
            if (raw.length != 33 || raw[0] != 1) throw bad(key, "is not an Ed25519 verifier key");
            byte[] pub = Arrays.copyOfRange(raw, 1, 33);
            byte[] hash = keyHash(p[0], raw);
            if (!String.format("%08x", java.nio.ByteBuffer.wrap(hash).getInt()).equals(p[1])) throw bad(key, "has a key hash that does not match its key");
            return new Verifier(p[0], hash, pub);
        }

        // The first 4 bytes of SHA-256(name || "\n" || 0x01 || key).
        static byte[] keyHash(String name, byte[] algAndKey) {
            try {
                MessageDigest d = MessageDigest.getInstance("SHA-256");
                d.update((name + "\n").getBytes(StandardCharsets.UTF_8));
                d.update(algAndKey);
                return Arrays.copyOf(d.digest(), 4);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        private static dev.jgvm.core.error.ConfigException bad(String key, String why) {
            return new dev.jgvm.core.error.ConfigException("the checksum database key '%s' %s".formatted(key, why),
                    "write it as GOSUMDB does, e.g. " + SUM_GOLANG_ORG);
        }
    }
}
