package dev.jgvm.cli.render;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import java.util.Map;

/**
 * Renders {@code --json} answers: pretty, stable, no HTML escaping. The text is the one Gson's pretty printer writes
 * (two-space indent, {@code "key": value}, members whose value is null left out, the same escapes), written here
 * because Gson's writer costs a tenth of a quick command's start-up: its static initializer formats a table of
 * escapes with {@code String.format} and compiles a regex, and a {@code Gson} registers dozens of type adapters
 * (ARCHITECTURE.md, Start-up). {@code JsonTest} checks the output against Gson's.
 */
public final class Json {
    private Json() {}

    public static String render(JsonElement e) {
        StringBuilder out = new StringBuilder();
        write(out, e, 0);
        return out.toString();
    }

    private static void write(StringBuilder out, JsonElement e, int depth) {
        if (e == null || e.isJsonNull()) {
            out.append("null");
        } else if (e instanceof JsonObject o) {
            int written = 0;
            out.append('{');
            for (Map.Entry<String, JsonElement> m : o.entrySet()) {
                if (m.getValue() == null || m.getValue().isJsonNull()) continue;   // Gson leaves null members out
                out.append(written++ == 0 ? "\n" : ",\n");
                indent(out, depth + 1);
                string(out, m.getKey());
                out.append(": ");
                write(out, m.getValue(), depth + 1);
            }
            if (written > 0) {
                out.append('\n');
                indent(out, depth);
            }
            out.append('}');
        } else if (e instanceof JsonArray a) {
            out.append('[');
            for (int i = 0; i < a.size(); i++) {
                out.append(i == 0 ? "\n" : ",\n");
                indent(out, depth + 1);
                write(out, a.get(i), depth + 1);
            }
            if (a.size() > 0) {
                out.append('\n');
                indent(out, depth);
            }
            out.append(']');
        } else {
            JsonPrimitive p = (JsonPrimitive) e;
            if (p.isBoolean()) {
                out.append(p.getAsBoolean());
            } else if (p.isNumber()) {
                out.append(p.getAsNumber().toString());   // NaN and Infinity too, as Gson writes a JsonElement
            } else {
                string(out, p.getAsString());
            }
        }
    }

    private static void indent(StringBuilder out, int depth) {
        for (int i = 0; i < depth; i++) out.append("  ");
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    // JSON's mandatory escapes, spelled as Gson spells them, and U+2028/U+2029 (line breaks to JavaScript).
    private static void string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append("\\u").append(HEX[c >> 12 & 15]).append(HEX[c >> 8 & 15]).append(HEX[c >> 4 & 15]).append(HEX[c & 15]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
