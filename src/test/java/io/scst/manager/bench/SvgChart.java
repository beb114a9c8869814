package io.scst.manager.bench;

import java.util.List;
import java.util.Locale;

/**
 * A line chart of time against state size as a standalone SVG document, written by the
 * benchmark itself (no plotting tool needed): one line for ours, one for the floor, the
 * sizes evenly spaced (they grow by 4x each), the time axis from zero.
 */
final class SvgChart {

	private static final int WIDTH = 560;

	private static final int HEIGHT = 320;

	private static final int LEFT = 70;

	private static final int RIGHT = 150;

	private static final int TOP = 40;

	private static final int BOTTOM = 50;

	private SvgChart() {
	}

	/**
	 * The chart.
	 * @param title the title
	 * @param sizes the x labels
	 * @param ours our medians (ms), one per size
	 * @param floor the floor's medians (ms), one per size ({@code NaN} where not
	 * measured)
	 * @return the SVG text
	 */
	static String of(String title, List<String> sizes, double[] ours, double[] floor) {
		double max = 0;
		for (int i = 0; i < sizes.size(); i++) {
			max = Math.max(max, ours[i]);
			if (!Double.isNaN(floor[i])) {
				max = Math.max(max, floor[i]);
			}
		}
		double top = niceCeiling(max);
		StringBuilder svg = new StringBuilder();
		svg.append(String.format(Locale.ROOT,
				"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
						+ "font-family=\"sans-serif\" font-size=\"12\">%n",
				WIDTH, HEIGHT, WIDTH, HEIGHT));
		svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", WIDTH, HEIGHT));
		svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"22\" font-size=\"14\">%s</text>%n", LEFT,
				escape(title)));
		int plotWidth = WIDTH - LEFT - RIGHT;
		int plotHeight = HEIGHT - TOP - BOTTOM;
		for (int tick = 0; tick <= 4; tick++) {
			double value = top * tick / 4;
			double y = TOP + plotHeight - plotHeight * tick / 4.0;
			svg.append(String.format(Locale.ROOT,
					"<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>"
							+ "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n",
					LEFT, y, LEFT + plotWidth, y, LEFT - 6, y + 4, format(value)));
		}
		for (int i = 0; i < sizes.size(); i++) {
			svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
					x(i, sizes.size(), plotWidth), TOP + plotHeight + 20, escape(sizes.get(i))));
		}
		svg.append(String.format(Locale.ROOT,
				"<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">state size (1/1 = 1,000 targets)</text>%n",
				LEFT + plotWidth / 2, HEIGHT - 10));
		svg.append(String.format(Locale.ROOT,
				"<text transform=\"translate(16 %d) rotate(-90)\" text-anchor=\"middle\">median, ms</text>%n",
				TOP + plotHeight / 2));
		line(svg, ours, sizes.size(), plotWidth, plotHeight, top, "#c0392b", "ours", 0);
		line(svg, floor, sizes.size(), plotWidth, plotHeight, top, "#2471a3", "floor", 1);
		svg.append("</svg>\n");
		return svg.toString();
	}

	private static void line(StringBuilder svg, double[] values, int count, int plotWidth, int plotHeight, double top,
			String colour, String label, int legendRow) {
		StringBuilder points = new StringBuilder();
		for (int i = 0; i < count; i++) {
			if (Double.isNaN(values[i])) {
				continue;
			}
			double x = x(i, count, plotWidth);
			double y = TOP + plotHeight - plotHeight * values[i] / top;
			points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
			svg.append(String.format(Locale.ROOT,
					"<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"><title>%s %s ms</title></circle>%n", x, y,
					colour, label, format(values[i])));
		}
		svg.append(
				String.format(Locale.ROOT, "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>%n",
						points.toString().strip(), colour));
		int legendY = TOP + 10 + legendRow * 20;
		svg.append(String.format(Locale.ROOT,
				"<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\"/>"
						+ "<text x=\"%d\" y=\"%d\">%s</text>%n",
				WIDTH - RIGHT + 15, legendY, WIDTH - RIGHT + 40, legendY, colour, WIDTH - RIGHT + 46, legendY + 4,
				label));
	}

	private static double x(int index, int count, int plotWidth) {
		return LEFT + ((count == 1) ? plotWidth / 2.0 : plotWidth * index / (double) (count - 1));
	}

	/** 1, 2 or 5 times a power of ten, at least {@code max}. */
	static double niceCeiling(double max) {
		if (max <= 0) {
			return 1;
		}
		double power = Math.pow(10, Math.floor(Math.log10(max)));
		for (double step : new double[] { 1, 2, 5, 10 }) {
			if (step * power >= max) {
				return step * power;
			}
		}
		return 10 * power;
	}

	private static String format(double value) {
		return (value >= 10) ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.1f", value);
	}

	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

}
