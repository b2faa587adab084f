/** Installing and removing versions: {@link dev.jgvm.core.install.Installer} extracts a proven archive, publishes it and regenerates. */
package dev.jgvm.core.install;
