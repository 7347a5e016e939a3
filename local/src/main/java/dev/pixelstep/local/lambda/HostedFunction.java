package dev.pixelstep.local.lambda;

import dev.pixelstep.local.TerminalText;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A Java Lambda function hosted in this process: its classes come only from its
 * {@link LambdaLayout} (function zip, then layers) through a class loader of its own whose parent
 * is the platform class loader, so nothing of the host's class path leaks in. The handler must
 * implement {@code com.amazonaws.services.lambda.runtime.RequestStreamHandler}; it is created once,
 * like in a warm Lambda container, and invoked with the JSON payload bytes. Like Lambda, each
 * invocation has a timeout ({@link #DEFAULT_TIMEOUT} unless given), and its context's
 * {@code getRemainingTimeInMillis()} counts down to it from the moment the invocation starts, so
 * that a function can stop its work before its time is up. What the function logs is printed one
 * line at a time, each prefixed with the function's name and with control characters escaped
 * ({@link TerminalText}): log lines quote object keys, which come from uploads.
 */
public final class HostedFunction implements AutoCloseable {

    private static final String STREAM_HANDLER = "com.amazonaws.services.lambda.runtime.RequestStreamHandler";
    private static final String CONTEXT = "com.amazonaws.services.lambda.runtime.Context";
    private static final String LOGGER = "com.amazonaws.services.lambda.runtime.LambdaLogger";

    /** Lambda's longest timeout, 15 minutes, which is also the state machine's task timeout. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(15);

    private final String name;
    private final URLClassLoader loader;
    private final Object handler;
    private final Method handleRequest;
    private final Class<?> contextType;
    private final Class<?> loggerType;
    private final PrintStream log;
    private final Duration timeout;

    private HostedFunction(String name, URLClassLoader loader, Object handler, Method handleRequest,
                           Class<?> contextType, Class<?> loggerType, PrintStream log, Duration timeout) {
        this.name = name;
        this.loader = loader;
        this.handler = handler;
        this.handleRequest = handleRequest;
        this.contextType = contextType;
        this.loggerType = loggerType;
        this.log = log;
        this.timeout = timeout;
    }

    /**
     * Loads and constructs the handler, as a cold start does.
     *
     * @param name         the function name reported in its context
     * @param layout       the unpacked function and layers
     * @param handlerClass the handler's class name ({@code Class} or {@code Class::handleRequest})
     * @param environment  the function's own settings, what Lambda would set as its environment
     *                     variables; passed to the handler's {@code (java.util.Map)} constructor so
     *                     that functions sharing this JVM never share settings
     * @param log          where the function's {@code LambdaLogger} writes
     * @throws IllegalStateException if the handler cannot be found or constructed
     */
    public static HostedFunction load(String name, LambdaLayout layout, String handlerClass, Map<String, String> environment,
                                      PrintStream log) {
        return load(name, layout, handlerClass, environment, log, DEFAULT_TIMEOUT);
    }

    /**
     * Loads and constructs the handler, as a cold start does, with an invocation timeout.
     *
     * @param timeout what each invocation's context counts its remaining time down from
     * @see #load(String, LambdaLayout, String, Map, PrintStream)
     */
    public static HostedFunction load(String name, LambdaLayout layout, String handlerClass, Map<String, String> environment,
                                      PrintStream log, Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("a function's timeout must be positive, got " + timeout);
        }
        String className = handlerClass.contains("::") ? handlerClass.substring(0, handlerClass.indexOf("::")) : handlerClass;
        URLClassLoader loader = new URLClassLoader("lambda:" + name, layout.classPath().toArray(URL[]::new),
                ClassLoader.getPlatformClassLoader());
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            Class<?> streamHandler = loader.loadClass(STREAM_HANDLER);
            Class<?> type = loader.loadClass(className);
            if (!streamHandler.isAssignableFrom(type)) {
                throw new IllegalStateException("handler " + className + " of function " + name + " does not implement " + STREAM_HANDLER);
            }
            Class<?> contextType = loader.loadClass(CONTEXT);
            Class<?> loggerType = loader.loadClass(LOGGER);
            Method method = type.getMethod("handleRequest", InputStream.class, OutputStream.class, contextType);
            Object handler = construct(type, name, environment);
            return new HostedFunction(name, loader, handler, method, contextType, loggerType, log, timeout);
        } catch (ClassNotFoundException e) {
            close(loader);
            throw new IllegalStateException("function " + name + ": class " + e.getMessage()
                    + " is in neither the function zip nor its layers", e);
        } catch (InvocationTargetException e) {
            close(loader);
            throw new IllegalStateException("function " + name + ": the handler's constructor failed: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException | LinkageError e) {
            close(loader);
            throw new IllegalStateException("function " + name + ": cannot load handler " + className + ": " + e, e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * Constructs the handler with its environment: through a public {@code (java.util.Map)}
     * constructor when it has one; otherwise through its no-argument constructor, which Lambda
     * calls, and only when there is no environment to pass.
     */
    private static Object construct(Class<?> type, String name, Map<String, String> environment) throws ReflectiveOperationException {
        try {
            return type.getConstructor(Map.class).newInstance(Map.copyOf(environment));
        } catch (NoSuchMethodException e) {
            if (!environment.isEmpty()) {
                throw new IllegalStateException("function " + name + ": handler " + type.getName()
                        + " has no public (java.util.Map) constructor to receive its environment " + environment.keySet(), e);
            }
            return type.getConstructor().newInstance();
        }
    }

    /** The function's name. */
    public String name() {
        return name;
    }

    /** The class loader the function runs in; plugin discovery inside the function uses it. */
    public ClassLoader classLoader() {
        return loader;
    }

    /**
     * Invokes the handler with a JSON payload and returns the JSON it wrote.
     *
     * @throws FunctionError if the handler threw, described as Lambda describes it
     */
    public byte[] invoke(byte[] payload) throws FunctionError {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Object context = context(UUID.randomUUID().toString(), System.nanoTime() + timeout.toNanos());
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            handleRequest.invoke(handler, new ByteArrayInputStream(payload), out, context);
            return out.toByteArray();
        } catch (InvocationTargetException e) {
            throw FunctionError.of(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("function " + name + ": handleRequest is not accessible", e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** The function's timeout. */
    public Duration timeout() {
        return timeout;
    }

    /** A context for one invocation whose remaining time runs down to {@code deadline} ({@link System#nanoTime()}). */
    private Object context(String requestId, long deadline) {
        Object logger = Proxy.newProxyInstance(loader, new Class<?>[]{loggerType}, (proxy, method, args) -> {
            if (method.getName().equals("log") && args != null && args.length >= 1) {
                Object message = args[0];
                String text = message instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(message);
                for (String line : text.stripTrailing().split("\n", -1)) {
                    log.println("[" + name + "] " + TerminalText.escape(line));
                }
                return null;
            }
            return defaultFor(method, proxy, args);
        });
        return Proxy.newProxyInstance(loader, new Class<?>[]{contextType}, (proxy, method, args) -> switch (method.getName()) {
            case "getAwsRequestId" -> requestId;
            case "getFunctionName" -> name;
            case "getFunctionVersion" -> "$LATEST";
            case "getInvokedFunctionArn" -> "arn:aws:lambda:us-east-1:000000000000:function:" + name;
            case "getLogGroupName" -> "/aws/lambda/" + name;
            case "getLogStreamName" -> "local";
            case "getRemainingTimeInMillis" -> (int) Math.max(0, (deadline - System.nanoTime()) / 1_000_000);
            case "getMemoryLimitInMB" -> (int) Math.min(Integer.MAX_VALUE, Runtime.getRuntime().maxMemory() >> 20);
            case "getLogger" -> logger;
            default -> defaultFor(method, proxy, args);
        });
    }

    private static Object defaultFor(Method method, Object proxy, Object[] args) {
        return switch (method.getName()) {
            case "toString" -> "local Lambda context";
            case "hashCode" -> System.identityHashCode(proxy);
            case "equals" -> proxy == args[0];
            default -> zeroOf(method.getReturnType());
        };
    }

    /**
     * What a method of the context that this runtime does not implement returns: zero for numbers,
     * false, or null (one nested conditional here unboxed that null, so such a call threw a
     * NullPointerException: found by Error Prone's NullTernary).
     */
    private static Object zeroOf(Class<?> type) {
        if (type == boolean.class) {
            return false;
        }
        if (type == int.class) {
            return 0;
        }
        if (type == long.class) {
            return 0L;
        }
        return null;
    }

    @Override
    public void close() {
        close(loader);
    }

    private static void close(URLClassLoader loader) {
        try {
            loader.close();
        } catch (IOException e) {
            // closing releases jar file handles; nothing else depends on it
        }
    }

    @Override
    public String toString() {
        return "HostedFunction[" + name + ", " + List.of(loader.getURLs()).size() + " class-path entries]";
    }
}
