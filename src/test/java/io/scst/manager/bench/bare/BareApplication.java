package io.scst.manager.bench.bare;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/**
 * The startup floor: a Spring Boot application with no code of its own, started on the
 * same classpath (so with the same starters and auto-configuration) as the server. Only
 * ever started as a child process by {@code ProcessBenchmark}. Deliberately not a
 * {@code @SpringBootApplication} (a configuration class under {@code io.scst.manager}
 * would be picked up by the server's component scan): {@code @EnableAutoConfiguration}
 * alone is not a component, and there is nothing of its own to scan.
 */
@EnableAutoConfiguration
public class BareApplication {

	public static void main(String[] args) {
		SpringApplication.run(BareApplication.class, args);
	}

}
