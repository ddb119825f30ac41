import Domain

/// `catalog/CODE` → `catalog_item` (the version in effect), `catalog_version` (all of them) and
/// the trigram index `catalog_search`.
struct CatalogItemProjector: FoldingProjector {
  typealias Reducer = CatalogItemReducer
  var tables: [String] { ["catalog_search", "catalog_item", "catalog_version"] }

  func write(_ state: CatalogItemHistory?, stream: String, in c: ProjectionContext) throws {
    let code = String(splitStream(stream).id)
    if let old = try c.db.hot.fetchOne(
      "SELECT rowid FROM catalog_item WHERE code = ?", [code],
      {
        $0.int64(0)
      })
    {
      try c.db.hot.run("DELETE FROM catalog_search WHERE rowid = ?", [old])
      try c.db.hot.run("DELETE FROM catalog_item WHERE code = ?", [code])
    }
    try c.db.hot.run("DELETE FROM catalog_version WHERE code = ?", [code])
    guard let state, let item = state.current else {
      try StreamScope.replace(stream: stream, organisations: [], in: c)
      return
    }
    for (v, kind) in zip(state.versions, state.kinds) {
      try c.db.hot.run(
        """
        INSERT INTO catalog_version (code, version, kind, change_id, effective_on, body)
        VALUES (?, ?, ?, ?, ?, ?)
        """,
        [
          code, v.version, kind.rawValue, v.changeID ?? "", v.effectiveOn?.iso ?? "",
          CanonicalJSON.encode(v),
        ])
    }
    try c.db.hot.run(
      """
      INSERT INTO catalog_item (code, name, type, org, status, version, legal_days, promised_days,
        fully_online, effective_on, search_text, body)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      """,
      [
        code, item.name, item.type.rawValue, item.organisation, item.status.rawValue, item.version,
        item.legalDays, item.promisedDays, item.isFullyOnline, item.effectiveOn?.iso ?? "",
        CatalogSearchText.make(item), CanonicalJSON.encode(item),
      ])
    try c.db.hot.run(
      "INSERT INTO catalog_search (rowid, code, name) VALUES (?, ?, ?)",
      [c.db.lastInsertRowID, code, CatalogSearchText.names(item)])
    try StreamScope.replace(
      stream: stream, organisations: Set(state.versions.map(\.organisation)), in: c)
  }
}

/// `catalogchange/ID` → `catalog_change`.
struct CatalogChangeProjector: RowProjector {
  typealias Reducer = CatalogChangeMachine
  static let row = ProjectedRow(table: "catalog_change", key: "id")

  func columns(_ s: CatalogChange) -> [ProjectedColumn] {
    [
      ("item_code", s.itemCode), ("item_name", s.proposed.name), ("org", s.proposed.organisation),
      ("kind", s.kind.rawValue), ("stage", s.stage.rawValue), ("open", s.stage.isOpen),
      ("urgent", s.urgent), ("imported", s.importedFrom != nil), ("drafter", s.drafter),
      ("base_version", s.baseVersion), ("result_version", s.resultVersion),
      ("drafted_on", s.draftedOn.iso), ("updated_on", s.updatedOn.iso),
      ("body", CanonicalJSON.encode(s)),
    ]
  }

  func scope(_ s: CatalogChange) -> Set<String>? { [s.proposed.organisation] }
}

/// `listadj/ID` → `list_adjustment`, `list_adjustment_item` and, while open, its deadline.
struct ListAdjustmentProjector: FoldingProjector {
  typealias Reducer = ListAdjustmentReducer
  var tables: [String] { ["list_adjustment_item", "list_adjustment"] }

  func write(_ state: ListAdjustment?, stream: String, in c: ProjectionContext) throws {
    let id = String(splitStream(stream).id)
    try c.db.hot.run("DELETE FROM list_adjustment_item WHERE id = ?", [id])
    try c.db.hot.run("DELETE FROM list_adjustment WHERE id = ?", [id])
    guard let a = state else {
      try DeadlineIndex.replace(stream: stream, with: [], in: c)
      try StreamScope.replace(stream: stream, organisations: [], in: c)
      return
    }
    let r = a.record
    let due = ListAdjustmentRules.due(r, calendar: c.calendar)
    try c.db.hot.run(
      """
      INSERT INTO list_adjustment (id, list, adjusted_on, due_date, document, org, state,
        items_total, items_settled, body)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      """,
      [
        id, r.list.rawValue, r.adjustedOn.iso, due.iso, r.document, r.organisation,
        a.state.rawValue, r.items.count, a.settled.count, CanonicalJSON.encode(a),
      ])
    for code in r.items {
      try c.db.hot.run(
        "INSERT INTO list_adjustment_item (id, code, settled_by) VALUES (?, ?, ?)",
        [id, code, a.settled[code]])
    }
    try DeadlineIndex.replace(
      stream: stream, with: ListAdjustmentRules.openDeadlines(a, id: id, c.calendar), in: c)
    try StreamScope.replace(stream: stream, organisations: [r.organisation], in: c)
  }
}
