package io.scst.manager;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

/**
 * The server on a random port over a simulator that keeps nothing (no journal), for tests
 * that need real HTTP (a client, a socket, TLS, chunked bodies, server-sent events). Such
 * a test also carries its tier's tag, {@code integration} (or {@code browser}): those run
 * with {@code ./mvnw verify -Pall}, not in the default build (see docs/testing.md). Every
 * context gets a data directory of its own ({@link FreshDataDirectory}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = { "scst.sysfs.mode=simulator", "scst.simulator.persist=false" })
@ContextConfiguration(initializers = FreshDataDirectory.class)
public @interface ServerTest {

	/**
	 * Properties of this test on top of the simulator's.
	 * @return {@code key=value} pairs
	 */
	@AliasFor(annotation = SpringBootTest.class, attribute = "properties")
	String[] properties() default {};

}
