package io.scst.manager.web;

import java.io.IOException;
import java.time.Duration;

import io.scst.manager.sysfs.Errno;
import io.scst.manager.sysfs.KernelRejectedException;
import io.scst.manager.sysfs.KernelRejectedException.Stage;
import io.scst.manager.sysfs.ScstBusyException;
import io.scst.manager.sysfs.ScstNames;
import io.scst.manager.sysfs.ScstPath;
import io.scst.manager.sysfs.ScstUnavailableException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotWritableException;
import org.springframework.test.json.AbstractJsonContentAssert;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResultAssert;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import static io.scst.manager.ProblemAssert.problem;
import static org.assertj.core.api.Assertions.assertThat;

/** Each row of the error mapping, through a controller that throws on request. */
@WebMvcTest(controllers = ApiExceptionHandlerTests.ThrowingController.class)
@ExtendWith(OutputCaptureExtension.class)
@AutoConfigureMockMvc(addFilters = false)
@Import(ApiExceptionHandlerTests.ThrowingController.class)
class ApiExceptionHandlerTests {

	static final ScstPath FILEIO_MGMT = ScstPath.of("handlers", "vdisk_fileio", "mgmt");

	@Autowired
	private MockMvcTester mvc;

	@Test
	void notFoundIs404WithTheObjectKind() {
		AbstractJsonContentAssert<?> json = problem(this.mvc.get().uri("/test/not-found"), 404, "not-found");
		json.extractingPath("$.title").isEqualTo("No such LUN");
		json.extractingPath("$.detail").isEqualTo("LUN 3 is not mapped on target tgt1");
		json.extractingPath("$.object").isEqualTo("lun");
		json.extractingPath("$.instance").isEqualTo("/test/not-found");
	}

	@Test
	void conflictIs409WithTheObjectKind() {
		AbstractJsonContentAssert<?> json = problem(this.mvc.get().uri("/test/conflict"), 409, "conflict");
		json.extractingPath("$.title").isEqualTo("Conflict with the current state");
		json.extractingPath("$.detail").isEqualTo("Device disk1 is in use");
		json.extractingPath("$.object").isEqualTo("device");
	}

	@Test
	void kernelRejectionIs422WithErrnoPathAndCommand() {
		AbstractJsonContentAssert<?> json = problem(this.mvc.get().uri("/test/kernel-rejected"), 422,
				"kernel-rejected");
		json.extractingPath("$.title").isEqualTo("The kernel rejected the operation");
		json.extractingPath("$.errno").isEqualTo("EINVAL");
		json.extractingPath("$.errnoCode").isEqualTo(22);
		json.extractingPath("$.path").isEqualTo("handlers/vdisk_fileio/mgmt");
		json.extractingPath("$.command").isEqualTo("add_device disk1 filename=/nonexistent");
		json.extractingPath("$.detail").asString().contains("EINVAL");
	}

	@Test
	void kernelRejectionCarriesLastSysfsMgmtResWhenRead() {
		AbstractJsonContentAssert<?> json = problem(this.mvc.get().uri("/test/kernel-rejected-with-result"), 422,
				"kernel-rejected");
		json.extractingPath("$.errno").isEqualTo("EEXIST");
		json.extractingPath("$.lastSysfsMgmtRes").isEqualTo(-17);
	}

	@Test
	void invalidNameIs400NamingTheField() {
		AbstractJsonContentAssert<?> json = problem(this.mvc.get().uri("/test/invalid-name"), 400, "invalid-request");
		json.extractingPath("$.errors[0].field").isEqualTo("name");
		json.extractingPath("$.errors[0].message").asString().contains("characters SCST would split");
		json.extractingPath("$.errors.length()").isEqualTo(1);
	}

	@Test
	void failedPreconditionIs412WithTheCurrentTag() {
		AbstractJsonContentAssert<?> json = problem(this.mvc.get().uri("/test/precondition"), 412,
				"precondition-failed");
		json.extractingPath("$.currentEtag").isEqualTo("\"abc\"");
	}

	@Test
	void busyIs503WithRetryAfter() {
		MvcTestResultAssert result = assertThat(this.mvc.get().uri("/test/busy"));
		result.hasHeader(HttpHeaders.RETRY_AFTER, "1");
		AbstractJsonContentAssert<?> json = problem(this.mvc.get().uri("/test/busy"), 503, "busy");
		json.extractingPath("$.title").isEqualTo("SCST is busy");
		json.extractingPath("$.path").isEqualTo("handlers/vdisk_fileio/mgmt");
		json.extractingPath("$.command").isEqualTo("del_device disk1");
	}

	@Test
	void unavailableIs503WithoutRetryAfter() {
		assertThat(this.mvc.get().uri("/test/unavailable")).doesNotContainHeader(HttpHeaders.RETRY_AFTER);
		AbstractJsonContentAssert<?> json = problem(this.mvc.get().uri("/test/unavailable"), 503, "scst-unavailable");
		json.extractingPath("$.title").isEqualTo("SCST is not available");
		json.extractingPath("$.detail").isEqualTo("The SCST sysfs tree is not there");
	}

	@Test
	void invalidBodyIs400WithEachInvalidField() {
		AbstractJsonContentAssert<?> json = problem(this.mvc.post()
			.uri("/test/validated")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": \" \", \"lun\": -1}"), 400, "invalid-request");
		json.extractingPath("$.title").isEqualTo("Invalid request");
		json.extractingPath("$.errors").asArray().hasSize(2);
		json.extractingPath("$.errors[?(@.field == 'name')].message").asArray().containsExactly("must not be blank");
		json.extractingPath("$.errors[?(@.field == 'lun')].message")
			.asArray()
			.containsExactly("must be greater than or equal to 0");
	}

	@Test
	void invalidPathVariableIs400NamingTheParameter() {
		AbstractJsonContentAssert<?> json = problem(this.mvc.get().uri("/test/luns/-1"), 400, "invalid-request");
		json.extractingPath("$.errors[0].field").isEqualTo("lun");
		json.extractingPath("$.errors[0].message").isEqualTo("must be greater than or equal to 0");
	}

	@Test
	void pathVariableOfTheWrongTypeIs400() {
		problem(this.mvc.get().uri("/test/luns/three"), 400, "invalid-request").extractingPath("$.title")
			.isEqualTo("Invalid request");
	}

	@Test
	void unreadableBodyIs400() {
		problem(this.mvc.post().uri("/test/validated").contentType(MediaType.APPLICATION_JSON).content("{\"name\":"),
				400, "invalid-request");
	}

	@Test
	void illegalArgumentIs400WithItsMessage() {
		problem(this.mvc.get().uri("/test/illegal-argument"), 400, "invalid-request").extractingPath("$.detail")
			.isEqualTo("Invalid sysfs entry name: '..'");
	}

	@Test
	void unexpectedFailureIs500AndRevealsNothing() {
		AbstractJsonContentAssert<?> json = problem(this.mvc.get().uri("/test/unexpected"), 500, "internal");
		json.extractingPath("$.title").isEqualTo("Internal server error");
		json.extractingPath("$.detail").asString().doesNotContain("secret").doesNotContain("IllegalStateException");
		json.doesNotHavePath("$.trace");
		json.doesNotHavePath("$.exception");
		json.doesNotHavePath("$.message");
	}

	@Test
	void aClientThatWentAwayIsNotAServerFailure(CapturedOutput output) {
		this.mvc.get().uri("/test/client-gone").exchange();
		assertThat(output).doesNotContain("Unexpected failure").doesNotContain("Broken pipe");
		problem(this.mvc.get().uri("/test/not-writable"), 500, "internal");
		assertThat(output).contains("Unexpected failure for uri=/test/not-writable");
	}

	@Test
	void unknownPathIs404() {
		problem(this.mvc.get().uri("/test/nowhere/else"), 404, "not-found");
	}

	@Test
	void titlesAreNeverClassNames() {
		for (String uri : new String[] { "/test/not-found", "/test/conflict", "/test/kernel-rejected", "/test/busy",
				"/test/unavailable", "/test/illegal-argument", "/test/unexpected" }) {
			assertThat(this.mvc.get().uri(uri)).bodyJson()
				.extractingPath("$.title")
				.asString()
				.doesNotContain("Exception")
				.doesNotContain(".");
		}
	}

	record CreateRequest(@NotBlank String name, @Min(0) int lun) {

	}

	static class LunNotFoundException extends NotFoundException {

		LunNotFoundException(int lun, String target) {
			super("lun", "No such LUN", "LUN " + lun + " is not mapped on target " + target);
		}

	}

	static class DeviceInUseException extends ConflictException {

		DeviceInUseException(String device) {
			super("device", "Device " + device + " is in use");
		}

	}

	@RestController
	@RequestMapping("/test")
	static class ThrowingController {

		@GetMapping("/client-gone")
		void clientGone() {
			throw new HttpMessageNotWritableException("Could not write JSON: ServletOutputStream failed to write",
					new IOException("Broken pipe"));
		}

		@GetMapping("/not-writable")
		void notWritable() {
			throw new HttpMessageNotWritableException("Could not write JSON: no serializer");
		}

		@GetMapping("/not-found")
		void notFound() {
			throw new LunNotFoundException(3, "tgt1");
		}

		@GetMapping("/conflict")
		void conflict() {
			throw new DeviceInUseException("disk1");
		}

		@GetMapping("/kernel-rejected")
		void kernelRejected() {
			throw new KernelRejectedException(Errno.EINVAL, Stage.WRITE, FILEIO_MGMT,
					"add_device disk1 filename=/nonexistent");
		}

		@GetMapping("/kernel-rejected-with-result")
		void kernelRejectedWithResult() {
			throw new KernelRejectedException(Errno.EEXIST, Stage.WRITE, FILEIO_MGMT, "add_device disk1", -17);
		}

		@GetMapping("/invalid-name")
		void invalidName() {
			ScstNames.device("name", "two words");
		}

		@GetMapping("/precondition")
		void precondition() {
			throw new PreconditionFailedException("changed", "\"abc\"");
		}

		@GetMapping("/busy")
		void busy() {
			throw new ScstBusyException(FILEIO_MGMT, "del_device disk1", Duration.ofSeconds(10));
		}

		@GetMapping("/unavailable")
		void unavailable() {
			throw new ScstUnavailableException("The SCST sysfs tree is not there", ScstPath.ROOT, null);
		}

		@PostMapping("/validated")
		void validated(@Valid @RequestBody CreateRequest request) {
		}

		@GetMapping("/luns/{lun}")
		int lun(@PathVariable @Min(0) int lun) {
			return lun;
		}

		@GetMapping("/illegal-argument")
		void illegalArgument() {
			ScstPath.of("handlers", "..");
		}

		@GetMapping("/unexpected")
		void unexpected() {
			throw new IllegalStateException("secret internal detail");
		}

	}

}
