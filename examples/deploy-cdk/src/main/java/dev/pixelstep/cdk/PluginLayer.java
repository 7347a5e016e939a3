package dev.pixelstep.cdk;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An operation plugin layer added to both functions: either a published layer version (its ARN)
 * or a layer built here (a zip with {@code java/lib/*.jar}, or a directory laid out the same way).
 */
public final class PluginLayer {

    private static final Pattern LAYER_VERSION_ARN =
            Pattern.compile("arn:aws[a-z-]*:lambda:[a-z0-9-]+:\\d{12}:layer:[A-Za-z0-9_-]+:\\d+");

    private final String arn;
    private final Path path;

    private PluginLayer(String arn, Path path) {
        this.arn = arn;
        this.path = path;
    }

    /**
     * A layer given as an ARN ({@code arn:aws:lambda:REGION:ACCOUNT:layer:NAME:VERSION}) or a path.
     *
     * @throws IllegalArgumentException for a malformed ARN or a path that does not exist
     */
    public static PluginLayer of(String spec) {
        String text = Objects.requireNonNull(spec, "spec").trim();
        if (text.startsWith("arn:")) {
            if (!LAYER_VERSION_ARN.matcher(text).matches()) {
                throw new IllegalArgumentException("plugin layer '" + text
                        + "' is not a layer version ARN (arn:aws:lambda:REGION:ACCOUNT:layer:NAME:VERSION)");
            }
            return new PluginLayer(text, null);
        }
        return ofPath(Path.of(text));
    }

    /**
     * A layer built from a zip or a directory.
     *
     * @throws IllegalArgumentException when {@code path} does not exist
     */
    public static PluginLayer ofPath(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        if (!Files.exists(absolute)) {
            throw new IllegalArgumentException("plugin layer " + absolute + " does not exist; give a layer zip, a layer directory or a layer version ARN");
        }
        return new PluginLayer(null, absolute);
    }

    /** Whether this is a published layer version. */
    public boolean isArn() {
        return arn != null;
    }

    /** The layer version ARN; only for {@link #isArn()}. */
    public String arn() {
        if (arn == null) {
            throw new IllegalStateException(this + " is a local layer, not an ARN");
        }
        return arn;
    }

    /** The zip or directory; only when not {@link #isArn()}. */
    public Path path() {
        if (path == null) {
            throw new IllegalStateException(this + " is a layer version ARN, not a local layer");
        }
        return path;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PluginLayer other && Objects.equals(arn, other.arn) && Objects.equals(path, other.path);
    }

    @Override
    public int hashCode() {
        return Objects.hash(arn, path);
    }

    @Override
    public String toString() {
        return isArn() ? arn : path.toString();
    }
}
