/** The one unchecked error hierarchy under {@link dev.jgvm.core.error.JgvmException}, each type with its exit code. */
package dev.jgvm.core.error;
