package org.eelt.deploy.campaign.fe;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.eelt.freeenergy.net.FreeEnergyEnsemble;
import org.eelt.freeenergy.net.FreeEnergyNet;
import org.eelt.freeenergy.net.NetCodec;
import org.eelt.protocol.messages.ModelPublished;

/**
 * Free-energy nets in {@link ModelPublished} messages and the store: the model document of an FE
 * campaign is the net's versioned binary format ({@link NetCodec}) in Base64 text, prefixed by
 * {@value #PREFIX} so that it is never mistaken for an {@code eelt-dp} YAML model.
 */
public final class FeModels {
    /** Prefix of the model document. */
    public static final String PREFIX = "eelt-fe-net:base64:";
    /** The store's model format name of FE nets. */
    public static final String FORMAT = "eelt-fe";

    private FeModels() {
    }

    /** @return the model document of a net. */
    public static String encode(FreeEnergyNet net) {
        return PREFIX + Base64.getEncoder().encodeToString(NetCodec.encode(net));
    }

    /**
     * @return the net of a published model
     * @throws IllegalArgumentException when the document is not an FE net
     */
    public static FreeEnergyNet decode(String document) {
        if (document == null || !document.startsWith(PREFIX)) {
            throw new IllegalArgumentException("the model is not a free-energy net (no " + PREFIX + " prefix): a Deep"
                    + " Potential model in a free-energy campaign?");
        }
        return NetCodec.decodeNet(Base64.getDecoder().decode(document.substring(PREFIX.length())));
    }

    /** @return the net of a published model. */
    public static FreeEnergyNet decode(ModelPublished m) {
        return decode(m.modelYaml());
    }

    /** @return the ensemble of parsed members (each a {@link FreeEnergyNet}), in member order. */
    public static FreeEnergyEnsemble ensemble(List<?> members) {
        List<FreeEnergyNet> nets = new ArrayList<>(members.size());
        for (Object o : members) {
            nets.add((FreeEnergyNet) o);
        }
        return new FreeEnergyEnsemble(nets);
    }

    /**
     * @param models  the parsed models a walker holds, by ensemble member
     * @param members K, the ensemble size
     * @return the ensemble of members 0..K−1, or null while fewer than K models have been published
     */
    public static FreeEnergyEnsemble ensemble(Map<Integer, Object> models, int members) {
        if (models.size() < members) {
            return null;
        }
        List<Object> nets = new ArrayList<>();
        for (int m = 0; m < members; m++) {
            nets.add(models.get(m));
        }
        return ensemble(nets);
    }
}
