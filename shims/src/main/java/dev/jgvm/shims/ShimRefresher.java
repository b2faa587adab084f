package dev.jgvm.shims;

import dev.jgvm.core.config.Settings;
import dev.jgvm.core.store.InstallStore;
import dev.jgvm.core.store.StoreListener;
import dev.jgvm.core.store.StoreLock;

/** Regenerates aliases and shims after every change to the store ({@code jgvm rehash} calls it too). */
public final class ShimRefresher implements StoreListener {
    private final AliasWriter aliases = new AliasWriter();
    private final ShimWriter shims = new ShimWriter();
    private final Settings settings;

    public ShimRefresher(Settings settings) { this.settings = settings; }

    @Override public void storeChanged(InstallStore store) {
        try (StoreLock lock = store.lockShared()) {
            aliases.write(store);
            shims.write(store, settings);
        }
    }
}
