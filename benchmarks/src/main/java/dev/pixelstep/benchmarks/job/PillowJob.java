package dev.pixelstep.benchmarks.job;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * The Pillow side of the whole job: one long-lived Python process running {@code pillow_job.py
 * --serve}, so that it is as warm as the JVM; each {@link #run} asks it for one job and returns the
 * milliseconds the script measured in process (from opening the photo to the last file written).
 * It inherits this process's CPU affinity ({@code taskset}).
 */
final class PillowJob implements AutoCloseable {

    private final Process process;
    private final BufferedReader out;
    private final Writer in;
    private final String version;

    PillowJob(Path python, Path script, Path photo, Path outputs) throws IOException {
        this.process = new ProcessBuilder(List.of(python.toString(), script.toString(), "--serve", photo.toString(), outputs.toString()))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        String ready = out.readLine();
        if (ready == null || !ready.startsWith("ready ")) {
            throw new IllegalStateException("the Pillow script did not start (" + ready + "); see its error above");
        }
        this.version = ready.substring("ready ".length());
    }

    /** Pillow's and matplotlib's versions, as the script reports them. */
    String version() {
        return version;
    }

    double run() throws IOException {
        in.write("run\n");
        in.flush();
        String line = out.readLine();
        if (line == null || !line.startsWith("ms ")) {
            throw new IllegalStateException("the Pillow script failed (" + line + "); see its error above");
        }
        return Double.parseDouble(line.substring(3));
    }

    @Override
    public void close() throws IOException {
        try {
            in.write("quit\n");
            in.close();
        } catch (IOException e) {
            // already gone
        }
        process.destroy();
    }
}
