package org.wenming.volunteer;

/** An entry of the service menu (服务菜单). */
public record ServiceCategory(long id, String name, int position, boolean active) {
}
