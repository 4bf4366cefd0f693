/**
 * Free-energy networks A_θ(s) over collective variables, trained on mean forces.
 *
 * <p>{@link org.eelt.freeenergy.net.FeatureMap} turns s into network inputs (periodic CVs → (cos s, sin s),
 * others standardized); {@link org.eelt.freeenergy.net.FreeEnergyNet} is a tanh MLP with resnet skips and
 * a scalar output, with analytic ∇_s A and Hessian–vector products; {@link org.eelt.freeenergy.net.MeanForceLoss}
 * gives the parameter gradient of the mean-force loss by forward-over-reverse differentiation written
 * by hand on plain double arrays; {@link org.eelt.freeenergy.net.FreeEnergyTrainer} trains one member
 * (Adam, exponential learning rate); {@link org.eelt.freeenergy.net.FreeEnergyEnsemble} holds K members and
 * gives the mean A, the mean force and the mean-force deviation ε(s) with its gradient;
 * {@link org.eelt.freeenergy.net.NetCodec} is the versioned byte format.
 *
 * <p>Units: A in the labels' energy unit (eV or kJ/mol), s in CV units (Å, rad, 1), forces
 * f = −∂A/∂s in energy per CV unit.
 */
package org.eelt.freeenergy.net;
