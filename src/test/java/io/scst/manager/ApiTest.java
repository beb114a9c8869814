package io.scst.manager;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A MockMvc test of the API over the real services on the demo simulator. Every class
 * with this annotation shares one application context (and so one simulator): tests
 * create objects with names of their own and remove them again.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SimulatorTest(properties = { "scst.simulator.state=demo", "scst.simulator.data-dir=target/api-test-data",
		"scst.security.audit-file=target/api-test-data/audit.log" })
public @interface ApiTest {

}
