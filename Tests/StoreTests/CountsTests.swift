import Domain
import Foundation
import XCTest

@testable import Store

/// What schema v22 added (the counters and their triggers), for tests that take a database back
/// to an older version (after `schemaV24Undone`; v24 replaced the 我的 counter's triggers).
let schemaV22Undone =
  ["application", "application_mine", "rectification", "deadline"].flatMap { t in
    ["insert", "delete", "update"].map { "DROP TRIGGER IF EXISTS \(t)_count_\($0);" } + [
      "DROP TABLE \(t)_count;"
    ]
  }.joined(separator: " ")

/// What schema v24 added (assignee columns, their indexes, the 我的 counter's triggers), for
/// tests that take a database back to an older version: its columns cannot be added twice.
let schemaV24Undone =
  ["insert", "delete", "update"].map { "DROP TRIGGER application_assigned_count_\($0);" }
  .joined(separator: " ")
    + """
    DROP INDEX application_assignee_by_time; DROP INDEX application_assignee_by_registered;
    DROP INDEX application_registrar_by_time; DROP INDEX application_registrar_by_registered;
    DROP INDEX rectification_assignee_queue;
    ALTER TABLE application DROP COLUMN assignee; ALTER TABLE rectification DROP COLUMN assignee;
    ALTER TABLE complaint DROP COLUMN no_callback;
    """

/// What schema v26 added (the complaints' `supervised` flag, its triggers and indexes): a
/// database set back to before it must not have the column it adds.
let schemaV26Undone = """
  DROP TRIGGER complaint_supervised_insert; DROP TRIGGER supervision_flag_insert;
  DROP TRIGGER supervision_flag_delete; DROP TRIGGER supervision_flag_update;
  DROP INDEX complaint_supervised_queue; DROP INDEX complaint_org_supervised_queue;
  DROP INDEX complaint_desk_supervised_queue;
  ALTER TABLE complaint DROP COLUMN supervised;
  """

/// What schema v30 added (a rectification's pending extension, its queue index): a database set
/// back to before it must not have the column it adds.
let schemaV30Undone = """
  DROP INDEX rectification_extension_queue;
  ALTER TABLE rectification DROP COLUMN extension_pending;
  """

/// Issue 26: the tab counts and the 督办 board read counters (or stop at a bound), and stay what
/// a full recount of the rows says, after thousands of random steps and as the date moves.
final class CountsTests: XCTestCase {
  func testEveryCountASupervisorSeesIsARecountAfterRandomStepsAcrossDays() throws {
    let (store, _) = try makeDemo()
    var now = beijing("2026-11-26T09:30")
    store.clock = { now }
    var walk = try CountWalk(store: store, seed: 2026)
    try assertCountsAreRecounts(store, "the demo as built")
    for day in 0..<20 {
      for step in 0..<100 {
        try walk.step()
        if step % 50 == 49 { try assertCountsAreRecounts(store, "day \(day) step \(step)") }
      }
      // The next day (weekends too): 已超期 and 今日到期 move without an event.
      now = now.addingTimeInterval(86_400)
      try assertCountsAreRecounts(store, "the morning of day \(day + 1)")
    }
    XCTAssertGreaterThan(walk.done, 1_500, "most steps change something (\(walk.refused) refused)")
    XCTAssertGreaterThan(try store.db.fetchInt("SELECT count(*) FROM deadline_count"), 30)
    XCTAssertEqual(try store.auditFindings(fast: true), [], "the counters are the recount")
    try store.rebuild()
    try assertCountsAreRecounts(store, "after rebuild")
  }

  func testAuditReportsACounterThatIsNotTheRecount() throws {
    let (store, _) = try makeDemo()
    try store.db.execute("UPDATE application_count SET queue = queue + 1 WHERE org = 'SCJG'")
    try store.db.execute("DELETE FROM deadline_count WHERE org = 'WXZ' AND level = 0")
    let findings = try store.auditFindings(fast: true).map(\.message)
    XCTAssertTrue(
      findings.contains { $0.hasPrefix("application_count 表与事件日志不一致: SCJG 的 queue") }, "\(findings)"
    )
    XCTAssertTrue(
      findings.contains { $0.hasPrefix("deadline_count 表与事件日志不一致: WXZ 0 0 ") }, "\(findings)")
    try store.rebuild()
    XCTAssertEqual(try store.auditFindings(fast: true), [])
    try assertCountsAreRecounts(store, "after the repair")
  }

  /// An existing database gains its counters in the migration, counted from its rows; one set
  /// back to before it (counters and all) has them counted again.
  func testTheMigrationCountsAnExistingDatabase() throws {
    let (store, dir) = try makeDemo()
    let path = dir.appendingPathComponent("demo.db").path
    let clock = { beijing("2026-11-26T09:30") }
    try store.db.execute(schemaV30Undone + schemaV26Undone + schemaV24Undone + schemaV22Undone)
    try store.db.execute("PRAGMA user_version = 21")
    let migrated = try Store.open(path: path, clock: clock)
    XCTAssertGreaterThan(try migrated.db.fetchInt("SELECT count(*) FROM application_count"), 3)
    XCTAssertEqual(try migrated.auditFindings(fast: true), [])
    try assertCountsAreRecounts(migrated, "after the migration")
    try migrated.db.execute("UPDATE application_count SET queue = queue + 5")
    try migrated.db.execute(
      schemaV30Undone + schemaV26Undone + schemaV24Undone + "PRAGMA user_version = 21")
    let again = try Store.open(path: path, clock: clock)
    XCTAssertEqual(try again.auditFindings(fast: true), [])
    try assertCountsAreRecounts(again, "after the migration ran again")
  }

  func testDeadlineRangesCoverEachDayOnce() {
    var dice = SeededRandom(seed: 7)
    for _ in 0..<2_000 {
      let from = dice.chance(0.2) ? DeadlineCounts.before : 20_000 + dice.below(3_000)
      let to = dice.chance(0.2) ? DeadlineCounts.after : 20_000 + dice.below(3_000)
      let ranges = DeadlineCounts.ranges(from: from, to: to)
      // Each probe day lies in exactly one range (at its level's bucket) when inside from..<to.
      for probe in stride(from: 19_000, to: 24_000, by: 7) {
        let hits = ranges.filter { r in
          let b = r.level == 0 ? probe : probe >> (r.level * 5)
          return b >= r.from && b < r.to
        }.count
        XCTAssertEqual(hits, (from..<max(from, to)).contains(probe) ? 1 : 0, "\(from)..<\(to)")
      }
      XCTAssertLessThanOrEqual(
        ranges.filter { $0.level < 2 }.map { $0.to - $0.from }.max() ?? 0, 62)
    }
  }

  // MARK: - The recount

  func assertCountsAreRecounts(
    _ store: Store, _ when: String, file: StaticString = #filePath, line: UInt = #line
  ) throws {
    // 待督办回复: each complaint's flag is whether an unanswered notice names it.
    XCTAssertEqual(
      try store.db.fetchInt(
        """
        SELECT count(*) FROM complaint
        WHERE supervised <> (case_id IN (SELECT target_case FROM supervision WHERE replied = 0))
        """), 0, "supervised flags \(when)", file: file, line: line)
    let today = store.today
    let soon = store.calendar.deadline(receivedAt: today, workingDays: 2)
    for s in try store.allStaff() {
      let who = "\(s.login) \(when)"
      XCTAssertEqual(
        try store.applicationQueueCounts(for: s), try applicationRecount(store, s), who,
        file: file, line: line)
      XCTAssertEqual(
        try store.rectificationCounts(for: s), try rectificationRecount(store, s), who,
        file: file, line: line)
      XCTAssertEqual(
        try store.deadlineOverview(today: today, soonUntil: soon, for: s),
        try deadlineRecount(store, today: today, soonUntil: soon, for: s), who,
        file: file, line: line)
      let scope = ComplaintQueueScope(staff: s, today: today, calendar: store.calendar)
      for filter in [ComplaintFilter(), ComplaintFilter(org: "SCJG")] {
        XCTAssertEqual(
          try store.complaintCounts(filter: filter, scope: scope),
          try complaintRecount(store, filter, scope), who, file: file, line: line)
      }
    }
  }

  /// The counts as the tabs first counted them: every open row.
  func applicationRecount(_ store: Store, _ s: Staff) throws -> [ApplicationQueue: Int] {
    var out: [ApplicationQueue: Int] = [:]
    out[.mine] = try store.db.fetchInt(
      """
      SELECT count(*) FROM application NOT INDEXED
      WHERE (assignee = ? AND is_open = 1) OR (assignee IS NULL AND registered_by = ?
        AND status IN ('awaitingPreReview', 'awaitingAcceptance', 'awaitingSupplement'))
      """, [s.login, s.login])
    out[.organisation] = try store.db.fetchInt(
      "SELECT count(*) FROM application WHERE is_open = 1 AND (org = ? OR registered_org = ?)",
      [s.org, s.org])
    if s.has(.supervisor) {
      out[.all] = try store.db.fetchInt("SELECT count(*) FROM application WHERE is_open = 1")
    }
    return out
  }

  func rectificationRecount(_ store: Store, _ s: Staff) throws -> [RectificationPhase: Int] {
    let org = Visibility(s).organisation
    var out: [RectificationPhase: Int] = [:]
    try store.db.forEach(
      "SELECT phase, count(*) FROM rectification WHERE org = ? OR ? IS NULL GROUP BY phase",
      [org, org]
    ) { out[try $0.decode("phase", as: RectificationPhase.self)] = $0.int(1) }
    return out
  }

  func deadlineRecount(
    _ store: Store, today: CivilDate, soonUntil: CivilDate, for s: Staff
  ) throws -> [OrganisationDeadlines] {
    let board = try store.deadlineOverview(today: today, soonUntil: soonUntil, for: s)
    let t = today.dayNumber
    return try board.map { line in
      func count(_ condition: String, _ args: [any SQLBindable] = []) throws -> Int {
        try store.db.fetchInt(
          "SELECT count(*) FROM deadline WHERE org = ? AND \(condition)", [line.org] + args)
      }
      return OrganisationDeadlines(
        org: line.org, name: line.name, overdue: try count("paused = 0 AND due_day < ?", [t]),
        dueToday: try count("paused = 0 AND due_day = ?", [t]),
        dueSoon: try count(
          "paused = 0 AND due_day > ? AND due_day <= ?", [t, soonUntil.dayNumber]),
        paused: try count("paused = 1"), open: try count("1"),
        oldestOverdue: try store.db.fetchOne(
          "SELECT min(due_day) FROM deadline WHERE org = ? AND paused = 0 AND due_day < ?",
          [line.org, t]
        ) { $0.optionalInt(0) }?.map(CivilDate.init(dayNumber:)))
    }
  }

  /// Every matching complaint counted, then shown as the tab shows it: past the bound, 500+.
  func complaintRecount(_ store: Store, _ filter: ComplaintFilter, _ scope: ComplaintQueueScope)
    throws -> [ComplaintView: Int]
  {
    var out: [ComplaintView: Int] = [:]
    for view in ComplaintView.allCases {
      guard let (whereSQL, args) = Store.queueWhere(view, filter, scope) else { continue }
      let n = try store.db.fetchInt("SELECT count(*) FROM complaint c WHERE \(whereSQL)", args)
      out[view] = min(n, ComplaintFilter.searchCountCap + 1)
    }
    return out
  }
}
