package dev.jgvm.cli.render;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@link Json} writes what Gson's pretty printer without HTML escaping writes, byte for byte. */
class JsonTest {
    private static String gson(JsonElement e) { return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(e); }

    @Test
    void nestedObjectsArraysEmptiesAndNullsAsGsonWritesThem() {
        JsonObject o = new JsonObject();
        o.addProperty("version", "1.22.5");
        o.addProperty("missing", (String) null);
        o.addProperty("installed", true);
        o.addProperty("count", 3);
        o.addProperty("size", 12_345_678_901L);
        o.addProperty("ratio", 0.25);
        o.addProperty("big", new BigDecimal("1e400"));
        o.add("empty_array", new JsonArray());
        o.add("empty_object", new JsonObject());
        JsonObject onlyNulls = new JsonObject();
        onlyNulls.add("a", JsonNull.INSTANCE);
        o.add("only_nulls", onlyNulls);
        JsonArray a = new JsonArray();
        a.add(JsonNull.INSTANCE);
        a.add("x");
        a.add(new JsonArray());
        JsonArray inner = new JsonArray();
        inner.add(1);
        inner.add(false);
        a.add(inner);
        a.add(o.deepCopy());
        o.add("list", a);

        for (JsonElement e : List.of(o, a, new JsonArray(), new JsonObject(), JsonNull.INSTANCE, new JsonPrimitive("top"),
                new JsonPrimitive(7), JsonParser.parseString("{\"n\": 1.50e3, \"m\": [0.1, -2]}"))) {
            assertEquals(gson(e), Json.render(e));
        }
    }

    @Test
    void everyBasicMultilingualPlaneCharacterAndSurrogatePairsAreEscapedAsGsonEscapesThem() {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 0xFFFF; c++) all.append(c);
        all.append("\uD83D\uDE00 <tag> & 'quote' = \u007f");
        JsonObject o = new JsonObject();
        o.addProperty(all.toString(), all.toString());

        assertEquals(gson(o), Json.render(o));
    }

    @Test
    void nanAndInfinitiesAreWrittenAsGsonWritesThem() {
        JsonObject o = new JsonObject();
        o.addProperty("nan", Double.NaN);
        o.addProperty("inf", Double.NEGATIVE_INFINITY);

        assertEquals(gson(o), Json.render(o));
    }
}
