package org.eelt.trainer;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.eelt.protocol.io.FormatException;
import org.eelt.trainer.model.DpModel;
import org.eelt.trainer.model.DpSpec;

/**
 * A training checkpoint: the model (architecture, parameters, davg/dstd), the Adam state
 * (moments and update count), the next step and the data sampler's state (its RNG and
 * visiting order), so a restart continues exactly where training stopped.
 *
 * <p>Binary, big-endian, written atomically (temporary file then rename). Version history:
 * 1 — first version (magic {@code EELTCKPT}); 2 — adds the validation sampler's state (version-1
 * files still load, with an empty validation state).
 *
 * @param model        the model
 * @param step         the next step to run (number of completed steps)
 * @param adamM        Adam first moments
 * @param adamV        Adam second moments
 * @param adamT        Adam update count
 * @param samplerState state of the training batch sampler
 * @param validationState state of the validation batch sampler (empty without validation data)
 */
public record Checkpoint(DpModel model, long step, double[] adamM, double[] adamV, long adamT, long[] samplerState,
                         long[] validationState) {
    private static final String MAGIC = "EELTCKPT";
    private static final int VERSION = 2;

    /** Writes atomically to {@code file}. */
    public void save(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)))) {
            out.writeUTF(MAGIC);
            out.writeInt(VERSION);
            writeModel(out, model);
            out.writeLong(step);
            doubles(out, adamM);
            doubles(out, adamV);
            out.writeLong(adamT);
            longs(out, samplerState);
            longs(out, validationState);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * @throws IOException     when the file cannot be read
     * @throws FormatException when it is not an EELT checkpoint of a known version
     */
    public static Checkpoint load(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            String magic;
            try {
                magic = in.readUTF();
            } catch (IOException e) {
                magic = "";
            }
            if (!MAGIC.equals(magic)) {
                throw new FormatException(file.toString(), "header", "not an EELT checkpoint",
                        "pass a file written by the trainer (training.save_ckpt)");
            }
            int v = in.readInt();
            if (v < 1 || v > VERSION) {
                throw new FormatException(file.toString(), "header", "checkpoint version " + v + " is unknown (this build reads "
                        + VERSION + ")", "use a matching EELT version");
            }
            DpModel model = readModel(in);
            long step = in.readLong();
            double[] m = doubles(in);
            double[] vv = doubles(in);
            long t = in.readLong();
            long[] st = longs(in);
            long[] val = v >= 2 ? longs(in) : new long[0];
            return new Checkpoint(model, step, m, vv, t, st, val);
        }
    }

    static void writeModel(DataOutputStream out, DpModel m) throws IOException {
        DpSpec s = m.spec();
        out.writeInt(s.ntypes());
        for (String t : s.typeMap()) {
            out.writeUTF(t);
        }
        ints(out, s.sel());
        out.writeDouble(s.rcut());
        out.writeDouble(s.rcutSmth());
        ints(out, s.embedding());
        out.writeInt(s.axisNeuron());
        ints(out, s.fitting());
        out.writeBoolean(s.resnetDtEmbed());
        out.writeBoolean(s.resnetDtFit());
        out.writeBoolean(s.typeOneSide());
        doubles(out, m.parameters());
        doubles(out, m.davg());
        doubles(out, m.dstd());
    }

    static DpModel readModel(DataInputStream in) throws IOException {
        int nt = in.readInt();
        List<String> types = new ArrayList<>();
        for (int i = 0; i < nt; i++) {
            types.add(in.readUTF());
        }
        DpSpec spec = new DpSpec(types, ints(in), in.readDouble(), in.readDouble(), ints(in), in.readInt(), ints(in),
                in.readBoolean(), in.readBoolean(), in.readBoolean());
        return new DpModel(spec, doubles(in), doubles(in), doubles(in));
    }

    private static void longs(DataOutputStream out, long[] a) throws IOException {
        out.writeInt(a.length);
        for (long v : a) {
            out.writeLong(v);
        }
    }

    private static long[] longs(DataInputStream in) throws IOException {
        long[] a = new long[in.readInt()];
        for (int i = 0; i < a.length; i++) {
            a[i] = in.readLong();
        }
        return a;
    }

    private static void ints(DataOutputStream out, int[] a) throws IOException {
        out.writeInt(a.length);
        for (int v : a) {
            out.writeInt(v);
        }
    }

    private static int[] ints(DataInputStream in) throws IOException {
        int[] a = new int[in.readInt()];
        for (int i = 0; i < a.length; i++) {
            a[i] = in.readInt();
        }
        return a;
    }

    private static void doubles(DataOutputStream out, double[] a) throws IOException {
        out.writeInt(a.length);
        for (double v : a) {
            out.writeDouble(v);
        }
    }

    private static double[] doubles(DataInputStream in) throws IOException {
        double[] a = new double[in.readInt()];
        for (int i = 0; i < a.length; i++) {
            a[i] = in.readDouble();
        }
        return a;
    }
}
