/** Progress events: {@link dev.jgvm.core.event.ProgressListener}, the only way core tells the user anything. */
package dev.jgvm.core.event;
