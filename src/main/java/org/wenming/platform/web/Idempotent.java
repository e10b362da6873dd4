package org.wenming.platform.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a JSON endpoint that honours an {@code Idempotency-Key} header: the same key from the same
 * account with the same request replays the first answer instead of doing the work again; the same
 * key with another request is refused (422), and while the first is still running so is a second
 * (409). Without the header the endpoint behaves as before.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface Idempotent {
}
