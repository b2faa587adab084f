/** Platforms spelled as Go spells them ({@link dev.jgvm.core.platform.Platform}) and their detection. */
package dev.jgvm.core.platform;
