package io.scst.manager.config;

import java.nio.file.Path;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The saved desired state, bound from {@code scst.config.*}.
 *
 * @param path where the saved configuration (scst.conf format) is kept;
 * {@code data/scst-desired.conf} relative to the working directory by default
 * @param backups how many earlier versions are kept next to it ({@code <path>.1} newest
 * to {@code <path>.<n>} oldest); 0 to 100, 5 by default
 * @param saveOnChange whether every successful change through the API saves the live
 * configuration; {@code true} by default
 * @param restoreOnStart whether the saved configuration is applied to SCST when the
 * server starts (without removing anything); {@code false} by default
 */
@ConfigurationProperties("scst.config")
@Validated
public record ConfigProperties(@NotNull @DefaultValue("data/scst-desired.conf") Path path,
		@Min(0) @Max(100) @DefaultValue("5") int backups, @DefaultValue("true") boolean saveOnChange,
		@DefaultValue("false") boolean restoreOnStart) {

}
