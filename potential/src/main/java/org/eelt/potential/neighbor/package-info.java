/**
 * Neighbor lists for triclinic, mixed-periodic and isolated systems. Distances in Å.
 */
package org.eelt.potential.neighbor;
