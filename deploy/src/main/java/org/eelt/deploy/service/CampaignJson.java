package org.eelt.deploy.service;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.eelt.deploy.campaign.CampaignResult;
import org.eelt.deploy.campaign.CampaignStatus;
import org.eelt.examiner.agent.ExaminationTally;

/**
 * The JSON of the HTTP API (and of the dashboard's snapshots) for campaigns. Field names are a
 * contract: {@code id, name, kind, status, explored, candidates, labeled, label_failures,
 * model_versions, accurate_ratio, utilization{explorer,labeler,trainer}, queues{examiner,labeler},
 * staleness{walker: versions behind}, per_version[{version,accurate,candidate,failed}],
 * devi_histogram{edges,counts,overflow} (eV/Å), lcurves[{member,points:[[step,rmse_f eV/Å]]}],
 * history[{t s,explored,labeled,accurate_ratio}], summary{summary.json fields, when finished}};
 * more fields may be added. Non-finite numbers are written as null.
 */
public final class CampaignJson {
    /** The shared mapper. */
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private CampaignJson() {
    }

    /** @return {@code {"id","name","kind","status","created_ms"}} */
    public static ObjectNode brief(CampaignView v) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("id", v.id());
        o.put("name", v.name());
        o.put("kind", v.kind());
        o.put("status", v.status());
        o.put("created_ms", v.createdMs());
        return o;
    }

    /** @return the list of brief objects */
    public static ArrayNode list(List<CampaignView> views) {
        ArrayNode a = MAPPER.createArrayNode();
        views.forEach(v -> a.add(brief(v)));
        return a;
    }

    /** @return the full campaign object of the contract */
    public static ObjectNode detail(CampaignView v) {
        ObjectNode o = brief(v);
        if (v.reason() == null) {
            o.putNull("reason");
        } else {
            o.put("reason", v.reason());
        }
        JsonNode summary = summary(v);
        CampaignStatus s = v.live();
        if (s != null) {
            live(o, s);
            if (v.finished()) {
                o.put("state", "finished");
            }
        } else {
            fromSummary(o, summary);
        }
        o.set("summary", summary);
        return o;
    }

    private static JsonNode summary(CampaignView v) {
        if (v.summaryJson() == null) {
            return NullNode.getInstance();
        }
        try {
            return MAPPER.readTree(v.summaryJson());
        } catch (IOException e) {
            ObjectNode bad = MAPPER.createObjectNode();
            bad.put("error", "summary.json is not valid JSON: " + e.getMessage());
            return bad;
        }
    }

    private static void live(ObjectNode o, CampaignStatus s) {
        o.put("state", s.state());
        o.put("stage", s.stage());
        o.put("stages", s.stages());
        num(o, "wall_s", s.wallS());
        o.put("explored", s.explored());
        o.put("examined", s.examined());
        o.put("candidates", s.candidates());
        o.put("selected", s.selected());
        o.put("labeled", s.labeled());
        o.put("label_failures", s.labelFailures());
        o.put("model_versions", s.modelVersions());
        o.put("ensemble_generation", s.ensembleGeneration());
        num(o, "accurate_ratio", s.accurateRatio());
        ObjectNode u = o.putObject("utilization");
        num(u, "explorer", s.utilization().explorer());
        num(u, "labeler", s.utilization().labeler());
        num(u, "trainer", s.utilization().trainer());
        ObjectNode q = o.putObject("queues");
        q.put("examiner", s.examinerQueue());
        q.put("labeler", s.labelerQueue());
        q.put("in_flight", s.labelsInFlight());
        ObjectNode st = o.putObject("staleness");
        s.staleness().forEach(st::put);
        ArrayNode pv = o.putArray("per_version");
        for (ExaminationTally.GenerationCounts g : s.tally().perGeneration()) {
            ObjectNode e = pv.addObject();
            e.put("version", g.generation());
            e.put("accurate", g.accurate());
            e.put("candidate", g.candidates());
            e.put("failed", g.failed());
        }
        ObjectNode h = o.putObject("devi_histogram");
        array(h, "edges", s.tally().edges());
        array(h, "counts", s.tally().counts());
        h.put("overflow", s.tally().overflow());
        h.put("unit", "eV/Å");
        ArrayNode lc = o.putArray("lcurves");
        for (CampaignStatus.MemberCurve c : s.lcurves()) {
            ObjectNode m = lc.addObject();
            m.put("member", c.member());
            ArrayNode pts = m.putArray("points");
            for (int i = 0; i < c.steps().length; i++) {
                ArrayNode p = pts.addArray();
                p.add(c.steps()[i]);
                num(p, c.rmseF()[i]);
            }
        }
        ObjectNode lat = o.putObject("label_latency");
        array(lat, "upper_bounds_s", s.labelLatency().upperBounds());
        array(lat, "counts", s.labelLatency().counts());
        num(lat, "sum_s", s.labelLatency().sum());
        lat.put("count", s.labelLatency().count());
        ArrayNode hist = o.putArray("history");
        for (CampaignResult.Sample x : s.history()) {
            ObjectNode p = hist.addObject();
            num(p, "t", x.t());
            p.put("explored", x.explored());
            p.put("labeled", x.labeled());
            num(p, "accurate_ratio", x.accurateRatio());
            p.put("queued", x.queued());
            p.put("generation", x.generation());
        }
    }

    /** A campaign known only from its summary.json (finished before this service started). */
    private static void fromSummary(ObjectNode o, JsonNode summary) {
        o.put("explored", summary.path("explored").asLong(0));
        o.put("candidates", 0);
        o.put("labeled", summary.path("labeled").asLong(0));
        o.put("label_failures", summary.path("label_failures").asLong(0));
        o.put("model_versions", summary.path("model_versions").asLong(0));
        o.set("accurate_ratio", summary.path("accurate_ratio").isNumber() ? summary.get("accurate_ratio")
                : NullNode.getInstance());
        ObjectNode u = o.putObject("utilization");
        for (String pool : new String[] {"explorer", "labeler", "trainer"}) {
            JsonNode x = summary.path(pool + "_utilization");
            u.set(pool, x.isNumber() ? x : NullNode.getInstance());
        }
        ObjectNode q = o.putObject("queues");
        q.put("examiner", 0);
        q.put("labeler", 0);
        o.putObject("staleness");
        o.putArray("per_version");
        ObjectNode h = o.putObject("devi_histogram");
        h.putArray("edges");
        h.putArray("counts");
        o.putArray("lcurves");
        o.putArray("history");
    }

    /** Puts {@code values} as the JSON array {@code key} of {@code o}. */
    private static void array(ObjectNode o, String key, double[] values) {
        ArrayNode a = o.putArray(key);
        for (double v : values) {
            a.add(v);
        }
    }

    /** Puts {@code values} as the JSON array {@code key} of {@code o}. */
    private static void array(ObjectNode o, String key, long[] values) {
        ArrayNode a = o.putArray(key);
        for (long v : values) {
            a.add(v);
        }
    }

    private static void num(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) {
            o.put(key, v);
        } else {
            o.putNull(key);
        }
    }

    private static void num(ArrayNode a, double v) {
        if (Double.isFinite(v)) {
            a.add(v);
        } else {
            a.addNull();
        }
    }
}
