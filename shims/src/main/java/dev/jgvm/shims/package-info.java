/**
 * Shims and aliases: {@link dev.jgvm.shims.ShimWriter} writes the POSIX sh shims (templates {@code shim.sh} and
 * {@code resolve.sh}) and Windows {@code .cmd} shims, {@link dev.jgvm.shims.AliasWriter} the {@code aliases/}
 * files the shims resolve specs with.
 */
package dev.jgvm.shims;
