/**
 * Structure builders: bulk crystals ({@link org.eelt.explorer.build.Bulk}), supercells, surface
 * slabs ({@link org.eelt.explorer.build.Surfaces}), random substitutional alloys
 * ({@link org.eelt.explorer.build.Alloys}), vacancies ({@link org.eelt.explorer.build.Defects}) and
 * seeded random perturbations ({@link org.eelt.explorer.build.Perturbations}). Lengths in Å. Pure functions of their
 * arguments (random ones of an explicit seed).
 */
package org.eelt.explorer.build;
