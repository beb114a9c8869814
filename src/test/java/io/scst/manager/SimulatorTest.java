package io.scst.manager;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

/**
 * The whole application with MockMvc over a simulator that keeps nothing (no journal):
 * the property setup every MockMvc test of the application shares. A class adds its own
 * properties with {@link #properties()} (for example {@code scst.simulator.state=fresh}).
 * Every context gets a data directory of its own ({@link FreshDataDirectory}).
 * {@link ApiTest} is the shared context on the demo state most API tests use.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest
@TestPropertySource(properties = { "scst.sysfs.mode=simulator", "scst.simulator.persist=false" })
@ContextConfiguration(initializers = FreshDataDirectory.class)
@AutoConfigureMockMvc
public @interface SimulatorTest {

	/**
	 * Properties of this test on top of the simulator's.
	 * @return {@code key=value} pairs
	 */
	@AliasFor(annotation = SpringBootTest.class, attribute = "properties")
	String[] properties() default {};

}
