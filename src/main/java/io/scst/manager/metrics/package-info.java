/**
 * SCST's counters: the snapshot (one walk of the tree, shared by every reader), the JSON
 * statistics ({@code GET /api/v1/stats}), the Prometheus series, the timers of management
 * operations and the framework meters.
 */
@NullMarked
package io.scst.manager.metrics;

import org.jspecify.annotations.NullMarked;
