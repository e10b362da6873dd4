/**
 * Volunteer service on top of activities: registered volunteers and their teams (志愿服务队), star
 * levels and certificates (志愿服务证明), service orders (群众点单、中心派单、志愿者接单、群众评单) and
 * wishes (微心愿), and the points store (爱心超市).
 */
@ApplicationModule(displayName = "Volunteer")
package org.wenming.volunteer;

import org.springframework.modulith.ApplicationModule;
