package io.aether.command.insight;

import io.aether.domain.ErrorKind;
import io.aether.domain.insight.CreateInsight;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** How a job records the insights it found, so that a job run again after a crash records none twice. */
final class JobInsights {
    private static final Logger log = LoggerFactory.getLogger(JobInsights.class);

    private JobInsights() {}

    /** Records the insight; one this job recorded before a crash is already there, which is fine. */
    static void record(CommandGateway commands, CreateInsight command) {
        try {
            commands.sendAndWait(command);
        } catch (AggregateStreamCreationException e) {
            log.debug("insight {} exists from an earlier run of its job", command.insightId());
        } catch (RuntimeException e) {
            if (e instanceof ErrorKind.Carrier carrier && carrier.kind() == ErrorKind.CONFLICT) {
                log.debug("insight {} exists from an earlier run of its job", command.insightId());
                return;
            }
            throw e;
        }
    }
}
