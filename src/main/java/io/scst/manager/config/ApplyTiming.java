package io.scst.manager.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

import io.scst.manager.change.ChangePipeline;

/**
 * Where an apply's time went, for its {@code Server-Timing} header: reading the text,
 * planning (which reads the live state the configuration names), the writes, then each of
 * the pipeline's listeners ({@code scan}: waiting for the SCSI midlayer to attach the
 * sessions' new LUNs; {@code save-cache} and {@code saver}: noting what the save must
 * cover). The save itself is reported after them by its own entry.
 *
 * @param phases nanoseconds by phase, in the order they ran
 */
record ApplyTiming(Map<String, Long> phases) {

	ApplyTiming {
		phases = Collections.unmodifiableMap(new LinkedHashMap<>(phases));
	}

	/**
	 * The phases of an apply of an already parsed configuration.
	 * @param planNanos the plan
	 * @param run the pipeline's run
	 * @return the timing
	 */
	static ApplyTiming of(long planNanos, ChangePipeline.Timing run) {
		Map<String, Long> phases = new LinkedHashMap<>();
		phases.put("plan", planNanos);
		phases.put("write", run.writeNanos());
		phases.putAll(run.listenerNanos());
		return new ApplyTiming(phases);
	}

	/**
	 * This timing with the parsing of the text first.
	 * @param parseNanos the parsing
	 * @return the timing
	 */
	ApplyTiming afterParse(long parseNanos) {
		Map<String, Long> phases = new LinkedHashMap<>();
		phases.put("parse", parseNanos);
		phases.putAll(this.phases);
		return new ApplyTiming(phases);
	}

	/**
	 * The {@code Server-Timing} entries, in milliseconds
	 * ({@code parse;dur=0.412, plan;dur=1.020, ...}).
	 * @return the entries, comma-separated
	 */
	String serverTiming() {
		StringJoiner entries = new StringJoiner(", ");
		this.phases.forEach((name, nanos) -> entries.add(String.format(Locale.ROOT, "%s;dur=%.3f", name, nanos / 1e6)));
		return entries.toString();
	}

}
