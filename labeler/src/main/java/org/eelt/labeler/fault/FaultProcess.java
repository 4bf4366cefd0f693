package org.eelt.labeler.fault;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.eelt.labeler.external.Executables;
import org.eelt.labeler.external.ExternalOracle;
import org.eelt.labeler.external.ExternalProcess;
import org.eelt.labeler.external.OutputFormatException;
import org.eelt.labeler.external.WorkDirectory;
import org.eelt.labeler.lammps.LammpsInput;
import org.eelt.labeler.lammps.LammpsOutput;
import org.eelt.labeler.oracle.Oracle;
import org.eelt.labeler.oracle.OracleResult;
import org.eelt.labeler.oracle.OracleSettings;
import org.eelt.labeler.oracle.Property;
import org.eelt.protocol.atoms.Structure;

/**
 * The process-based faults of a {@link FaultyOracle}: a real external process run by
 * {@link ExternalOracle} (work directory, {@code ExternalProcess} with its timeout and process-tree
 * kill, output excerpts in the error), so the failure travels the same path as a crashed LAMMPS or
 * xtb. Command lines are fixed argv lists (no spec-provided text reaches a shell; the sleep seconds are a parsed number): {@code sh -c}
 * with a constant script for {@link FaultKind#EXIT} and {@link FaultKind#GARBAGE}, {@code sleep S}
 * for {@link FaultKind#TIMEOUT} and {@link FaultKind#HANG}.
 */
final class FaultProcess extends ExternalOracle {
    /** The stderr line of an injected crash. */
    static final String EXIT_MESSAGE = "eelt injected fault: reference code crashed";
    /** Script of {@link FaultKind#EXIT}. */
    private static final String EXIT_SCRIPT = "echo '" + EXIT_MESSAGE + "' >&2; exit 3";
    /** Script of {@link FaultKind#GARBAGE}: a result line whose energy is not a number, then a crash note. */
    private static final String GARBAGE_SCRIPT = "printf 'EELT pe -3.4x7e+01 vol 47.2 p1 0 p2 0 p3 0 p4 0 p5 0 p6 0\\n"
            + "*** eelt injected fault: garbled output ***\\n' > " + LammpsInput.RESULT;

    private final FaultKind kind;
    private final Oracle inner;
    private final double sleepS;
    private final String sleep;

    /**
     * @param kind     one of EXIT, TIMEOUT, GARBAGE, HANG
     * @param inner    the real oracle (gives the name, properties and, after a hang that ended, the result)
     * @param settings work root and process timeout of this kind
     * @param sleepS   seconds the TIMEOUT/HANG process sleeps
     */
    FaultProcess(FaultKind kind, Oracle inner, OracleSettings settings, double sleepS) {
        super(settings, Executables.resolve("sh", "dash", "the PATH"));
        if (kind == FaultKind.NAN) {
            throw new IllegalArgumentException("NaN faults need no process");
        }
        this.kind = kind;
        this.inner = inner;
        this.sleepS = sleepS;
        this.sleep = Executables.resolve("sleep", "coreutils", "the PATH").toString();
    }

    @Override
    public String name() {
        return inner.name() + "[injected " + kind.specName() + "]";
    }

    @Override
    public Set<Property> implementedProperties() {
        return inner.implementedProperties();
    }

    @Override
    public String settings() {
        return inner.settings();
    }

    @Override
    protected void validate(Structure structure, Set<Property> properties) {
        // the fault runs whatever the structure
    }

    @Override
    protected List<String> prepare(WorkDirectory dir, Structure structure, Set<Property> properties) {
        String sh = executable().toString();
        return switch (kind) {
            case EXIT -> List.of(sh, "-c", EXIT_SCRIPT);
            case GARBAGE -> List.of(sh, "-c", GARBAGE_SCRIPT);
            case TIMEOUT, HANG -> List.of(sleep, String.format(Locale.ROOT, "%.3f", sleepS));
            case NAN -> throw new IllegalStateException("unreachable");
        };
    }

    @Override
    protected OracleResult parse(WorkDirectory dir, Structure structure, Set<Property> properties) {
        if (kind == FaultKind.GARBAGE) {
            LammpsOutput.Scalars s = LammpsOutput.scalars(dir.lines(LammpsInput.RESULT));
            throw new OutputFormatException(LammpsInput.RESULT, "parsed a garbled result (energy " + s.energy()
                    + " eV): the fault script is wrong");
        }
        if (kind == FaultKind.HANG) {
            return inner.calculate(structure, properties); // the hang ended before anyone gave up: a slow success
        }
        throw new OutputFormatException(ExternalProcess.STDERR, "the " + kind.specName()
                + " fault process exited 0; it must fail");
    }

    @Override
    protected String[] excerptFiles() {
        return new String[] {LammpsInput.RESULT};
    }
}
