package org.eelt.labeler.lammps;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LammpsTypeInferenceTest {
    @Test
    void manyBodyPairCoeffNamesTheTypes() {
        assertEquals(List.of("Al", "Cu"), LammpsOracle.typesFromPairCoeff(List.of("* * AlCu.eam.alloy Al Cu")));
        assertEquals(List.of("Cu", "Cu"), LammpsOracle.typesFromPairCoeff(List.of("*  *  x.eam.fs   Cu Cu")));
    }

    @Test
    void nothingInferredWhenPairCoeffDoesNotListElements() {
        assertEquals(List.of(), LammpsOracle.typesFromPairCoeff(List.of("* * Cu_u3.eam")));
        assertEquals(List.of(), LammpsOracle.typesFromPairCoeff(List.of("1 1 0.01 3.4", "1 2 0.01 3.4")));
        assertEquals(List.of(), LammpsOracle.typesFromPairCoeff(List.of("* * file.tersoff Si NULL")));
        assertEquals(List.of(), LammpsOracle.typesFromPairCoeff(List.of("1 1 file Al Cu")));
    }
}
