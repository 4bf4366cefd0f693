/**
 * Neighbor lists for triclinic, mixed-periodic and isolated systems. Distances in Å.
 *
 * <ul>
 *   <li>{@link org.eelt.potential.neighbor.NeighborList}: the full list (i→j and j→i) in compressed
 *       rows; pair p holds neighbor j and its periodic image, d_p = r_j + S_p − r_i, with
 *       S_p = n·H stored as a packed {@link org.eelt.potential.neighbor.ImageCode} (8 bytes per pair
 *       in all) or, for atoms hundreds of cells apart, as 3 doubles.</li>
 *   <li>{@link org.eelt.potential.neighbor.Neighbors#build}: the entry point; it picks the builder.</li>
 *   <li>{@link org.eelt.potential.neighbor.CellListNeighbors}: O(N) cell list on a fractional-coordinate
 *       grid, exact for skewed cells, cells thinner than the cutoff, mixed PBC and unwrapped atoms.</li>
 *   <li>{@link org.eelt.potential.neighbor.BruteForceNeighbors}: the exact O(N²) reference.</li>
 * </ul>
 */
package org.eelt.potential.neighbor;
