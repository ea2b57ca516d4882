package io.github.mcpmonitoring.core;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Values of the {@code error.type} tag: {@code none}, {@code tool_error}, or the simple class name of the exception
 * that caused the failure. Never an exception message.
 */
public final class ErrorTypes {

	/** A successful call. */
	public static final String NONE = "none";

	/** A tool that returned an error result without throwing. */
	public static final String TOOL_ERROR = "tool_error";

	/** Any exception type beyond the configured number of distinct types. */
	public static final String OTHER = "other";

	/** Wrappers that only carry the real failure as their cause. */
	private static final Set<String> WRAPPERS = Set.of(InvocationTargetException.class.getName(),
			UndeclaredThrowableException.class.getName(), CompletionException.class.getName(),
			ExecutionException.class.getName(), "org.springframework.ai.tool.execution.ToolExecutionException");

	private ErrorTypes() {
	}

	/**
	 * Return the {@code error.type} of a failure: the simple class name of the exception, looking through wrappers
	 * that only carry the real failure as their cause.
	 * @param failure the exception
	 * @return the error type
	 */
	public static String of(Throwable failure) {
		Throwable cause = unwrap(failure);
		return simpleName(cause.getClass());
	}

	/**
	 * Return the real failure behind wrappers that only carry it as their cause.
	 * @param failure the exception
	 * @return the innermost exception that is not such a wrapper
	 */
	public static Throwable unwrap(Throwable failure) {
		Throwable current = failure;
		try {
			for (int depth = 0; depth < 10 && current.getCause() != null
					&& WRAPPERS.contains(current.getClass().getName()); depth++) {
				current = current.getCause();
			}
		}
		catch (RuntimeException ex) {
			// An exception whose getCause() throws is taken as it is.
		}
		return current;
	}

	/**
	 * Return the message of the real failure behind wrappers. Never throws: an exception whose
	 * {@code getMessage()} throws has no message here, and the exception the caller sees stays its own.
	 * @param failure the exception
	 * @return the message, or {@code null}
	 */
	public static String messageOf(Throwable failure) {
		try {
			return unwrap(failure).getMessage();
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private static String simpleName(Class<?> type) {
		String simpleName = type.getSimpleName();
		if (!simpleName.isEmpty()) {
			return simpleName;
		}
		String name = type.getName();
		return name.substring(name.lastIndexOf('.') + 1);
	}

}
