import Domain

/// 督办 notices: the `supervision` row, the reply deadline while unanswered, the scope.
struct SupervisionProjector: FoldingProjector {
  typealias Reducer = SupervisionReducer
  var tables: [String] { ["supervision"] }

  func write(_ state: Supervision?, stream: String, in c: ProjectionContext) throws {
    let id = String(splitStream(stream).id)
    try c.db.hot.run("DELETE FROM supervision WHERE id = ?", [id])
    guard let s = state else {
      try DeadlineIndex.replace(stream: stream, with: [], in: c)
      try StreamScope.replace(stream: stream, organisations: [], in: c)
      return
    }
    let t = s.notice.target
    try c.db.hot.run(
      """
      INSERT INTO supervision (id, number, target_stream, target_kind, target_case, org, title,
        method, requirement, issued_by, issued_on, reply_due, replied, reply, replied_by, replied_on)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      """,
      [
        s.id, s.notice.number, t.stream, t.kind, t.caseID, t.org, t.title, s.notice.method.rawValue,
        s.notice.requirement, s.issuedBy, s.issuedOn.iso, s.replyDue.iso, s.isAnswered,
        s.reply?.text, s.reply?.by, s.reply?.on.iso,
      ])
    try DeadlineIndex.replace(
      stream: stream, with: SupervisionReducer.openDeadlines(s), in: c)
    try StreamScope.replace(stream: stream, organisations: [t.org], in: c)
  }
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
struct RuleProjector: FoldingProjector {
  typealias Reducer = RuleReducer
  var tables: [String] { ["rule"] }

  static let row = ProjectedRow(table: "rule", key: "key")

  func write(_ state: RuleValue?, stream: String, in c: ProjectionContext) throws {
    let key = SQLValue.text(String(splitStream(stream).id))
    guard let v = state else { return try Self.row.delete(key: key, db: c.db) }
    try Self.row.write(key: key, [("value", v.value), ("note", v.note)], db: c.db)
  }
}
