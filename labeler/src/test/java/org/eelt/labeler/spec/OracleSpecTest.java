package org.eelt.labeler.spec;

import org.eelt.labeler.oracle.Oracle;
import org.eelt.labeler.oracle.OracleSettings;
import org.eelt.labeler.oracle.OracleSetupException;
import org.eelt.labeler.oracle.Property;
import org.eelt.protocol.atoms.Cell;
import org.eelt.protocol.atoms.Structure;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OracleSpecTest {
    private static void roundTrips(String text) {
        OracleSpec s = OracleSpec.parse(text);
        assertEquals(s.canonical(), OracleSpec.parse(s.canonical()).canonical(), "canonical form re-parses: " + text);
        assertEquals(s, OracleSpec.parse(s.canonical()));
    }

    @Test
    void parsesEveryKindWithDefaults() {
        var x = assertInstanceOf(OracleSpec.Xtb.class, OracleSpec.parse("xtb"));
        assertEquals(2, x.parameters().gfn());
        assertEquals("xtb:gfn=2;chrg=0;uhf=0;acc=1.0", x.canonical());
        x = assertInstanceOf(OracleSpec.Xtb.class, OracleSpec.parse(" xtb:gfn=1; chrg=-1 ;uhf=1;"));
        assertEquals(-1, x.parameters().charge());
        assertEquals(1, x.parameters().uhf());

        var c = assertInstanceOf(OracleSpec.Cp2k.class, OracleSpec.parse("cp2k:cutoff=400;rel_cutoff=50;smear=0"));
        assertEquals(400, c.parameters().cutoffRy());
        assertEquals(0, c.parameters().smearK());
        assertEquals("DZVP-MOLOPT-SR-GTH", c.parameters().basis());

        var l = assertInstanceOf(OracleSpec.Lammps.class, OracleSpec.parse(
                "lammps:pair_style=eam/alloy;pair_coeff=* *  AlCu.eam.alloy Al Cu;types=Al,Cu"));
        assertEquals(List.of("Al", "Cu"), l.parameters().types());
        assertEquals("lammps:types=Al,Cu;pair_style=eam/alloy;pair_coeff=* * AlCu.eam.alloy Al Cu", l.canonical());
        var lj2 = assertInstanceOf(OracleSpec.Lammps.class, OracleSpec.parse(
                "lammps:pair_style=lj/cut 8.0;pair_coeff=1 1 0.0104 3.4;pair_coeff=1 2 0.01 3.5;pair_coeff=2 2 0.014 3.6;"
                        + "mass=1 39.948;mass=2 83.798;types=Ar,Kr"));
        assertEquals(3, lj2.parameters().pairCoeff().size());
        assertEquals(2, lj2.parameters().masses().size());

        var sc = assertInstanceOf(OracleSpec.SuttonChenSpec.class, OracleSpec.parse("sutton-chen:"));
        assertEquals(3.61, sc.parameters().a());
        assertEquals(2 * 3.61, sc.parameters().rCut(), 1e-15);
        assertInstanceOf(OracleSpec.SuttonChenSpec.class, OracleSpec.parse("sutton-chen"));

        var lj = assertInstanceOf(OracleSpec.Lj.class, OracleSpec.parse("lj:Ar-Ar=0.0104,3.40,8.5;Ar-Kr=0.012,3.5,8.5;Kr-Kr=0.014,3.6,9"));
        assertEquals(3, lj.pairs().size());
        assertEquals("eam:Cu_u3.eam", OracleSpec.parse("eam:Cu_u3.eam").canonical());

        for (String s : List.of("xtb:gfn=1;acc=0.1", "cp2k:cutoff=300;multiplicity=3", "sutton-chen:rc=6.5",
                "lj:Ar-Ar=0.0104,3.40,8.5", "lammps:pair_style=eam;pair_coeff=* * Cu_u3.eam", "eam:AlCu.eam.alloy",
                "lammps:pair_style=lj/cut 8.5;pair_coeff=1 1 0.0104 3.4;pair_modify=shift yes;types=Ar")) {
            roundTrips(s);
        }
    }

    @Test
    void invalidSpecShowsTheGrammar() {
        for (String bad : List.of("", "vasp:encut=400", "xtb:gfn=3", "xtb:charge=1", "cp2k:cutoff=abc",
                "lj:Ar-Ar=0.01,3.4", "lj:ArAr=0.01,3.4,8", "eam:", "eam:Cu.txt", "lammps:pair_style=eam",
                "lammps:pair_coeff=* * Cu_u3.eam", "xtb:gfn=2;gfn=1", "cp2k:multiplicity=0",
                "sutton-chen:element=Ag", "lammps:pair_style=eam;pair_coeff=* * x.eam\nshell rm -rf /",
                "lammps:pair_style=eam;pair_coeff=* * $(x)", "lammps:pair_style=python 2.5;pair_coeff=* * py.X Cu")) {
            OracleSetupException e = assertThrows(OracleSetupException.class, () -> OracleSpec.parse(bad), bad);
            assertTrue(e.getMessage().contains("SPEC grammar:"), "message shows the grammar: " + e.getMessage());
            assertTrue(e.getMessage().contains("invalid oracle SPEC"), e.getMessage());
        }
        OracleSetupException e = assertThrows(OracleSetupException.class, () -> OracleSpec.parse("xtb:charge=1"));
        assertTrue(e.getMessage().contains("unknown key 'charge'") && e.getMessage().contains("chrg"), e.getMessage());
        e = assertThrows(OracleSetupException.class,
                () -> OracleSpec.parse("lammps:pair_style=eam;pair_coeff=* * x.eam\nshell touch /tmp/pwned"));
        assertTrue(e.getMessage().contains("forbidden character"), e.getMessage());
    }

    @Test
    void builtinOraclesFromSpecs() {
        OracleSettings settings = OracleSettings.defaults();
        Oracle lj = Oracles.create("lj:Ar-Ar=0.0104,3.40,8.5;Ar-Kr=0.012,3.5,8.5;Kr-Kr=0.014,3.6,9", settings);
        Structure dimer = new Structure(new String[] {"Ar", "Kr"}, new double[] {0, 0, 0, 3.9, 0, 0}, Cell.nonPeriodic());
        double r = 3.9, s = 3.5, eps = 0.012;
        double expected = 4 * eps * (Math.pow(s / r, 12) - Math.pow(s / r, 6)) - 4 * eps * (Math.pow(s / 8.5, 12)
                - Math.pow(s / 8.5, 6));
        assertEquals(expected, lj.calculate(dimer, Set.of(Property.ENERGY)).energy(), 1e-14);
        OracleSetupException e = assertThrows(OracleSetupException.class,
                () -> Oracles.create("lj:Ar-Ar=0.0104,3.40,8.5;Kr-Kr=0.014,3.6,9", settings));
        assertTrue(e.getMessage().contains("Ar-Kr is missing"), e.getMessage());

        Oracle sc = Oracles.create("sutton-chen:", settings);
        assertEquals("sutton-chen", sc.name());
        Structure agDimer = new Structure(new String[] {"Ag", "Ag"}, new double[] {0, 0, 0, 2.9, 0, 0}, Cell.nonPeriodic());
        e = assertThrows(OracleSetupException.class, () -> sc.calculate(agDimer, Set.of(Property.ENERGY)));
        assertTrue(e.getMessage().contains("'Ag'"), e.getMessage());

        e = assertThrows(OracleSetupException.class, () -> Oracles.create("eam:/nonexistent/Cu.eam", settings));
        assertTrue(e.getMessage().contains("not found"), e.getMessage());
    }
}
