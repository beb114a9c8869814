package io.scst.manager.metrics;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Statistics",
		description = "SCST's counters (the event stream GET /api/v1/events is a servlet of " + "its own, see README)")
class StatsController {

	private final StatsService stats;

	StatsController(StatsService stats) {
		this.stats = stats;
	}

	@GetMapping("/stats")
	@Operation(operationId = "getStats", summary = "Read SCST's counters",
			description = "The snapshot behind the Prometheus metrics: sessions with their I/O counters (bytes), "
					+ "targets, devices, scst_local's stats. Served from a snapshot at most "
					+ "scst.metrics.max-age old.")
	ScstSnapshot stats() {
		return this.stats.snapshot();
	}

}
