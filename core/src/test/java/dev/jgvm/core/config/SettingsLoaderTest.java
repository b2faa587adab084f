package dev.jgvm.core.config;

import dev.jgvm.core.config.Settings.EvidenceLevel;
import dev.jgvm.core.env.Env;
import dev.jgvm.core.error.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SettingsLoaderTest {
    @TempDir Path home;

    private Settings load(String toml, Object... env) throws IOException {
        Files.writeString(home.resolve("config.toml"), toml);
        Object[] kv = new Object[env.length + 2];
        kv[0] = "JGVM_HOME";
        kv[1] = home;
        System.arraycopy(env, 0, kv, 2, env.length);
        return new SettingsLoader().load(Env.of(kv));
    }

    @Test
    void defaultsWithoutAFile() {
        Settings s = new SettingsLoader().load(Env.of("JGVM_HOME", home));

        assertTrue(s.autoInstall());
        assertTrue(s.readGoMod());
        assertEquals(EvidenceLevel.ORIGIN, s.verifyMinimum());
        assertEquals(Duration.ofSeconds(5), s.network().connectTimeout());
    }

    @Test
    void readsEveryTable() throws IOException {
        Settings s = load("""
                auto_install = false
                read_go_mod = false
                gotoolchain = "local"

                [verify]
                minimum = "signed"

                [network]
                connect_timeout = "2s"
                read_timeout = "1m"
                retries = 4

                [[mirror]]
                name = "corp"
                type = "dl"
                url = "https://nexus.corp.example/repository/go-dl/"
                password_env = "NEXUS_TOKEN"
                """);

        assertFalse(s.autoInstall());
        assertFalse(s.readGoMod());
        assertEquals("local", s.gotoolchain());
        assertEquals(EvidenceLevel.SIGNED, s.verifyMinimum());
        assertEquals(Duration.ofMinutes(1), s.network().readTimeout());
        assertEquals(4, s.network().retries());
        assertEquals("corp", s.mirrors().get(0).name());
        assertEquals("NEXUS_TOKEN", s.mirrors().get(0).table().get("password_env"));
    }

    @Test
    void environmentVariablesOverrideTheFile() throws IOException {
        Settings s = load("auto_install = false\n[verify]\nminimum = \"signed\"\n",
                "JGVM_AUTO_INSTALL", "1", "JGVM_VERIFY_MINIMUM", "mirror", "JGVM_READ_GO_MOD", "no");

        assertTrue(s.autoInstall());
        assertFalse(s.readGoMod());
        assertEquals(EvidenceLevel.MIRROR, s.verifyMinimum());
    }

    @Test
    void originsComeFromTheVerifyTableAndTheEnvironment() throws IOException {
        String toml = "[verify]\norigins = [\"https://go.mirror.corp.example/dl\", \"https://dl.google.com/go/\"]\n";

        assertEquals(Optional.empty(), new SettingsLoader().load(Env.of("JGVM_HOME", home)).verifyOrigins(), "the official origin");
        assertEquals(Optional.of(List.of(URI.create("https://go.mirror.corp.example/dl/"), URI.create("https://dl.google.com/go/"))),
                load(toml).verifyOrigins());
        assertEquals(Optional.of(List.of()), load("[verify]\norigins = []\n").verifyOrigins(), "none");
        assertEquals(Optional.of(List.of()), load(toml, "JGVM_ORIGINS", "none").verifyOrigins());
        assertEquals(Optional.of(List.of(URI.create("https://o.example/go/"))), load(toml, "JGVM_ORIGINS", "https://o.example/go").verifyOrigins());
    }

    @Test
    void anOriginThatIsNotHttpsIsRefused() {
        ConfigException file = assertThrows(ConfigException.class, () -> load("[verify]\nminimum = \"origin\"\norigins = [\"http://dl.example/go/\"]\n"));
        ConfigException env = assertThrows(ConfigException.class, () -> load("", "JGVM_ORIGINS", "https://ok.example/,ftp://x/"));
        ConfigException type = assertThrows(ConfigException.class, () -> load("[verify]\norigins = \"https://dl.example/\"\n"));

        assertEquals(home.resolve("config.toml") + ":3: [verify] origins: 'http://dl.example/go/' is not an HTTPS URL", file.getMessage());
        assertEquals(2, file.exitCode().code());
        assertEquals("JGVM_ORIGINS: 'ftp://x/' is not an HTTPS URL", env.getMessage());
        assertTrue(type.getMessage().contains("origins"), type.getMessage());
    }

    @Test
    void anUnknownKeyNamesFileLineAndKey() {
        ConfigException e = assertThrows(ConfigException.class, () -> load("auto_install = true\n\nauto_instal = false\n"));

        assertEquals(home.resolve("config.toml") + ":3: unknown key 'auto_instal'", e.getMessage());
        assertEquals(2, e.exitCode().code());
    }

    @Test
    void anUnknownKeyInATableIsNamedWithItsTable() {
        ConfigException e = assertThrows(ConfigException.class, () -> load("[network]\nretries = 2\ntimeout = \"5s\"\n"));

        assertEquals(home.resolve("config.toml") + ":3: unknown key 'network.timeout'", e.getMessage());
    }

    @Test
    void malformedTomlNamesTheLine() {
        ConfigException e = assertThrows(ConfigException.class, () -> load("auto_install = true\nread_go_mod = = false\n"));

        assertTrue(e.getMessage().startsWith(home.resolve("config.toml") + ":2: "), e.getMessage());
    }

    @Test
    void aValueOfTheWrongTypeIsRefused() {
        ConfigException e = assertThrows(ConfigException.class, () -> load("auto_install = \"yes\"\n"));

        assertEquals(home.resolve("config.toml") + ":1: 'auto_install' must be true or false", e.getMessage());
    }

    @Test
    void aBadEvidenceLevelIsRefused() {
        ConfigException e = assertThrows(ConfigException.class, () -> load("[verify]\nminimum = \"trust-me\"\n"));

        assertTrue(e.getMessage().contains("'trust-me' is not an evidence level"), e.getMessage());
        assertEquals("use signed, origin or mirror", e.hint().orElseThrow());
    }

    @Test
    void absurdNumbersInTheFileAreRefusedWithFileAndLine() {
        ConfigException retries = assertThrows(ConfigException.class, () -> load("[network]\nretries = 1000000\n"));
        ConfigException negative = assertThrows(ConfigException.class, () -> load("[network]\nretries = -1\n"));
        ConfigException timeout = assertThrows(ConfigException.class, () -> load("[network]\n\nread_timeout = \"99999h\"\n"));
        ConfigException zero = assertThrows(ConfigException.class, () -> load("[network]\nconnect_timeout = \"0s\"\n"));

        assertEquals(home.resolve("config.toml") + ":2: network.retries: 1000000 retries is out of range", retries.getMessage());
        assertTrue(negative.getMessage().startsWith(home.resolve("config.toml") + ":2: network.retries"), negative.getMessage());
        assertTrue(timeout.getMessage().startsWith(home.resolve("config.toml") + ":3: network.read_timeout: '99999h'"), timeout.getMessage());
        assertTrue(zero.getMessage().startsWith(home.resolve("config.toml") + ":2: network.connect_timeout"), zero.getMessage());
    }

    @Test
    void badValuesInVariablesAreRefusedNamingTheVariable() {
        ConfigException retries = assertThrows(ConfigException.class, () -> load("", "JGVM_RETRIES", "-3"));
        ConfigException word = assertThrows(ConfigException.class, () -> load("", "JGVM_RETRIES", "many"));
        ConfigException timeout = assertThrows(ConfigException.class, () -> load("", "JGVM_READ_TIMEOUT", "99999999999999999999s"));
        ConfigException lock = assertThrows(ConfigException.class,
                () -> SettingsLoader.lockTimeout(Env.of("JGVM_LOCK_TIMEOUT", "abc"), Duration.ofSeconds(120)));
        ConfigException lockNegative = assertThrows(ConfigException.class,
                () -> SettingsLoader.lockTimeout(Env.of("JGVM_LOCK_TIMEOUT", "-1"), Duration.ofSeconds(120)));

        assertEquals("JGVM_RETRIES: -3 retries is out of range", retries.getMessage());
        assertEquals("JGVM_RETRIES: 'many' is not a number", word.getMessage());
        assertTrue(timeout.getMessage().startsWith("JGVM_READ_TIMEOUT: "), timeout.getMessage());
        assertEquals("JGVM_LOCK_TIMEOUT='abc' is not a number of seconds", lock.getMessage());
        assertTrue(lockNegative.getMessage().startsWith("JGVM_LOCK_TIMEOUT='-1'"), lockNegative.getMessage());
        assertEquals(Duration.ofMillis(500), SettingsLoader.lockTimeout(Env.of("JGVM_LOCK_TIMEOUT", "0.5"), Duration.ofSeconds(120)));
    }

    @Test
    void aGotoolchainGoWouldRefuseIsRefusedHere() throws IOException {
        // The shims export it as GOTOOLCHAIN: a value Go refuses would break every go command in every project.
        ConfigException file = assertThrows(ConfigException.class, () -> load("auto_install = true\ngotoolchain = \"lokal\"\n"));
        ConfigException env = assertThrows(ConfigException.class, () -> load("", "JGVM_GOTOOLCHAIN", "xyz"));
        ConfigException mode = assertThrows(ConfigException.class, () -> load("", "JGVM_GOTOOLCHAIN", "go1.22.5+always"));
        ConfigException both = assertThrows(ConfigException.class, () -> load("", "JGVM_GOTOOLCHAIN", "auto+path"));

        assertEquals(home.resolve("config.toml") + ":2: gotoolchain: 'lokal' is not a GOTOOLCHAIN value", file.getMessage());
        assertEquals("JGVM_GOTOOLCHAIN: 'xyz' is not a GOTOOLCHAIN value", env.getMessage());
        assertTrue(mode.getMessage().startsWith("JGVM_GOTOOLCHAIN: 'go1.22.5+always'"), mode.getMessage());
        assertTrue(both.getMessage().startsWith("JGVM_GOTOOLCHAIN: 'auto+path'"), both.getMessage());
        assertTrue(env.hint().orElseThrow().contains("go1.22.5+auto"), env.hint().orElseThrow());
        for (String ok : List.of("", "local", "auto", "path", "local+auto", "local+path", "go1.22.5", "go1.22.5+auto", "go1.21rc2+path",
                "go1.22", "go1.23.0-custom")) {
            assertEquals(ok, load("", "JGVM_GOTOOLCHAIN", ok).gotoolchain(), ok);
            assertEquals(ok, load("gotoolchain = \"" + ok + "\"\n").gotoolchain(), ok);
        }
    }

    @Test
    void aBadProxyOrCaFileNamesWhereItWasSet() {
        ConfigException proxyEnv = assertThrows(ConfigException.class, () -> load("", "JGVM_PROXY", "::bad"));
        ConfigException proxyFile = assertThrows(ConfigException.class, () -> load("[network]\n\nproxy = \"ftp://proxy.example\"\n"));
        ConfigException caEnv = assertThrows(ConfigException.class, () -> load("", "JGVM_CA_FILE", home.resolve("missing.pem").toString()));
        ConfigException caFile = assertThrows(ConfigException.class, () -> load("[network]\nca_file = \"" + home.resolve("none.pem") + "\"\n"));

        assertTrue(proxyEnv.getMessage().startsWith("JGVM_PROXY is not a proxy URL"), proxyEnv.getMessage());
        assertTrue(proxyFile.getMessage().startsWith(home.resolve("config.toml") + ":3: network.proxy uses 'ftp://'"), proxyFile.getMessage());
        assertEquals("JGVM_CA_FILE: cannot read '%s'".formatted(home.resolve("missing.pem")), caEnv.getMessage());
        assertEquals(home.resolve("config.toml") + ":2: network.ca_file: cannot read '%s'".formatted(home.resolve("none.pem")), caFile.getMessage());
    }

    @Test
    void mirrorKeysNothingReadsAreUnknown() {
        for (String key : List.of("priority = 1", "sumdb = \"sum.golang.org\"")) {
            ConfigException e = assertThrows(ConfigException.class,
                    () -> load("[[mirror]]\nname = \"corp\"\nurl = \"https://corp.example/go/\"\n" + key + "\n"));

            assertEquals(home.resolve("config.toml") + ":4: unknown key 'mirror." + key.substring(0, key.indexOf(' ')) + "'", e.getMessage());
        }
    }

    @Test
    void aPluginTypesOwnKeysAreLeftToItsSourceType() throws IOException {
        Settings s = load("[[mirror]]\nname = \"usb\"\ntype = \"folder\"\nurl = \"/media/usb/go\"\nshelf = \"top\"\n");

        assertEquals("top", s.mirrors().get(0).table().get("shelf"));
    }

    @Test
    void whatTheNetworkTakesFromTheEnvironmentIsReadHere() throws IOException {
        Settings s = load("", "HOME", home, "NETRC", home.resolve("my.netrc"), "SSL_CERT_FILE", "/etc/roots.pem", "SSL_CERT_DIR", "/etc/roots",
                "https_proxy", "http://proxy.corp.example:3128", "NO_PROXY", ".corp.example", "EDITOR", "vi", "JGVM_RETRY_BACKOFF_MS", "10");

        assertEquals(Optional.of(home.resolve("my.netrc")), s.network().netrc());
        assertEquals(Optional.of("/etc/roots.pem"), s.network().sslCertFile());
        assertEquals(Optional.of("/etc/roots"), s.network().sslCertDir());
        assertEquals(java.util.Map.of("https_proxy", "http://proxy.corp.example:3128", "NO_PROXY", ".corp.example"), s.network().proxyVariables());
        assertEquals(Duration.ofMillis(10), s.network().retryBackoff());
        assertEquals(Optional.of(home.resolve(".netrc")), load("", "HOME", home).network().netrc());
    }

    @Test
    void goproxyComesFromTheVariableElseGoEnvFile() throws IOException {
        Path goenv = home.resolve("goenv");
        Files.writeString(goenv, "GOFLAGS=-mod=mod\nGOPROXY=https://goproxy.cn,direct\n");

        Settings fromFile = load("", "GOENV", goenv);
        Settings fromVariable = load("", "GOENV", goenv, "GOPROXY", "https://proxy.corp.example", "GOSUMDB", "off");
        Settings neither = load("", "HOME", home);

        assertEquals(new Settings.Go("https://goproxy.cn,direct", Settings.GoproxyFrom.GO_ENV_FILE, "sum.golang.org"), fromFile.go());
        assertEquals(new Settings.Go("https://proxy.corp.example", Settings.GoproxyFrom.ENVIRONMENT, "off"), fromVariable.go());
        assertEquals(Settings.Go.defaults(), neither.go());
    }

    @Test
    void theMirrorOverrideAndThePlatformAreReadHere() throws IOException {
        Settings s = load("", "JGVM_MIRRORS", " corp, ,goproxy+https://goproxy.cn ", "JGVM_PLATFORM", "linux/arm64",
                "PROCESSOR_ARCHITECTURE", "x86", "PROCESSOR_ARCHITEW6432", "AMD64");

        assertEquals(Optional.of(List.of("corp", "goproxy+https://goproxy.cn")), s.mirrorOverride());
        assertEquals(new Settings.Host(Optional.of("linux/arm64"), Optional.of("AMD64")), s.host());
        assertEquals(Optional.empty(), load("").mirrorOverride());
    }

    @Test
    void aBadRetryBackoffIsRefusedNamingTheVariable() {
        ConfigException e = assertThrows(ConfigException.class, () -> load("", "JGVM_RETRY_BACKOFF_MS", "soon"));

        assertEquals("JGVM_RETRY_BACKOFF_MS='soon' is not a number of milliseconds", e.getMessage());
    }

    @Test
    void theConsoleIsReadWithoutTheFile() throws IOException {
        Files.writeString(home.resolve("config.toml"), "not toml [");

        Settings.Console c = SettingsLoader.console(Env.of("JGVM_HOME", home, "NO_COLOR", "1", "JGVM_STDERR_TTY", "1", "JGVM_DEBUG", "0"));

        assertEquals(new Settings.Console(true, true, false), c);
    }
}
