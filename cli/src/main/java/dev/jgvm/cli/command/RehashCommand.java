package dev.jgvm.cli.command;

import dev.jgvm.cli.Services;
import dev.jgvm.core.error.ExitCode;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** {@code jgvm rehash}: regenerate shims and aliases. */
@Command(name = "rehash", description = "Regenerate shims and aliases (done after every install and uninstall).")
public final class RehashCommand implements Callable<Integer> {
    private final Services services;

    public RehashCommand(Services services) { this.services = services; }

    @Override public Integer call() {
        services.installer().changed();
        services.terminal().info("shims and aliases regenerated in %s".formatted(services.store().home()));
        return ExitCode.OK.code();
    }
}
