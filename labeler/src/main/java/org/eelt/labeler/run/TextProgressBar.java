package org.eelt.labeler.run;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line text progress bar for terminals: {@code [#########.........]  45/100 ( 2 failed)  12.3 s},
 * redrawn in place with a carriage return and finished with a newline.
 */
public final class TextProgressBar implements ProgressListener {
    private final PrintStream out;
    private final int width;
    private final long t0 = System.nanoTime();

    /**
     * @param out   where to draw (usually {@code System.err})
     * @param width number of bar cells
     */
    public TextProgressBar(PrintStream out, int width) {
        this.out = out;
        this.width = Math.max(1, width);
    }

    /** @return the bar text for a state (no carriage return). */
    public String render(int done, int failed, int total) {
        int cells = total == 0 ? width : (int) ((long) done * width / total);
        String bar = "#".repeat(cells) + ".".repeat(width - cells);
        int digits = Integer.toString(total).length();
        return String.format(Locale.ROOT, "[%s] %" + digits + "d/%d (%d failed) %.1f s", bar, done, total, failed,
                (System.nanoTime() - t0) / 1e9);
    }

    @Override
    public void progress(int done, int failed, int total) {
        out.print("\r" + render(done, failed, total));
        if (done == total) {
            out.println();
        }
        out.flush();
    }
}
