package dev.bookings.platform.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bookings.errors.InvalidRequest;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class FilterParserTest {

    static Filter cut(String text) {
        return FilterParser.parse(text);
    }

    static String rejected(String text) {
        return assertThrows(InvalidRequest.class, () -> cut(text)).getMessage();
    }

    @Test
    void andBindsTighterThanOrAndNotTighterThanAnd() {
        Filter a = new Filter.Comparison("a", "eq", new BigDecimal("1"));
        Filter b = new Filter.Comparison("b", "ne", "x");
        Filter c = new Filter.Comparison("c", "gt", Boolean.TRUE);
        assertEquals(new Filter.Or(a, new Filter.And(b, c)), cut("a eq 1 or b ne 'x' and c gt true"));
        assertEquals(new Filter.And(new Filter.Or(a, b), c), cut("(a eq 1 or b ne 'x') and c gt true"));
        assertEquals(new Filter.And(new Filter.Not(a), b), cut("not a eq 1 and b ne 'x'"));
        assertEquals(new Filter.And(a, b), cut("  a  EQ 1  AND  b Ne 'x' "), "keywords in any case, any spacing");
    }

    @Test
    void literalsPathsFunctionsAndIn() {
        assertEquals(new Filter.Comparison("start/dateTime", "ge", "2026-05-01T00:00:00"),
                cut("start/dateTime ge '2026-05-01T00:00:00'"));
        assertEquals(new Filter.Comparison("start/dateTime", "lt", new Filter.DateTimeLiteral("2026-05-01T00:00:00Z")),
                cut("start/dateTime lt 2026-05-01T00:00:00Z"));
        assertEquals(new Filter.Comparison("n", "le", new BigDecimal("-2.5")), cut("n le -2.5"));
        assertEquals(new Filter.Comparison("s", "eq", "it's"), cut("s eq 'it''s'"));
        assertEquals(new Filter.Comparison("s", "eq", null), cut("s eq null"));
        assertEquals(new Filter.Call("startswith", "displayName", "Da"), cut("startsWith(displayName, 'Da')"));
        assertEquals(new Filter.Call("contains", "displayName", ""), cut("contains(displayName,'')"));
        assertEquals(new Filter.In("role", Arrays.asList("a", new BigDecimal("1"))), cut("role in ('a', 1)"));
    }

    @Test
    void unsupportedOrMalformedExpressionsNameTheProblem() {
        assertTrue(rejected("endswith(a,'x')").contains("endswith"));
        assertTrue(rejected("a add 1 eq 2").contains("add"));
        assertTrue(rejected("a has 'x'").contains("has"));
        assertTrue(rejected("a eq").contains("ends"));
        assertTrue(rejected("a eq 'open").contains("not closed"));
        assertTrue(rejected("(a eq 1").contains("ends unexpectedly"));
        assertTrue(rejected("a eq 1)").contains("character 7"));
        assertTrue(rejected("a eq maybe").contains("maybe"));
        assertTrue(rejected("startswith(a, 1)").contains("quoted string"));
        assertTrue(rejected("").contains("empty"));
        assertTrue(rejected("a/any(x: x eq 1)").contains("'a/any'"));
    }

    @Test
    void hostileInputIsBounded() {
        assertTrue(rejected("(".repeat(33) + "a eq 1" + ")".repeat(33)).contains("deeper"));
        assertTrue(rejected("not ".repeat(40) + "a eq 1").contains("deeper"));
        assertTrue(rejected(String.join(" or ", java.util.Collections.nCopies(101, "a eq 1"))).contains("more than 100"));
        assertTrue(rejected("a eq '" + "x".repeat(2001) + "'").contains("longer"));
        List<String> fine = List.of("(".repeat(20) + "a eq 1" + ")".repeat(20),
                String.join(" and ", java.util.Collections.nCopies(100, "a eq 1")));
        fine.forEach(FilterParserTest::cut);
    }
}
