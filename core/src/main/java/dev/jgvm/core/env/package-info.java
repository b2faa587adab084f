/** {@link dev.jgvm.core.env.Env}: the single view of environment variables, working directory, home and clock. */
package dev.jgvm.core.env;
