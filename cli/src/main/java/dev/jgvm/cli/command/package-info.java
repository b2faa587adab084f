/** One class per command: parse the arguments, call core, render through the Terminal. No file-system or policy code. */
package dev.jgvm.cli.command;
