import Domain
import Store

/// 督办 — every open deadline of the district at a glance, whatever the kind of case: one line
/// per organisation (已超期 / 今日到期 / 两日内到期 / 最长超期, sortable), Enter for its cases
/// oldest first, a 督办 notice from any line; the notices and their replies; 抽查 (第三十条).
public struct SupervisionPane: Pane {
  public enum Mode: Equatable, Sendable {
    case board
    /// One organisation's deadlines.
    case drill(org: String)
    case notices
    case notice(id: String)
    case spotChecks
    case spotItems(id: String)
    /// 按时办结 by organisation for one month.
    case timeliness
  }

  /// 排序 of the board, cycled with `s`.
  public enum Sort: Int, CaseIterable, Sendable {
    case overdue, dueToday, dueSoon, longest, directory

    var title: String {
      ["已超期", "今日到期", "两日内到期", "最长超期", "单位顺序"][rawValue]
    }
  }

  let service: any SupervisionService
  public let title = "督办"
  public internal(set) var mode: Mode = .board
  public internal(set) var sort: Sort = .overdue
  var board: [OrganisationDeadlines] = []
  /// The board in the directory's order, as the service reads it; `board` is it sorted.
  var boardAsRead: [OrganisationDeadlines] = []
  var boardCursor = ListCursor()
  var drillRows: [DeadlineRow] = []
  var drillCursor = ListCursor()
  var drillPaging = Paging()
  var notices: [SupervisionRow] = []
  var noticeCursor = ListCursor()
  var noticeView = DetailView()
  var checks: [SpotCheckRow] = []
  var checkCursor = ListCursor()
  var items: [SpotCheckItemRow] = []
  var itemCursor = ListCursor()
  var timelinessMonth = CivilDate(dayNumber: 0)
  var timelinessRows: [OrganisationTimeliness] = []
  var timelinessCursor = ListCursor()
  var overlay: Overlay?
  var pending: (work: Work, form: Overlay?, done: String)?
  var pendingTarget: SupervisionTarget?
  var rules = RuleTable()
  var names: [String: String] = [:]
  var orgNames: [String: String] = [:]
  var problem: String?
  var lastContext: AppContext?

  enum Work {
    case supervise(SupervisionTarget, SupervisionMethod, String, Int)
    case reply(String, String)
    case draw(CivilDate, CivilDate, Int, UInt64)
    case verdict(String, String, SpotCheckVerdict, String)
  }

  static let pageSize = 200

  public init(service: any SupervisionService) { self.service = service }

  static let move = KeyBinding(
    [.up, .down, .char("j"), .char("k"), .pageUp, .pageDown, .home, .end], "move", "移动")
  static let toBoard = KeyBinding([.char("o")], "board", "期限总览")
  static let toNotices = KeyBinding([.char("t")], "notices", "督办通知")
  static let toChecks = KeyBinding([.char("c")], "checks", "抽查")

  static let boardKeys = KeymapSection(
    "期限总览",
    [
      KeyBinding([.enter], "drill", "查看该单位案件", bar: true),
      KeyBinding([.char("s")], "sort", "切换排序", bar: true),
      KeyBinding([.char("n")], "supervise", "督办最久超期的案件", bar: true, needs: .issueSupervision),
      toNotices, toTimeliness, toChecks, move,
    ])
  static let drillKeys = KeymapSection(
    "单位案件",
    [
      KeyBinding([.char("n")], "supervise", "督办所选案件", bar: true, needs: .issueSupervision),
      KeyBinding([.escape], "back", "返回总览", bar: true), move,
    ])
  static let noticesKeys = KeymapSection(
    "督办通知",
    [
      KeyBinding([.enter], "open", "查看", bar: true),
      KeyBinding([.char("y")], "reply", "回复督办", bar: true, needs: .replySupervision), toBoard,
      toTimeliness, toChecks,
      move,
    ])
  static let noticeKeys = KeymapSection(
    "督办详情",
    [
      KeyBinding([.char("y")], "reply", "回复督办", bar: true, needs: .replySupervision),
      KeyBinding([.escape], "back", "返回", bar: true),
      KeyBinding([.up, .down, .pageUp, .pageDown], "scroll", "滚动"),
    ])
  static let checksKeys = KeymapSection(
    "抽查",
    [
      KeyBinding([.char("n")], "draw", "新抽查", bar: true, needs: .spotCheck),
      KeyBinding([.enter], "open", "查看样本", bar: true), toBoard, toNotices, toTimeliness, move,
    ])
  static let itemsKeys = KeymapSection(
    "抽查样本",
    [
      KeyBinding([.char("v")], "verdict", "记录抽查结论", bar: true, needs: .spotCheck),
      KeyBinding([.escape], "back", "返回", bar: true), move,
    ])

  public static let keymap = [
    boardKeys, drillKeys, noticesKeys, noticeKeys, timelinessKeys, checksKeys, itemsKeys,
  ]

  public var bindings: KeymapSection {
    if let overlay { return overlay.keymap }
    switch mode {
    case .board: return Self.boardKeys
    case .drill: return Self.drillKeys
    case .notices: return Self.noticesKeys
    case .notice: return Self.noticeKeys
    case .spotChecks: return Self.checksKeys
    case .spotItems: return Self.itemsKeys
    case .timeliness: return Self.timelinessKeys
    }
  }

  public var capturesText: Bool { overlay?.capturesText ?? false }

  public var hasUnsavedInput: Bool {
    if case .form = overlay { return true }
    return false
  }

  public var escapeLosesInput: Bool { overlay?.escapeLosesInput ?? false }

  // MARK: - Loading

  public mutating func activate(_ context: AppContext) {
    if timelinessMonth.dayNumber == 0 { timelinessMonth = context.today.firstOfMonth }
    reload(context)
  }

  mutating func reload(_ context: AppContext) {
    lastContext = context
    do {
      rules = try service.ruleTable()
      names = try service.staffNames()
      orgNames = try service.organisationNames()
      let soon = context.calendar.deadline(receivedAt: context.today, workingDays: 2)
      boardAsRead = try service.deadlineOverview(
        today: context.today, soonUntil: soon, for: context.staff)
      board = Self.sorted(boardAsRead, by: sort)
      notices = try service.supervisionNotices(
        org: nil, for: context.staff, offset: 0, limit: Self.pageSize)
      switch mode {
      case .drill(let org):
        drillRows = try drillPaging.first {
          try service.deadlines(org: org, for: context.staff, offset: $0, limit: $1)
        }
      case .notice(let id): openNotice(id, context)
      case .spotChecks, .spotItems:
        checks = try service.spotChecks(limit: 100)
        if case .spotItems(let id) = mode { items = try service.spotCheckItems(id: id) }
      case .timeliness: try loadTimeliness(context)
      default: break
      }
      problem = nil
    } catch {
      problem = CLI.message(for: error)
    }
    boardCursor.clamp(count: board.count, page: 10)
    drillCursor.clamp(count: drillRows.count, page: 10)
    noticeCursor.clamp(count: notices.count, page: 10)
  }

  static func sorted(_ rows: [OrganisationDeadlines], by sort: Sort) -> [OrganisationDeadlines] {
    // Stable: ties keep the directory's own order.
    let indexed = Array(rows.enumerated())
    func key(_ r: OrganisationDeadlines) -> [Int] {
      switch sort {
      case .overdue: return [-r.overdue, r.oldestOverdue?.dayNumber ?? Int.max]
      case .dueToday: return [-r.dueToday, -r.overdue]
      case .dueSoon: return [-r.dueSoon, -r.dueToday]
      case .longest: return [r.oldestOverdue?.dayNumber ?? Int.max, -r.overdue]
      case .directory: return []
      }
    }
    return indexed.sorted { a, b in
      let ka = key(a.element)
      let kb = key(b.element)
      return ka == kb ? a.offset < b.offset : ka.lexicographicallyPrecedes(kb)
    }.map(\.element)
  }
}
