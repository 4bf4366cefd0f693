package org.eelt.deploy.cli;

/** Parsing helpers for option values shared by several subcommands. */
final class CliArgs {
    private CliArgs() {
    }

    /**
     * @param option the option name, for the error message
     * @param flags  three letters, {@code p} (periodic) or {@code f} (fixed/non-periodic), e.g. {@code ppf}
     * @return the periodic flags
     */
    static boolean[] pbcFlags(String option, String flags) {
        if (flags == null || !flags.matches("[pfPF]{3}")) {
            throw new IllegalArgumentException(option + " must be three letters p/f (e.g. ppp or ppf), got '" + flags + "'");
        }
        boolean[] pbc = new boolean[3];
        for (int k = 0; k < 3; k++) {
            pbc[k] = Character.toLowerCase(flags.charAt(k)) == 'p';
        }
        return pbc;
    }
}
