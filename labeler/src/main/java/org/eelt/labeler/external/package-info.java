/**
 * Running external codes: {@link org.eelt.labeler.external.ExternalProcess} (timeout, process-tree
 * kill, captured streams), {@link org.eelt.labeler.external.WorkDirectory} (one directory per
 * calculation, excerpts for error messages), {@link org.eelt.labeler.external.Executables} (binary
 * lookup naming the Debian package) and the {@link org.eelt.labeler.external.ExternalOracle} template.
 */
package org.eelt.labeler.external;
