import Domain
import Store

/// 系统管理 — for admins: the district's organisations, its staff (add, roles, disable/enable),
/// the peer nodes and the rule parameters in one place. Every change goes through the same store
/// call as its command (`zwfw org …`, `zwfw staff …`, `zwfw rules set`), so the checks and their
/// words are the command line's; the pane adds none of its own.
public struct AdminPane: Pane, EffectPane {
  public enum View: Int, CaseIterable, Sendable {
    case organisations, staff, peers, rules, phrases
  }

  /// What a form, once saved, does.
  public enum Edit: Equatable, Sendable {
    case addOrganisation
    case renameOrganisation(String)
    case addStaff
    case roles(String)
    case rule(String)
    case addPhrase
    case editPhrase(String)
  }

  public enum Mode: Equatable, Sendable {
    case browse
    case form(Edit)
    /// Disable (true) or enable the selected organisation or account, awaiting y/n.
    case confirm(disable: Bool)
  }

  public let title = "系统管理"
  let service: any AdminService
  public internal(set) var overview: AdminOverview?
  public internal(set) var loadError: String?
  public internal(set) var view: View = .organisations
  public internal(set) var cursor = ListCursor()
  /// A form being filled → saved → the form back with the store's words on refusal.
  var flow = StepFlow<Edit, AdminWork>()
  /// Disable (true) or enable the selected row, awaiting y/n (nil: not asking).
  var toggling: Bool?

  public init(service: any AdminService) { self.service = service }

  enum BrowseCommand: String, PaneCommand {
    case organisations, staff, peers, rules, phrases, select, add, edit, toggle, refresh
    case moveUp, moveDown
  }

  enum ConfirmCommand: String, PaneCommand {
    case confirm, cancel
  }

  static let browseKeys = KeymapSection(
    "系统管理",
    [
      KeyBinding([.char("o")], BrowseCommand.organisations, "单位"),
      KeyBinding([.char("s")], BrowseCommand.staff, "工作人员"),
      KeyBinding([.char("p")], BrowseCommand.peers, "节点"),
      KeyBinding([.char("u")], BrowseCommand.rules, "规则参数"),
      KeyBinding([.char("t")], BrowseCommand.phrases, "常用语"),
      KeyBinding([.up, .down, .char("k"), .char("j")], BrowseCommand.select, "选择"),
      KeyBinding([.char("a")], BrowseCommand.add, "添加", bar: true),
      KeyBinding([.char("e")], BrowseCommand.edit, "修改", bar: true),
      KeyBinding([.char("d")], BrowseCommand.toggle, "停用或启用", bar: true),
      KeyBinding([.char("[")], BrowseCommand.moveUp, "常用语前移一位"),
      KeyBinding([.char("]")], BrowseCommand.moveDown, "常用语后移一位"),
      KeyBinding([.char("r")], BrowseCommand.refresh, "刷新", bar: true),
    ])

  static let confirmKeys = KeymapSection(
    "确认停用或启用",
    [
      KeyBinding([.char("y")], ConfirmCommand.confirm, "确认", bar: true),
      KeyBinding([.char("n"), .escape], ConfirmCommand.cancel, "取消", bar: true),
    ])

  public static let keymap = [browseKeys, Form.keymap, confirmKeys]

  public var mode: Mode {
    if let disable = toggling { return .confirm(disable: disable) }
    if case .form(_, let edit)? = flow.overlay { return .form(edit) }
    return .browse
  }

  /// The form open now (an empty one when none is).
  public var form: Form {
    if case .form(let f, _)? = flow.overlay { return f }
    return Form(title: "", fields: [])
  }

  /// The y/n question first, then the form's keys (the flow's), else the list's.
  public var bindings: KeymapSection {
    if toggling != nil { return Self.confirmKeys }
    return flow.keymap ?? Self.browseKeys
  }

  public var capturesText: Bool { toggling == nil && flow.capturesText }

  public var hasUnsavedInput: Bool { toggling == nil && flow.hasUnsavedInput }

  /// A changed form: Esc asks 放弃本次输入? first (the workstation's one mechanism).
  public var escapeLosesInput: Bool { hasUnsavedInput }

  var organisations: [Organisation] { overview?.organisations ?? [] }
  var staff: [Staff] { overview?.staff ?? [] }
  var peers: [PeerSyncStatus] { overview?.peers ?? [] }
  var rules: [RuleRow] { overview?.rules ?? [] }
  var phrases: [PhraseTemplate] { overview?.phrases ?? [] }

  /// The views' tabs, in `View` order, each with its rows' count: the tab bar shows them and the
  /// cursor moves over the current view's.
  var tabs: [ViewTab] {
    [
      ViewTab(key: "o", title: "单位", count: organisations.count),
      ViewTab(key: "s", title: "工作人员", count: staff.count),
      ViewTab(key: "p", title: "节点", count: peers.count),
      ViewTab(key: "u", title: "规则参数", count: rules.count),
      ViewTab(key: "t", title: "常用语", count: phrases.count),
    ]
  }

  var rowCount: Int { tabs.dropFirst(view.rawValue).first?.count ?? 0 }

  public mutating func activate(_ context: AppContext) { runStart(context) }

  public mutating func handle(_ key: Key, _ context: AppContext) -> PaneResponse {
    runUpdate(key, context)
  }
}
