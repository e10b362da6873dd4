package org.wenming.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API description at {@code /v3/api-docs}: bearer tokens from {@code POST /api/v1/auth/token}.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	@Bean
	OpenAPI wenmingOpenApi() {
		return new OpenAPI()
			.info(new Info().title("文明 wenming API")
				.version("v1")
				.description("精神文明建设工作平台接口。先用 POST /api/v1/auth/token 换取令牌，再以 Authorization: Bearer <token> 调用，用完以 DELETE /api/v1/auth/token 作废；"
						+ "错误以 RFC 9457 问题文档返回，超出数据范围的记录返回 404。"))
			.components(new Components().addSecuritySchemes("bearer",
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")))
			.addSecurityItem(new SecurityRequirement().addList("bearer"));
	}

}
