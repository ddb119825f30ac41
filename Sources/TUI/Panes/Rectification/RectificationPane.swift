import Domain
import Foundation
import Store

/// 差评整改 — the bad-review rectification queues, the case view with every step of 第三十七条 one
/// key away, hand registration of ratings (F2), and satisfaction by organisation and period.
public struct RectificationPane: Pane, EffectPane {
  /// The queues of the list, in tab order.
  public enum View: CaseIterable, Sendable {
    /// 我的 — assigned to me (and a supervisor's 待复核 and 待回访: `Store.myRectifications`).
    case mine
    case verifying, rectifying, awaitingReview, awaitingCallback, closed, all

    public var title: String {
      switch self {
      case .mine: return "我的"
      case .verifying: return "待核实"
      case .rectifying: return "整改中"
      case .awaitingReview: return "待复核"
      case .awaitingCallback: return "待回访"
      case .closed: return "已办结"
      case .all: return "全部"
      }
    }

    public var phase: RectificationPhase? {
      switch self {
      case .verifying: return .verifying
      case .rectifying: return .rectifying
      case .awaitingReview: return .awaitingReview
      case .awaitingCallback: return .awaitingCallback
      case .closed: return .closed
      case .mine, .all: return nil
      }
    }
  }

  public enum Mode: Equatable, Sendable {
    case list
    case detail(String)
    case stats
  }

  public let title = "差评整改"
  let service: any RectificationService
  public internal(set) var mode: Mode = .list
  var counts: [RectificationPhase: Int] = [:]
  var mineCount = 0
  /// The view's cases, a page at a time (the filter is the view).
  var queue = QueueView<RectificationSummary, View>(filter: .verifying)
  var organisationNames: [String: String] = [:]
  var organisationOrder: [Organisation] = []
  var staffNames: [String: String] = [:]
  /// The open case (detail mode).
  public internal(set) var current: Rectification?
  var currentRating: RatingRecord?
  var detail = DetailView()
  /// Statistics.
  public internal(set) var period: StatisticsPeriod
  public internal(set) var statistics: [OrganisationSatisfaction] = []
  /// By service item instead of by organisation (第三十五条), and those figures.
  public internal(set) var statsByItem = false
  public internal(set) var itemStatistics: [ItemSatisfaction] = []
  var statsCursor = ListCursor()
  /// The step being taken: form → (confirmation) → perform → the form back on refusal.
  var flow = StepFlow<RectificationPurpose, RectificationWork>()
  /// Why the data could not be read, shown instead of the list.
  var loadError: String?

  public init(service: any RectificationService, context: AppContext) {
    self.service = service
    self.period = StatisticsPeriod.month(of: context.today)
  }

  public mutating func handle(_ key: Key, _ context: AppContext) -> PaneResponse {
    runUpdate(key, context)
  }

  public mutating func activate(_ context: AppContext) { runStart(context) }

  public var view: View { queue.filter }
  public var rows: [RectificationSummary] { queue.rows }
  var cursor: ListCursor { queue.cursor }
  public var overlay: StepOverlay<RectificationPurpose>? { flow.overlay }

  /// Every queue, 待复核 included: a supervisor decides those cases, but the organisation that
  /// claimed its review invalid sees it waiting (hidden, its tabs did not add up to 全部).
  func views(_ context: AppContext) -> [View] { View.allCases }

  func count(_ v: View) -> Int {
    if v == .mine { return mineCount }
    guard let p = v.phase else { return counts.values.reduce(0, +) }
    return counts[p] ?? 0
  }

  // MARK: - Keymap

  /// The list's commands.
  enum ListCommand: String, PaneCommand {
    case move, switchView, open, search, register, statistics
  }

  /// The case view's commands besides its steps (`RectificationStep`).
  enum CaseCommand: String, PaneCommand { case scroll, back }

  /// The statistics' commands.
  enum StatsCommand: String, PaneCommand {
    case move, previousMonth, nextMonth, period, allTime, byItem, export, back
  }

  static let listKeys = KeymapSection(
    "差评整改",
    [
      KeyBinding(
        [.up, .down, .char("j"), .char("k"), .pageUp, .pageDown], ListCommand.move, "选择案件"),
      KeyBinding(
        [.left, .right], ListCommand.switchView, "切换视图", bar: true, label: "Left/Right"),
      KeyBinding([.enter], ListCommand.open, "打开案件", bar: true),
      KeyBinding([.char("/")], ListCommand.search, "查找案件(编号、单位、事项)"),
      KeyBinding(
        [.function(2)], ListCommand.register, "登记评价", bar: true, needs: .registerRating),
      KeyBinding([.char("s")], ListCommand.statistics, "满意度统计", bar: true),
    ])

  static let caseKeys = KeymapSection(
    "案件",
    [
      KeyBinding([.char("v")], step: RectificationStep.verify, "核实并分类处置"),
      KeyBinding([.char("r")], step: RectificationStep.review, "复核无效差评申请"),
      KeyBinding([.char("m")], step: RectificationStep.classify, "确定整改方式"),
      KeyBinding([.char("e")], step: RectificationStep.requestExtension, "申请延期(须说明理由)"),
      KeyBinding([.char("a")], step: RectificationStep.decideExtension, "审批延期"),
      KeyBinding([.char("f")], step: RectificationStep.feedback, "整改反馈"),
      KeyBinding([.char("c")], step: RectificationStep.callBack, "回访"),
      KeyBinding([.char("x")], step: RectificationStep.closeWithoutCallback, "不回访办结(匿名)"),
    ] + CaseWorkFlow.bindings + [
      KeyBinding(
        [.up, .down, .char("j"), .char("k"), .pageUp, .pageDown], CaseCommand.scroll, "滚动"),
      KeyBinding([.escape], CaseCommand.back, "返回列表", bar: true),
    ])

  static let statsKeys = KeymapSection(
    "满意度统计",
    [
      KeyBinding([.up, .down, .char("j"), .char("k")], StatsCommand.move, "选择单位"),
      KeyBinding([.pageUp], StatsCommand.previousMonth, "上月", bar: true),
      KeyBinding([.pageDown], StatsCommand.nextMonth, "下月", bar: true),
      KeyBinding([.char("p")], StatsCommand.period, "自定统计期间", bar: true),
      KeyBinding([.char("a")], StatsCommand.allTime, "全部期间"),
      KeyBinding([.char("i")], StatsCommand.byItem, "按事项", bar: true),
      KeyBinding([.char("o")], StatsCommand.export, "导出CSV", bar: true),
      KeyBinding([.escape], StatsCommand.back, "返回列表", bar: true),
    ])

  public static let keymap = [listKeys, caseKeys, statsKeys]

  public var bindings: KeymapSection {
    if let keys = flow.keymap { return keys }
    switch mode {
    case .list: return Self.listKeys
    case .stats: return Self.statsKeys
    case .detail:
      // The whole table (help lists every step); the bar shows the steps open to this clerk now.
      return KeymapSection(
        Self.caseKeys.title,
        Self.caseKeys.bindings.map { b in
          if let key = b.command(as: CaseWorkKey.self) {
            return b.inBar(b.inBar && key.steps.contains { availableWork.contains($0) })
          }
          guard let step = b.command(as: RectificationStep.self) else { return b }
          return b.inBar(availableSteps.contains(step))
        })
    }
  }

  /// Steps the operator can take on the open case (read with it, for the operator).
  var availableSteps: [RectificationStep] = []
  /// Case work open to the operator on the open case.
  var availableWork: [CaseWorkStep] = []
  /// Why the other steps are not open, as the case was read.
  var refusals: [RectificationStep: Refusal] = [:]

  public var capturesText: Bool { flow.capturesText }

  public var hasUnsavedInput: Bool {
    if flow.pending != nil { return true }
    if case .form(let f, _) = overlay {
      return f.fields.contains { f in
        if case .choice = f.input { return false }
        return !f.value.isEmpty
      }
    }
    return false
  }

  public var escapeLosesInput: Bool { flow.escapeLosesInput }
}

extension RectificationStep: PaneCommand {}

/// What a form or picker of the pane is for.
public enum RectificationPurpose: Equatable, Sendable {
  case register, period, export, find
  case step(RectificationStep)
  /// 备注、指派 (`CaseWorkFlow`).
  case work(CaseWorkPurpose)
}

/// A step on a case, confirmed (or saved, where F5 is enough).
public struct RectificationWork: Sendable {
  let id: String
  let command: RectificationCommand?
  /// Case work instead of a step of the machine.
  var caseWork: CaseWorkCommand? = nil

  var title: String { command?.step.title ?? caseWork.map { CaseWorkFlow.title($0.step) } ?? "" }
}
