package io.nssim.check;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import net.jqwik.api.lifecycle.AddLifecycleHook;

/**
 * Takes a jqwik property's number of tries from a system property, so that one build runs a few hundred
 * chains and {@code -Pexhaustive} (or {@code -Dnssim.check.chains=100000}) runs many more:
 * {@code @Property @TriesFrom(value = "nssim.check.chains", orElse = 300)}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@AddLifecycleHook(TriesFromHook.class)
public @interface TriesFrom {
    /** The system property holding the number of tries. */
    String value();

    /** The tries when the property is not set. */
    int orElse();
}
