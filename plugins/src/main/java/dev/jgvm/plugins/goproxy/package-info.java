/** The {@code goproxy} source type: Go toolchains as {@code golang.org/toolchain} modules on a module proxy. */
package dev.jgvm.plugins.goproxy;
