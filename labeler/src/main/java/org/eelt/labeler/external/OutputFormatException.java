package org.eelt.labeler.external;

/**
 * An external code's output file does not look as expected (missing section, unparseable number,
 * wrong atom count). {@link ExternalOracle} turns it into a
 * {@link org.eelt.labeler.oracle.CalculationFailedException} quoting the output.
 */
public class OutputFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param file    the output file's name
     * @param problem what is wrong, with the line number where known
     */
    public OutputFormatException(String file, String problem) {
        super(file + ": " + problem);
    }
}
