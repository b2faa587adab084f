package dev.jgvm.core.transport;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which proxy a URL goes through, as curl and Go decide it from the usual variables. */
class ProxyRulesTest {
    private static ProxyRules rules(String configured, String... vars) {
        Map<String, String> env = new java.util.HashMap<>();
        for (int i = 0; i < vars.length; i += 2) env.put(vars[i], vars[i + 1]);
        return ProxyRules.from(configured, k -> Optional.ofNullable(env.get(k)).filter(v -> !v.isEmpty()));
    }

    private static String via(ProxyRules r, String url) { return r.proxyFor(URI.create(url)).map(ProxyRules.ProxyUrl::display).orElse("direct"); }

    @Test
    void eachSchemeHasItsVariableAndAllProxyIsTheFallback() {
        ProxyRules r = rules("", "HTTPS_PROXY", "http://tls.corp:3128", "ALL_PROXY", "socks5://socks.corp");

        assertEquals("http://tls.corp:3128", via(r, "https://dl.google.com/go/"));
        assertEquals("socks5://socks.corp:1080", via(r, "http://mirror.corp/go/"));
        assertEquals("direct", via(r, "file:///srv/go/"));
    }

    @Test
    void lowerCaseWinsAndTheConfiguredProxyWinsOverBoth() {
        assertEquals("http://lower:80", via(rules("", "https_proxy", "lower", "HTTPS_PROXY", "http://upper:1"), "https://x.example/"));
        assertEquals("http://conf.corp:8080", via(rules("http://conf.corp:8080", "https_proxy", "lower"), "https://x.example/"));
        assertEquals("http://conf.corp:8080", via(rules("http://conf.corp:8080"), "http://x.example/"));
    }

    @Test
    void noProxyMatchesHostsDomainSuffixesPortsRangesAndStar() {
        ProxyRules r = rules("", "HTTPS_PROXY", "http://p:3128", "HTTP_PROXY", "http://p:3128",
                "NO_PROXY", "internal.corp, .svc.example,nexus.corp:8443, 10.0.0.0/8 localhost");

        assertEquals("direct", via(r, "https://internal.corp/"));
        assertEquals("direct", via(r, "https://a.b.internal.corp/"));
        assertEquals("http://p:3128", via(r, "https://notinternal.corp/"));
        assertEquals("direct", via(r, "https://svc.example/"));
        assertEquals("direct", via(r, "https://x.svc.example/"));
        assertEquals("direct", via(r, "https://nexus.corp:8443/"));
        assertEquals("http://p:3128", via(r, "https://nexus.corp/"));
        assertEquals("direct", via(r, "http://10.1.2.3/"));
        assertEquals("http://p:3128", via(r, "http://11.1.2.3/"));
        assertEquals("direct", via(r, "http://localhost:8081/"));
        assertEquals("direct", via(rules("", "HTTPS_PROXY", "http://p:3128", "no_proxy", "*"), "https://dl.google.com/"));
    }

    @Test
    void aProxyIsShownWithItsUserButNeverItsPassword() {
        ProxyRules r = rules("", "HTTPS_PROXY", "http://alice:s%3Acret@proxy.corp:3128");

        assertEquals("http://alice@proxy.corp:3128", via(r, "https://dl.google.com/"));
        assertEquals(java.util.List.of("s:cret"), r.secrets());
        assertTrue(r.describe().values().stream().noneMatch(v -> v.contains("cret")), r.describe().toString());
    }

    @Test
    void anUnusableProxyUrlIsRefusedNamingItsSetting() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> rules("", "HTTPS_PROXY", "ftp://p.corp"));

        assertTrue(e.getMessage().startsWith("HTTPS_PROXY uses 'ftp://'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> rules("socks5://u:p@s.corp"));
    }
}
