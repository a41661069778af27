package io.nssim.userland.iproute2.print;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.PrettyPrinter;
import java.io.IOException;

/**
 * iproute2's {@code json_writer} layout for {@code -p}: four spaces per nesting level (arrays count), a
 * newline before every object member, arrays kept on one line with a space inside the brackets
 * ({@code [ "UP","LOWER_UP" ]}), and {@code },{} between objects in an array.
 */
final class IprouteJsonPrettyPrinter implements PrettyPrinter {
    private int depth;

    private void eol(JsonGenerator g) throws IOException {
        g.writeRaw('\n');
        for (int i = 0; i < depth; i++) {
            g.writeRaw("    ");
        }
    }

    @Override
    public void writeRootValueSeparator(JsonGenerator g) {
    }

    @Override
    public void writeStartObject(JsonGenerator g) throws IOException {
        g.writeRaw('{');
        depth++;
    }

    @Override
    public void writeEndObject(JsonGenerator g, int nrOfEntries) throws IOException {
        depth--;
        if (nrOfEntries > 0) {
            eol(g);
        }
        g.writeRaw('}');
    }

    @Override
    public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
        g.writeRaw(',');
        eol(g);
    }

    @Override
    public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
        g.writeRaw(": ");
    }

    @Override
    public void writeStartArray(JsonGenerator g) throws IOException {
        g.writeRaw("[ ");
        depth++;
    }

    @Override
    public void writeEndArray(JsonGenerator g, int nrOfValues) throws IOException {
        depth--;
        if (nrOfValues > 0) {
            g.writeRaw(' ');
        }
        g.writeRaw(']');
    }

    @Override
    public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
        g.writeRaw(',');
    }

    @Override
    public void beforeArrayValues(JsonGenerator g) {
    }

    @Override
    public void beforeObjectEntries(JsonGenerator g) throws IOException {
        eol(g);
    }
}
