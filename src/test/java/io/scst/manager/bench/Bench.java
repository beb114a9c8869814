package io.scst.manager.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.scst.manager.ScstManagerApplication;
import io.scst.manager.sysfs.ScstPath;
import io.scst.manager.sysfs.ScstSysfs;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** Helpers shared by the benchmarks: servers, HTTP, medians, recorded reads. */
final class Bench {

	private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private Bench() {
	}

	/**
	 * Start the application in this JVM on a random loopback port on a fresh simulator
	 * (no default target, no journal) with the constant endpoint, metrics and lists not
	 * cached and the tree watcher off, every file it writes under {@code dir}.
	 */
	static ConfigurableApplicationContext startServer(Path dir, String... more) {
		SpringApplication application = new SpringApplication(ScstManagerApplication.class);
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--server.address=127.0.0.1",
				"--scst.sysfs.mode=simulator", "--scst.simulator.state=fresh",
				"--scst.simulator.add-default-target=false", "--scst.simulator.persist=false",
				"--scst.simulator.data-dir=" + dir.resolve("data"),
				"--scst.config.path=" + dir.resolve("scst-desired.conf"),
				"--scst.security.audit-file=" + dir.resolve("audit.log"), "--scst.metrics.max-age=0s",
				"--scst.metrics.watch-period=0s", "--scst.api.list-cache-max-age=0s",
				"--scst.metrics.max-targets=100000", "--scst.metrics.max-sessions=100000",
				"--scst.metrics.max-devices=100000", "--scst.bench.constant=true", "--logging.level.root=WARN"));
		for (String arg : more) {
			// a property given again replaces the default above (not a second value)
			String key = arg.substring(0, arg.indexOf('=') + 1);
			args.removeIf((existing) -> existing.startsWith(key));
			args.add(arg);
		}
		return application.run(args.toArray(String[]::new));
	}

	static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	/** GET a URL, return the body (fails unless 200). */
	static byte[] get(String url, String accept) {
		return send(HttpRequest.newBuilder(URI.create(url)).header("Accept", accept).GET().build());
	}

	static byte[] send(HttpRequest request) {
		return exchange(request).body();
	}

	/** Send a request, return the response (fails unless 200). */
	static HttpResponse<byte[]> exchange(HttpRequest request) {
		try {
			HttpResponse<byte[]> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
			if (response.statusCode() != 200) {
				throw new IllegalStateException(request.method() + " " + request.uri() + " answered "
						+ response.statusCode() + ": " + new String(response.body()));
			}
			return response;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static double median(List<Double> values) {
		double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
		Arrays.sort(sorted);
		int n = sorted.length;
		return (n % 2 == 1) ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
	}

	/** Spread of a sample as (max - min) / median, in percent. */
	static double spread(List<Double> values) {
		double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
		double min = values.stream().mapToDouble(Double::doubleValue).min().orElse(0);
		return 100 * (max - min) / median(values);
	}

	static String summary(String name, List<Double> values, String unit) {
		StringBuilder all = new StringBuilder();
		for (double v : values) {
			all.append(all.isEmpty() ? "" : " ").append(String.format(Locale.ROOT, "%.1f", v));
		}
		return String.format(Locale.ROOT, "%-44s median %9.2f %s  spread %3.0f%%  [%s]", name, median(values), unit,
				spread(values), all);
	}

	/** A read-only operation of the gateway on one path, as recorded. */
	record Read(String operation, ScstPath path) {

		void replay(ScstSysfs sysfs) {
			switch (this.operation) {
				case "list" -> sysfs.list(this.path);
				case "stat" -> sysfs.stat(this.path);
				case "exists" -> sysfs.exists(this.path);
				case "read" -> sysfs.read(this.path);
				case "readWithoutWaiting" -> sysfs.readWithoutWaiting(this.path);
				case "readLink" -> sysfs.readLink(this.path);
				case "listIfPresent" -> sysfs.listIfPresent(this.path);
				case "readLinkIfPresent" -> sysfs.readLinkIfPresent(this.path);
				case "readIfPresent" -> sysfs.readIfPresent(this.path);
				default -> throw new IllegalStateException("Cannot replay " + this.operation);
			}
		}

	}

	/** A gateway that records every read-only call on a path before delegating. */
	static final class Recorder {

		final List<Read> reads = new ArrayList<>();

		final ScstSysfs sysfs;

		Recorder(ScstSysfs target) {
			this.sysfs = (ScstSysfs) Proxy.newProxyInstance(ScstSysfs.class.getClassLoader(),
					new Class<?>[] { ScstSysfs.class }, (proxy, method, args) -> {
						if (args != null && args.length == 1 && args[0] instanceof ScstPath path) {
							if (method.getName().startsWith("write") || method.getName().equals("mgmt")) {
								throw new IllegalStateException("An inventory wrote " + path);
							}
							this.reads.add(new Read(method.getName(), path));
						}
						try {
							return method.invoke(target, args);
						}
						catch (java.lang.reflect.InvocationTargetException ex) {
							throw ex.getCause();
						}
					});
		}

		List<Read> distinct() {
			Set<Read> distinct = new LinkedHashSet<>(this.reads);
			return List.copyOf(distinct);
		}

	}

}
