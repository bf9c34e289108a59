package dev.bookings.platform.query;

import dev.bookings.errors.InvalidRequest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A recursive-descent parser for the part of OData's {@code $filter} grammar Graph offers on Bookings lists:
 * {@code eq ne gt ge lt le}, {@code in}, {@code and}, {@code or}, {@code not}, parentheses and the string functions
 * {@code startswith} and {@code contains}, on property paths such as {@code startDateTime/dateTime}. Anything else
 * is a 400 {@code invalidRequest} naming what is not supported. Bounded in length and depth, so hostile input
 * costs little.
 */
public final class FilterParser {

    static final int MAX_LENGTH = 2000;
    static final int MAX_DEPTH = 32;
    static final int MAX_TERMS = 100;
    private static final Set<String> COMPARISONS = Set.of("eq", "ne", "gt", "ge", "lt", "le");
    private static final Set<String> FUNCTIONS = Set.of("startswith", "contains");
    private static final Set<String> UNSUPPORTED_OPERATORS = Set.of("has", "add", "sub", "mul", "div", "mod");

    private final String text;
    private int pos;
    private int depth;
    private int terms;

    private FilterParser(String text) {
        this.text = text;
    }

    public static Filter parse(String text) {
        if (text.length() > MAX_LENGTH) {
            throw invalid("Query option '$filter' is longer than " + MAX_LENGTH + " characters.");
        }
        if (text.isBlank()) {
            throw invalid("Query option '$filter' is empty.");
        }
        FilterParser parser = new FilterParser(text);
        Filter filter = parser.or();
        parser.skipSpaces();
        if (parser.pos < text.length()) {
            throw parser.unexpected();
        }
        return filter;
    }

    private Filter or() {
        Filter left = and();
        while (keyword("or")) {
            left = new Filter.Or(left, and());
        }
        return left;
    }

    private Filter and() {
        Filter left = unary();
        while (keyword("and")) {
            left = new Filter.And(left, unary());
        }
        return left;
    }

    private Filter unary() {
        if (++depth > MAX_DEPTH) {
            throw invalid("Query option '$filter' nests deeper than " + MAX_DEPTH + " levels.");
        }
        try {
            if (keyword("not")) {
                return new Filter.Not(unary());
            }
            if (symbol('(')) {
                Filter inner = or();
                expect(')');
                return inner;
            }
            return term();
        } finally {
            depth--;
        }
    }

    private Filter term() {
        if (++terms > MAX_TERMS) {
            throw invalid("Query option '$filter' has more than " + MAX_TERMS + " conditions.");
        }
        int start = pos;
        String name = path();
        if (name == null) {
            throw unexpected();
        }
        skipSpaces();
        if (pos < text.length() && text.charAt(pos) == '(') {
            String function = name.toLowerCase(Locale.ROOT);
            if (!FUNCTIONS.contains(function)) {
                throw invalid("The function '" + name + "' is not supported in '$filter'; supported are "
                        + "startswith and contains.");
            }
            expect('(');
            String property = path();
            if (property == null) {
                throw unexpected();
            }
            expect(',');
            Object value = literal();
            if (!(value instanceof String string)) {
                throw invalid("The second argument of '" + name + "' in '$filter' must be a quoted string.");
            }
            expect(')');
            return new Filter.Call(function, property, string);
        }
        String operator = word();
        if (operator == null) {
            throw unexpected();
        }
        String op = operator.toLowerCase(Locale.ROOT);
        if (op.equals("in")) {
            expect('(');
            List<Object> values = new ArrayList<>();
            do {
                values.add(literal());
            } while (symbol(','));
            expect(')');
            return new Filter.In(name, values);
        }
        if (!COMPARISONS.contains(op)) {
            if (UNSUPPORTED_OPERATORS.contains(op)) {
                throw invalid("The operator '" + operator + "' is not supported in '$filter'.");
            }
            pos = start;
            throw invalid("Query option '$filter' expects a comparison (eq, ne, gt, ge, lt, le) or in after '" + name
                    + "'.");
        }
        return new Filter.Comparison(name, op, literal());
    }

    private Object literal() {
        skipSpaces();
        if (pos >= text.length()) {
            throw invalid("Query option '$filter' ends where a value was expected.");
        }
        char c = text.charAt(pos);
        if (c == '\'') {
            StringBuilder value = new StringBuilder();
            pos++;
            while (true) {
                if (pos >= text.length()) {
                    throw invalid("Query option '$filter' has a string that is not closed.");
                }
                char d = text.charAt(pos++);
                if (d == '\'') {
                    if (pos < text.length() && text.charAt(pos) == '\'') {
                        value.append('\'');
                        pos++;
                    } else {
                        return value.toString();
                    }
                } else {
                    value.append(d);
                }
            }
        }
        if (c == '-' || c == '+' || Character.isDigit(c)) {
            int start = pos++;
            while (pos < text.length() && "0123456789.:-+TZtzeE".indexOf(text.charAt(pos)) >= 0) {
                pos++;
            }
            String token = text.substring(start, pos);
            if (token.indexOf('T') > 0 || token.indexOf(':') > 0 || token.matches("\\d{4}-\\d{2}-\\d{2}.*")) {
                return new Filter.DateTimeLiteral(token);
            }
            try {
                return new BigDecimal(token);
            } catch (NumberFormatException e) {
                throw invalid("Query option '$filter' has a value that is not a number: '" + token + "'.");
            }
        }
        String word = word();
        if (word == null) {
            throw unexpected();
        }
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            case "null" -> null;
            default -> throw invalid("Query option '$filter' has a value that is not supported: '" + word
                    + "' (strings are quoted: 'text').");
        };
    }

    /** A property path ({@code a/b}) or null when none starts here. */
    private String path() {
        String first = word();
        if (first == null) {
            return null;
        }
        StringBuilder path = new StringBuilder(first);
        while (pos < text.length() && text.charAt(pos) == '/') {
            pos++;
            String next = word();
            if (next == null) {
                throw unexpected();
            }
            path.append('/').append(next);
        }
        return path.toString();
    }

    private String word() {
        skipSpaces();
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
            pos++;
        }
        if (pos == start || !Character.isLetter(text.charAt(start)) && text.charAt(start) != '_') {
            pos = start;
            return null;
        }
        return text.substring(start, pos);
    }

    private boolean keyword(String keyword) {
        int start = pos;
        String word = word();
        if (word != null && word.equalsIgnoreCase(keyword)) {
            return true;
        }
        pos = start;
        return false;
    }

    private boolean symbol(char symbol) {
        skipSpaces();
        if (pos < text.length() && text.charAt(pos) == symbol) {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(char symbol) {
        if (!symbol(symbol)) {
            throw unexpected();
        }
    }

    private void skipSpaces() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private InvalidRequest unexpected() {
        skipSpaces();
        if (pos >= text.length()) {
            return invalid("Query option '$filter' ends unexpectedly.");
        }
        String near = text.substring(pos, Math.min(text.length(), pos + 20));
        return invalid("Query option '$filter' cannot be read at character " + (pos + 1) + ": '" + near + "'.");
    }

    private static InvalidRequest invalid(String message) {
        return new InvalidRequest(message);
    }
}
