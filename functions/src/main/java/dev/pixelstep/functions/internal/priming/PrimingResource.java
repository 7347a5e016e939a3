package dev.pixelstep.functions.internal.priming;

import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * A CRaC resource that runs a priming action before a checkpoint (Lambda SnapStart takes the
 * snapshot after init; the action warms class loading and JIT on the image path) and does
 * nothing on restore. CRaC holds resources weakly: the owner keeps a reference to this object.
 */
public final class PrimingResource implements Resource {

    private final Runnable action;

    private PrimingResource(Runnable action) {
        this.action = action;
    }

    /** Creates the resource for {@code action} and registers it with the global CRaC context. */
    public static PrimingResource register(Runnable action) {
        PrimingResource resource = new PrimingResource(action);
        Core.getGlobalContext().register(resource);
        return resource;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        action.run();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // nothing to restore: priming leaves no state behind
    }
}
