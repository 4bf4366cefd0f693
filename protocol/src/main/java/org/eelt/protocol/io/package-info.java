/**
 * File formats for structures and labels, all reading and writing {@code List<Frame>}:
 * <ul>
 * <li>{@link org.eelt.protocol.io.ExtXyz}: ASE extended XYZ and plain XYZ, multi-frame, with the
 * extra comment-line entries as {@link org.eelt.protocol.io.ExtXyzFrame#info()};</li>
 * <li>{@link org.eelt.protocol.io.DeepmdNpy}: DeePMD-kit deepmd/npy system directories
 * ({@code type.raw}, {@code type_map.raw}, {@code set.NNN/*.npy}, {@code nopbc});</li>
 * <li>{@link org.eelt.protocol.io.LammpsData}: LAMMPS data files (atom_style atomic), with the
 * restricted-triclinic box and rotation in {@link org.eelt.protocol.io.LammpsBox};</li>
 * <li>{@link org.eelt.protocol.io.Npy}: NumPy {@code .npy} arrays
 * ({@link org.eelt.protocol.io.NpyArray});</li>
 * <li>{@link org.eelt.protocol.io.Formats}: detection by path ({@link org.eelt.protocol.io.FileFormat}),
 * atomic writes and a summary ({@link org.eelt.protocol.io.FormatInfo}).</li>
 * </ul>
 * Units: positions and cells Å, energies eV, forces eV/Å, virials eV (Ξ = −Σ r ⊗ ∂E/∂r,
 * stress σ = −Ξ/V in eV/Å³), masses amu. Malformed content raises
 * {@link org.eelt.protocol.io.FormatException} naming the file, the location (line, column, frame,
 * set or array) and a fix; I/O failures stay {@link java.io.IOException}.
 */
package org.eelt.protocol.io;
