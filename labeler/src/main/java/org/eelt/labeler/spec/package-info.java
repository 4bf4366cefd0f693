/** The oracle SPEC grammar ({@link org.eelt.labeler.spec.OracleSpec}) and the factory that builds oracles from it. */
package org.eelt.labeler.spec;
