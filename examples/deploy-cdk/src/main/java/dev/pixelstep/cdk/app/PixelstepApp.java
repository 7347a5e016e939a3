package dev.pixelstep.cdk.app;

import software.amazon.awscdk.App;
import software.amazon.awscdk.StackProps;

/**
 * The CDK app: {@code cdk.json} runs this main ({@code java -jar target/pixelstep-deploy-cdk.jar}),
 * which defines one {@link PixelstepStack} from the context and writes the cloud assembly to
 * {@code CDK_OUTDIR} (set by {@code cdk}; {@code cdk.out} otherwise).
 */
public final class PixelstepApp {

    private PixelstepApp() {
    }

    /** Synthesises the app; a bad setting ends it with status 1 and a message naming the setting. */
    public static void main(String[] args) {
        App app = new App();
        try {
            define(app);
        } catch (IllegalArgumentException e) {
            System.err.println("pixelstep: " + e.getMessage());
            System.exit(1);
        }
        app.synth();
    }

    /** Defines the stack in {@code app} from its context. */
    public static PixelstepStack define(App app) {
        AppContext context = new AppContext(app.getNode()::tryGetContext);
        return new PixelstepStack(app, context.stackName(), StackProps.builder()
                .description("pixelstep: S3-triggered image processing on Lambda and Step Functions")
                .build(), context.pipelineProps());
    }
}
