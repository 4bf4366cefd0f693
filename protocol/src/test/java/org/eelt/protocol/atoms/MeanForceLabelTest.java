package org.eelt.protocol.atoms;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MeanForceLabelTest {
    @Test
    void acceptsEqualFiniteArraysWithNonNegativeErrors() {
        assertDoesNotThrow(() -> MeanForceLabel.validate(new double[] {1.0, -3.1}, new double[] {0.2, 0},
                new double[] {0, 0.01}));
    }

    @Test
    void refusesEmptyOrUnequalLengths() {
        assertThrows(IllegalArgumentException.class,
                () -> MeanForceLabel.validate(new double[0], new double[0], new double[0]));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MeanForceLabel.validate(new double[2], new double[1], new double[2]));
        assertTrue(e.getMessage().contains("2, 1, 2"), e.getMessage());
    }

    @Test
    void namesTheComponentWithANonFiniteValueOrNegativeError() {
        double[][] bad = {{Double.NaN, 0, 0}, {0, Double.POSITIVE_INFINITY, 0}, {0, 0, -1e-9}, {0, 0, Double.NaN},
            {0, 0, Double.POSITIVE_INFINITY}};
        for (double[] b : bad) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> MeanForceLabel.validate(new double[] {1, b[0]}, new double[] {1, b[1]}, new double[] {0, b[2]}));
            assertTrue(e.getMessage().contains("component 1"), e.getMessage());
        }
    }
}
