package io.github.mcpmonitoring.annotation;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.springframework.util.ClassUtils;

/**
 * How the result of a monitored method tells that the call is over: on return, or when the returned
 * {@link CompletionStage} or Reactor publisher completes. A publisher does its work when it is subscribed to, so each
 * subscription is a call of its own, timed from the subscription.
 */
enum ReturnKind {

	/** The call is over when the method returns. */
	IMMEDIATE {
		@Override
		Object onCompletion(Object result, Completion started, Supplier<Completion> onSubscription) {
			started.completed(result, null);
			return result;
		}
	},

	/** The call is over when the returned {@link CompletionStage} completes. */
	COMPLETION_STAGE {
		@Override
		Object onCompletion(Object result, Completion started, Supplier<Completion> onSubscription) {
			if (result == null) {
				started.completed(null, null);
				return null;
			}
			// A dependent stage: the caller gets the original stage back, unchanged.
			((CompletionStage<?>) result).whenComplete((value, failure) -> started.completed(value, unwrap(failure)));
			return result;
		}
	},

	/**
	 * Each subscription to the returned Reactor {@code Mono} or {@code Flux} is a call, over when it terminates or is
	 * cancelled.
	 */
	PUBLISHER {
		@Override
		Object onCompletion(Object result, Completion started, Supplier<Completion> onSubscription) {
			if (result == null) {
				started.completed(null, null);
				return null;
			}
			return ReactorResults.onEachSubscription(result, onSubscription);
		}
	};

	private static final boolean REACTOR_PRESENT = ClassUtils.isPresent("reactor.core.publisher.Mono",
			ReturnKind.class.getClassLoader());

	/**
	 * Arrange for the call to be recorded when it is over.
	 * @param result what the method returned
	 * @param started what to tell when the call timed from before the method was called is over; not used for the
	 * subscriptions to a publisher
	 * @param onSubscription starts timing one subscription to a returned publisher and returns what to tell when it
	 * is over
	 * @return what to return to the caller in place of the result
	 */
	abstract Object onCompletion(Object result, Completion started, Supplier<Completion> onSubscription);

	/**
	 * Return how calls of a method with a given return type are over.
	 * @param returnType the declared return type
	 * @return the return kind; a subclass of {@code Mono} or {@code Flux} is left as it is, because the caller
	 * expects that type back
	 */
	static ReturnKind of(Class<?> returnType) {
		if (CompletionStage.class.isAssignableFrom(returnType)) {
			return COMPLETION_STAGE;
		}
		if (REACTOR_PRESENT && ReactorResults.isPublisher(returnType)) {
			return PUBLISHER;
		}
		return IMMEDIATE;
	}

	private static Throwable unwrap(Throwable failure) {
		return (failure instanceof CompletionException && failure.getCause() != null) ? failure.getCause() : failure;
	}

	/** Told once when a call is over. */
	@FunctionalInterface
	interface Completion {

		/**
		 * The call is over.
		 * @param value the value the call produced, if any
		 * @param failure the failure, or {@code null} on success
		 */
		void completed(Object value, Throwable failure);

	}

	/** Loaded only when Reactor is present. */
	private static final class ReactorResults {

		static boolean isPublisher(Class<?> type) {
			return type == reactor.core.publisher.Mono.class || type == reactor.core.publisher.Flux.class;
		}

		static Object onEachSubscription(Object result, Supplier<Completion> onSubscription) {
			if (result instanceof reactor.core.publisher.Mono<?> mono) {
				return reactor.core.publisher.Mono
					.defer(() -> observed(mono, new OnceCompletion(onSubscription.get())));
			}
			reactor.core.publisher.Flux<?> flux = (reactor.core.publisher.Flux<?>) result;
			return reactor.core.publisher.Flux.defer(() -> observed(flux, new OnceCompletion(onSubscription.get())));
		}

		private static reactor.core.publisher.Mono<?> observed(reactor.core.publisher.Mono<?> mono,
				Completion completion) {
			return mono.doOnSuccess((value) -> completion.completed(value, null))
				.doOnError((failure) -> completion.completed(null, failure))
				.doOnCancel(() -> completion.completed(null, new CancellationException()));
		}

		private static reactor.core.publisher.Flux<?> observed(reactor.core.publisher.Flux<?> flux,
				Completion completion) {
			return flux.doOnComplete(() -> completion.completed(null, null))
				.doOnError((failure) -> completion.completed(null, failure))
				.doOnCancel(() -> completion.completed(null, new CancellationException()));
		}

	}

	/**
	 * Passes on the first signal of one subscription only: a subscriber may cancel after the publisher completed,
	 * and Reactor then still runs the cancel hook.
	 */
	private static final class OnceCompletion extends AtomicBoolean implements Completion {

		private final Completion completion;

		OnceCompletion(Completion completion) {
			this.completion = completion;
		}

		@Override
		public void completed(Object value, Throwable failure) {
			if (compareAndSet(false, true)) {
				this.completion.completed(value, failure);
			}
		}

	}

}
