extension Schema {
  /// 计数 — the tab counts and the 督办 board read counters, not the rows (issue 26): a count of
  /// every open case grew with the open queue (7.6 ms of a 1M-case first frame). Triggers on the
  /// projected rows keep the counters in the statement that changes a row, so in the same
  /// transaction as the event; whichever projector writes, the count follows. A rebuild drops
  /// the triggers, recounts (`countsFill`) and creates them again; `audit verify` compares the
  /// counters with that recount like any other projected table.
  ///
  /// Every statement may run again (a database whose `user_version` was set back): the tables
  /// and triggers are made if missing and the counters emptied before they are counted.
  ///
  /// A counter row exists only while its count is above zero (a decrement deletes the row at
  /// one before it would reach zero), so a recount and the live table hold the same rows.
  ///
  /// `deadline_count` keeps the open deadlines per (organisation, paused, due day) at three
  /// levels: the day itself, its 32-day block (`due_day >> 5`) and its 1024-day block
  /// (`due_day >> 10`). 已超期 (every day before today) sums the 1024-day blocks before
  /// today's, the 32-day blocks of today's 1024-day block before today's, and the days of
  /// today's 32-day block before today: at most a handful of rows per organisation whatever the
  /// history, and nothing written as the date moves (the clock is an input; a count kept
  /// "before day D" would have to be rewritten every morning, and could not answer for another
  /// day).
  static let v22 = """
    -- 本单位 and 全部 of 受理登记: open applications per organisation, as the implementing
    -- organisation (handled) and as implementing or registering desk (queue, a case counted
    -- once when both are the same).
    CREATE TABLE IF NOT EXISTS application_count (
      org TEXT PRIMARY KEY,
      handled INTEGER NOT NULL CHECK (handled >= 0),
      queue INTEGER NOT NULL CHECK (queue > 0)
    ) WITHOUT ROWID;
    -- 我的 of 受理登记: open applications each login took a step on.
    CREATE TABLE IF NOT EXISTS application_mine_count (
      login TEXT PRIMARY KEY,
      n INTEGER NOT NULL CHECK (n > 0)
    ) WITHOUT ROWID;
    -- 差评整改's tabs: cases per organisation and phase.
    CREATE TABLE IF NOT EXISTS rectification_count (
      org TEXT NOT NULL,
      phase TEXT NOT NULL,
      n INTEGER NOT NULL CHECK (n > 0),
      PRIMARY KEY (org, phase)
    ) WITHOUT ROWID;
    -- 督办总览: open deadlines per organisation, stopped or running, and due day at three
    -- levels (0: the day, 1: due_day >> 5, 2: due_day >> 10).
    CREATE TABLE IF NOT EXISTS deadline_count (
      org TEXT NOT NULL,
      paused INTEGER NOT NULL CHECK (paused IN (0, 1)),
      level INTEGER NOT NULL CHECK (level IN (0, 1, 2)),
      bucket INTEGER NOT NULL,
      n INTEGER NOT NULL CHECK (n > 0),
      PRIMARY KEY (org, paused, level, bucket)
    ) WITHOUT ROWID;

    \(applicationCountTriggers(add: applicationAdd, remove: applicationRemove))

    \(counterTriggers("application_mine_count", on: "application_actor", add: actorAdd, remove: actorRemove))

    CREATE TRIGGER IF NOT EXISTS rectification_count_insert AFTER INSERT ON rectification
    BEGIN
    \(counted("rectification_count", ["org", "phase"], add: true))
    END;
    CREATE TRIGGER IF NOT EXISTS rectification_count_delete AFTER DELETE ON rectification
    BEGIN
    \(counted("rectification_count", ["org", "phase"], add: false))
    END;
    CREATE TRIGGER IF NOT EXISTS rectification_count_update AFTER UPDATE OF org, phase ON rectification
    WHEN old.org IS NOT new.org OR old.phase IS NOT new.phase
    BEGIN
    \(counted("rectification_count", ["org", "phase"], add: false))
    \(counted("rectification_count", ["org", "phase"], add: true))
    END;

    CREATE TRIGGER IF NOT EXISTS deadline_count_insert AFTER INSERT ON deadline
    BEGIN
    \(deadlineLevels(add: true))
    END;
    CREATE TRIGGER IF NOT EXISTS deadline_count_delete AFTER DELETE ON deadline
    BEGIN
    \(deadlineLevels(add: false))
    END;
    CREATE TRIGGER IF NOT EXISTS deadline_count_update AFTER UPDATE OF org, paused, due_day ON deadline
    WHEN old.org IS NOT new.org OR old.paused IS NOT new.paused
      OR old.due_day IS NOT new.due_day
    BEGIN
    \(deadlineLevels(add: false))
    \(deadlineLevels(add: true))
    END;

    DELETE FROM application_count;
    DELETE FROM application_mine_count;
    DELETE FROM rectification_count;
    DELETE FROM deadline_count;
    \(countsFillAtV22)
    """

  /// The counters recounted from the rows (into empty tables) as this migration counted them
  /// (我的 by actor; v24 counts it by assignee).
  static let countsFillAtV22 =
    applicationCountFill + """
      INSERT INTO application_mine_count (login, n)
        SELECT x.login, count(*) FROM application_actor x
        JOIN application a ON a.case_id = x.case_id
        WHERE a.is_open = 1 GROUP BY x.login;

      """ + otherCountsFill

  /// The counters recounted from the rows (into empty tables): the last migration's fill, and
  /// a rebuild's after its fold (`ProjectionCounters`).
  static let countsFill = applicationCountFill + mineCountFill + otherCountsFill

  static let applicationCountFill = """
    INSERT INTO application_count (org, handled, queue)
      SELECT org, sum(handled), count(*) FROM (
        SELECT org, 1 AS handled FROM application WHERE is_open = 1
        UNION ALL
        SELECT registered_org, 0 FROM application WHERE is_open = 1 AND registered_org <> org)
      GROUP BY org;

    """

  static let otherCountsFill = """
    INSERT INTO rectification_count (org, phase, n)
      SELECT org, phase, count(*) FROM rectification GROUP BY org, phase;
    INSERT INTO deadline_count (org, paused, level, bucket, n)
      SELECT org, paused, 0, due_day, count(*) FROM deadline GROUP BY org, paused, due_day
      UNION ALL
      SELECT org, paused, 1, due_day >> 5, count(*) FROM deadline GROUP BY org, paused, due_day >> 5
      UNION ALL
      SELECT org, paused, 2, due_day >> 10, count(*) FROM deadline
      GROUP BY org, paused, due_day >> 10;
    """

  /// A counter's three triggers on `table`: a row's share added on insert, taken away on
  /// delete, and moved on an update (`update`: `UPDATE` or `UPDATE OF` its columns; `when`: the
  /// update's condition, if any). v29's search index is kept by the same three.
  static func counterTriggers(
    _ name: String, on table: String, update: String = "UPDATE", when: String? = nil,
    add: String, remove: String
  ) -> String {
    """
    CREATE TRIGGER IF NOT EXISTS \(name)_insert AFTER INSERT ON \(table)
    BEGIN
    \(add)
    END;
    CREATE TRIGGER IF NOT EXISTS \(name)_delete AFTER DELETE ON \(table)
    BEGIN
    \(remove)
    END;
    CREATE TRIGGER IF NOT EXISTS \(name)_update AFTER \(update) ON \(table)\(when.map { "\nWHEN \($0)" } ?? "")
    BEGIN
    \(remove)
    \(add)
    END;
    """
  }

  /// `application_count`'s triggers, keeping it (and, at v22, 我的) with `add` and `remove`.
  static func applicationCountTriggers(add: String, remove: String) -> String {
    """
    CREATE TRIGGER IF NOT EXISTS application_count_insert AFTER INSERT ON application
    WHEN new.is_open = 1
    BEGIN
    \(add)
    END;
    CREATE TRIGGER IF NOT EXISTS application_count_delete AFTER DELETE ON application
    WHEN old.is_open = 1
    BEGIN
    \(remove)
    END;
    CREATE TRIGGER IF NOT EXISTS application_count_update AFTER UPDATE OF is_open, org, registered_org
    ON application
    WHEN old.is_open IS NOT new.is_open OR old.org IS NOT new.org
      OR old.registered_org IS NOT new.registered_org
    BEGIN
    \(remove)
    \(add)
    END;
    """
  }

  /// An open application's share of `application_count` (`new`).
  static let applicationCountAdd = """
      INSERT INTO application_count (org, handled, queue) SELECT new.org, 1, 1 WHERE new.is_open = 1
        ON CONFLICT (org) DO UPDATE SET handled = handled + 1, queue = queue + 1;
      INSERT INTO application_count (org, handled, queue)
        SELECT new.registered_org, 0, 1 WHERE new.is_open = 1 AND new.registered_org <> new.org
        ON CONFLICT (org) DO UPDATE SET queue = queue + 1;

    """

  /// An open application's share of `application_count` and (until v24) of
  /// `application_mine_count` (`new`).
  private static let applicationAdd =
    applicationCountAdd + """
        INSERT INTO application_mine_count (login, n)
          SELECT login, 1 FROM application_actor WHERE case_id = new.case_id AND new.is_open = 1
          ON CONFLICT (login) DO UPDATE SET n = n + 1;
      """

  /// An open application's share of `application_count` taken away (`old`).
  static let applicationCountRemove = """
      DELETE FROM application_count WHERE old.is_open = 1 AND queue = 1
        AND org IN (old.org, old.registered_org);
      UPDATE application_count SET queue = queue - 1, handled = handled - (org = old.org)
        WHERE old.is_open = 1 AND org IN (old.org, old.registered_org);

    """

  /// The same share taken away (`old`): a row at its last count is deleted, never left at 0.
  private static let applicationRemove =
    applicationCountRemove + """
        DELETE FROM application_mine_count WHERE old.is_open = 1 AND n = 1
          AND login IN (SELECT login FROM application_actor WHERE case_id = old.case_id);
        UPDATE application_mine_count SET n = n - 1 WHERE old.is_open = 1
          AND login IN (SELECT login FROM application_actor WHERE case_id = old.case_id);
      """

  /// An actor of an open case counts for their 我的; of a closed one, not.
  private static let actorAdd = """
      INSERT INTO application_mine_count (login, n)
        SELECT new.login, 1 FROM application WHERE case_id = new.case_id AND is_open = 1
        ON CONFLICT (login) DO UPDATE SET n = n + 1;
    """

  private static let actorRemove = """
      DELETE FROM application_mine_count WHERE login = old.login AND n = 1
        AND EXISTS (SELECT 1 FROM application WHERE case_id = old.case_id AND is_open = 1);
      UPDATE application_mine_count SET n = n - 1 WHERE login = old.login
        AND EXISTS (SELECT 1 FROM application WHERE case_id = old.case_id AND is_open = 1);
    """

  /// One row's count in a counter keyed by `columns`, added (`new`) or taken away (`old`).
  private static func counted(
    _ table: String, _ columns: [String], add: Bool, values: [String]? = nil
  ) -> String {
    let row = add ? "new" : "old"
    let values = values ?? columns.map { "\(row).\($0)" }
    if add {
      return """
          INSERT INTO \(table) (\(columns.joined(separator: ", ")), n)
            VALUES (\(values.joined(separator: ", ")), 1)
            ON CONFLICT (\(columns.joined(separator: ", "))) DO UPDATE SET n = n + 1;
        """
    }
    let match = zip(columns, values).map { "\($0) = \($1)" }.joined(separator: " AND ")
    return """
        DELETE FROM \(table) WHERE \(match) AND n = 1;
        UPDATE \(table) SET n = n - 1 WHERE \(match);
      """
  }

  /// A deadline's count at its day and its two blocks.
  private static func deadlineLevels(add: Bool) -> String {
    let row = add ? "new" : "old"
    return [(0, "\(row).due_day"), (1, "\(row).due_day >> 5"), (2, "\(row).due_day >> 10")].map {
      counted(
        "deadline_count", ["org", "paused", "level", "bucket"], add: add,
        values: ["\(row).org", "\(row).paused", "\($0.0)", $0.1])
    }.joined(separator: "\n")
  }
}
