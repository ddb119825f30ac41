import Domain

/// 常用语 — the templates admins keep and clerks insert (F6 in a multi-line field). Each change
/// is a `phrase.*` event of the template's own stream; who may make it is `PhraseAuthority`'s
/// rule, asked here, on import and by `audit verify` alike.
extension Store {
  /// The rule for changes written at `author` (this node, or a township whose events arrive).
  func phraseAuthority(author: String) throws -> PhraseAuthority {
    let orgs = Dictionary(
      try organisations().map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
    let district = node.district
    return PhraseAuthority(
      district: district, author: author,
      // An organisation this node does not know is served by no node: nobody may write for it.
      servingNode: { code in orgs[code].map { $0.node ?? district } ?? "" },
      organisationName: { orgs[$0]?.name ?? $0 })
  }

  /// 添加常用语 — at the end of its kind and scope (`org` nil: 全区通用).
  @discardableResult
  public func addPhrase(kind: PhraseKind, org: String?, text: String, by admin: Staff) throws
    -> PhraseTemplate
  {
    try write(as: admin, .managePhrases, subject: "phrase") { tx in
      let text = try PhraseTemplate.checkText(text).get()
      if let org {
        guard let o = try organisation(org) else {
          throw Refusal("单位「\(FieldText.sanitizeForDisplay(org))」不存在,可用 zwfw org list 查看单位代码")
        }
        if o.disabled { throw Refusal("单位「\(o.name)」已停用,不能再添加常用语") }
      }
      if let r = try phraseAuthority(author: node.code).refusal(admin, scope: org) { throw r }
      let group = try phrases(org: .some(org), includingRetired: true).filter { $0.kind == kind }
      if let same = group.first(where: { !$0.retired && $0.text == text }) {
        throw Refusal("已有相同的「\(kind.title)」常用语 \(same.id)")
      }
      let position = (group.map(\.position).max() ?? 0) + 1
      let id = "\(node.code)-\(try bumpCounter(prefix: "\(node.code):phrase", year: 0))"
      try tx.append([
        PhraseReducer.added(id: id, kind: kind, org: org, text: text, position: position)
      ])
      return PhraseTemplate(id: id, kind: kind, org: org, text: text, position: position)
    }
  }

  /// 修改常用语 — its text, or its kind (it then goes to the end of the new kind's list).
  public func editPhrase(_ id: String, kind: PhraseKind?, text: String?, by admin: Staff) throws {
    try write(as: admin, .managePhrases, subject: PhraseReducer.stream(id)) { tx in
      let p = try phraseInUse(id, by: admin)
      let newText = try text.map { try PhraseTemplate.checkText($0).get() } ?? p.text
      let newKind = kind ?? p.kind
      guard newText != p.text || newKind != p.kind else {
        throw Refusal("常用语 \(id) 没有改动")
      }
      var drafts = [PhraseReducer.edited(id, kind: newKind, text: newText)]
      if newKind != p.kind {
        let group = try phrases(org: .some(p.org), includingRetired: true).filter {
          $0.kind == newKind
        }
        drafts.append(PhraseReducer.moved(id, to: (group.map(\.position).max() ?? 0) + 1))
      }
      try tx.append(drafts)
    }
  }

  /// 停用常用语 — no longer offered; the record stays.
  public func retirePhrase(_ id: String, by admin: Staff) throws {
    try write(as: admin, .managePhrases, subject: PhraseReducer.stream(id)) { tx in
      _ = try phraseInUse(id, by: admin)
      try tx.append([PhraseReducer.retired(id)])
    }
  }

  /// 调整顺序 — one place earlier (`up`) or later among the in-use templates of its kind and
  /// scope. The list is numbered again from 1, so only the templates whose place changed get an
  /// event (two, usually).
  public func movePhrase(_ id: String, up: Bool, by admin: Staff) throws {
    try write(as: admin, .managePhrases, subject: PhraseReducer.stream(id)) { tx in
      let p = try phraseInUse(id, by: admin)
      var group = try phrases(org: .some(p.org)).filter { $0.kind == p.kind }
      guard let i = group.firstIndex(where: { $0.id == id }) else {
        throw Refusal("常用语 \(id) 不存在")
      }
      let j = up ? i - 1 : i + 1
      guard group.indices.contains(j) else {
        throw Refusal(up ? "常用语 \(id) 已在最前" : "常用语 \(id) 已在最后")
      }
      group.swapAt(i, j)
      try tx.append(
        group.enumerated().filter { $0.element.position != $0.offset + 1 }.map {
          PhraseReducer.moved($0.element.id, to: $0.offset + 1)
        })
    }
  }

  /// The template, in use, that `admin` may change here.
  private func phraseInUse(_ id: String, by admin: Staff) throws -> PhraseTemplate {
    guard let p = try phrase(id) else {
      throw Refusal("常用语 \(FieldText.sanitizeForDisplay(id)) 不存在,可用 zwfw templates list 查看编号")
    }
    if p.retired { throw Refusal("常用语 \(id) 已停用") }
    if let r = try phraseAuthority(author: node.code).refusal(admin, scope: p.org) { throw r }
    return p
  }

  public func phrase(_ id: String) throws -> PhraseTemplate? {
    try db.hot.fetchOne(
      PhraseTemplate.self,
      "SELECT id, kind, org, text, position, retired FROM phrase WHERE id = ?", [id])
  }

  /// Templates by scope (全区通用 first, then each organisation in the district's order), kind
  /// and place: what `zwfw templates list` and the 系统管理 view show.
  /// - Parameter org: one scope only (`.some(nil)`: 全区通用), or every scope (nil).
  /// - Complexity: every template of the scope (tens, a few hundred at most), by `phrase_by_scope`.
  public func phrases(
    kind: PhraseKind? = nil, org: String?? = nil, includingRetired: Bool = false
  ) throws -> [PhraseTemplate] {
    let columns = "SELECT id, kind, org, text, position, retired FROM phrase"
    let rows: [PhraseTemplate]
    switch org {
    case .some(let scope):
      rows = try db.hot.fetchAll(
        PhraseTemplate.self, "\(columns) WHERE org IS ? ORDER BY org, kind, position, id", [scope])
    case .none:
      rows = try db.hot.fetchAll(
        PhraseTemplate.self, "\(columns) ORDER BY org, kind, position, id")
    }
    let order = Dictionary(
      try organisations().enumerated().map { ($0.element.code, $0.offset) },
      uniquingKeysWith: { a, _ in a })
    return rows.filter { (includingRetired || !$0.retired) && (kind == nil || $0.kind == kind) }
      .sorted {
        let a = $0.org.map { (order[$0] ?? .max) + 1 } ?? 0
        let b = $1.org.map { (order[$0] ?? .max) + 1 } ?? 0
        if a != b { return a < b }
        if $0.org != $1.org { return ($0.org ?? "") < ($1.org ?? "") }
        if $0.kind != $1.kind { return $0.kind < $1.kind }
        if $0.position != $1.position { return $0.position < $1.position }
        return $0.id < $1.id
      }
  }

  /// What the picker offers `staff` for a field of `kind`: their organisation's templates first,
  /// then the district's, each in the admins' order.
  /// - Complexity: two ranges of `phrase_in_use`, at most `limit` rows each.
  public func phrasesOffered(_ kind: PhraseKind, to staff: Staff, limit: Int = 200) throws
    -> [PhraseTemplate]
  {
    let sql = """
      SELECT id, kind, org, text, position, retired FROM phrase
      WHERE kind = ? AND org IS ? AND retired = 0 ORDER BY position, id LIMIT ?
      """
    return try db.hot.fetchAll(PhraseTemplate.self, sql, [kind.rawValue, staff.org, limit])
      + db.hot.fetchAll(PhraseTemplate.self, sql, [kind.rawValue, String?.none, limit])
  }
}
