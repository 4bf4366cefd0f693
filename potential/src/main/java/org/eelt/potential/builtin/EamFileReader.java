package org.eelt.potential.builtin;

import org.eelt.protocol.atoms.Element;
import org.eelt.protocol.io.FormatException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads LAMMPS / DYNAMO EAM files into {@link EamTables}, following LAMMPS's {@code pair_eam},
 * {@code pair_eam/alloy} and {@code pair_eam/fs}:
 * <ul>
 *   <li><b>funcfl</b> ({@code *.eam}, one element): line 1 comment; line 2 {@code Z mass ...};
 *       line 3 {@code nrho drho nr dr cut}; then F(ρ) (nrho values, eV), Z(r) (nr values, in
 *       √(Hartree·Bohr)) and ρ(r) (nr values). Several funcfl files are merged as LAMMPS does:
 *       common grid spacing = the largest spacing, common extent = the largest extent, each table
 *       re-gridded by 4-point Lagrange interpolation, pair term r·φ_ab = 27.2·0.529·Z_a·Z_b
 *       (eV·Å), cutoff = the largest cutoff.</li>
 *   <li><b>setfl</b> ({@code *.eam.alloy}): 3 comment lines; {@code N el_1 .. el_N};
 *       {@code nrho drho nr dr cut}; per element a line {@code Z mass a lattice}, F(ρ), ρ(r);
 *       then r·φ_ab(r) for a = 1..N, b = 1..a.</li>
 *   <li><b>eam/fs</b> ({@code *.eam.fs}): as setfl, but each element block holds N density
 *       functions ρ_ab(r) (the density an element-a neighbor contributes at an element-b atom).</li>
 * </ul>
 * Numbers may be spread over lines in any way; a table that ends mid-line ignores the rest of
 * that line, as LAMMPS's reader does.
 */
public final class EamFileReader {
    /** Hartree·Bohr in eV·Å as LAMMPS writes it (27.2 × 0.529) for the funcfl Z_a Z_b conversion. */
    static final double ZZ_TO_EV_ANGSTROM = 27.2 * 0.529;

    private EamFileReader() {
    }

    /**
     * Reads a file, choosing the format by its name: {@code .eam.alloy} setfl, {@code .eam.fs}
     * Finnis–Sinclair, {@code .eam} funcfl.
     *
     * @throws IllegalArgumentException when the file does not exist (named) or its suffix is unknown
     * @throws FormatException          on malformed content (file and line named)
     */
    public static EamTables read(Path file) {
        String name = file.getFileName().toString();
        if (name.endsWith(".eam.alloy")) {
            return setfl(file);
        } else if (name.endsWith(".eam.fs")) {
            return finnisSinclair(file);
        } else if (name.endsWith(".eam")) {
            return funcfl(List.of(file));
        }
        throw new IllegalArgumentException("cannot tell the EAM format of '" + file + "' from its name: use a file "
                + "ending in .eam (funcfl), .eam.alloy (setfl) or .eam.fs (Finnis-Sinclair)");
    }

    /** Reads and merges one or more single-element funcfl files (one per element). */
    public static EamTables funcfl(List<Path> files) {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("need at least one funcfl file");
        }
        int nf = files.size();
        List<String> elements = new ArrayList<>();
        double[] masses = new double[nf];
        int[] fnrho = new int[nf];
        int[] fnr = new int[nf];
        double[] fdrho = new double[nf];
        double[] fdr = new double[nf];
        double[] fcut = new double[nf];
        double[][] ff = new double[nf][];
        double[][] fz = new double[nf][];
        double[][] frh = new double[nf][];
        for (int f = 0; f < nf; f++) {
            Tokens t = Tokens.open(files.get(f));
            t.skipLine();
            String[] head = t.lineTokens(2, "'Z mass' header");
            int z = t.parseInt(head[0], "atomic number");
            String el;
            try {
                el = Element.ofAtomicNumber(z).symbol();
            } catch (IllegalArgumentException e) {
                throw t.error("atomic number " + z + " is not an element 1..94", "put the element's Z first on line 2");
            }
            if (elements.contains(el)) {
                throw new IllegalArgumentException("two funcfl files for element " + el + ": give one file per element");
            }
            elements.add(el);
            masses[f] = t.parseDouble(head[1], "mass");
            String[] grid = t.lineTokens(5, "'nrho drho nr dr cut' line");
            fnrho[f] = t.parseInt(grid[0], "nrho");
            fdrho[f] = t.parseDouble(grid[1], "drho");
            fnr[f] = t.parseInt(grid[2], "nr");
            fdr[f] = t.parseDouble(grid[3], "dr");
            fcut[f] = t.parseDouble(grid[4], "cut");
            t.checkGrid(fnrho[f], fdrho[f], fnr[f], fdr[f], fcut[f]);
            ff[f] = t.values(fnrho[f], "F(rho)");
            fz[f] = t.values(fnr[f], "Z(r)");
            frh[f] = t.values(fnr[f], "rho(r)");
        }
        double dr = 0, drho = 0, rmax = 0, rhomax = 0, cut = 0;
        for (int f = 0; f < nf; f++) {
            dr = Math.max(dr, fdr[f]);
            drho = Math.max(drho, fdrho[f]);
            rmax = Math.max(rmax, (fnr[f] - 1) * fdr[f]);
            rhomax = Math.max(rhomax, (fnrho[f] - 1) * fdrho[f]);
            cut = Math.max(cut, fcut[f]);
        }
        int nr = (int) (rmax / dr + 0.5);
        int nrho = (int) (rhomax / drho + 0.5);
        double[][] frho = new double[nf][];
        double[][] rhor = new double[nf][];
        double[][] zr = new double[nf][];
        int[][] rhorIndex = new int[nf][nf];
        for (int f = 0; f < nf; f++) {
            frho[f] = EamSpline.regrid(ff[f], fdrho[f], nrho, drho);
            rhor[f] = EamSpline.regrid(frh[f], fdr[f], nr, dr);
            zr[f] = EamSpline.regrid(fz[f], fdr[f], nr, dr);
            Arrays.fill(rhorIndex[f], f);
        }
        double[][] z2r = new double[nf * (nf + 1) / 2][];
        int[][] z2rIndex = new int[nf][nf];
        for (int a = 0; a < nf; a++) {
            for (int b = 0; b <= a; b++) {
                double[] v = new double[nr];
                for (int m = 0; m < nr; m++) {
                    v[m] = ZZ_TO_EV_ANGSTROM * zr[a][m] * zr[b][m];
                }
                z2r[EamTables.lowerTriangle(a, b)] = v;
            }
            for (int b = 0; b < nf; b++) {
                z2rIndex[a][b] = EamTables.lowerTriangle(a, b);
            }
        }
        String source = files.size() == 1 ? files.get(0).toString() : files.toString();
        return new EamTables(source, List.copyOf(elements), masses, nrho, drho, nr, dr, cut, rhomax, frho, rhor,
                rhorIndex, z2r, z2rIndex);
    }

    /** Reads a multi-element setfl ({@code .eam.alloy}) file. */
    public static EamTables setfl(Path file) {
        return multi(file, false);
    }

    /** Reads a Finnis–Sinclair ({@code .eam.fs}) file. */
    public static EamTables finnisSinclair(Path file) {
        return multi(file, true);
    }

    private static EamTables multi(Path file, boolean fs) {
        Tokens t = Tokens.open(file);
        t.skipLine();
        t.skipLine();
        t.skipLine();
        String[] head = t.lineTokens(1, "'N element...' line");
        int ne = t.parseInt(head[0], "number of elements");
        if (ne < 1 || head.length != ne + 1) {
            throw t.error("the element line declares " + head[0] + " elements but names " + (head.length - 1),
                    "line 4 must read 'N el_1 ... el_N'");
        }
        List<String> elements = List.of(Arrays.copyOfRange(head, 1, head.length));
        String[] grid = t.lineTokens(5, "'nrho drho nr dr cut' line");
        int nrho = t.parseInt(grid[0], "nrho");
        double drho = t.parseDouble(grid[1], "drho");
        int nr = t.parseInt(grid[2], "nr");
        double dr = t.parseDouble(grid[3], "dr");
        double cut = t.parseDouble(grid[4], "cut");
        t.checkGrid(nrho, drho, nr, dr, cut);
        double[] masses = new double[ne];
        double[][] frho = new double[ne][];
        double[][] rhor = new double[fs ? ne * ne : ne][];
        int[][] rhorIndex = new int[ne][ne];
        for (int a = 0; a < ne; a++) {
            String[] el = t.lineTokens(2, "'Z mass a lattice' line of element " + elements.get(a));
            masses[a] = t.parseDouble(el[1], "mass");
            frho[a] = t.values(nrho, "F(rho) of " + elements.get(a));
            if (fs) {
                for (int b = 0; b < ne; b++) {
                    rhor[a * ne + b] = t.values(nr, "rho(r) of " + elements.get(a) + "-" + elements.get(b));
                }
            } else {
                rhor[a] = t.values(nr, "rho(r) of " + elements.get(a));
            }
        }
        for (int a = 0; a < ne; a++) {
            for (int b = 0; b < ne; b++) {
                rhorIndex[a][b] = fs ? a * ne + b : a;
            }
        }
        double[][] z2r = new double[ne * (ne + 1) / 2][];
        int[][] z2rIndex = new int[ne][ne];
        for (int a = 0; a < ne; a++) {
            for (int b = 0; b <= a; b++) {
                z2r[EamTables.lowerTriangle(a, b)] = t.values(nr,
                        "r*phi(r) of " + elements.get(a) + "-" + elements.get(b));
            }
            for (int b = 0; b < ne; b++) {
                z2rIndex[a][b] = EamTables.lowerTriangle(a, b);
            }
        }
        return new EamTables(file.toString(), elements, masses, nrho, drho, nr, dr, cut, (nrho - 1) * drho, frho, rhor, rhorIndex,
                z2r, z2rIndex);
    }

    /** Line-oriented tokenizer with file/line error reporting. */
    private static final class Tokens {
        private final String file;
        private final List<String> lines;
        private int next;

        private Tokens(String file, List<String> lines) {
            this.file = file;
            this.lines = lines;
        }

        static Tokens open(Path path) {
            if (!Files.isRegularFile(path)) {
                throw new IllegalArgumentException("EAM potential file '" + path + "' not found"
                        + (path.isAbsolute() ? "" : " (relative to " + Path.of("").toAbsolutePath() + ")")
                        + ": check the name, or find LAMMPS's files in /usr/share/lammps/potentials");
            }
            try {
                return new Tokens(path.toString(), Files.readAllLines(path, StandardCharsets.ISO_8859_1));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read EAM potential file '" + path + "'", e);
            }
        }

        FormatException error(String problem, String fix) {
            return new FormatException(file, "line " + Math.max(1, next), problem, fix);
        }

        private String nextLine(String what) {
            if (next >= lines.size()) {
                next = lines.size() + 1;
                throw error("file ends before the " + what, "the file is truncated; get a complete copy");
            }
            return lines.get(next++);
        }

        void skipLine() {
            nextLine("header");
        }

        String[] lineTokens(int min, String what) {
            String line = nextLine(what).trim();
            String[] tok = line.isEmpty() ? new String[0] : line.split("\\s+");
            if (tok.length < min) {
                throw error("expected the " + what + " with at least " + min + " fields, got '" + line + "'",
                        "check the file's header against the LAMMPS pair_eam documentation");
            }
            return tok;
        }

        int parseInt(String s, String what) {
            try {
                return Integer.parseInt(s);
            } catch (NumberFormatException e) {
                throw error(what + " '" + s + "' is not an integer", "fix the header");
            }
        }

        double parseDouble(String s, String what) {
            try {
                double v = Double.parseDouble(s);
                if (!Double.isFinite(v)) {
                    throw new NumberFormatException();
                }
                return v;
            } catch (NumberFormatException e) {
                throw error(what + " '" + s + "' is not a finite number", "fix the value");
            }
        }

        void checkGrid(int nrho, double drho, int nr, double dr, double cut) {
            if (nrho < 5 || nr < 5 || !(drho > 0) || !(dr > 0) || !(cut > 0)) {
                throw error("bad grid nrho=" + nrho + " drho=" + drho + " nr=" + nr + " dr=" + dr + " cut=" + cut,
                        "need nrho, nr >= 5 and drho, dr, cut > 0");
            }
        }

        double[] values(int n, String what) {
            double[] v = new double[n];
            int i = 0;
            while (i < n) {
                String line = nextLine(what + " table (" + n + " values, " + i + " read)").trim();
                if (line.isEmpty()) {
                    continue;
                }
                for (String s : line.split("\\s+")) {
                    if (i == n) {
                        break;
                    }
                    v[i++] = parseDouble(s, what + " value " + i);
                }
            }
            return v;
        }
    }
}
