/**
 * Trainer ensemble agents (Pekko typed): K {@link org.eelt.trainer.agent.TrainerMember} actors,
 * each training its member on a dataset snapshot on {@code eelt-training-dispatcher}, warm-started
 * from its previous round, and publishing {@link org.eelt.protocol.messages.ModelPublished}
 * independently. Units: Å, eV, eV/Å.
 */
package org.eelt.trainer.agent;
