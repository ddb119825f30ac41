import Domain

/// 督办 notices: the `supervision` row, the reply deadline while unanswered, the scope.
struct SupervisionProjector: RowProjector {
  typealias Reducer = SupervisionReducer
  static let row = ProjectedRow(table: "supervision", key: "id")

  func columns(_ s: Supervision) -> [ProjectedColumn] {
    let t = s.notice.target
    return [
      ("number", s.notice.number), ("target_stream", t.stream), ("target_kind", t.kind),
      ("target_case", t.caseID), ("org", t.org), ("title", t.title),
      ("method", s.notice.method.rawValue), ("requirement", s.notice.requirement),
      ("issued_by", s.issuedBy), ("issued_on", s.issuedOn.iso), ("reply_due", s.replyDue.iso),
      ("replied", s.isAnswered), ("reply", s.reply?.text), ("replied_by", s.reply?.by),
      ("replied_on", s.reply?.on.iso),
    ]
  }

  func deadlines(_ s: Supervision, _ calendar: WorkCalendar) -> [OpenDeadline]? {
    SupervisionReducer.openDeadlines(s)
  }

  func scope(_ s: Supervision) -> Set<String>? { [s.notice.target.org] }
}

/// 抽查: the draw and one row per drawn case.
struct SpotCheckProjector: FoldingProjector {
  typealias Reducer = SpotCheckReducer
  var tables: [String] { ["spotcheck_item", "spotcheck"] }

  func write(_ state: SpotCheck?, stream: String, in c: ProjectionContext) throws {
    let id = String(splitStream(stream).id)
    try c.db.hot.run("DELETE FROM spotcheck_item WHERE spotcheck = ?", [id])
    try c.db.hot.run("DELETE FROM spotcheck WHERE id = ?", [id])
    guard let s = state else { return }
    try c.db.hot.run(
      """
      INSERT INTO spotcheck (id, period_from, period_to, size, seed, population, drawn_by,
        drawn_on, checked) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
      """,
      [
        s.id, s.draw.from.iso, s.draw.to.iso, s.draw.size, s.draw.seed, s.draw.population,
        s.drawnBy, s.drawnOn.iso, s.checked,
      ])
    for (i, item) in s.items.enumerated() {
      try c.db.hot.run(
        """
        INSERT INTO spotcheck_item (spotcheck, position, case_id, verdict, note, checked_by,
          checked_on) VALUES (?, ?, ?, ?, ?, ?, ?)
        """,
        [id, i + 1, item.caseID, item.verdict?.rawValue, item.note, item.by, item.on?.iso])
    }
  }
}

/// 规则参数: the value in force per key.
struct RuleProjector: RowProjector {
  typealias Reducer = RuleReducer
  static let row = ProjectedRow(table: "rule", key: "key")

  func columns(_ v: RuleValue) -> [ProjectedColumn] { [("value", v.value), ("note", v.note)] }
}
