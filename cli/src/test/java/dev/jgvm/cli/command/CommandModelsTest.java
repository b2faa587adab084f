package dev.jgvm.cli.command;

import dev.jgvm.cli.render.Terminal;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hand-built models of {@link CommandModels} are the ones picocli builds from the annotations: same usage text
 * (plain and coloured), same options with the same attributes, same command attributes. A changed annotation fails
 * here until {@code CommandModels} says the same.
 */
class CommandModelsTest {
    @Test
    void theRootModelIsTheAnnotatedOne() {
        Terminal.Settings ts = new Terminal.Settings();
        CommandLine hand = new CommandLine(CommandModels.root(new JgvmCommand(ts)));
        CommandLine annotated = new CommandLine(new JgvmCommand(new Terminal.Settings()));
        // With subcommands, as Main builds it: the inherited options and the command list are part of the usage.
        for (CommandLine root : List.of(hand, annotated)) {
            root.addSubcommand(new CommandLine(CommandModels.list(new ListCommand(null, null))));
            root.addSubcommand(new CommandLine(new CurrentCommand(null)));
        }

        assertSame(annotated, hand);
        assertEquals(annotated.getCommandSpec().mixinStandardHelpOptions(), hand.getCommandSpec().mixinStandardHelpOptions());
        assertEquals(List.of("jgvm 0"), versionShape(hand));
        assertSame(annotated.getSubcommands().get("list"), hand.getSubcommands().get("list"));
    }

    @Test
    void theGlobalFlagsSetTheTerminalSettingsAsTheAnnotatedMethodsDo() {
        Terminal.Settings ts = new Terminal.Settings();
        CommandLine hand = new CommandLine(CommandModels.root(new JgvmCommand(ts)));
        hand.addSubcommand(new CommandLine(CommandModels.list(new ListCommand(null, null))));

        hand.parseArgs("--json", "list", "-q", "-v", "--no-color");

        assertTrue(ts.json && ts.quiet && ts.verbose && ts.noColor, "every flag set");
        Terminal.Settings none = new Terminal.Settings();
        new CommandLine(CommandModels.root(new JgvmCommand(none))).parseArgs();
        assertTrue(!none.json && !none.quiet && !none.verbose && !none.noColor, "no flag set");
    }

    @Test
    void theRootPrintsItsUsageThroughTheInjectedSpec() {
        JgvmCommand jgvm = new JgvmCommand(new Terminal.Settings());
        CommandLine hand = new CommandLine(CommandModels.root(jgvm));

        assertNotNull(jgvm.spec);
        assertEquals(hand, jgvm.spec.commandLine());
    }

    @Test
    void listAndCurrentAreTheAnnotatedOnesWithTheHelpOptionMainAddsToEveryCommand() {
        CommandLine handList = new CommandLine(CommandModels.list(new ListCommand(null, null))).addMixin("help", CommandModels.helpOption());
        CommandLine list = new CommandLine(new ListCommand(null, null)).addMixin("help", new HelpOption());
        CommandLine handCurrent = new CommandLine(CommandModels.current(new CurrentCommand(null))).addMixin("help", CommandModels.helpOption());
        CommandLine current = new CommandLine(new CurrentCommand(null)).addMixin("help", new HelpOption());

        assertSame(list, handList);
        assertSame(current, handCurrent);
    }

    private static void assertSame(CommandLine annotated, CommandLine hand) {
        String name = annotated.getCommandName();
        assertEquals(annotated.getUsageMessage(Ansi.OFF), hand.getUsageMessage(Ansi.OFF), name);
        assertEquals(annotated.getUsageMessage(Ansi.ON), hand.getUsageMessage(Ansi.ON), name);
        assertEquals(attributes(annotated.getCommandSpec()), attributes(hand.getCommandSpec()), name);
        assertEquals(options(annotated.getCommandSpec()), options(hand.getCommandSpec()), name);
    }

    private static List<String> attributes(CommandSpec s) {
        return List.of(s.name(), Arrays.toString(s.aliases()), s.mixins().keySet().toString(), String.valueOf(s.isAddMethodSubcommands()),
                String.valueOf(s.helpCommand()), String.valueOf(s.subcommandsRepeatable()), String.valueOf(s.scopeType()),
                Arrays.toString(s.usageMessage().description()), Arrays.toString(s.usageMessage().footer()),
                Arrays.toString(s.usageMessage().header()), String.valueOf(s.usageMessage().width()),
                String.valueOf(s.exitCodeOnUsageHelp()), String.valueOf(s.exitCodeOnInvalidInput()),
                String.valueOf(s.versionProvider() == null ? null : s.versionProvider().getClass()),
                String.valueOf(s.parser().separator()), s.subcommands().keySet().toString());
    }

    private static List<String> options(CommandSpec s) {
        List<String> out = new ArrayList<>();
        for (OptionSpec o : s.options()) {
            out.add(String.join(" | ", Arrays.toString(o.names()), String.valueOf(o.type()), String.valueOf(o.arity()),
                    String.valueOf(o.scopeType()), String.valueOf(o.inherited()), String.valueOf(o.usageHelp()),
                    String.valueOf(o.versionHelp()), String.valueOf(o.descriptionKey()), Arrays.toString(o.description()),
                    String.valueOf(o.hidden()), String.valueOf(o.required()), String.valueOf(o.negatable()),
                    String.valueOf(o.paramLabel()), String.valueOf(o.order()), String.valueOf(o.interactive()),
                    String.valueOf(o.defaultValue()), String.valueOf(o.fallbackValue())));
        }
        out.sort(null);
        return out;
    }

    private static List<String> versionShape(CommandLine cl) {
        List<String> out = new ArrayList<>();
        try {
            for (String line : cl.getCommandSpec().versionProvider().getVersion()) out.add(line.replaceAll(" .*", " 0"));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        return out;
    }
}
