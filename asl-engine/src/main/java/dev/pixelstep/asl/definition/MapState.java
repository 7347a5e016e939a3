package dev.pixelstep.asl.definition;

import dev.pixelstep.asl.internal.expression.Path;
import dev.pixelstep.asl.internal.expression.PayloadTemplate;

/**
 * A Map state: runs its item processor for every item of an array; its result is the array of the outputs, in
 * item order. Inline unless {@code distributed} is set. ({@code io.parameters()} is always null: a Map's legacy Parameters field is its
 * {@code itemSelector}.)
 *
 * @param name               the name
 * @param comment            the Comment, or null
 * @param transition         Next or End
 * @param io                 InputPath, ResultSelector, ResultPath, OutputPath
 * @param itemsPath          ItemsPath (default {@code $})
 * @param itemSelector       ItemSelector (or legacy Parameters), or null to pass each item as it is
 * @param itemProcessor      ItemProcessor (or legacy Iterator)
 * @param maxConcurrency     MaxConcurrency (0: no limit)
 * @param maxConcurrencyPath MaxConcurrencyPath, or null
 * @param errorHandling      Retry and Catch
 * @param distributed        the Distributed Map settings, or null for an inline Map
 */
public record MapState(String name, String comment, Transition transition, InputOutput io, Path itemsPath,
                       PayloadTemplate itemSelector, StateGraph itemProcessor, int maxConcurrency,
                       Path maxConcurrencyPath, ErrorHandling errorHandling,
                       DistributedMap distributed) implements State {

    @Override
    public String type() {
        return "Map";
    }
}
