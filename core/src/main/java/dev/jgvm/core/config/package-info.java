/** Configuration: {@code config.toml} through toml4j, and the environment variables that override each key. */
package dev.jgvm.core.config;
