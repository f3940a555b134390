-- The actions editor: an action is paginated or not, and may override the
-- integration's pagination with its own (a paginate.Config: snake_case
-- keys). Imports stored the spec's inferred pagination there in camelCase;
-- it is converted here (json_patch onto {} drops the keys that were absent).
ALTER TABLE actions ADD COLUMN paginated INTEGER NOT NULL DEFAULT 0 CHECK (paginated IN (0, 1));
UPDATE actions SET paginated = 1
 WHERE pagination IS NOT NULL AND coalesce(json_extract(pagination, '$.type'), '') NOT IN ('', 'none');
UPDATE actions SET pagination = json_patch('{}', json_object(
        'type', json_extract(pagination, '$.type'),
        'results_key', json_extract(pagination, '$.resultsKey'),
        'page_size_param', json_extract(pagination, '$.pageSizeParam'),
        'index_param', json_extract(pagination, '$.indexParam'),
        'page_param', json_extract(pagination, '$.pageParam'),
        'after_param', json_extract(pagination, '$.afterParam'),
        'pointer_path', json_extract(pagination, '$.pointerPath'),
        'link_location', json_extract(pagination, '$.linkLocation'),
        'link_header_name', json_extract(pagination, '$.headerName'),
        'next_page_key', json_extract(pagination, '$.nextPageKey')))
 WHERE pagination IS NOT NULL;

-- Organization mapping (shown once an action is paginated): the action that
-- lists the vendor's organisations, the fields holding their id and name,
-- and which local client organisation each vendor organisation is.
CREATE TABLE org_mappings (
    integration_id  TEXT PRIMARY KEY REFERENCES integrations (id) ON DELETE CASCADE,
    action_id       TEXT NOT NULL REFERENCES actions (id) ON DELETE CASCADE,
    id_field        TEXT NOT NULL,
    name_field      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);
CREATE TABLE org_mapping_entries (
    integration_id  TEXT NOT NULL REFERENCES org_mappings (integration_id) ON DELETE CASCADE,
    vendor_org_id   TEXT NOT NULL,
    vendor_org_name TEXT NOT NULL DEFAULT '',
    local_org       TEXT NOT NULL,
    PRIMARY KEY (integration_id, vendor_org_id)
);
