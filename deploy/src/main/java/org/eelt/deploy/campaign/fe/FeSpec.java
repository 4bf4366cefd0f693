package org.eelt.deploy.campaign.fe;

import java.util.List;

import org.eelt.freeenergy.cv.CvSet;
import org.eelt.protocol.atoms.Structure;

/**
 * The free-energy part of a campaign spec ({@code kind = fe}, keys under {@code eelt.campaign.fe}),
 * validated by the spec parser.
 *
 * <p>Units: CVs in Å (distance, Cartesian), rad (angle, dihedral) or 1 (coordination number).
 * Energies in the system's unit {@link #energyUnit()}: eV for {@code muller-brown} (built-in
 * engine), kJ/mol for {@code gromacs-ala2}. κ in energy/CV-unit², mean forces and trust levels in
 * energy/CV-unit; temperatures K; times ps.
 *
 * @param system         {@code muller-brown} or {@code gromacs-ala2}
 * @param cvs            the collective variables (atom indices 0-based, checked against the system)
 * @param start          the system's start configuration (Å), with the atoms the CVs refer to
 * @param energyUnit     {@code "eV"} or {@code "kJ/mol"}
 * @param temperature    T of the labels (restrained MD), K
 * @param kappa          restraint stiffness κ, energy/CV-unit² (one value, all CVs)
 * @param label          restrained-MD settings
 * @param exploration    exploration settings
 * @param e0             lower trust level on ε (accurate below), energy/CV-unit
 * @param e1             upper trust level on ε (failed above), energy/CV-unit
 * @param clusterRadius  CV-space clustering radius of candidates (periodic distances), CV units
 * @param training       free-energy network training
 * @param initialPoints  CV points labeled before the first round
 * @param bootstrap      further random points (uniform in the grid ranges) labeled before the first round
 * @param grid           the output grid (and the box of the CV-space sampler)
 * @param basins         basins for ΔF (two, or none)
 * @param pdbPath        the start structure's PDB (gromacs-ala2; the GROMACS oracle builds its topology from it), or null
 */
public record FeSpec(String system, CvSet cvs, Structure start, String energyUnit, double temperature, double kappa,
                     Label label, Exploration exploration, double e0, double e1, double clusterRadius,
                     Training training, List<double[]> initialPoints, int bootstrap, Grid grid, List<Basin> basins,
                     java.nio.file.Path pdbPath) {

    /** Systems with a built-in engine. */
    public static final String MULLER_BROWN = "muller-brown";
    /** Alanine dipeptide in vacuum, labeled by GROMACS. */
    public static final String GROMACS_ALA2 = "gromacs-ala2";

    /**
     * Restrained-MD label settings.
     *
     * @param steps                MD steps per label (including the discarded equilibration)
     * @param timestepPs           Δt, ps
     * @param frictionPerPs        Langevin γ, 1/ps
     * @param equilibration        fraction of the run discarded (0.1)
     * @param errorThreshold       a label whose largest standard error exceeds this is rejected, energy/CV-unit
     */
    public record Label(long steps, double timestepPs, double frictionPerPs, double equilibration,
                        double errorThreshold) {
    }

    /** Exploration methods. */
    public enum Method {
        /** Overdamped Langevin in CV space on the ensemble-mean A, sampling exp(−A/(γ k_B T)). */
        CV_SAMPLER,
        /** Langevin MD in full space with the bias −σ(ε)·Ā(s) (built-in engines only). */
        BIASED_MD
    }

    /**
     * Exploration settings.
     *
     * @param method         cv-sampler or biased-md
     * @param walkers        concurrent walkers
     * @param gamma          well-tempered factor γ ≥ 1 (the sampler's effective temperature is γT)
     * @param stepsPerWalker steps of each walker
     * @param chunkSteps     steps per chunk
     * @param sampleInterval steps between sampled frames
     * @param stepSize       cv-sampler: rms displacement per step of free diffusion, CV units; biased-md: timestep, ps
     * @param frictionPerPs  biased-md: Langevin γ, 1/ps
     */
    public record Exploration(Method method, int walkers, double gamma, long stepsPerWalker, int chunkSteps,
                              int sampleInterval, double stepSize, double frictionPerPs) {
    }

    /**
     * Free-energy network training.
     *
     * @param ensembleSize     K
     * @param widths           hidden layer widths of the tanh MLP
     * @param firstRoundSteps  Adam steps of the first round
     * @param stepsPerRound    steps of later (warm-started) rounds
     * @param batchSize        labels per minibatch
     * @param startLr          start learning rate
     * @param stopLr           end learning rate (exponential decay)
     * @param triggerNewLabels a round starts after this many new labels
     */
    public record Training(int ensembleSize, int[] widths, long firstRoundSteps, long stepsPerRound, int batchSize,
                           double startLr, double stopLr, int triggerNewLabels) {
    }

    /**
     * The output grid over CV space (also the box of the CV-space sampler and of bootstrap points).
     *
     * @param min  lower bounds per CV
     * @param max  upper bounds per CV
     * @param bins points per CV
     */
    public record Grid(double[] min, double[] max, int[] bins) {
    }

    /**
     * A basin for ΔF: the grid points whose CV {@code cv} lies in [min, max).
     *
     * @param name a label, e.g. {@code "phi<0"}
     * @param cv   the CV index
     * @param min  lower bound (−∞ allowed)
     * @param max  upper bound (+∞ allowed)
     */
    public record Basin(String name, int cv, double min, double max) {
        /** @return whether s lies in the basin. */
        public boolean contains(double[] s) {
            return s[cv] >= min && s[cv] < max;
        }
    }

    /** @return d, the number of CVs. */
    public int dimension() {
        return cvs.dimension();
    }

    /** @return k_B T in the system's energy unit. */
    public double kT() {
        return (energyUnit.equals("eV") ? 8.617333262e-5 : 0.00831446261815324) * temperature;
    }
}
