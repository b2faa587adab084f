/**
 * Value types for what a Go distribution is published as (ARCHITECTURE.md, 'Code map'): official archive file names
 * ({@link dev.jgvm.core.dist.ArchiveName}), SHA-256 digests ({@link dev.jgvm.core.dist.Checksum}) and the
 * {@code checksums.txt} format ({@link dev.jgvm.core.dist.ChecksumsFile}). They depend only on {@code core.version},
 * {@code core.platform} and {@code core.error}, so the plugin SPI and plugins may use them; parsing lives here,
 * judging evidence stays in {@code core.verify}.
 */
package dev.jgvm.core.dist;
