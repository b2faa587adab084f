/** Running Go's tools: which program a command name means here ({@code ToolLookup}), and starting it as {@code exec} does ({@code ChildProcess}). */
package dev.jgvm.core.exec;
