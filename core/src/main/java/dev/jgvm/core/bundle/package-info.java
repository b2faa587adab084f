/** Offline bundles (DESIGN §8): {@link dev.jgvm.core.bundle.BundleWriter} and the all-or-nothing {@link dev.jgvm.core.bundle.BundleImporter}. */
package dev.jgvm.core.bundle;
