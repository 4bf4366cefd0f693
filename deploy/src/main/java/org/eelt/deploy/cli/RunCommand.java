package org.eelt.deploy.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.eelt.deploy.campaign.CampaignRunner;
import org.eelt.deploy.campaign.CampaignSpecParser;
import org.eelt.deploy.campaign.Summary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code eelt run [CAMPAIGN.conf] --out DIR} and {@code eelt run --resume DIR}: runs an EELT campaign. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run an EELT campaign (explore, examine, label, train concurrently on Pekko actors).",
                "Without CAMPAIGN.conf it runs the embedded default: fcc Cu labeled by the built-in Sutton-Chen",
                "oracle. Writes DIR/summary.json, DIR/report.html and the RocksDB store DIR/store. Progress goes to",
                "stderr. --resume DIR continues a killed run in the same directory (labels and models survive)."})
public final class RunCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "CAMPAIGN.conf",
            description = "campaign spec (HOCON under eelt.campaign); default: the embedded Cu campaign")
    Path spec;

    @Option(names = "--out", paramLabel = "DIR", description = "run directory (must not hold a campaign yet)")
    Path out;

    @Option(names = "--resume", paramLabel = "DIR", description = "continue the campaign in DIR")
    Path resume;

    @Option(names = "--progress-s", paramLabel = "S", defaultValue = "5",
            description = "seconds between progress lines (default: ${DEFAULT-VALUE})")
    double progressS;

    @Override
    public Integer call() throws Exception {
        if ((out == null) == (resume == null)) {
            throw new CliFailure("give exactly one of --out DIR (new run) or --resume DIR (continue a run)");
        }
        if (resume != null && spec != null) {
            throw new CliFailure("--resume DIR reads the campaign from DIR/campaign.conf; do not give CAMPAIGN.conf");
        }
        String text = null;
        Path specDir = null;
        if (resume == null) {
            if (spec != null) {
                if (!Files.isRegularFile(spec)) {
                    throw new CliFailure("campaign file " + spec + " does not exist");
                }
                text = Files.readString(spec);
                specDir = spec.toAbsolutePath().getParent();
            } else {
                text = CampaignSpecParser.embeddedDefault();
            }
        }
        if (!(progressS > 0)) {
            throw new CliFailure("--progress-s must be > 0, got " + progressS);
        }
        Summary s = CampaignRunner.run(new CampaignRunner.Options(text, specDir, resume != null ? resume : out,
                resume != null, System.err, (long) (progressS * 1000)));
        System.out.print(s.toJson());
        return "failed".equals(s.status()) ? 1 : 0;
    }
}
