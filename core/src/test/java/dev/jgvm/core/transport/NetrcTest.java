package dev.jgvm.core.transport;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** .netrc as cmd/go reads it: machine entries only, never the default entry. */
class NetrcTest {
    @Test
    void machineEntriesGiveCredentialsInAnyLayout() {
        Netrc n = Netrc.parse("machine nexus.corp\n  login ci\n  password t0k\nmachine other login a password b");

        assertArrayEquals(new String[] {"ci", "t0k"}, n.credentials("NEXUS.corp").orElseThrow());
        assertArrayEquals(new String[] {"a", "b"}, n.credentials("other").orElseThrow());
    }

    @Test
    void theDefaultEntryIsIgnoredWhereverItStands() {
        Netrc n = Netrc.parse("default login anyone password s3cr3t\nmachine nexus.corp login ci password t0k");

        assertEquals(Optional.empty(), n.credentials("dl.google.com"));
        assertArrayEquals(new String[] {"ci", "t0k"}, n.credentials("nexus.corp").orElseThrow());
    }
}
