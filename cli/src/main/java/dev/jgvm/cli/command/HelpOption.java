package dev.jgvm.cli.command;

import picocli.CommandLine.Option;

/** {@code -h}/{@code --help} for every command and subcommand; {@code Main} mixes it into each one that lacks it. */
public final class HelpOption {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this command's usage and exit.")
    boolean help;
}
