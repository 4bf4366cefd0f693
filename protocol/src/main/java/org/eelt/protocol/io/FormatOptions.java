package org.eelt.protocol.io;

import java.util.List;
import java.util.Map;

/**
 * Options of {@link Formats#read} and {@link Formats#write}; each applies to some formats only.
 *
 * @param typeMap   species of type ids in order: deepmd type ids 0..T−1 (write), LAMMPS types
 *                  1..T (read and write); null = distinct species of the first frame on write, and
 *                  {@code Masses} matching on LAMMPS read
 * @param setSize   deepmd frames per {@code set.NNN} directory
 * @param info      extxyz extra comment-line entries per frame (same length as the frames), or null
 * @param lammpsPbc periodic flags of a LAMMPS data file read (the file does not record them)
 * @param margin    Å between the atoms and the faces of the box LAMMPS gets for a non-periodic structure
 */
public record FormatOptions(List<String> typeMap, int setSize, List<Map<String, String>> info, boolean[] lammpsPbc,
                            double margin) {
    /** Validates the values. */
    public FormatOptions {
        if (setSize < 1) {
            throw new IllegalArgumentException("setSize must be at least 1, got " + setSize);
        }
        if (lammpsPbc == null || lammpsPbc.length != 3) {
            throw new IllegalArgumentException("lammpsPbc needs 3 flags");
        }
        if (!(margin > 0)) {
            throw new IllegalArgumentException("margin must be positive (Å), got " + margin);
        }
        typeMap = typeMap == null ? null : List.copyOf(typeMap);
        info = info == null ? null : List.copyOf(info);
        lammpsPbc = lammpsPbc.clone();
    }

    /** @return no type map, sets of {@link DeepmdNpy#DEFAULT_SET_SIZE}, no info, periodic LAMMPS cells, margin {@link LammpsData#DEFAULT_MARGIN}. */
    public static FormatOptions defaults() {
        return new FormatOptions(null, DeepmdNpy.DEFAULT_SET_SIZE, null, new boolean[] {true, true, true},
                LammpsData.DEFAULT_MARGIN);
    }

    @Override
    public boolean[] lammpsPbc() {
        return lammpsPbc.clone();
    }

    /** @return a copy with this type map. */
    public FormatOptions withTypeMap(List<String> map) {
        return new FormatOptions(map, setSize, info, lammpsPbc, margin);
    }

    /** @return a copy with this deepmd set size. */
    public FormatOptions withSetSize(int size) {
        return new FormatOptions(typeMap, size, info, lammpsPbc, margin);
    }

    /** @return a copy with these extxyz per-frame info maps. */
    public FormatOptions withInfo(List<Map<String, String>> perFrame) {
        return new FormatOptions(typeMap, setSize, perFrame, lammpsPbc, margin);
    }

    /** @return a copy with these LAMMPS periodic flags. */
    public FormatOptions withLammpsPbc(boolean... pbc) {
        return new FormatOptions(typeMap, setSize, info, pbc, margin);
    }

    /** @return a copy with this LAMMPS box margin (Å). */
    public FormatOptions withMargin(double m) {
        return new FormatOptions(typeMap, setSize, info, lammpsPbc, m);
    }
}
