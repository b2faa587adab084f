/**
 * The extension contract (ARCHITECTURE.md, 'Code map'): {@link dev.jgvm.core.spi.SourceType} turns a {@code [[mirror]]} table into a
 * {@link dev.jgvm.core.spi.Source} that lists {@link dev.jgvm.core.spi.Release}s and points at
 * {@link dev.jgvm.core.spi.Artifact}s and their {@link dev.jgvm.core.spi.EvidenceSource}s; core downloads, verifies
 * and decides trust. The only package third parties build against.
 */
package dev.jgvm.core.spi;
