package dev.jgvm.cli.render;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;

/** Renders {@code --json} answers: pretty, stable, no HTML escaping. */
public final class Json {
    private Json() {}

    public static String render(JsonElement e) { return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(e); }
}
