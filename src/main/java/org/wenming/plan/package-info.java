/**
 * Plans: each org's yearly work plan, read from its document into an outline, edited, published and
 * archived with every later change kept as a revision; its progress rolled up from the tasks; its
 * targets bound to live metrics.
 */
@ApplicationModule(displayName = "Plan")
package org.wenming.plan;

import org.springframework.modulith.ApplicationModule;
