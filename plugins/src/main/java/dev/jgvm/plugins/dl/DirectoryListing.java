package dev.jgvm.plugins.dl;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * File names from an HTML directory listing: nginx autoindex ({@code <pre><a href="file">}), nginx fancyindex
 * (a table of {@code <td class="link"><a href="file">}), Apache and Nexus browse pages (absolute or relative
 * {@code href}s to the files). Only the last path segment of each link is kept, URL-decoded; parent links,
 * queries and fragments are dropped.
 */
final class DirectoryListing {
    private static final Pattern HREF = Pattern.compile("<a\\s[^>]*href\\s*=\\s*[\"']([^\"']+)[\"']", Pattern.CASE_INSENSITIVE);

    private DirectoryListing() {}

    static Set<String> fileNames(String html) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = HREF.matcher(html);
        while (m.find()) {
            String href = m.group(1).strip();
            if (href.startsWith("javascript:") || href.startsWith("?") || href.startsWith("#") || href.startsWith("mailto:")) continue;
            int cut = indexOfAny(href, '?', '#');
            if (cut >= 0) href = href.substring(0, cut);
            if (href.endsWith("/")) continue;
            String path;
            try {
                path = URI.create(href.replace(" ", "%20")).getRawPath();
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (path == null || path.isEmpty()) continue;
            String name = URLDecoder.decode(path.substring(path.lastIndexOf('/') + 1), StandardCharsets.UTF_8);
            if (!name.isEmpty() && !name.equals("..") && !name.equals(".")) out.add(name);
        }
        return out;
    }

    private static int indexOfAny(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        return i < 0 ? j : j < 0 ? i : Math.min(i, j);
    }
}
