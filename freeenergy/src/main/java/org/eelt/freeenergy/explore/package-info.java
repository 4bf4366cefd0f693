/**
 * Exploration with a free-energy ensemble: {@link org.eelt.freeenergy.explore.CvLangevinSampler}
 * (overdamped Langevin walkers in CV space on the ensemble-mean A, well-tempered),
 * {@link org.eelt.freeenergy.explore.EnsembleBiasPotential} (biased MD in full space with
 * U_bias = −σ(ε)·Ā, conservative) and {@link org.eelt.freeenergy.explore.CvClustering} (greedy leader
 * clustering of candidate CV points with periodic distances).
 */
package org.eelt.freeenergy.explore;
