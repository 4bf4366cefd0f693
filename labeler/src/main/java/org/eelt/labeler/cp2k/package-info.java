/** CP2K Quickstep PBE oracle for periodic cells: input writer, output readers (Hartree, Hartree/Bohr, GPa). */
package org.eelt.labeler.cp2k;
