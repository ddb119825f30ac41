import Domain
import Store

/// 督办 — every open deadline of the district at a glance, whatever the kind of case: one line
/// per organisation (已超期 / 今日到期 / 两日内到期 / 最长超期, sortable), Enter for its cases
/// oldest first, a 督办 notice from any line; the notices and their replies; 抽查 (第三十条).
public struct SupervisionPane: Pane, EffectPane {
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
    /// 投诉分析 of one month (第三十四条).
    case complaints
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
  /// One organisation's deadlines, oldest first, a page at a time (the filter is the organisation).
  var drill = QueueView<DeadlineRow, String>(filter: "")
  /// The notices the operator may see, newest first, a page at a time.
  var noticeQueue = QueueView<SupervisionRow, String?>(filter: nil)
  var noticeView = DetailView()
  var checks: [SpotCheckRow] = []
  var checkCursor = ListCursor()
  var items: [SpotCheckItemRow] = []
  var itemCursor = ListCursor()
  var timelinessMonth = CivilDate(dayNumber: 0)
  var timelinessRows: [OrganisationTimeliness] = []
  var timelinessCursor = ListCursor()
  /// 投诉分析 of the same month as 按时办结, grouped as chosen with `g`.
  var complaintGrouping = ComplaintGrouping.type
  var complaintAnalysis: ComplaintAnalysis?
  /// Every complaint on record instead of the month's (`w`).
  var complaintsAllTime = false
  /// The step being taken: form → confirmation → perform → the form back on refusal.
  var flow = StepFlow<SupervisionPurpose, SupervisionWork>()
  var rules = RuleTable()
  var names: [String: String] = [:]
  var orgNames: [String: String] = [:]
  var problem: String?
  var lastContext: AppContext?

  /// Spot checks listed (the newest).
  static let checkListLimit = 100

  public init(service: any SupervisionService) { self.service = service }

  public mutating func handle(_ key: Key, _ context: AppContext) -> PaneResponse {
    runUpdate(key, context)
  }

  public mutating func activate(_ context: AppContext) { runStart(context) }

  var overlay: StepOverlay<SupervisionPurpose>? { flow.overlay }
  var drillRows: [DeadlineRow] { drill.rows }
  var drillCursor: ListCursor { drill.cursor }
  var notices: [SupervisionRow] { noticeQueue.rows }
  var noticeCursor: ListCursor { noticeQueue.cursor }

  static let move = KeyBinding(
    [.up, .down, .char("j"), .char("k"), .pageUp, .pageDown, .home, .end], SupervisionCommand.move,
    "移动")
  static let toBoard = KeyBinding([.char("o")], SupervisionCommand.board, "期限总览")
  static let toNotices = KeyBinding([.char("t")], SupervisionCommand.notices, "督办通知")
  static let toChecks = KeyBinding([.char("c")], SupervisionCommand.checks, "抽查")

  static let boardKeys = KeymapSection(
    "期限总览",
    [
      KeyBinding([.enter], SupervisionCommand.drill, "查看该单位案件", bar: true),
      KeyBinding([.char("s")], SupervisionCommand.sort, "切换排序", bar: true),
      KeyBinding(
        [.char("n")], SupervisionCommand.supervise, "督办最久超期的案件", bar: true,
        needs: .issueSupervision),
      toNotices, toTimeliness, toComplaints, toChecks, move,
    ])
  static let drillKeys = KeymapSection(
    "单位案件",
    [
      KeyBinding(
        [.char("n")], SupervisionCommand.supervise, "督办所选案件", bar: true,
        needs: .issueSupervision),
      KeyBinding([.escape], SupervisionCommand.back, "返回总览", bar: true), move,
    ])
  static let noticesKeys = KeymapSection(
    "督办通知",
    [
      KeyBinding([.enter], SupervisionCommand.open, "查看", bar: true),
      KeyBinding(
        [.char("y")], SupervisionCommand.reply, "回复督办", bar: true, needs: .replySupervision),
      toBoard, toTimeliness, toComplaints, toChecks, move,
    ])
  static let noticeKeys = KeymapSection(
    "督办详情",
    [
      KeyBinding(
        [.char("y")], SupervisionCommand.reply, "回复督办", bar: true, needs: .replySupervision),
      KeyBinding([.escape], SupervisionCommand.back, "返回", bar: true),
      KeyBinding([.up, .down, .pageUp, .pageDown], SupervisionCommand.scroll, "滚动"),
    ])
  static let checksKeys = KeymapSection(
    "抽查",
    [
      KeyBinding([.char("n")], SupervisionCommand.draw, "新抽查", bar: true, needs: .spotCheck),
      KeyBinding([.enter], SupervisionCommand.open, "查看样本", bar: true), toBoard, toNotices,
      toTimeliness, move,
    ])
  static let itemsKeys = KeymapSection(
    "抽查样本",
    [
      KeyBinding(
        [.char("v")], SupervisionCommand.verdict, "记录抽查结论", bar: true, needs: .spotCheck),
      KeyBinding([.escape], SupervisionCommand.back, "返回", bar: true), move,
    ])

  public static let keymap = [
    boardKeys, drillKeys, noticesKeys, noticeKeys, timelinessKeys, complaintKeys, checksKeys,
    itemsKeys,
  ]

  public var bindings: KeymapSection {
    if let keys = flow.keymap { return keys }
    switch mode {
    case .board: return Self.boardKeys
    case .drill: return Self.drillKeys
    case .notices: return Self.noticesKeys
    case .notice: return Self.noticeKeys
    case .spotChecks: return Self.checksKeys
    case .spotItems: return Self.itemsKeys
    case .timeliness: return Self.timelinessKeys
    case .complaints: return Self.complaintKeys
    }
  }

  public var capturesText: Bool { flow.capturesText }

  public var hasUnsavedInput: Bool { flow.hasUnsavedInput }

  public var escapeLosesInput: Bool { flow.escapeLosesInput }

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

/// Every key of the pane, whichever view it is in.
enum SupervisionCommand: String, PaneCommand {
  case move, board, notices, checks, timeliness, drill, sort, supervise, back, open, reply, scroll
  case draw, verdict, previousMonth, nextMonth, export, complaints, grouping, allTime
}

/// What a form of the pane is for; what the step needs beyond the form rides along.
enum SupervisionPurpose: Equatable, Sendable {
  case supervise(SupervisionTarget)
  case reply(id: String)
  case draw
  case verdict(caseID: String)
  case export
}

/// A step confirmed in the pane.
enum SupervisionWork: Sendable {
  case supervise(SupervisionTarget, SupervisionMethod, String, Int)
  case reply(String, String)
  case draw(CivilDate, CivilDate, Int, UInt64)
  case verdict(String, String, SpotCheckVerdict, String)
}
