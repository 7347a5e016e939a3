package dev.pixelstep.cdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pixelstep.cdk.app.PixelstepStack;
import software.amazon.awscdk.App;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Template;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** One synthesised pipeline stack, its CDK assertions template and its JSON, for a test class to share. */
final class Synthesized {

    static final ObjectMapper JSON = new ObjectMapper();

    final PixelstepStack stack;
    final Template template;
    final JsonNode json;

    private Synthesized(PixelstepStack stack) {
        this.stack = stack;
        this.template = Template.fromStack(stack);
        this.json = JSON.valueToTree(template.toJSON());
    }

    /** Synthesises a stack holding a pipeline with {@code props}. */
    static Synthesized pipeline(PixelstepPipelineProps props) {
        App app = App.Builder.create().outdir(outdir().toString()).build();
        return new Synthesized(new PixelstepStack(app, "Test", StackProps.builder().build(), props));
    }

    /** A fresh cloud assembly directory under target/, instead of one left behind in the system's temp dir. */
    private static Path outdir() {
        try {
            Path parent = Files.createDirectories(Path.of("target", "synth-tests"));
            return Files.createTempDirectory(parent, "cdk.out-").toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The built zips, copied to target/lambda by the dependency plugin. */
    static PixelstepPipelineProps.Builder propsBuilder() {
        return PixelstepPipelineProps.builder(functionZip(), layerZip());
    }

    static Path functionZip() {
        return Path.of(System.getProperty("pixelstep.function.zip"));
    }

    static Path layerZip() {
        return Path.of(System.getProperty("pixelstep.layer.zip"));
    }

    static Path pluginLayerZip() {
        return Path.of(System.getProperty("pixelstep.plugin.layer"));
    }

    /** The logical ids of every resource of {@code type}. */
    List<String> ids(String type) {
        List<String> ids = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = json.path("Resources").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().path("Type").asText().equals(type)) {
                ids.add(e.getKey());
            }
        }
        return ids;
    }

    /** The only resource of {@code type}. */
    String onlyId(String type) {
        List<String> ids = ids(type);
        if (ids.size() != 1) {
            throw new AssertionError("expected one " + type + ", found " + ids);
        }
        return ids.get(0);
    }

    /** The logical id of the resource of {@code type} whose id starts with {@code prefix}. */
    String id(String type, String prefix) {
        List<String> ids = ids(type).stream().filter(id -> id.startsWith(prefix)).toList();
        if (ids.size() != 1) {
            throw new AssertionError("expected one " + type + " with id " + prefix + "*, found " + ids);
        }
        return ids.get(0);
    }

    /** The properties of resource {@code id}. */
    JsonNode properties(String id) {
        JsonNode resource = json.path("Resources").path(id);
        if (resource.isMissingNode()) {
            throw new AssertionError("no resource " + id);
        }
        return resource.path("Properties");
    }
}
