/**
 * Plans: for now the import of plan documents, turning a work plan's text into an outline with its quantitative targets.
 */
@ApplicationModule(displayName = "Plan")
package org.wenming.plan;

import org.springframework.modulith.ApplicationModule;
