package org.eelt.freeenergy.bench;

/** Runs the full benchmark from the test classpath (development aid; the CLI owns the user command). */
public final class FeBenchMain {
    private FeBenchMain() {
    }

    /** Prints {@link FeBench#run()} as JSON. */
    public static void main(String[] args) {
        System.out.println(FeBench.run().toJson());
    }
}
