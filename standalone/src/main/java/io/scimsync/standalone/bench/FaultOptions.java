package io.scimsync.standalone.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Options of the {@code faults} command, parsed from the arguments after {@code faults}. Values
 * left unset take the full-run defaults, or the shorter ones with {@code --quick}.
 *
 * @param report file the JSON report is written to, if any
 * @param quick whether the run uses the shorter defaults
 * @param users users the load updates
 * @param writers load threads; each owns one group and a slice of the users
 * @param rate writes per second offered over all load threads
 * @param processorKills times the processor is killed with SIGKILL and started again
 * @param brokerRestarts times the broker is restarted, alternately with SIGTERM and SIGKILL
 * @param storeRestarts times the store is restarted, alternately with SIGTERM and SIGKILL
 * @param ingressKills times an ingress replica is killed with SIGKILL while it handles a request
 * @param interval load time before the first fault and after each one
 * @param keep whether the processes' data directories and logs are kept after a run that passed
 */
public record FaultOptions(Optional<Path> report, boolean quick, int users, int writers,
        int rate, int processorKills, int brokerRestarts, int storeRestarts, int ingressKills,
        Duration interval, boolean keep) {

    /** The options and what each one sets, printed for {@code --help} and an unknown option. */
    public static final String USAGE = """
            Usage: java -jar scim-sync-standalone.jar faults [options]
              --report FILE          write the JSON report to FILE
              --quick                fewer faults and shorter intervals (about 4 minutes)
              --users N              users the load updates (default 200, quick 60)
              --writers N            load threads, each with one group (default 16, quick 8)
              --rate N               writes per second over all threads (default 100, quick 60)
              --processor-kills N    SIGKILLs of the processor (default 10, quick 3)
              --broker-restarts N    broker restarts, SIGTERM and SIGKILL in turn (default 3,
                                     quick 1)
              --store-restarts N     store restarts, SIGTERM and SIGKILL in turn (default 3,
                                     quick 1)
              --ingress-kills N      SIGKILLs of an ingress replica mid-request (default 1)
              --interval D           load before the first fault and after each one, in
                                     seconds or with an s or m suffix (default 10s, quick 5s)
              --keep                 keep the processes' data directories and logs
              --help                 print this text
            """;

    private static final List<String> VALUED = List.of("--report", "--users", "--writers",
            "--rate", "--processor-kills", "--broker-restarts", "--store-restarts",
            "--ingress-kills", "--interval");

    /**
     * Parses the arguments that follow {@code faults}.
     *
     * @throws IllegalArgumentException on an unknown option, a missing or invalid value, or
     *     fewer users than writers, with the option named in the message
     */
    public static FaultOptions parse(List<String> arguments) {
        Map<String, String> values = new LinkedHashMap<>();
        boolean quick = false;
        boolean keep = false;
        for (int i = 0; i < arguments.size(); i++) {
            String name = arguments.get(i);
            if (name.equals("--help")) {
                throw new BenchOptions.HelpRequested();
            } else if (name.equals("--quick")) {
                quick = true;
            } else if (name.equals("--keep")) {
                keep = true;
            } else if (VALUED.contains(name)) {
                if (i + 1 >= arguments.size()) {
                    throw new IllegalArgumentException("Missing value after " + name);
                }
                values.put(name, arguments.get(++i));
            } else {
                throw new IllegalArgumentException("Unknown option '" + name + "'\n" + USAGE);
            }
        }
        return fromValues(values, quick, keep);
    }

    private static FaultOptions fromValues(Map<String, String> values, boolean quick,
            boolean keep) {
        int users = BenchOptions.integer(values, "--users", quick ? 60 : 200, 1);
        int writers = BenchOptions.integer(values, "--writers", quick ? 8 : 16, 1);
        if (writers > users) {
            throw new IllegalArgumentException("--writers " + writers + " is more than --users "
                    + users + ": every load thread needs at least one user of its own");
        }
        return new FaultOptions(Optional.ofNullable(values.get("--report")).map(Path::of), quick,
                users, writers, BenchOptions.integer(values, "--rate", quick ? 60 : 100, 1),
                BenchOptions.integer(values, "--processor-kills", quick ? 3 : 10, 0),
                BenchOptions.integer(values, "--broker-restarts", quick ? 1 : 3, 0),
                BenchOptions.integer(values, "--store-restarts", quick ? 1 : 3, 0),
                BenchOptions.integer(values, "--ingress-kills", 1, 0),
                BenchOptions.duration(values, "--interval",
                        Duration.ofSeconds(quick ? 5 : 10)),
                keep);
    }

    /** Returns the options as report entries. */
    public Map<String, Object> asReportEntries() {
        Map<String, Object> entries = new LinkedHashMap<>();
        entries.put("users", users);
        entries.put("writers", writers);
        entries.put("rate", rate);
        entries.put("processor_kills", processorKills);
        entries.put("broker_restarts", brokerRestarts);
        entries.put("store_restarts", storeRestarts);
        entries.put("ingress_kills", ingressKills);
        entries.put("interval_s", interval.toSeconds());
        return entries;
    }
}
