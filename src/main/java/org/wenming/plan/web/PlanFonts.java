package org.wenming.plan.web;

import java.time.Duration;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves the bundled CJK font to the print view ({@code @font-face}): the PDF export reads the same
 * file from the classpath, so it lives beside the code rather than among the static files. Only the
 * font files are served, not their README.
 */
@Configuration(proxyBeanMethods = false)
class PlanFonts implements WebMvcConfigurer {

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler("/fonts/*.ttf")
			.addResourceLocations("classpath:/fonts/")
			.setCacheControl(CacheControl.maxAge(Duration.ofDays(30)).cachePublic());
	}

}
