extension Schema {
  /// 投诉建议, 督办, 抽查 and the rule table.
  static let v3 = """
    -- 规则参数: the regulation's numbers as data (district-authored, synced like the calendar).
    CREATE TABLE rule (
      key TEXT PRIMARY KEY,
      value INTEGER NOT NULL,
      note TEXT NOT NULL
    ) WITHOUT ROWID;

    -- One row per complaint, folded from its stream. A rowid table: the full-text index below
    -- shares its rowid, so a re-projection replaces the text by rowid, never by a scan.
    CREATE TABLE complaint (
      case_id TEXT NOT NULL UNIQUE,
      channel TEXT NOT NULL CHECK (channel IN
        ('national', 'provincial', 'city', 'hotline', 'website', 'counter', 'phone')),
      type TEXT NOT NULL CHECK (type IN ('enquiry', 'complaint', 'suggestion')),
      urgency TEXT NOT NULL CHECK (urgency IN ('urgent', 'fairlyUrgent', 'ordinary',
        'portalEnquiry', 'portalComplaint', 'portalSuggestion')),
      limit_days INTEGER NOT NULL CHECK (limit_days >= 1),
      subject TEXT NOT NULL,
      complainant TEXT NOT NULL,
      contact TEXT NOT NULL,
      concerned_org TEXT NOT NULL,
      confidentiality TEXT NOT NULL CHECK (confidentiality IN
        ('none', 'stateSecret', 'commercialSecret', 'privacy', 'undisclosed')),
      registering_org TEXT NOT NULL,
      registered_by TEXT NOT NULL,
      registered_on TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('awaitingDispatch', 'handling', 'rejected',
        'merged', 'concluded', 'invalid', 'rectifying', 'closed')),
      handling_org TEXT NOT NULL,
      dispatcher TEXT,
      handler TEXT,
      dispatched_on TEXT,
      return_until TEXT,
      -- Open cases only: the current deadline (extension included).
      due_date TEXT,
      due_day INTEGER,
      round INTEGER NOT NULL CHECK (round >= 1),
      extension TEXT CHECK (extension IN ('pending', 'approved', 'refused', 'withdrawn')),
      merged_into TEXT,
      merged_count INTEGER NOT NULL CHECK (merged_count >= 0),
      returns INTEGER NOT NULL CHECK (returns >= 0),
      -- Concluded (or closed) cases: the last conclusion, for spot checks and statistics.
      concluded_on TEXT,
      concluded_day INTEGER,
      outcome TEXT CHECK (outcome IN ('resolved', 'invalid')),
      on_time INTEGER CHECK (on_time IN (0, 1)),
      satisfaction TEXT CHECK (satisfaction IN ('satisfied', 'basicallySatisfied', 'unsatisfied')),
      last_ts INTEGER NOT NULL
    );
    CREATE INDEX complaint_by_org_due ON complaint (handling_org, due_day);
    CREATE INDEX complaint_by_due ON complaint (due_day);
    CREATE INDEX complaint_by_status ON complaint (status, handling_org);
    CREATE INDEX complaint_by_dispatcher ON complaint (dispatcher, status);
    CREATE INDEX complaint_by_registrant ON complaint (registered_by, status);
    CREATE INDEX complaint_by_registering_org ON complaint (registering_org, status);
    CREATE INDEX complaint_by_concluded ON complaint (concluded_day);
    CREATE INDEX complaint_by_merged ON complaint (merged_into);

    -- Chinese full text: trigrams match any substring of three or more characters.
    CREATE VIRTUAL TABLE complaint_text USING fts5 (subject, content, tokenize = 'trigram');

    -- 督办 notices on any kind of case; the reply deadline is also a `deadline` row.
    CREATE TABLE supervision (
      id TEXT PRIMARY KEY,
      number TEXT NOT NULL,
      target_stream TEXT NOT NULL,
      target_kind TEXT NOT NULL,
      target_case TEXT NOT NULL,
      org TEXT NOT NULL,
      title TEXT NOT NULL,
      method TEXT NOT NULL CHECK (method IN ('online', 'written', 'phone')),
      requirement TEXT NOT NULL,
      issued_by TEXT NOT NULL,
      issued_on TEXT NOT NULL,
      reply_due TEXT NOT NULL,
      replied INTEGER NOT NULL CHECK (replied IN (0, 1)),
      reply TEXT,
      replied_by TEXT,
      replied_on TEXT
    ) WITHOUT ROWID;
    CREATE INDEX supervision_by_target ON supervision (target_case, replied);
    CREATE INDEX supervision_by_org ON supervision (org, replied, reply_due);
    CREATE INDEX supervision_by_issued ON supervision (replied, issued_on);

    -- 抽查: the drawn sample (seed and ids recorded in the event) and each verdict.
    CREATE TABLE spotcheck (
      id TEXT PRIMARY KEY,
      period_from TEXT NOT NULL,
      period_to TEXT NOT NULL,
      size INTEGER NOT NULL CHECK (size >= 1),
      seed TEXT NOT NULL,
      population INTEGER NOT NULL,
      drawn_by TEXT NOT NULL,
      drawn_on TEXT NOT NULL,
      checked INTEGER NOT NULL
    ) WITHOUT ROWID;
    CREATE TABLE spotcheck_item (
      spotcheck TEXT NOT NULL REFERENCES spotcheck (id),
      position INTEGER NOT NULL,
      case_id TEXT NOT NULL,
      verdict TEXT CHECK (verdict IN ('pass', 'fail')),
      note TEXT,
      checked_by TEXT,
      checked_on TEXT,
      PRIMARY KEY (spotcheck, case_id)
    ) WITHOUT ROWID;

    -- The 督办 drill-down pages an organisation's deadlines oldest first, whatever the kind.
    CREATE INDEX deadline_by_case ON deadline (case_id);
    """
}
