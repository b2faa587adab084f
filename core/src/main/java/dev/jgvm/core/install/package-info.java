/** Installing and removing versions: {@link dev.jgvm.core.install.Installer} runs verify, extract, publish and regenerate. */
package dev.jgvm.core.install;
