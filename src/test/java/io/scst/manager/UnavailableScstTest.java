package io.scst.manager;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/**
 * The whole application with MockMvc in kernel mode where no SCST tree exists (SCST not
 * loaded), anonymous callers admin on loopback. The classes with this annotation share
 * one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(properties = { "scst.sysfs.mode=kernel", "scst.sysfs.root=target/no-such-scst-tree",
		"scst.security.allow-anonymous-on-loopback=true",
		"scst.security.audit-file=target/unavailable-test/audit.log" })
@AutoConfigureMockMvc
public @interface UnavailableScstTest {

}
