extension Schema {
  /// 好差评 and 差评整改 (第三十五至三十七条).
  static let v4 = """
    -- One row per rating (stream rating/ID). Level is the score: 5 非常满意 … 1 非常不满意.
    CREATE TABLE rating (
      id TEXT PRIMARY KEY,
      channel TEXT NOT NULL
        CHECK (channel IN ('窗口', '网上', '掌上', '自助终端', '短信', '电话')),
      service_case TEXT,
      item_code TEXT NOT NULL,
      item_name TEXT NOT NULL,
      org TEXT NOT NULL REFERENCES org (code) DEFERRABLE INITIALLY DEFERRED,
      level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
      comment TEXT NOT NULL,
      real_name INTEGER NOT NULL CHECK (real_name IN (0, 1)),
      reviewer_name TEXT,
      reviewer_phone TEXT,
      rated_on TEXT NOT NULL,
      recorded_at INTEGER NOT NULL,
      recorded_by TEXT NOT NULL,
      rectification TEXT,
      invalid INTEGER NOT NULL CHECK (invalid IN (0, 1)),
      CHECK (real_name = 1 OR (reviewer_name IS NULL AND reviewer_phone IS NULL)),
      CHECK (invalid = 0 OR level <= 2)
    );
    -- 一事一评: an application is rated once.
    CREATE UNIQUE INDEX rating_one_per_service_case ON rating (service_case)
      WHERE service_case IS NOT NULL;
    -- A rating opens at most one rectification case.
    CREATE UNIQUE INDEX rating_one_rectification ON rating (rectification)
      WHERE rectification IS NOT NULL;
    CREATE INDEX rating_by_org ON rating (org, rated_on);
    CREATE INDEX rating_by_date ON rating (rated_on);

    -- One row per rectification case (stream rectification/CASE-ID); its open deadline is in
    -- `deadline` (kind 'rectification').
    CREATE TABLE rectification (
      id TEXT PRIMARY KEY,
      rating_id TEXT NOT NULL UNIQUE
        REFERENCES rating (id) DEFERRABLE INITIALLY DEFERRED,
      org TEXT NOT NULL REFERENCES org (code) DEFERRABLE INITIALLY DEFERRED,
      phase TEXT NOT NULL CHECK (phase IN
        ('verifying', 'awaitingReview', 'rectifying', 'awaitingCallback', 'closed')),
      track TEXT CHECK (track IN ('immediate', 'complex')),
      outcome TEXT CHECK (outcome IN ('rectified', 'invalid')),
      state TEXT NOT NULL,
      level INTEGER NOT NULL CHECK (level IN (1, 2)),
      real_name INTEGER NOT NULL CHECK (real_name IN (0, 1)),
      item_name TEXT NOT NULL,
      channel TEXT NOT NULL,
      opened_on TEXT NOT NULL,
      due_date TEXT,
      claimed_by TEXT,
      extensions INTEGER NOT NULL CHECK (extensions >= 0),
      rounds INTEGER NOT NULL CHECK (rounds >= 1),
      called_back INTEGER NOT NULL CHECK (called_back IN (0, 1)),
      closed_on TEXT,
      updated_at INTEGER NOT NULL,
      CHECK ((phase = 'closed') = (outcome IS NOT NULL))
    );
    CREATE INDEX rectification_by_phase ON rectification (phase, org, updated_at);
    CREATE INDEX rectification_by_org ON rectification (org, phase, updated_at);
    """
}
