package org.eelt.trainer;

/**
 * Errors of one lcurve entry.
 *
 * @param rmse  √L with the current prefactors
 * @param rmseE energy RMSE per atom, eV
 * @param rmseF force RMSE, eV/Å
 * @param rmseV virial RMSE per atom, eV (NaN without virial labels)
 */
public record LcurvePoint(double rmse, double rmseE, double rmseF, double rmseV) {
}
