/**
 * What {@code jgvm cache list|clean} see and do: {@link dev.jgvm.core.cache.CacheInventory} (what {@code JGVM_HOME/cache}
 * holds, and removing it) and {@link dev.jgvm.core.cache.CacheService} (which items a clean removes).
 */
package dev.jgvm.core.cache;
