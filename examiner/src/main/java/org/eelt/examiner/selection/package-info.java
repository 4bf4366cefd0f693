/**
 * Pure selection logic of the examiner: trust levels, the selection policies
 * ({@code fixed}, {@code max-devi}, {@code adaptive-lower}), exact and near-duplicate filters and
 * the accurate-ratio window used for convergence. Deviations are max force deviations in eV/Å;
 * distances in Å.
 */
package org.eelt.examiner.selection;
