package dev.pixelstep.asl.task;

/**
 * A Lambda FunctionName in any of its accepted forms: {@code name}, {@code name:qualifier},
 * {@code account:function:name[:qualifier]} or {@code arn:aws:lambda:region:account:function:name[:qualifier]}.
 *
 * @param name      the function's name
 * @param qualifier the version or alias, or null
 */
record FunctionReference(String name, String qualifier) {

    static FunctionReference parse(String text) {
        String[] parts = text.split(":");
        int index = -1;
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].equals("function") && i + 1 < parts.length) {
                index = i + 1;
            }
        }
        if (index < 0) {
            return new FunctionReference(parts[0], parts.length > 1 ? parts[1] : null);
        }
        return new FunctionReference(parts[index], index + 1 < parts.length ? parts[index + 1] : null);
    }
}
