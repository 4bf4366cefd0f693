package org.eelt.freeenergy.net;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The byte format of free-energy nets and ensembles (big-endian, doubles as IEEE-754 bits, so a
 * round trip is exact).
 * <pre>
 *   net:      magic "EFEN" (int 0x4546454E), format version (int), d (int), d × periodic (byte),
 *             d × mean, d × std, energyScale (double), L (int), L × width (int), P (int), P × param (double),
 *             seed (long), trainingSteps (long), modelVersion (UTF), codeVersion (UTF)
 *   ensemble: magic "EFEE" (int 0x45464545), format version (int), K (int), K × (length (int), net bytes)
 * </pre>
 * Version history: 1 — first version (this one).
 */
public final class NetCodec {
    /** Magic of a single net. */
    public static final int NET_MAGIC = 0x4546454E;
    /** Magic of an ensemble. */
    public static final int ENSEMBLE_MAGIC = 0x45464545;
    /** The format version written. */
    public static final int VERSION = 1;

    private NetCodec() {
    }

    /** @return the bytes of one net. */
    public static byte[] encode(FreeEnergyNet net) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(NET_MAGIC);
            out.writeInt(VERSION);
            FeatureMap f = net.features();
            int d = f.cvDimension();
            out.writeInt(d);
            for (boolean p : f.periodic()) {
                out.writeByte(p ? 1 : 0);
            }
            for (double v : f.mean()) {
                out.writeDouble(v);
            }
            for (double v : f.std()) {
                out.writeDouble(v);
            }
            out.writeDouble(f.energyScale());
            int[] w = net.hidden();
            out.writeInt(w.length);
            for (int x : w) {
                out.writeInt(x);
            }
            double[] p = net.parametersView();
            out.writeInt(p.length);
            for (double v : p) {
                out.writeDouble(v);
            }
            NetProvenance pr = net.provenance();
            out.writeLong(pr.seed());
            out.writeLong(pr.trainingSteps());
            out.writeUTF(pr.modelVersion());
            out.writeUTF(pr.codeVersion());
        } catch (IOException e) {
            throw new UncheckedIOException("writing a free-energy net to memory failed", e);
        }
        return bytes.toByteArray();
    }

    /**
     * @return the net encoded by {@link #encode(FreeEnergyNet)}
     * @throws IllegalArgumentException when the bytes are not a net of a known version, or truncated
     */
    public static FreeEnergyNet decodeNet(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            header(in, NET_MAGIC, "free-energy net");
            int d = in.readInt();
            if (d < 1 || d > 1 << 16) {
                throw new IllegalArgumentException("free-energy net bytes are corrupt: " + d + " CVs");
            }
            boolean[] periodic = new boolean[d];
            for (int q = 0; q < d; q++) {
                periodic[q] = in.readByte() != 0;
            }
            double[] mean = readDoubles(in, d), std = readDoubles(in, d);
            double scale = in.readDouble();
            int layers = in.readInt();
            if (layers < 1 || layers > 1 << 10) {
                throw new IllegalArgumentException("free-energy net bytes are corrupt: " + layers + " layers");
            }
            int[] w = new int[layers];
            for (int l = 0; l < layers; l++) {
                w[l] = in.readInt();
            }
            int np = in.readInt();
            if (np < 1 || np > bytes.length / 8) {
                throw new IllegalArgumentException("free-energy net bytes are corrupt: " + np + " parameters");
            }
            double[] p = readDoubles(in, np);
            NetProvenance prov = new NetProvenance(in.readLong(), in.readLong(), in.readUTF(), in.readUTF());
            return new FreeEnergyNet(new FeatureMap(periodic, mean, std, scale), w, p, prov);
        } catch (IOException e) {
            throw new IllegalArgumentException("free-energy net bytes are truncated or corrupt: " + e.getMessage(), e);
        }
    }

    /** @return the bytes of an ensemble. */
    public static byte[] encode(FreeEnergyEnsemble ensemble) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(ENSEMBLE_MAGIC);
            out.writeInt(VERSION);
            out.writeInt(ensemble.size());
            for (FreeEnergyNet n : ensemble.members()) {
                byte[] b = encode(n);
                out.writeInt(b.length);
                out.write(b);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing a free-energy ensemble to memory failed", e);
        }
        return bytes.toByteArray();
    }

    /**
     * @return the ensemble encoded by {@link #encode(FreeEnergyEnsemble)}
     * @throws IllegalArgumentException when the bytes are not an ensemble of a known version, or truncated
     */
    public static FreeEnergyEnsemble decodeEnsemble(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            header(in, ENSEMBLE_MAGIC, "free-energy ensemble");
            int k = in.readInt();
            if (k < 1 || k > 1 << 12) {
                throw new IllegalArgumentException("free-energy ensemble bytes are corrupt: " + k + " members");
            }
            List<FreeEnergyNet> nets = new ArrayList<>();
            for (int m = 0; m < k; m++) {
                int len = in.readInt();
                if (len < 0 || len > in.available()) {
                    throw new IllegalArgumentException("free-energy ensemble bytes are truncated or corrupt: member "
                            + m + " needs " + len + " bytes, " + in.available() + " left");
                }
                nets.add(decodeNet(in.readNBytes(len)));
            }
            return new FreeEnergyEnsemble(nets);
        } catch (IOException e) {
            throw new IllegalArgumentException("free-energy ensemble bytes are truncated or corrupt: " + e.getMessage(), e);
        }
    }

    private static void header(DataInputStream in, int magic, String what) throws IOException {
        int m = in.readInt();
        if (m != magic) {
            throw new IllegalArgumentException("these bytes are not a " + what + " (magic " + Integer.toHexString(m)
                    + ", expected " + Integer.toHexString(magic) + ")");
        }
        int v = in.readInt();
        if (v < 1 || v > VERSION) {
            throw new IllegalArgumentException(what + " format version " + v + " is not supported (this EELT reads 1.."
                    + VERSION + "): upgrade EELT");
        }
    }

    private static double[] readDoubles(DataInputStream in, int n) throws IOException {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = in.readDouble();
        }
        return a;
    }
}
