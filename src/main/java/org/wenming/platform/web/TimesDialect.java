package org.wenming.platform.web;

import java.util.Set;

import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;
import org.wenming.platform.Times;

import org.springframework.stereotype.Component;

/**
 * Offers {@link Times} to every page as {@code #times}, so a time is always shown in the configured
 * zone: {@code ${#times.format(activity.startsAt(), 'MM-dd HH:mm')}}. Thymeleaf's own
 * {@code #temporals} formats an offset time in whatever offset it carries (the database answers in
 * UTC), so pages do not use it for instants.
 */
@Component
class TimesDialect extends AbstractDialect implements IExpressionObjectDialect {

	private static final String NAME = "times";

	private final Times times;

	TimesDialect(Times times) {
		super("wenming-times");
		this.times = times;
	}

	@Override
	public IExpressionObjectFactory getExpressionObjectFactory() {
		return new IExpressionObjectFactory() {

			@Override
			public Set<String> getAllExpressionObjectNames() {
				return Set.of(NAME);
			}

			@Override
			public Object buildObject(IExpressionContext context, String expressionObjectName) {
				return NAME.equals(expressionObjectName) ? times : null;
			}

			@Override
			public boolean isCacheable(String expressionObjectName) {
				return true;
			}

		};
	}

}
