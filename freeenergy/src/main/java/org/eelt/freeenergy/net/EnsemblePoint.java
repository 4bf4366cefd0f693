package org.eelt.freeenergy.net;

/**
 * An ensemble's prediction at one point s.
 *
 * @param meanA             Ā(s) = (1/K) Σ_m A_m(s), energy unit
 * @param meanGradient      ∂Ā/∂s (energy per CV unit)
 * @param meanForce         F̄ = −∂Ā/∂s
 * @param deviation         ε(s) = sqrt((1/d) Σ_q σ_q²), σ_q² = (1/K) Σ_m (F_mq − F̄_q)² (population variance)
 * @param deviationGradient ∂ε/∂s (energy per CV unit²), or null when not requested
 */
public record EnsemblePoint(double meanA, double[] meanGradient, double[] meanForce, double deviation,
                            double[] deviationGradient) {
}
