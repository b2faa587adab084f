/**
 * The plugin contract, the only package third parties build against (README, 'Writing a plugin'; ARCHITECTURE.md,
 * 'Plugins'): {@link dev.jgvm.core.spi.SourceType} turns a {@code [[mirror]]} table ({@link dev.jgvm.core.spi.MirrorTable})
 * into a {@link dev.jgvm.core.spi.Source} that lists {@link dev.jgvm.core.spi.Release}s and points at
 * {@link dev.jgvm.core.spi.Artifact}s and their {@link dev.jgvm.core.spi.EvidenceSource}s;
 * {@link dev.jgvm.core.spi.InstallHook}s run after an install. Core lends them a {@link dev.jgvm.core.spi.PluginContext}
 * ({@link dev.jgvm.core.spi.Http} with credentials applied, a {@link dev.jgvm.core.spi.PluginCache}, the {@code [hooks]}
 * table) and downloads, verifies and decides trust itself. The package depends only on itself and the value packages
 * {@code core.version}, {@code core.platform}, {@code core.dist}, {@code core.error} and {@code core.event}
 * (ArchitectureTest); it is versioned by {@link dev.jgvm.core.spi.SpiVersion}.
 */
package dev.jgvm.core.spi;
