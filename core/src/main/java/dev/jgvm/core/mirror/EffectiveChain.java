package dev.jgvm.core.mirror;

import dev.jgvm.core.config.Settings;
import dev.jgvm.core.config.Settings.MirrorConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The mirror chain a command would use, in order, each with where it came from: {@code config.toml},
 * {@code JGVM_MIRRORS}, {@code GOPROXY} (from the environment or {@code go env -w}'s file) or the built-in default.
 * What {@code jgvm mirror list} shows.
 */
public final class EffectiveChain {
    private EffectiveChain() {}

    /** One mirror of the chain and where it came from. */
    public record Entry(MirrorConfig config, String from) {}

    public static List<Entry> of(Settings settings, Optional<String> pinned) {
        List<MirrorConfig> chain = MirrorChain.configs(settings, pinned);
        List<MirrorConfig> goproxies = MirrorChain.goproxies(settings.go());
        String goproxyFrom = settings.go().goproxyFrom() == Settings.GoproxyFrom.ENVIRONMENT ? "GOPROXY (environment)" : "GOPROXY (go env -w file)";
        boolean override = settings.mirrorOverride().isPresent();
        List<Entry> out = new ArrayList<>();
        for (MirrorConfig c : chain) {
            String from = settings.mirrors().contains(c) ? "config.toml"
                    : goproxies.contains(c) ? goproxyFrom
                    : MirrorChain.DEFAULTS.contains(c) || c.equals(MirrorChain.PROXY_GOLANG_ORG) ? "built-in default"
                    : "JGVM_MIRRORS";
            if (override && !from.equals("JGVM_MIRRORS")) from = "JGVM_MIRRORS, " + from;
            out.add(new Entry(c, from));
        }
        return out;
    }
}
