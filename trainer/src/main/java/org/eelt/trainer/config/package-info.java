/**
 * DeePMD-kit style training configuration ({@code input.json} / YAML), validated with errors
 * that name the key path. Lengths Å, energies eV.
 */
package org.eelt.trainer.config;
