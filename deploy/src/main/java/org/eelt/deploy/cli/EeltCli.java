package org.eelt.deploy.cli;

import org.eelt.protocol.atoms.CodeVersion;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code eelt} command line. Every subcommand has {@code --help}. Units at the CLI are
 * those of the underlying commands: eV, Å, ps, K, amu; pressures in bar.
 */
@Command(name = "eelt", mixinStandardHelpOptions = true, versionProvider = EeltCli.Version.class,
        description = "EELT: concurrent Exploration, Examination, Labeling and Training of "
                + "machine-learned interatomic potentials.",
        subcommands = {CommandLine.HelpCommand.class})
public final class EeltCli implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** Entry point: exits with the subcommand's status (0 ok, 1 failure, 2 bad input or usage). */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** @return the configured command line with all subcommands registered. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new EeltCli());
        Subcommands.register(cl);
        cl.setExecutionExceptionHandler(new ErrorHandler());
        return cl;
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Prints the code version. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"eelt " + CodeVersion.get()};
        }
    }
}
