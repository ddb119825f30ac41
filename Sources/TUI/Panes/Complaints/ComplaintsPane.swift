import Domain
import Store

/// 投诉建议 — the operator's complaint queues (sorted by time left, with countdown badges), one key
/// per view, filters and Chinese full-text search, and the case view with every step one key
/// away (第二十八至三十四条).
public struct ComplaintsPane: Pane, EffectPane {
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
  public internal(set) var counts: [ComplaintView: Int] = [:]
  /// The view's cases, a page at a time, with its filter and search.
  var queue = QueueView<ComplaintRow, ComplaintFilter>(
    filter: ComplaintFilter(), searchPlaceholder: "标题或内容中的文字")
  public internal(set) var mode: Mode = .list
  /// The step being taken: form → confirmation → perform → the form back on refusal.
  var flow = StepFlow<ComplaintPurpose, ComplaintWork>()
  var detail: CaseDetail?
  var organisations: [Organisation] = []
  var names: [String: String] = [:]
  var rules = RuleTable()
  /// Who and when, as of the last load: the key bar is computed from it between keys.
  var lastContext: AppContext?

  public init(service: any ComplaintService) {
    self.service = service
  }

  public mutating func handle(_ key: Key, _ context: AppContext) -> PaneResponse {
    runUpdate(key, context)
  }

  public mutating func activate(_ context: AppContext) { runStart(context) }

  public var rows: [ComplaintRow] { queue.rows }
  public var filter: ComplaintFilter { queue.filter }
  var cursor: ListCursor { queue.cursor }
  var problem: String? { queue.problem }
  var overlay: StepOverlay<ComplaintPurpose>? { flow.overlay }
  /// The search being typed (empty when none).
  var searchField: TextField { queue.searchField ?? TextField(label: "搜索", maxLength: 40) }
  var lastSearch: String { queue.lastSearch }

  // MARK: - Keymaps: one table drives keys, the key bar, help and the README

  static let viewKeys: [(ComplaintView, Character)] = [
    (.mine, "m"), (.organisation, "u"), (.dueSoon, "w"), (.overdue, "o"), (.callback, "h"),
    (.supervised, "d"), (.all, "a"),
  ]

  static let listKeys = KeymapSection(
    "投诉建议",
    [
      KeyBinding(
        [.function(2)], ListCommand.register, "登记", bar: true, needs: .registerComplaint),
      KeyBinding([.enter], ListCommand.open, "打开案件", bar: true),
      KeyBinding([.char("/")], ListCommand.search, "搜索", bar: true),
      KeyBinding([.char("f")], ListCommand.filter, "筛选", bar: true),
      KeyBinding([.char("x")], ListCommand.clear, "清除筛选和搜索"),
    ]
      + viewKeys.map { v, key in
        KeyBinding([.char(key)], ListCommand.view(v), "查看「\(v.title)」")
      }
      + [
        KeyBinding(
          [.up, .down, .char("j"), .char("k"), .pageUp, .pageDown, .home, .end], ListCommand.move,
          "移动")
      ])

  static let searchKeys = QueueView<ComplaintRow, ComplaintFilter>.searchKeys

  public static let keymap = [listKeys, searchKeys, caseKeys]

  public var bindings: KeymapSection {
    if let keys = flow.keymap { return keys }
    switch mode {
    case .list: return Self.listKeys
    case .search: return Self.searchKeys
    case .detail: return caseBindings
    }
  }

  public var capturesText: Bool {
    if flow.isOpen { return flow.capturesText }
    return mode == .search
  }

  public var hasUnsavedInput: Bool { flow.hasUnsavedInput }

  public var escapeLosesInput: Bool { flow.escapeLosesInput }

  /// Only staff who work complaints use this pane (`Visibility.worksComplaints`).
  static func canUse(_ staff: Staff) -> Bool { Visibility(staff).worksComplaints }

  /// A view's count in words: 12, or 500以上 when the count stopped (a common search word).
  func countText(_ v: ComplaintView) -> String {
    let n = counts[v] ?? 0
    return n > ComplaintFilter.searchCountCap ? "\(ComplaintFilter.searchCountCap)以上" : "\(n)"
  }

  func scope(_ context: AppContext) -> ComplaintQueueScope {
    ComplaintQueueScope(staff: context.staff, today: context.today, calendar: context.calendar)
  }

  var selectedRow: ComplaintRow? { queue.selected }
}

/// The list's commands.
enum ListCommand: PaneCommand {
  case register, open, search, filter, clear, move
  case view(ComplaintView)

  static let all: [ListCommand] =
    [.register, .open, .search, .filter, .clear, .move] + ComplaintView.allCases.map { .view($0) }

  init?(rawValue: String) {
    guard let command = Self.all.first(where: { $0.rawValue == rawValue }) else { return nil }
    self = command
  }

  var rawValue: String {
    switch self {
    case .register: return "register"
    case .open: return "open"
    case .search: return "search"
    case .filter: return "filter"
    case .clear: return "clear"
    case .move: return "move"
    case .view(let v): return "view.\(v.rawValue)"
    }
  }
}

/// What a form or picker of the pane is for; what a step needs beyond the form rides along.
enum ComplaintPurpose: Equatable, Sendable {
  case register, filter
  case dispatch, rejectReason, merge
  case reject(RejectionReason)
  case returnToDistrict, extend, decide, conclude, invalid, callback, reply
  case supervise(SupervisionTarget)
  /// 备注、指派、转办 (`CaseWorkFlow`).
  case work(CaseWorkPurpose)
}

/// A step decided in a form or picker, waiting for the clerk to confirm it.
enum ComplaintWork: Sendable {
  case complaint(ComplaintCommand, id: String)
  case supervise(SupervisionTarget, SupervisionMethod, requirement: String, days: Int)
  case reply(supervision: String, text: String)
  case caseWork(CaseWorkCommand, id: String)
}
