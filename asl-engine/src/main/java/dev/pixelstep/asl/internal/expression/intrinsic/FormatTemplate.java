package dev.pixelstep.asl.internal.expression.intrinsic;

import com.fasterxml.jackson.databind.JsonNode;

/** Renders States.Format: {@code {}} placeholders, {@code \{ \} \' \\} escapes, scalar values only. */
final class FormatTemplate {

    private FormatTemplate() {
    }

    static String render(FunctionArguments args) {
        String template = args.template(0);
        StringBuilder out = new StringBuilder();
        int next = 1;
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c == '\\' && i + 1 < template.length()) {
                out.append(template.charAt(++i));
            } else if (c == '{' && i + 1 < template.length() && template.charAt(i + 1) == '}') {
                if (next >= args.size()) {
                    throw args.fail("the template has more {} placeholders than the " + (args.size() - 1)
                            + " value(s) given");
                }
                out.append(text(args, next++));
                i++;
            } else if (c == '{' || c == '}') {
                throw args.fail("unescaped '" + c + "' at position " + i + " of the template (use \\" + c + ")");
            } else {
                out.append(c);
            }
        }
        if (next != args.size()) {
            throw args.fail("the template has " + (next - 1) + " {} placeholder(s) but " + (args.size() - 1)
                    + " value(s) were given");
        }
        return out.toString();
    }

    private static String text(FunctionArguments args, int index) {
        JsonNode value = args.value(index);
        if (value.isContainerNode()) {
            throw args.fail("argument " + (index + 1) + " must be a string, number, boolean or null");
        }
        return value.isTextual() ? value.textValue() : value.isNull() ? "null" : value.asText();
    }
}
