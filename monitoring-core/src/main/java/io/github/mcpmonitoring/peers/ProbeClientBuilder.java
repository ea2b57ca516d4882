package io.github.mcpmonitoring.peers;

import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.Executor;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * Hands a client the MCP transports build to the transport, instead of a new one per probe: a JDK {@link HttpClient}
 * owns a selector thread until it is garbage collected, so one per probe would grow the threads of the application
 * with every probe. The settings the transports apply are those of the client already built, so they are ignored.
 */
final class ProbeClientBuilder implements HttpClient.Builder {

	private final HttpClient client;

	ProbeClientBuilder(HttpClient client) {
		this.client = client;
	}

	@Override
	public HttpClient.Builder cookieHandler(CookieHandler cookieHandler) {
		return this;
	}

	@Override
	public HttpClient.Builder connectTimeout(Duration duration) {
		return this;
	}

	@Override
	public HttpClient.Builder sslContext(SSLContext sslContext) {
		return this;
	}

	@Override
	public HttpClient.Builder sslParameters(SSLParameters sslParameters) {
		return this;
	}

	@Override
	public HttpClient.Builder executor(Executor executor) {
		return this;
	}

	@Override
	public HttpClient.Builder followRedirects(HttpClient.Redirect policy) {
		return this;
	}

	@Override
	public HttpClient.Builder version(HttpClient.Version version) {
		return this;
	}

	@Override
	public HttpClient.Builder priority(int priority) {
		return this;
	}

	@Override
	public HttpClient.Builder proxy(ProxySelector proxySelector) {
		return this;
	}

	@Override
	public HttpClient.Builder authenticator(Authenticator authenticator) {
		return this;
	}

	@Override
	public HttpClient build() {
		return this.client;
	}

}
