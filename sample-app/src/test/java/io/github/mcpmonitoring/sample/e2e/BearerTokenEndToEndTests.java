package io.github.mcpmonitoring.sample.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link BearerTokenSecurityRecipe} on the running sample, over real HTTP: {@code /mcp} without a token, or with one
 * signed by another key, gets 401; a real MCP client with a valid token is served; the probes on the management port
 * need no token; and the {@code Origin} check still comes first.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.autoconfigure.exclude=", "server.shutdown=immediate" })
@Import(BearerTokenSecurityRecipe.class)
class BearerTokenEndToEndTests {

	private static final String INITIALIZE = """
			{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18",
			"capabilities":{},"clientInfo":{"name":"token-test","version":"1"}}}""";

	private static final KeyPair ISSUER = rsaKeyPair();

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@LocalServerPort
	private int port;

	@LocalManagementPort
	private int managementPort;

	@DynamicPropertySource
	static void issuerPublicKey(DynamicPropertyRegistry registry) throws IOException {
		Path pem = Files.createTempFile("mcp-issuer", ".pem");
		pem.toFile().deleteOnExit();
		Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n"
				+ Base64.getMimeEncoder().encodeToString(ISSUER.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
		registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", () -> pem.toUri().toString());
	}

	@Test
	void mcpWithoutATokenGets401() throws Exception {
		HttpResponse<String> response = initialize(Map.of());
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
				(challenge) -> assertThat(challenge).startsWith("Bearer"));
	}

	@Test
	void mcpWithATokenOfAnotherIssuerGets401() throws Exception {
		String forged = token((RSAPrivateKey) rsaKeyPair().getPrivate());
		assertThat(initialize(Map.of("Authorization", "Bearer " + forged)).statusCode()).isEqualTo(401);
	}

	@Test
	void aRealMcpClientWithAValidTokenIsServed() {
		String token = token((RSAPrivateKey) ISSUER.getPrivate());
		McpSyncClient client = McpClient
			.sync(HttpClientStreamableHttpTransport.builder("http://localhost:" + this.port)
				.endpoint("/mcp")
				.requestBuilder(HttpRequest.newBuilder().header("Authorization", "Bearer " + token))
				.build())
			.requestTimeout(Duration.ofSeconds(30))
			.build();
		try {
			client.initialize();
			assertThat(client.listTools().tools()).isNotEmpty();
			assertThat(client.callTool(new CallToolRequest("list_categories", Map.of())).isError()).isFalse();
		}
		finally {
			client.closeGracefully();
		}
	}

	@Test
	void theProbesOnTheManagementPortNeedNoToken() throws Exception {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.managementPort + "/actuator/health/readiness"))
			.timeout(Duration.ofSeconds(10))
			.build();
		assertThat(HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
	}

	@Test
	void aForeignOriginIsRejectedEvenWithAValidToken() throws Exception {
		String token = token((RSAPrivateKey) ISSUER.getPrivate());
		HttpResponse<String> response = initialize(
				Map.of("Authorization", "Bearer " + token, "Origin", "http://evil.example"));
		assertThat(response.statusCode()).isEqualTo(403);
	}

	private HttpResponse<String> initialize(Map<String, String> headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/mcp"))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json, text/event-stream")
			.POST(HttpRequest.BodyPublishers.ofString(INITIALIZE))
			.timeout(Duration.ofSeconds(30));
		headers.forEach(request::header);
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String token(RSAPrivateKey signingKey) {
		JWTClaimsSet claims = new JWTClaimsSet.Builder().subject("mcp-client")
			.issueTime(new Date())
			.expirationTime(Date.from(Instant.now().plus(Duration.ofHours(1))))
			.build();
		SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
		try {
			jwt.sign(new RSASSASigner(signingKey));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		return jwt.serialize();
	}

	private static KeyPair rsaKeyPair() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
