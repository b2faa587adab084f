/** First-party install hooks: {@link dev.jgvm.plugins.tools.DefaultToolsHook} ({@code [hooks] default_tools}). */
package dev.jgvm.plugins.tools;
