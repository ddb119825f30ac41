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
      let population = try db.values(
        "case_id", of: "complaint", as: String.self,
        "SELECT case_id FROM complaint WHERE concluded_day BETWEEN ? AND ? ORDER BY case_id",
        [from.dayNumber, to.dayNumber])
      // The number is taken inside the transaction: a refused draw gives it back.
      let n = try tx.nextNumber(series: "抽")
      let id =
        "\(node.code)-CC-\(tx.today.year)-"
        + String(repeating: "0", count: max(0, 4 - String(n).count))
        + String(n)
      try tx.append([
        try SpotCheckReducer.draw(
          id, from: from, to: to, size: size, seed: seed, population: population
        ).get()
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
      try tx.append([
        try SpotCheckReducer.verdict(state, id: id, caseID: caseID, verdict, note: note).get()
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

extension SpotCheckRow: RowDecodable, Decodable {
  public static let table = "spotcheck"
  public static let keyColumn = "id"

  enum CodingKeys: String, CodingKey {
    case id
    case from = "period_from"
    case to = "period_to"
    case size, seed, population
    case drawnBy = "drawn_by"
    case drawnOn = "drawn_on"
    case checked
  }
}

extension SpotCheckItemRow: RowDecodable, Decodable {
  public static let table = "spotcheck_item"
  public static let keyColumn = "case_id"

  enum CodingKeys: String, CodingKey {
    case caseID = "case_id"
    case subject, org, verdict, note
    case checkedBy = "checked_by"
  }
}
