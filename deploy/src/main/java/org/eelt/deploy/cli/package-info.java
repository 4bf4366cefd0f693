/**
 * The {@code eelt} command line (picocli): one class per subcommand, thin wrappers over the
 * library entry points of the other modules.
 */
package org.eelt.deploy.cli;
