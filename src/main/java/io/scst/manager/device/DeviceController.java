package io.scst.manager.device;

import java.net.URI;
import java.util.List;

import io.scst.manager.web.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.annotations.ParameterObject;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * SCST devices: list, create, read, change, delete, resync size.
 */
@RestController
@RequestMapping("/api/v1/devices")
@Tag(name = "Devices", description = "SCST devices: create with a handler, read and change attributes, delete, "
		+ "resync the size of a grown backing file")
class DeviceController {

	private final DeviceService service;

	DeviceController(DeviceService service) {
		this.service = service;
	}

	@GetMapping
	@Operation(operationId = "listDevices", summary = "List devices",
			description = "Every device, or only those of one handler, with its handler, size and whether a target "
					+ "or initiator group exports it; sorted by name, in pages with limit and after.")
	ResponseEntity<List<DeviceSummary>> list(
			@Parameter(description = "Only the devices of this handler",
					example = "vdisk_fileio") @RequestParam(required = false) @Nullable String handler,
			@Valid @ParameterObject Page page) {
		return this.service.list(handler, page).response();
	}

	@PostMapping
	@Operation(operationId = "createDevice", summary = "Create a device",
			description = "Runs the handler's add_device with the given parameters. Every parameter must be one the "
					+ "handler accepts (see GET /api/v1/handlers/{handler}); names and values are checked before "
					+ "anything is written. A name already in use answers 409 without writing; the kernel's refusal "
					+ "(missing backing file, relative path) answers 422.")
	@ApiResponse(responseCode = "201", description = "Created; the Location header names it",
			useReturnTypeSchema = true)
	ResponseEntity<Device> create(@RequestBody CreateDeviceRequest request) {
		Device device = this.service.create(request);
		URI location = ServletUriComponentsBuilder.fromCurrentRequest()
			.path("/{device}")
			.buildAndExpand(device.name())
			.toUri();
		return ResponseEntity.created(location).body(device);
	}

	@GetMapping("/{device}")
	@Operation(operationId = "getDevice", summary = "Describe a device",
			description = "Every readable attribute of the device with its value, whether SCST marks it as "
					+ "non-default ([key]) and whether it can be changed, and the LUNs that export the device.")
	Device get(@PathVariable String device) {
		return this.service.get(device);
	}

	@PatchMapping("/{device}")
	@Operation(operationId = "updateDevice", summary = "Change device attributes",
			description = "Writes the given writable attributes in the order given. All names and values are checked "
					+ "first (400 with nothing written); if SCST rejects a later write, the attributes already "
					+ "written get their previous values back before the error is returned.")
	Device change(@PathVariable String device, @Valid @RequestBody ChangeDeviceRequest request) {
		return this.service.change(device, request.attributes());
	}

	@DeleteMapping("/{device}")
	@Operation(operationId = "deleteDevice", summary = "Delete a device",
			description = "Runs the handler's del_device. While LUNs export the device the request is refused with "
					+ "409 unless force=true, which first deletes those LUNs.")
	@ApiResponse(responseCode = "204", description = "Done")
	ResponseEntity<Void> delete(@PathVariable String device,
			@Parameter(description = "Delete the LUNs that export the device first") @RequestParam(
					defaultValue = "false") boolean force) {
		this.service.delete(device, force);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/{device}/resync-size")
	@Operation(operationId = "resyncDeviceSize", summary = "Resynchronise the device size",
			description = "Makes SCST re-read the size of the device's backing file or block device after it grew, "
					+ "so that initiators see the new capacity. Only handlers with a backing file support this "
					+ "(409 otherwise).")
	Device resyncSize(@PathVariable String device) {
		return this.service.resyncSize(device);
	}

}
