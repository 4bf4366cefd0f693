package org.eelt.freeenergy.mb;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Renders a {@link FesGrid} as a PNG heat map (java.awt, headless): 720×540 pixels, a viridis-like
 * colour scale from 0 (dark blue) to {@code maxValue} (yellow; larger values white), axes with five
 * ticks each and labels, a colour bar with its unit, and a title. Pixels take the value of the
 * nearest grid point.
 */
final class FesImage {
    private static final int W = 720, H = 540, LEFT = 80, RIGHT = 130, TOP = 50, BOTTOM = 70;
    private static final float[][] STOPS = {
            {0.267f, 0.005f, 0.329f}, {0.229f, 0.322f, 0.546f}, {0.128f, 0.567f, 0.551f},
            {0.369f, 0.789f, 0.383f}, {0.993f, 0.906f, 0.144f}};

    private FesImage() {
    }

    static Color colour(double t) {
        if (!(t >= 0)) {
            t = 0;
        }
        if (t > 1) {
            return Color.WHITE;
        }
        double p = t * (STOPS.length - 1);
        int k = Math.min((int) p, STOPS.length - 2);
        float f = (float) (p - k);
        float[] a = STOPS[k], b = STOPS[k + 1];
        return new Color(a[0] + f * (b[0] - a[0]), a[1] + f * (b[1] - a[1]), a[2] + f * (b[2] - a[2]));
    }

    static void write(FesGrid g, Path file, String title, String xLabel, String yLabel, String unit, double maxValue)
            throws IOException {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        if (!(maxValue > 0)) {
            throw new IllegalArgumentException("heat map needs a colour-scale maximum > 0, got " + maxValue);
        }
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        Graphics2D gr = img.createGraphics();
        gr.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        gr.setColor(Color.WHITE);
        gr.fillRect(0, 0, W, H);
        double[] xs = g.xs(), ys = g.ys();
        int pw = W - LEFT - RIGHT, ph = H - TOP - BOTTOM;
        for (int px = 0; px < pw; px++) {
            int i = (int) Math.round((double) px / (pw - 1) * (xs.length - 1));
            for (int py = 0; py < ph; py++) {
                int j = (int) Math.round((double) (ph - 1 - py) / (ph - 1) * (ys.length - 1));
                double v = g.values()[i][j];
                img.setRGB(LEFT + px, TOP + py, Double.isFinite(v) ? colour(v / maxValue).getRGB() : 0xBBBBBB);
            }
        }
        gr.setColor(Color.BLACK);
        gr.setStroke(new BasicStroke(1.5f));
        gr.drawRect(LEFT, TOP, pw, ph);
        gr.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        for (int t = 0; t <= 4; t++) {
            double fx = xs[0] + (xs[xs.length - 1] - xs[0]) * t / 4;
            int x = LEFT + pw * t / 4;
            gr.drawLine(x, TOP + ph, x, TOP + ph + 6);
            String s = String.format(Locale.ROOT, "%.2f", fx);
            gr.drawString(s, x - gr.getFontMetrics().stringWidth(s) / 2, TOP + ph + 22);
            double fy = ys[0] + (ys[ys.length - 1] - ys[0]) * t / 4;
            int y = TOP + ph - ph * t / 4;
            gr.drawLine(LEFT - 6, y, LEFT, y);
            s = String.format(Locale.ROOT, "%.2f", fy);
            gr.drawString(s, LEFT - 10 - gr.getFontMetrics().stringWidth(s), y + 5);
        }
        gr.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        gr.drawString(title, LEFT, TOP - 18);
        gr.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        gr.drawString(xLabel, LEFT + pw / 2 - gr.getFontMetrics().stringWidth(xLabel) / 2, H - 22);
        Graphics2D rot = (Graphics2D) gr.create();
        rot.rotate(-Math.PI / 2);
        rot.drawString(yLabel, -(TOP + ph / 2) - rot.getFontMetrics().stringWidth(yLabel) / 2, 22);
        rot.dispose();
        int bx = W - RIGHT + 30, bw = 22;
        for (int py = 0; py < ph; py++) {
            gr.setColor(colour(1.0 - (double) py / (ph - 1)));
            gr.drawLine(bx, TOP + py, bx + bw, TOP + py);
        }
        gr.setColor(Color.BLACK);
        gr.drawRect(bx, TOP, bw, ph);
        gr.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (int t = 0; t <= 4; t++) {
            int y = TOP + ph - ph * t / 4;
            gr.drawLine(bx + bw, y, bx + bw + 5, y);
            gr.drawString(String.format(Locale.ROOT, "%.3g", maxValue * t / 4), bx + bw + 8, y + 4);
        }
        gr.drawString("A - min (" + unit + ")", bx - 10, TOP - 8);
        gr.dispose();
        if (!ImageIO.write(img, "png", file.toFile())) {
            throw new IOException("no PNG writer available to write " + file);
        }
    }
}
