package io.github.mcpmonitoring.sample.kaltura;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.mcpmonitoring.annotation.MonitoredApiCall;
import io.github.mcpmonitoring.sample.kaltura.KalturaTransportException.Reason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Calls the Kaltura REST API ({@code POST /api_v3/service/{service}/action/{action}}) with JSON requests and
 * responses, and turns Kaltura errors and transport failures into {@link KalturaException}s.
 * <p>
 * What Kaltura sends is not trusted: error codes and messages and the user id of a session pass through
 * {@link UpstreamText} (the call's secret and KS removed, control characters replaced, length capped), and media URLs
 * through {@link SessionFreeUrls}, before anything else sees them.
 * <p>
 * Each public method is one API call, so that the monitoring starter's advisor can time it; the class must stay
 * proxyable (public, non-final methods) and its methods must not call each other.
 */
public class KalturaClient {

	private static final Logger logger = LoggerFactory.getLogger(KalturaClient.class);

	// A mapper of our own: the wire format is fixed by Kaltura, not by the application's Jackson settings.
	private static final ObjectMapper MAPPER = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.serializationInclusion(JsonInclude.Include.NON_NULL)
		.build();

	private static final JavaType MEDIA_LIST = MAPPER.getTypeFactory()
		.constructParametricType(KalturaList.class, MediaEntry.class);

	private static final JavaType CATEGORY_LIST = MAPPER.getTypeFactory()
		.constructParametricType(KalturaList.class, Category.class);

	private final RestClient restClient;

	private final String adminSecret;

	/**
	 * Creates a client for one Kaltura service.
	 * @param restClientBuilder builder to start from (cloned, not modified)
	 * @param serviceUrl Kaltura service URL, such as {@code https://www.kaltura.com}
	 * @param adminSecret the partner's admin secret, removed from every error Kaltura sends back; {@code null} if
	 * the client is never given it
	 * @param connectTimeout maximum time to establish a connection
	 * @param readTimeout maximum time to wait for a response
	 */
	public KalturaClient(RestClient.Builder restClientBuilder, URI serviceUrl, String adminSecret,
			Duration connectTimeout, Duration readTimeout) {
		this.adminSecret = adminSecret;
		this.restClient = restClientBuilder.clone()
			.baseUrl(withoutTrailingSlash(serviceUrl.toString()))
			.requestFactory(requestFactory(connectTimeout, readTimeout))
			.build();
	}

	/**
	 * Lists media entries ({@code media.list}), newest first.
	 * @param ks the session to call with
	 * @param filter what to list
	 * @return one page of entries
	 */
	@MonitoredApiCall("kaltura.media.list")
	public KalturaList<MediaEntry> listMedia(KalturaSessionKey ks, MediaFilter filter) {
		Map<String, Object> kalturaFilter = kalturaObject("KalturaMediaEntryFilter");
		kalturaFilter.put("freeText", filter.freeText());
		kalturaFilter.put("searchTextMatchOr", filter.searchTextMatchOr());
		kalturaFilter.put("orderBy", "-createdAt");
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("filter", kalturaFilter);
		params.put("pager", pager(filter.pageSize()));
		KalturaList<MediaEntry> page = convert("media.list", call("media", "list", ks, params), MEDIA_LIST);
		return new KalturaList<>(sessionFree(page.objects(), ks), page.totalCount());
	}

	/**
	 * Reads one media entry ({@code media.get}).
	 * @param ks the session to call with
	 * @param entryId the entry id
	 * @return the entry
	 * @throws KalturaApiException with {@code ENTRY_ID_NOT_FOUND} when there is no such entry
	 */
	@MonitoredApiCall("kaltura.media.get")
	public MediaEntry getMedia(KalturaSessionKey ks, String entryId) {
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("entryId", entryId);
		MediaEntry entry = convert("media.get", call("media", "get", ks, params),
				MAPPER.constructType(MediaEntry.class));
		return SessionFreeUrls.of(entry, hiddenValues(ks));
	}

	/**
	 * Lists categories ({@code category.list}).
	 * @param ks the session to call with
	 * @param filter what to list
	 * @return one page of categories
	 */
	@MonitoredApiCall("kaltura.category.list")
	public KalturaList<Category> listCategories(KalturaSessionKey ks, CategoryFilter filter) {
		Map<String, Object> kalturaFilter = kalturaObject("KalturaCategoryFilter");
		kalturaFilter.put("freeText", filter.freeText());
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("filter", kalturaFilter);
		params.put("pager", pager(filter.pageSize()));
		return convert("category.list", call("category", "list", ks, params), CATEGORY_LIST);
	}

	/**
	 * Starts a session ({@code session.start}).
	 * @param secret the partner's secret (admin secret for an admin session)
	 * @param userId the user to start the session for
	 * @param type the session type
	 * @param partnerId the partner id
	 * @param expiry requested lifetime; Kaltura may shorten it
	 * @param privileges privileges string, may be empty
	 * @return the new session
	 */
	@MonitoredApiCall("kaltura.session.start")
	public KalturaSessionKey startSession(String secret, String userId, KalturaSessionType type, int partnerId,
			Duration expiry, String privileges) {
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("secret", secret);
		params.put("userId", userId);
		params.put("type", type.code());
		params.put("partnerId", partnerId);
		params.put("expiry", expiry.toSeconds());
		params.put("privileges", privileges);
		JsonNode result = call("session", "start", null, params, secret);
		if (!result.isTextual() || result.asText().isEmpty()) {
			throw new KalturaTransportException("session.start", Reason.INVALID_RESPONSE, "expected a KS string",
					null);
		}
		return new KalturaSessionKey(result.asText());
	}

	/**
	 * Describes a session ({@code session.get}).
	 * @param ks the session to describe, also used to make the call
	 * @return what Kaltura knows about the session
	 * @throws KalturaApiException with {@code INVALID_KS} when the session is expired or revoked
	 */
	@MonitoredApiCall("kaltura.session.get")
	public SessionInfo getSession(KalturaSessionKey ks) {
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("session", ks.value());
		SessionInfo info = convert("session.get", call("session", "get", ks, params),
				MAPPER.constructType(SessionInfo.class));
		UpstreamText text = new UpstreamText(hiddenValues(ks));
		return new SessionInfo(info.partnerId(), text.message(info.userId()), info.expiry(), info.sessionType(),
				text.message(info.privileges()));
	}

	/**
	 * Checks that the service answers ({@code system.ping}); needs no session.
	 * @return whether Kaltura answered {@code true}
	 */
	@MonitoredApiCall("kaltura.system.ping")
	public boolean ping() {
		return call("system", "ping", null, new LinkedHashMap<>()).asBoolean(false);
	}

	private JsonNode call(String service, String action, KalturaSessionKey ks, Map<String, Object> params,
			String... secrets) {
		String api = service + "." + action;
		if (ks != null) {
			params.put("ks", ks.value());
		}
		params.put("format", 1);
		JsonNode result = parse(api, post(api, service, action, params));
		if (isApiException(result)) {
			UpstreamText text = new UpstreamText(hiddenValues(ks, with(secrets, this.adminSecret)));
			throw new KalturaApiException(api, text.code(result.path("code").asText("UNKNOWN")),
					text.message(result.path("message").asText("")));
		}
		return result;
	}

	private byte[] post(String api, String service, String action, Map<String, Object> params) {
		try {
			HttpResult result = this.restClient.post()
				.uri("/api_v3/service/{service}/action/{action}?format=1", service, action)
				.contentType(MediaType.APPLICATION_JSON)
				.accept(MediaType.APPLICATION_JSON)
				.body(MAPPER.writeValueAsBytes(params))
				.exchange((request, response) -> new HttpResult(response.getStatusCode().value(),
						response.getBody().readAllBytes()));
			if (result.status() < 200 || result.status() > 299) {
				throw new KalturaTransportException(api, Reason.HTTP_ERROR, "HTTP status " + result.status(), null);
			}
			return result.body();
		}
		catch (IOException ex) {
			throw new KalturaTransportException(api, Reason.INVALID_RESPONSE, "request could not be written", ex);
		}
		catch (ResourceAccessException ex) {
			throw transportFailure(api, ex);
		}
		catch (RestClientException ex) {
			throw new KalturaTransportException(api, Reason.CONNECTION_FAILED, ex.getClass().getSimpleName(), ex);
		}
	}

	private static KalturaTransportException transportFailure(String api, ResourceAccessException ex) {
		Reason reason = isTimeout(ex) ? Reason.TIMEOUT : Reason.CONNECTION_FAILED;
		Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
		// The cause's own message may repeat the request URL: harmless (no KS in it) but noisy, so name the type.
		String detail = (cause instanceof ConnectException) ? "connection refused or unreachable"
				: cause.getClass().getSimpleName();
		logger.debug("Kaltura call {} failed: {}", api, reason);
		return new KalturaTransportException(api, reason, detail, ex);
	}

	private static boolean isTimeout(Throwable ex) {
		for (Throwable current = ex; current != null; current = current.getCause()) {
			if (current instanceof HttpTimeoutException || current instanceof SocketTimeoutException) {
				return true;
			}
		}
		return false;
	}

	private static JsonNode parse(String api, byte[] body) {
		try {
			JsonNode node = MAPPER.readTree(body);
			if (node == null || node.isMissingNode()) {
				throw new KalturaTransportException(api, Reason.INVALID_RESPONSE, "empty body", null);
			}
			return node;
		}
		catch (IOException ex) {
			throw new KalturaTransportException(api, Reason.INVALID_RESPONSE, "body is not JSON", ex);
		}
	}

	private static <T> T convert(String api, JsonNode node, JavaType type) {
		try {
			return MAPPER.convertValue(node, type);
		}
		catch (IllegalArgumentException ex) {
			throw new KalturaTransportException(api, Reason.INVALID_RESPONSE, "unexpected " + type.getRawClass()
				.getSimpleName() + " shape", ex);
		}
	}

	private static boolean isApiException(JsonNode node) {
		return node.isObject() && "KalturaAPIException".equals(node.path("objectType").asText());
	}

	private static String[] with(String[] values, String value) {
		String[] all = Arrays.copyOf(values, values.length + 1);
		all[values.length] = value;
		return all;
	}

	// Each value as it is and URL-encoded, as it would appear in a query string an error message quotes. Kaltura
	// quotes the offending KS in INVALID_KS messages and may echo what a request sent: never pass either on.
	static List<String> hiddenValues(KalturaSessionKey ks, String... secrets) {
		List<String> values = new ArrayList<>(Arrays.asList(secrets));
		if (ks != null) {
			values.add(ks.value());
		}
		List<String> hidden = new ArrayList<>();
		for (String value : values) {
			if (value != null && !value.isEmpty()) {
				hidden.add(value);
				String encoded = URLEncoder.encode(value, StandardCharsets.UTF_8);
				if (!encoded.equals(value)) {
					hidden.add(encoded);
				}
			}
		}
		return hidden;
	}

	private static List<MediaEntry> sessionFree(List<MediaEntry> entries, KalturaSessionKey ks) {
		List<String> hidden = hiddenValues(ks);
		return entries.stream().map((entry) -> SessionFreeUrls.of(entry, hidden)).toList();
	}

	private static Map<String, Object> kalturaObject(String objectType) {
		Map<String, Object> object = new LinkedHashMap<>();
		object.put("objectType", objectType);
		return object;
	}

	private static Map<String, Object> pager(int pageSize) {
		Map<String, Object> pager = kalturaObject("KalturaFilterPager");
		pager.put("pageSize", pageSize);
		pager.put("pageIndex", 1);
		return pager;
	}

	private static JdkClientHttpRequestFactory requestFactory(Duration connectTimeout, Duration readTimeout) {
		HttpClient httpClient = HttpClient.newBuilder()
			.connectTimeout(connectTimeout)
			.version(HttpClient.Version.HTTP_1_1)
			.build();
		JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(httpClient);
		factory.setReadTimeout(readTimeout);
		return factory;
	}

	private static String withoutTrailingSlash(String url) {
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

	private record HttpResult(int status, byte[] body) {
	}

}
