package dev.memoria.it.junit;

import dev.memoria.it.client.MemoriaClient;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ModifierSupport;
import org.junit.platform.commons.support.ReflectionSupport;

import java.lang.reflect.Field;
import java.util.List;

/**
 * The JUnit 5 extension behind {@link MemoriaServerTest}: one server per test class, started in
 * {@code beforeAll} (or when the first test instance needs it) and stopped in {@code afterAll}. Nested test
 * classes use their enclosing class's server.
 *
 * <p>It resolves parameters of type {@link MemoriaServerInfo} and {@link MemoriaClient}, and fills fields of
 * those types that are still {@code null}: static ones before the first test, instance ones on each new test
 * instance. It can also be used without the annotation, as {@code @ExtendWith(MemoriaServerExtension.class)}, with
 * the default settings.
 */
public final class MemoriaServerExtension implements BeforeAllCallback, AfterAllCallback, TestInstancePostProcessor,
        ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(
            MemoriaServerExtension.class);
    private static final String SERVER = "server";

    /** Creates the extension; JUnit does this for {@link MemoriaServerTest}. */
    public MemoriaServerExtension() {
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IllegalAccessException {
        // Started here rather than lazily, so that a server that cannot start fails the class once, not each test.
        MemoriaServerInfo info = server(context).info();
        injectFields(context.getRequiredTestClass(), null, info, true);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        // remove() sees only this class's own store: a nested class never stops its enclosing class's server
        RunningServer server = context.getStore(NAMESPACE).remove(SERVER, RunningServer.class);
        if (server != null) {
            server.close();
        }
    }

    @Override
    public void postProcessTestInstance(Object testInstance, ExtensionContext context) throws IllegalAccessException {
        injectFields(testInstance.getClass(), testInstance, server(context).info(), false);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == MemoriaServerInfo.class || type == MemoriaClient.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        MemoriaServerInfo info = server(context).info();
        Class<?> type = parameter.getParameter().getType();
        if (type == MemoriaServerInfo.class) {
            return info;
        }
        if (type == MemoriaClient.class) {
            return info.client();
        }
        throw new ParameterResolutionException("cannot resolve " + parameter.getParameter());
    }

    /**
     * The class-level server, started on first use. The store is looked up from the class's context (not a
     * method's), and a lookup falls back to enclosing classes' stores, which is how nested classes share one.
     */
    private static RunningServer server(ExtensionContext context) {
        ExtensionContext classContext = context;
        while (classContext.getTestMethod().isPresent() && classContext.getParent().isPresent()) {
            classContext = classContext.getParent().get();
        }
        String[] config = AnnotationSupport.findAnnotation(classContext.getRequiredTestClass(), MemoriaServerTest.class)
                .map(MemoriaServerTest::config).orElse(new String[0]);
        return classContext.getStore(NAMESPACE).getOrComputeIfAbsent(SERVER, key -> RunningServer.start(config),
                RunningServer.class);
    }

    private static void injectFields(Class<?> testClass, Object instance, MemoriaServerInfo info, boolean statics)
            throws IllegalAccessException {
        for (Field field : candidateFields(testClass)) {
            if (ModifierSupport.isStatic(field) != statics || ModifierSupport.isFinal(field)) {
                continue;
            }
            field.setAccessible(true);
            if (field.get(instance) != null) {
                continue;
            }
            field.set(instance, field.getType() == MemoriaServerInfo.class ? info : info.client());
        }
    }

    private static List<Field> candidateFields(Class<?> testClass) {
        return ReflectionSupport.findFields(testClass,
                field -> field.getType() == MemoriaServerInfo.class || field.getType() == MemoriaClient.class,
                HierarchyTraversalMode.TOP_DOWN);
    }
}
