package org.eelt.deploy.cli;

import org.eelt.labeler.oracle.OracleSetupException;
import org.eelt.protocol.io.FormatException;
import org.eelt.trainer.config.ConfigException;
import picocli.CommandLine;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Turns exceptions from subcommands into one clear line on stderr and an exit status:
 * 2 for bad input (malformed files, invalid arguments), 1 for failures while running.
 * Unexpected exceptions keep their stack trace (they are bugs).
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parsed) {
        String name = cmd.getCommandSpec().qualifiedName();
        if (ex instanceof ServiceCliException s) {
            System.err.println(name + ": " + s.getMessage());
            return s.exitCode();
        }
        if (ex instanceof FormatException || ex instanceof IllegalArgumentException
                || ex instanceof OracleSetupException || ex instanceof ConfigException) {
            System.err.println(name + ": error: " + ex.getMessage());
            return 2;
        }
        if (ex instanceof IOException || ex instanceof UncheckedIOException) {
            System.err.println(name + ": I/O error: " + ex.getMessage());
            return 1;
        }
        if (ex instanceof CliFailure) {
            System.err.println(name + ": " + ex.getMessage());
            return 1;
        }
        System.err.println(name + ": internal error (please report): " + ex);
        ex.printStackTrace(System.err);
        return 1;
    }
}
