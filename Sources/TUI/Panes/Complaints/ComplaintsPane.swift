import Domain
import Store

/// 投诉建议 — the operator's complaint queues (sorted by time left, with countdown badges), one key
/// per view, filters and Chinese full-text search, and the case view with every step one key
/// away (第二十八至三十四条).
public struct ComplaintsPane: Pane {
  public enum Mode: Equatable, Sendable {
    case list
    /// Typing a search (`/`).
    case search
    /// One case: details, rounds, 督办 and the timeline.
    case detail
  }

  let service: any ComplaintService
  public let title = "投诉建议"
  public internal(set) var view: ComplaintView = .mine
  public internal(set) var filter = ComplaintFilter()
  public internal(set) var counts: [ComplaintView: Int] = [:]
  public internal(set) var rows: [ComplaintRow] = []
  public internal(set) var mode: Mode = .list
  var cursor = ListCursor()
  var searchField = TextField(label: "搜索", maxLength: 40, placeholder: "标题或内容中的文字")
  /// The last words searched: `/` opens an empty query, Up brings these back.
  var lastSearch = ""
  var overlay: Overlay?
  /// The step waiting for its confirmation, and the form to give back if it is refused.
  var pending: PendingStep?
  /// The case a 督办 form is about.
  var pendingTarget: SupervisionTarget?
  /// The 不予受理 reason picked before its note is written.
  var pendingReason: RejectionReason?
  var detail: CaseDetail?
  var organisations: [Organisation] = []
  var names: [String: String] = [:]
  var rules = RuleTable()
  /// Why the queue could not be read (shown instead of the table).
  var problem: String?
  var paging = Paging()
  /// Who and when, as of the last load: the key bar is computed from it between keys.
  var lastContext: AppContext?

  public init(service: any ComplaintService) {
    self.service = service
  }

  // MARK: - Keymaps: one table drives keys, the key bar, help and the README

  static let viewKeys: [(ComplaintView, Character)] = [
    (.mine, "m"), (.organisation, "u"), (.dueSoon, "w"), (.overdue, "o"), (.callback, "h"),
    (.supervised, "d"), (.all, "a"),
  ]

  static let listKeys = KeymapSection(
    "投诉建议",
    [
      KeyBinding([.function(2)], "register", "登记", bar: true, needs: .registerComplaint),
      KeyBinding([.enter], "open", "打开案件", bar: true),
      KeyBinding([.char("/")], "search", "搜索", bar: true),
      KeyBinding([.char("f")], "filter", "筛选", bar: true),
      KeyBinding([.char("x")], "clear", "清除筛选和搜索"),
    ]
      + viewKeys.map { v, key in
        KeyBinding([.char(key)], "view.\(v.rawValue)", "查看「\(v.title)」")
      }
      + [
        KeyBinding(
          [.up, .down, .char("j"), .char("k"), .pageUp, .pageDown, .home, .end], "move", "移动")
      ])

  static let searchKeys = KeymapSection(
    "搜索",
    [
      KeyBinding([.enter], "apply", "搜索", bar: true),
      KeyBinding([.escape], "cancel", "取消搜索", bar: true),
      KeyBinding([.up], "recall", "取回上次搜索的文字"),
    ])

  public static let keymap = [listKeys, searchKeys, caseKeys]

  public var bindings: KeymapSection {
    if let overlay { return overlay.keymap }
    switch mode {
    case .list: return Self.listKeys
    case .search: return Self.searchKeys
    case .detail: return caseBindings
    }
  }

  public var capturesText: Bool {
    if let overlay { return overlay.capturesText }
    return mode == .search
  }

  public var hasUnsavedInput: Bool {
    if case .form = overlay { return true }
    return false
  }

  public var escapeLosesInput: Bool { overlay?.escapeLosesInput ?? false }

  /// Only staff who take, handle or supervise complaints work this pane.
  static func canUse(_ staff: Staff) -> Bool {
    staff.has(.counter) || staff.has(.handler) || staff.has(.supervisor)
  }

  // MARK: - Loading

  public mutating func activate(_ context: AppContext) {
    reload(context)
  }

  /// A view's count in words: 12, or 500以上 when the count stopped (a common search word).
  func countText(_ v: ComplaintView) -> String {
    let n = counts[v] ?? 0
    return n > ComplaintFilter.searchCountCap ? "\(ComplaintFilter.searchCountCap)以上" : "\(n)"
  }

  func scope(_ context: AppContext) -> ComplaintQueueScope {
    ComplaintQueueScope(staff: context.staff, today: context.today, calendar: context.calendar)
  }

  mutating func reload(_ context: AppContext) {
    lastContext = context
    guard Self.canUse(context.staff) else { return }
    do {
      rules = try service.ruleTable()
      organisations = try service.organisations()
      names = try service.staffNames()
      counts = try service.complaintCounts(filter: filter, scope: scope(context))
      rows = try paging.first(pageReader(context))
      problem = nil
    } catch {
      problem = CLI.message(for: error)
      rows = []
    }
    cursor.clamp(count: rows.count, page: 10)
    if let id = detail?.complaint.id { openCase(id, context, keepScroll: true) }
  }

  /// Reads the next page when the selection reaches the last row read.
  mutating func loadMoreIfNeeded(_ context: AppContext) {
    rows +=
      (try? paging.more(after: rows.count, selected: cursor.selected, pageReader(context))) ?? []
  }

  /// Reads a page of the view as it is chosen now (view, filter, scope).
  func pageReader(_ context: AppContext) -> (Int, Int) throws -> [ComplaintRow] {
    let (service, view, filter, scope) = (service, view, filter, scope(context))
    return {
      try service.complaintQueue(view, filter: filter, scope: scope, offset: $0, limit: $1)
    }
  }

  var selectedRow: ComplaintRow? {
    rows.indices.contains(cursor.selected) ? rows[cursor.selected] : nil
  }

  // MARK: - Update

  public mutating func handle(_ key: Key, _ context: AppContext) -> PaneResponse {
    guard Self.canUse(context.staff) else { return .ignored }
    if overlay != nil { return handleOverlay(key, context) }
    switch mode {
    case .list: return handleList(key, context)
    case .search: return handleSearch(key, context)
    case .detail: return handleCase(key, context)
    }
  }

  mutating func handleList(_ key: Key, _ context: AppContext) -> PaneResponse {
    guard let command = Self.listKeys.command(for: key) else { return .ignored }
    switch command {
    case "move":
      _ = cursor.handle(key, count: rows.count, page: 10)
      loadMoreIfNeeded(context)
    case "open":
      guard let row = selectedRow else { return .toast(.info("当前视图没有案件")) }
      openCase(row.caseID, context)
      if detail != nil { mode = .detail }
    case "register": return startRegistration(context)
    case "search":
      searchField.set("")
      mode = .search
    case "filter": overlay = .form(filterForm(), purpose: "filter")
    case "clear":
      filter = ComplaintFilter()
      reload(context)
      return .toast(.info("已清除筛选和搜索"))
    default:
      guard command.hasPrefix("view."),
        let v = ComplaintView(rawValue: String(command.dropFirst(5)))
      else { return .ignored }
      if v == .all && !context.staff.has(.supervisor) {
        return .toast(.error("「全部」视图仅供督办人员使用;经办人员请用「本单位」"))
      }
      view = v
      cursor = ListCursor()
      reload(context)
    }
    return .handled
  }

  mutating func handleSearch(_ key: Key, _ context: AppContext) -> PaneResponse {
    switch Self.searchKeys.command(for: key) {
    case "apply":
      let text = searchField.trimmed
      if let p = FieldText.check(text, field: "搜索", required: false, maxLength: 40) {
        return .toast(.error(p.message))
      }
      filter.search = text.isEmpty ? nil : text
      if !text.isEmpty { lastSearch = text }
      mode = .list
      cursor = ListCursor()
      reload(context)
      return .toast(.info(text.isEmpty ? "已取消搜索" : "搜索「\(text)」: 共\(countText(view))件"))
    case "cancel":
      mode = .list
      return .handled
    case "recall":
      searchField.set(lastSearch)
      return .handled
    default:
      _ = searchField.handle(key)
      return .handled
    }
  }
}

/// A step decided in a form or picker, waiting for the clerk to confirm it.
struct PendingStep {
  enum Work {
    case complaint(ComplaintCommand, id: String)
    case supervise(SupervisionTarget, SupervisionMethod, requirement: String, days: Int)
    case reply(supervision: String, text: String)
  }

  var work: Work
  /// Put back, with the refusal as its message, when the store says no.
  var form: Overlay?
  /// What the toast says on success.
  var done: String
}
