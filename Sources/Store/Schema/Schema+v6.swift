extension Schema {
  /// Applications (受理登记): the case list, who acted on each, and the notices issued.
  static let v6 = """
    CREATE TABLE application (
      case_id TEXT PRIMARY KEY,
      item_code TEXT NOT NULL,
      item_version INTEGER NOT NULL,
      item_name TEXT NOT NULL,
      org TEXT NOT NULL,
      registered_org TEXT NOT NULL,
      registered_by TEXT NOT NULL,
      registered_at INTEGER NOT NULL,
      registered_on TEXT NOT NULL,
      channel TEXT NOT NULL CHECK (channel IN ('counter', 'online', 'mobile', 'kiosk')),
      applicant_kind TEXT NOT NULL CHECK (applicant_kind IN ('person', 'organisation')),
      applicant_name TEXT NOT NULL,
      applicant_id TEXT NOT NULL,
      phone TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('awaitingPreReview', 'awaitingAcceptance',
        'awaitingSupplement', 'accepted', 'underReview', 'decided', 'concluded', 'notAccepted',
        'withdrawn')),
      status_text TEXT NOT NULL,
      is_open INTEGER NOT NULL CHECK (is_open IN (0, 1)),
      accepted_on TEXT,
      deemed INTEGER NOT NULL CHECK (deemed IN (0, 1)),
      due_date TEXT,
      due_day INTEGER,
      paused INTEGER NOT NULL CHECK (paused IN (0, 1)),
      closed_on TEXT,
      decision TEXT CHECK (decision IS NULL OR decision IN ('approved', 'denied')),
      rating TEXT
    );
    -- The queues: an organisation's open cases by time left, and the registering desk's.
    CREATE INDEX application_open_by_org ON application (is_open, org, paused, due_day);
    CREATE INDEX application_open_by_desk ON application (is_open, registered_org, paused, due_day);
    CREATE INDEX application_closed ON application (is_open, closed_on);
    CREATE INDEX application_by_applicant_id ON application (applicant_id);
    CREATE INDEX application_by_applicant_name ON application (applicant_name);

    -- Everyone who took a step on a case: the 我的 queue.
    CREATE TABLE application_actor (
      login TEXT NOT NULL,
      case_id TEXT NOT NULL REFERENCES application (case_id),
      PRIMARY KEY (login, case_id)
    ) WITHOUT ROWID;
    CREATE INDEX application_actor_by_case ON application_actor (case_id);

    -- Every notice issued (文书编号 is unique: it carries the node code, series and year).
    CREATE TABLE application_notice (
      number TEXT PRIMARY KEY,
      case_id TEXT NOT NULL REFERENCES application (case_id),
      kind TEXT NOT NULL CHECK (kind IN ('acceptance', 'supplement', 'refusal', 'clockStop',
        'conclusion', 'denial')),
      issued_on TEXT NOT NULL,
      issued_by TEXT NOT NULL
    ) WITHOUT ROWID;
    CREATE INDEX application_notice_by_case ON application_notice (case_id);
    """
}
