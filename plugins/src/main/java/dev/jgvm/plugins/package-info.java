/** First-party source types, written only against {@code core.spi}: {@code dl}, {@code goproxy}, {@code bundle}. */
package dev.jgvm.plugins;
