package io.github.mcpmonitoring.failures;

import java.lang.reflect.Method;
import java.util.Set;

/**
 * Reads the HTTP status an upstream answered with from the exception a client library threw for it: Spring's
 * {@code RestClientResponseException} (the {@code RestClient} and {@code RestTemplate} exceptions) and WebFlux's
 * {@code WebClientResponseException}, looked up by class name so that neither has to be on the class path.
 */
final class UpstreamHttpStatus {

	/** How far down a cause chain a status is looked for; a chain may be a cycle. */
	private static final int MAX_DEPTH = 10;

	private static final Set<String> RESPONSE_EXCEPTIONS = Set.of(
			"org.springframework.web.client.RestClientResponseException",
			"org.springframework.web.reactive.function.client.WebClientResponseException");

	private UpstreamHttpStatus() {
	}

	/**
	 * Return the HTTP status carried by an exception or one of its causes.
	 * @param failure the exception, may be {@code null}
	 * @return the status, or -1 when none is carried
	 */
	static int of(Throwable failure) {
		Throwable current = failure;
		for (int depth = 0; current != null && depth < MAX_DEPTH; depth++) {
			if (isResponseException(current.getClass())) {
				int status = statusOf(current);
				if (status > 0) {
					return status;
				}
			}
			Throwable cause = current.getCause();
			current = (cause != current) ? cause : null;
		}
		return -1;
	}

	private static boolean isResponseException(Class<?> type) {
		for (Class<?> candidate = type; candidate != null; candidate = candidate.getSuperclass()) {
			if (RESPONSE_EXCEPTIONS.contains(candidate.getName())) {
				return true;
			}
		}
		return false;
	}

	/** {@code getStatusCode()} returns an {@code HttpStatusCode} (Spring 6) whose {@code value()} is the code. */
	private static int statusOf(Throwable failure) {
		try {
			Method getStatusCode = failure.getClass().getMethod("getStatusCode");
			Object statusCode = getStatusCode.invoke(failure);
			if (statusCode == null) {
				return -1;
			}
			Object value = statusCode.getClass().getMethod("value").invoke(statusCode);
			return (value instanceof Integer code) ? code : -1;
		}
		catch (ReflectiveOperationException | RuntimeException | LinkageError ex) {
			return -1;
		}
	}

}
