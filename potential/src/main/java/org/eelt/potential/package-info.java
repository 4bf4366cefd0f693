/**
 * The potential contract shared by built-in potentials, Deep Potential models and MD:
 * {@link org.eelt.potential.Potential} and {@link org.eelt.potential.ForceResult}. Units eV, Å.
 */
package org.eelt.potential;
