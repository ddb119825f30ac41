import Domain

/// Rows to read: from `offset`, at most `limit`.
public struct PageRequest: Equatable, Sendable {
  public let offset: Int
  public let limit: Int
}

/// 队列 — a pane's list of cases as every pane keeps it: read a page at a time (the first page on
/// reload, the next when the selection reaches the last row read), filtered by the pane's own
/// `Filter`, searched by words typed after `/`, and the reason when it could not be read.
///
/// It never reads: it names the page it needs (`PageRequest`) and takes the rows the pane's effect
/// read (`received`), so the update stays pure.
public struct QueueView<Row: Sendable, Filter: Equatable & Sendable>: Sendable {
  public private(set) var rows: [Row] = []
  public var cursor = ListCursor()
  public var filter: Filter
  /// Why the list could not be read (shown instead of the table).
  public private(set) var problem: String?
  /// Rows a page reads: a few screens' worth.
  public var pageSize = Paging.standardSize
  /// The last read was short: the list has no more rows.
  public private(set) var exhausted = true
  /// How far a movement key moves on PageUp/PageDown.
  public var page = 10

  /// The words being typed after `/` (nil when not searching) and the last words searched.
  public private(set) var searchField: TextField?
  public private(set) var lastSearch = ""
  var searchLabel: String = "搜索"
  var searchPlaceholder: String = ""
  static var searchLimit: Int { 40 }

  public var selected: Row? { rows.indices.contains(cursor.selected) ? rows[cursor.selected] : nil }

  // MARK: - Reading

  /// The page that reloads the list from its top: one page, or as many rows as are loaded now
  /// when `keeping` (a step taken far down the list keeps the selection where it was).
  public func firstPage(keeping: Bool = false) -> PageRequest {
    PageRequest(offset: 0, limit: max(pageSize, keeping ? rows.count : 0))
  }

  /// The next page, when the selection is on the last row read and there may be more.
  public var nextPage: PageRequest? {
    guard !exhausted, !rows.isEmpty, cursor.selected >= rows.count - 1 else { return nil }
    return PageRequest(offset: rows.count, limit: pageSize)
  }

  /// The rows a request read, or why it failed: a failed first page shows the reason instead of
  /// the table; a failed later page keeps the rows and answers the reason for the status line
  /// (never a silently shorter list).
  @discardableResult
  public mutating func received(_ request: PageRequest, _ result: Result<[Row], any Error>)
    -> String?
  {
    var failure: String?
    switch result {
    case .success(let rowsRead):
      rows = request.offset == 0 ? rowsRead : Array(rows.prefix(request.offset)) + rowsRead
      exhausted = rowsRead.count < request.limit
      if request.offset == 0 { problem = nil }
    case .failure(let error):
      failure = CLI.message(for: error)
      exhausted = true
      if request.offset == 0 {
        rows = []
        problem = failure
      }
    }
    cursor.clamp(count: rows.count, page: page)
    return failure
  }

  /// The list could not be read at all (its counts, say): the reason shows instead of the table.
  public mutating func failed(_ message: String) {
    rows = []
    problem = message
    exhausted = true
    cursor.clamp(count: 0, page: page)
  }

  /// Keeps the selection on the row with the same identity after a reload, when it is there.
  public mutating func reselect<ID: Equatable>(_ id: ID?, by key: (Row) -> ID) {
    guard let id, let i = rows.firstIndex(where: { key($0) == id }) else { return }
    cursor.select(i, count: rows.count, page: page)
  }

  /// A movement key: the cursor moves, and the next page is named when it reaches the end.
  public mutating func move(_ key: Key) -> PageRequest? {
    _ = cursor.handle(key, count: rows.count, page: page)
    return nextPage
  }

  /// A movement key as every queue pane's update answers it: handled, or the pane's effect that
  /// reads the next page (`read`) when the cursor reached the last row read.
  mutating func moved<Effect>(_ key: Key, read: (PageRequest) -> Effect) -> Update<Effect> {
    move(key).map { .run(read($0)) } ?? .handled
  }

  /// Back to the top (a new view or filter).
  public mutating func restart() { cursor = ListCursor() }

  // MARK: - Search

  public var isSearching: Bool { searchField != nil }

  /// The words searched now, in the `Filter`'s own place for them (the pane keeps them there).
  public mutating func startSearch() {
    searchField = TextField(
      label: searchLabel, maxLength: Self.searchLimit, placeholder: searchPlaceholder)
  }

  public enum SearchOutcome: Equatable, Sendable {
    case typing
    /// Enter: the words (nil when the field was emptied), already checked.
    case applied(String?)
    case invalid(String)
    case cancelled
  }

  public static var searchKeys: KeymapSection {
    KeymapSection(
      "搜索",
      [
        KeyBinding([.enter], SearchCommand.apply, "搜索", bar: true),
        KeyBinding([.escape], SearchCommand.cancel, "取消搜索", bar: true),
        KeyBinding([.up], SearchCommand.recall, "取回上次搜索的文字"),
      ])
  }

  public mutating func handleSearch(_ key: Key) -> SearchOutcome {
    guard var field = searchField else { return .cancelled }
    switch Self.searchKeys.command(for: key, as: SearchCommand.self) {
    case .apply:
      let text = field.trimmed
      if let p = FieldText.check(
        text, field: searchLabel, required: false, maxLength: Self.searchLimit)
      {
        return .invalid(p.message)
      }
      searchField = nil
      if !text.isEmpty { lastSearch = text }
      restart()
      return .applied(text.isEmpty ? nil : text)
    case .cancel:
      searchField = nil
      return .cancelled
    case .recall:
      field.set(lastSearch)
    case nil:
      _ = field.handle(key)
    }
    searchField = field
    return .typing
  }
}

/// The keys of a queue's search field.
public enum SearchCommand: String, PaneCommand { case apply, cancel, recall }
