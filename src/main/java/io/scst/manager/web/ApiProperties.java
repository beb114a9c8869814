package io.scst.manager.web;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * HTTP API settings ({@code scst.api.*}).
 *
 * @param listCacheMaxAge how long a list answer may be served again without reading SCST,
 * as long as no write went through this server meanwhile (see {@link ListCache}); 1 s by
 * default, {@code 0s} reads SCST for every request
 */
@ConfigurationProperties("scst.api")
public record ApiProperties(@DefaultValue("1s") Duration listCacheMaxAge) {

	public ApiProperties {
		if (listCacheMaxAge.isNegative()) {
			throw new IllegalArgumentException("scst.api.list-cache-max-age must not be negative");
		}
	}

}
