/**
 * What the commands ask about the version a directory uses, on top of {@link dev.jgvm.core.resolve}: choosing one
 * ({@code use}), listing the installed ones against it ({@code list}), the errors and go.mod warnings about it
 * ({@code current}, {@code which}, {@code exec}, {@code env}) and the environment that selects its GOROOT ({@code env},
 * {@code exec}). ARCHITECTURE.md, 'Where is a version chosen?'.
 */
package dev.jgvm.core.select;
