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
 * A bounded ring buffer of the most recent failed tool and API calls, with their messages redacted.
 * <p>
 * Writers never block each other: each failure takes the next sequence number and its slot, and a slot only ever
 * moves forward in sequence, so a slow writer cannot overwrite a newer entry. Entries are immutable, so readers
 * never see a torn one. Memory is bounded by the capacity.
 */
public class RecentErrors implements CallFailureListener {

	private static final int TOP = 10;

	private final AtomicReferenceArray<Entry> slots;

	private final AtomicLong sequence = new AtomicLong();

	private final MessageRedactor redactor;

	/**
	 * Create a buffer.
	 * @param capacity how many failures it keeps, at least 1
	 * @param redactor what makes failure messages safe to keep
	 */
	public RecentErrors(int capacity, MessageRedactor redactor) {
		SettingChecks.requireAtLeast("capacity", capacity, 1);
		this.slots = new AtomicReferenceArray<>(capacity);
		this.redactor = redactor;
	}

	@Override
	public void onFailure(CallFailure failure) {
		CallFailure redacted = failure.withMessage(this.redactor.redact(failure.message()));
		Entry entry = new Entry(this.sequence.getAndIncrement(), redacted);
		int index = (int) (entry.sequence() % this.slots.length());
		Entry current = this.slots.get(index);
		while ((current == null || current.sequence() < entry.sequence())
				&& !this.slots.compareAndSet(index, current, entry)) {
			current = this.slots.get(index);
		}
	}

	/**
	 * Return how many failures the buffer keeps.
	 * @return the capacity
	 */
	public int capacity() {
		return this.slots.length();
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
		CallFailure last = null;
		for (Entry entry : entries()) {
			last = entry.failure();
			if (!last.time().isBefore(since) && !last.time().isAfter(now)) {
				inWindow.add(last);
			}
		}
		return new RecentErrorsSummary(now, window, inWindow.size(), top(inWindow, CallFailure::name),
				top(inWindow, CallFailure::errorType), last);
	}

	/** Entries in sequence order, oldest first. */
	private List<Entry> entries() {
		List<Entry> entries = new ArrayList<>(this.slots.length());
		for (int i = 0; i < this.slots.length(); i++) {
			Entry entry = this.slots.get(i);
			if (entry != null) {
				entries.add(entry);
			}
		}
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

	private record Entry(long sequence, CallFailure failure) {
	}

}
