package dev.pixelstep.asl.internal.expression.intrinsic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.pixelstep.asl.internal.expression.ExpressionSyntaxException;
import dev.pixelstep.asl.internal.expression.Path;
import dev.pixelstep.asl.internal.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses intrinsic function calls: {@code States.Name(arg, ...)} where an argument is a single-quoted string
 * (backslash escapes {@code \'}, {@code \\}, {@code \{}, {@code \}}), a number, {@code true}, {@code false},
 * {@code null}, a path ({@code $.x}, {@code $$.Execution.Id}) or a nested call. Function names and argument
 * counts are checked here, so a bad call fails when the definition is loaded.
 */
public final class IntrinsicParser {

    private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9]\\d*)(\\.\\d+)?([eE][+-]?\\d+)?");
    private static final Pattern NAME = Pattern.compile("States\\.[A-Za-z0-9]+");

    private final String text;
    private int position;

    private IntrinsicParser(String text) {
        this.text = text;
    }

    /**
     * Parses one call.
     *
     * @throws ExpressionSyntaxException naming the position and what was expected
     */
    public static IntrinsicCall parse(String text) {
        IntrinsicParser parser = new IntrinsicParser(text);
        parser.skipSpaces();
        IntrinsicCall call = parser.call();
        parser.skipSpaces();
        if (parser.position != text.length()) {
            throw parser.error("unexpected text after the closing ')'");
        }
        return call;
    }

    private IntrinsicCall call() {
        int start = position;
        Matcher matcher = NAME.matcher(text).region(position, text.length());
        if (!matcher.lookingAt()) {
            throw error("an intrinsic function name (States.Xxx) or a path ($...) is expected");
        }
        String name = matcher.group();
        IntrinsicFunction function = IntrinsicFunction.byName(name)
                .orElseThrow(() -> error("unknown intrinsic function " + name + "; known: " + IntrinsicFunction.names()));
        position = matcher.end();
        skipSpaces();
        expect('(');
        List<Argument> arguments = new ArrayList<>();
        skipSpaces();
        if (peek() == ')') {
            position++;
        } else {
            while (true) {
                arguments.add(argument());
                skipSpaces();
                char c = peek();
                position++;
                if (c == ')') {
                    break;
                }
                if (c != ',') {
                    position--;
                    throw error("',' or ')' expected");
                }
            }
        }
        function.checkArity(arguments.size(), name);
        return new IntrinsicCall(text.substring(start, position), function, arguments);
    }

    private Argument argument() {
        skipSpaces();
        char c = peek();
        if (c == '\'') {
            return string();
        }
        if (c == '$') {
            return path();
        }
        if (c == 'S') {
            return new Argument.Call(call());
        }
        for (String keyword : List.of("true", "false", "null")) {
            if (text.startsWith(keyword, position) && !isWordChar(position + keyword.length())) {
                position += keyword.length();
                JsonNode value = switch (keyword) {
                    case "true" -> BooleanNode.TRUE;
                    case "false" -> BooleanNode.FALSE;
                    default -> NullNode.instance;
                };
                return new Argument.Literal(value, keyword);
            }
        }
        Matcher number = NUMBER.matcher(text).region(position, text.length());
        if (number.lookingAt() && !isWordChar(number.end())) {
            position = number.end();
            return new Argument.Literal(Json.parse(number.group()), number.group());
        }
        throw error("an argument (a 'string', number, true, false, null, path or function call) is expected");
    }

    private boolean isWordChar(int index) {
        return index < text.length() && (Character.isLetterOrDigit(text.charAt(index)) || text.charAt(index) == '.');
    }

    private Argument string() {
        int start = ++position;
        StringBuilder value = new StringBuilder();
        while (true) {
            if (position >= text.length()) {
                position = start - 1;
                throw error("unterminated string literal");
            }
            char c = text.charAt(position++);
            if (c == '\\') {
                if (position >= text.length()) {
                    throw error("a character is expected after '\\'");
                }
                value.append(text.charAt(position++));
            } else if (c == '\'') {
                break;
            } else {
                value.append(c);
            }
        }
        return new Argument.Literal(TextNode.valueOf(value.toString()), text.substring(start, position - 1));
    }

    private Argument path() {
        int start = position;
        int depth = 0;
        char quote = 0;
        while (position < text.length()) {
            char c = text.charAt(position);
            if (quote != 0) {
                if (c == '\\') {
                    position++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '[' || c == '(') {
                depth++;
            } else if (c == ']' || (c == ')' && depth > 0)) {
                depth--;
            } else if (depth == 0 && (c == ',' || c == ')')) {
                break;
            }
            position++;
        }
        String pathText = text.substring(start, position).strip();
        try {
            return new Argument.PathArgument(Path.parse(pathText));
        } catch (ExpressionSyntaxException e) {
            position = start;
            throw error(e.getMessage());
        }
    }

    private void expect(char expected) {
        if (peek() != expected) {
            throw error("'" + expected + "' expected");
        }
        position++;
    }

    private char peek() {
        return position < text.length() ? text.charAt(position) : '\0';
    }

    private void skipSpaces() {
        while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
            position++;
        }
    }

    private ExpressionSyntaxException error(String message) {
        return new ExpressionSyntaxException("invalid intrinsic function call '" + text + "' at position " + position
                + ": " + message);
    }
}
