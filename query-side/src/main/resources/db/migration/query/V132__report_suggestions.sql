-- The automations an optimization report's job suggested, drawn on its chart beside its insights.
ALTER TABLE report_list ADD COLUMN suggestion_ids JSONB NOT NULL DEFAULT '[]'::jsonb;
