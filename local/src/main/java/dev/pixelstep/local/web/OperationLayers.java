package dev.pixelstep.local.web;

import dev.pixelstep.local.lambda.LambdaLayout;

import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The operations of a set of layers without running any function: the layers are laid out as
 * Lambda lays them out and their jars loaded in a class loader of their own, so the page offers
 * the same operations as the deployed functions (given the same layers).
 */
public final class OperationLayers {

    private OperationLayers() {
    }

    /**
     * Lays out the layers under {@code root} (replacing what was there) and loads their jars.
     *
     * @param functionZip the function zip the layers belong with
     * @param layers      the pixelstep layer, then plugin layers, in order
     */
    public static URLClassLoader load(Path root, Path functionZip, List<Path> layers) {
        LambdaLayout layout = LambdaLayout.prepare(root, functionZip, layers);
        List<URL> urls = new ArrayList<>();
        for (Path jar : layout.layerJars()) {
            try {
                urls.add(jar.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new IllegalStateException("cannot load " + jar, e);
            }
        }
        return new URLClassLoader("pixelstep-web-operations", urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    }
}
