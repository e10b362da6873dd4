package org.wenming.directory.web;

import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.wenming.directory.AuditScope;
import org.wenming.platform.audit.AuditLog;
import org.wenming.platform.audit.AuditLog.AuditEntry;
import org.wenming.platform.audit.AuditQuery;
import org.wenming.platform.web.Page;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit log of the caller's org subtrees.
 */
@RestController
@Validated
class AuditApi {

	private final AuditLog audit;

	private final AuditScope scope;

	AuditApi(AuditLog audit, AuditScope scope) {
		this.audit = audit;
		this.scope = scope;
	}

	@GetMapping("/api/v1/audit")
	Page<AuditEntry> list(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
			@RequestParam(required = false) String entityType,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
		AuditQuery query = scope.query(actor, action, entityType, from, to);
		return new Page<>(audit.find(query, page * size, size), page, size, audit.count(query), null);
	}

}
