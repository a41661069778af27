package io.nssim.userland.iproute2.print;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * iproute2's {@code json_print.c}: one set of print calls that writes either the text form or JSON (through a
 * Jackson generator, keys in the order they are printed). {@code PRINT_ANY} values appear in both forms,
 * {@code PRINT_FP} ones only in text, {@code PRINT_JSON} ones only in JSON. Text formats are C printf formats
 * restricted to {@code %s %d %u %x}.
 */
public final class JsonPrint {
    /** Where a value is printed. */
    public enum Mode { ANY, FP, JSON }

    private final boolean json;
    private final StringBuilder text = new StringBuilder();
    private final StringWriter jsonBuf = new StringWriter();
    private final JsonGenerator gen;
    /** {@code _SL_}: "\n", or "\\" in oneline mode. */
    private final String sl;

    private JsonPrint(boolean json, boolean pretty, boolean oneline) {
        this.json = json;
        this.sl = oneline ? "\\" : "\n";
        if (json) {
            try {
                gen = new JsonFactory().createGenerator(jsonBuf);
                gen.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                if (pretty) {
                    gen.setPrettyPrinter(new IprouteJsonPrettyPrinter());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else {
            gen = null;
        }
    }

    /** {@code new_json_obj}: a writer; in JSON mode the top level is an array, as iproute2 prints it. */
    public static JsonPrint open(boolean json, boolean pretty, boolean oneline) {
        JsonPrint p = new JsonPrint(json, pretty, oneline);
        if (json) {
            p.io(() -> p.gen.writeStartArray());
        }
        return p;
    }

    /** A writer for a single event line (ip monitor): no enclosing array. */
    public static JsonPrint openBare(boolean json, boolean pretty, boolean oneline) {
        return new JsonPrint(json, pretty, oneline);
    }

    public boolean isJson() {
        return json;
    }

    public String sl() {
        return sl;
    }

    /** {@code delete_json_obj}: closes the top-level array and returns everything printed. */
    public String close() {
        if (!json) {
            return text.toString();
        }
        io(() -> {
            gen.writeEndArray();
            gen.flush();
        });
        return jsonBuf + "\n";
    }

    /** Returns what a bare writer printed (JSON: the object, followed by a newline). */
    public String closeBare() {
        if (!json) {
            return text.toString();
        }
        io(gen::flush);
        return jsonBuf + "\n";
    }

    private interface IoAction {
        void run() throws IOException;
    }

    private void io(IoAction a) {
        try {
            a.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean inText(Mode m) {
        return !json && m != Mode.JSON;
    }

    private boolean inJson(Mode m) {
        return json && m != Mode.FP;
    }

    /** Appends raw text in text mode (what iproute2 writes with fprintf). */
    public void raw(String s) {
        if (!json) {
            text.append(s);
        }
    }

    public void nl() {
        if (!json) {
            text.append(sl);
        }
    }

    public void openObject(String key) {
        if (json) {
            io(() -> {
                if (key != null) {
                    gen.writeFieldName(key);
                }
                gen.writeStartObject();
            });
        }
    }

    public void closeObject() {
        if (json) {
            io(gen::writeEndObject);
        }
    }

    /** {@code open_json_array(mode, str)}: in JSON an array named {@code str}; in text, {@code str} itself. */
    public void openArray(Mode m, String str) {
        if (inJson(m)) {
            io(() -> {
                if (str != null) {
                    gen.writeFieldName(str);
                }
                gen.writeStartArray();
            });
        } else if (inText(m) && str != null) {
            text.append(str);
        }
    }

    public void closeArray(Mode m, String str) {
        if (inJson(m)) {
            io(gen::writeEndArray);
        } else if (inText(m) && str != null) {
            text.append(str);
        }
    }

    public void string(Mode m, String key, String fmt, String value) {
        if (inJson(m)) {
            io(() -> {
                if (key != null) {
                    gen.writeFieldName(key);
                }
                if (value == null) {
                    gen.writeNull();
                } else {
                    gen.writeString(value);
                }
            });
        } else if (inText(m) && fmt != null) {
            text.append(format(fmt, value));
        }
    }

    public void integer(Mode m, String key, String fmt, long value) {
        if (inJson(m)) {
            io(() -> {
                if (key != null) {
                    gen.writeFieldName(key);
                }
                gen.writeNumber(value);
            });
        } else if (inText(m) && fmt != null) {
            text.append(format(fmt, value));
        }
    }

    /** A number JSON shows with a fixed number of decimals ({@code %.2f} timers). */
    public void decimal(Mode m, String key, String fmt, String value) {
        if (inJson(m)) {
            io(() -> {
                if (key != null) {
                    gen.writeFieldName(key);
                }
                gen.writeNumber(value);
            });
        } else if (inText(m) && fmt != null) {
            text.append(format(fmt, value));
        }
    }

    public void bool(Mode m, String key, String fmt, boolean value) {
        if (inJson(m)) {
            io(() -> {
                if (key != null) {
                    gen.writeFieldName(key);
                }
                gen.writeBoolean(value);
            });
        } else if (inText(m) && fmt != null) {
            text.append(fmt);
        }
    }

    public void nullValue(Mode m, String key, String fmt) {
        if (inJson(m)) {
            io(() -> {
                if (key != null) {
                    gen.writeFieldName(key);
                }
                gen.writeNull();
            });
        } else if (inText(m) && fmt != null) {
            text.append(fmt);
        }
    }

    private static String format(String fmt, Object value) {
        return String.format(Locale.ROOT, fmt.replace("%u", "%d").replace("%llu", "%d"), value);
    }
}
