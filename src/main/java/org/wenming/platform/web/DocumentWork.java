package org.wenming.platform.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller method that makes or reads a document (a PDF, Word or Excel export, a
 * certificate, the outline of an uploaded plan): seconds of CPU each at the size limit, so each
 * account may ask for at most {@code wenming.document-limit-per-minute} of them a minute (429
 * beyond).
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface DocumentWork {

}
