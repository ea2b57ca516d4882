package io.github.mcpmonitoring.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ErrorTypes}.
 */
class ErrorTypesTests {

	@Test
	void constantsAreTheDocumentedTagValues() {
		assertThat(ErrorTypes.NONE).isEqualTo("none");
		assertThat(ErrorTypes.TOOL_ERROR).isEqualTo("tool_error");
		assertThat(ErrorTypes.OTHER).isEqualTo("other");
	}

	@Test
	void usesTheSimpleClassNameAndNeverTheMessage() {
		assertThat(ErrorTypes.of(new IllegalStateException("secret ks=abc"))).isEqualTo("IllegalStateException");
	}

	@Test
	void looksThroughWrappersThatOnlyCarryTheCause() {
		TimeoutException cause = new TimeoutException();
		assertThat(ErrorTypes.of(new InvocationTargetException(cause))).isEqualTo("TimeoutException");
		assertThat(ErrorTypes.of(new UndeclaredThrowableException(cause))).isEqualTo("TimeoutException");
		assertThat(ErrorTypes.of(new CompletionException(cause))).isEqualTo("TimeoutException");
		assertThat(ErrorTypes.of(new ExecutionException(cause))).isEqualTo("TimeoutException");
		assertThat(ErrorTypes.of(new CompletionException(new ExecutionException(cause)))).isEqualTo("TimeoutException");
	}

	@Test
	void keepsExceptionsThatAreNotMereWrappers() {
		assertThat(ErrorTypes.of(new UncheckedIOException(new IOException()))).isEqualTo("UncheckedIOException");
		assertThat(ErrorTypes.of(new IllegalStateException(new IOException()))).isEqualTo("IllegalStateException");
	}

	@Test
	void keepsAWrapperWithoutCause() {
		assertThat(ErrorTypes.of(new CompletionException("no cause", null))).isEqualTo("CompletionException");
	}

	@Test
	void namesAnonymousExceptionClassesByTheirBinaryName() {
		RuntimeException anonymous = new RuntimeException() {
		};
		assertThat(ErrorTypes.of(anonymous)).isEqualTo("ErrorTypesTests$1");
	}

}
