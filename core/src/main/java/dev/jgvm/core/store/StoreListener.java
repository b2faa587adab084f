package dev.jgvm.core.store;

/**
 * Told after the set of installed versions or the global default changed, so derived files (aliases, shims) can
 * be regenerated. Called with no store lock held; implementations take {@link InstallStore#lockShared()}.
 */
@FunctionalInterface
public interface StoreListener {
    void storeChanged(InstallStore store);
}
