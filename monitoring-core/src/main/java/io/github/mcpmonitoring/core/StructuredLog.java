package io.github.mcpmonitoring.core;

import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * A logger whose lines carry key-value pairs besides their message, so that Spring Boot's structured logging (ECS,
 * Logstash) writes them as fields; the message text is the same as without them. Without SLF4J on the class path the
 * lines are logged without the pairs.
 */
public final class StructuredLog {

	private static final boolean SLF4J_PRESENT = isPresent("org.slf4j.spi.LoggingEventBuilder");

	private final Log log;

	private final Object slf4jLogger;

	private StructuredLog(Class<?> type) {
		this.log = LogFactory.getLog(type);
		this.slf4jLogger = SLF4J_PRESENT ? Slf4j.logger(type) : null;
	}

	/**
	 * Return the structured logger of a class.
	 * @param type the class, whose name is the logger's
	 * @return the logger
	 */
	public static StructuredLog of(Class<?> type) {
		return new StructuredLog(type);
	}

	/**
	 * Tell whether lines of a level are logged.
	 * @param level the level
	 * @return whether they are
	 */
	public boolean isEnabled(Level level) {
		return switch (level) {
			case ERROR -> this.log.isErrorEnabled();
			case WARN -> this.log.isWarnEnabled();
			case INFO -> this.log.isInfoEnabled();
		};
	}

	/**
	 * Log a line with its fields.
	 * @param level the level
	 * @param message the message
	 * @param fields the line's key-value pairs, in their order; {@code null} values are left out
	 */
	public void log(Level level, String message, Map<String, ?> fields) {
		if (this.slf4jLogger != null) {
			Slf4j.log(this.slf4jLogger, level, message, fields);
			return;
		}
		switch (level) {
			case ERROR -> this.log.error(message);
			case WARN -> this.log.warn(message);
			case INFO -> this.log.info(message);
		}
	}

	private static boolean isPresent(String className) {
		try {
			Class.forName(className, false, StructuredLog.class.getClassLoader());
			return true;
		}
		catch (ClassNotFoundException | LinkageError ex) {
			return false;
		}
	}

	/** The levels the starter logs at. */
	public enum Level {

		/** An error. */
		ERROR,
		/** A warning. */
		WARN,
		/** Information. */
		INFO

	}

	/** What names SLF4J types, loaded only when SLF4J is there. */
	private static final class Slf4j {

		static Object logger(Class<?> type) {
			return org.slf4j.LoggerFactory.getLogger(type);
		}

		static void log(Object logger, Level level, String message, Map<String, ?> fields) {
			org.slf4j.Logger slf4j = (org.slf4j.Logger) logger;
			org.slf4j.spi.LoggingEventBuilder event = switch (level) {
				case ERROR -> slf4j.atError();
				case WARN -> slf4j.atWarn();
				case INFO -> slf4j.atInfo();
			};
			fields.forEach((key, value) -> {
				if (value != null) {
					event.addKeyValue(key, value);
				}
			});
			event.log(message);
		}

	}

}
