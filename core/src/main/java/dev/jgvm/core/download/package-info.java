/** Downloading: {@link dev.jgvm.core.download.HttpClient} on OkHttp, and {@link dev.jgvm.core.download.Downloader} (streaming, hashing, resume). */
package dev.jgvm.core.download;
