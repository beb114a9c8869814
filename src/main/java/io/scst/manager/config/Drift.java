package io.scst.manager.config;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * How the live configuration differs from the saved one.
 *
 * @param savedFile the saved configuration's file
 * @param inSync whether there is no difference
 * @param differences the differences, by object and attribute
 */
@Schema(description = "Differences between the live SCST configuration and the saved one")
public record Drift(String savedFile, boolean inSync, List<Difference> differences) {

	public Drift {
		differences = List.copyOf(differences);
	}

	/**
	 * One difference. An object present on one side only has no attribute.
	 *
	 * @param object the object, named like its API resource
	 * @param attribute the attribute, or {@code null} for the object as a whole
	 * @param live the live value ({@code present} for an object), or {@code null} when
	 * the live state lacks it
	 * @param saved the saved value, or {@code null} when the saved state lacks it
	 */
	@Schema(description = "One difference; an object present on one side only has no attribute")
	public record Difference(@Schema(example = "devices/disk1") String object,
			@Schema(example = "nv_cache") @Nullable String attribute, @Schema(example = "1") @Nullable String live,
			@Schema(example = "0") @Nullable String saved) {

	}

}
