package dev.pixelstep.functions.support;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One in-memory {@link S3ProxyServer} for all the tests of a class, handed to its constructor (or
 * to a {@code @BeforeAll} or test method) as a parameter: started when first asked for, closed by
 * JUnit when the class's tests have run (the server sits in the class's extension store).
 *
 * <pre>
 * &#64;ExtendWith(S3ProxyExtension.class)
 * class SomeTest {
 *     private final S3ProxyServer s3;
 *
 *     SomeTest(S3ProxyServer s3) {
 *         this.s3 = s3;
 *     }
 * }
 * </pre>
 */
public final class S3ProxyExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(S3ProxyExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == S3ProxyServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ExtensionContext testClass = context;
        while (testClass.getTestMethod().isPresent() && testClass.getParent().isPresent()) {
            testClass = testClass.getParent().get(); // a test's own context closes after the test: keep the server per class
        }
        return testClass.getStore(NAMESPACE).getOrComputeIfAbsent(S3ProxyServer.class, key -> S3ProxyServer.start(), S3ProxyServer.class);
    }
}
