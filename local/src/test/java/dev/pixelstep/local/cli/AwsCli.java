package dev.pixelstep.local.cli;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The AWS CLI for the tests that run it: required on CI ({@code CI=true}, where {@code .ci/run} installs it), optional elsewhere. */
final class AwsCli {

    private AwsCli() {
    }

    /** Returns when {@code aws} is on the PATH; otherwise fails on CI and skips the test, saying why, elsewhere. */
    static void require() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "aws"))) {
                return;
            }
        }
        String why = "the AWS CLI is not installed (Debian: apt-get install awscli)";
        if ("true".equals(System.getenv("CI"))) {
            fail(why + "; on CI, .ci/run installs it");
        }
        assumeTrue(false, why + ": the AWS CLI cases are skipped");
    }
}
