/** Finding extensions: {@link dev.jgvm.core.plugin.PluginRegistry} loads the built-in and the plugin jars' source types and hooks. */
package dev.jgvm.core.plugin;
