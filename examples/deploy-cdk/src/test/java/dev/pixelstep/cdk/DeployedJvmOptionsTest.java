package dev.pixelstep.cdk;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@code JAVA_TOOL_OPTIONS} each synthesised function gets start a JVM the way Lambda's Java
 * runtime starts it for that function's memory (the heap, metaspace and code cache shares it puts
 * on the command line, the serial collector; the machine's memory limited to the function's), and
 * do what they are there for: the full JIT and a heap that starts at its maximum. Options that stop
 * the JVM from starting (an initial heap above the runtime's maximum, a typo) fail here, not in
 * every invocation after a deploy.
 */
class DeployedJvmOptionsTest {

    private static Synthesized synth;

    @BeforeAll
    static void synthesise() {
        synth = Synthesized.defaults();
    }

    @Test
    void bothFunctionsStartWithTheFullJitAndTheirWholeHeapAtOnce() throws Exception {
        for (String prefix : List.of("PipelineProcessor", "PipelineAnalyser")) {
            JsonNode function = synth.properties(synth.id("AWS::Lambda::Function", prefix));
            int memoryMb = function.path("MemorySize").asInt();
            String toolOptions = CloudFormationText.resolve(function.at("/Environment/Variables")).path("JAVA_TOOL_OPTIONS").asText();

            Map<String, String> flags = finalFlags(memoryMb, toolOptions);

            long maxHeap = Long.parseLong(flags.get("MaxHeapSize"));
            long share = lambdaShare(memoryMb, 85) * 1024;
            assertTrue(maxHeap >= share && maxHeap - share < 4 << 20, prefix + ": the runtime's heap share stays the maximum"
                    + " (aligned up by the collector): " + maxHeap + " against " + share);
            assertEquals(maxHeap, Long.parseLong(flags.get("InitialHeapSize")), prefix + ": the heap starts at its maximum");
            assertEquals("4", flags.get("TieredStopAtLevel"), prefix + ": the full JIT");
            assertEquals("true", flags.get("UseSerialGC"), prefix + ": the runtime's collector stays");
        }
    }

    /** Lambda's share of the function's memory in KiB, as its runtime computes the flags. */
    private static long lambdaShare(int memoryMb, int percent) {
        return memoryMb * 1024L * percent / 100;
    }

    /** {@code -XX:+PrintFlagsFinal} of a JVM started as Lambda's runtime starts it, with the tool options in the environment. */
    private static Map<String, String> finalFlags(int memoryMb, String toolOptions) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java,
                "-XX:MaxRAM=" + memoryMb + "m",
                "-XX:MaxHeapSize=" + lambdaShare(memoryMb, 85) + "k",
                "-XX:MaxMetaspaceSize=" + lambdaShare(memoryMb, 10) + "k",
                "-XX:ReservedCodeCacheSize=" + lambdaShare(memoryMb, 5) + "k",
                "-XX:+UseSerialGC", "-Xshare:auto", "-XX:+PrintFlagsFinal", "-version"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("JAVA_TOOL_OPTIONS", toolOptions);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the JVM did not finish");
        assertEquals(0, process.exitValue(), "JAVA_TOOL_OPTIONS=" + toolOptions + " stops the JVM from starting:\n" + output);
        Map<String, String> flags = new HashMap<>();
        Matcher line = Pattern.compile("^\\s*\\S+\\s+(\\w+)\\s+:?=\\s+(\\S+)", Pattern.MULTILINE).matcher(output);
        while (line.find()) {
            flags.put(line.group(1), line.group(2));
        }
        return flags;
    }
}
