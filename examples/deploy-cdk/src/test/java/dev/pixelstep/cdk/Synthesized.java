package dev.pixelstep.cdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.pixelstep.cdk.app.AppContext;
import dev.pixelstep.cdk.app.PixelstepApp;
import dev.pixelstep.cdk.app.PixelstepStack;
import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.ServerlessChecks;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Template;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One synthesised pipeline stack, its CDK assertions template and its JSON, for a test class to
 * share. Every synthesis runs with the context of this module's cdk.json (its feature flags), as
 * {@code cdk synth} does, so the tests check the template a deployment gets.
 */
final class Synthesized {

    static final ObjectMapper JSON = new ObjectMapper();
    private static Synthesized defaults;

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
        return new Synthesized(new PixelstepStack(app(), "Test", StackProps.builder().build(), props));
    }

    /**
     * The app as {@code cdk synth} runs it with cdk.json and no {@code -c} options, with the
     * AwsSolutions and Serverless cdk-nag packs applied; synthesised once for every test class.
     */
    static synchronized Synthesized defaults() {
        if (defaults == null) {
            App app = app();
            Aspects.of(app).add(AwsSolutionsChecks.Builder.create().verbose(true).build());
            Aspects.of(app).add(ServerlessChecks.Builder.create().verbose(true).build());
            defaults = new Synthesized(PixelstepApp.define(app));
        }
        return defaults;
    }

    /** An app with cdk.json's context, the built zips and its own output directory under target/. */
    static App app() {
        Map<String, Object> context = new LinkedHashMap<>(cdkJsonContext());
        context.put(AppContext.FUNCTION_ZIP, functionZip().toString());
        context.put(AppContext.LAYER_ZIP, layerZip().toString());
        return App.Builder.create().outdir(outdir().toString()).context(context).build();
    }

    /** The {@code "context"} of this module's cdk.json. */
    static Map<String, Object> cdkJsonContext() {
        try {
            return JSON.convertValue(JSON.readTree(Path.of("cdk.json").toFile()).path("context"),
                    new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
