/** Verification: digests ({@link dev.jgvm.core.verify.Checksum}) and the evidence that proves an archive genuine. */
package dev.jgvm.core.verify;
