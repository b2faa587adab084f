/** {@link dev.jgvm.core.mirror.MirrorChain}: the ordered sources and the fallback policy. */
package dev.jgvm.core.mirror;
