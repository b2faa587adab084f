package dev.jgvm.core.mirror;

import dev.jgvm.core.config.Settings;
import dev.jgvm.core.config.SettingsLoader;
import dev.jgvm.core.config.Settings.MirrorConfig;
import dev.jgvm.core.env.Env;
import dev.jgvm.core.error.ConfigException;
import dev.jgvm.core.error.UsageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MirrorChainTest {
    @TempDir Path home;

    private List<MirrorConfig> chain(Object... env) {
        Object[] kv = new Object[env.length + 2];
        kv[0] = "HOME";
        kv[1] = home;
        System.arraycopy(env, 0, kv, 2, env.length);
        return MirrorChain.configs(new SettingsLoader().load(Env.of(kv)), Optional.empty());
    }

    @Test
    void theDefaultChainIsOfficialChinaTheUsersProxiesThenProxyGolangOrg() {
        List<MirrorConfig> c = chain("GOPROXY", "https://goproxy.cn,https://goproxy.io|direct");

        assertEquals(List.of("official", "china", "https://goproxy.cn", "https://goproxy.io", "proxy.golang.org"), c.stream().map(MirrorConfig::name).toList());
        assertEquals("notfound", c.get(2).table().get("fallback"), "a comma passes on only 404/410");
        assertEquals("any", c.get(3).table().get("fallback"), "a pipe passes on any error");
    }

    @Test
    void goproxyComesFromGosEnvFileWhenTheVariableIsUnset() throws IOException {
        Files.createDirectories(home.resolve(".config/go"));
        Files.writeString(home.resolve(".config/go/env"), "GOFLAGS=-mod=mod\nGOPROXY=https://mirrors.aliyun.com/goproxy/,direct\n");

        List<MirrorConfig> c = chain();

        assertEquals("https://mirrors.aliyun.com/goproxy/", c.get(2).url());
        assertEquals(4, c.size(), "proxy.golang.org is added once at the end");
    }

    private static MirrorConfig fake(String name, String fallback, String fails) {
        return new MirrorConfig(name, "fake", "https://" + name + "/", java.util.Map.of("fallback", fallback, "fails", fails));
    }

    private static MirrorChain.Listing list(MirrorConfig... configs) {
        return MirrorChain.create(List.of(configs), null, MirrorChainTest.class.getClassLoader()).list();
    }

    @Test
    void aCommaPassesOnlyNotFoundToTheNextProxyAndAPipeAnyError() {
        assertEquals("b", list(fake("a", "notfound", "notfound"), fake("b", "any", "none")).source());
        assertEquals("b", list(fake("a", "any", "network"), fake("b", "any", "none")).source());
        dev.jgvm.core.error.NetworkException e = assertThrows(dev.jgvm.core.error.NetworkException.class,
                () -> list(fake("a", "notfound", "network"), fake("b", "any", "none")));
        assertTrue(e.getMessage().contains("(a: connection refused)"), e.getMessage());
    }

    @Test
    void jgvmMirrorsReplacesTheChainAndMirrorPinsOne() {
        assertEquals(List.of("china", "dl+https://mirrors.ustc.edu.cn/golang/"),
                chain("JGVM_MIRRORS", "china, dl+https://mirrors.ustc.edu.cn/golang/").stream().map(MirrorConfig::name).toList());
        assertThrows(ConfigException.class, () -> chain("JGVM_MIRRORS", "nowhere"));
        assertEquals("china", MirrorChain.configs(Settings.defaults(), Optional.of("china")).get(0).name());
        UsageException e = assertThrows(UsageException.class, () -> MirrorChain.configs(Settings.defaults(), Optional.of("nope")));
        assertTrue(e.getMessage().contains("no mirror named 'nope'"));
    }

    @Test
    void aKeyNeitherCommonNorTheTypesOwnIsRefusedBeforeTheTypeIsAsked() {
        MirrorConfig typo = new MirrorConfig("corp", "fake", "https://corp/", java.util.Map.of("name", "corp", "fails", "network", "colour", "red"));

        dev.jgvm.core.error.ConfigException e = org.junit.jupiter.api.Assertions.assertThrows(dev.jgvm.core.error.ConfigException.class,
                () -> MirrorChain.create(List.of(typo), null, MirrorChainTest.class.getClassLoader()));

        assertEquals("[[mirror]] 'corp' has unknown key 'colour' for its type 'fake'", e.getMessage());
        assertEquals("keys a 'fake' mirror takes: fails, fallback, name, password_env, type, url, username", e.hint().orElseThrow());
    }

    @Test
    void everyMirrorUnreachableSaysHowToFindOneThatAnswers() {
        List<MirrorChain.Attempt> failures = List.of(
                new MirrorChain.Attempt("official", new dev.jgvm.core.error.NetworkException("refused the request with HTTP 421", null, false, null)),
                new MirrorChain.Attempt("china", new dev.jgvm.core.error.NetworkException("unknown host", null, false, null)));

        dev.jgvm.core.error.JgvmException e = MirrorChain.allFailed("download go 1.21.0", failures);

        assertEquals(5, e.exitCode().code(), e.getMessage());
        assertEquals("check the network and proxy settings, or pick a mirror that answers with --mirror NAME or JGVM_MIRRORS "
                + "('jgvm mirror test' tries each one)", e.hint().orElseThrow());
    }

    @Test
    void aMirrorThatAsksForCredentialsDecidesTheErrorWhateverTheOthersAnswered() {
        List<MirrorChain.Attempt> failures = List.of(
                new MirrorChain.Attempt("a", new dev.jgvm.core.error.VersionNotFoundException("HTTP 404", null)),
                new MirrorChain.Attempt("b", dev.jgvm.core.error.NetworkException.refused("HTTP 401", "check the mirror's credentials", 401, null)));

        dev.jgvm.core.error.JgvmException e = MirrorChain.allFailed("download go 1.22.5", failures);

        assertEquals(5, e.exitCode().code(), e.getMessage());
        assertEquals("could not download go 1.22.5 from any mirror (a: HTTP 404; b: HTTP 401)", e.getMessage());
        assertEquals("check the mirror's credentials", e.hint().orElseThrow());
    }
}
