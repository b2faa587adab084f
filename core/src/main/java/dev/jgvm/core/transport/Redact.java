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
        if (scheme < 0) return text;
        int start = scheme + 3;
        int end = text.length();   // the authority ends where the path, query or fragment begins
        for (char c : new char[] {'/', '?', '#'}) {
            int i = text.indexOf(c, start);
            if (i >= 0 && i < end) end = i;
        }
        int at = text.lastIndexOf('@', end - 1);   // an @ in the path (golang.org/toolchain/@v/) is not user info
        if (at < start) return text;
        return text.substring(0, start) + text.substring(at + 1);
    }
}
