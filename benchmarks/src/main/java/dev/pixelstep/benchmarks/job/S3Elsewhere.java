package dev.pixelstep.benchmarks.job;

import dev.pixelstep.functions.support.S3ProxyServer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * S3Proxy in a JVM of its own, pinned to other CPUs than the functions: on Lambda, S3's work is
 * done on S3's machines, not on the function's vCPU, while the harness's 1cpu variant pins its one
 * JVM, S3Proxy included, to one CPU. Set with the system property {@code pixelstep.job.s3Cpus}
 * (a {@code taskset} CPU list, for example {@code 1}); absent, S3Proxy runs in the harness's JVM as
 * it always did. The child runs {@link #main} on this JVM's class path and ends when this JVM
 * closes its standard input (or dies).
 */
final class S3Elsewhere implements AutoCloseable {

    /** The system property that moves S3Proxy to a JVM of its own on these CPUs. */
    static final String PROPERTY = "pixelstep.job.s3Cpus";
    private static final String READY = "endpoint ";

    private final Process process;
    private final URI endpoint;
    private final String cpus;

    private S3Elsewhere(Process process, URI endpoint, String cpus) {
        this.process = process;
        this.endpoint = endpoint;
        this.cpus = cpus;
    }

    /** The CPUs the system property asks for, if any. */
    static Optional<String> cpusFromSystemProperty() {
        String value = System.getProperty(PROPERTY);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    /** Starts S3Proxy with a filesystem store under {@code directory} in a JVM pinned to {@code cpus}. */
    static S3Elsewhere start(Path directory, String cpus) throws IOException {
        String java = ProcessHandle.current().info().command().orElseThrow(() -> new IOException("cannot tell this JVM's executable"));
        Process process = new ProcessBuilder(List.of("taskset", "-c", cpus, java, "-cp", System.getProperty("java.class.path"),
                S3Elsewhere.class.getName(), directory.toAbsolutePath().toString()))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith(READY)) {
                return new S3Elsewhere(process, URI.create(line.substring(READY.length())), cpus);
            }
        }
        process.destroyForcibly();
        throw new IOException("S3Proxy's JVM ended before it printed its endpoint (exit " + waitFor(process) + ")");
    }

    URI endpoint() {
        return endpoint;
    }

    @Override
    public String toString() {
        return "S3Proxy in a JVM of its own on CPUs " + cpus + " (pid " + process.pid() + ")";
    }

    @Override
    public void close() {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // it ends on its own once this JVM does
        }
        if (waitFor(process) < 0) {
            process.destroyForcibly();
        }
    }

    private static int waitFor(Process process) {
        try {
            return process.waitFor(10, TimeUnit.SECONDS) ? process.exitValue() : -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** The child: serves until its standard input ends. Argument: the store's directory. */
    public static void main(String[] args) throws IOException {
        try (S3ProxyServer server = S3ProxyServer.startOn(Path.of(args[0]))) {
            System.out.println(READY + server.endpoint());
            System.out.flush();
            System.in.transferTo(OutputStream.nullOutputStream());
        } finally {
            System.exit(0); // S3Proxy's threads are not daemons
        }
    }
}
