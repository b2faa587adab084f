/** First-party source types and hooks, written only against {@code core.spi} and the value packages (ArchitectureTest): {@code dl}, {@code goproxy}, {@code bundle}, {@code tools}. */
package dev.jgvm.plugins;
