/** The on-disk store under JGVM_HOME: {@link dev.jgvm.core.store.InstallStore}, staging, atomic publish, locks and removal. */
package dev.jgvm.core.store;
