/**
 * Observability: Prometheus metrics from SCST's counters (one walk of the tree per
 * snapshot), timers of management operations, health contributors, and the event stream
 * of changes made through the API or behind its back.
 */
@NullMarked
package io.scst.manager.stats;

import org.jspecify.annotations.NullMarked;
