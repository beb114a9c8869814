package io.scst.manager.device;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import io.scst.manager.change.ChangePipeline;
import io.scst.manager.change.Step;
import io.scst.manager.change.Write;
import io.scst.manager.sysfs.AttributeFiles;
import io.scst.manager.sysfs.InvalidNameException;
import io.scst.manager.sysfs.KernelRejectedException;
import io.scst.manager.sysfs.MgmtCommand;
import io.scst.manager.sysfs.ScstNames;
import io.scst.manager.sysfs.ScstSysfs;
import io.scst.manager.sysfs.ScstTree;
import io.scst.manager.sysfs.SysfsException;
import io.scst.manager.sysfs.model.AttributeFile;
import io.scst.manager.sysfs.model.DeviceNode;
import io.scst.manager.sysfs.model.LunAddress;
import io.scst.manager.sysfs.model.Scst;
import io.scst.manager.web.Page;
import io.scst.manager.web.Slice;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * SCST devices ({@code devices/}): list, create with a handler's {@code add_device}, read
 * every attribute, change writable attributes, delete, and resync the size of a grown
 * backing file. Every call reads the tree again; nothing is cached. Requests are checked
 * completely before the first write.
 */
@Service
public class DeviceService {

	/** Devices as API objects: {@code devices/<name>}. */
	private static final String OBJECT = "devices/";

	private final ScstSysfs sysfs;

	private final Scst scst;

	private final HandlerService handlers;

	private final ChangePipeline changes;

	@Autowired
	public DeviceService(ScstSysfs sysfs, HandlerService handlers, ChangePipeline changes) {
		this.sysfs = sysfs;
		this.scst = Scst.of(sysfs);
		this.handlers = handlers;
		this.changes = changes;
	}

	/** A service without a backing-file policy (every file allowed). */
	public DeviceService(ScstSysfs sysfs, HandlerService handlers) {
		this(sysfs, handlers, ChangePipeline.unrestricted(sysfs));
	}

	/**
	 * List devices.
	 * @param handler only the devices of this handler, or {@code null} for all
	 * @return the devices, sorted by name
	 * @throws HandlerNotFoundException when the handler does not exist
	 */
	public List<DeviceSummary> list(@Nullable String handler) {
		return list(handler, Page.all()).items();
	}

	/**
	 * List one page of the devices. Only the devices of the page are read.
	 * @param handler only the devices of this handler, or {@code null} for all
	 * @param page which devices, by name
	 * @return the devices of the page, sorted by name
	 * @throws HandlerNotFoundException when the handler does not exist
	 * @throws InvalidNameException when {@code after} is not a device name
	 */
	public Slice<DeviceSummary> list(@Nullable String handler, Page page) {
		List<String> names;
		if (handler != null) {
			this.handlers.requireHandler(handler);
			names = this.handlers.devices(handler);
		}
		else {
			names = this.scst.deviceNames();
		}
		return page.select(names, Comparator.naturalOrder(), (after) -> ScstNames.device("after", after))
			.mapPresent(this::summary);
	}

	/**
	 * Read a device.
	 * @param name the device name
	 * @return the device with all its attributes and exports
	 * @throws DeviceNotFoundException when there is no such device
	 */
	public Device get(String name) {
		requireDevice(name);
		try {
			DeviceNode device = this.scst.device(name);
			return new Device(name, device.handlerName().orElse(null), device.size().orElse(null), device.attributes(),
					exports(device));
		}
		catch (KernelRejectedException ex) {
			throw vanished(name, ex);
		}
	}

	/**
	 * Create a device with its handler's {@code add_device}. Every parameter must be one
	 * the handler lists in its help text; names and values are checked before anything is
	 * written.
	 * @param request the device
	 * @return the new device
	 * @throws HandlerNotFoundException when the handler does not exist
	 * @throws DeviceAlreadyExistsException when a device of that name exists
	 * @throws InvalidNameException when a name, parameter or value is not acceptable
	 * @throws io.scst.manager.security.BackingFileForbiddenException when the backing
	 * file is outside the backing-file policy
	 */
	public Device create(CreateDeviceRequest request) {
		String name = ScstNames.device("name", request.name());
		String handler = ScstNames.handler("handler", request.handler());
		List<String> accepted = this.handlers.acceptedParameters(handler);
		Map<String, String> parameters = new LinkedHashMap<>();
		if (request.filename() != null) {
			addParameter(parameters, accepted, handler, "filename", ScstTree.FILENAME, request.filename());
		}
		if (request.size() != null) {
			if (request.size() < 0) {
				throw new InvalidNameException("size", "must not be negative");
			}
			addParameter(parameters, accepted, handler, "size", ScstTree.SIZE, Long.toString(request.size()));
		}
		if (request.parameters() != null) {
			for (Map.Entry<String, String> parameter : new TreeMap<>(request.parameters()).entrySet()) {
				String parameterName = ScstNames.parameter("parameters", parameter.getKey());
				String field = "parameters." + parameterName;
				if (parameters.containsKey(parameterName)) {
					throw new InvalidNameException(field, "is given twice (also as the '" + parameterName + "' field)");
				}
				addParameter(parameters, accepted, handler, field, parameterName, parameter.getValue());
			}
		}
		MgmtCommand add = MgmtCommand.addDevice(handler, name, parameters);
		if (this.scst.device(name).present()) {
			throw new DeviceAlreadyExistsException(name);
		}
		this.changes.run(Step.of(Step.CREATE, OBJECT + name, new Write.Mgmt(add)));
		return get(name);
	}

	/**
	 * Write new values to writable attributes of a device, in the order given. All names
	 * and values are checked before the first write; when a write fails, the attributes
	 * already written get their previous values back (as far as SCST lets them) before
	 * the failure is rethrown.
	 * @param name the device name
	 * @param attributes the new values by attribute name
	 * @return the device as it is afterwards
	 * @throws DeviceNotFoundException when there is no such device
	 * @throws InvalidNameException when an attribute does not exist, cannot be written or
	 * a value is not acceptable
	 * @throws io.scst.manager.security.BackingFileForbiddenException when a new
	 * {@code filename} is outside the backing-file policy
	 */
	public Device change(String name, Map<String, String> attributes) {
		requireDevice(name);
		this.changes.run(Step.updates(OBJECT + name,
				AttributeFiles.plan(this.sysfs, ScstTree.device(name), attributes, "device '" + name + "'")));
		return get(name);
	}

	/**
	 * Delete a device with its handler's {@code del_device}. While LUNs export it the
	 * deletion is refused unless {@code force}, which first deletes those LUNs; if a
	 * later step fails, the LUNs already deleted are added again (as far as SCST lets
	 * them) before the failure is rethrown.
	 * @param name the device name
	 * @param force whether to delete the LUNs that export the device first
	 * @throws DeviceNotFoundException when there is no such device
	 * @throws DeviceExportedException when LUNs export the device and {@code force} is
	 * not set
	 */
	public void delete(String name, boolean force) {
		requireDevice(name);
		DeviceNode device = this.scst.device(name);
		String handler = device.handlerName().orElseThrow(() -> new DeviceWithoutHandlerException(name));
		MgmtCommand deleteDevice = MgmtCommand.delDevice(handler, name);
		List<Export> exports = exports(device);
		if (!exports.isEmpty() && !force) {
			throw new DeviceExportedException(name, exports);
		}
		List<Step> steps = new ArrayList<>();
		for (Export export : exports) {
			String lun = "target-drivers/" + export.driver() + "/targets/" + export.target()
					+ ((export.group() != null) ? "/ini-groups/" + export.group() : "") + "/luns/" + export.lun();
			steps.add(Step.of(Step.DELETE, lun,
					new Write.Mgmt(MgmtCommand.delLun(export.driver(), export.target(), export.group(), export.lun())),
					new Write.Mgmt(MgmtCommand.addLun(export.driver(), export.target(), export.group(), export.lun(),
							name, readOnly(export)))));
		}
		steps.add(Step.of(Step.DELETE, OBJECT + name, new Write.Mgmt(deleteDevice)));
		this.changes.run(steps);
	}

	/** Whether a LUN is read-only, as its {@code read_only} file says. */
	private boolean readOnly(Export export) {
		return this.scst.targetDriver(export.driver())
			.target(export.target())
			.lunSet(export.group())
			.lun(export.lun())
			.readOnly();
	}

	/**
	 * Make SCST re-read the size of a device's backing file or block device (after it
	 * grew), so that initiators see the new capacity.
	 * @param name the device name
	 * @return the device with its new size
	 * @throws DeviceNotFoundException when there is no such device
	 * @throws ResyncNotSupportedException when the device's handler has no
	 * {@code resync_size}
	 */
	public Device resyncSize(String name) {
		requireDevice(name);
		DeviceNode device = this.scst.device(name);
		AttributeFile resync = device.attribute(ScstTree.RESYNC_SIZE);
		if (!resync.isFile()) {
			throw new ResyncNotSupportedException(name, device.handlerName().orElse(null));
		}
		this.changes.run(Step.of(Step.UPDATE, OBJECT + name, new Write.Attribute(resync.path(), "1")));
		return get(name);
	}

	private void requireDevice(String name) {
		ScstNames.device("device", name);
		if (!this.scst.device(name).exists()) {
			throw new DeviceNotFoundException(name);
		}
	}

	/**
	 * The summary of a device, or nothing when it disappeared while being read. Each file
	 * is read without a {@code stat} first, and the export links only until the first one
	 * that is not the copy manager's.
	 */
	private Optional<DeviceSummary> summary(String name) {
		DeviceNode device = this.scst.device(name);
		try {
			String handler = device.handlerName().orElse(null);
			if (handler == null && !device.present()) {
				return Optional.empty();
			}
			return Optional.of(new DeviceSummary(name, handler, device.size().orElse(null),
					device.anyExport((export) -> !export.driver().equals(ScstTree.COPY_MANAGER))));
		}
		catch (KernelRejectedException ex) {
			if (!device.present()) {
				return Optional.empty();
			}
			throw ex;
		}
	}

	/** A failure to read a device that is gone by now is a missing device. */
	private RuntimeException vanished(String name, SysfsException ex) {
		return this.scst.device(name).present() ? ex : new DeviceNotFoundException(name);
	}

	/**
	 * The LUNs exporting a device, from its {@code exported/export<N>} links in the order
	 * of {@code N}; the copy manager's LUN is left out.
	 */
	private static List<Export> exports(DeviceNode device) {
		return device.exports()
			.stream()
			.filter((export) -> !export.driver().equals(ScstTree.COPY_MANAGER))
			.map(DeviceService::export)
			.toList();
	}

	private static Export export(LunAddress address) {
		return new Export(address.driver(), address.target(), address.group(), address.lun());
	}

	/**
	 * Parse an export link's target: {@code ../../../targets/<drv>/<tgt>/luns/<lun>} or
	 * {@code ../../../targets/<drv>/<tgt>/ini_groups/<g>/luns/<lun>}.
	 * @param target the relative link target
	 * @return the export, or {@code null} when the target has another shape
	 */
	static @Nullable Export parseExport(String target) {
		LunAddress address = LunAddress.parse(target);
		return (address != null) ? export(address) : null;
	}

	private void addParameter(Map<String, String> parameters, List<String> accepted, String handler, String field,
			String parameter, String value) {
		if (!accepted.contains(parameter)) {
			throw new InvalidNameException(field, "handler " + handler + " does not accept the parameter '" + parameter
					+ "'" + (accepted.isEmpty() ? "" : "; it accepts " + String.join(", ", accepted)));
		}
		ScstNames.value(field, value);
		if (parameter.equals(ScstTree.BLOCKSIZE)) {
			checkBlockSize(field, value);
		}
		parameters.put(parameter, value);
	}

	/**
	 * SCST rounds a block size down to a power of two (and warns in the kernel log);
	 * refuse what it would change instead.
	 */
	private static void checkBlockSize(String field, String value) {
		long blockSize;
		try {
			blockSize = Long.parseLong(value);
		}
		catch (NumberFormatException ex) {
			throw new InvalidNameException(field, "must be a number of bytes");
		}
		if (blockSize < 512 || Long.bitCount(blockSize) != 1) {
			throw new InvalidNameException(field, "must be a power of two of at least 512");
		}
	}

}
