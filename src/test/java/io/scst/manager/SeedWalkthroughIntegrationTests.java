package io.scst.manager;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scst_local README's walk-through, the "advanced" way, over real HTTP: scst_local
 * loaded with {@code add_default_tgt=0}, a file-backed disk, a target, LUN 0, a session,
 * and the Linux devices the session brings up ({@code lsscsi -g}).
 */
@ServerTest(properties = { "scst.simulator.state=fresh", "scst.simulator.add-default-target=false" })
@Tag("integration")
@AutoConfigureRestTestClient
class SeedWalkthroughIntegrationTests {

	private static final long DISK_SIZE = 64L << 20;

	@TempDir
	static Path dataDir;

	@DynamicPropertySource
	static void simulatorDataDir(DynamicPropertyRegistry registry) {
		registry.add("scst.simulator.data-dir", dataDir::toString);
	}

	@Autowired
	private RestTestClient client;

	@Test
	void walkThroughTheSeedReadme() throws IOException {
		// modprobe scst_local add_default_tgt=0: no target, no session
		this.client.get()
			.uri("/api/v1/target-drivers/scst_local")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.targets.length()")
			.isEqualTo(0)
			.jsonPath("$.moduleParameters.add_default_tgt")
			.isEqualTo("N");

		// echo "add_device vm_disk1 filename=/.../vm_disk1.img"
		// >handlers/vdisk_fileio/mgmt
		Path backing = dataDir.resolve("vm_disk1.img");
		try (RandomAccessFile file = new RandomAccessFile(backing.toFile(), "rw")) {
			file.setLength(DISK_SIZE);
		}
		this.client.post()
			.uri("/api/v1/devices")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", "vm_disk1", "handler", "vdisk_fileio", "filename", backing.toString()))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectHeader()
			.valueMatches(HttpHeaders.LOCATION, "http://localhost:\\d+/api/v1/devices/vm_disk1")
			.expectBody()
			.jsonPath("$.handler")
			.isEqualTo("vdisk_fileio")
			.jsonPath("$.size")
			.isEqualTo(DISK_SIZE)
			.jsonPath("$.attributes.filename.value")
			.isEqualTo(backing.toString());

		// echo "add_target local_tgt1" >targets/scst_local/mgmt
		this.client.post()
			.uri("/api/v1/target-drivers/scst_local/targets")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", "local_tgt1"))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectHeader()
			.valueMatches(HttpHeaders.LOCATION,
					"http://localhost:\\d+/api/v1/target-drivers/scst_local/targets/local_tgt1")
			.expectBody()
			.jsonPath("$.sessions.length()")
			.isEqualTo(0);

		// echo "add vm_disk1 0" >targets/scst_local/local_tgt1/luns/mgmt
		this.client.put()
			.uri("/api/v1/target-drivers/scst_local/targets/local_tgt1/luns/0")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("device", "vm_disk1"))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.device")
			.isEqualTo("vm_disk1")
			.jsonPath("$.readOnly")
			.isEqualTo(false);

		// echo "add_session local_tgt1 host1" >targets/scst_local/mgmt
		this.client.post()
			.uri("/api/v1/target-drivers/scst_local/targets/local_tgt1/sessions")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", "host1"))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectHeader()
			.valueMatches(HttpHeaders.LOCATION,
					"http://localhost:\\d+/api/v1/target-drivers/scst_local/targets/local_tgt1/sessions/host1");

		// lsscsi -g: the session is SCSI host 0 (nothing else exists), LUN 0 is sda/sg0
		this.client.get()
			.uri("/api/v1/target-drivers/scst_local/targets/local_tgt1/sessions/host1")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.initiatorName")
			.isEqualTo("host1")
			.jsonPath("$.group")
			.doesNotExist()
			.jsonPath("$.host")
			.isEqualTo(0)
			.jsonPath("$.transportId.protocol")
			.isEqualTo("SAS")
			.jsonPath("$.luns.length()")
			.isEqualTo(1)
			.jsonPath("$.luns[0].lun")
			.isEqualTo(0)
			.jsonPath("$.luns[0].device")
			.isEqualTo("vm_disk1")
			.jsonPath("$.luns[0].linux.address")
			.isEqualTo("0:0:0:0")
			.jsonPath("$.luns[0].linux.type")
			.isEqualTo("disk")
			.jsonPath("$.luns[0].linux.vendor")
			.isEqualTo("SCST_FIO")
			.jsonPath("$.luns[0].linux.blockDevice")
			.isEqualTo("/dev/sda")
			.jsonPath("$.luns[0].linux.genericDevice")
			.isEqualTo("/dev/sg0");

		// the device knows where it is exported
		this.client.get()
			.uri("/api/v1/devices/vm_disk1")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.exports.length()")
			.isEqualTo(1)
			.jsonPath("$.exports[0].driver")
			.isEqualTo("scst_local")
			.jsonPath("$.exports[0].target")
			.isEqualTo("local_tgt1")
			.jsonPath("$.exports[0].lun")
			.isEqualTo(0);

		// a second identical PUT changes nothing (idempotent)
		this.client.put()
			.uri("/api/v1/target-drivers/scst_local/targets/local_tgt1/luns/0")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("device", "vm_disk1"))
			.exchange()
			.expectStatus()
			.isOk();
	}

}
