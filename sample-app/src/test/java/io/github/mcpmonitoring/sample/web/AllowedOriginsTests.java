package io.github.mcpmonitoring.sample.web;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AllowedOrigins}.
 */
class AllowedOriginsTests {

	private final AllowedOrigins localhost = new AllowedOrigins(
			List.of("http://localhost:*", " http://127.0.0.1:* ", "https://app.example.com"));

	@Test
	void allowsLocalOriginsOnAnyPortOrNone() {
		assertThat(this.localhost.allows("http://localhost:8080")).isTrue();
		assertThat(this.localhost.allows("http://localhost")).isTrue();
		assertThat(this.localhost.allows("http://127.0.0.1:65535")).isTrue();
		assertThat(this.localhost.allows("HTTP://LOCALHOST:3000")).isTrue();
	}

	@Test
	void allowsAnExactOriginOnly() {
		assertThat(this.localhost.allows("https://app.example.com")).isTrue();
		assertThat(this.localhost.allows("https://app.example.com:8443")).isFalse();
		assertThat(this.localhost.allows("http://app.example.com")).isFalse();
	}

	@Test
	void rejectsForeignOriginsAndLookAlikes() {
		assertThat(this.localhost.allows("http://evil.example")).isFalse();
		assertThat(this.localhost.allows("http://localhost.evil.example")).isFalse();
		assertThat(this.localhost.allows("http://localhost:8080.evil.example")).isFalse();
		assertThat(this.localhost.allows("http://localhost:")).isFalse();
		assertThat(this.localhost.allows("http://localhost:123456")).isFalse();
		assertThat(this.localhost.allows("https://localhost:8080")).isFalse();
		assertThat(this.localhost.allows("null")).isFalse();
	}

	@Test
	void aStarAllowsEveryOriginAndAnEmptyListNone() {
		assertThat(new AllowedOrigins(List.of("*")).allows("http://evil.example")).isTrue();
		assertThat(new AllowedOrigins(List.of()).allows("http://localhost:8080")).isFalse();
	}

}
