package io.scst.manager.sysfs;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

/**
 * A gateway that notes every call that names a path ({@code "read a/b"}), so that tests
 * can tell how many operations a handle method costs. Default methods of the gateway
 * ({@code readIfPresent}, {@code exists}) count as one call each.
 */
public final class CountingSysfs {

	private final List<String> calls = new ArrayList<>();

	/** The counting gateway. */
	public final ScstSysfs sysfs;

	/**
	 * @param target the gateway the calls go to
	 */
	public CountingSysfs(ScstSysfs target) {
		this.sysfs = (ScstSysfs) Proxy.newProxyInstance(ScstSysfs.class.getClassLoader(),
				new Class<?>[] { ScstSysfs.class }, (proxy, method, args) -> {
					if (args != null && args.length >= 1 && args[0] instanceof ScstPath path) {
						this.calls.add(method.getName() + " " + path);
					}
					try {
						return method.invoke(target, args);
					}
					catch (InvocationTargetException ex) {
						throw ex.getCause();
					}
				});
	}

	/** The calls since the last take. */
	public List<String> take() {
		List<String> taken = List.copyOf(this.calls);
		this.calls.clear();
		return taken;
	}

}
