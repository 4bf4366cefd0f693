package org.eelt.protocol.io;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** The structure-file formats that {@link Formats} reads and writes. */
public enum FileFormat {
    /** ASE extended XYZ (also reads plain XYZ): {@link ExtXyz}. */
    EXTXYZ("extxyz"),
    /** DeePMD-kit deepmd/npy system directory: {@link DeepmdNpy}. */
    DEEPMD("deepmd"),
    /** LAMMPS data file, atom_style atomic: {@link LammpsData}. */
    LAMMPS_DATA("lammps-data");

    private final String id;

    FileFormat(String id) {
        this.id = id;
    }

    /** @return the format's name on the command line ({@code extxyz}, {@code deepmd}, {@code lammps-data}). */
    public String id() {
        return id;
    }

    /**
     * @param name {@code extxyz}, {@code xyz}, {@code deepmd} (also {@code deepmd/npy}, {@code npy}) or
     *             {@code lammps-data} (also {@code lammps/lmp}, {@code lmp}), case-insensitive
     * @throws IllegalArgumentException listing the accepted names
     */
    public static FileFormat of(String name) {
        return switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "extxyz", "xyz" -> EXTXYZ;
            case "deepmd", "deepmd/npy", "npy" -> DEEPMD;
            case "lammps-data", "lammps/lmp", "lmp", "lammps" -> LAMMPS_DATA;
            default -> throw new IllegalArgumentException("unknown format '" + name
                    + "': use one of extxyz, xyz, deepmd, lammps-data");
        };
    }

    /**
     * Guesses the format from a path: a directory holding {@code type.raw} (or systems below it) →
     * deepmd; {@code .extxyz}/{@code .xyz} → extxyz; {@code .data}/{@code .lmp} or a name starting
     * with {@code data.} → lammps-data.
     *
     * @throws IllegalArgumentException when the path does not tell, asking for an explicit format
     */
    public static FileFormat detect(Path path) {
        String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (Files.isDirectory(path)) {
            return DEEPMD;
        }
        if (name.endsWith(".extxyz") || name.endsWith(".xyz")) {
            return EXTXYZ;
        }
        if (name.endsWith(".data") || name.endsWith(".lmp") || name.startsWith("data.")) {
            return LAMMPS_DATA;
        }
        throw new IllegalArgumentException("cannot tell the file format of '" + path
                + "' from its name: name it explicitly (extxyz, xyz, deepmd, lammps-data)");
    }
}
