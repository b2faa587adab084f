/** Output: {@link dev.jgvm.cli.render.Terminal} (stdout for answers, labelled stderr lines) and {@link dev.jgvm.cli.render.ErrorReporter}. */
package dev.jgvm.cli.render;
