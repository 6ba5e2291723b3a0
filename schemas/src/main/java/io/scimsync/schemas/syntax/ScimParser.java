package io.scimsync.schemas.syntax;

import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.filters.FilterType;
import io.scimsync.schemas.error.ScimException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ValueNode;

/**
 * Recursive-descent parser for the filter grammar of RFC 7644 §3.4.2.2 and the PATCH path grammar
 * of RFC 7644 §3.5.2, building the filter tree of the UnboundID SCIM 2 SDK so that its
 * {@code FilterVisitor} and {@code FilterEvaluator} work on the result.
 *
 * <p>The SDK's own {@code Filter.fromString} and {@code Path.fromString} (version 6.0.0) are not
 * used, for three reasons:
 *
 * <ul>
 *   <li>Entra ID matches users with {@code emails[type eq "work"].value eq "a@example.com"}, a
 *       value path followed by a sub-attribute and a comparison. The SDK rejects it ("Unexpected
 *       character '.value'"). This parser accepts it and builds the equivalent
 *       {@code emails[type eq "work" and value eq "a@example.com"]}.
 *   <li>The SDK's messages for a bad comparison value carry Jackson internals ("Source:
 *       REDACTED ... byte offset: #UNKNOWN"). These messages name the problem and its position.
 *   <li>The SDK reads a path that is only a schema URN as the URN's last segment being an
 *       attribute, and it accepts attribute names that start with a digit.
 * </ul>
 *
 * <p>Operators and the literals {@code true}, {@code false} and {@code null} are matched ignoring
 * case. Comparison values are JSON strings (with JSON escapes), numbers or those literals. Value
 * filters cannot nest. Positions in messages count characters from 1.
 */
public final class ScimParser {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String OPERATORS = "eq, ne, co, sw, ew, gt, ge, lt, le or pr";

    private final String input;
    private final boolean pathMode;
    private int position;

    private ScimParser(String input, boolean pathMode) {
        this.input = input;
        this.pathMode = pathMode;
    }

    /**
     * Parses a filter expression.
     *
     * @throws ScimException {@code invalidFilter}, quoting the filter and saying where it fails
     */
    public static Filter parseFilter(String filter) {
        String text = filter == null ? "" : filter;
        requireNestingAtMost(text, MAX_FILTER_NESTING);
        ScimParser parser = new ScimParser(text, false);
        return parser.filterToEnd();
    }

    /** Parentheses and brackets a filter may nest; the parser descends once for each. */
    public static final int MAX_FILTER_NESTING = 32;

    /**
     * Measures how deep parentheses and brackets nest outside string literals, where a
     * backslash escapes the character after it, as the parser reads them.
     */
    private static int nestingDepth(String text) {
        int depth = 0;
        int deepest = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted && c == '\\') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '(' || c == '[')) {
                depth++;
                deepest = Math.max(deepest, depth);
            } else if (!quoted && (c == ')' || c == ']')) {
                depth--;
            }
        }
        return deepest;
    }

    private static void requireNestingAtMost(String filter, int limit) {
        if (nestingDepth(filter) > limit) {
            throw ScimException.invalidFilter("filter nests parentheses and brackets deeper"
                    + " than " + limit + " levels; simplify the filter");
        }
    }

    /**
     * Parses an attribute path, with an optional value filter.
     *
     * @throws ScimException {@code invalidPath}, quoting the path and saying where it fails
     */
    public static AttributePath parsePath(String path) {
        String text = path == null ? "" : path;
        if (nestingDepth(text) > MAX_FILTER_NESTING) {
            throw ScimException.invalidPath("path nests parentheses and brackets deeper than "
                    + MAX_FILTER_NESTING + " levels; simplify its value filter");
        }
        ScimParser parser = new ScimParser(text, true);
        return parser.pathToEnd();
    }

    private Filter filterToEnd() {
        if (input.isBlank()) {
            throw failure("the filter is empty", 0);
        }
        Filter filter = orExpression(false);
        expectEnd();
        return filter;
    }

    private AttributePath pathToEnd() {
        if (input.isBlank()) {
            throw failure("the path is empty", 0);
        }
        skipSpaces();
        ParsedName name = attributeName();
        if (!peek('[')) {
            expectEnd();
            return new AttributePath(name.schemaUrn, name.attribute, null, name.subAttribute);
        }
        rejectFilterAfterSubAttribute(name);
        Filter valueFilter = bracketedValueFilter();
        String subAttribute = peek('.') ? dottedName() : null;
        expectEnd();
        return new AttributePath(name.schemaUrn, name.attribute, valueFilter, subAttribute);
    }

    private Filter orExpression(boolean inValueFilter) {
        List<Filter> operands = new ArrayList<>();
        operands.add(andExpression(inValueFilter));
        while (keyword("or")) {
            operands.add(andExpression(inValueFilter));
        }
        return operands.size() == 1 ? operands.get(0) : Filter.or(operands);
    }

    private Filter andExpression(boolean inValueFilter) {
        List<Filter> operands = new ArrayList<>();
        operands.add(unaryExpression(inValueFilter));
        while (keyword("and")) {
            operands.add(unaryExpression(inValueFilter));
        }
        return operands.size() == 1 ? operands.get(0) : Filter.and(operands);
    }

    private Filter unaryExpression(boolean inValueFilter) {
        skipSpaces();
        if (keyword("not")) {
            skipSpaces();
            expect('(', "'(' after 'not'");
            return Filter.not(parenthesised(inValueFilter));
        }
        if (peek('(')) {
            position++;
            return parenthesised(inValueFilter);
        }
        return attributeExpression(inValueFilter);
    }

    private Filter parenthesised(boolean inValueFilter) {
        Filter inner = orExpression(inValueFilter);
        skipSpaces();
        expect(')', "')'");
        return inner;
    }

    private Filter attributeExpression(boolean inValueFilter) {
        ParsedName name = attributeName();
        if (!peek('[')) {
            return comparison(name.toPath());
        }
        if (inValueFilter) {
            throw failure("value filters cannot be nested", position);
        }
        rejectFilterAfterSubAttribute(name);
        Filter valueFilter = bracketedValueFilter();
        if (!peek('.')) {
            return Filter.hasComplexValue(name.toPath(), valueFilter);
        }
        Filter subComparison = comparison(Path.root().attribute(dottedName()));
        return Filter.hasComplexValue(name.toPath(), conjunction(valueFilter, subComparison));
    }

    private static Filter conjunction(Filter valueFilter, Filter subComparison) {
        List<Filter> operands = new ArrayList<>();
        if (valueFilter.getFilterType() == FilterType.AND) {
            operands.addAll(valueFilter.getCombinedFilters());
        } else {
            operands.add(valueFilter);
        }
        operands.add(subComparison);
        return Filter.and(operands);
    }

    private Filter bracketedValueFilter() {
        position++;
        Filter valueFilter = orExpression(true);
        skipSpaces();
        expect(']', "']' closing the value filter");
        return valueFilter;
    }

    private void rejectFilterAfterSubAttribute(ParsedName name) {
        if (name.subAttribute != null) {
            throw failure("a value filter must follow the attribute name '" + name.attribute
                    + "', not its sub-attribute", position);
        }
    }

    private Filter comparison(Path path) {
        skipSpaces();
        int start = position;
        String operator = word().toLowerCase(Locale.ROOT);
        if (operator.isEmpty()) {
            throw failure("expected an operator (" + OPERATORS + ")", start);
        }
        if (operator.equals("pr")) {
            return Filter.pr(path);
        }
        if (!isComparisonOperator(operator)) {
            throw failure("unknown operator '" + operator + "'; expected " + OPERATORS, start);
        }
        return compare(operator, path, comparisonValue());
    }

    private static boolean isComparisonOperator(String operator) {
        return List.of("eq", "ne", "co", "sw", "ew", "gt", "ge", "lt", "le").contains(operator);
    }

    private static Filter compare(String operator, Path path, ValueNode value) {
        return switch (operator) {
            case "eq" -> Filter.eq(path, value);
            case "ne" -> Filter.ne(path, value);
            case "co" -> Filter.co(path, value);
            case "sw" -> Filter.sw(path, value);
            case "ew" -> Filter.ew(path, value);
            case "gt" -> Filter.gt(path, value);
            case "ge" -> Filter.ge(path, value);
            case "lt" -> Filter.lt(path, value);
            default -> Filter.le(path, value);
        };
    }

    private ValueNode comparisonValue() {
        skipSpaces();
        int start = position;
        if (peek('"')) {
            return NODES.stringNode(quotedString());
        }
        if (peek('-') || (!atEnd() && Character.isDigit(current()))) {
            return number();
        }
        return switch (word().toLowerCase(Locale.ROOT)) {
            case "true" -> NODES.booleanNode(true);
            case "false" -> NODES.booleanNode(false);
            case "null" -> NODES.nullNode();
            default -> throw failure("expected a comparison value (a quoted string, a number, "
                    + "true, false or null)", start);
        };
    }

    private String quotedString() {
        int start = position;
        position++;
        StringBuilder text = new StringBuilder();
        while (!atEnd() && current() != '"') {
            text.append(current() == '\\' ? escape() : input.charAt(position++));
        }
        if (atEnd()) {
            throw failure("the string that starts here is not closed with '\"'", start);
        }
        position++;
        return text.toString();
    }

    private char escape() {
        int start = position;
        position++;
        if (atEnd()) {
            throw failure("incomplete escape sequence", start);
        }
        char code = input.charAt(position++);
        return switch (code) {
            case '"', '\\', '/' -> code;
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'u' -> unicodeEscape(start);
            default -> throw failure("invalid escape sequence '\\" + code + "'", start);
        };
    }

    private char unicodeEscape(int start) {
        if (position + 4 > input.length()) {
            throw failure("incomplete \\u escape sequence", start);
        }
        try {
            char decoded = (char) Integer.parseInt(input.substring(position, position + 4), 16);
            position += 4;
            return decoded;
        } catch (NumberFormatException e) {
            throw failure("invalid \\u escape sequence", start);
        }
    }

    private ValueNode number() {
        int start = position;
        if (peek('-')) {
            position++;
        }
        while (!atEnd() && isNumberChar(current())) {
            position++;
        }
        String text = input.substring(start, position);
        try {
            return numberNode(text);
        } catch (NumberFormatException e) {
            throw failure("invalid number '" + text + "'", start);
        }
    }

    private static ValueNode numberNode(String text) {
        BigDecimal value = new BigDecimal(text);
        if (!isIntegral(text)) {
            return NODES.numberNode(value);
        }
        try {
            return NODES.numberNode(value.longValueExact());
        } catch (ArithmeticException e) {
            return NODES.numberNode(value.toBigInteger());
        }
    }

    private static boolean isNumberChar(char c) {
        return Character.isDigit(c) || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-';
    }

    private static boolean isIntegral(String text) {
        return text.chars().allMatch(c -> Character.isDigit(c) || c == '-');
    }

    private ParsedName attributeName() {
        int start = position;
        while (!atEnd() && isPathChar(current())) {
            position++;
        }
        String token = input.substring(start, position);
        if (token.isEmpty()) {
            throw failure("expected an attribute name", start);
        }
        return splitName(token, start);
    }

    private ParsedName splitName(String token, int start) {
        String schemaUrn = null;
        String names = token;
        int namesStart = start;
        if (token.regionMatches(true, 0, "urn:", 0, 4)) {
            int colon = token.lastIndexOf(':');
            schemaUrn = token.substring(0, colon);
            names = token.substring(colon + 1);
            namesStart = start + colon + 1;
            requireUrn(schemaUrn, start);
        }
        return splitDotted(schemaUrn, names, namesStart);
    }

    private void requireUrn(String schemaUrn, int start) {
        if (schemaUrn.length() <= "urn:".length() || schemaUrn.endsWith(":")) {
            throw failure("invalid schema URN '" + schemaUrn + "'", start);
        }
    }

    private ParsedName splitDotted(String schemaUrn, String names, int start) {
        String[] parts = names.split("\\.", -1);
        if (parts.length > 2) {
            throw failure("a path has at most one sub-attribute, as in 'name.givenName'", start);
        }
        requireAttributeName(parts[0], start);
        if (parts.length == 1) {
            return new ParsedName(schemaUrn, parts[0], null);
        }
        requireAttributeName(parts[1], start + parts[0].length() + 1);
        return new ParsedName(schemaUrn, parts[0], parts[1]);
    }

    private String dottedName() {
        position++;
        int start = position;
        while (!atEnd() && isNameChar(current())) {
            position++;
        }
        String name = input.substring(start, position);
        requireAttributeName(name, start);
        return name;
    }

    private void requireAttributeName(String name, int start) {
        if (name.isEmpty()) {
            throw failure("expected an attribute name", start);
        }
        if (!isAttributeName(name)) {
            throw failure("invalid attribute name '" + name + "'", start);
        }
    }

    /** ATTRNAME of RFC 7643 §2.1: a letter, then letters, digits, '-' or '_'; or "$ref". */
    private static boolean isAttributeName(String name) {
        if (name.equals("$ref")) {
            return true;
        }
        if (!isAsciiLetter(name.charAt(0))) {
            return false;
        }
        return name.chars().allMatch(c -> isAsciiLetter((char) c) || isAsciiDigit((char) c)
                || c == '-' || c == '_');
    }

    private static boolean isPathChar(char c) {
        return isNameChar(c) || c == ':' || c == '.';
    }

    private static boolean isNameChar(char c) {
        return isAsciiLetter(c) || isAsciiDigit(c) || c == '-' || c == '_' || c == '$';
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private boolean keyword(String keyword) {
        int saved = position;
        skipSpaces();
        int end = position + keyword.length();
        boolean matches = input.regionMatches(true, position, keyword, 0, keyword.length())
                && (end == input.length() || !isPathChar(input.charAt(end)));
        position = matches ? end : saved;
        return matches;
    }

    private String word() {
        int start = position;
        while (!atEnd() && isAsciiLetter(current())) {
            position++;
        }
        return input.substring(start, position);
    }

    private void expect(char expected, String description) {
        if (!peek(expected)) {
            throw failure("expected " + description, position);
        }
        position++;
    }

    private void expectEnd() {
        skipSpaces();
        if (!atEnd()) {
            throw failure("unexpected '" + input.substring(position) + "'", position);
        }
    }

    private void skipSpaces() {
        while (!atEnd() && Character.isWhitespace(current())) {
            position++;
        }
    }

    private boolean peek(char expected) {
        return !atEnd() && current() == expected;
    }

    private char current() {
        return input.charAt(position);
    }

    private boolean atEnd() {
        return position >= input.length();
    }

    private ScimException failure(String problem, int at) {
        String where = at >= input.length() ? " at the end" : " at position " + (at + 1);
        if (pathMode) {
            return ScimException.invalidPath("invalid path '" + input + "': " + problem + where);
        }
        return ScimException.invalidFilter("invalid filter '" + input + "': " + problem + where);
    }

    private record ParsedName(String schemaUrn, String attribute, String subAttribute) {

        Path toPath() {
            Path path = schemaUrn == null ? Path.root() : Path.root(schemaUrn);
            path = path.attribute(attribute);
            return subAttribute == null ? path : path.attribute(subAttribute);
        }
    }
}
