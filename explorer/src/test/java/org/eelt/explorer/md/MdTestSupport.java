package org.eelt.explorer.md;

import org.eelt.potential.Potential;
import org.eelt.potential.builtin.TabulatedEam;
import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Shared pieces of the MD tests. */
final class MdTestSupport {
    private MdTestSupport() {
    }

    /** LAMMPS's Cu_u3.eam (Debian lammps-data), or a skipped test with the reason. */
    static Potential cuU3() {
        Path p = Path.of("/usr/share/lammps/potentials/Cu_u3.eam");
        Assumptions.assumeTrue(Files.isRegularFile(p), p + " is missing: install Debian's 'lammps' potentials");
        return TabulatedEam.load(p).withAtomicVirials(false);
    }

    /** Collects thermo samples. */
    static final class Recorder implements MdListener {
        final List<ThermoSample> samples = new ArrayList<>();

        @Override
        public void thermo(ThermoSample s) {
            samples.add(s);
        }

        /** Mean and standard error (block averaging over 10 blocks) of a quantity after a burn-in fraction. */
        double[] meanAndError(java.util.function.ToDoubleFunction<ThermoSample> f, double burnIn) {
            List<ThermoSample> use = samples.subList((int) (burnIn * samples.size()), samples.size());
            int blocks = 10, per = use.size() / blocks;
            double[] b = new double[blocks];
            double mean = 0;
            for (int k = 0; k < blocks; k++) {
                for (int i = 0; i < per; i++) {
                    b[k] += f.applyAsDouble(use.get(k * per + i)) / per;
                }
                mean += b[k] / blocks;
            }
            double var = 0;
            for (double x : b) {
                var += (x - mean) * (x - mean);
            }
            return new double[] {mean, Math.sqrt(var / (blocks - 1) / blocks)};
        }
    }
}
