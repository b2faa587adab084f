/** Safe extraction of Go archives: {@link dev.jgvm.core.archive.ArchiveExtractor} with its entry-path checks and bomb limits. */
package dev.jgvm.core.archive;
