package org.eelt.protocol.io;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eelt.protocol.atoms.Cell;
import org.eelt.protocol.atoms.Frame;

/**
 * Summary of a structure file, as {@code eelt info} prints it.
 *
 * @param format             the format read
 * @param frames             number of frames
 * @param minAtoms           fewest atoms in a frame
 * @param maxAtoms           most atoms in a frame
 * @param speciesCounts      atoms per species in the first frame, in order of first appearance
 * @param uniformComposition whether every frame has the same species sequence
 * @param firstCell          the cell of the first frame (Å)
 * @param periodicFrames     frames with at least one periodic axis
 * @param energyFrames       frames carrying an energy
 * @param forceFrames        frames carrying forces
 * @param virialFrames       frames carrying a virial
 * @param atomicEnergyFrames frames carrying per-atom energies
 */
public record FormatInfo(FileFormat format, int frames, int minAtoms, int maxAtoms, Map<String, Integer> speciesCounts,
                         boolean uniformComposition, Cell firstCell, int periodicFrames, int energyFrames,
                         int forceFrames, int virialFrames, int atomicEnergyFrames) {

    /** Copies the species map. */
    public FormatInfo {
        speciesCounts = Collections.unmodifiableMap(new LinkedHashMap<>(speciesCounts));
    }

    /** @return the summary of frames read in {@code format} (at least one frame). */
    public static FormatInfo of(FileFormat format, List<Frame> frames) {
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("no frames");
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String s : frames.get(0).structure().species()) {
            counts.merge(s, 1, Integer::sum);
        }
        String[] first = frames.get(0).structure().species();
        int min = Integer.MAX_VALUE;
        int max = 0;
        int periodic = 0, e = 0, f = 0, v = 0, ae = 0;
        boolean uniform = true;
        for (Frame fr : frames) {
            int n = fr.structure().size();
            min = Math.min(min, n);
            max = Math.max(max, n);
            uniform &= java.util.Arrays.equals(first, fr.structure().species());
            periodic += fr.structure().cell().isPeriodic() ? 1 : 0;
            e += fr.hasEnergy() ? 1 : 0;
            f += fr.hasForces() ? 1 : 0;
            v += fr.hasVirial() ? 1 : 0;
            ae += fr.hasAtomicEnergies() ? 1 : 0;
        }
        return new FormatInfo(format, frames.size(), min, max, counts, uniform, frames.get(0).structure().cell(),
                periodic, e, f, v, ae);
    }

    /** @return a few human-readable lines. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        sb.append("format: ").append(format.id()).append('\n');
        sb.append("frames: ").append(frames).append('\n');
        sb.append("atoms per frame: ").append(minAtoms == maxAtoms ? String.valueOf(minAtoms) : minAtoms + ".." + maxAtoms).append('\n');
        sb.append("species (first frame): ").append(speciesCounts).append(uniformComposition ? "" : " (composition varies)").append('\n');
        sb.append("periodic frames: ").append(periodicFrames).append(" of ").append(frames).append('\n');
        sb.append("first cell: ").append(firstCell).append('\n');
        sb.append("labels: energy ").append(energyFrames).append(", forces ").append(forceFrames).append(", virial ")
                .append(virialFrames).append(", atomic energies ").append(atomicEnergyFrames).append(" (frames)\n");
        return sb.toString();
    }
}
