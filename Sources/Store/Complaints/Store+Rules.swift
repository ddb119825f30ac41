import Domain

/// One parameter of the rule table as stored, for `zwfw rules list` and the panes.
public struct RuleRow: Equatable, Sendable {
  public var key: String
  public var title: String
  public var value: Int
  /// The regulation's value (the shipped default).
  public var defaultValue: Int
  public var article: String?
  /// Whether the district has written it; otherwise the default is in force.
  public var stored: Bool
}

extension Store {
  static let ruleTableSQL = "SELECT key, value FROM rule"

  /// The rule table in force on this node.
  public func ruleTable() throws -> RuleTable {
    var t = RuleTable()
    let stored: [String: Int] = try db.hot.dictionary(
      "key", "value", of: "rule", Self.ruleTableSQL)
    for (key, value) in stored { t.set(key, value) }
    return t
  }

  /// Every known parameter with its value in force.
  public func ruleRows() throws -> [RuleRow] {
    let stored: [String: Int] = try db.hot.dictionary(
      "key", "value", of: "rule", Self.ruleTableSQL)
    return RuleTable.definitions.map { d in
      RuleRow(
        key: d.key, title: d.title, value: stored[d.key] ?? d.defaultValue,
        defaultValue: d.defaultValue, article: d.article, stored: stored[d.key] != nil)
    }
  }

  /// 修改规则参数 — a district admin changes one number; cases already registered keep theirs.
  public func setRule(key: String, value text: String, note: String, by admin: Staff) throws -> Int
  {
    try write(as: admin, .setRule, subject: RuleReducer.stream(key)) { tx in
      try requireDistrict(for: "规则参数")
      let value = try RuleTable.check(key: key, value: text).get()
      if let p = FieldText.check(note, field: "说明", required: false, maxLength: 100) {
        throw Refusal(p.message)
      }
      try tx.append([
        RuleReducer.set(key, to: value, note: note.isEmpty ? "\(admin.name)修改" : note)
      ])
      return value
    }
  }

  /// Writes the shipped defaults (`share/zwfw/rules.tsv`) for every key not yet stored: run when
  /// a district node or the demo is created. Returns how many were written.
  @discardableResult
  public func loadDefaultRules(rows: [[String]], actor: String) throws -> Int {
    let defaults = try RuleReducer.parseDefaults(rows).get()
    return try write(actor: actor) { tx in
      try requireDistrict(for: "规则参数")
      let stored = Set(
        try db.hot.values(
          "key", of: "rule", as: String.self, "SELECT key FROM rule"))
      let drafts = defaults.filter { !stored.contains($0.0) }.map { key, value in
        RuleReducer.set(key, to: value, note: "办法规定的默认值(rules.tsv)")
      }
      try tx.append(drafts)
      return drafts.count
    }
  }
}
