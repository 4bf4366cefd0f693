/**
 * The Müller–Brown test system with an analytically known free energy:
 * {@link org.eelt.freeenergy.mb.MullerBrown} (the 2-D surface), {@link org.eelt.freeenergy.mb.MullerBrownPotential}
 * (a two-atom "molecule" whose marginal free energy in (x, y) of atom 0 is exactly the scaled surface)
 * and {@link org.eelt.freeenergy.mb.FesGrid} (free-energy surfaces on grids: RMSE against an exact
 * reference in k_BT, ΔF between basins, CSV and PNG heat-map output).
 */
package org.eelt.freeenergy.mb;
