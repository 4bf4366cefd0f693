/**
 * Deep Potential, smooth edition (DeepPot-SE, DeePMD-kit's {@code se_e2_a} descriptor with an
 * energy fitting net): immutable model classes, exact inference with hand-written backward
 * passes, DeePMD-kit dpmodel YAML import/export and EELT's versioned model file.
 *
 * <p>Entry points:
 * <ul>
 *   <li>{@link org.eelt.potential.dp.DeepPotModels#load(java.nio.file.Path)} reads either an
 *       {@code eelt-dp} file or a DeePMD-kit dpmodel YAML; {@link org.eelt.potential.dp.DpModelYaml}
 *       and {@link org.eelt.potential.dp.EeltModelFile} read and write each format.</li>
 *   <li>{@link org.eelt.potential.dp.DeepPotEvaluator} is the {@link org.eelt.potential.Potential}
 *       (energy, forces, virial, per-atom energies and virials); its
 *       {@link org.eelt.potential.dp.DeepPotEvaluator#compressed compressed} variant tabulates the
 *       embedding nets ({@link org.eelt.potential.dp.CompressedEmbeddings}).</li>
 *   <li>{@link org.eelt.potential.dp.DeepPotModels#random} initialises a model of a
 *       {@link org.eelt.potential.dp.DpArchitecture}; {@link org.eelt.potential.dp.ParameterGradient}
 *       gives dE/dθ; {@link org.eelt.potential.dp.DeepPotFlops} counts the network's FLOPs.</li>
 * </ul>
 *
 * <p>For builders on top (training): {@link org.eelt.potential.dp.DenseLayer} has separate
 * forward and backward functions (with optional weight-gradient accumulation),
 * {@link org.eelt.potential.dp.DenseNet.Trace} keeps every layer's input and activation, and the
 * package-private {@code DescriptorPass}, {@code FittingPass}, {@code EnvMatrix} and
 * {@code NeighborSelection} expose the descriptor's intermediates (R̂, embedding traces, T, D) and
 * the backward steps dD → dR̂ → ∂E/∂d.
 *
 * <p>Speed: for energy and forces the embedding nets run in forward mode ({@code DenseNet#tangent}:
 * G and dG/dŝ in one pass, no traces) on real neighbors only, with one row shared by a group's
 * padded slots ({@code EmbeddingRows}); products run in the package's Vector API kernel
 * ({@code VectorGemm}, with 512-bit vectors) or through OpenBLAS DGEMM
 * ({@link org.eelt.potential.dp.Gemm}, operands staged off-heap), in row chunks; element-wise work
 * (tanh, bias, skips, the descriptor contraction) uses {@link org.eelt.potential.dp.VectorMath},
 * SIMD through {@code jdk.incubator.vector} when the JVM has that module, identical scalar loops
 * otherwise.
 *
 * <p>Units: positions and cutoffs in Å, energies in eV, forces in eV/Å, virials in eV.
 * All arrays are flat row-major {@code double[]}; the numerical kernels are pure functions.
 */
package org.eelt.potential.dp;
