package io.github.mcpmonitoring.sample.demo;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers {@code /api_v3/service/{service}/action/{action}} the way Kaltura does (JSON, errors with HTTP 200) for
 * the services the sample uses: {@code media.list/get}, {@code category.list}, {@code session.start/get} and
 * {@code system.ping}.
 */
final class DemoApiHandler implements HttpHandler {

	private static final Logger logger = LoggerFactory.getLogger(DemoApiHandler.class);

	private static final Pattern PATH = Pattern.compile("/api_v3/service/([a-zA-Z_]+)/action/([a-zA-Z]+)/?");

	private static final int DEFAULT_PAGE_SIZE = 30;

	private static final int MAX_PAGE_SIZE = 500;

	private final DemoCatalog catalog;

	private final DemoSessions sessions;

	private final Supplier<DemoFaults> faults;

	private final ObjectMapper mapper;

	private final AtomicLong calls = new AtomicLong();

	DemoApiHandler(DemoCatalog catalog, DemoSessions sessions, Supplier<DemoFaults> faults, ObjectMapper mapper) {
		this.catalog = catalog;
		this.sessions = sessions;
		this.faults = faults;
		this.mapper = mapper;
	}

	long callCount() {
		return this.calls.get();
	}

	void revokeSessions() {
		this.sessions.revokeAll();
	}

	@Override
	public void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			Matcher matcher = PATH.matcher(exchange.getRequestURI().getPath());
			if (!matcher.matches()) {
				exchange.sendResponseHeaders(404, -1);
				return;
			}
			this.calls.incrementAndGet();
			this.faults.get().delay();
			respond(exchange, answer(matcher.group(1), matcher.group(2), exchange));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private JsonNode answer(String service, String action, HttpExchange exchange) {
		try {
			return route(service, action, DemoRequest.read(exchange, this.mapper));
		}
		catch (DemoApiError ex) {
			return ex.toJson();
		}
		catch (IOException | RuntimeException ex) {
			logger.debug("Demo Kaltura backend could not answer {}.{}", service, action, ex);
			return new DemoApiError("INTERNAL_SERVER_ERROR", "Internal server error occurred").toJson();
		}
	}

	private JsonNode route(String service, String action, DemoRequest request) throws DemoApiError {
		return switch (service + "." + action) {
			case "system.ping" -> BooleanNode.TRUE;
			case "session.start" -> new TextNode(startSession(request));
			case "session.get" -> sessionInfo(request);
			case "media.list" -> listMedia(dataCall(request));
			case "media.get" -> getMedia(dataCall(request));
			case "category.list" -> listCategories(dataCall(request));
			default -> throw unknown(service, action);
		};
	}

	private String startSession(DemoRequest request) throws DemoApiError {
		return this.sessions.start(request.requireText("secret"), request.integer(-1, "partnerId"),
				request.integer(0, "type"), (request.text("userId") != null) ? request.text("userId") : "",
				request.integer(86400, "expiry"), (request.text("privileges") != null) ? request.text("privileges")
						: "");
	}

	private JsonNode sessionInfo(DemoRequest request) throws DemoApiError {
		this.sessions.check(request.text("ks"));
		String described = (request.text("session") != null) ? request.text("session") : request.text("ks");
		DemoSessions.DemoSession session = this.sessions.check(described);
		ObjectNode info = this.mapper.createObjectNode();
		info.put("ks", described);
		info.put("sessionType", session.type());
		info.put("partnerId", session.partnerId());
		info.put("userId", session.userId());
		info.put("expiry", session.expiry());
		info.put("privileges", session.privileges());
		info.put("objectType", "KalturaSessionInfo");
		return info;
	}

	// Faults apply to data calls only, so that sessions keep working while errors are injected.
	private DemoRequest dataCall(DemoRequest request) throws DemoApiError {
		this.sessions.check(request.text("ks"));
		if (this.faults.get().failNextDataCall()) {
			throw new DemoApiError("INTERNAL_SERVER_ERROR", "Internal server error occurred");
		}
		return request;
	}

	private JsonNode listMedia(DemoRequest request) throws DemoApiError {
		List<ObjectNode> matches = this.catalog.findEntries(request.text("filter", "freeText"),
				request.text("filter", "searchTextMatchOr"));
		return page(matches, request, "KalturaMediaListResponse");
	}

	private JsonNode getMedia(DemoRequest request) throws DemoApiError {
		String entryId = request.requireText("entryId");
		return this.catalog.entry(entryId)
			.orElseThrow(() -> new DemoApiError("ENTRY_ID_NOT_FOUND", "Entry id \"" + entryId + "\" not found"));
	}

	private JsonNode listCategories(DemoRequest request) throws DemoApiError {
		return page(this.catalog.findCategories(request.text("filter", "freeText")), request,
				"KalturaCategoryListResponse");
	}

	private JsonNode page(List<ObjectNode> matches, DemoRequest request, String objectType) throws DemoApiError {
		int pageSize = Math.max(1, Math.min(MAX_PAGE_SIZE, request.integer(DEFAULT_PAGE_SIZE, "pager", "pageSize")));
		int pageIndex = Math.max(1, request.integer(1, "pager", "pageIndex"));
		ObjectNode response = this.mapper.createObjectNode();
		ArrayNode objects = response.putArray("objects");
		matches.stream().skip((long) (pageIndex - 1) * pageSize).limit(pageSize).forEach(objects::add);
		response.put("totalCount", matches.size());
		response.put("objectType", objectType);
		return response;
	}

	private static DemoApiError unknown(String service, String action) {
		return switch (service) {
			case "system", "session", "media", "category" -> new DemoApiError("ACTION_DOES_NOT_EXISTS",
					"Action \"" + action + "\" does not exist for service \"" + service + "\"");
			default -> new DemoApiError("SERVICE_DOES_NOT_EXISTS", "Service \"" + service + "\" does not exist");
		};
	}

	private void respond(HttpExchange exchange, JsonNode body) throws IOException {
		byte[] bytes = this.mapper.writeValueAsBytes(body);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(200, bytes.length);
		try (OutputStream output = exchange.getResponseBody()) {
			output.write(bytes);
		}
	}

}
