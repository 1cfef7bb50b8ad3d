-- The insight a proposal was created from (POST /insights/{id}/action with create_automation).
ALTER TABLE proposal_list ADD COLUMN source_insight_id UUID;
