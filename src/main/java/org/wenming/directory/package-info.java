/**
 * The org tree, people, care recipients (帮扶对象), accounts with their roles, and the data scope every module applies.
 */
@ApplicationModule(displayName = "Directory")
package org.wenming.directory;

import org.springframework.modulith.ApplicationModule;
