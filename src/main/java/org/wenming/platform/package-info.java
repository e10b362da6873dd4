/**
 * Shared kernel: database bootstrap, security, audit log, personal-data protection, notifications, i18n and page layout.
 */
@ApplicationModule(displayName = "Platform", type = ApplicationModule.Type.OPEN)
package org.wenming.platform;

import org.springframework.modulith.ApplicationModule;
