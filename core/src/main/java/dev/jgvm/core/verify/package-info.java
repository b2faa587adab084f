/**
 * Verification: where a download is proven genuine. {@link dev.jgvm.core.verify.ArtifactVerifier} judges every archive
 * (downloads, cache entries, local files, bundle contents) against its evidence and is the only maker of a
 * {@link dev.jgvm.core.verify.VerifiedArchive}, the one thing the installer publishes from; digests
 * ({@link dev.jgvm.core.dist.Checksum}), signatures and the checksum database are its tools.
 */
package dev.jgvm.core.verify;
