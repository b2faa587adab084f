/**
 * {@code jgvm doctor}: each {@link dev.jgvm.core.doctor.Check} looks at one part of a Go set-up (PATH, GOROOT and
 * friends, GOTOOLCHAIN against go.mod, the architecture of installed binaries, cgo, shims, mirrors, version files,
 * disk, the JDK) in a {@link dev.jgvm.core.doctor.Situation} and reports {@link dev.jgvm.core.doctor.Finding}s with a
 * status, a one-line finding and the concrete fix; {@link dev.jgvm.core.doctor.Doctor} runs them all. The environment
 * is read only through {@code core.env.Env}.
 */
package dev.jgvm.core.doctor;
