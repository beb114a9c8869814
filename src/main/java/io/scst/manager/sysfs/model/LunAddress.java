package io.scst.manager.sysfs.model;

import java.util.Arrays;
import java.util.List;

import io.scst.manager.sysfs.ScstTree;
import org.jspecify.annotations.Nullable;

/**
 * Where a LUN is, as a device's {@code exported/exportN} link names it.
 *
 * @param driver the target driver
 * @param target the target (its directory name)
 * @param group the initiator group (its directory name) whose LUN set holds the LUN, or
 * {@code null} for the target's own set
 * @param lun the LUN number
 */
public record LunAddress(String driver, String target, @Nullable String group, int lun) {

	/**
	 * Parse an export link's target: {@code ../../../targets/<drv>/<tgt>/luns/<lun>} or
	 * {@code ../../../targets/<drv>/<tgt>/ini_groups/<g>/luns/<lun>}.
	 * @param target the relative link target
	 * @return the address, or {@code null} when the target has another shape
	 */
	public static @Nullable LunAddress parse(String target) {
		// the entry names, without "." and ".."; more than seven is no export
		String[] names = new String[8];
		int count = 0;
		int start = 0;
		while (start <= target.length()) {
			int end = target.indexOf('/', start);
			if (end < 0) {
				end = target.length();
			}
			if (end > start) {
				String part = target.substring(start, end);
				if (!part.equals("..") && !part.equals(".")) {
					if (count == names.length) {
						return null;
					}
					names[count++] = part;
				}
			}
			start = end + 1;
		}
		List<String> parts = Arrays.asList(names).subList(0, count);
		if (parts.size() < 5 || !parts.get(0).equals(ScstTree.TARGET_DRIVERS.name())) {
			return null;
		}
		String driver = parts.get(1);
		String tgt = parts.get(2);
		String group = null;
		int luns = 3;
		if (parts.get(3).equals(ScstTree.INI_GROUPS) && parts.size() == 7) {
			group = parts.get(4);
			luns = 5;
		}
		if (parts.size() != luns + 2 || !parts.get(luns).equals(ScstTree.LUNS)) {
			return null;
		}
		try {
			return new LunAddress(driver, tgt, group, Integer.parseInt(parts.get(luns + 1)));
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
