package org.eelt.labeler.spec;

import org.eelt.labeler.cp2k.Cp2kParameters;
import org.eelt.labeler.lammps.LammpsParameters;
import org.eelt.labeler.xtb.XtbParameters;

import java.util.List;
import java.util.Locale;

/**
 * What oracle to label with, as one line of text (a campaign's {@code oracle:} entry or the CLI's
 * {@code --oracle}). The SPEC says <i>what</i> to compute; where binaries live and how long they may
 * run is machine configuration ({@link org.eelt.labeler.oracle.OracleSettings}), so a SPEC never
 * carries a command line. Parse with {@link #parse(String)}, build with {@link Oracles#create}.
 *
 * <p>Grammar (EBNF; {@code num} is a decimal number, {@code name} a species/element label):
 * <pre>
 * spec        = lj | sutton-chen | eam | lammps | xtb | cp2k | faulty ;
 * lj          = "lj:" ljpair { ";" ljpair } ;               (every pair of the species present, once)
 * ljpair      = name "-" name "=" num "," num "," num ;     (ε eV, σ Å, r_c Å; truncated and shifted)
 * sutton-chen = "sutton-chen" [ ":" [ kv { ";" kv } ] ] ;   keys element eps c a n m r_on rc
 *                                                           (default: published Cu, r_on = 1.5a, rc = 2a)
 * eam         = "eam:" file ;                               (.eam funcfl, .eam.alloy setfl, .eam.fs Finnis–Sinclair;
 *                                                            relative names also searched in the potentials dir)
 * lammps      = "lammps:" kv { ";" kv } ;                   keys types (name {"," name}, the species of types 1..T),
 *                                                           pair_style (once), pair_coeff (one or more),
 *                                                           pair_modify (any), mass (any)
 * xtb         = "xtb" [ ":" [ kv { ";" kv } ] ] ;           keys gfn (2) chrg (0) uhf (0) acc (1.0)
 * cp2k        = "cp2k" [ ":" [ kv { ";" kv } ] ] ;          keys cutoff (200 Ry) rel_cutoff (30 Ry) charge (0)
 *                                                           multiplicity (1) max_scf (50) eps_scf (1e-6)
 *                                                           smear (1000 K) basis (DZVP-MOLOPT-SR-GTH) potential (GTH-PBE)
 * faulty      = "faulty:" fkv { "," fkv } ":" spec ;       keys rate (required, 0..1) seed (0)
 *                                                           kinds (exit|timeout|nan|garbage|hang, default all)
 *                                                           timeout-s (1) hang-s (30); for reliability tests only,
 *                                                           the inner spec must not be faulty itself
 * fkv         = key "=" value ;                             (no "," or ":" in values)
 * kv          = key "=" value ;                             (no ";" in values)
 * </pre>
 * Examples: {@code lj:Ar-Ar=0.0104,3.40,8.5}, {@code sutton-chen:}, {@code eam:Cu_u3.eam},
 * {@code lammps:pair_style=eam/alloy;pair_coeff=* * AlCu.eam.alloy Al Cu;types=Al,Cu},
 * {@code xtb:gfn=2;chrg=0;uhf=0}, {@code cp2k:cutoff=400;rel_cutoff=50}.
 */
public sealed interface OracleSpec permits OracleSpec.Lj, OracleSpec.SuttonChenSpec, OracleSpec.Eam,
        OracleSpec.Lammps, OracleSpec.Xtb, OracleSpec.Cp2k, OracleSpec.Faulty {

    /** The grammar, shown in every parse error. */
    String GRAMMAR = """
            SPEC grammar:
              lj:A-B=EPS,SIGMA,RC[;C-D=...]          Lennard-Jones per species pair (eV, Å, Å), all pairs present
              sutton-chen:[element=Cu;eps=;c=;a=;n=;m=;r_on=;rc=]   Sutton-Chen (default: published Cu)
              eam:FILE                               tabulated EAM: .eam (funcfl), .eam.alloy (setfl), .eam.fs
              lammps:pair_style=STYLE;pair_coeff=ARGS[;pair_coeff=...][;pair_modify=ARGS][;mass=TYPE AMU][;types=A,B]
              xtb:[gfn=2;chrg=0;uhf=0;acc=1.0]       GFN-xTB, isolated molecules
              cp2k:[cutoff=200;rel_cutoff=30;charge=0;multiplicity=1;max_scf=50;eps_scf=1e-6;smear=1000;
                    basis=DZVP-MOLOPT-SR-GTH;potential=GTH-PBE]   CP2K PBE, periodic cells
              faulty:rate=0.2[,seed=1][,kinds=exit|timeout|nan|garbage|hang][,timeout-s=1][,hang-s=30]:SPEC
                                                     fault injection around SPEC (reliability tests)
            examples: lj:Ar-Ar=0.0104,3.40,8.5   eam:Cu_u3.eam   lammps:pair_style=eam;pair_coeff=* * Cu_u3.eam
                      xtb:gfn=2;chrg=0;uhf=0     cp2k:cutoff=400;rel_cutoff=50""";

    /** @return the canonical SPEC text: defaults filled in, fixed key order, normalized numbers. */
    String canonical();

    /**
     * @param spec SPEC text
     * @return the parsed SPEC
     * @throws OracleSpecException with the grammar when the text is invalid
     */
    static OracleSpec parse(String spec) {
        return SpecParser.parse(spec);
    }

    /**
     * One Lennard-Jones species pair.
     *
     * @param a       first species
     * @param b       second species
     * @param epsilon ε in eV
     * @param sigma   σ in Å
     * @param cutoff  r_c in Å
     */
    record LjPair(String a, String b, double epsilon, double sigma, double cutoff) {
    }

    /** @param pairs one entry per unordered species pair */
    record Lj(List<LjPair> pairs) implements OracleSpec {
        /** Copies the list. */
        public Lj {
            pairs = List.copyOf(pairs);
        }

        @Override
        public String canonical() {
            StringBuilder sb = new StringBuilder("lj:");
            for (int i = 0; i < pairs.size(); i++) {
                LjPair p = pairs.get(i);
                sb.append(i == 0 ? "" : ";").append(p.a()).append('-').append(p.b()).append('=')
                        .append(p.epsilon()).append(',').append(p.sigma()).append(',').append(p.cutoff());
            }
            return sb.toString();
        }
    }

    /** @param parameters Sutton–Chen parameters */
    record SuttonChenSpec(org.eelt.potential.builtin.SuttonChen.Parameters parameters) implements OracleSpec {
        @Override
        public String canonical() {
            var p = parameters;
            return String.format(Locale.ROOT, "sutton-chen:element=%s;eps=%s;c=%s;a=%s;n=%s;m=%s;r_on=%s;rc=%s",
                    p.element(), p.epsilon(), p.c(), p.a(), p.n(), p.m(), p.rOn(), p.rCut());
        }
    }

    /** @param file EAM potential file as given (absolute, or relative to the working or potentials directory) */
    record Eam(String file) implements OracleSpec {
        @Override
        public String canonical() {
            return "eam:" + file;
        }
    }

    /** @param parameters LAMMPS force field */
    record Lammps(LammpsParameters parameters) implements OracleSpec {
        @Override
        public String canonical() {
            return parameters.canonical();
        }
    }

    /** @param parameters xtb options */
    record Xtb(XtbParameters parameters) implements OracleSpec {
        @Override
        public String canonical() {
            return parameters.canonical();
        }
    }

    /** @param parameters CP2K options */
    record Cp2k(Cp2kParameters parameters) implements OracleSpec {
        @Override
        public String canonical() {
            return parameters.canonical();
        }
    }

    /**
     * A real oracle wrapped by {@link org.eelt.labeler.fault.FaultyOracle} (reliability tests).
     *
     * @param rate     probability that a call fails, in [0, 1]
     * @param seed     seed of the deterministic choice of failing calls
     * @param kinds    fault kinds to choose from
     * @param timeoutS process timeout of {@code timeout} faults, s
     * @param hangS    how long a {@code hang} fault sleeps, s (must exceed the labeler's timeout to test it)
     * @param inner    the real oracle's SPEC
     */
    record Faulty(double rate, long seed, List<org.eelt.labeler.fault.FaultKind> kinds, double timeoutS, double hangS,
                  OracleSpec inner) implements OracleSpec {
        /** Copies the list. */
        public Faulty {
            kinds = List.copyOf(kinds);
        }

        @Override
        public String canonical() {
            StringBuilder k = new StringBuilder();
            for (var kind : kinds) {
                k.append(k.length() == 0 ? "" : "|").append(kind.specName());
            }
            return String.format(Locale.ROOT, "faulty:rate=%s,seed=%d,kinds=%s,timeout-s=%s,hang-s=%s:%s", rate, seed,
                    k, timeoutS, hangS, inner.canonical());
        }
    }
}
