/** Go's checksum database: signed notes, transparency-log proofs from tiles, and the {@code h1:} hash of module zips. */
package dev.jgvm.core.verify.sumdb;
