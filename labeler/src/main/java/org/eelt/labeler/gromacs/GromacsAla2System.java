package org.eelt.labeler.gromacs;

import org.eelt.labeler.oracle.OracleSetupException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;

/**
 * The alanine-dipeptide system of one labeler working directory, set up once and reused by every
 * label: in {@code <workDir>/setup}, {@code gmx pdb2gmx -ff <ff> -water none -ignh} builds the
 * topology from the PDB, {@code gmx editconf} centers it in a cubic box (vacuum, see
 * {@link GromacsMdp}), and a steepest-descent minimisation gives the start structure. A stamp file
 * records the input's SHA-256, the force field, box, cut-off and GROMACS version; a later start with
 * the same stamp reuses the files instead of redoing the setup.
 *
 * <p>It also owns the {@link ConformationCache} of equilibrated conformations that labels start from.
 */
public final class GromacsAla2System {
    private static final String STAMP = "setup.properties";
    private final Path dir;
    private final Gmx gmx;
    private final String gmxVersion;
    private final String topology;
    private final Ala2Topology facts;
    private final ConformationCache conformations;

    private GromacsAla2System(Path dir, Gmx gmx, String gmxVersion, String topology, Ala2Topology facts,
                              ConformationCache conformations) {
        this.dir = dir;
        this.gmx = gmx;
        this.gmxVersion = gmxVersion;
        this.topology = topology;
        this.facts = facts;
        this.conformations = conformations;
    }

    /**
     * Sets the system up in {@code workDir}, or reuses an earlier setup with the same stamp. Blocks
     * for the GROMACS commands (about a second): call it off any actor's default dispatcher.
     *
     * @param settings the oracle settings (binary, force field, box, cut-off)
     * @param workDir  the labeler's working directory (created when missing)
     * @param pdb      the alanine-dipeptide PDB (ACE-ALA-NME, e.g. {@code fixtures/ala2/alanine-dipeptide.pdb})
     * @return the prepared system
     * @throws OracleSetupException    when gmx is missing, the PDB is unreadable or is not alanine dipeptide
     * @throws GromacsFailureException when a setup command fails (quoting its output)
     */
    public static GromacsAla2System prepare(GromacsSettings settings, Path workDir, Path pdb) {
        Gmx gmx = Gmx.locate(settings.gmxBinary(), settings.timeout());
        Path setup = workDir.resolve("setup");
        byte[] pdbBytes;
        try {
            pdbBytes = Files.readAllBytes(pdb);
            Files.createDirectories(setup);
        } catch (IOException e) {
            throw new OracleSetupException("cannot read the alanine-dipeptide PDB " + pdb + " or create " + setup
                    + ": " + e.getMessage(), e);
        }
        String version = gmx.version(setup);
        Properties want = new Properties();
        want.setProperty("pdb-sha256", sha256(pdbBytes));
        want.setProperty("setup", settings.setupFingerprint());
        want.setProperty("gmx-version", version);
        if (!want.equals(readStamp(setup)) || !Files.isRegularFile(setup.resolve("em.gro"))) {
            build(gmx, settings, setup, pdbBytes);
            writeStamp(setup, want);
        }
        String top = text(setup.resolve("topol.top"));
        Ala2Topology facts;
        try {
            facts = Ala2Topology.parse(top);
        } catch (IllegalArgumentException e) {
            throw new OracleSetupException(pdb + " did not give an alanine-dipeptide topology: " + e.getMessage(), e);
        }
        gmx.run(setup, "rama-em", "rama", "-f", "em.gro", "-s", "em.tpr", "-o", "em-rama.xvg");
        double[][] em = RamaXvg.read("em-rama.xvg", Gmx.read(setup.resolve("em-rama.xvg")), facts.ramaLabel());
        ConformationCache cache = new ConformationCache(workDir.resolve("conformations"),
                new ConformationCache.Entry(em[em.length - 1], setup.resolve("em.gro")));
        return new GromacsAla2System(workDir, gmx, version, top, facts, cache);
    }

    private static void build(Gmx gmx, GromacsSettings s, Path setup, byte[] pdb) {
        write(setup.resolve("input.pdb"), new String(pdb, StandardCharsets.ISO_8859_1));
        gmx.run(setup, "pdb2gmx", "pdb2gmx", "-f", "input.pdb", "-o", "conf.gro", "-p", "topol.top",
                "-ff", s.forceField(), "-water", "none", "-ignh");
        String b = Double.toString(s.boxNm());
        gmx.run(setup, "editconf", "editconf", "-f", "conf.gro", "-o", "box.gro", "-box", b, b, b, "-c");
        write(setup.resolve("em.mdp"), GromacsMdp.minimisation(s));
        gmx.run(setup, "grompp-em", "grompp", "-f", "em.mdp", "-c", "box.gro", "-p", "topol.top", "-o", "em.tpr",
                "-po", "em-out.mdp");
        gmx.run(setup, "em", "mdrun", "-deffnm", "em", "-nt", Integer.toString(s.threads()), "-pin", "off");
    }

    /** @return the labeler working directory. */
    public Path dir() {
        return dir;
    }

    /** @return the runner of the resolved {@code gmx}. */
    public Gmx gmx() {
        return gmx;
    }

    /** @return the version string of {@code gmx --version}. */
    public String gmxVersion() {
        return gmxVersion;
    }

    /** @return the text of the unrestrained topology written by pdb2gmx. */
    public String topology() {
        return topology;
    }

    /** @return atom count, φ/ψ atom numbers and the rama residue label. */
    public Ala2Topology facts() {
        return facts;
    }

    /** @return the minimised structure ({@code setup/em.gro}). */
    public Path minimised() {
        return dir.resolve("setup").resolve("em.gro");
    }

    ConformationCache conformations() {
        return conformations;
    }

    private static Properties readStamp(Path setup) {
        Properties p = new Properties();
        Path f = setup.resolve(STAMP);
        if (Files.isRegularFile(f)) {
            try (var r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException e) {
                // an unreadable stamp means "no valid setup": the setup is redone and the stamp rewritten
                return new Properties();
            }
        }
        return p;
    }

    private static void writeStamp(Path setup, Properties p) {
        try (var w = Files.newBufferedWriter(setup.resolve(STAMP + ".tmp"), StandardCharsets.UTF_8)) {
            p.store(w, "EELT GROMACS alanine-dipeptide setup; delete this directory to redo it");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + setup.resolve(STAMP), e);
        }
        try {
            Files.move(setup.resolve(STAMP + ".tmp"), setup.resolve(STAMP), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + setup.resolve(STAMP), e);
        }
    }

    static String text(Path p) {
        try {
            return Files.readString(p, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + p, e);
        }
    }

    static void write(Path p, String content) {
        try {
            Files.writeString(p, content, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + p, e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }

    /** @return the lines of a file in the setup directory (for tests and diagnostics). */
    public List<String> setupFile(String name) {
        return Gmx.read(dir.resolve("setup").resolve(name));
    }
}
