package dev.bookings.platform;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a use case ({@code @Stateless} in a component's boundary): inside a write request's one transaction its
 * changes reach the database when it returns ({@link OneTransaction}). ArchitectureTest holds that every use case
 * carries it.
 */
@InterceptorBinding
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface WritesThrough {
}
