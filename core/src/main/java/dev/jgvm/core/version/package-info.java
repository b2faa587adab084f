/** Go's version rules: {@link dev.jgvm.core.version.GoVersion} (parse, order) and {@link dev.jgvm.core.version.VersionSpec} (what users ask for). */
package dev.jgvm.core.version;
