/**
 * The metric catalog: the interface modules implement to publish named metrics per org subtree and period, and the registry that finds them; depends on no business module.
 */
@ApplicationModule(displayName = "Metric")
package org.wenming.metric;

import org.springframework.modulith.ApplicationModule;
