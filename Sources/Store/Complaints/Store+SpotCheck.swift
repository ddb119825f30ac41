import Domain

/// One spot check as listed.
public struct SpotCheckRow: Equatable, Sendable {
  public var id: String
  public var from: CivilDate
  public var to: CivilDate
  public var size: Int
  public var seed: String
  public var population: Int
  public var drawnBy: String
  public var drawnOn: CivilDate
  public var checked: Int
}

/// One drawn case and its verdict.
public struct SpotCheckItemRow: Equatable, Sendable {
  public var caseID: String
  public var subject: String
  public var org: String
  public var verdict: SpotCheckVerdict?
  public var note: String?
  public var checkedBy: String?
}

extension Store {
  /// 抽查 — draws `size` complaints concluded in `[from, to]` with a recorded seed, so the sample
  /// can be redrawn by anyone (第三十条).
  @discardableResult
  public func drawSpotCheck(
    from: CivilDate, to: CivilDate, size: Int, seed: UInt64, by staff: Staff
  ) throws -> String {
    try write(as: staff, .spotCheck, subject: "spotcheck") { tx in
      let population = try db.fetchAll(
        "SELECT case_id FROM complaint WHERE concluded_day BETWEEN ? AND ? ORDER BY case_id",
        [from.dayNumber, to.dayNumber]
      ) { $0.text(0) }
      if let r = SpotCheckReducer.check(
        from: from, to: to, size: size, population: population.count)
      {
        throw r
      }
      let cases = SpotCheckSampler.sample(population, size: size, seed: seed)
      let n = try tx.nextNumber(series: "抽")
      let id =
        "\(node.code)-CC-\(tx.today.year)-"
        + String(repeating: "0", count: max(0, 4 - String(n).count))
        + String(n)
      let draw = SpotCheckDraw(
        from: from, to: to, size: size, seed: SpotCheckSampler.hex(seed),
        population: population.count, cases: cases)
      try tx.append([
        EventDraft(stream: SpotCheckReducer.stream(id), type: .spotCheckDrawn, body: draw)
      ])
      return id
    }
  }

  /// 抽查结论 for one drawn case.
  public func recordSpotCheckVerdict(
    id: String, caseID: String, verdict: SpotCheckVerdict, note: String, by staff: Staff
  ) throws {
    try write(as: staff, .spotCheck, subject: SpotCheckReducer.stream(id)) { tx in
      let state = SpotCheckReducer.fold(
        try Journal.events(stream: SpotCheckReducer.stream(id), db: db), foldContext
      ).state
      let body = SpotCheckVerdictPayload(
        caseID: caseID, verdict: verdict, note: note.trimmingSpaces())
      if let r = SpotCheckReducer.check(state, body) { throw r }
      try tx.append([
        EventDraft(stream: SpotCheckReducer.stream(id), type: .spotCheckVerdict, body: body)
      ])
    }
  }

  public func spotChecks(limit: Int = 100) throws -> [SpotCheckRow] {
    try db.fetchAll(
      SpotCheckRow.self,
      """
      SELECT id, period_from, period_to, size, seed, population, drawn_by, drawn_on, checked
      FROM spotcheck ORDER BY drawn_on DESC, id DESC LIMIT ?
      """, [limit])
  }

  public func spotCheckItems(id: String) throws -> [SpotCheckItemRow] {
    try db.fetchAll(
      SpotCheckItemRow.self,
      """
      SELECT i.case_id, coalesce(c.subject, '') AS subject, coalesce(c.handling_org, '') AS org,
        i.verdict, i.note, i.checked_by
      FROM spotcheck_item i LEFT JOIN complaint c ON c.case_id = i.case_id
      WHERE i.spotcheck = ? ORDER BY i.position
      """, [id])
  }
}

extension SpotCheckRow: RowDecodable {
  public static let table = "spotcheck"
  public static let keyColumn = "id"

  public init(row r: Row) throws {
    self.init(
      id: try r.decode("id"), from: try r.decode("period_from"), to: try r.decode("period_to"),
      size: try r.decode("size"), seed: try r.decode("seed"),
      population: try r.decode("population"), drawnBy: try r.decode("drawn_by"),
      drawnOn: try r.decode("drawn_on"), checked: try r.decode("checked"))
  }
}

extension SpotCheckItemRow: RowDecodable {
  public static let table = "spotcheck_item"
  public static let keyColumn = "case_id"

  public init(row r: Row) throws {
    self.init(
      caseID: try r.decode("case_id"), subject: try r.decode("subject"), org: try r.decode("org"),
      verdict: try r.decode("verdict"), note: try r.decode("note"),
      checkedBy: try r.decode("checked_by"))
  }
}
