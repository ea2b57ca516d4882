package io.github.mcpmonitoring.errors;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.github.mcpmonitoring.core.CallFailure;
import io.github.mcpmonitoring.failures.FailureClass;
import org.junit.jupiter.api.Test;

import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link RecentErrors}.
 */
class RecentErrorsTests {

	private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

	private static final Duration HOUR = Duration.ofHours(1);

	private static final int WRITERS = 8;

	private static final int FAILURES_PER_WRITER = 10_000;

	private final RecentErrors errors = new RecentErrors(1000, new MessageRedactor(List.of("s3cr3t"), 200));

	@Test
	void keepsTheMostRecentFailuresFirst() {
		RecentErrors small = new RecentErrors(3, new MessageRedactor(List.of(), 200));
		for (int i = 1; i <= 5; i++) {
			small.onFailure(failure(NOW, "tool-" + i, "IOException", null));
		}
		assertThat(small.latest(10)).extracting(CallFailure::name).containsExactly("tool-5", "tool-4", "tool-3");
		assertThat(small.latest(2)).extracting(CallFailure::name).containsExactly("tool-5", "tool-4");
		assertThat(small.totalCount()).isEqualTo(5);
		assertThat(small.capacity()).isEqualTo(3);
	}

	@Test
	void keepsEveryFailureOfConcurrentWritersExactlyOnceWhenTheCapacitySuffices() throws Exception {
		RecentErrors large = new RecentErrors(WRITERS * FAILURES_PER_WRITER, new MessageRedactor(List.of(), 200));
		assertThat(writeConcurrently(large)).as("seen by a concurrent reader").isEmpty();
		List<CallFailure> kept = large.latest(Integer.MAX_VALUE);
		assertThat(kept).hasSize(WRITERS * FAILURES_PER_WRITER);
		Set<String> distinct = new HashSet<>();
		kept.forEach((failure) -> {
			assertNotTorn(failure);
			distinct.add(failure.message());
		});
		assertThat(distinct).hasSize(WRITERS * FAILURES_PER_WRITER);
		for (int writer = 0; writer < WRITERS; writer++) {
			assertThat(indexesOf(kept, writer)).as("writer %d, most recent first", writer)
				.hasSize(FAILURES_PER_WRITER)
				.isSortedAccordingTo((a, b) -> Integer.compare(b, a));
		}
		assertThat(large.totalCount()).isEqualTo(WRITERS * FAILURES_PER_WRITER);
	}

	@Test
	void keepsTheMostRecentFailuresOfConcurrentWritersWithinTheCapacity() throws Exception {
		assertKeepsTheMostRecent(this.errors);
	}

	@Test
	void keepsTheMostRecentFailuresOfConcurrentWritersThatWrapASmallBufferOften() throws Exception {
		assertKeepsTheMostRecent(new RecentErrors(16, new MessageRedactor(List.of(), 200)));
	}

	@Test
	void aWriterLateWithAnOlderSequenceDoesNotOverwriteANewerEntry() {
		RecentErrors small = new RecentErrors(2, new MessageRedactor(List.of(), 200));
		for (int i = 0; i <= 2; i++) {
			small.onFailure(failure(NOW, "call-" + i, "E", null));
		}
		// Position 2 took slot 0 over from position 0; a writer that took position 0 only now reaches the slot.
		Object ring = ReflectionTestUtils.getField(small, "failures");
		AtomicLong position = (AtomicLong) ReflectionTestUtils.getField(ring, "position");
		position.set(0);
		small.onFailure(failure(NOW, "late", "E", null));
		assertThat(small.latest(10)).extracting(CallFailure::name).containsExactly("call-2", "call-1");
	}

	@Test
	void clientMistakesAreKeptApartAndCannotPushTheServersFailuresOut() {
		RecentErrors small = new RecentErrors(2, new MessageRedactor(List.of(), 200));
		small.onFailure(failure(NOW, "server-1", "KalturaApiException", null));
		small.onFailure(failure(NOW, "server-2", "KalturaApiException", null));
		for (int i = 0; i < 100; i++) {
			small.onFailure(new CallFailure(NOW, CallFailure.TOOL, "client-" + i, "IllegalArgumentException",
					"Invalid entry_id '403'", FailureClass.CLIENT_MISTAKE));
		}
		RecentErrorsSummary summary = small.summarize(NOW, Duration.ofMinutes(1));
		assertThat(summary.count()).isEqualTo(2);
		assertThat(summary.byName()).containsOnlyKeys("server-1", "server-2");
		assertThat(summary.clientErrors()).isEqualTo(2);
		assertThat(summary.last().name()).isEqualTo("client-99");
		assertThat(summary.last().clientError()).isTrue();
		assertThat(small.latest(10)).extracting(CallFailure::name)
			.containsExactly("client-99", "client-98", "server-2", "server-1");
	}

	private static void assertKeepsTheMostRecent(RecentErrors errors) throws Exception {
		List<String> problems = writeConcurrently(errors);
		assertThat(problems).as("seen by a concurrent reader").isEmpty();
		List<CallFailure> kept = errors.latest(Integer.MAX_VALUE);
		assertThat(kept).hasSize(errors.capacity());
		kept.forEach(RecentErrorsTests::assertNotTorn);
		assertThat(errors.totalCount()).isEqualTo(WRITERS * FAILURES_PER_WRITER);
		for (int writer = 0; writer < WRITERS; writer++) {
			List<Integer> indexes = indexesOf(kept, writer);
			// Each writer writes in order, so what is kept of it is the tail of what it wrote, newest first.
			if (!indexes.isEmpty()) {
				int newest = FAILURES_PER_WRITER - 1;
				int oldest = newest - indexes.size() + 1;
				List<Integer> tail = new ArrayList<>();
				for (int i = newest; i >= oldest; i--) {
					tail.add(i);
				}
				assertThat(indexes).as("writer %d", writer).isEqualTo(tail);
			}
		}
	}

	@Test
	void redactsMessagesOnTheWayIn() {
		this.errors.onFailure(failure(NOW, "kaltura.session.start", "IOException", "login with s3cr3t refused"));
		this.errors.onFailure(failure(NOW, "kaltura.media.get", "IOException", null));
		assertThat(this.errors.latest(2)).extracting(CallFailure::message).containsExactly(null,
				"login with [redacted] refused");
	}

	@Test
	void summaryCountsFailuresFromTheStartToTheEndOfTheWindow() {
		this.errors.onFailure(failure(NOW.minus(HOUR).minusMillis(1), "too-old", "E", null));
		this.errors.onFailure(failure(NOW.minus(HOUR), "window-start", "E", null));
		this.errors.onFailure(failure(NOW, "window-end", "E", null));
		this.errors.onFailure(failure(NOW.plusMillis(1), "future", "E", null));
		RecentErrorsSummary summary = this.errors.summarize(NOW, HOUR);
		assertThat(summary.count()).isEqualTo(2);
		assertThat(summary.byName()).containsOnlyKeys("window-start", "window-end");
		assertThat(summary.computedAt()).isEqualTo(NOW);
		assertThat(summary.window()).isEqualTo(HOUR);
	}

	@Test
	void failuresAgeOutOfTheWindowWithTime() {
		this.errors.onFailure(failure(NOW, "kaltura.media.get", "IOException", "timeout"));
		assertThat(this.errors.summarize(NOW.plus(HOUR), HOUR).count()).isEqualTo(1);
		RecentErrorsSummary later = this.errors.summarize(NOW.plus(HOUR).plusMillis(1), HOUR);
		assertThat(later.count()).isZero();
		assertThat(later.byName()).isEmpty();
		assertThat(later.byErrorType()).isEmpty();
		assertThat(later.last()).as("last, even outside the window").isNotNull();
		assertThat(later.last().message()).isEqualTo("timeout");
	}

	@Test
	void summaryOfNoFailures() {
		RecentErrorsSummary summary = this.errors.summarize(NOW, HOUR);
		assertThat(summary.count()).isZero();
		assertThat(summary.byName()).isEmpty();
		assertThat(summary.byErrorType()).isEmpty();
		assertThat(summary.last()).isNull();
	}

	@Test
	void summaryKeepsTheTenMostFrequentNamesAndErrorTypesMostFirst() {
		// name-01 fails once, name-02 twice, ... name-12 twelve times; ties on error types are broken by name.
		for (int name = 1; name <= 12; name++) {
			for (int i = 0; i < name; i++) {
				String errorType = (name <= 2) ? "Rare" + name : "Common" + (char) ('A' + (name % 2));
				this.errors.onFailure(failure(NOW, String.format("name-%02d", name), errorType, null));
			}
		}
		RecentErrorsSummary summary = this.errors.summarize(NOW, HOUR);
		assertThat(summary.count()).isEqualTo(78);
		assertThat(summary.byName()).hasSize(10);
		assertThat(new ArrayList<>(summary.byName().keySet())).containsExactly("name-12", "name-11", "name-10",
				"name-09", "name-08", "name-07", "name-06", "name-05", "name-04", "name-03");
		assertThat(summary.byName()).containsEntry("name-12", 12).containsEntry("name-03", 3);
		// CommonA: 4+6+8+10+12 = 40, CommonB: 3+5+7+9+11 = 35
		assertThat(new ArrayList<>(summary.byErrorType().entrySet())).containsExactly(Map.entry("CommonA", 40),
				Map.entry("CommonB", 35), Map.entry("Rare2", 2), Map.entry("Rare1", 1));
	}

	@Test
	void summaryBreaksTiesByName() {
		this.errors.onFailure(failure(NOW, "b", "E", null));
		this.errors.onFailure(failure(NOW, "c", "E", null));
		this.errors.onFailure(failure(NOW, "a", "E", null));
		assertThat(new ArrayList<>(this.errors.summarize(NOW, HOUR).byName().keySet())).containsExactly("a", "b",
				"c");
	}

	@Test
	void lastIsTheMostRecentlyRecordedFailure() {
		this.errors.onFailure(failure(NOW.minusSeconds(10), "first", "IOException", null));
		this.errors.onFailure(failure(NOW.minusSeconds(5), "second", "TimeoutException", "slow"));
		CallFailure last = this.errors.summarize(NOW, HOUR).last();
		assertThat(last.name()).isEqualTo("second");
		assertThat(last.errorType()).isEqualTo("TimeoutException");
		assertThat(last.time()).isEqualTo(NOW.minusSeconds(5));
		assertThat(last.kind()).isEqualTo(CallFailure.API);
	}

	@Test
	void rejectsACapacityBelowOne() {
		MessageRedactor redactor = new MessageRedactor(List.of(), 200);
		assertThatIllegalArgumentException().isThrownBy(() -> new RecentErrors(0, redactor))
			.withMessageContaining("capacity");
	}

	/**
	 * Write {@link #FAILURES_PER_WRITER} failures from each of {@link #WRITERS} threads at once, while a reader checks
	 * that it never sees more than the capacity nor a torn entry.
	 * @return what the reader saw wrong
	 */
	private static List<String> writeConcurrently(RecentErrors errors) throws Exception {
		ExecutorService executor = Executors.newFixedThreadPool(WRITERS + 1);
		try {
			CountDownLatch start = new CountDownLatch(1);
			AtomicBoolean writing = new AtomicBoolean(true);
			List<Future<?>> writers = new ArrayList<>();
			for (int writer = 0; writer < WRITERS; writer++) {
				int id = writer;
				writers.add(executor.submit(() -> {
					start.await();
					for (int i = 0; i < FAILURES_PER_WRITER; i++) {
						errors.onFailure(failure(NOW.plusMillis(i), "writer-" + id, "E" + id, id + ":" + i));
					}
					return null;
				}));
			}
			Future<List<String>> reader = executor.submit(() -> {
				List<String> problems = new ArrayList<>();
				start.await();
				while (writing.get() && problems.isEmpty()) {
					List<CallFailure> seen = errors.latest(Integer.MAX_VALUE);
					if (seen.size() > errors.capacity()) {
						problems.add("saw " + seen.size() + " entries");
					}
					seen.stream()
						.filter((failure) -> !isWhole(failure))
						.forEach((failure) -> problems.add("torn " + failure));
				}
				return problems;
			});
			start.countDown();
			for (Future<?> writer : writers) {
				writer.get(20, TimeUnit.SECONDS);
			}
			writing.set(false);
			return reader.get(20, TimeUnit.SECONDS);
		}
		finally {
			executor.shutdownNow();
		}
	}

	private static CallFailure failure(Instant time, String name, String errorType, String message) {
		return new CallFailure(time, CallFailure.API, name, errorType, message);
	}

	private static void assertNotTorn(CallFailure failure) {
		assertThat(isWhole(failure)).as("whole entry: %s", failure).isTrue();
	}

	/** Whether the parts of a failure written by {@link #writeConcurrently} belong together. */
	private static boolean isWhole(CallFailure failure) {
		String[] message = failure.message().split(":");
		int writer = Integer.parseInt(message[0]);
		int index = Integer.parseInt(message[1]);
		return failure.name().equals("writer-" + writer) && failure.errorType().equals("E" + writer)
				&& failure.time().equals(NOW.plusMillis(index)) && CallFailure.API.equals(failure.kind());
	}

	private static List<Integer> indexesOf(List<CallFailure> failures, int writer) {
		List<Integer> indexes = new ArrayList<>();
		for (CallFailure failure : failures) {
			String[] message = failure.message().split(":");
			if (Integer.parseInt(message[0]) == writer) {
				indexes.add(Integer.parseInt(message[1]));
			}
		}
		return indexes;
	}

}
