package dev.pixelstep.cdk;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Regression (issue 12, finding 2): a redeploy that changes only the layer zip (new or fixed
 * operations) must publish new function versions and move the aliases to them; without
 * {@code @aws-cdk/aws-lambda:recognizeLayerVersion} the versions stayed and the aliases kept the
 * old code. Two syntheses with cdk.json's flags, differing only in the layer zip.
 */
class LayerVersionTest {

    private static Synthesized before;
    private static Synthesized after;

    @BeforeAll
    static void synthesiseWithTwoLayerZips() throws IOException {
        Path changed = Files.createDirectories(Path.of("target", "layer-change")).resolve("pixelstep-layer.zip");
        copyWithOneMoreEntry(Synthesized.layerZip(), changed);
        before = Synthesized.pipeline(Synthesized.propsBuilder().build());
        after = Synthesized.pipeline(PixelstepPipelineProps.builder(Synthesized.functionZip(), changed).build());
    }

    @Test
    void onlyTheLayerContentDiffers() {
        String layer = before.onlyId("AWS::Lambda::LayerVersion");
        assertEquals(layer, after.onlyId("AWS::Lambda::LayerVersion"), "the layer keeps its logical id");
        assertNotEquals(before.properties(layer).at("/Content/S3Key").asText(), after.properties(layer).at("/Content/S3Key").asText());
        String processor = before.id("AWS::Lambda::Function", "PipelineProcessor");
        assertEquals(before.properties(processor).path("Code"), after.properties(processor).path("Code"), "the function zip is the same");
    }

    @Test
    void bothFunctionsPublishANewVersionAndTheirAliasesMoveToIt() {
        for (String function : new String[] {"PipelineProcessor", "PipelineAnalyser"}) {
            String oldVersion = before.id("AWS::Lambda::Version", function);
            String newVersion = after.id("AWS::Lambda::Version", function);
            assertNotEquals(oldVersion, newVersion, function + ": a new AWS::Lambda::Version resource, so CloudFormation publishes a version");
            String alias = after.id("AWS::Lambda::Alias", function);
            assertEquals(newVersion, after.properties(alias).at("/FunctionVersion/Fn::GetAtt/0").asText(), function + "'s alias");
            assertEquals(oldVersion, before.properties(before.id("AWS::Lambda::Alias", function)).at("/FunctionVersion/Fn::GetAtt/0").asText());
        }
    }

    private static void copyWithOneMoreEntry(Path source, Path target) throws IOException {
        try (ZipFile zip = new ZipFile(source.toFile()); OutputStream file = Files.newOutputStream(target);
             ZipOutputStream out = new ZipOutputStream(file)) {
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                out.putNextEntry(new ZipEntry(entry.getName()));
                try (InputStream in = zip.getInputStream(entry)) {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
            out.putNextEntry(new ZipEntry("java/lib/CHANGED.txt"));
            out.write("a layer-only change".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
    }
}
