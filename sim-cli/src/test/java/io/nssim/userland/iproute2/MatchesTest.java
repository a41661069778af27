package io.nssim.userland.iproute2;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MatchesTest {
    @Test
    void shouldAcceptNonEmptyPrefixesOnly() {
        assertTrue(Matches.matches("l", "link"));
        assertTrue(Matches.matches("link", "link"));
        assertFalse(Matches.matches("", "link"));
        assertFalse(Matches.matches("links", "link"));
        assertFalse(Matches.matches("list-id", "list"));
    }
}
