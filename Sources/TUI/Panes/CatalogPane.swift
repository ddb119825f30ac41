import Domain
import Store

/// 事项库 — everyone browses and searches the catalog (filtered as they type); catalog managers
/// draft changes, review, test and file them (第十二条), and follow list adjustments (第十条).
public struct CatalogPane: Pane, EffectPane {
  public enum View: Int, CaseIterable, Sendable {
    case items, changes, adjustments

    var title: String {
      switch self {
      case .items: return "事项"
      case .changes: return "变更申请"
      case .adjustments: return "清单调整"
      }
    }
  }

  public enum Mode: Equatable, Sendable {
    case list
    /// Typing in the search field: every key re-filters the table.
    case search
    case detail
  }

  /// What the detail view shows.
  enum Subject: Equatable {
    /// An item at version `shown` (nil = in effect), compared with version `compare`.
    case item(code: String, shown: Int?, compare: Int?)
    case change(String)
    case adjustment(String)
  }

  public let title = "事项库"
  let service: any CatalogService
  public internal(set) var view: View = .items
  public internal(set) var mode: Mode = .list
  var query = TextField(label: "搜索", maxLength: 30, placeholder: "按 / 输入名称或编码")
  /// The words of the last search: `/` starts an empty one, Up brings these back.
  var lastQuery = ""
  var items: [CatalogSummary] = []
  var itemCursor = ListCursor()
  var changes: [CatalogChange] = []
  var changeCursor = ListCursor()
  var allChanges = false
  var openChangeCount = 0
  var adjustments: [ListAdjustment] = []
  var adjustmentCursor = ListCursor()
  var allAdjustments = false
  var openAdjustmentCount = 0
  var organisations: [Organisation] = []
  var names: [String: String] = [:]
  var detail = DetailView()
  var subject: Subject?
  /// The change on screen, as last read.
  var shownChange: CatalogChange?
  /// Why each step is not open on it to the operator, as the machine answered with it.
  var stepRefusals: [CatalogChangeStep: Refusal] = [:]
  var editor: CatalogEditor?
  /// A picker, form or confirmation over the pane: form → confirm → perform → the form back on
  /// refusal.
  var flow = StepFlow<CatalogPurpose, CatalogWork>()
  var overlay: StepOverlay<CatalogPurpose>? { flow.overlay }
  /// The material being edited in the overlay (nil = a new one).
  var materialIndex: Int?
  /// The operator, kept so the key bar can offer only the steps they may take.
  var operatorStaff: Staff? { appContext?.staff }
  /// The last context seen (operator, today, calendar) for details built outside a key press.
  var appContext: AppContext?
  /// Shown instead of the table when the database could not be read.
  var loadProblem: String?

  /// Rows fetched for the table: the whole catalog of a district fits; typing narrows it.
  static let rowLimit = 2000

  public init(service: any CatalogService) {
    self.service = service
  }

  public var bindings: KeymapSection {
    if let overlay { return overlay.keymap }
    if let editor { return editor.section == .form ? Self.editorKeys : Self.materialKeys }
    switch (mode, subject) {
    case (.search, _): return Self.searchKeys
    case (.detail, .item?): return Self.itemDetailKeys
    case (.detail, .change(let id)?): return changeDetailBindings(id)
    case (.detail, .adjustment?): return Self.adjustmentDetailKeys
    default:
      switch view {
      case .items: return Self.itemKeys
      case .changes: return Self.changeKeys
      case .adjustments: return Self.adjustmentKeys
      }
    }
  }

  /// Text goes to the search field, the editor or an overlay's form; elsewhere keys are commands.
  public var capturesText: Bool {
    if let overlay { return overlay.capturesText }
    return editor != nil || mode == .search
  }

  public var hasUnsavedInput: Bool { editor?.dirty ?? false }

  /// An overlay (a material's form) answers for itself; below it, the editor's form.
  public var escapeLosesInput: Bool {
    if let overlay { return overlay.escapeLosesInput }
    guard let e = editor, e.section == .form else { return false }
    return e.dirty
  }

  public mutating func activate(_ context: AppContext) { runStart(context) }

  public mutating func handle(_ key: Key, _ context: AppContext) -> PaneResponse {
    runUpdate(key, context)
  }

  /// A key: the new state, and the reads and steps to run (never run here).
  mutating func update(_ key: Key, _ context: AppContext) -> Update<CatalogEffect> {
    appContext = context
    if flow.isOpen { return handleOverlay(key, context) }
    if editor != nil { return handleEditor(key, context) }
    switch mode {
    case .search: return handleSearch(key)
    case .detail: return handleDetail(key, context)
    case .list: return handleList(key, context)
    }
  }

  func organisationName(_ code: String) -> String {
    organisations.first { $0.code == code }?.name ?? code
  }

  /// `市场监督管理局` for `区市场监督管理局`: in a narrow column the district prefix says nothing.
  func shortOrganisationName(_ code: String) -> String {
    let name = organisationName(code)
    return name.hasPrefix("区") && name.count > 4 ? String(name.dropFirst()) : name
  }

  func staffName(_ login: String) -> String { names[login] ?? login }
}

/// What a form or picker over the 事项库 pane is for.
enum CatalogPurpose: Equatable, Sendable {
  case material, adjustment, sendBack, file, test, withdraw, close
  /// 国家标准要素 of the draft being edited (F6 in the editor).
  case national
  /// 起草变更: which kind of change, for this item.
  case kind(item: String)
  /// 版本对比: which other version, of this item.
  case compare(item: String)
}

/// The 事项库 pane's commands (a change's own steps are `CatalogChangeStep`s).
enum CatalogCommand: String, PaneCommand {
  // Lists.
  case move, search, open, new, change, toggle, nextView, clear
  // Search.
  case type, done, erase, recall
  // Details.
  case scroll, older, newer, compare, item, back, close
  // Editor and its materials.
  case next, previous, choose, materials, national, save, cancel, add, edit, delete, up, down
}

extension CatalogChangeStep: PaneCommand {}
