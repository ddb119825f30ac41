import Domain
import Foundation
import Store
import TUI

/// One measured query: the store call the pane makes, and beside it its floor — for a queue or a
/// search the ideal read (the rows shown, fetched by their keys), otherwise the same SQL run
/// directly.
struct QueryFigure: Codable {
  var name: String
  var label: String
  var rows: Int
  var time: Percentiles
  /// Database pages one run touched on the store's connection (cache hits + misses).
  var pages: Int
  var floor: Percentiles?
  var floorPages: Int?
  var ratio: Double?
}

/// The queries a clerk's screen waits for, each beside its plain-SQL floor.
struct QueryBench {
  let store: Store
  let supervisor: Staff
  let township: Staff
  let today: CivilDate
  let runs: Int

  var scope: ComplaintQueueScope {
    ComplaintQueueScope(staff: supervisor, today: today, calendar: store.calendar)
  }

  /// The floor: the statement stepped to the end, every column read, nothing mapped.
  func floor(_ sql: String, _ args: [any SQLBindable]) throws -> Percentiles {
    try measure(runs: runs) {
      try store.db.forEach(sql, args) { row in
        for i in 0..<row.columnCount { _ = row.value(i) }
      }
    }
  }

  func figure(
    _ name: String, _ label: String, floorSQL: [(String, [any SQLBindable])]?,
    cachedFloor: Bool = false, _ body: () throws -> Int
  ) throws -> QueryFigure {
    var rows = 0
    let time = try measure(runs: runs) { rows = try body() }
    // Pages from one more run: the count is the same on every run (and every machine).
    let pages = try store.db.countingPages { try body() }.pages
    var floorTime: Percentiles?
    var floorPages: Int?
    if let floorSQL {
      func read() throws {
        for (sql, args) in floorSQL {
          try store.db.forEach(sql, args, cached: cachedFloor) { row in
            for i in 0..<row.columnCount { _ = row.value(i) }
          }
        }
      }
      floorTime = try measure(runs: runs, read)
      floorPages = try store.db.countingPages(read).pages
    }
    return QueryFigure(
      name: name, label: label, rows: rows, time: time, pages: pages, floor: floorTime,
      floorPages: floorPages, ratio: floorTime.map { $0.p50 > 0 ? time.p50 / $0.p50 : 0 })
  }

  static let complaintColumns = """
    SELECT c.case_id, c.type, c.urgency, c.channel, c.subject, c.handling_org, c.status,
      c.due_date, c.confidentiality, c.merged_into, c.merged_count, c.extension, c.supervised,
      c.registered_on, c.no_callback
    FROM complaint c WHERE
    """

  func all(caseID: String) throws -> [QueryFigure] {
    let page = 200
    var out: [QueryFigure] = []
    out.append(
      try queuePage("overdue_queue", "超期队列首页(投诉建议,按剩余时间)", byKey: Self.complaintByKey) {
        try store.complaintQueue(
          .overdue, filter: ComplaintFilter(), scope: scope, offset: 0, limit: page
        ).map { [$0.caseID] }
      })
    out.append(
      try queuePage(
        "deadline_drilldown", "督办下钻首页(区市场监督管理局,超期在前)", byKey: Self.deadlineByKey
      ) {
        try store.deadlines(org: "SCJG", for: scope.staff, offset: 0, limit: page).map {
          [$0.stream, $0.purpose]
        }
      })
    out.append(try townshipApplications())
    out.append(try centreApplications())
    out.append(try townshipComplaints(page: page))
    out.append(try overview())
    out += try searches()
    out.append(try caseView(caseID))
    return out
  }

  func townshipComplaints(page: Int) throws -> QueryFigure {
    let clerk = ComplaintQueueScope(staff: township, today: today, calendar: store.calendar)
    return try queuePage(
      "township_complaints", "本单位首页(王岘镇,投诉建议)", byKey: Self.complaintByKey
    ) {
      try store.complaintQueue(
        .organisation, filter: ComplaintFilter(), scope: clerk, offset: 0, limit: page
      ).map { [$0.caseID] }
    }
  }

  func townshipApplications() throws -> QueryFigure {
    try applicationsFirstPage("township_applications", "本单位首页(王岘镇,受理登记)", of: township)
  }

  /// The service centre's 本单位, the page 张敏 sees first: every application registers there,
  /// so its open queue is the district's.
  func centreApplications() throws -> QueryFigure {
    try applicationsFirstPage(
      "centre_applications", "本单位首页(区政务服务中心,受理登记)", of: supervisor)
  }

  /// 受理登记's first page of 本单位 as `staff` sees it, by time left.
  func applicationsFirstPage(_ name: String, _ label: String, of staff: Staff) throws
    -> QueryFigure
  {
    try queuePage(name, label, byKey: Self.applicationByKey) {
      try store.applicationQueue(
        .organisation, for: staff, sort: .timeLeft, limit: ApplicationsPane.pageSize
      ).map { [$0.caseID] }
    }
  }

  func overview() throws -> QueryFigure {
    let soon = scope.soonUntil
    let t = today.dayNumber
    let orgs = try store.db.fetchAll("SELECT code FROM org") { $0.text(0) }
    var floorSQL: [(String, [any SQLBindable])] = [
      ("SELECT org FROM deadline WHERE org > ? ORDER BY org LIMIT 1", [""])
    ]
    for o in orgs {
      floorSQL += [
        (
          "SELECT count(*), min(due_day) FROM deadline WHERE org = ? AND paused = 0 AND due_day < ?",
          [o, t]
        ),
        ("SELECT count(*) FROM deadline WHERE org = ? AND paused = 0 AND due_day = ?", [o, t]),
        (
          "SELECT count(*) FROM deadline WHERE org = ? AND paused = 0 AND due_day > ? AND due_day <= ?",
          [o, t, soon.dayNumber]
        ),
        ("SELECT count(*) FROM deadline WHERE org = ? AND paused = 1", [o]),
        ("SELECT count(*) FROM deadline WHERE org = ?", [o]),
      ]
    }
    return try figure("overview", "督办总览(各单位超期/今日/两日内)", floorSQL: floorSQL) {
      try store.deadlineOverview(today: today, soonUntil: soon, for: scope.staff).count
    }
  }

  func searches() throws -> [QueryFigure] {
    let page = 200
    func complaintSearch(_ text: String, _ name: String) throws -> QueryFigure {
      try queuePage(name, "全文检索「\(text)」(投诉建议全部,首页)", byKey: Self.complaintByKey) {
        try store.complaintQueue(
          .all, filter: ComplaintFilter(search: text), scope: scope, offset: 0, limit: page
        ).map { [$0.caseID] }
      }
    }
    // 受理登记's `/` search as 张敏 in 全部: a word in the middle of company names (one
    // company in twelve), as two characters (one pair's list) and as four (a phrase of pairs).
    func applicationSearch(_ text: String, _ name: String) throws -> QueryFigure {
      try queuePage(name, "受理登记检索「\(text)」(全部,首页)", byKey: Self.applicationByKey) {
        try store.applicationQueue(
          .all, for: supervisor, search: text, limit: ApplicationsPane.pageSize
        ).map { [$0.caseID] }
      }
    }
    return [
      try complaintSearch("排队", "search_2"),
      try complaintSearch("窗口排队", "search_4"),
      try applicationSearch("餐饮", "application_search_2"),
      try applicationSearch("餐饮有限", "application_search_4"),
      try figure("search_catalog", "事项检索「登记」(受理登记选事项)", floorSQL: nil) {
        try store.searchDirectory("登记", limit: 50).count
      },
    ]
  }

  func caseView(_ caseID: String) throws -> QueryFigure {
    let service = StoreApplicationService(store: store, items: store, share: nil)
    let stream = "application/\(caseID)"
    return try figure(
      "case_view", "打开办件与时间线(\(caseID))",
      floorSQL: [
        (
          "SELECT origin, seq, stream, type, payload, actor, node, ts, prev_hash, hash FROM journal WHERE stream = ? ORDER BY ts, origin, seq",
          [stream]
        )
      ]
    ) {
      guard let v = try service.view(caseID: caseID, for: supervisor) else {
        throw StoreError.invalid("办件 \(caseID) 不存在")
      }
      return v.events.count + (try store.events(stream: stream)).count
    }
  }
}
