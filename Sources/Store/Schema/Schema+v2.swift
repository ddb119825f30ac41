extension Schema {
  /// 事项库: items and their versions, change applications, list adjustments, and the search index.
  static let v2 = """
    -- The version of each item in effect now (one row per code).
    CREATE TABLE catalog_item (
      code TEXT NOT NULL UNIQUE,
      name TEXT NOT NULL,
      type TEXT NOT NULL CHECK (type IN ('licensing', 'confirmation', 'benefit', 'adjudication',
        'reward', 'levy', 'otherPower', 'publicService')),
      org TEXT NOT NULL REFERENCES org (code),
      status TEXT NOT NULL CHECK (status IN ('active', 'suspended', 'terminated')),
      version INTEGER NOT NULL CHECK (version >= 1),
      legal_days INTEGER NOT NULL CHECK (legal_days >= 0),
      promised_days INTEGER NOT NULL CHECK (promised_days >= 0 AND promised_days <= legal_days),
      fully_online INTEGER NOT NULL CHECK (fully_online IN (0, 1)),
      effective_on TEXT NOT NULL,
      -- code and name in one short column: short queries (under three characters, which the
      -- trigram index cannot answer) scan the covering index below, not the table.
      search_text TEXT NOT NULL,
      body TEXT NOT NULL
    );
    CREATE INDEX catalog_item_by_search ON catalog_item (search_text, code);
    CREATE INDEX catalog_item_by_org ON catalog_item (org, code);

    -- Every version ever in effect: cases keep the version they were registered under.
    CREATE TABLE catalog_version (
      code TEXT NOT NULL,
      version INTEGER NOT NULL CHECK (version >= 1),
      kind TEXT NOT NULL CHECK (kind IN ('open', 'modify', 'suspend', 'resume', 'terminate')),
      change_id TEXT NOT NULL,
      effective_on TEXT NOT NULL,
      body TEXT NOT NULL,
      PRIMARY KEY (code, version)
    ) WITHOUT ROWID;

    -- Chinese substrings of names and codes (trigram: any three characters match anywhere).
    -- rowid = catalog_item.rowid.
    CREATE VIRTUAL TABLE catalog_search USING fts5 (code, name, tokenize = 'trigram');

    -- Change applications (开通/变更/暂停/恢复/终止).
    CREATE TABLE catalog_change (
      id TEXT PRIMARY KEY,
      item_code TEXT NOT NULL,
      item_name TEXT NOT NULL,
      org TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('open', 'modify', 'suspend', 'resume', 'terminate')),
      stage TEXT NOT NULL CHECK (stage IN ('draft', 'returned', 'testFailed', 'submitted',
        'approved', 'awaitingFiling', 'effective', 'withdrawn')),
      open INTEGER NOT NULL CHECK (open IN (0, 1)),
      urgent INTEGER NOT NULL CHECK (urgent IN (0, 1)),
      imported INTEGER NOT NULL CHECK (imported IN (0, 1)),
      drafter TEXT NOT NULL,
      base_version INTEGER,
      result_version INTEGER,
      drafted_on TEXT NOT NULL,
      updated_on TEXT NOT NULL,
      body TEXT NOT NULL
    ) WITHOUT ROWID;
    CREATE INDEX catalog_change_by_open ON catalog_change (open, updated_on, id);
    CREATE INDEX catalog_change_by_item ON catalog_change (item_code, open);

    -- List adjustments (第十条) and the items each touches.
    CREATE TABLE list_adjustment (
      id TEXT PRIMARY KEY,
      list TEXT NOT NULL CHECK (list IN ('powers', 'licensing', 'investment', 'construction',
        'crossProvince', 'other')),
      adjusted_on TEXT NOT NULL,
      due_date TEXT NOT NULL,
      document TEXT NOT NULL,
      org TEXT NOT NULL REFERENCES org (code),
      state TEXT NOT NULL CHECK (state IN ('open', 'settled', 'closed')),
      items_total INTEGER NOT NULL CHECK (items_total >= 1),
      items_settled INTEGER NOT NULL CHECK (items_settled BETWEEN 0 AND items_total),
      body TEXT NOT NULL
    ) WITHOUT ROWID;
    CREATE INDEX list_adjustment_by_state ON list_adjustment (state, due_date, id);

    CREATE TABLE list_adjustment_item (
      id TEXT NOT NULL REFERENCES list_adjustment (id),
      code TEXT NOT NULL,
      settled_by TEXT,
      PRIMARY KEY (id, code)
    ) WITHOUT ROWID;
    CREATE INDEX list_adjustment_item_by_code ON list_adjustment_item (code, settled_by);
    """
}
