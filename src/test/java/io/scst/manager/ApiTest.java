package io.scst.manager;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/**
 * A MockMvc test of the API over the real services on the demo simulator. Every class
 * with this annotation shares one application context (and so one simulator): tests
 * create objects with names of their own and remove them again.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(properties = { "scst.sysfs.mode=simulator", "scst.simulator.persist=false", "scst.simulator.state=demo",
		"scst.simulator.data-dir=target/api-test-data", "scst.security.audit-file=target/api-test-data/audit.log" })
@AutoConfigureMockMvc
public @interface ApiTest {

}
