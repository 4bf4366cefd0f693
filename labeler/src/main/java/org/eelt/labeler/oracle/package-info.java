/**
 * The oracle contract after ASE's calculator: {@link org.eelt.labeler.oracle.Oracle} declares its
 * {@link org.eelt.labeler.oracle.Property properties} and computes an
 * {@link org.eelt.labeler.oracle.OracleResult} (energy eV, forces eV/Å, virial eV) or throws
 * {@link org.eelt.labeler.oracle.OracleSetupException} (configuration) or
 * {@link org.eelt.labeler.oracle.CalculationFailedException} (this calculation). Also the
 * {@link org.eelt.labeler.oracle.BuiltinOracle} over any {@link org.eelt.potential.Potential} and the
 * machine-side {@link org.eelt.labeler.oracle.OracleSettings}.
 */
package org.eelt.labeler.oracle;
