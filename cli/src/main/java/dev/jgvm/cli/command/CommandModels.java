package dev.jgvm.cli.command;

import dev.jgvm.cli.render.Terminal;
import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ScopeType;

/**
 * picocli models built with picocli's own builders, for the root command, the quick commands that run most often
 * ({@code list}, {@code current}) and the {@code -h}/{@code --help} every command gets. Built from annotations, the
 * same models cost a third of {@code jgvm list --json}'s CPU on JDK 17 and over half on JDK 25: reading an annotation
 * generates a proxy class for its type at each start, which no start-up cache holds (ARCHITECTURE.md, Start-up).
 * The annotations on {@link JgvmCommand}, {@link ListCommand}, {@link CurrentCommand} and {@link HelpOption} stay
 * the declaration (the native image's configuration and every other command read them); {@code CommandModelsTest}
 * checks that each model here is the one picocli builds from them: the same usage text, options and attributes.
 * Setters and getters are plain classes, not lambdas, since each lambda is linked at start-up.
 */
public final class CommandModels {
    private CommandModels() {}

    /** The root command's model, options and {@code -h}/{@code -V} included; the caller adds the subcommands. */
    public static CommandSpec root(JgvmCommand jgvm) {
        CommandSpec spec = CommandSpec.wrapWithoutInspection(jgvm);
        spec.name("jgvm");
        spec.setAddMethodSubcommands(false);
        spec.versionProvider(new JgvmCommand.Version());
        spec.usageMessage()
                .description("Install Go toolchains side by side and use the one each project asks for.")
                .footer("", "Exit codes: 0 ok, 1 failure, 2 usage, 3 version not found, 4 verification failed, 5 network, 6 busy,",
                        "127 exec: no version or command, 130 interrupted. 'jgvm help COMMAND' shows a command's options.");
        spec.addOption(global(new Flag(jgvm, Flag.JSON), "<json>", "Print machine-readable JSON on stdout.", "--json"));
        spec.addOption(global(new Flag(jgvm, Flag.QUIET), "<quiet>", "Print only the answer and errors.", "-q", "--quiet"));
        spec.addOption(global(new Flag(jgvm, Flag.VERBOSE), "<verbose>", "Explain more: files looked at, sources tried.", "-v", "--verbose"));
        spec.addOption(global(new Flag(jgvm, Flag.NO_COLOR), "<noColor>", "No colours (also NO_COLOR=1).", "--no-color"));
        // What @Command(mixinStandardHelpOptions = true) adds, under the key picocli gives it.
        CommandSpec standard = CommandSpec.create();
        standard.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).type(boolean.class).paramLabel("<helpRequested>")
                .descriptionKey("mixinStandardHelpOptions.help").description("Show this help message and exit.").build());
        standard.addOption(OptionSpec.builder("-V", "--version").versionHelp(true).type(boolean.class).paramLabel("<versionRequested>")
                .descriptionKey("mixinStandardHelpOptions.version").description("Print version information and exit.").build());
        spec.addMixin("mixinStandardHelpOptions", standard);
        jgvm.spec = spec;
        return spec;
    }

    /** {@code list}'s model (its options are the root's, inherited). */
    public static CommandSpec list(ListCommand list) {
        CommandSpec spec = CommandSpec.wrapWithoutInspection(list);
        spec.name("list").aliases("ls");
        spec.setAddMethodSubcommands(false);
        spec.usageMessage().description("List installed Go versions; * marks the one used here.");
        return spec;
    }

    /** {@code current}'s model (its options are the root's, inherited). */
    public static CommandSpec current(CurrentCommand current) {
        CommandSpec spec = CommandSpec.wrapWithoutInspection(current);
        spec.name("current");
        spec.setAddMethodSubcommands(false);
        spec.usageMessage().description("Show the Go version used here and what selected it.");
        return spec;
    }

    /** {@link HelpOption} as a mixin: {@code -h}/{@code --help} for a command that declares none. */
    public static CommandSpec helpOption() {
        CommandSpec spec = CommandSpec.wrapWithoutInspection(new HelpOption());
        spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).type(boolean.class).paramLabel("<help>").descriptionKey("")
                .description("Show this command's usage and exit.").build());
        return spec;
    }

    // The parameter labels and the empty description keys are what picocli derives from the annotated members.
    private static OptionSpec global(Flag flag, String label, String description, String... names) {
        return OptionSpec.builder(names).type(boolean.class).scopeType(ScopeType.INHERIT).paramLabel(label).descriptionKey("").description(description)
                .hasInitialValue(false).getter(flag).setter(flag).build();
    }

    /** A global flag's binding: sets {@link Terminal.Settings} through {@link JgvmCommand}'s option methods. */
    private static final class Flag implements IGetter, ISetter {
        static final int JSON = 0, QUIET = 1, VERBOSE = 2, NO_COLOR = 3;
        private final JgvmCommand jgvm;
        private final int which;
        private Object value;

        Flag(JgvmCommand jgvm, int which) {
            this.jgvm = jgvm;
            this.which = which;
        }

        @SuppressWarnings("unchecked")
        @Override public <T> T get() { return (T) value; }

        @SuppressWarnings("unchecked")
        @Override public <T> T set(T newValue) {
            boolean on = Boolean.TRUE.equals(newValue);
            switch (which) {
                case JSON -> jgvm.json(on);
                case QUIET -> jgvm.quiet(on);
                case VERBOSE -> jgvm.verbose(on);
                default -> jgvm.noColor(on);
            }
            T old = (T) value;
            value = newValue;
            return old;
        }
    }
}
