package io.github.mcpmonitoring.errors;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;
import java.util.function.Supplier;

import io.github.mcpmonitoring.core.CallFailure;
import io.github.mcpmonitoring.core.CallFailureListener;
import io.github.mcpmonitoring.core.SettingChecks;

/**
 * A bounded ring buffer of the most recent failed tool and API calls, with their messages redacted. Client mistakes
 * are kept and shown too, marked as such, but summarised apart from the other failures.
 * <p>
 * Writers never block each other: each failure takes the next sequence number and the next slot of its ring, and a
 * slot only ever moves forward, so a slow writer cannot overwrite a newer entry. Entries are immutable, so readers
 * never see a torn one. Memory is bounded by twice the capacity.
 */
public class RecentErrors implements CallFailureListener {

	private static final int TOP = 10;

	private final Ring failures;

	/** Client mistakes have a ring of their own, so that a client cannot push the server's failures out. */
	private final Ring clientMistakes;

	private final AtomicLong sequence = new AtomicLong();

	private final MessageRedactor redactor;

	/**
	 * Create a buffer.
	 * @param capacity how many failures it keeps, at least 1; as many client mistakes are kept apart
	 * @param redactor what makes failure messages safe to keep
	 */
	public RecentErrors(int capacity, MessageRedactor redactor) {
		SettingChecks.requireAtLeast("capacity", capacity, 1);
		this.failures = new Ring(capacity);
		this.clientMistakes = new Ring(capacity);
		this.redactor = redactor;
	}

	@Override
	public void onFailure(CallFailure failure) {
		CallFailure redacted = failure.withMessage(this.redactor.redact(failure.message()));
		(failure.clientError() ? this.clientMistakes : this.failures).add(this.sequence.getAndIncrement(), redacted);
	}

	/**
	 * Return how many failures the buffer keeps, client mistakes apart.
	 * @return the capacity
	 */
	public int capacity() {
		return this.failures.slots.length();
	}

	/**
	 * Return how many failures were recorded since the start, including those no longer kept.
	 * @return the total number of failures
	 */
	public long totalCount() {
		return this.sequence.get();
	}

	/**
	 * Return the failures kept, most recent first.
	 * @param limit the maximum number to return
	 * @return the most recent failures
	 */
	public List<CallFailure> latest(int limit) {
		List<Entry> entries = entries();
		List<CallFailure> latest = new ArrayList<>(Math.min(limit, entries.size()));
		for (int i = entries.size() - 1; i >= 0 && latest.size() < limit; i--) {
			latest.add(entries.get(i).failure());
		}
		return latest;
	}

	/**
	 * Return what summarises the failures inside a window that ends when it is called.
	 * @param window the length of the window, positive
	 * @param clock the clock that tells when the window ends
	 * @return the summaries
	 */
	public Supplier<RecentErrorsSummary> summaries(Duration window, Clock clock) {
		SettingChecks.requirePositive("window", window);
		return () -> summarize(clock.instant(), window);
	}

	/**
	 * Summarise the failures inside a window ending now.
	 * @param now the end of the window
	 * @param window the length of the window
	 * @return the summary
	 */
	public RecentErrorsSummary summarize(Instant now, Duration window) {
		Instant since = now.minus(window);
		List<CallFailure> inWindow = new ArrayList<>();
		int clientErrors = 0;
		CallFailure last = null;
		for (Entry entry : entries()) {
			last = entry.failure();
			if (!last.time().isBefore(since) && !last.time().isAfter(now)) {
				if (last.clientError()) {
					clientErrors++;
				}
				else {
					inWindow.add(last);
				}
			}
		}
		return new RecentErrorsSummary(now, window, inWindow.size(), top(inWindow, CallFailure::name),
				top(inWindow, CallFailure::errorType), last, clientErrors);
	}

	/** Entries of both rings in sequence order, oldest first. */
	private List<Entry> entries() {
		List<Entry> entries = new ArrayList<>(2 * capacity());
		this.failures.addTo(entries);
		this.clientMistakes.addTo(entries);
		entries.sort(Comparator.comparingLong(Entry::sequence));
		return entries;
	}

	private static Map<String, Integer> top(List<CallFailure> failures, Function<CallFailure, String> key) {
		Map<String, Integer> counts = new HashMap<>();
		for (CallFailure failure : failures) {
			counts.merge(key.apply(failure), 1, Integer::sum);
		}
		Map<String, Integer> top = new LinkedHashMap<>();
		counts.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
			.limit(TOP)
			.forEach((count) -> top.put(count.getKey(), count.getValue()));
		return top;
	}

	private record Entry(long sequence, long position, CallFailure failure) {
	}

	/**
	 * Slots written in turn: each failure takes the ring's next position, and a slot only ever moves forward, so
	 * that a slow writer cannot overwrite a newer entry.
	 */
	private static final class Ring {

		private final AtomicReferenceArray<Entry> slots;

		private final AtomicLong position = new AtomicLong();

		Ring(int capacity) {
			this.slots = new AtomicReferenceArray<>(capacity);
		}

		void add(long sequence, CallFailure failure) {
			Entry entry = new Entry(sequence, this.position.getAndIncrement(), failure);
			int index = (int) (entry.position() % this.slots.length());
			Entry current = this.slots.get(index);
			while ((current == null || current.position() < entry.position())
					&& !this.slots.compareAndSet(index, current, entry)) {
				current = this.slots.get(index);
			}
		}

		void addTo(List<Entry> entries) {
			for (int i = 0; i < this.slots.length(); i++) {
				Entry entry = this.slots.get(i);
				if (entry != null) {
					entries.add(entry);
				}
			}
		}

	}

}
