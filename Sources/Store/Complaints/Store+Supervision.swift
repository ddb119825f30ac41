import Domain

/// One 督办 notice as listed.
public struct SupervisionRow: Equatable, Sendable {
  public var id: String
  public var number: String
  public var targetKind: String
  public var targetCase: String
  public var org: String
  public var title: String
  public var method: SupervisionMethod
  public var requirement: String
  public var issuedBy: String
  public var issuedOn: CivilDate
  public var replyDue: CivilDate
  public var reply: String?
  public var repliedBy: String?
  public var repliedOn: CivilDate?
}

extension Store {
  /// 督办 — a supervisor's notice on any case that has (or had) a deadline; the organisation
  /// must reply within `replyDays` working days (第三十条).
  /// - Returns: the notice's id (`BYQ-DB-2026-0001`); its 文号 is in the notice.
  @discardableResult
  public func issueSupervision(
    on target: SupervisionTarget, method: SupervisionMethod, requirement: String, replyDays: Int,
    by staff: Staff
  ) throws -> String {
    try write(as: staff, .issueSupervision, subject: target.stream) { tx in
      guard
        try db.fetchOne(
          "SELECT 1 FROM journal WHERE stream = ? LIMIT 1", [target.stream], { _ in true }) != nil
      else { throw Refusal("案件 \(target.caseID) 不存在") }
      let n = try tx.nextNumber(series: "督")
      let year = tx.today.year
      let number = "\(node.code)督〔\(year)〕\(n)号"
      let id =
        "\(node.code)-DB-\(year)-" + String(repeating: "0", count: max(0, 4 - String(n).count))
        + String(n)
      try tx.append([
        try SupervisionReducer.issue(
          id, number: number, on: target, method: method, requirement: requirement,
          replyDays: replyDays
        ).get()
      ])
      return id
    }
  }

  /// 回复督办 — the organisation's answer, once.
  public func replySupervision(id: String, reply: String, by staff: Staff) throws {
    guard let before = try supervision(id: id) else { throw Refusal("督办通知 \(id) 不存在") }
    try write(
      as: staff, .replySupervision, organisation: before.notice.target.org,
      subject: SupervisionReducer.stream(id)
    ) { tx in
      try tx.append([try SupervisionReducer.reply(try supervision(id: id), id: id, reply).get()])
    }
  }

  public func supervision(id: String) throws -> Supervision? {
    let events = try Journal.events(stream: SupervisionReducer.stream(id), db: db)
    return SupervisionReducer.fold(events, foldContext).state
  }

  /// Notices on one case, oldest first.
  public func supervisions(caseID: String) throws -> [SupervisionRow] {
    try db.fetchAll(
      SupervisionRow.self,
      "SELECT \(Self.supervisionColumns) FROM supervision WHERE target_case = ? ORDER BY issued_on, id",
      [caseID])
  }

  /// Notices for the 督办 pane: unanswered first (earliest reply deadline first), then answered,
  /// newest first; `org` asks for one organisation's (nil: all), and `Visibility` decides what
  /// `staff` gets (anyone but a supervisor: their own organisation's).
  /// - Complexity: `supervision_org_queue` or `supervision_queue` in page order, paged.
  public func supervisionNotices(
    org: String? = nil, for staff: Staff, offset: Int = 0, limit: Int = 200
  ) throws -> [SupervisionRow] {
    let (sql, args) = Self.supervisionNoticesStatement(
      org: Visibility(staff).organisation(requested: org))
    return try db.fetchAll(SupervisionRow.self, sql, args + [limit, offset])
  }

  /// A page of `supervisionNotices` (LIMIT and OFFSET to be bound after `args`); its ORDER BY
  /// is `supervision_queue`'s (`supervision_org_queue`'s after the organisation).
  static func supervisionNoticesStatement(org: String?) -> (sql: String, args: [any SQLBindable]) {
    (
      "SELECT \(supervisionColumns) FROM supervision"
        + (org == nil ? "" : " WHERE org = ?")
        + " ORDER BY replied, CASE WHEN replied = 0 THEN reply_due END, issued_on DESC, id DESC LIMIT ? OFFSET ?",
      org.map { [$0] } ?? []
    )
  }

  static let supervisionColumns =
    "id, number, target_kind, target_case, org, title, method, requirement, issued_by, issued_on, reply_due, reply, replied_by, replied_on"

}

extension SupervisionRow: RowDecodable, Decodable {
  public static let table = "supervision"
  public static let keyColumn = "id"

  enum CodingKeys: String, CodingKey {
    case id, number
    case targetKind = "target_kind"
    case targetCase = "target_case"
    case org, title, method, requirement
    case issuedBy = "issued_by"
    case issuedOn = "issued_on"
    case replyDue = "reply_due"
    case reply
    case repliedBy = "replied_by"
    case repliedOn = "replied_on"
  }
}

extension Store {
  /// What a 督办 notice on `caseID` names: from its open main deadline when it has one (any kind
  /// of case), else from the complaint itself.
  public func supervisionTarget(caseID: String) throws -> SupervisionTarget? {
    let names = try organisationNames()
    if let d = try deadlines(caseID: caseID).first(where: { $0.purpose == "main" }) {
      return d.supervisionTarget(orgName: names[d.org] ?? d.org)
    }
    return try complaint(id: caseID).map { SupervisionTarget($0) }
  }
}

extension DeadlineRow {
  /// What a 督办 notice on this deadline's case names.
  public func supervisionTarget(orgName: String) -> SupervisionTarget {
    SupervisionTarget(
      stream: stream, kind: kind, caseID: caseID, org: org, orgName: orgName, title: title)
  }
}
