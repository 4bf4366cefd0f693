package org.eelt.protocol.messages;

/**
 * Event: one ensemble member finished a training round and published its model. Members
 * publish independently; explorers and the examiner pick the newest model of each member up.
 *
 * @param member       ensemble member index (0..K−1)
 * @param generation   the member's training round (1, 2, …); higher is newer
 * @param datasetSize  number of labeled frames (the store snapshot) it was trained on
 * @param modelYaml    the model as an {@code eelt-dp} YAML document (EeltModelFile)
 * @param trainRmseE   energy RMSE per atom of the last training batch, eV/atom
 * @param trainRmseF   force RMSE of the last training batch, eV/Å
 * @param steps        optimizer steps of this round
 * @param trainSeconds wall-clock seconds of this round
 */
public record ModelPublished(int member, long generation, long datasetSize, String modelYaml, double trainRmseE,
                             double trainRmseF, long steps, double trainSeconds) implements CborSerializable {
}
