package dev.pixelstep.functions.chart;

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
 * The font every chart text element uses: DejaVu Sans, bundled as a resource (Bitstream Vera
 * licence, see {@code DejaVuSans-LICENSE.txt} next to it), because the Lambda Java runtime has no
 * system fonts.
 *
 * <p>Without fonts, the JDK cannot even start its font manager: {@link Font#createFont} fails
 * with "Fontconfig head is null". So before the first font is used, this class points the JDK
 * at a font configuration of its own (system property {@value #FONTCONFIG_PROPERTY}, a
 * {@code fontconfig.properties} file that maps every logical font to the bundled file), unless
 * that property is already set. Every chart element then gets the bundled font explicitly
 * ({@link Font#createFont(int, java.io.File)}), so charts look the same on every machine. The
 * font file is used in place when the resource is a plain file (Lambda extracts the function zip
 * to {@code /var/task}); otherwise it is copied once to the temporary directory.
 */
public final class ChartFonts {

    /** The bundled font's resource name, next to this class. */
    public static final String RESOURCE = "DejaVuSans.ttf";

    /** The JDK system property naming a {@code fontconfig.properties} file. */
    public static final String FONTCONFIG_PROPERTY = "sun.awt.fontconfig";

    private ChartFonts() {
    }

    /** The bundled font at {@code size} points in {@code style} ({@link Font#PLAIN} or {@link Font#BOLD}). */
    public static Font of(int style, float size) {
        return Holder.BASE.deriveFont(style, size);
    }

    private static final class Holder {
        static final Font BASE = load();

        private static Font load() {
            try {
                Path file = fontFile();
                if (System.getProperty(FONTCONFIG_PROPERTY) == null) {
                    System.setProperty(FONTCONFIG_PROPERTY, writeFontConfiguration(file).toString());
                }
                return Font.createFont(Font.TRUETYPE_FONT, file.toFile());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot prepare the bundled chart font " + RESOURCE, e);
            } catch (FontFormatException e) {
                throw new IllegalStateException("the bundled chart font " + RESOURCE + " is not a TrueType font", e);
            }
        }

        private static Path fontFile() throws IOException {
            URL url = ChartFonts.class.getResource(RESOURCE);
            if (url == null) {
                throw new IllegalStateException("the bundled chart font " + RESOURCE + " is missing from the function's resources");
            }
            if (url.getProtocol().equals("file")) {
                try {
                    return Path.of(url.toURI());
                } catch (URISyntaxException | IllegalArgumentException e) {
                    // fall through to a copy
                }
            }
            Path dir = Files.createTempDirectory("pixelstep-fonts");
            Path copy = dir.resolve(RESOURCE);
            try (InputStream in = url.openStream()) {
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            }
            copy.toFile().deleteOnExit();
            dir.toFile().deleteOnExit();
            return copy;
        }

        /** A JDK font configuration mapping every logical font and style to {@code font}. */
        private static Path writeFontConfiguration(Path font) throws IOException {
            Properties p = new Properties();
            p.setProperty("version", "1");
            p.setProperty("allfonts.latin-1", "DejaVu Sans");
            p.setProperty("sequence.allfonts", "latin-1");
            p.setProperty("filename.DejaVu_Sans", font.toAbsolutePath().toString().replace('\\', '/'));
            Path file = Files.createTempFile("pixelstep-fontconfig", ".properties");
            try (OutputStream out = Files.newOutputStream(file)) {
                p.store(out, "pixelstep: logical fonts mapped to the bundled DejaVu Sans");
            }
            file.toFile().deleteOnExit();
            return file;
        }
    }
}
