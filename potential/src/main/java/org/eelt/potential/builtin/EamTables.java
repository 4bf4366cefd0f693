package org.eelt.potential.builtin;

import java.util.List;

/**
 * Tabulated EAM functions on LAMMPS's common grid, after its {@code file2array()} step: embedding
 * energies F_e(ρ) on ρ_k = k·drho (k = 0..nrho−1, eV), densities ρ(r) and r·φ(r) (eV·Å) on
 * r_k = k·dr (k = 0..nr−1, Å), with LAMMPS's index maps:
 * <ul>
 *   <li>density at an atom of element a due to a neighbor of element b is
 *       {@code rhor[rhorIndex[b][a]]};</li>
 *   <li>the pair term of elements a, b is {@code z2r[z2rIndex[a][b]]} (= r·φ_ab(r)).</li>
 * </ul>
 * Instances come from {@link EamFileReader}; arrays are shared, not copied, so callers must not
 * modify them.
 *
 * @param source    the file name(s), for messages
 * @param elements  element symbols, index = element id
 * @param masses    masses from the file (amu), per element
 * @param nrho      number of ρ grid points
 * @param drho      ρ grid spacing
 * @param nr        number of r grid points
 * @param dr        r grid spacing (Å)
 * @param cutoff    interaction cutoff (Å)
 * @param rhoMax    the density beyond which LAMMPS extends F linearly: (nrho − 1)·drho for setfl
 *                  and fs files; for funcfl files the largest (nrho_f − 1)·drho_f over the files,
 *                  which can exceed the merged grid's last point (LAMMPS rounds the merged nrho
 *                  down by one for a single file) and is kept as LAMMPS has it
 * @param frho      F per element, nrho values each (eV)
 * @param rhor      density functions, nr values each
 * @param rhorIndex [b][a]: which density function an element-b neighbor contributes at an element-a atom
 * @param z2r       r·φ functions (eV·Å), nr values each
 * @param z2rIndex  [a][b]: which r·φ function the pair (a, b) uses
 */
public record EamTables(String source, List<String> elements, double[] masses, int nrho, double drho, int nr,
                        double dr, double cutoff, double rhoMax, double[][] frho, double[][] rhor, int[][] rhorIndex,
                        double[][] z2r, int[][] z2rIndex) {
    /** @return the index of the lower-triangular pair (a, b) in LAMMPS's z2r ordering. */
    static int lowerTriangle(int a, int b) {
        int row = Math.max(a, b);
        int col = Math.min(a, b);
        return row * (row + 1) / 2 + col;
    }
}
