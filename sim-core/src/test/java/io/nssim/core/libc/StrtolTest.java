package io.nssim.core.libc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class StrtolTest {

    @Test
    void shouldReadTheCBasesAndStopAtTheFirstNonDigit() {
        assertEquals(new Strtol.Parse(8, 3, false), Strtol.strtoul("010", 0));
        assertEquals(new Strtol.Parse(255, 4, false), Strtol.strtoul("0xff", 0));
        assertEquals(new Strtol.Parse(0, 1, false), Strtol.strtoul("0x", 0), "the 0 is the number");
        assertEquals(new Strtol.Parse(10, 2, false), Strtol.strtoul("10.0.0.9", 0));
        assertEquals(new Strtol.Parse(5, 3, false), Strtol.strtoul("  5", 10), "leading C white space");
        assertEquals(new Strtol.Parse(19, 2, false), Strtol.strtoul("19", 10));
        assertEquals(new Strtol.Parse(0, 0, false), Strtol.strtoul("x1", 10), "no digits: end at the start");
    }

    @Test
    void shouldRefuseEveryNonAsciiDigitThatJavaWouldAccept() {
        for (String s : new String[] {"١٠", "２", "٩", "१०", "໑"}) {
            assertEquals(10, Integer.parseInt("10"));
            assertFalse(Strtol.strtoul(s, 10).anyDigits(), s);
            assertFalse(Strtol.isDigits(s), s);
            assertEquals(OptionalLong.empty(), Strtol.parseUnsigned(s, 0, Long.MAX_VALUE), s);
        }
        assertTrue(Character.isDigit('٩'), "what Java's own helpers would have taken");
    }

    @Test
    void shouldOverflowAsCDoes() {
        assertEquals(new Strtol.Parse(-1L, 20, true), Strtol.strtoul("99999999999999999999", 10));
        assertEquals(new Strtol.Parse(-1L, 20, false), Strtol.strtoul("18446744073709551615", 10), "ULONG_MAX fits");
        assertEquals(new Strtol.Parse(-1L, 2, false), Strtol.strtoul("-1", 10), "a minus negates, unsigned");
        assertEquals(new Strtol.Parse(Long.MAX_VALUE, 19, true), Strtol.strtol("9223372036854775808", 10));
        assertEquals(new Strtol.Parse(Long.MIN_VALUE, 20, false), Strtol.strtol("-9223372036854775808", 10));
        assertEquals(new Strtol.Parse(Long.MIN_VALUE, 20, true), Strtol.strtol("-9223372036854775809", 10));
        assertEquals(OptionalLong.empty(), Strtol.parseUnsigned("-1", 0, 0xFFFF_FFFFL), "get_unsigned refuses -1");
        assertEquals(OptionalLong.of(1500), Strtol.parseSigned("0x5dc", 0, Integer.MIN_VALUE, Integer.MAX_VALUE));
    }

    @Test
    void shouldReadFloatsAsCStrtodDoes() {
        int[] end = new int[1];
        assertEquals(1e9, Strtol.strtod("1e9", end).getAsDouble());
        assertEquals(3, end[0]);
        assertEquals(16.0, Strtol.strtod("0x10", end).getAsDouble());
        assertEquals(16.0, Strtol.strtod("0x1p4", end).getAsDouble());
        assertEquals(Double.POSITIVE_INFINITY, Strtol.strtod("inf", end).getAsDouble());
        assertEquals(Double.POSITIVE_INFINITY, Strtol.strtod("1e400", end).getAsDouble());
        assertEquals(0.5, Strtol.strtod(".5", end).getAsDouble());
        assertEquals(1.0, Strtol.strtod("1.", end).getAsDouble());
        assertEquals(15.0, Strtol.strtod("1.5e1s", end).getAsDouble());
        assertEquals(5, end[0], "stops before the suffix");
        assertTrue(Strtol.strtod("١", end).isEmpty());
        assertTrue(Strtol.strtod(".", end).isEmpty());
    }
}
