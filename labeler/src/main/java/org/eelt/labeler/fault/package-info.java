/**
 * Fault injection for reliability tests: {@link org.eelt.labeler.fault.FaultyOracle} wraps a real
 * oracle and makes a seeded, deterministic fraction of its calls fail through the same failure
 * paths real external codes take (a process exiting non-zero, a process killed by its timeout,
 * garbage output rejected by a real output parser, a non-finite force rejected by the result check,
 * a hang that outlives the labeler's timeout). SPEC form: {@code faulty:rate=0.2,seed=1,kinds=exit|nan:INNER}.
 */
package org.eelt.labeler.fault;
