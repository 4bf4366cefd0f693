package org.eelt.labeler.xtb;

import org.eelt.labeler.oracle.OracleSetupException;

/**
 * Settings of a GFN-xTB calculation (xtb's command-line options).
 *
 * @param gfn      GFN level 0, 1 or 2 ({@code --gfn})
 * @param charge   total molecular charge in e ({@code --chrg})
 * @param uhf      number of unpaired electrons, multiplicity − 1 ({@code --uhf})
 * @param accuracy xtb's accuracy factor ({@code --acc}, 1e-4…1e3; smaller is tighter, 1 is xtb's default)
 */
public record XtbParameters(int gfn, int charge, int uhf, double accuracy) {
    /** Validates the ranges xtb accepts. */
    public XtbParameters {
        if (gfn < 0 || gfn > 2) {
            throw new OracleSetupException("xtb gfn must be 0, 1 or 2, got " + gfn);
        }
        if (uhf < 0) {
            throw new OracleSetupException("xtb uhf (unpaired electrons) must be ≥ 0, got " + uhf);
        }
        if (!(accuracy >= 1e-4 && accuracy <= 1e3)) {
            throw new OracleSetupException("xtb acc must be in [1e-4, 1000], got " + accuracy);
        }
    }

    /** @return GFN2-xTB, neutral closed shell, default accuracy. */
    public static XtbParameters defaults() {
        return new XtbParameters(2, 0, 0, 1.0);
    }

    /** @return the canonical SPEC text, e.g. {@code xtb:gfn=2;chrg=0;uhf=0;acc=1.0}. */
    public String canonical() {
        return "xtb:gfn=" + gfn + ";chrg=" + charge + ";uhf=" + uhf + ";acc=" + accuracy;
    }
}
