/** GFN-xTB oracle for isolated molecules and readers of Turbomole {@code energy}/{@code gradient} files. */
package org.eelt.labeler.xtb;
