package io.nssim.userland.iproute2.print;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.nssim.userland.iproute2.print.JsonPrint.Mode;
import org.junit.jupiter.api.Test;

class JsonPrintTest {
    private static String netnsList(boolean json, boolean pretty) {
        JsonPrint p = JsonPrint.open(json, pretty, false);
        p.openObject(null);
        p.string(Mode.ANY, "name", "%s", "b");
        p.integer(Mode.ANY, "id", " (id: %d)", 3);
        p.raw("\n");
        p.closeObject();
        p.openObject(null);
        p.string(Mode.ANY, "name", "%s", "a");
        p.raw("\n");
        p.closeObject();
        return p.close();
    }

    @Test
    void shouldPrintIproute2sPrettyLayout() {
        // Recorded from `ip -j -p netns list` on Linux (conformance/golden/netns_list_formats.out).
        assertEquals("[ {\n        \"name\": \"b\",\n        \"id\": 3\n    },{\n        \"name\": \"a\"\n    } ]\n",
                netnsList(true, true));
    }

    @Test
    void shouldPrintCompactJsonAndPlainTextFromTheSameCalls() {
        assertEquals("[{\"name\":\"b\",\"id\":3},{\"name\":\"a\"}]\n", netnsList(true, false));
        assertEquals("b (id: 3)\na\n", netnsList(false, false));
    }

    @Test
    void shouldKeepArraysOnOneLineWithInnerSpacesWhenPretty() {
        JsonPrint p = JsonPrint.open(true, true, false);
        p.openObject(null);
        p.openArray(Mode.ANY, "flags");
        p.string(Mode.ANY, null, "%s,", "UP");
        p.string(Mode.ANY, null, "%s", "LOWER_UP");
        p.closeArray(Mode.ANY, "> ");
        p.openArray(Mode.ANY, "empty");
        p.closeArray(Mode.ANY, null);
        p.closeObject();
        assertEquals("[ {\n        \"flags\": [ \"UP\",\"LOWER_UP\" ],\n        \"empty\": [ ]\n    } ]\n",
                p.close());
    }

    @Test
    void shouldPrintAnEmptyTopLevelArray() {
        assertEquals("[]\n", JsonPrint.open(true, false, false).close());
    }
}
