/** The {@code bundle} source type: an offline bundle used as a mirror. */
package dev.jgvm.plugins.bundle;
