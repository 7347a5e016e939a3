package dev.pixelstep.benchmarks.job;

import dev.pixelstep.functions.internal.image.ImageEncoder;
import dev.pixelstep.functions.internal.image.ImageFormat;
import dev.pixelstep.testkit.photos.BenchmarkImages;
import dev.pixelstep.testkit.photos.TestPhotos;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The photos of the end-to-end comparison: centre crops of real photos (not scaled up, so they
 * keep a camera's detail and compress like one), JPEG q0.9. Both come from Debian's
 * {@code mate-backgrounds}, fetched by {@link TestPhotos}; they are made once into a directory and
 * reused by every variant, so both sides read the very same files.
 */
final class JobPhotos {

    /** One photo: its name in tables, the source file name and the crop size. */
    record Spec(String name, String source, int width, int height) {
        Path file(Path directory) {
            return directory.resolve(name + ".jpg");
        }

        String describe() {
            return String.format(Locale.ROOT, "%s (%dx%d, %.1f MP, centre crop of %s)", name, width, height,
                    width * (double) height / 1e6, source);
        }
    }

    /** 4416x2944 (13.0 MP) from the 5640x3172 elephants photo. */
    static final Spec THIRTEEN_MP = new Spec("13mp", "Elephants_5640x3172.jpg", 4416, 2944);
    /** 2400x1600 (3.8 MP) from the 3840x2160 elephants photo. */
    static final Spec FOUR_MP = new Spec("4mp", "Elephants_3840x2160.jpg", 2400, 1600);

    static final List<Spec> ALL = List.of(THIRTEEN_MP, FOUR_MP);

    private JobPhotos() {
    }

    static Spec byName(String name) {
        return ALL.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown photo " + name + "; one of 13mp, 4mp"));
    }

    /** Makes every photo in {@code directory} unless it is there already. */
    static void prepare(Path directory) {
        try {
            Files.createDirectories(directory);
            Path sources = TestPhotos.directory();
            TestPhotos.all(); // fetches the package once
            for (Spec spec : ALL) {
                Path target = spec.file(directory);
                if (Files.exists(target)) {
                    continue;
                }
                BufferedImage source = BenchmarkImages.decode(sources.resolve(spec.source()));
                BufferedImage crop = source.getSubimage((source.getWidth() - spec.width()) / 2,
                        (source.getHeight() - spec.height()) / 2, spec.width(), spec.height());
                byte[] jpeg = new ImageEncoder().encode(copy(crop), ImageFormat.JPEG).toByteArray();
                Path partial = directory.resolve(spec.name() + ".partial");
                Files.write(partial, jpeg);
                Files.move(partial, target);
                System.out.printf(Locale.ROOT, "made %s: %d bytes%n", spec.describe(), jpeg.length);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the photos in " + directory, e);
        }
    }

    private static BufferedImage copy(BufferedImage view) {
        BufferedImage out = new BufferedImage(view.getWidth(), view.getHeight(), BufferedImage.TYPE_INT_RGB);
        out.getGraphics().drawImage(view, 0, 0, null);
        return out;
    }
}
