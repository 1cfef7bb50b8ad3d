-- The one row that serializes "make this agent primary" (AgentStatusHandler): locked with
-- SELECT ... FOR UPDATE in the command's transaction, it names the agent made primary last.
-- Command-side state written in the same transaction as the agents' events; not a read model.
CREATE TABLE agent_primary_slot (
    id         SMALLINT     PRIMARY KEY CHECK (id = 1),
    agent_name VARCHAR(255)
);
INSERT INTO agent_primary_slot (id, agent_name) VALUES (1, NULL);
