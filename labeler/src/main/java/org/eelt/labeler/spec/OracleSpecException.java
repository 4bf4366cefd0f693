package org.eelt.labeler.spec;

import org.eelt.labeler.oracle.OracleSetupException;

/** An invalid oracle SPEC: the message names the problem and shows the grammar ({@link OracleSpec#GRAMMAR}). */
public final class OracleSpecException extends OracleSetupException {
    private static final long serialVersionUID = 1L;

    /**
     * @param spec    the SPEC text as given
     * @param problem what is wrong
     */
    public OracleSpecException(String spec, String problem) {
        super("invalid oracle SPEC '" + spec + "': " + problem + "\n" + OracleSpec.GRAMMAR);
    }
}
