import Domain
import Foundation
import Store

/// 差评整改 — the bad-review rectification queues, the case view with every step of 第三十七条 one
/// key away, hand registration of ratings (F2), and satisfaction by organisation and period.
public struct RectificationPane: Pane {
  /// The queues of the list, in tab order.
  public enum View: CaseIterable, Sendable {
    case verifying, rectifying, awaitingReview, awaitingCallback, closed, all

    public var title: String {
      switch self {
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
      case .all: return nil
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
  public internal(set) var view: View = .verifying
  var counts: [RectificationPhase: Int] = [:]
  public internal(set) var rows: [RectificationSummary] = []
  var cursor = ListCursor()
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
  var statsCursor = ListCursor()
  /// A form, picker or confirmation over the pane.
  public internal(set) var overlay: Overlay?
  /// A step waiting for its confirmation, with the form it came from (restored on refusal).
  var pending: (command: RectificationCommand, form: Form, purpose: String)?
  /// Why the data could not be read, shown instead of the list.
  var loadError: String?

  public init(service: any RectificationService, context: AppContext) {
    self.service = service
    self.period = StatisticsPeriod.month(of: context.today)
  }

  /// Every queue, 待复核 included: a supervisor decides those cases, but the organisation that
  /// claimed its review invalid sees it waiting (hidden, its tabs did not add up to 全部).
  func views(_ context: AppContext) -> [View] { View.allCases }

  func count(_ v: View) -> Int {
    guard let p = v.phase else { return counts.values.reduce(0, +) }
    return counts[p] ?? 0
  }

  // MARK: - Keymap

  static let listKeys = KeymapSection(
    "差评整改",
    [
      KeyBinding([.up, .down, .char("j"), .char("k"), .pageUp, .pageDown], "move", "选择案件"),
      KeyBinding([.left, .right], "switchView", "切换视图", bar: true, label: "Left/Right"),
      KeyBinding([.enter], "open", "打开案件", bar: true),
      KeyBinding([.char("/")], "search", "查找案件(编号、单位、事项)"),
      KeyBinding([.function(2)], "register", "登记评价", bar: true, needs: .registerRating),
      KeyBinding([.char("s")], "statistics", "满意度统计", bar: true),
    ])

  static let caseKeys = KeymapSection(
    "案件",
    [
      KeyBinding(
        [.char("v")], RectificationStep.verify.rawValue, "核实并分类处置",
        needs: RectificationStep.verify.action),
      KeyBinding(
        [.char("r")], RectificationStep.review.rawValue, "复核无效差评申请",
        needs: RectificationStep.review.action),
      KeyBinding(
        [.char("m")], RectificationStep.classify.rawValue, "确定整改方式",
        needs: RectificationStep.classify.action),
      KeyBinding(
        [.char("e")], RectificationStep.extend.rawValue, "延期(须说明理由)",
        needs: RectificationStep.extend.action),
      KeyBinding(
        [.char("f")], RectificationStep.feedback.rawValue, "整改反馈",
        needs: RectificationStep.feedback.action),
      KeyBinding(
        [.char("c")], RectificationStep.callBack.rawValue, "回访",
        needs: RectificationStep.callBack.action),
      KeyBinding(
        [.char("x")], RectificationStep.closeWithoutCallback.rawValue, "不回访办结(匿名)",
        needs: RectificationStep.closeWithoutCallback.action),
      KeyBinding([.up, .down, .char("j"), .char("k"), .pageUp, .pageDown], "scroll", "滚动"),
      KeyBinding([.escape], "back", "返回列表", bar: true),
    ])

  static let statsKeys = KeymapSection(
    "满意度统计",
    [
      KeyBinding([.up, .down, .char("j"), .char("k")], "move", "选择单位"),
      KeyBinding([.pageUp], "previousMonth", "上月", bar: true),
      KeyBinding([.pageDown], "nextMonth", "下月", bar: true),
      KeyBinding([.char("p")], "period", "自定统计期间", bar: true),
      KeyBinding([.char("a")], "allTime", "全部期间"),
      KeyBinding([.char("o")], "export", "导出CSV", bar: true),
      KeyBinding([.escape], "back", "返回列表", bar: true),
    ])

  public static let keymap = [listKeys, caseKeys, statsKeys]

  public var bindings: KeymapSection {
    if let overlay { return overlay.keymap }
    switch mode {
    case .list: return Self.listKeys
    case .stats: return Self.statsKeys
    case .detail:
      // The whole table (help lists every step); the bar shows the steps open to this clerk now.
      let open = Set(availableSteps.map(\.rawValue))
      return KeymapSection(
        Self.caseKeys.title,
        Self.caseKeys.bindings.map { b in
          guard RectificationStep(rawValue: b.command) != nil else { return b }
          return b.inBar(open.contains(b.command))
        })
    }
  }

  /// Steps the operator can take on the open case (set by `activate`, which knows the operator).
  var availableSteps: [RectificationStep] = []

  public var capturesText: Bool { overlay?.capturesText ?? false }

  public var hasUnsavedInput: Bool {
    if pending != nil { return true }
    if case .form(let f, _) = overlay {
      return f.fields.contains { f in
        if case .choice = f.input { return false }
        return !f.value.isEmpty
      }
    }
    return false
  }

  public var escapeLosesInput: Bool { overlay?.escapeLosesInput ?? false }

  // MARK: - Data

  public mutating func activate(_ context: AppContext) {
    do {
      organisationOrder = try service.organisations()
      organisationNames = Dictionary(
        organisationOrder.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
      staffNames = try service.staffNames()
      if !views(context).contains(view) { view = .verifying }
      try reloadList(context)
      switch mode {
      case .detail(let id): try load(case: id, context)
      case .stats: try reloadStatistics(context)
      case .list: break
      }
      loadError = nil
    } catch {
      loadError = "无法读取差评整改数据: \(CLI.message(for: error))"
    }
  }

  /// Reloads the queue, keeping the selected case selected when it is still there.
  mutating func reloadList(_ context: AppContext) throws {
    let keep = rows.indices.contains(cursor.selected) ? rows[cursor.selected].id : nil
    counts = try service.rectificationCounts(for: context.staff)
    rows = try service.rectifications(
      phase: view.phase, for: context.staff, offset: 0, limit: 1000)
    if let keep, let i = rows.firstIndex(where: { $0.id == keep }) {
      cursor.select(i, count: rows.count, page: 10)
    } else {
      cursor.clamp(count: rows.count, page: 10)
    }
  }

  mutating func load(case id: String, _ context: AppContext) throws {
    guard let state = try service.rectification(id, for: context.staff) else {
      mode = .list
      current = nil
      return
    }
    current = state
    currentRating = try service.rating(state.ratingID)
    availableSteps = RectificationStep.allCases.filter {
      service.availability($0, on: state, for: context.staff, at: context.now) == nil
    }
    detail.lines = detailLines(state, try service.rectificationTimeline(state), context)
  }

  mutating func reloadStatistics(_ context: AppContext) throws {
    statistics = try service.satisfaction(period, for: context.staff)
    statsCursor.clamp(count: statistics.count, page: 10)
  }
}
