import Domain
import Store

/// The three lists (items, change applications, list adjustments) and the search field.
extension CatalogPane {
  mutating func handleList(_ key: Key, _ context: AppContext) -> Update<CatalogEffect> {
    guard let command = bindings.command(for: key, as: CatalogCommand.self) else {
      return .ignored
    }
    switch command {
    case .nextView:
      view = View.allCases[(view.rawValue + 1) % View.allCases.count]
      return .run(.reload(then: .nothing))
    case .move:
      switch view {
      case .items: _ = itemCursor.handle(key, count: items.count, page: 10)
      case .changes: _ = changeCursor.handle(key, count: changes.count, page: 10)
      case .adjustments: _ = adjustmentCursor.handle(key, count: adjustments.count, page: 10)
      }
    case .search:
      // A new search starts empty (the last one is one Up away), not appended to the old.
      mode = .search
      if !query.isEmpty {
        lastQuery = query.text
        query.set("")
        return refilter()
      }
    case .clear:
      guard !query.isEmpty else { return .ignored }
      query.set("")
      return refilter()
    case .open:
      return openSelected()
    case .new:
      return Update(view == .adjustments ? startAdjustment(context) : startOpen(context))
    case .change:
      guard items.indices.contains(itemCursor.selected) else { return .handled }
      return startChange(code: items[itemCursor.selected].code, context)
    case .toggle:
      if view == .changes { allChanges.toggle() } else { allAdjustments.toggle() }
      return .run(.reload(then: .nothing))
    default:
      return .ignored
    }
    return .handled
  }

  /// Every key typed re-filters at once: there is no Enter to press.
  mutating func handleSearch(_ key: Key) -> Update<CatalogEffect> {
    switch Self.searchKeys.command(for: key, as: CatalogCommand.self) {
    case .done?:
      mode = .list
    case .clear?:
      if !query.isEmpty { lastQuery = query.text }
      query.set("")
      mode = .list
      return refilter()
    case .recall?:
      guard !lastQuery.isEmpty else { break }
      query.set(lastQuery)
      return refilter()
    default:
      if query.handle(key) { return refilter() }
    }
    return .handled
  }

  /// The items read again for the words in the search field, from the top.
  mutating func refilter() -> Update<CatalogEffect> {
    itemCursor = ListCursor()
    return .run(.refilter(query.trimmed))
  }

  /// What a search read: the table, or why it could not be read instead of it.
  mutating func refiltered(_ result: Result<[CatalogSummary], any Error>) {
    switch result {
    case .success(let rows):
      items = rows
      loadProblem = nil
    case .failure(let error):
      loadProblem = "搜索失败: \(CLI.message(for: error))"
    }
    itemCursor = ListCursor()
  }

  mutating func openSelected() -> Update<CatalogEffect> {
    let next: Subject
    switch view {
    case .items:
      guard items.indices.contains(itemCursor.selected) else { return .handled }
      next = .item(code: items[itemCursor.selected].code, shown: nil, compare: nil)
    case .changes:
      guard changes.indices.contains(changeCursor.selected) else { return .handled }
      next = .change(changes[changeCursor.selected].id)
    case .adjustments:
      guard adjustments.indices.contains(adjustmentCursor.selected) else { return .handled }
      next = .adjustment(adjustments[adjustmentCursor.selected].id)
    }
    return .run(.detail(next, keepScroll: false))
  }

  /// `即办` or `10日` for the table.
  static func shortLimit(_ days: Int) -> String { days == 0 ? "即办" : "\(days)日" }

  static func statusStyle(_ s: ItemStatus) -> Style {
    switch s {
    case .active: return .normal
    case .suspended: return .warning
    case .terminated: return .dim
    }
  }

  static func stageStyle(_ s: ChangeStage) -> Style {
    switch s {
    case .awaitingFiling, .returned, .testFailed: return .warning
    case .submitted, .approved, .draft: return .bold
    case .effective, .withdrawn, .refused: return .dim
    }
  }
}
