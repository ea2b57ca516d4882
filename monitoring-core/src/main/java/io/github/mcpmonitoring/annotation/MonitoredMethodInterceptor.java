package io.github.mcpmonitoring.annotation;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.github.mcpmonitoring.core.ApiCallMetrics;
import io.github.mcpmonitoring.core.DurationText;
import io.github.mcpmonitoring.core.RecordingFailureLog;
import io.github.mcpmonitoring.core.SettingChecks;
import io.github.mcpmonitoring.core.ToolCallMetrics;
import io.github.mcpmonitoring.toolcall.ToolCalls;
import io.github.mcpmonitoring.toolcall.ToolMethod;
import io.github.mcpmonitoring.tracing.ApiCallObservations;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;

import org.springframework.aop.support.AopUtils;
import org.springframework.core.MethodClassKey;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;
import org.springframework.core.annotation.RepeatableContainers;
import org.springframework.util.ClassUtils;
import org.springframework.util.ConcurrentReferenceHashMap;
import org.springframework.util.ReflectionUtils;
import org.springframework.util.StringUtils;

/**
 * Times methods annotated with {@link MonitoredTool @MonitoredTool} or {@link MonitoredApiCall @MonitoredApiCall}
 * and, while tool calls are recorded at the MCP layer, takes the part of tool methods in counting each call once
 * through {@link ToolCalls}: framework tool methods are then handled too, so that the exception they throw becomes
 * the call's {@code error.type}.
 * <p>
 * Annotations are read once per method when the advisor matches it (so invalid thresholds fail at startup) and
 * meters are resolved on the first call, so the success path allocates nothing. The advised call is never affected
 * by a failure to record it. What {@code @MonitoredTool} says about framework tool methods is
 * {@link #registerToolRefinements(Class) registered} when their bean is initialised.
 */
public class MonitoredMethodInterceptor implements MethodInterceptor {

	private final Supplier<ToolCallMetrics> toolMetrics;

	private final Supplier<ApiCallMetrics> apiMetrics;

	private final ToolCalls toolCalls;

	private final Supplier<ApiCallObservations> apiObservations;

	private final boolean toolCallsRecordedByMcpLayer;

	private final boolean frameworkToolExceptionTypes;

	private final long defaultToolSlowThresholdNanos;

	private final long defaultApiSlowThresholdNanos;

	private final RecordingFailureLog failureLog = new RecordingFailureLog();

	private final Map<Method, MethodSpec> specs = new ConcurrentHashMap<>();

	private final Map<Object, MonitoredMethod> monitoredMethods = new ConcurrentHashMap<>();

	private final Set<Class<? extends Annotation>> annotationTypes;

	private final Map<Class<?>, Boolean> candidateClasses = new ConcurrentReferenceHashMap<>();

	/**
	 * Create an interceptor. Metrics are supplied lazily, on the first call of a monitored method, so that creating
	 * the interceptor does not initialise the meter registry early.
	 * @param toolMetrics supplies the tool call metrics
	 * @param apiMetrics supplies the upstream API call metrics
	 * @param toolCalls where tool calls the MCP layer records are counted once, or {@code null} when tool calls are
	 * not recorded at the MCP layer
	 * @param defaultToolSlowThreshold slow-call threshold of tools that do not set one
	 * @param defaultApiSlowThreshold slow-call threshold of APIs that do not set one
	 * @param frameworkToolExceptionTypes whether framework tool methods ({@code @McpTool}, {@code @Tool}) without
	 * {@code @MonitoredTool} are handled too, so that the exception they throw becomes the call's {@code error.type};
	 * when {@code false} their beans are not proxied for it and such calls are recorded as {@code tool_error}
	 */
	public MonitoredMethodInterceptor(Supplier<ToolCallMetrics> toolMetrics, Supplier<ApiCallMetrics> apiMetrics,
			ToolCalls toolCalls, Duration defaultToolSlowThreshold, Duration defaultApiSlowThreshold,
			boolean frameworkToolExceptionTypes) {
		this(toolMetrics, apiMetrics, () -> null, toolCalls, defaultToolSlowThreshold, defaultApiSlowThreshold,
				frameworkToolExceptionTypes);
	}

	/**
	 * Create an interceptor that also makes each call of a synchronous {@code @MonitoredApiCall} method an
	 * observation, a child span of the current one when the application traces. Metrics and observations are
	 * supplied lazily, on the first call of a monitored method.
	 * @param toolMetrics supplies the tool call metrics
	 * @param apiMetrics supplies the upstream API call metrics
	 * @param apiObservations supplies the observations of API calls, or {@code null} when calls are not observed;
	 * asked once per method
	 * @param toolCalls where tool calls the MCP layer records are counted once, or {@code null} when tool calls are
	 * not recorded at the MCP layer
	 * @param defaultToolSlowThreshold slow-call threshold of tools that do not set one
	 * @param defaultApiSlowThreshold slow-call threshold of APIs that do not set one
	 * @param frameworkToolExceptionTypes whether framework tool methods without {@code @MonitoredTool} are handled
	 * too, so that the exception they throw becomes the call's {@code error.type}
	 */
	public MonitoredMethodInterceptor(Supplier<ToolCallMetrics> toolMetrics, Supplier<ApiCallMetrics> apiMetrics,
			Supplier<ApiCallObservations> apiObservations, ToolCalls toolCalls, Duration defaultToolSlowThreshold,
			Duration defaultApiSlowThreshold, boolean frameworkToolExceptionTypes) {
		this.toolMetrics = toolMetrics;
		this.apiMetrics = apiMetrics;
		this.apiObservations = apiObservations;
		this.toolCalls = toolCalls;
		this.toolCallsRecordedByMcpLayer = toolCalls != null;
		this.frameworkToolExceptionTypes = frameworkToolExceptionTypes;
		this.defaultToolSlowThresholdNanos = SettingChecks
			.requireNonNegative("defaultToolSlowThreshold", defaultToolSlowThreshold)
			.toNanos();
		this.defaultApiSlowThresholdNanos = SettingChecks
			.requireNonNegative("defaultApiSlowThreshold", defaultApiSlowThreshold)
			.toNanos();
		this.annotationTypes = annotationTypes(this.toolCallsRecordedByMcpLayer && frameworkToolExceptionTypes);
	}

	@Override
	public Object invoke(MethodInvocation invocation) throws Throwable {
		Object key = cacheKey(invocation);
		MonitoredMethod monitoredMethod = this.monitoredMethods.get(key);
		if (monitoredMethod == null) {
			monitoredMethod = this.monitoredMethods.computeIfAbsent(key, (ignored) -> resolve(invocation));
		}
		return monitoredMethod.invoke(invocation);
	}

	/**
	 * Return what identifies the annotations that apply to a call. A JDK proxy passes the interface method, which
	 * every implementation shares, so the target class is part of the key; the method a CGLIB proxy passes is the
	 * class's own and identifies them alone, without allocating.
	 */
	private static Object cacheKey(MethodInvocation invocation) {
		Method method = invocation.getMethod();
		Object target = invocation.getThis();
		if (!method.getDeclaringClass().isInterface() || target == null) {
			return method;
		}
		return new MethodClassKey(method, target.getClass());
	}

	/**
	 * Tell whether a class has a method this interceptor may handle, looking at it once: the advisor is asked about
	 * every bean of the application, and most have none.
	 * @param targetClass the class of the bean
	 * @return whether a method of the class or of its supertypes carries one of the annotations
	 */
	boolean mayMonitor(Class<?> targetClass) {
		Boolean candidate = this.candidateClasses.get(targetClass);
		if (candidate == null) {
			candidate = hasAnnotatedMethod(targetClass);
			this.candidateClasses.put(targetClass, candidate);
		}
		return candidate;
	}

	private boolean hasAnnotatedMethod(Class<?> targetClass) {
		if (!AnnotationUtils.isCandidateClass(targetClass, this.annotationTypes)) {
			return false;
		}
		List<Class<?>> types = new ArrayList<>(ClassUtils.getAllInterfacesForClassAsSet(targetClass));
		types.add(targetClass);
		for (Class<?> type : types) {
			Method[] methods = ReflectionUtils.getAllDeclaredMethods(type);
			for (Method method : methods) {
				if (isAnnotated(method)) {
					return true;
				}
			}
		}
		return false;
	}

	private boolean isAnnotated(Method method) {
		MergedAnnotations annotations = MergedAnnotations.from(method, SearchStrategy.DIRECT,
				RepeatableContainers.none());
		for (Class<? extends Annotation> type : this.annotationTypes) {
			if (annotations.isPresent(type)) {
				return true;
			}
		}
		return false;
	}

	private static Set<Class<? extends Annotation>> annotationTypes(boolean withFrameworkToolMethods) {
		Set<Class<? extends Annotation>> types = new LinkedHashSet<>(List.of(MonitoredTool.class,
				MonitoredApiCall.class));
		if (withFrameworkToolMethods) {
			types.addAll(FrameworkToolMethods.annotationTypes());
		}
		return types;
	}

	/**
	 * Tell whether calls of a method are handled by this interceptor, reading its annotations once.
	 * @param method the method
	 * @param targetClass the class of the bean
	 * @return whether the method is monitored
	 * @throws IllegalArgumentException if an annotation on the method is invalid
	 */
	boolean isMonitored(Method method, Class<?> targetClass) {
		Method specificMethod = AopUtils.getMostSpecificMethod(method, targetClass);
		return specFor(specificMethod) != MethodSpec.NONE;
	}

	/**
	 * Register with {@link ToolCalls} what {@code @MonitoredTool} annotations say about the framework tool methods of
	 * a class, so that the MCP layer records those tools under it. Called when a bean of the class is initialised,
	 * which is before the tool specifications built from it are instrumented.
	 * @param targetClass the class of the bean
	 * @throws IllegalArgumentException if an annotation on a method is invalid
	 */
	public void registerToolRefinements(Class<?> targetClass) {
		if (this.toolCalls == null || Modifier.isFinal(targetClass.getModifiers()) || !mayMonitor(targetClass)) {
			return;
		}
		for (Method method : ReflectionUtils.getUniqueDeclaredMethods(targetClass,
				ReflectionUtils.USER_DECLARED_METHODS)) {
			MethodSpec spec = specFor(AopUtils.getMostSpecificMethod(method, targetClass));
			if (spec.frameworkToolName() != null) {
				// Registered without an annotation too: the MCP layer then knows the method's calls are seen.
				ToolSpec tool = (spec.tool() != null) ? spec.tool() : ToolSpec.NONE;
				this.toolCalls.refine(spec.frameworkToolName(), tool.refinedName(), tool.slowThresholdNanos());
			}
		}
	}

	private MethodSpec specFor(Method method) {
		MethodSpec spec = this.specs.get(method);
		if (spec == null) {
			// Only monitored methods are kept: the advisor is asked about every method of every bean.
			spec = readSpec(method);
			if (spec != MethodSpec.NONE) {
				this.specs.put(method, spec);
			}
		}
		return spec;
	}

	private MethodSpec readSpec(Method method) {
		String where = method.getDeclaringClass().getName() + "." + method.getName();
		MonitoredApiCall api = AnnotatedElementUtils.findMergedAnnotation(method, MonitoredApiCall.class);
		if (api != null) {
			if (!StringUtils.hasText(api.value())) {
				throw new IllegalArgumentException("@MonitoredApiCall on " + where + " must name the API");
			}
			return MethodSpec.api(api.value(), threshold(api.slowThreshold(), "@MonitoredApiCall on " + where));
		}
		MonitoredTool tool = AnnotatedElementUtils.findMergedAnnotation(method, MonitoredTool.class);
		String frameworkToolName = FrameworkToolMethods.toolName(method);
		ToolSpec toolSpec = (tool != null) ? new ToolSpec(StringUtils.hasText(tool.name()) ? tool.name() : null,
				threshold(tool.slowThreshold(), "@MonitoredTool on " + where)) : null;
		if (toolSpec == null
				&& (frameworkToolName == null || !this.toolCallsRecordedByMcpLayer || !this.frameworkToolExceptionTypes)) {
			return MethodSpec.NONE;
		}
		return new MethodSpec(null, -1, toolSpec, frameworkToolName);
	}

	private static long threshold(String text, String where) {
		return StringUtils.hasText(text) ? DurationText.parse(text, where).toNanos() : -1;
	}

	private MonitoredMethod resolve(MethodInvocation invocation) {
		Method method = invocation.getMethod();
		Object target = invocation.getThis();
		Method specificMethod = (target != null) ? AopUtils.getMostSpecificMethod(method, AopUtils.getTargetClass(target))
				: method;
		try {
			return create(specificMethod, specFor(specificMethod));
		}
		catch (Throwable ex) {
			// An Error too (a linkage error from a mismatched library, a stack overflow in a listener): a failure
			// to record must not replace the monitored call's own outcome.
			this.failureLog.recordingFailed("calls of " + method.getName(), ex);
			return MonitoredMethod.PASS_THROUGH;
		}
	}

	private MonitoredMethod create(Method method, MethodSpec spec) {
		if (spec == MethodSpec.NONE) {
			return MonitoredMethod.PASS_THROUGH;
		}
		if (spec.api() != null) {
			long threshold = (spec.apiSlowThresholdNanos() >= 0) ? spec.apiSlowThresholdNanos()
					: this.defaultApiSlowThresholdNanos;
			MonitoredApiMethod recorded = new MonitoredApiMethod(method, this.apiMetrics.get().recorder(spec.api()),
					threshold);
			ApiCallObservations observations = this.apiObservations.get();
			if (observations == null || !observations.isActive() || recorded.returnKind != ReturnKind.IMMEDIATE) {
				// Without a handler an observation would only cost; calls that complete later are not spans yet.
				return recorded;
			}
			return new ObservedApiMethod(recorded, observations, spec.api());
		}
		ToolSpec tool = (spec.tool() != null) ? spec.tool() : ToolSpec.NONE;
		long threshold = (tool.slowThresholdNanos() >= 0) ? tool.slowThresholdNanos()
				: this.defaultToolSlowThresholdNanos;
		ToolMethod toolMethod = (this.toolCalls != null)
				? this.toolCalls.toolMethod(spec.frameworkToolName(), tool.refinedName(), tool.slowThresholdNanos())
				: null;
		if (spec.tool() == null) {
			// A framework tool method, handled only for the exception it throws.
			return new MonitoredToolMethod(method, toolMethod, null, threshold);
		}
		String name = (tool.refinedName() != null) ? tool.refinedName()
				: (spec.frameworkToolName() != null) ? spec.frameworkToolName() : method.getName();
		return new MonitoredToolMethod(method, toolMethod, this.toolMetrics.get().recorder(name), threshold);
	}

	/** What the annotations of a method say. */
	private record MethodSpec(String api, long apiSlowThresholdNanos, ToolSpec tool, String frameworkToolName) {

		static final MethodSpec NONE = new MethodSpec(null, -1, null, null);

		static MethodSpec api(String api, long slowThresholdNanos) {
			return new MethodSpec(api, slowThresholdNanos, null, null);
		}

	}

	/** What a {@link MonitoredTool @MonitoredTool} annotation says. */
	private record ToolSpec(String refinedName, long slowThresholdNanos) {

		static final ToolSpec NONE = new ToolSpec(null, -1);

	}

}
