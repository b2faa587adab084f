package dev.jgvm.core.verify;

import dev.jgvm.core.error.StoreException;
import dev.jgvm.core.error.UsageException;
import dev.jgvm.core.error.VerificationException;
import dev.jgvm.core.error.VersionNotFoundException;
import dev.jgvm.core.store.InstallStore;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKeyRing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * Which keys become trusted, and how ({@code jgvm keys import|remove}; README, 'Offline: signed bundles'). Importing
 * is two steps so that the caller can show every key, with what makes it unfit, before anything is trusted or
 * refused: {@link #read} and then {@link #choose}. A key is trusted only when the user checked its fingerprint
 * ({@code --fingerprint}) or took the file as is ({@code --yes}); an unfit key (revoked, expired, unable to sign, weak)
 * only with {@code --yes}. Trusted keys are files {@code keys/<fingerprint>.asc}, written atomically. Not thread-safe.
 */
public final class KeyTrust {
    private final Path keysDir;

    /** @param keysDir {@code JGVM_HOME/keys} */
    public KeyTrust(Path keysDir) { this.keysDir = keysDir; }

    /** A key read from a file, with what {@link KeyValidity} says about it. */
    public record Candidate(PGPPublicKeyRing ring, KeyValidity.Report report) {
        public String fingerprint() { return report.fingerprint(); }

        public List<String> userIds() { return KeyTrust.userIds(ring); }
    }

    /**
     * Every key in a file (armored or binary), each judged at {@code now}.
     *
     * @param shown the file's name as the user wrote it, for messages
     * @throws UsageException (exit 2) when the file holds no OpenPGP public key
     */
    public List<Candidate> read(Path file, String shown, Instant now) {
        List<PGPPublicKeyRing> rings;
        try (InputStream in = Files.newInputStream(file)) {
            rings = TrustedKeys.parse(in);
        } catch (IOException | PGPException | RuntimeException e) {
            throw new UsageException("'%s' holds no OpenPGP public key: %s".formatted(shown, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()),
                    "export one with 'gpg --export --armor FPR > key.asc'");
        }
        if (rings.isEmpty()) throw new UsageException("'%s' holds no OpenPGP public key".formatted(shown), "export one with 'gpg --export --armor FPR > key.asc'");
        return rings.stream().map(r -> new Candidate(r, KeyValidity.report(r, now))).toList();
    }

    /**
     * The keys to trust among those read: the one with {@code fingerprint} when given, else all of them with {@code yes}.
     *
     * @throws VerificationException (exit 4) when the fingerprint is not in the file, or a chosen key is unfit and
     *                               {@code yes} was not given
     * @throws UsageException (exit 2) when neither a fingerprint nor {@code yes} was given
     */
    public static List<Candidate> choose(List<Candidate> read, Optional<String> fingerprint, boolean yes, String shown) {
        List<Candidate> chosen = read;
        if (fingerprint.isPresent()) {
            String want = TrustedKeys.normalize(fingerprint.get());
            chosen = read.stream().filter(c -> c.fingerprint().equals(want)).toList();
            if (chosen.isEmpty()) {
                throw VerificationException.failed("'%s' does not hold the key %s; nothing was imported".formatted(shown, spaced(want)),
                        "check the fingerprint with the key's owner, through a channel other than the one the file came from");
            }
        } else if (!yes) {
            throw new UsageException("importing a key needs --fingerprint FPR (checked) or --yes (taken as is)",
                    "compare the fingerprints above with the key owner's, then run again with --fingerprint");
        }
        Optional<Candidate> unfit = chosen.stream().filter(c -> !c.report().fit()).findFirst();
        if (unfit.isPresent() && !yes) {
            KeyValidity.Report first = unfit.get().report();
            throw VerificationException.failed("the key %s %s; nothing was imported".formatted(spaced(first.fingerprint()), first.problems().get(0)),
                    "ask its owner for a current copy; --yes trusts it as it is, but its signatures will give no evidence while it stays so");
        }
        return chosen;
    }

    /** Trusts a key from now on: writes {@code keys/<fingerprint>.asc}. Repeating it is harmless. */
    public void trust(Candidate key) {
        InstallStore.writeAtomically(keysDir.resolve(key.fingerprint() + ".asc"), armor(key.ring()));
    }

    /**
     * Stops trusting the key with this fingerprint; returns what was removed.
     *
     * @throws UsageException (exit 2) for a text that is no fingerprint, or the built-in Go release key
     * @throws VersionNotFoundException (exit 3) when no trusted key has it
     */
    public List<TrustedKeys.Trusted> remove(String fingerprint) {
        String want = TrustedKeys.normalize(fingerprint);
        // A v4 fingerprint is 40 hex digits, a v6 one 64.
        if (!want.matches("[0-9A-F]{40}|[0-9A-F]{64}")) {
            throw new UsageException("'%s' is not a key fingerprint".formatted(fingerprint), "give the 40 hex digits 'jgvm keys list' shows (spaces allowed)");
        }
        if (want.equals(TrustedKeys.GO_RELEASE_KEY)) {
            throw new UsageException("the Go release key is built in and cannot be removed", "it only vouches for archives signed by Go's release process");
        }
        List<TrustedKeys.Trusted> match = TrustedKeys.load(keysDir).all().stream().filter(k -> !k.builtIn() && k.fingerprint().equals(want)).toList();
        if (match.isEmpty()) throw new VersionNotFoundException("no trusted key has the fingerprint %s".formatted(spaced(want)), "'jgvm keys list' shows them");
        for (TrustedKeys.Trusted k : match) {
            try {
                Files.deleteIfExists(Path.of(k.source()));
            } catch (IOException e) {
                throw new StoreException("cannot remove '%s': %s".formatted(k.source(), e.getMessage()), null, e);
            }
        }
        return match;
    }

    /** A fingerprint in groups of four, as gpg shows it. */
    public static String spaced(String fpr) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < fpr.length(); i += 4) b.append(i == 0 ? "" : i == 20 ? "  " : " ").append(fpr, i, Math.min(fpr.length(), i + 4));
        return b.toString();
    }

    /** The key's user ids, in the order the key lists them. */
    public static List<String> userIds(PGPPublicKeyRing ring) {
        List<String> ids = new ArrayList<>();
        for (Iterator<String> it = ring.getPublicKey().getUserIDs(); it.hasNext(); ) ids.add(it.next());
        return ids;
    }

    private static String armor(PGPPublicKeyRing ring) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (OutputStream out = new ArmoredOutputStream(b)) {
            ring.encode(out);
        } catch (IOException e) {
            throw new StoreException("cannot encode the key: " + e.getMessage(), null, e);
        }
        return b.toString(StandardCharsets.US_ASCII);
    }
}
