package io.scimsync.standalone;

import java.util.Arrays;

import io.scimsync.standalone.bench.BenchCommand;
import io.scimsync.standalone.bench.FaultsCommand;
import io.scimsync.standalone.embedded.EnableEmbeddedInfrastructure;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/**
 * One process holding the SCIM ingress, the processor, an embedded Kafka broker and an embedded
 * MongoDB store, all on 127.0.0.1 with their data under {@code scimsync.data-dir}. The
 * {@code scimsync.components} property selects a subset, so that each part can run and stop as
 * a process of its own.
 *
 * <p>With {@code bench} as its first argument the jar runs the load generator instead (see
 * {@link BenchCommand}) and exits with its status; with {@code faults}, the fault test (see
 * {@link FaultsCommand}).
 */
@SpringBootApplication
@EnableEmbeddedInfrastructure
@Import(PipelineComponentsSelector.class)
public class StandaloneApplication {

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("bench")) {
            System.exit(BenchCommand.run(Arrays.asList(args).subList(1, args.length),
                    System.out, System.err));
        }
        if (args.length > 0 && args[0].equals("faults")) {
            System.exit(FaultsCommand.run(Arrays.asList(args).subList(1, args.length),
                    System.out, System.err));
        }
        SpringApplication.run(StandaloneApplication.class, args);
    }
}
