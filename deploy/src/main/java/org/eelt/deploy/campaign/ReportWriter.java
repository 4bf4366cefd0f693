package org.eelt.deploy.campaign;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes {@code report.html}: a self-contained page (no external scripts or styles) with the
 * summary table and inline SVG line charts of the campaign's curves: labels and explored frames
 * over time, the accurate ratio over time, and member 0's test force RMSE against dataset size.
 */
public final class ReportWriter {
    private static final int W = 520, H = 260, PAD = 48;

    private ReportWriter() {
    }

    /** Writes the report. */
    public static void write(Path file, CampaignSpec spec, CampaignResult result, Summary summary) throws IOException {
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>EELT campaign ")
                .append(escape(spec.name())).append("</title>\n<style>body{font-family:sans-serif;margin:2em}"
                        + "table{border-collapse:collapse}td{border:1px solid #ccc;padding:2px 8px}"
                        + "svg{margin:1em 1em 0 0}</style></head><body>\n");
        b.append("<h1>EELT campaign ").append(escape(spec.name())).append("</h1>\n<table>\n");
        summary.fields().forEach((k, v) -> b.append("<tr><td>").append(escape(k)).append("</td><td>")
                .append(escape(v instanceof Double d ? String.format(Locale.ROOT, "%.4g", d) : String.valueOf(v)))
                .append("</td></tr>\n"));
        b.append("</table>\n");
        List<double[]> labeled = new ArrayList<>(), explored = new ArrayList<>(), ratio = new ArrayList<>();
        for (CampaignResult.Sample s : result.history()) {
            labeled.add(new double[] {s.t(), s.labeled()});
            explored.add(new double[] {s.t(), s.explored()});
            ratio.add(new double[] {s.t(), s.accurateRatio()});
        }
        b.append(chart("Labels over time", "wall time (s)", "labeled frames", labeled, "#c0392b"));
        b.append(chart("Explored frames over time", "wall time (s)", "explored frames", explored, "#2c3e50"));
        b.append(chart("Accurate ratio (window of " + spec.convergence().window() + " frames)", "wall time (s)",
                "accurate ratio", ratio, "#27ae60"));
        b.append(chart("Test force RMSE of member 0 (independent oracle MD)", "labeled frames trained on",
                "force RMSE (eV/Å)", summary.rmseCurve(), "#8e44ad"));
        b.append("</body></html>\n");
        Files.writeString(file, b.toString());
    }

    /** @return an inline SVG line chart of (x, y) points with axis labels and min/max ticks. */
    static String chart(String title, String xLabel, String yLabel, List<double[]> pts, String color) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\">", W, H));
        b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"16\" font-size=\"13\">%s</text>", PAD, escape(title)));
        b.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#999\"/>",
                PAD, 24, W - 2 * PAD, H - 24 - PAD));
        b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"11\">%s</text>", W / 2 - 40, H - 8,
                escape(xLabel)));
        b.append(String.format(Locale.ROOT, "<text x=\"10\" y=\"%d\" font-size=\"11\" transform=\"rotate(-90 10 %d)\">%s</text>",
                H / 2 + 40, H / 2 + 40, escape(yLabel)));
        if (pts.isEmpty()) {
            return b.append("<text x=\"200\" y=\"130\" font-size=\"12\">no data</text></svg>\n").toString();
        }
        double x0 = Double.MAX_VALUE, x1 = -Double.MAX_VALUE, y0 = Double.MAX_VALUE, y1 = -Double.MAX_VALUE;
        for (double[] p : pts) {
            if (Double.isFinite(p[1])) {
                x0 = Math.min(x0, p[0]);
                x1 = Math.max(x1, p[0]);
                y0 = Math.min(y0, p[1]);
                y1 = Math.max(y1, p[1]);
            }
        }
        if (x1 <= x0) {
            x1 = x0 + 1;
        }
        y0 = Math.min(y0, 0);
        if (y1 <= y0) {
            y1 = y0 + 1;
        }
        StringBuilder path = new StringBuilder();
        for (double[] p : pts) {
            if (!Double.isFinite(p[1])) {
                continue;
            }
            double px = PAD + (p[0] - x0) / (x1 - x0) * (W - 2 * PAD);
            double py = H - PAD - (p[1] - y0) / (y1 - y0) * (H - 24 - PAD);
            path.append(path.length() == 0 ? "M" : " L").append(String.format(Locale.ROOT, "%.1f %.1f", px, py));
        }
        b.append("<path d=\"").append(path).append("\" fill=\"none\" stroke=\"").append(color)
                .append("\" stroke-width=\"2\"/>");
        b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"10\">%.3g</text>", 2, H - PAD, y0));
        b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"10\">%.3g</text>", 2, 32, y1));
        b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"10\">%.3g</text>", PAD, H - PAD + 14, x0));
        b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"10\">%.3g</text>", W - PAD - 20,
                H - PAD + 14, x1));
        return b.append("</svg>\n").toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
