package io.aether.api.toolgroup;

import io.aether.domain.actor.Actor;
import io.aether.domain.messaging.MessageMetadata;
import io.aether.domain.toolgroup.CreateToolGroup;
import io.aether.domain.toolgroup.DefaultToolGroups;
import io.aether.domain.toolgroup.DefaultToolGroups.DefaultToolGroup;
import java.util.List;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Creates the default tool groups that do not exist yet, once the application is ready, as
 * events of the {@code system} actor. Idempotent: a group that exists (created earlier, or
 * changed by someone since) is left alone. Two nodes starting at once may both try to create a
 * group; one append wins and the other's fails on the event store's unique key, which is not an
 * error here: the group exists, which is all seeding wants. Nothing here fails start-up.
 */
@Component
public class DefaultToolGroupSeeder {
    private static final Logger log = LoggerFactory.getLogger(DefaultToolGroupSeeder.class);
    private final CommandGateway commands;
    private final ToolGroupService groups;

    public DefaultToolGroupSeeder(CommandGateway commands, ToolGroupService groups) {
        this.commands = commands;
        this.groups = groups;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void seedDefaults() {
        try {
            int created = seed(DefaultToolGroups.ALL);
            if (created > 0) {
                log.info("Created {} default tool groups", created);
            }
        } catch (RuntimeException e) {
            log.warn("Could not seed the default tool groups; the next start tries again: {}", e.toString());
        }
    }

    /** Creates each group that does not exist; answers how many this call created. */
    int seed(List<DefaultToolGroup> defaults) {
        int created = 0;
        for (DefaultToolGroup group : defaults) {
            if (groups.find(group.name()).isEmpty() && create(group)) {
                created++;
            }
        }
        return created;
    }

    /** True when this call created the group; false when it exists (another node won the race). */
    boolean create(DefaultToolGroup group) {
        try {
            // outside a request nobody is signed in: the metadata names the system like the event does
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(
                            new CreateToolGroup(group.name(), group.content(), Actor.system()))
                    .andMetaData(MessageMetadata.of(Actor.system())));
            return true;
        } catch (RuntimeException e) {
            if (groups.find(group.name()).isPresent()) {
                log.debug("Default tool group {} was created meanwhile: {}", group.name(), e.toString());
                return false;
            }
            throw e;
        }
    }
}
