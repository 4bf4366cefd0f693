package org.eelt.deploy.cli;

import picocli.CommandLine;

/** Registers the subcommands of {@code eelt}. */
final class Subcommands {
    private Subcommands() {
    }

    static void register(CommandLine cl) {
        cl.addSubcommand(new RunCommand());
        cl.addSubcommand(new ExportCommand());
        cl.addSubcommand(new ConvertCommand());
        cl.addSubcommand(new InfoCommand());
        cl.addSubcommand(new LabelCommand());
        cl.addSubcommand(new BuildCommand());
        cl.addSubcommand(new MdCommand());
        cl.addSubcommand(new DpCommand());
        cl.addSubcommand(new ModelDeviCommand());
        cl.addSubcommand(new BenchCommand());
        cl.addSubcommand(new ChaosCommand());
        cl.addSubcommand(new GromacsLabelCommand());
        cl.addSubcommand(new ServeCommand());
        cl.addSubcommand(new LaunchCommand());
        cl.addSubcommand(new StatusCommand());
        cl.addSubcommand(new StopCommand());
    }
}
