package dev.jgvm.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What keeps picocli's start-up cheap (DESIGN §11: a JVM command within 2x the JVM floor; bench/startup.sh measures it).
 * These are the levers found with async-profiler that a new command could silently undo.
 */
class StartupCostTest {
    @Test
    void noCommandLooksForMethodSubcommands() throws Exception {
        // With the default (true) picocli reads the annotations of every public method of the command, Object's
        // included: two more annotation proxy classes (@IntrinsicCandidate, @Deprecated) generated at each start,
        // about a third of the annotation cost of `jgvm list --json` on JDK 25. jgvm has no method subcommands.
        List<String> scanning = new ArrayList<>();
        List<String> commands = NativeConfigurationTest.commandClasses();
        for (String name : commands) {
            Command c = Class.forName(name, false, getClass().getClassLoader()).getAnnotation(Command.class);
            if (c.addMethodSubcommands()) scanning.add(name);
        }
        assertTrue(commands.size() >= 20, "expected every jgvm command, found only " + commands);
        assertTrue(scanning.isEmpty(), "give these @Command(addMethodSubcommands = false): " + scanning);
    }

    @Test
    void picocliSkipsGroovyAndTimeConverterLookups() throws Exception {
        Class.forName(Main.class.getName(), true, getClass().getClassLoader());
        // The lookup of groovy.lang.Closure opens every jar on the class path; the java.time converters run the
        // static initializers of MonthDay and friends. Main turns both off before picocli's first use.
        assertEquals("true", System.getProperty("picocli.disable.closures"));
        assertTrue("java.time.MonthDay".matches(System.getProperty("picocli.converters.excludes").split(",")[1]));
    }
}
