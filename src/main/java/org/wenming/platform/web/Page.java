package org.wenming.platform.web;

import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One page of a longer list.
 *
 * @param number zero-based page number
 * @param baseLink the list's URL with its filters, to which {@code page=n} is appended
 */
public record Page<T>(List<T> items, int number, int size, long total, @JsonIgnore String baseLink) {

	@JsonProperty
	public int totalPages() {
		return size == 0 ? 0 : (int) ((total + size - 1) / size);
	}

	public String link(int page) {
		String base = baseLink == null ? "" : baseLink;
		return base + (base.contains("?") ? "&" : "?") + "page=" + Math.max(0, page);
	}

	/** The page {@code number} (zero-based, kept within the list) of a list held in full. */
	public static <T> Page<T> of(List<T> all, int number, int size, String baseLink) {
		int pages = Math.max(1, (all.size() + size - 1) / size);
		int page = Math.max(0, Math.min(number, pages - 1));
		return new Page<>(List.copyOf(all.subList(page * size, Math.min(all.size(), (page + 1) * size))), page, size,
				all.size(), baseLink);
	}

	public Page<T> withBaseLink(String link) {
		return new Page<>(items, number, size, total, link);
	}

	public <R> Page<R> map(Function<T, R> mapper) {
		return new Page<>(items.stream().map(mapper).toList(), number, size, total, baseLink);
	}

}
