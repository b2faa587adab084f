/** The command line: {@link dev.jgvm.cli.Main} (entry point and error mapping) and {@link dev.jgvm.cli.Services} (composition root). */
package dev.jgvm.cli;
