/** Offline bundles (README, 'Offline: signed bundles'): {@link dev.jgvm.core.bundle.BundleWriter} and the all-or-nothing {@link dev.jgvm.core.bundle.BundleImporter}. */
package dev.jgvm.core.bundle;
