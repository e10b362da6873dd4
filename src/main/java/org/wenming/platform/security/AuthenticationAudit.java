package org.wenming.platform.security;

import jakarta.servlet.http.HttpServletRequest;

import org.wenming.platform.audit.AuditLog;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Writes every login and failed login to the audit log and counts failures per address.
 */
@Component
class AuthenticationAudit {

	private final AuditLog audit;

	private final LoginThrottle throttle;

	AuthenticationAudit(AuditLog audit, LoginThrottle throttle) {
		this.audit = audit;
		this.throttle = throttle;
	}

	@EventListener
	void on(AuthenticationSuccessEvent event) {
		audit.recordIndependently(event.getAuthentication().getName(), address(), "LOGIN", "account",
				event.getAuthentication().getName(), null, "登录成功");
	}

	@EventListener
	void on(AbstractAuthenticationFailureEvent event) {
		String address = address();
		throttle.recordFailure(address);
		String name = String.valueOf(event.getAuthentication().getName());
		audit.recordIndependently(name, address, "LOGIN_FAILED", "account", name, null,
				"登录失败：" + reason(event.getException()));
	}

	/** Why a sign-in failed, as the audit log says it to an admin (never a class name). */
	private static String reason(Exception failure) {
		if (failure instanceof org.springframework.security.authentication.LockedException) {
			return "账号已锁定";
		}
		if (failure instanceof org.springframework.security.authentication.DisabledException) {
			return "账号已停用";
		}
		if (failure instanceof org.springframework.security.authentication.BadCredentialsException) {
			return "用户名或密码错误";
		}
		return "无法验证身份";
	}

	private static String address() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			return request.getRemoteAddr();
		}
		return null;
	}

}
