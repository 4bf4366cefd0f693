package org.eelt.potential.builtin;

import org.eelt.protocol.atoms.Structure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Test helper: evaluates structures with the real LAMMPS ({@code lmp} on PATH) in one process,
 * writing an orthorhombic data file per structure and reading back pe and {@code dump custom
 * id fx fy fz}.
 */
final class LammpsReference {
    /** Energy (eV) and forces (eV/Å, 3N in atom order) from LAMMPS. */
    record Result(double energy, double[] forces) {
    }

    private LammpsReference() {
    }

    /** @return the lmp executable name found on PATH, or null. */
    static String executable() {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String name : new String[] {"lmp", "lmp_serial", "lmp_stable"}) {
            for (String dir : path.split(":")) {
                if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
                    return name;
                }
            }
        }
        return null;
    }

    /**
     * @param structures orthorhombic periodic structures
     * @param pairStyle  e.g. {@code eam}, {@code eam/alloy}
     * @param pairCoeff  the pair_coeff line(s)
     * @param elements   element per LAMMPS type (type = index + 1)
     */
    static List<Result> evaluate(List<Structure> structures, String pairStyle, String pairCoeff,
                                 List<String> elements, Path dir) throws IOException, InterruptedException {
        StringBuilder in = new StringBuilder();
        for (int k = 0; k < structures.size(); k++) {
            Structure s = structures.get(k);
            writeData(s, elements, dir.resolve("data." + k));
            in.append("clear\nunits metal\natom_style atomic\nboundary p p p\natom_modify map array\n")
                    .append("read_data data.").append(k).append('\n')
                    .append("pair_style ").append(pairStyle).append('\n')
                    .append(pairCoeff).append('\n')
                    .append("neighbor 1.0 bin\nvariable e equal pe\n")
                    .append("dump d all custom 1 forces.").append(k).append(" id fx fy fz\n")
                    .append("dump_modify d format float %.17g sort id\n")
                    .append("run 0\nprint \"${e}\" append pe.txt screen no\nundump d\n");
        }
        Files.writeString(dir.resolve("in.test"), in.toString());
        Process p = new ProcessBuilder(executable(), "-in", "in.test", "-log", "none", "-screen", "none", "-nocite")
                .directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("lmp.out").toFile()).start();
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("LAMMPS timed out in " + dir);
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException("LAMMPS failed (" + p.exitValue() + "): "
                    + Files.readString(dir.resolve("lmp.out")));
        }
        List<String> pe = Files.readAllLines(dir.resolve("pe.txt"));
        List<Result> out = new ArrayList<>();
        for (int k = 0; k < structures.size(); k++) {
            int n = structures.get(k).size();
            double[] f = new double[3 * n];
            List<String> lines = Files.readAllLines(dir.resolve("forces." + k));
            int start = lines.indexOf("ITEM: ATOMS id fx fy fz") + 1;
            for (int i = 0; i < n; i++) {
                String[] t = lines.get(start + i).trim().split("\\s+");
                int id = Integer.parseInt(t[0]) - 1;
                for (int c = 0; c < 3; c++) {
                    f[3 * id + c] = Double.parseDouble(t[1 + c]);
                }
            }
            out.add(new Result(Double.parseDouble(pe.get(k).trim()), f));
        }
        return out;
    }

    private static void writeData(Structure s, List<String> elements, Path file) throws IOException {
        double[] h = s.cell().matrix();
        if (h[1] != 0 || h[2] != 0 || h[3] != 0 || h[5] != 0 || h[6] != 0 || h[7] != 0) {
            throw new IllegalArgumentException("test writer handles orthorhombic cells only");
        }
        double[] r = s.cell().wrap(s.positions());
        StringBuilder b = new StringBuilder("LAMMPS data written by the EELT test\n\n");
        b.append(s.size()).append(" atoms\n").append(elements.size()).append(" atom types\n");
        b.append(String.format(Locale.ROOT, "0 %.17g xlo xhi%n0 %.17g ylo yhi%n0 %.17g zlo zhi%n%nMasses%n%n",
                h[0], h[4], h[8]));
        for (int t = 0; t < elements.size(); t++) {
            b.append(t + 1).append(' ')
                    .append(org.eelt.protocol.atoms.Element.of(elements.get(t)).mass()).append('\n');
        }
        b.append("\nAtoms # atomic\n\n");
        for (int i = 0; i < s.size(); i++) {
            b.append(String.format(Locale.ROOT, "%d %d %.17g %.17g %.17g%n", i + 1,
                    elements.indexOf(s.species(i)) + 1, r[3 * i], r[3 * i + 1], r[3 * i + 2]));
        }
        Files.writeString(file, b.toString());
    }
}
