package dev.jgvm.core.transport;

import java.net.URI;
import java.net.URISyntaxException;

/** URLs as they may be shown: without user info, so no password reaches a message, a log line or a file. */
public final class Redact {
    private Redact() {}

    /** The URL without its user info (a password in {@code https://user:pass@host/} must never be printed). */
    public static URI uri(URI uri) {
        if (uri.getRawUserInfo() == null) return uri;
        String s = uri.getScheme() + "://" + uri.getRawAuthority().substring(uri.getRawAuthority().lastIndexOf('@') + 1)
                + (uri.getRawPath() == null ? "" : uri.getRawPath()) + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        try {
            return new URI(s);
        } catch (URISyntaxException e) {
            return URI.create(uri.getScheme() + ":");
        }
    }

    /** {@link #uri(URI)} for text that may or may not be a URL. */
    public static String url(String text) {
        int scheme = text.indexOf("://");
        int at = text.lastIndexOf('@');
        if (scheme < 0 || at < scheme) return text;
        int slash = text.indexOf('/', scheme + 3);
        if (slash >= 0 && slash < at) return text;
        return text.substring(0, scheme + 3) + text.substring(at + 1);
    }
}
