package dev.pixelstep.operations.raster;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/**
 * The font the operations draw text with: DejaVu Sans 2.37 (Debian's fonts-dejavu-core), bundled
 * next to this class with its licence ({@code DejaVuSans-LICENSE.txt}: the Bitstream Vera licence,
 * DejaVu changes in the public domain), because the Lambda Java runtime has no system fonts.
 *
 * <p>Without any font the JDK cannot start its font manager ({@link Font#createFont} fails with
 * "Fontconfig head is null"), so before the first font is made this class points the JDK at a
 * font configuration of its own (the system property {@code sun.awt.fontconfig}, a
 * {@code fontconfig.properties} mapping every logical font to the bundled file) unless the property
 * is already set (the functions' histogram charts draw with this font too). The font file is
 * used in place when the resource is a plain file, otherwise copied once to the temporary directory
 * (a jar in a Lambda layer).
 */
public final class BundledFont {

    /** The font's resource name, next to this class. */
    public static final String RESOURCE = "DejaVuSans.ttf";

    private static final String FONTCONFIG_PROPERTY = "sun.awt.fontconfig";

    private BundledFont() {
    }

    /** The bundled font, plain, at {@code size} pixels (points at 72 dpi, what Java2D draws into an image). */
    public static Font of(float size) {
        return Holder.BASE.deriveFont(Font.PLAIN, size);
    }

    private static final class Holder {
        static final Font BASE = load();

        private static Font load() {
            try {
                Path file = fontFile();
                if (System.getProperty(FONTCONFIG_PROPERTY) == null) {
                    System.setProperty(FONTCONFIG_PROPERTY, fontConfiguration(file).toString());
                }
                return Font.createFont(Font.TRUETYPE_FONT, file.toFile());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot prepare the bundled font " + RESOURCE, e);
            } catch (FontFormatException e) {
                throw new IllegalStateException("the bundled font " + RESOURCE + " is not a TrueType font", e);
            }
        }

        private static Path fontFile() throws IOException {
            URL url = BundledFont.class.getResource(RESOURCE);
            if (url == null) {
                throw new IllegalStateException("the bundled font " + RESOURCE + " is missing from the operations' jar");
            }
            if (url.getProtocol().equals("file")) {
                try {
                    return Path.of(url.toURI());
                } catch (URISyntaxException | IllegalArgumentException e) {
                    // fall through to a copy
                }
            }
            Path dir = Files.createTempDirectory("pixelstep-operations-font");
            // deleted at exit in the reverse order of these calls: the file first, then its directory, then empty
            dir.toFile().deleteOnExit();
            Path copy = dir.resolve(RESOURCE);
            copy.toFile().deleteOnExit();
            try (InputStream in = url.openStream()) {
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            }
            return copy;
        }

        private static Path fontConfiguration(Path font) throws IOException {
            Properties p = new Properties();
            p.setProperty("version", "1");
            p.setProperty("allfonts.latin-1", "DejaVu Sans");
            p.setProperty("sequence.allfonts", "latin-1");
            p.setProperty("filename.DejaVu_Sans", font.toAbsolutePath().toString().replace('\\', '/'));
            Path file = Files.createTempFile("pixelstep-operations-fontconfig", ".properties");
            try (OutputStream out = Files.newOutputStream(file)) {
                p.store(out, "pixelstep operations: logical fonts mapped to the bundled DejaVu Sans");
            }
            file.toFile().deleteOnExit();
            return file;
        }
    }
}
