package dev.jgvm.core.transport;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** No password in a URL reaches a message, a log line or a file. */
class RedactTest {
    @Test
    void theUserInfoGoesWhateverThePathHolds() {
        assertEquals("https://nexus.corp/repository/go/", Redact.url("https://ci:s3cret@nexus.corp/repository/go/"));
        // An @ in the path (a module path such as golang.org/toolchain/@v/) must not make the password stay.
        assertEquals("https://nexus.corp/golang.org/toolchain/@v/list", Redact.url("https://ci:s3cret@nexus.corp/golang.org/toolchain/@v/list"));
        assertEquals("https://nexus.corp?x=a@b", Redact.url("https://ci:s3cret@nexus.corp?x=a@b"));
        assertEquals("https://nexus.corp#a@b", Redact.url("https://ci:s3cret@nexus.corp#a@b"));
        assertEquals("https://nexus.corp", Redact.url("https://ci:p@ss@nexus.corp"));   // an @ left unescaped in the password
        assertEquals("http://proxy.corp:3128", Redact.url("http://user:pw@proxy.corp:3128"));
    }

    @Test
    void textWithoutUserInfoIsLeftAsItIs() {
        for (String s : new String[] {"https://go.dev/dl/", "https://goproxy.cn/golang.org/toolchain/@v/list", "go.dev", "a@b",
                "not a url: x@y", "file:///tmp/dl/"}) {
            assertEquals(s, Redact.url(s));
        }
    }

    @Test
    void aUriLosesItsUserInfo() {
        assertEquals(URI.create("https://nexus.corp/golang.org/toolchain/@v/list"),
                Redact.uri(URI.create("https://ci:s3cret@nexus.corp/golang.org/toolchain/@v/list")));
        assertEquals(URI.create("https://go.dev/dl/"), Redact.uri(URI.create("https://go.dev/dl/")));
    }
}
