package org.eelt.explorer.md;

/**
 * Settings of one MD run (a CLI or a walker fills them through {@link #builder()}).
 *
 * @param timestep             Δt in ps (&gt; 0), e.g. 0.001 for 1 fs
 * @param steps                number of steps (≥ 0)
 * @param temperature          target temperature in K (≥ 0); also the temperature of the initial
 *                             Maxwell–Boltzmann velocities
 * @param thermostat           none (NVE), Langevin BAOAB or Bussi stochastic velocity rescaling
 * @param thermostatTau        thermostat time constant in ps: Bussi's τ_T, or the Langevin damping
 *                             time 1/γ
 * @param barostat             none, isotropic or per-axis (anisotropic) stochastic cell rescaling
 * @param pressure             target pressure in bar
 * @param barostatTau          barostat relaxation time τ_p in ps
 * @param compressibility      isothermal compressibility β_T in 1/bar (Cu ≈ 7.3e-7, water 4.5e-5)
 * @param skin                 neighbor-list skin in Å (≥ 0); lists are rebuilt only when needed
 * @param seed                 random seed: same seed, same trajectory
 * @param initialVelocities    draw Maxwell–Boltzmann velocities at {@code temperature} before the
 *                             first step (otherwise the state's velocities are used)
 * @param thermoEvery          thermo sample interval in steps (&gt; 0)
 * @param trajectoryEvery      frame interval in steps (0 = no frames)
 * @param checkEvery           interval in steps of the minimum-distance check (&gt; 0)
 * @param minDistance          explosion threshold: closest allowed pair distance in Å
 * @param maxTemperatureFactor explosion threshold: the run stops when T exceeds this factor times
 *                             the target temperature (ignored when the target is 0)
 * @param maxForce             explosion threshold: the run stops when a force component exceeds
 *                             this in magnitude, eV/Å (&gt; 0; +∞, the default, disables the check)
 */
public record MdSettings(double timestep, long steps, double temperature, Thermostat thermostat,
                         double thermostatTau, Barostat barostat, double pressure, double barostatTau,
                         double compressibility, double skin, long seed, boolean initialVelocities,
                         int thermoEvery, int trajectoryEvery, int checkEvery, double minDistance,
                         double maxTemperatureFactor, double maxForce) {
    /** Temperature control. */
    public enum Thermostat {
        /** Microcanonical velocity Verlet. */
        NONE,
        /** Langevin dynamics, BAOAB splitting (Leimkuhler–Matthews). */
        LANGEVIN,
        /** Stochastic velocity rescaling (Bussi, Donadio, Parrinello 2007). */
        BUSSI
    }

    /** Pressure control. */
    public enum Barostat {
        /** Constant cell. */
        NONE,
        /** Stochastic cell rescaling of the volume (Bernetti &amp; Bussi 2020). */
        ISOTROPIC,
        /** Stochastic cell rescaling of each Cartesian axis by its diagonal pressure. */
        ANISOTROPIC
    }

    /** Validates every field; the message names the setting and the accepted range. */
    public MdSettings {
        require(timestep > 0 && Double.isFinite(timestep), "timestep", timestep, "> 0 ps");
        require(steps >= 0, "steps", steps, ">= 0");
        require(temperature >= 0 && Double.isFinite(temperature), "temperature", temperature, ">= 0 K");
        if (thermostat == null || barostat == null) {
            throw new IllegalArgumentException("thermostat and barostat must be set (use NONE to disable)");
        }
        if (thermostat != Thermostat.NONE) {
            require(thermostatTau > 0 && Double.isFinite(thermostatTau), "thermostatTau", thermostatTau, "> 0 ps");
        }
        if (barostat != Barostat.NONE) {
            require(barostatTau > 0 && Double.isFinite(barostatTau), "barostatTau", barostatTau, "> 0 ps");
            require(compressibility > 0 && Double.isFinite(compressibility), "compressibility", compressibility,
                    "> 0 1/bar");
            require(Double.isFinite(pressure), "pressure", pressure, "finite (bar)");
            if (thermostat == Thermostat.NONE) {
                throw new IllegalArgumentException("a barostat needs a thermostat: stochastic cell rescaling samples "
                        + "NPT only at constant temperature; set thermostat to BUSSI or LANGEVIN");
            }
        }
        require(skin >= 0 && Double.isFinite(skin), "skin", skin, ">= 0 Å");
        require(thermoEvery > 0, "thermoEvery", thermoEvery, "> 0 steps");
        require(trajectoryEvery >= 0, "trajectoryEvery", trajectoryEvery, ">= 0 steps (0 = none)");
        require(checkEvery > 0, "checkEvery", checkEvery, "> 0 steps");
        require(minDistance >= 0, "minDistance", minDistance, ">= 0 Å");
        require(maxTemperatureFactor > 1, "maxTemperatureFactor", maxTemperatureFactor, "> 1");
        require(maxForce > 0, "maxForce", maxForce, "> 0 eV/Å (Infinity disables the check)");
    }

    private static void require(boolean ok, String key, Object value, String range) {
        if (!ok) {
            throw new IllegalArgumentException("MD setting '" + key + "' = " + value + " is invalid: must be " + range);
        }
    }

    /** @return a builder with defaults: 1 fs, 1000 steps, 300 K, NVE, skin 1 Å, seed 1, thermo every 100. */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding these settings. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.timestep = timestep;
        b.steps = steps;
        b.temperature = temperature;
        b.thermostat = thermostat;
        b.thermostatTau = thermostatTau;
        b.barostat = barostat;
        b.pressure = pressure;
        b.barostatTau = barostatTau;
        b.compressibility = compressibility;
        b.skin = skin;
        b.seed = seed;
        b.initialVelocities = initialVelocities;
        b.thermoEvery = thermoEvery;
        b.trajectoryEvery = trajectoryEvery;
        b.checkEvery = checkEvery;
        b.minDistance = minDistance;
        b.maxTemperatureFactor = maxTemperatureFactor;
        b.maxForce = maxForce;
        return b;
    }

    /** Mutable builder of {@link MdSettings}; {@link #build()} validates. */
    public static final class Builder {
        private double timestep = 0.001;
        private long steps = 1000;
        private double temperature = 300;
        private Thermostat thermostat = Thermostat.NONE;
        private double thermostatTau = 0.1;
        private Barostat barostat = Barostat.NONE;
        private double pressure = 1.0;
        private double barostatTau = 1.0;
        private double compressibility = 1e-6;
        private double skin = 1.0;
        private long seed = 1;
        private boolean initialVelocities = true;
        private int thermoEvery = 100;
        private int trajectoryEvery = 0;
        private int checkEvery = 10;
        private double minDistance = 0.5;
        private double maxTemperatureFactor = 10;
        private double maxForce = Double.POSITIVE_INFINITY;

        private Builder() {
        }

        /** @param ps Δt in ps */
        public Builder timestep(double ps) {
            timestep = ps;
            return this;
        }

        /** @param n number of steps */
        public Builder steps(long n) {
            steps = n;
            return this;
        }

        /** @param kelvin target / initial temperature in K */
        public Builder temperature(double kelvin) {
            temperature = kelvin;
            return this;
        }

        /** Microcanonical (no thermostat, no barostat). */
        public Builder nve() {
            thermostat = Thermostat.NONE;
            barostat = Barostat.NONE;
            return this;
        }

        /** @param tauPs Langevin damping time 1/γ in ps */
        public Builder langevin(double tauPs) {
            thermostat = Thermostat.LANGEVIN;
            thermostatTau = tauPs;
            return this;
        }

        /** @param tauPs Bussi time constant τ_T in ps */
        public Builder bussi(double tauPs) {
            thermostat = Thermostat.BUSSI;
            thermostatTau = tauPs;
            return this;
        }

        /**
         * @param kind            isotropic or anisotropic
         * @param bar             target pressure in bar
         * @param tauPs           τ_p in ps
         * @param compressibility β_T in 1/bar
         */
        public Builder barostat(Barostat kind, double bar, double tauPs, double compressibility) {
            barostat = kind;
            pressure = bar;
            barostatTau = tauPs;
            this.compressibility = compressibility;
            return this;
        }

        /** @param angstrom neighbor-list skin in Å */
        public Builder skin(double angstrom) {
            skin = angstrom;
            return this;
        }

        /** @param s random seed */
        public Builder seed(long s) {
            seed = s;
            return this;
        }

        /** @param draw whether to draw Maxwell–Boltzmann velocities before the first step */
        public Builder initialVelocities(boolean draw) {
            initialVelocities = draw;
            return this;
        }

        /** @param n thermo interval in steps */
        public Builder thermoEvery(int n) {
            thermoEvery = n;
            return this;
        }

        /** @param n frame interval in steps (0 = none) */
        public Builder trajectoryEvery(int n) {
            trajectoryEvery = n;
            return this;
        }

        /** @param n minimum-distance check interval in steps */
        public Builder checkEvery(int n) {
            checkEvery = n;
            return this;
        }

        /** @param angstrom explosion threshold on the closest pair distance */
        public Builder minDistance(double angstrom) {
            minDistance = angstrom;
            return this;
        }

        /** @param factor explosion threshold on T / T_target */
        public Builder maxTemperatureFactor(double factor) {
            maxTemperatureFactor = factor;
            return this;
        }

        /** @param evPerA explosion threshold on |F_ik| in eV/Å (+∞ disables it) */
        public Builder maxForce(double evPerA) {
            maxForce = evPerA;
            return this;
        }

        /** @return validated settings */
        public MdSettings build() {
            return new MdSettings(timestep, steps, temperature, thermostat, thermostatTau, barostat, pressure,
                    barostatTau, compressibility, skin, seed, initialVelocities, thermoEvery, trajectoryEvery,
                    checkEvery, minDistance, maxTemperatureFactor, maxForce);
        }
    }
}
