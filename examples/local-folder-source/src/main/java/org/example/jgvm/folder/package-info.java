/**
 * An example jgvm plugin: the {@code folder} source type, a local folder of official Go archives as a mirror. Written
 * against jgvm's plugin SPI ({@code dev.jgvm.core.spi}) and the value types it speaks in, nothing else.
 */
package org.example.jgvm.folder;
