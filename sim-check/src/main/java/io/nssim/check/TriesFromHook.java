package io.nssim.check;

import static com.google.common.base.Preconditions.checkArgument;

import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/** The hook behind {@link TriesFrom}: sets the tries before the property runs. */
public final class TriesFromHook implements AroundPropertyHook {
    /** The tries a {@link TriesFrom} names: the system property's value, or its default. */
    public static int tries(TriesFrom t) {
        int n = Integer.getInteger(t.value(), t.orElse());
        checkArgument(n >= 1, "%s must be at least 1: %s", t.value(), n);
        return n;
    }

    @Override
    public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
        context.findAnnotation(TriesFrom.class).ifPresent(t -> context.attributes().setTries(tries(t)));
        return property.execute();
    }
}
