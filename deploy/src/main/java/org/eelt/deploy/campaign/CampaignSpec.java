package org.eelt.deploy.campaign;

import java.util.List;

import org.eelt.examiner.selection.SelectionPolicy;
import org.eelt.examiner.selection.TrustLevels;
import org.eelt.protocol.atoms.Structure;
import org.eelt.trainer.model.DpSpec;
import org.eelt.trainer.schedule.LossPrefactors;

/**
 * A validated campaign (parsed by {@link CampaignSpecParser} from HOCON under {@code eelt.campaign}).
 *
 * @param name        campaign name
 * @param mode        async (default) or sync
 * @param typeMap     species in model type order
 * @param systems     initial structures (builders or files, with strains applied), Å
 * @param exploration exploration stages and MD settings
 * @param examination trust levels and selection
 * @param labeling    oracle SPEC and labeler pool
 * @param training    model and training rounds
 * @param initialData initial labeled data and bootstrap
 * @param convergence convergence criteria and budgets
 * @param test        independent test set settings
 * @param seed        base random seed
 * @param fe          the free-energy settings of a {@code kind = fe} campaign, null for Deep Potential campaigns
 *                    (the shared records then hold what the agents need: one stage, trust levels e0/e1 in
 *                    energy/CV-unit, the labeler pool, K and the training trigger, convergence)
 */
public record CampaignSpec(String name, Mode mode, List<String> typeMap, List<Structure> systems,
                           Exploration exploration, Examination examination, Labeling labeling, Training training,
                           InitialData initialData, Convergence convergence, TestSet test, long seed,
                           org.eelt.deploy.campaign.fe.FeSpec fe) {

    /** @return whether this is a free-energy campaign ({@code kind = fe}). */
    public boolean isFreeEnergy() {
        return fe != null;
    }

    /** Campaign mode. */
    public enum Mode {
        /** Agents run concurrently (default). */
        ASYNC,
        /** DP-GEN-style rounds with barriers: train all, explore all, label all (benchmark baseline). */
        SYNC
    }

    /** The thermodynamic ensemble a stage's walkers sample. */
    public enum Ensemble {
        /** Constant energy (velocity Verlet, no thermostat). */
        NVE,
        /** Constant temperature (Langevin BAOAB with the exploration's friction). */
        NVT,
        /** Constant temperature and pressure (Langevin plus stochastic cell rescaling). */
        NPT
    }

    /**
     * One exploration stage. Its walkers take the stage's conditions (temperature × pressure) and
     * the campaign's systems in turn: walker w gets condition w mod n_c and a system chosen so that
     * n_c × n_s walkers cover every (condition, system) pair once, as DP-GEN's task list does
     * ({@link #conditionOf}, {@link #systemOf}). With {@code systemIndices} (DP-GEN's
     * {@code sys_idx}) the walkers take the listed systems in turn instead of all of them; a system
     * listed k times gets k times the walkers, e.g. {@code [0, 0, 0, 1]}: three walkers on system 0
     * for every one on system 1.
     *
     * @param temperatures   K
     * @param pressures      bar (may be negative: tension); empty unless the ensemble is NPT
     * @param ensemble       NVE, NVT or NPT
     * @param walkers        concurrent walkers
     * @param stepsPerWalker MD steps of each walker
     * @param systemIndices  indices into the campaign's systems that the walkers start from, in turn
     *                       (repeats allowed); empty: every system once
     */
    public record Stage(List<Double> temperatures, List<Double> pressures, Ensemble ensemble, int walkers,
                        long stepsPerWalker, List<Integer> systemIndices) {
        /** Copies the lists. */
        public Stage {
            temperatures = List.copyOf(temperatures);
            pressures = List.copyOf(pressures);
            systemIndices = List.copyOf(systemIndices);
        }

        /** A stage whose walkers take every system in turn. */
        public Stage(List<Double> temperatures, List<Double> pressures, Ensemble ensemble, int walkers,
                     long stepsPerWalker) {
            this(temperatures, pressures, ensemble, walkers, stepsPerWalker, List.of());
        }

        /** An NVT stage. */
        public Stage(List<Double> temperatures, int walkers, long stepsPerWalker) {
            this(temperatures, List.of(), Ensemble.NVT, walkers, stepsPerWalker);
        }

        /** @return the number of conditions n_c: temperatures × pressures (× 1 without pressures). */
        public int conditions() {
            return temperatures.size() * Math.max(1, pressures.size());
        }

        /** @return walker w's temperature, K (conditions run over pressures fastest). */
        public double temperatureOf(int w) {
            return temperatures.get(conditionOf(w) / Math.max(1, pressures.size()));
        }

        /** @return walker w's pressure in bar, NaN without pressures. */
        public double pressureOf(int w) {
            return pressures.isEmpty() ? Double.NaN : pressures.get(conditionOf(w) % pressures.size());
        }

        /** @return walker w's condition index. */
        public int conditionOf(int w) {
            return w % conditions();
        }

        /**
         * @param w       walker
         * @param offset  a per-stage offset (stage × walkers), so stages start on different systems
         * @param systems n_s
         * @return walker w's system: (w + offset + ⌊w / lcm(n_c, n_s)⌋) mod n_s; the diagonal of the
         *         (condition, system) grid, shifted after each lcm walkers, so n_c × n_s walkers see
         *         every pair exactly once. With {@link #systemIndices} the same rule runs over that
         *         list (n_s = its length) and returns the listed index.
         */
        public int systemOf(int w, int offset, int systems) {
            int ns = systemIndices.isEmpty() ? systems : systemIndices.size();
            int nc = conditions();
            long lcm = (long) nc / gcd(nc, ns) * ns;
            int k = (int) ((w + offset + w / lcm) % ns);
            return systemIndices.isEmpty() ? k : systemIndices.get(k);
        }

        private static int gcd(int a, int b) {
            return b == 0 ? a : gcd(b, a % b);
        }
    }

    /**
     * The NPT barostat: stochastic cell rescaling (Bernetti &amp; Bussi 2020).
     *
     * @param anisotropic          rescale each Cartesian axis by its own diagonal pressure (else the volume)
     * @param tauPs                relaxation time τ_p, ps
     * @param compressibilityPerBar isothermal compressibility β_T, 1/bar (sets the relaxation rate
     *                              β_T·K/τ_p, not the sampled distribution)
     */
    public record Barostat(boolean anisotropic, double tauPs, double compressibilityPerBar) {
        /** Isotropic, τ_p = 1 ps, β_T = 1e-6 /bar (solids: Cu 7.3e-7, Al 1.3e-6; water 4.5e-5). */
        public static final Barostat DEFAULT = new Barostat(false, 1.0, 1e-6);
    }

    /**
     * Exploration settings.
     *
     * @param stages           stages in order
     * @param timestepPs       Δt, ps (given as {@code timestep-fs})
     * @param frictionPerPs    Langevin γ, 1/ps (NVT and NPT)
     * @param chunkSteps       MD steps per chunk
     * @param sampleInterval   steps between sampled frames
     * @param maxInFlight      unacknowledged batches per walker (backpressure)
     * @param failedBatchesRestart batches without accurate frames before a restart
     * @param maxForce         explosion threshold, eV/Å
     * @param barostat         barostat of NPT stages
     */
    public record Exploration(List<Stage> stages, double timestepPs, double frictionPerPs, int chunkSteps,
                              int sampleInterval, int maxInFlight, int failedBatchesRestart, double maxForce,
                              Barostat barostat) {
        /** Exploration with the default barostat. */
        public Exploration(List<Stage> stages, double timestepPs, double frictionPerPs, int chunkSteps,
                           int sampleInterval, int maxInFlight, int failedBatchesRestart, double maxForce) {
            this(stages, timestepPs, frictionPerPs, chunkSteps, sampleInterval, maxInFlight, failedBatchesRestart,
                    maxForce, Barostat.DEFAULT);
        }
    }

    /**
     * Examination settings.
     *
     * @param trust            force trust levels, eV/Å
     * @param policy           selection policy
     * @param maxCandidatesPerModel cap per model version (every member publication is a new version)
     * @param dedupeThreshold  near-duplicate RMS displacement, Å
     * @param adaptiveRatio    adaptive-lower candidate fraction
     * @param adaptiveFloor    adaptive-lower floor, eV/Å
     * @param reservoirFrames  frames of the exploration reservoir, a uniform random sample of every scored frame
     *                         kept in the store ({@link ExplorationReservoir}); 0 = none
     */
    public record Examination(TrustLevels trust, SelectionPolicy policy, int maxCandidatesPerModel,
                              double dedupeThreshold, double adaptiveRatio, double adaptiveFloor, int reservoirFrames) {
        /** Examination settings without an exploration reservoir. */
        public Examination(TrustLevels trust, SelectionPolicy policy, int maxCandidatesPerModel, double dedupeThreshold,
                           double adaptiveRatio, double adaptiveFloor) {
            this(trust, policy, maxCandidatesPerModel, dedupeThreshold, adaptiveRatio, adaptiveFloor, 0);
        }
    }

    /**
     * Labeling settings.
     *
     * @param oracle          oracle SPEC (see the labeler's SPEC grammar); binaries come from server config
     * @param workers         labelers
     * @param timeoutS        timeout of one oracle call, s
     * @param retries         retries per candidate
     * @param backoffS        first retry delay, s
     * @param quarantineAfter consecutive failures before a labeler pauses
     * @param quarantineS     pause, s
     * @param simulatedLatencyMedianS median of a declared, simulated log-normal extra latency per call, s (0 = none)
     * @param simulatedLatencySigma   log-normal σ of that latency
     */
    public record Labeling(String oracle, int workers, double timeoutS, int retries, double backoffS,
                           int quarantineAfter, double quarantineS, double simulatedLatencyMedianS,
                           double simulatedLatencySigma) {
    }

    /**
     * Training settings.
     *
     * @param ensembleSize    K
     * @param model           architecture
     * @param firstRoundSteps steps of the first round
     * @param stepsPerRound   steps of later rounds
     * @param startLr         first-round start learning rate
     * @param warmStartLr     later rounds' start learning rate
     * @param stopLr          end learning rate
     * @param prefactors      loss prefactors
     * @param batchAtoms      auto batch rule
     * @param triggerNewLabels a round starts after this many new labels (1 with {@code trigger = idle})
     * @param warmStart       warm start from the previous round
     */
    public record Training(int ensembleSize, DpSpec model, long firstRoundSteps, long stepsPerRound, double startLr,
                           double warmStartLr, double stopLr, LossPrefactors prefactors, int batchAtoms,
                           int triggerNewLabels, boolean warmStart) {
    }

    /**
     * Initial data.
     *
     * @param files      deepmd/npy directories or extxyz files with labels, imported once
     * @param bootstrap  K perturbed copies of the initial structures labeled before the first round
     * @param rattleA    Gaussian rattle of bootstrap structures, Å
     * @param strain     max random strain of bootstrap structures
     * @param trainAfter asynchronous mode: the first round starts when this fraction of the bootstrap
     *                   is labeled (the rest is labeled while it trains and joins the next round);
     *                   1 = after the whole bootstrap. The synchronous baseline always waits for all.
     */
    public record InitialData(List<String> files, int bootstrap, double rattleA, double strain, double trainAfter) {
        /** Initial data whose first round waits for the whole bootstrap. */
        public InitialData(List<String> files, int bootstrap, double rattleA, double strain) {
            this(files, bootstrap, rattleA, strain, 1.0);
        }
    }

    /**
     * Convergence and budgets.
     *
     * @param accurateRatio required accurate ratio x
     * @param window        M, examined frames in the window
     * @param maxLabels     label budget
     * @param maxWallS      wall-clock budget, s
     */
    public record Convergence(double accurateRatio, int window, long maxLabels, double maxWallS) {
    }

    /**
     * @param stage exploration stage index
     * @param w     walker index within the stage
     * @return the index (in {@link #systems()}) of the system walker w of the stage starts from:
     *         {@link Stage#systemOf} with the per-stage offset stage × walkers
     */
    public int startSystem(int stage, int w) {
        Stage st = exploration().stages().get(stage);
        return st.systemOf(w, stage * st.walkers(), systems().size());
    }

    /**
     * Independent test set: oracle-driven Langevin MD at each temperature from the middle system
     * (the unstrained one for symmetric strains) or, with {@code allSystems}, from every system.
     *
     * @param temperatures        K
     * @param frames              frames per temperature (and per system with {@code allSystems})
     * @param equilibrationSteps  steps before the first frame
     * @param stepsBetween        steps between frames
     * @param seed                seed (independent of the campaign's)
     * @param allSystems          one trajectory per system and temperature instead of the middle system only
     */
    public record TestSet(List<Double> temperatures, int frames, int equilibrationSteps, int stepsBetween, long seed,
                          boolean allSystems) {
        /** A test set from the middle system only. */
        public TestSet(List<Double> temperatures, int frames, int equilibrationSteps, int stepsBetween, long seed) {
            this(temperatures, frames, equilibrationSteps, stepsBetween, seed, false);
        }
    }
}
