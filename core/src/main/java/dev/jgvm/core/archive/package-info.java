/**
 * Safe extraction of Go archives: {@link dev.jgvm.core.archive.ArchiveExtractor} with its entry-path checks and bomb
 * limits, {@link dev.jgvm.core.archive.ModuleZip} with cmd/go's rules for module zips, and
 * {@link dev.jgvm.core.archive.StreamedExtraction}, which follows a download as it is written.
 */
package dev.jgvm.core.archive;
