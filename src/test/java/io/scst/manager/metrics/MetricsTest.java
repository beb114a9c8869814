package io.scst.manager.metrics;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.scst.manager.SimulatorTest;

import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;

/**
 * The whole application on the demo simulator with metrics exported, every scrape a new
 * walk ({@code max-age=0}) and the watcher off. Classes with this annotation share one
 * context: use object names of your own and remove them again.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SimulatorTest(properties = { "scst.simulator.state=demo", "scst.simulator.data-dir=target/metrics-test-data",
		"scst.metrics.max-age=0", "scst.metrics.watch-period=0" })
@AutoConfigureMetrics
@interface MetricsTest {

}
