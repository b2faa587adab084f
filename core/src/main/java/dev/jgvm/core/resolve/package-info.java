/** Which Go version a directory uses and why: {@link dev.jgvm.core.resolve.VersionResolver}, kept in step with the shims' sh resolver by the conformance vectors. */
package dev.jgvm.core.resolve;
