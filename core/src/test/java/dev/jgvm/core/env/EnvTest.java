package dev.jgvm.core.env;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The home directory follows HOME, as Go, git and curl do: `env HOME=/tmp/x jgvm doctor` reads /tmp/x/.config/go/env. */
class EnvTest {
    @Test
    void homeIsTheHomeVariableWhenItIsAnAbsolutePathElseTheAccountsHome() {
        assertEquals(Path.of("/tmp/elsewhere"), Env.home(Map.of("HOME", "/tmp/elsewhere"), "/root"));
        assertEquals(Path.of("/root"), Env.home(Map.of(), "/root"));
        assertEquals(Path.of("/root"), Env.home(Map.of("HOME", ""), "/root"));
        assertEquals(Path.of("/root"), Env.home(Map.of("HOME", "relative"), "/root"), "a relative HOME names nothing");
    }
}
