package io.scst.manager.device;

import java.util.ArrayList;
import java.util.List;

import io.scst.manager.sysfs.ScstNames;
import io.scst.manager.sysfs.ScstSysfs;
import io.scst.manager.sysfs.model.Scst;

import org.springframework.stereotype.Service;

/**
 * SCST's device handlers ({@code handlers/}), read live: their SCSI type, the creation
 * parameters they accept (parsed from each handler's management help text) and their
 * devices.
 */
@Service
public class HandlerService {

	/** The sentence of a handler's help text that lists its creation parameters. */
	static final String PARAMETERS_SENTENCE = "The following parameters available:";

	private final Scst scst;

	public HandlerService(ScstSysfs sysfs) {
		this.scst = Scst.of(sysfs);
	}

	/**
	 * List every registered handler.
	 * @return the handlers, sorted by name
	 */
	public List<HandlerSummary> list() {
		List<HandlerSummary> handlers = new ArrayList<>();
		for (String handler : this.scst.handlerNames()) {
			handlers.add(new HandlerSummary(handler, type(handler), devices(handler)));
		}
		return handlers;
	}

	/**
	 * Describe one handler.
	 * @param handler the handler name
	 * @return the handler
	 * @throws HandlerNotFoundException when there is no such handler
	 */
	public Handler get(String handler) {
		requireHandler(handler);
		return new Handler(handler, type(handler), parameters(handler), devices(handler));
	}

	/**
	 * The {@code add_device} parameters a handler accepts, as its help text lists them.
	 * @param handler the handler name
	 * @return the parameter names, in the order of the help text (empty when the help
	 * lists none, as for pass-through handlers)
	 * @throws HandlerNotFoundException when there is no such handler
	 */
	public List<String> acceptedParameters(String handler) {
		requireHandler(handler);
		return parameters(handler);
	}

	/**
	 * Check that a handler exists.
	 * @param handler the handler name (checked against SCST's naming rules first)
	 * @throws HandlerNotFoundException when there is no such handler
	 */
	public void requireHandler(String handler) {
		ScstNames.handler("handler", handler);
		if (!this.scst.handler(handler).exists()) {
			throw new HandlerNotFoundException(handler);
		}
	}

	/** The devices of a handler: its links, each named after a device. */
	List<String> devices(String handler) {
		return this.scst.handler(handler).deviceNames();
	}

	private ScsiType type(String handler) {
		return ScsiType.parse(this.scst.handler(handler).type().value());
	}

	private List<String> parameters(String handler) {
		return parseParameters(this.scst.handler(handler).mgmt().value());
	}

	/**
	 * Parse a handler's help text: the names after {@value #PARAMETERS_SENTENCE},
	 * separated by commas.
	 * @param help the content of the handler's {@code mgmt} file
	 * @return the names in their order, or an empty list when the sentence is missing
	 */
	static List<String> parseParameters(String help) {
		for (String line : help.split("\n")) {
			String text = line.strip();
			if (text.startsWith(PARAMETERS_SENTENCE)) {
				List<String> names = new ArrayList<>();
				for (String name : text.substring(PARAMETERS_SENTENCE.length()).split(",")) {
					String trimmed = name.strip();
					if (!trimmed.isEmpty()) {
						names.add(trimmed);
					}
				}
				return names;
			}
		}
		return List.of();
	}

}
