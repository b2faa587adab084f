package dev.jgvm.cli;

import dev.jgvm.cli.command.BundleCommand;
import dev.jgvm.cli.command.CacheCommand;
import dev.jgvm.cli.command.CommandModels;
import dev.jgvm.cli.command.CurrentCommand;
import dev.jgvm.cli.command.DoctorCommand;
import dev.jgvm.cli.command.EnvCommand;
import dev.jgvm.cli.command.ExecCommand;
import dev.jgvm.cli.command.InitCommand;
import dev.jgvm.cli.command.InstallCommand;
import dev.jgvm.cli.command.JgvmCommand;
import dev.jgvm.cli.command.KeysCommand;
import dev.jgvm.cli.command.ListCommand;
import dev.jgvm.cli.command.ListRemoteCommand;
import dev.jgvm.cli.command.MirrorCommand;
import dev.jgvm.cli.command.OutdatedCommand;
import dev.jgvm.cli.command.PluginsCommand;
import dev.jgvm.cli.command.RehashCommand;
import dev.jgvm.cli.command.ToolsCommand;
import dev.jgvm.cli.command.UninstallCommand;
import dev.jgvm.cli.command.UpgradeCommand;
import dev.jgvm.cli.command.UseCommand;
import dev.jgvm.cli.command.VerifyCommand;
import dev.jgvm.cli.command.WhichCommand;
import dev.jgvm.cli.render.Terminal;
import picocli.CommandLine;

import java.util.function.Supplier;

/**
 * picocli's factory: hands each command its collaborators from {@link Services}, the composition root, by a plain
 * constructor call. No reflection and no container, because the JVM's start-up is on every command's path
 * (DESIGN §11); {@code Services} builds each collaborator only when a command first asks for it, so constructing a
 * command (all of them, for {@code --help}) reads no file. Anything that is not a command (help mixins, converters)
 * goes to picocli's default factory.
 */
final class CommandFactory implements CommandLine.IFactory {
    private final Services s;
    private final Terminal.Settings ts;
    private final Supplier<CommandLine> model;

    /** @param model the whole command model, for {@code init}'s completion script */
    CommandFactory(Services s, Terminal.Settings ts, Supplier<CommandLine> model) {
        this.s = s;
        this.ts = ts;
        this.model = model;
    }

    /**
     * A command's picocli model: built by {@link CommandModels} for the root and the quick commands (reading
     * annotations costs start-up time), else by picocli from the command's annotations.
     */
    CommandLine commandLine(Class<?> c) {
        if (c == JgvmCommand.class) return new CommandLine(CommandModels.root(new JgvmCommand(ts)), this);
        if (c == ListCommand.class) return new CommandLine(CommandModels.list((ListCommand) command(c)), this);
        if (c == CurrentCommand.class) return new CommandLine(CommandModels.current((CurrentCommand) command(c)), this);
        return new CommandLine(c, this);
    }

    @Override public <K> K create(Class<K> cls) throws Exception {
        Object command = command(cls);
        return command != null ? cls.cast(command) : CommandLine.defaultFactory().create(cls);
    }

    private Object command(Class<?> c) {
        if (c == JgvmCommand.class) return new JgvmCommand(ts);
        if (c == InstallCommand.class) return new InstallCommand(s.terminal(), s::installs, s::selector);
        if (c == UninstallCommand.class) return new UninstallCommand(s.terminal(), s::uninstaller);
        if (c == ListCommand.class) return new ListCommand(s.terminal(), s::selector);
        if (c == UseCommand.class) return new UseCommand(s.terminal(), s::selector);
        if (c == CurrentCommand.class) return new CurrentCommand(s);
        if (c == WhichCommand.class) return new WhichCommand(s);
        if (c == ExecCommand.class) return new ExecCommand(s);
        if (c == EnvCommand.class) return new EnvCommand(s.terminal(), s::goEnvironment);
        if (c == ListRemoteCommand.class) return new ListRemoteCommand(s);
        if (c == RehashCommand.class) return new RehashCommand(s.terminal(), s::installer);
        if (c == InitCommand.class) return new InitCommand(s, model);
        if (c == VerifyCommand.class) return new VerifyCommand(s);
        if (c == OutdatedCommand.class) return new OutdatedCommand(s);
        if (c == UpgradeCommand.class) return new UpgradeCommand(s.terminal(), s::upgrader);
        if (c == PluginsCommand.class) return new PluginsCommand(s);
        if (c == DoctorCommand.class) return new DoctorCommand(s);
        if (c == KeysCommand.class) return new KeysCommand(s);
        if (c == KeysCommand.Import.class) return new KeysCommand.Import(s);
        if (c == KeysCommand.ListKeys.class) return new KeysCommand.ListKeys(s);
        if (c == KeysCommand.Remove.class) return new KeysCommand.Remove(s);
        if (c == BundleCommand.class) return new BundleCommand();
        if (c == BundleCommand.Create.class) return new BundleCommand.Create(s.terminal(), s.env(), s.systemStreams(), s::bundles);
        if (c == BundleCommand.Import.class) return new BundleCommand.Import(s.terminal(), s::bundles);
        if (c == MirrorCommand.class) return new MirrorCommand();
        if (c == MirrorCommand.ListMirrors.class) return new MirrorCommand.ListMirrors(s.terminal(), s::mirrors);
        if (c == MirrorCommand.Test.class) return new MirrorCommand.Test(s.terminal(), s::mirrors);
        if (c == CacheCommand.class) return new CacheCommand();
        if (c == CacheCommand.ListCache.class) return new CacheCommand.ListCache(s.terminal(), s::cache);
        if (c == CacheCommand.Clean.class) return new CacheCommand.Clean(s.terminal(), s::cache);
        if (c == ToolsCommand.class) return new ToolsCommand(s);
        if (c == ToolsCommand.Sync.class) return new ToolsCommand.Sync(s);
        return null;
    }
}
