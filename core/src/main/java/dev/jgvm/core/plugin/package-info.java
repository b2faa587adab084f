/**
 * Core's side of the plugin SPI: {@link dev.jgvm.core.plugin.PluginRegistry} loads the built-in and the plugin jars'
 * source types and hooks (refusing another SPI major by jar name), and {@link dev.jgvm.core.plugin.PluginHost} is the
 * {@code PluginContext} core lends them, over the HTTP client, the store's cache and the settings, which stay in core.
 */
package dev.jgvm.core.plugin;
