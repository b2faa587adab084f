package dev.jgvm.cli.command;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;

/** Renders {@code --json} answers: pretty, stable, no HTML escaping. */
final class Json {
    private Json() {}

    static String render(JsonElement e) { return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(e); }
}
