/**
 * Downloading: {@link dev.jgvm.core.download.HttpClient} (core's view of {@link dev.jgvm.core.transport}: its classified
 * failures as jgvm's errors), {@link dev.jgvm.core.download.Downloader} (streaming, hashing, resume),
 * {@link dev.jgvm.core.download.SmallFile} (caps on what is read whole) and the archive cache.
 */
package dev.jgvm.core.download;
